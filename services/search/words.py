"""The words people type, understood per language: normalised, stemmed, stop words set apart, typos corrected.

Pure functions (no models, no database): the search's index and its queries both go through them, so a word is
treated the same way when a listing is indexed and when someone searches for it.

- ``fold``: a word without accents, lower-case, as ``text.normalise`` folds the index's words.
- ``stem``: the Snowball stem (PyStemmer) of a word in a language (es, pt, en, id), folded the same way, so that
  psicólogo / psicóloga / psicológica, advogado / advogada, counseling / counselling, kehamilan / hamil meet.
- ``stop_words`` and ``meaningful``: a query's words without the words that say nothing of the help sought
  (the stopwords-iso lists, less the words that do, plus the words of asking: necesito, preciso, need, butuh...).
- ``correction``: the nearest word of a vocabulary to a word that matches nothing (rapidfuzz's optimal string
  alignment distance, Levenshtein's with a swap of two neighbouring letters as one edit: 1 for words of 4 to 7
  letters, 2 for longer ones; shorter words are never corrected); ``sound_keys`` and ``sounds_like``: a Spanish or
  Portuguese word typed as it sounds ("alluda", "nesesito", "agreçao") and the word it sounds like.
"""

import functools
import re
import threading
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from typing import NamedTuple

import Stemmer
import stopwordsiso
from rapidfuzz import process
from rapidfuzz.distance import OSA

from .text import MIN_WORD_LENGTH, joined_contractions, normalise, said_phrase

#: The interface languages and their Snowball stemmers.
STEMMERS = {"es": "spanish", "pt": "portuguese", "en": "english", "id": "indonesian"}
LANGUAGES = tuple(STEMMERS)

# Letters that Unicode does not decompose into a base letter plus accent (as in ``text``).
_EXTRA_FOLDS = str.maketrans({"ø": "o", "đ": "d", "ð": "d", "ł": "l", "æ": "ae", "œ": "oe", "þ": "th", "ı": "i"})


@functools.lru_cache(maxsize=4096)
def _fold_character(character: str) -> str:
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", character) if ch.isascii() or not unicodedata.combining(ch)
    ).translate(_EXTRA_FOLDS)


def fold(text: str) -> str:
    """``text`` without accents, lower-case (ñ → n, ç → c, ø → o); punctuation kept."""
    text = str(text or "").casefold().translate(_EXTRA_FOLDS)
    if text.isascii():
        return text
    return "".join(_fold_character(character) if not character.isascii() else character for character in text)


# --- Word forms -------------------------------------------------------------------------------------------------

#: The shortest stem a word is matched by ("cas" for "casa" would match caso).
SHORTEST_STEM = 4

#: The longest word of a phrase naming a type of help that is taken for an abbreviation (KB, LBH): in the names of
#: another help's services it counts only as a whole word, not as the beginning of a longer one ("KB", family
#: planning, is not "KBG", gender-based violence: ``understanding.named``).
LONGEST_ABBREVIATION = 3

#: A word written in capitals in a term is an abbreviation (PAP, KDRT, VBG): it names its help as written, never by its
#: stem nor by a query word's ("papá", dad, stems to "pap").
_CAPITALS = re.compile(r"[^\W\d_]{2,}")

_stemmers = threading.local()  # a PyStemmer object is not to be shared between threads


def _stemmer(language: str) -> Stemmer.Stemmer:
    found = getattr(_stemmers, language, None)
    if found is None:
        found = Stemmer.Stemmer(STEMMERS[language])
        setattr(_stemmers, language, found)
    return found


# Portuguese typed without accents: the stemmer knows "-ção", "-ções", "-ões" and "-ão" only with them
# ("informacao" would stem to "informaca", "informação" to "inform").
_PORTUGUESE_ENDINGS = (("coes", "ções"), ("cao", "ção"), ("oes", "ões"), ("ao", "ão"))


def _restore_accents(word: str, language: str) -> str:
    if language == "pt":
        for plain, accented in _PORTUGUESE_ENDINGS:
            if word.endswith(plain) and len(word) > len(plain) + 2:
                return word[: -len(plain)] + accented
    return word


#: Roots a stemmer must not cut, because what it leaves is another everyday word: Indonesian "pengacara" (a
#: lawyer) would become "acara" (an event, a programme) and "perkosaan" (rape) "kosa" (as in kosakata, vocabulary).
#: A word that starts with one of them stems to it ("pengacaranya", "pemerkosaan" → "pengacara", "perkosa").
KEPT_ROOTS = {"id": ("pengacara", "perkosa")}


@functools.lru_cache(maxsize=65536)
def stem(word: str, language: str) -> str:
    """The word's stem in ``language``, folded; the folded word itself in a language without a stemmer. Numbers and
    words of two letters or fewer are kept whole (stemmers make noise of abbreviations: "kb", "lbh"), and so are the
    ``KEPT_ROOTS`` a word starts with."""
    folded = fold(word)
    if language not in STEMMERS or len(folded) <= 3 or not folded.isalpha():
        return folded
    stemmed = fold(_stemmer(language).stemWord(_restore_accents(word.casefold(), language))) or folded
    root = next((root for root in KEPT_ROOTS.get(language, ()) if folded.startswith(root)), None)
    return root if root is not None and not stemmed.startswith(root) else stemmed


def indexed_stems(words: Iterable[str], language: str) -> list[str]:
    """The stems in ``language`` that a search document adds to ``words`` (normalised words of a field written in
    that language): those that do not start their word ("hamil" of "kehamilan", "lindung" of "perlindungan"), of
    at least ``SHORTEST_STEM`` letters, each once. A stem that starts its word adds nothing: a query's forms are
    matched as prefixes, so "psicolog" already finds "psicologica"."""
    found = {}
    for word in words:
        stemmed = stem(word, language)
        if len(stemmed) >= SHORTEST_STEM and not word.startswith(stemmed):
            found[stemmed] = None
    return list(found)


def stems(words: Iterable[str], language: str) -> list[str]:
    """The stems of ``words`` in ``language``, each once, in order."""
    return list(dict.fromkeys(stem(word, language) for word in words))


# --- Stop words -------------------------------------------------------------------------------------------------

#: Words that ask for help without saying which, those that say one goes through something or is its victim without
#: saying what ("sufro", "experiencing", "mengalami", "víctima", "korban": the harm is in the other words; alone, a
#: term of GBV case management) and those that say it costs nothing ("gratis", "de graça": every kind of help can be
#: free, and English "free" is a stop word already): dropped from queries like stop words.
NEED_WORDS = {
    "es": "necesito necesita necesitamos ocupo busco buscando buscar quiero quisiera requiero ayuda ayudar ayudeme "
    "ayudenme urgente favor porfa porfavor hola donde encuentro encontrar conseguir hay alguien algun alguna "
    "gratis gratuito gratuita gratuitos gratuitas sufro sufriendo victima victimas",
    "pt": "preciso precisa precisamos procuro procurando quero queria gostaria ajuda ajudar socorro urgente favor "
    "ola oi onde encontro encontrar conseguir consigo alguem algum alguma tem gratis gratuito gratuita gratuitos "
    "gratuitas graca sofro sofrendo vitima vitimas",
    "en": "need needs needed looking want wanted help please urgent urgently where find get somebody anyone "
    "hello hi near nearby experiencing victim victims",
    "id": "butuh perlu membutuhkan mencari cari ingin mau tolong bantu bantuin mohon segera darurat halo dimana "
    "mana ada minta gratis gratisan mengalami korban",
}

#: Chat spelling and fillers that say nothing of the help sought, as people type them on a phone: "xq" and "pq"
#: (porque), "pa" and "pra" (para), "vc" (você), "to" and "ta" (estou, está), Indonesian "gue" and "gw" (I), "gak"
#: and "nggak" (not), "udah" (already), "aja", "sih"; Caribbean English "mi" (I, me, my), "fi" (to) and "cyaan"
#: (can't), and "not" as people misspell it ("dosent"); "ex" and "mantan" (the former partner: the need is in the other
#: words), the nights and days before and after ("anoche", "ontem", "semalam", "besok") and the now ("ahorita", "agr",
#: "skrg": the stop words have "ahora", "agora", "sekarang"), the verbs of saying ("falou", "disse", "told", "bilang":
#: what was said is in the other words), Indonesian "kemana" (where to), "gimana" (how) and "pengen" (want),
#: Portuguese "fica" ("he keeps on...", "where is...") and "cara" (a guy, a filler, the face: "um tapa na cara" found
#: the services of Caracas first), "tendo", "estando" ("tô tendo uma crise": the stop words
#: have "tenho" and "estou", and Spanish "teniendo"), the Spanish words of being and having that Venezuelans write in
#: Portuguese ("estoy", "tengo", "soy", "sin": portuñol on the Portuguese page, where the Spanish stop words are no
#: stop words), Indonesian "suka" ("suka mukul": hits me often), Betawi "aye" (I) and "bener" (really), and English
#: "ned" (need, a stop word), English "asap" (corrected into "wasap", WhatsApp, it asked for chat support), "idk",
#: "tbh", "omg", "btw". Dropped from queries like stop words.
CHAT_WORDS = {
    "es": "xq pq porq ke pa pal tb tmb tmbn xfa plis pls porfis anoche ahorita horita",
    "pt": "pq vc vcs tb tbm pra pro pros pras to ta q oq naum ne mt mto msm cmg hj td tds ex ontem falou disse fica "
    "agr tendo estando estoy tengo soy sin pfv pfvr plmds cara",
    "en": "ur pls plz thx told mi fi cyaan caan dosent doesent dosnt dnt cnt wasent didint ned asap idk tbh omg btw",
    "id": "gue gw gua lo lu loe udah udh sdh aja sih nih deh yg dgn tp krn bgt banget kak mba mbak min sy ak aq gak "
    "nggak ga gk ngga ndak kagak mantan semalam kemarin besok bilang katanya suka skrg skg aye bener kemana gimana "
    "pengen",
}

#: Words as people text them, written short, and the words they stand for, per language: Indonesian drops the
#: vowels of everyday words ("rmh" rumah, "tmpt" tempat, "sklh" sekolah, "hkm" hukum, "ank" anak, "org" orang, "grts"
#: gratis) and of the words around them ("dr" dari, "sm" sama, "tdk" tidak). Read as those words before anything else
#: (``concepts``): "butuh rmh aman" is "butuh rumah aman", a shelter, not "aman" alone; "org tua" is no organisation.
WRITTEN_SHORT = {
    "id": {
        "rmh": "rumah",
        "tmpt": "tempat",
        "tmp": "tempat",
        "hkm": "hukum",
        "sklh": "sekolah",
        "ank": "anak",
        "org": "orang",
        "ortu": "orang tua",
        "grts": "gratis",
        "nmr": "nomor",
        "tlp": "telepon",
        "tlpn": "telepon",
        "telp": "telepon",
        "kls": "kelas",
        "bln": "bulan",
        "thn": "tahun",
        "jln": "jalan",
        "bs": "bisa",
        "pny": "punya",
        "pnya": "punya",
        "msh": "masih",
        "pgn": "pengen",
        "kmrn": "kemarin",
        "bsk": "besok",
        "sdr": "saudara",
        "bpk": "bapak",
        "dmn": "dimana",
        "gmn": "gimana",
        "kmn": "kemana",
        "knp": "kenapa",
        "kpn": "kapan",
        "dr": "dari",
        "sm": "sama",
        "utk": "untuk",
        "lg": "lagi",
        "jg": "juga",
        "blm": "belum",
        "tdk": "tidak",
        "prmpuan": "perempuan",
        "cwe": "cewek",
        "bini": "istri",
    },
}


def written_out(words: list[str], language: str) -> list[str]:
    """``words`` with each one written short in ``language`` (``WRITTEN_SHORT``) as the words it stands for."""
    short = WRITTEN_SHORT.get(language)
    if not short:
        return list(words)
    return [part for word in words for part in short.get(word, word).split()]


def _phrases(*phrases: str) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(phrase.split()) for phrase in phrases)


#: Words that say what the filters of the search page say, in every language, normalised, per filter: a search that
#: says one shows only the services that filter shows (``services.filters.ServiceFilter.with_filters_said``): free;
#: open at this moment; open 24 hours, 7 days; walk in, no appointment; wheelchair access. Searched, these words are
#: dropped like stop words (``NEED_WORDS``, the stop word lists), found in listings, or find the types of help whose
#: terms they are ("24").
FILTER_PHRASES = {
    "free": _phrases(
        "gratis",
        "gratuito",
        "gratuita",
        "gratuitos",
        "gratuitas",
        "gratuitamente",
        "gratisan",
        "free",
        "sin costo",
        "sin cobro",
        "sin pagar",
        "que no cobren",
        "que no cobre",
        "de graca",
        "sem custo",
        "sem pagar",
        "sem cobrar",
        "for free",
        "free of charge",
        "no cost",
        "at no cost",
        "no charge",
        "cuma cuma",
        "tanpa biaya",
        "tidak bayar",
        "tanpa bayar",
        "gak bayar",
        "nggak bayar",
        "ga bayar",
    ),
    "open_now": _phrases(
        "abierto ahora",
        "abierta ahora",
        "abiertos ahora",
        "abiertas ahora",
        "abierto ahorita",
        "abierto en este momento",
        "aberto agora",
        "aberta agora",
        "abertos agora",
        "abertas agora",
        "funcionando agora",
        "open now",
        "open right now",
        "opened now",
        "buka sekarang",
        "yang buka sekarang",
        "buka saat ini",
    ),
    "open_24_7": _phrases(
        "24 horas",
        "las 24 horas",
        "24 h",
        "24h",
        "24 hs",
        "24 7",
        "24x7",
        "24 hours",
        "24 hrs",
        "around the clock",
        "24 jam",
    ),
    "walk_in": _phrases(
        "sin cita",
        "sin cita previa",
        "sin turno",
        "sin agendar",
        "sem agendamento",
        "sem agendar",
        "sem marcar",
        "sem hora marcada",
        "walk in",
        "walkin",
        "no appointment",
        "without appointment",
        "without an appointment",
        "tanpa janji",
        "tanpa perjanjian",
        "langsung datang",
    ),
    "wheelchair": _phrases(
        "silla de ruedas",
        "en silla de ruedas",
        "cadeira de rodas",
        "cadeirante",
        "wheelchair",
        "wheelchair user",
        "wheelchair accessible",
        "in a wheelchair",
        "kursi roda",
        "pakai kursi roda",
    ),
}
_FILTER_OF_PHRASE = {phrase: name for name, phrases in FILTER_PHRASES.items() for phrase in phrases}

_LONGEST_FILTER_PHRASE = max(map(len, _FILTER_OF_PHRASE))
#: Words beside which a phrase of ``FILTER_PHRASES`` says something else ("free from violence", "feel free to call",
#: the game Free Fire: "le pide fotos por el free fire"), and someone who does not pay what is owed ("majikan tidak
#: bayar gaji": the employer does not pay the wages; "suami gak bayar": the husband does not pay).
_UNPAID = "gaji gajiku gajinya upah sewa kontrakan kos kost utang hutang cicilan nafkah uang listrik renta alquiler "
_UNPAID += "arriendo luz aluguel salario sueldo"
_PAYERS = "majikan bos atasan perusahaan pabrik agen suami mantan dia"
_SAID_OTHERWISE = {
    ("free", "from"),
    ("feel", "free"),
    ("free", "fire"),
    *((pay, unpaid) for pay in ("bayar", "pagar") for unpaid in _UNPAID.split()),
    *((payer, no) for payer in _PAYERS.split() for no in ("tidak", "gak", "nggak", "ga", "tanpa")),
}

#: Words that say the help must be given in a language, normalised, per language: before the language's name ("en
#: quechua", "que hable inglés", "em espanhol", "in Spanish", "speaks Portuguese", "dalam bahasa Inggris") or after it
#: ("Spanish speaking", "quechua hablante"). A search that says one shows only the services given in that language, as
#: the filter "Language" does (``understanding.language_named``). "en", "em" and "in" also say where: they come before
#: the Spanish, Portuguese and English names alone, never before a country's name ("in Indonesia"), and Indonesian
#: says a language with "bahasa" and a word before it ("kursus bahasa Inggris" is an English course).
SPOKEN_BEFORE = {
    language: _phrases(*phrases.split(", "))
    for language, phrases in {
        "es": "en, en idioma, en lengua, habla, hablan, hable, hablen, que habla, que hablan, que hable, que hablen, "
        "que sepa, que sepan, hablante de, hablantes de",
        "pt": "em, no idioma, na lingua, em lingua, fala, falam, fale, falem, que fala, que falam, que fale, "
        "que falem, falante de, falantes de",
        "en": "in, speaks, speak, speaking, who speaks, who speak, that speaks, that speak",
        "id": "dalam bahasa, berbahasa, bisa bahasa, pakai bahasa, dengan bahasa, menggunakan bahasa, "
        "yang bisa bahasa, yang berbahasa, yang pakai bahasa",
    }.items()
}
SPOKEN_AFTER = _phrases("speaking", "speaker", "speakers", "hablante", "hablantes", "falante", "falantes")
#: The words of ``SPOKEN_BEFORE`` that also say where.
SPOKEN_WHERE = _phrases("en", "em", "in")

#: Words that say where, normalised, before the name of a city or a country of the directory ("abogada en Lima",
#: "abrigo em Manaus", "shelter in Jakarta", "pengacara di Medan"): the search then shows the services near that city
#: or in that country, as the filters "Near" and "Country" do (``understanding.place_named``). A country is a place
#: only after one of these (alone, "venezuela" is as often where she comes from); a city also alone ("refugio
#: bogota"). Portuguese "no" and "na" (in the) are words that say where in Portuguese alone: "no" is Spanish's "not".
PLACE_BEFORE = _phrases(
    "en", "cerca de", "cerca a", "cerquita de", "por", "alrededor de", "aqui en",
    "em", "perto de", "perto da", "perto do", "aqui em",
    "in", "near", "around", "close to", "nearby", "at",
    "di", "dekat", "sekitar", "daerah", "wilayah", "di kota", "di daerah", "di sekitar", "dekat dengan",
)  # fmt: skip
PLACE_BEFORE_IN = {"pt": _phrases("no", "na", "no centro de", "na cidade de")}
#: Words that say where someone comes from, before a place: "soy de Venezuela y estoy en Cúcuta" is near Cúcuta, "I'm
#: from Caracas" names no place to search near.
PLACE_OF_ORIGIN_BEFORE = _phrases(
    "soy de", "vengo de", "venimos de", "somos de", "sali de", "hui de", "huimos de", "desde", "originaria de",
    "originario de", "sou de", "venho de", "viemos de", "fugi de", "sai de", "natural de",
    "from", "im from", "i am from", "fled", "left",
    "dari", "asal", "asal dari", "berasal dari", "kabur dari", "lari dari",
)  # fmt: skip
#: Names of cities of the directory that are everyday words in one of the four languages, a place only after a word
#: that says where: Indonesian "lima" (five: "anak lima") and "medan" (a field), Spanish and Portuguese "pasto" (grass).
NOT_A_PLACE_ALONE = frozenset({"lima", "medan", "pasto"})
#: Names people give cities, normalised, to the city's name in the directory.
PLACE_ALIASES = {"cdmx": "ciudad de mexico", "nyc": "new york"}


class Said(NamedTuple):
    """A phrase ``phrases_said`` found: its ``value``, and the typed words ``start`` to ``end`` (``text.split()``)."""

    value: object
    start: int
    end: int


def phrases_said(
    text: str, phrases: Mapping[tuple[str, ...], object], longest: int, otherwise: Collection[tuple] = ()
) -> list[Said]:
    """The phrases of ``phrases`` (normalised words, to a value; the longest has ``longest`` words) that ``text``
    says, in order, the longest at each word first, none overlapping; none beside a word with which it says something
    else (``otherwise``: pairs of normalised words)."""
    tokens = str(text or "").split()
    normalised = [tuple(normalise(token).split()) for token in tokens]
    found, start = [], 0
    while start < len(tokens):
        for end in range(min(len(tokens), start + longest), start, -1):
            if not normalised[start] or not normalised[end - 1]:
                continue
            words = tuple(word for token in normalised[start:end] for word in token)
            if words not in phrases:
                continue
            before = normalised[start - 1][-1:] if start else ()
            if not any(
                pair in otherwise
                for pair in ((*before, words[0]), *((words[-1], next_) for next_ in _next_words(normalised, end)))
            ):
                found.append(Said(phrases[words], start, end))
                start = end - 1
                break
        start += 1
    return found


#: Words between a phrase and the word with which it says something else ("sin pagar la renta": without paying the
#: rent), looked past.
_LINKING_WORDS = "el la los las lo mi mis su sus tu tus o a os as meu minha meus minhas seu sua seus suas "
_LINKING = frozenset((_LINKING_WORDS + "the my his her their").split())


def _next_words(normalised: list[tuple[str, ...]], end: int) -> list[str]:
    """The word after ``normalised[:end]``, and the one after it too when the first links them (``_LINKING``)."""
    following = [word for token in normalised[end : end + 2] for word in token][:2]
    return following[:2] if following and following[0] in _LINKING else following[:1]


def typed(text: str, said: Said) -> str:
    """The words of ``text`` that ``said`` found, as typed."""
    return " ".join(str(text or "").split()[said.start : said.end])


def without(text: str, found: Iterable[Said]) -> str:
    """``text`` without the words the phrases ``found`` (in it, by ``phrases_said``) said."""
    left_out = {index for said in found for index in range(said.start, said.end)}
    return " ".join(token for index, token in enumerate(str(text or "").split()) if index not in left_out)


def filters_said(text: str) -> dict[str, Said]:
    """The filters of ``FILTER_PHRASES`` that ``text`` says, each with the first phrase that says it."""
    said = {}
    for found in phrases_said(text, _FILTER_OF_PHRASE, _LONGEST_FILTER_PHRASE, _SAID_OTHERWISE):
        said.setdefault(found.value, found)
    return said


#: Words of the stopwords-iso lists that name a need, a person or a place of help: never dropped.
KEPT_WORDS = {
    "es": "trabajo trabajar casa casas hogar hijos hijo hija hijas familia mujer mujeres salud linea numero "
    "telefono grupo grupos plan derechos derecho nino nina ninos ninas persona personas comida vida dinero "
    "centro social juez justicia ley medico medica empleo trata sigue pais",
    "pt": "trabalho trabalhar casa casas lar filhos filho filha filhas familia mulher mulheres saude linha numero "
    "telefone grupo grupos plano direitos direito crianca criancas pessoa pessoas comida vida dinheiro centro "
    "social juiz justica lei medico medica conselho",
    "en": "home house work job jobs call order orders test tests information informed right rights know group "
    "groups place places small case cases line lines children child family women woman man men people person "
    "money food health legal law safe safety plan care mental life live living support home homes school business room "
    "keep away following follows showing shows showed er text took takes",
    "id": "tempat rumah kerja anak keluarga perempuan hak kesehatan nomor telepon kelompok rencana uang makan "
    "makanan hidup tinggal hukum aman orang ibu bapak kasus dini",
}


@functools.cache
def stop_words(language: str) -> frozenset[str]:
    """The folded words dropped from a query in ``language``: the stopwords-iso list less ``KEPT_WORDS``, plus
    ``NEED_WORDS`` and ``CHAT_WORDS``; nothing for a language without a list."""
    if language not in STEMMERS:
        return frozenset()
    listed = set()
    if stopwordsiso.has_lang(language):
        listed = {normalise(word) for word in stopwordsiso.stopwords(language)}
    kept = set(KEPT_WORDS.get(language, "").split())
    asking = set(NEED_WORDS.get(language, "").split()) | set(CHAT_WORDS.get(language, "").split())
    return frozenset((listed - kept) | asking)


def meaningful(words: list[str], language: str, keep: Iterable[str] = ()) -> list[str]:
    """``words`` (normalised) without the stop words of ``language``, except those in ``keep`` (say, the words of
    the categories' search terms). When every word is a stop word, all of them: a query never becomes empty."""
    dropped, kept = stop_words(language), set(keep)
    remaining = [word for word in words if word in kept or word not in dropped]
    return remaining or list(words)


#: Words that say "not": "no puedo dormir" (I cannot sleep) asks for another help than "dónde dormir", "ayuda sin
#: policía" (help without the police) another than "policía". English "t" is what "can't", "won't", "don't" leave
#: once normalised ("can t").
NEGATIONS = {
    "es": "no nunca ni jamas sin",
    "pt": "nao naum nunca nem jamais sem sin",
    "en": "not no never t cant cannot dont wont didnt doesnt couldnt wouldnt shouldnt isnt wasnt arent werent aint "
    "havent hasnt hadnt cyaan caan dosent doesent dosnt dnt cnt wasent didint without",
    "id": "tidak tak gak nggak ga gk ngga enggak engga ndak kagak tanpa",
}

#: The most stop words between a negation and the word it says "not" of: "no puedo dormir", "gak bisa tidur" (one),
#: "can't sleep" (none), but not "no tengo dónde dormir" (I have nowhere to sleep).
NEGATION_REACH = 1

#: Stop words of wanting (and Portuguese "mais") and of going to a place that a negation reaches through, not counted
#: in ``NEGATION_REACH``: "no quiero vivir", "não quero mais viver", "i don't want to live anymore" say "not" of living
#: (the words of a wish to die), where "no tengo dónde vivir" (I have nowhere to live) does not; "no quiero ir a la
#: policía", "não quero ir na polícia", "i don't want to go to the police" say "not" of the police. Not "pra", "pro"
#: (for, to): "sem lugar pra dormir" (nowhere to sleep) is no "not sleeping".
NEGATION_THROUGH = {
    "es": "quiero quiere ir a al la el",
    "pt": "quero quer mais ir a ao na no o",
    "en": "want wanna to go back the",
    "id": "mau ingin pengen",
}

#: The words of wanting among them: "no quiero ir a un albergue" (I don't want a shelter) is not "no tengo albergue" (I
#: have no shelter). A word a negation reaches through one of them is marked not wanted (``UNWANTED``): a term said so
#: names its help only with the same words, and such a query finds the terms with a plain "not" too ("no quiero ir a
#: la policía" is "sin policía", case management).
NEGATION_WANTING = {
    "es": "quiero quiere",
    "pt": "quero quer",
    "en": "want wanna",
    "id": "mau ingin pengen",
}
UNWANTED = "unwanted"

#: Words a negation reaches through after a word of wanting only: "no quiero que mi familia sepa", "não quero ter esse
#: filho", "não quero que ele me encontre" say "not" of the family knowing, of having the child, of his finding her; "no
#: tengo qué comer" (nothing to eat) of nothing.
NEGATION_THROUGH_WANTED = {
    "es": "que tener",
    "pt": "que ter ele ela",
}

#: The phrases of "free" that say no paying ("sin pagar", "sem custo", "tanpa biaya", "no cost"): no listing is found
#: by them, and their negation would make a need of the word after it ("sem pagar": not paid, as "no me pagan" says,
#: which is legal aid). They are not searched when they set the filter (``ServiceFilter.with_filters_said``).
_COST_ONLY = frozenset(
    phrase
    for phrase in FILTER_PHRASES["free"]
    if any(word in NEGATIONS[language].split() for word in phrase for language in NEGATIONS)
)


def says_cost_only(text: str, said: Said) -> bool:
    """Whether the phrase ``said`` found in ``text`` (``filters_said``) says no paying (``_COST_ONLY``)."""
    return tuple(normalise(typed(text, said)).split()) in _COST_ONLY


def negated(words: list[str], language: str) -> list[bool | str]:
    """For each of ``meaningful(words, language)``, whether a negation (``NEGATIONS``) comes before it with at most
    ``NEGATION_REACH`` other stop words between them (those of ``NEGATION_THROUGH`` not counted): ``UNWANTED`` when
    one of those is a word of wanting (``NEGATION_WANTING``), else True, and False when none does. None is when every
    word is a stop word."""
    dropped, negations = stop_words(language), set(NEGATIONS.get(language, "").split())
    through = set(NEGATION_THROUGH.get(language, "").split())
    wanting = set(NEGATION_WANTING.get(language, "").split())
    through_wanted = set(NEGATION_THROUGH_WANTED.get(language, "").split())
    marks, since, wanted = [], None, False  # stop words since the last negation (None when none came); wanting said
    for word in words:
        if word in dropped:
            if word in negations:
                since, wanted = 0, False
            elif since is not None and word not in through and not (wanted and word in through_wanted):
                since += 1
            wanted = wanted or (since is not None and word in wanting)
            continue
        marked = since is not None and since <= NEGATION_REACH
        marks.append((UNWANTED if wanted else True) if marked else False)
        since, wanted = None, False
    return marks or [False] * len(words)


def not_wanting(marks: Iterable[bool | str]) -> list[bool]:
    """``marks`` (``negated``) with a word not wanted as a word said with "not"."""
    return [bool(mark) for mark in marks]


# --- Typos ------------------------------------------------------------------------------------------------------

SHORTEST_CORRECTED = 4
LONGEST_ONE_EDIT = 7
#: The shortest word corrected as it sounds (``sounds_like``): "ijo" is "hijo".
SHORTEST_SOUNDED = 3


#: Everyday words that a typo correction leaves as typed, each seen corrected into a word of a name or a term that
#: means something else: "mama" into Indonesian "mana" (which) and "mami" into "mati" (dead), "señor" into "menor",
#: "fled" into "flee" (with "home", the shelters' "flee home"), "lick" (Caribbean: hit) into "sick", "waria" (a trans
#: woman) into "maria", "semana" (week) into Indonesian "kemana" (where to), "sending" into "ending", "tunggal"
#: (single: "ibu tunggal", a single mother) into "tinggal" (to live), "stranger" into "strangled", "paman" (uncle)
#: into "aman" (safe), "speaking" ("spanish speaking") into "shaking", "debo" (I owe) into "demo", "gano" (I earn)
#: into "gang" and "gana" (earns) into Indonesian "mana". With the page language's stopwords-iso list (``everyday``).
EVERYDAY_WORDS = {
    "es": "mama mami papa papi senor senora semana pone puso pongo debo gano gana",
    "pt": "mae mamae mainha pai painho semana aberto aberta",
    "en": "mama mom mommy fled male lick sending cleaning cleaner stranger speaking",
    "id": "mama waria tunggal kakak papua paman",
}


@functools.cache
def _everyday_words(language: str) -> frozenset[str]:
    listed = set(EVERYDAY_WORDS.get(language, "").split())
    if language in STEMMERS and stopwordsiso.has_lang(language):
        listed |= {normalise(word) for word in stopwordsiso.stopwords(language)}
    return frozenset(listed)


def everyday(word: str, language: str) -> bool:
    """Whether ``word`` (folded) is a known everyday word of ``language`` (``EVERYDAY_WORDS``, or a word of its
    stopwords-iso list), which a typo correction leaves as typed: found nowhere, it is left out and said."""
    return word in _everyday_words(language)


def edits_allowed(word: str) -> int:
    """How many edits (a letter inserted, deleted or replaced, two neighbours swapped) a correction may make: none
    below 4 letters, 1 up to 7, 2 beyond."""
    if len(word) < SHORTEST_CORRECTED:
        return 0
    return 1 if len(word) <= LONGEST_ONE_EDIT else 2


def correction(word: str, vocabulary: Mapping[str, int] | Iterable[str]) -> str | None:
    """The word of ``vocabulary`` nearest to ``word`` within ``edits_allowed``, or None (also when ``word`` is in
    it). With a mapping of word → how many documents hold it, the commonest of the nearest words wins; then the
    alphabetically first, so the answer never depends on the order of the vocabulary."""
    limit = edits_allowed(word)
    counts = vocabulary if isinstance(vocabulary, Mapping) else dict.fromkeys(vocabulary, 1)
    if not limit or not counts or word in counts:
        return None
    found = process.extract(word, list(counts), scorer=OSA.distance, score_cutoff=limit, limit=None)
    if not found:
        return None
    best = min(found, key=lambda match: (match[1], -counts[match[0]], match[0]))
    return best[0]


def _rules(pairs: list[tuple[str, str]]) -> list[tuple[re.Pattern, str]]:
    return [(re.compile(pattern), replacement) for pattern, replacement in pairs]


# How words are typed as they sound, per language: each rule writes one way what sounds the same. "\x01" to "\x03"
# keep a group of letters apart while the rules run.
_SOUND_RULES = {
    # Latin American Spanish: "ll" and "y" are one sound (yeísmo: alluda, yamar), so are "s", "z" and "c" before "e"
    # or "i" (seseo: nesesito, denunsia), "b" and "v" (biolencia), "k", "qu" and "c" before "a", "o" or "u" (kiero),
    # "j" and "g" before "e" or "i" (sicolojo); "h" says nothing (ijo, ospital), "ps" starts as "s" (sicologo), a
    # doubled letter sounds once (esposso, ayudda), a final "y" after a vowel is "i". "rr" is another sound than "r"
    # (perro, pero) and stays.
    "es": _rules(
        [
            (r"ch", "\x01"),
            (r"rr", "\x02"),
            (r"ll", "y"),
            (r"qu", "k"),
            (r"gu(?=[ei])", "\x03"),
            (r"g(?=[ei])", "j"),
            (r"c(?=[ei])", "s"),
            (r"z", "s"),
            (r"c", "k"),
            (r"v", "b"),
            (r"h", ""),
            (r"^ps", "s"),
            (r"(.)\1+", r"\1"),
            (r"(?<=[aeiou])y$", "i"),
            (r"\x01", "ch"),
            (r"\x02", "rr"),
            (r"\x03", "g"),
        ]
    ),
    # Brazilian Portuguese: "ç" (folded "c", ``_EITHER``), "ss", "s", "z" and "c" before "e" or "i" are one sound
    # (agreçao, ameassa, denunssiar, camizinha), "ch" and "x" another (chingamento), "lh" and "li" (familha), "nh" and
    # "ni"; "k", "qu" and "c" before "a", "o" or "u"; "j" and "g" before "e" or "i" (psicolojico); "h" says nothing
    # (ospital), "ps" starts as "pis" (pissicologa), a doubled letter sounds once; a final "o" is said "u" and "e" "i"
    # (abrigu, grupu, ansiedadi), a final "l" "u" (natau), a final "r" nothing (durmi). "rr" stays (carro, caro).
    "pt": _rules(
        [
            (r"ch", "x"),
            (r"rr", "\x02"),
            (r"lh", "li"),
            (r"nh", "ni"),
            (r"qu", "k"),
            (r"gu(?=[ei])", "\x03"),
            (r"g(?=[ei])", "j"),
            (r"[sx]c(?=[ei])", "s"),
            (r"c(?=[ei])", "s"),
            (r"z", "s"),
            (r"c", "k"),
            (r"y", "i"),
            (r"h", ""),
            (r"^ps", "pis"),
            (r"(.)\1+", r"\1"),
            (r"r$", ""),
            (r"l$", "u"),
            (r"o(?=s?$)", "u"),
            (r"e(?=s?$)", "i"),
            (r"\x02", "rr"),
            (r"\x03", "g"),
        ]
    ),
}

# Letters a folded word may have lost the sound of: Portuguese "ç" is folded into "c", so a "c" before "a", "o" or
# "u" after the first letter is read both ways, "k" and "s" (at most ``_MOST_EITHER`` of them).
_EITHER = {"pt": re.compile(r"(?<=.)c(?=[aou])")}
_MOST_EITHER = 3

#: The languages whose words are also corrected as they sound (``sound_keys``).
SOUNDED_LANGUAGES = frozenset(_SOUND_RULES)


def sound_keys(word: str, language: str) -> tuple[str, ...]:
    """``word`` (folded) written as it sounds in ``language`` (``SOUNDED_LANGUAGES``), one way for all the ways it is
    typed: in Spanish "alluda" and "ayuda" are "ayuda", "nesesito" and "necesito" "nesesito", "ijo" and "hijo" "ijo";
    in Portuguese "agreçao" (folded "agrecao") and "agressao" "agresau". A letter folded that sounded either way
    (``_EITHER``) gives a key for each. Empty for another language."""
    rules = _SOUND_RULES.get(language)
    if rules is None:
        return ()
    spellings = [word]
    either = _EITHER.get(language)
    if either is not None:
        places = [match.start() for match in either.finditer(word)][:_MOST_EITHER]
        for place in places:
            spellings = [spelled[:place] + letter + spelled[place + 1 :] for spelled in spellings for letter in "ks"]
    keys = []
    for spelled in spellings:
        for pattern, replacement in rules:
            spelled = pattern.sub(replacement, spelled)
        keys.append(spelled)
    return tuple(dict.fromkeys(keys))


def sounds_like(word: str, keyed: Mapping[str, str], language: str) -> str | None:
    """The word of ``keyed`` (sound key → the word to search instead, ``sounding``) that ``word`` sounds like in
    ``language``: one of its keys, or, for a word of 8 letters or more, one edit of one away (one less than a typo's
    ``edits_allowed``: the sounds are free). None for a word of fewer than 3 letters or whose key is, or one of
    ``keyed`` already."""
    if len(word) < SHORTEST_SOUNDED:
        return None
    keys = [key for key in sound_keys(word, language) if len(key) >= SHORTEST_SOUNDED]
    same = [keyed[key] for key in keys if key in keyed]
    if same:
        return same[0] if same[0] != word else None
    limit = edits_allowed(word) - 1
    if limit < 1 or not keys:
        return None
    choices = list(keyed)
    found = [
        match
        for key in keys
        for match in process.extract(key, choices, scorer=OSA.distance, score_cutoff=limit, limit=None)
    ]
    if not found:
        return None
    return keyed[min(found, key=lambda match: (match[1], match[0]))[0]]


def sounding(counts: Mapping[str, int], language: str, stop: Iterable[str] = ()) -> dict[str, str]:
    """Sound key in ``language`` → the word a word with that key is searched as (``sounds_like``): the commonest of
    ``counts`` (word → how many documents hold it, letters only) with the key, then the alphabetically first; a word of
    ``stop`` (the language's stop words) before any."""
    keyed: dict[str, str] = {}
    for word in sorted((word for word in counts if word.isalpha()), key=lambda word: (-counts[word], word)):
        for key in sound_keys(word, language):
            keyed.setdefault(key, word)
    for word in sorted(stop, reverse=True):
        if len(word) >= SHORTEST_SOUNDED:
            keyed.update(dict.fromkeys(sound_keys(word, language), word))
    return keyed


def split_in_two(word: str, vocabulary: Mapping[str, int]) -> tuple[str, str] | None:
    """The two words of ``vocabulary`` (word → how many documents hold it) that ``word`` is, typed together without
    the space between them ("rumahaman": rumah aman, "restrainingorder"), each of ``SHORTEST_CORRECTED`` letters or
    more; of several ways to cut it, the one whose rarer word is the commonest, then the earlier cut. None when it is
    no two of them (or is a word of it)."""
    if word in vocabulary:
        return None
    best, parts = None, None
    for cut in range(SHORTEST_CORRECTED, len(word) - SHORTEST_CORRECTED + 1):
        first, second = word[:cut], word[cut:]
        if first in vocabulary and second in vocabulary:
            commonest = min(vocabulary[first], vocabulary[second])
            if best is None or commonest > best:
                best, parts = commonest, (first, second)
    return parts


# --- Terms: the words people use for each type of help ----------------------------------------------------------

#: The longest term matched, in meaningful words.
LONGEST_TERM = 4
#: The longest phrase of stop words alone that a term says ("someone to go with me", "no tengo a dónde ir").
LONGEST_STOP_PHRASE = 6


class TermIndex:
    """Phrases that name a type of help (a category's search terms and names, in four languages) → the ids of the
    categories they name. A phrase is keyed by the stems of its meaningful words in its own language, and also by
    the words themselves, in any order, so that "casa de acogida", "casas de acogida", "casa acogida" meet, and "me
    pegó mi esposo" meets "mi esposo me pega" (people say a need in any order; the stop words are left out).

    A term made of stop words alone ("go with me", "ir comigo", "can't take it anymore") is also kept as it is
    written, word for word in its order (``stop_phrases``): among the other words of a query its words would be
    dropped, and the need it says with them ("someone to go with me to the police station").

    A phrase or word that names a subcategory names it alone, even where its main category has it too: "absorvente"
    (basic needs, and dignity kits) is a dignity kit, not food or cash. ``parents``: each category's main category
    (None for a main one); without it, every category a phrase is a term of.

    Built from plain ``(category id, language, phrase)`` triples: no models here."""

    def __init__(self, phrases: Iterable[tuple[int, str, str]], parents: Mapping[int, int | None] | None = None):
        self.parents = dict(parents or {})
        self.stemmed: dict[str, dict[tuple[str, ...], set[int]]] = {language: {} for language in LANGUAGES}
        self.plain: dict[tuple[str, ...], set[int]] = {}
        # The same per language of the term: a phrase the page language has is read in that language.
        self.plain_in: dict[str, dict[tuple[str, ...], set[int]]] = {language: {} for language in LANGUAGES}
        # Each word of the phrases, alone: the categories that a word of a query is one word of (by its stem or
        # itself), and by itself only.
        self.word_stems: dict[str, dict[str, set[int]]] = {language: {} for language in LANGUAGES}
        self.whole_words: dict[str, dict[str, set[int]]] = {language: {} for language in LANGUAGES}
        # The abbreviations of the terms (``_CAPITALS``), in any language → their categories: found as written alone.
        self.abbreviations: dict[str, set[int]] = {}
        # Terms of stop words alone, their words as a query takes them, in order → their categories.
        self.stop_phrases: dict[tuple[str, ...], set[int]] = {}
        self.longest = 1
        # How many names and terms each category has, in every language: the breadth of its vocabulary.
        self.sizes: dict[int, int] = {}
        # (category, a phrase's meaningful words in order of the alphabet) → the fewest words, stop words included,
        # of a term of the category that is that phrase: "rumah sakit" (2) for medical care, "antar ke rumah sakit"
        # (4) for referral and accompaniment.
        self.said_in: dict[tuple[int, tuple[str, ...]], int] = {}
        # (table, key, category) of the keys a phrase of the category is as written, no word dropped.
        written_whole: set[tuple[int, tuple, int]] = set()
        for category_id, language, phrase in phrases:
            if language not in STEMMERS:
                continue
            self.sizes[category_id] = self.sizes.get(category_id, 0) + 1
            typed = joined_contractions(normalise(phrase).split())
            abbreviations = {normalise(word) for word in _CAPITALS.findall(phrase) if word.isupper()}
            as_queried = tuple(dict.fromkeys(word for word in typed if len(word) >= MIN_WORD_LENGTH))
            if 1 < len(as_queried) <= LONGEST_STOP_PHRASE and set(as_queried) <= stop_words(language):
                self.stop_phrases.setdefault(as_queried, set()).add(category_id)
            # Each word once, with the negation said before its first time: a query's words never repeat
            # (``text.query_words``), so "biru biru" (bruised, "blue blue") is typed "biru".
            once = {}
            for word, mark in zip(meaningful(typed, language), negated(typed, language), strict=True):
                once.setdefault(word, mark)
            phrase_words, marks = list(once)[:LONGEST_TERM], list(once.values())[:LONGEST_TERM]
            if not phrase_words:
                continue
            self.longest = max(self.longest, len(phrase_words))
            said = (category_id, tuple(sorted(phrase_words)))
            self.said_in[said] = min(self.said_in.get(said, len(typed)), len(typed))
            phrase_stems = stems_in_order(phrase_words, language)
            # A phrase with words a query drops ("psicóloga gratis", "shelter open now") is shorter as a key than
            # as written.
            whole = len(phrase_words) == len(as_queried)
            keys = [(self.plain, _key(phrase_words, marks)), (self.plain_in[language], _key(phrase_words, marks))]
            if not abbreviations.intersection(phrase_words):
                stemmed_key = _key(_stems_unless_negated(phrase_words, phrase_stems, marks), marks)
                keys.append((self.stemmed[language], stemmed_key))
            for table, key in keys:
                table.setdefault(key, set()).add(category_id)
                if whole:
                    written_whole.add((id(table), key, category_id))
            if any(marks):
                continue  # said with "not", a phrase names its help whole: "sin policía" is not the police
            for word, word_stem in zip(phrase_words, phrase_stems, strict=True):
                self.whole_words[language].setdefault(word, set()).add(category_id)
                if word in abbreviations:
                    self.abbreviations.setdefault(word, set()).add(category_id)
                    continue
                self.word_stems[language].setdefault(word_stem, set()).add(category_id)
                self.word_stems[language].setdefault(word, set()).add(category_id)
        self._keep_main_words(written_whole)

    def _keep_main_words(self, written_whole: set[tuple[int, tuple, int]]) -> None:
        """A subcategory's phrase that is a main category's word once the words a query drops are left out names the
        main category alone: "psicóloga gratis" (individual counselling) is not what "psicóloga" (psychosocial
        support) says, nor is "shelter open now" (emergency shelter) what "shelter" says. A phrase that is the very
        words of both (as written) still names the subcategory alone (``narrowest``)."""
        tables = [self.plain, *self.plain_in.values(), *self.stemmed.values()]
        for table in tables:
            for key, categories in table.items():
                for category_id in list(categories):
                    parent = self.parents.get(category_id)
                    if (
                        parent in categories
                        and (id(table), key, category_id) not in written_whole
                        and (id(table), key, parent) in written_whole
                    ):
                        categories.discard(category_id)

    def categories(self, words: list[str], language: str, negations: Iterable[bool | str] = ()) -> set[int]:
        """The categories named by exactly these (normalised, meaningful) words, typed on a page in ``language``: those
        of the terms that are these very words, when there are any ("me duele" is medical care, although "duele"
        and "duelo", grief, share their stem), and of the page language's alone when it has such a term ("refugio" on
        the Spanish page is a shelter; Portuguese "refúgio" is asylum on the Portuguese page, and both on the English
        one); else compared on stems in the page language and in Spanish, Portuguese and English (suffix stemmers),
        on the words themselves in Indonesian unless the page is Indonesian (its stemmer takes prefixes off, which
        turns another language's words into noise). ``negations``:
        which of the words a negation comes before (``negated``); a term with a negation names its categories only
        with it ("no puedo dormir", "can't sleep": psychosocial support, not a shelter's bed)."""
        key = _key(words, negations)
        found = set(self.plain_in.get(language, {}).get(key, ()) or self.plain.get(key, ()))
        if found:
            return self.narrowest(found)
        for term_language, terms in self.stemmed.items():
            if term_language == "id" and language != "id":
                continue
            word_stems = _stems_unless_negated(words, stems_in_order(words, term_language), negations)
            found |= terms.get(_key(word_stems, negations), set())
        return self.narrowest(found)

    def stop_phrase_spans(self, words: list[str]) -> list[tuple[int, int, set[int]]]:
        """Where ``words`` (a query's, as ``text.query_words`` gives them) say a term of stop words alone
        (``stop_phrases``): ``(start, end, categories)`` of each, the longest first from the left, none overlapping."""
        spans, start = [], 0
        while start < len(words):
            for end in range(min(len(words), start + LONGEST_STOP_PHRASE), start + 1, -1):
                categories = self.stop_phrases.get(tuple(words[start:end]))
                if categories:
                    spans.append((start, end, self.narrowest(categories)))
                    start = end
                    break
            else:
                start += 1
        return spans

    def categories_of_word(self, word: str, language: str) -> set[int]:
        """The categories with ``word`` (normalised) among the words of their names or terms, compared as
        ``categories`` compares phrases: "jurídica" is a word of "asesoría jurídica". A word that is itself a word of
        the page language's terms is that language's word: the other languages' terms count it when they have the
        very word ("hospital"), not another word with its stem (English "call", a helpline, and Spanish "calle", the
        street one sleeps in). An abbreviation of the terms (PAP) is that abbreviation alone, not the words of its
        stem."""
        if word in self.abbreviations:
            return self.narrowest({pk for words in self.whole_words.values() for pk in words.get(word, ())})
        if word in self.whole_words.get(language, {}):
            found = set(self.word_stems[language].get(stem(word, language), ()))
            for words in self.whole_words.values():
                found |= words.get(word, set())
            return self.narrowest(found)
        found = set()
        for term_language, words in self.word_stems.items():
            if term_language == "id" and language != "id":
                found |= words.get(word, set())
            else:
                found |= words.get(stem(word, term_language), set())
        return self.narrowest(found)

    def most_specific_first(self, categories: Iterable[int], words: Iterable[str]) -> list[int]:
        """``categories`` (that the phrase of ``words`` names equally) in the order a search ranks their services: the
        one with a term that is these words with fewer others ("rumah sakit" is medical care's term as typed, and a
        part of "antar ke rumah sakit", taken to the hospital); a subcategory before a main category; the one with
        fewer names and terms (a narrower vocabulary, of which the phrase is a larger part: reporting a crime before
        GBV case management, which has words for every kind of violence); then the first made."""
        phrase = tuple(sorted(words))

        def specific(pk: int) -> tuple:
            said = self.said_in.get((pk, phrase), LONGEST_TERM * 4)
            return (said, self.parents.get(pk) is None, self.sizes.get(pk, 0), pk)

        return sorted(categories, key=specific)

    def narrowest(self, categories: set[int]) -> set[int]:
        """``categories`` without the main categories of which a subcategory is among them: the main category's
        facet is in every subcategory's documents, so it would find the subcategory's sisters as well."""
        named_mains = {self.parents.get(pk) for pk in categories}
        return {pk for pk in categories if pk not in named_mains}


def _key(words: Iterable[str], negations: Iterable[bool | str] = ()) -> tuple[str, ...]:
    """A phrase's key: its words in any order, each that a negation comes before marked "!" ("!~" when it is not
    wanted: ``negated``)."""
    marks = list(negations)
    if not any(marks):
        return tuple(sorted(words))
    marks += [False] * (len(words) - len(marks))
    return tuple(
        sorted(
            f"!~{word}" if mark == UNWANTED else f"!{word}" if mark else word
            for word, mark in zip(words, marks, strict=False)
        )
    )


def _stems_unless_negated(words: list[str], word_stems: list[str], negations: Iterable[bool | str]) -> list[str]:
    """The stem of each word, but a word a negation comes before as it is: "without calling police" does not say
    "don't want to call the police" (not calling is a condition of another help, a rape kit's), though it has its
    stems."""
    marks = list(negations)
    if not any(marks):
        return word_stems
    return [
        word if index < len(marks) and marks[index] else stemmed
        for index, (word, stemmed) in enumerate(zip(words, word_stems, strict=True))
    ]


def stems_in_order(words: Iterable[str], language: str) -> list[str]:
    """The stem of each word, in order, repeats kept."""
    return [stem(word, language) for word in words]


class Concept:
    """One thing a query asks for: a phrase that names types of help (``categories``), or a single word.

    ``words``: the query words it covers; ``forms``: the forms each is matched by, as prefixes of a document's words
    (the word, and its stem in the page language when that is a shorter prefix: "abogad" for "abogada")."""

    __slots__ = ("categories", "forms", "words")

    def __init__(self, words: tuple[str, ...], forms: tuple[tuple[str, ...], ...], categories: frozenset[int]):
        self.words, self.forms, self.categories = words, forms, categories

    def __repr__(self):
        return f"Concept({' '.join(self.words)!r}, forms={self.forms}, categories={sorted(self.categories)})"

    def __eq__(self, other):
        return isinstance(other, Concept) and (self.words, self.forms, self.categories) == (
            other.words,
            other.forms,
            other.categories,
        )

    def __hash__(self):
        return hash((self.words, self.forms, self.categories))


#: Words whose other number no stemmer joins to them, per language: English "woman" and "women" (a listing says
#: "women", a survivor types "woman", which was shown corrected), "wife" and "wives", "tooth" and "teeth", "foot" and
#: "feet", "knife" and "knives", "person" and "people". Each is matched by the other too (``forms``). Not "man" and
#: "men": "men" starts "mental".
_OTHER_NUMBERS = {
    "en": "woman women, wife wives, tooth teeth, foot feet, knife knives, person people",
}
OTHER_NUMBER = {
    language: {one: other for pair in pairs.split(", ") for one, other in (pair.split(), pair.split()[::-1])}
    for language, pairs in _OTHER_NUMBERS.items()
}


def forms(word: str, language: str) -> tuple[str, ...]:
    """The prefixes a query word is matched by in ``language``: its stem when that starts the word ("abog" for
    "abogada": abogado, abogados, abogacía), else the word and its stem (Indonesian "hamil" for "kehamilan");
    the word alone when the stem is the word or shorter than four letters ("cas" for "casa" would match caso); and
    its other number where no stemmer joins them (``OTHER_NUMBER``: "woman", "women")."""
    other = OTHER_NUMBER.get(language, {}).get(word)
    stemmed = stem(word, language)
    if stemmed == word or len(stemmed) < SHORTEST_STEM:
        found = (word,)
    else:
        found = (stemmed,) if word.startswith(stemmed) else (word, stemmed)
    return (*found, other) if other else found


def concepts(words: list[str], language: str, terms: TermIndex | None = None) -> list[Concept]:
    """What a query asks for: the terms of stop words alone it says (``TermIndex.stop_phrase_spans``: "go with me"),
    each one word that only its categories find (``text.said_phrase``), and its other meaningful words
    (``meaningful``) grouped into the longest phrases that name types of help (``terms``), each other word on its
    own. A phrase is looked up with the negations said before its words (``negated``), and without them when no term
    says it so."""
    terms = terms or TermIndex(())
    words = written_out(words, language)
    spans = terms.stop_phrase_spans(words)
    if not spans:
        return _concepts(words, language, terms)
    found, rest = [], 0
    for start, end, categories in spans:
        found += _concepts(words[rest:start], language, terms, only_meaningful=True)
        said = said_phrase(words[start:end])
        found.append(Concept((said,), ((said,),), frozenset(categories)))
        rest = end
    return found + _concepts(words[rest:], language, terms, only_meaningful=True)


def _concepts(words: list[str], language: str, terms: TermIndex, *, only_meaningful: bool = False) -> list[Concept]:
    """``concepts`` of ``words`` that say no term of stop words alone. ``only_meaningful``: none when every word is
    a stop word (they are the words around such a term), instead of every word."""
    if only_meaningful and not any(word not in stop_words(language) for word in words):
        return []
    sequence, negations = meaningful(words, language), negated(words, language)
    found, start = [], 0
    while start < len(sequence):
        for length in range(min(terms.longest, len(sequence) - start), 0, -1):
            window, marks = sequence[start : start + length], negations[start : start + length]
            # Said with its negation ("no puedo dormir"), not wanted as a plain "not" ("no quiero ir a la policía":
            # sin policía), else without it ("no tengo papeles": papeles).
            categories = terms.categories(window, language, marks)
            if not categories and UNWANTED in marks:
                categories = terms.categories(window, language, not_wanting(marks))
            if categories and any(marks):
                # What a phrase with a negation says is not looked for in the listings' words: only the help it names
                # finds it ("ayuda sin policía": case management, not a service with "policía" in its name). Each of
                # its words stays a word of the query (``text.said_phrase``), found through that help.
                said = tuple(said_phrase([word]) for word in window)
                found.append(Concept(said, tuple((word,) for word in said), frozenset(categories)))
                start += length
                break
            if not categories and any(marks):
                categories = terms.categories(window, language)
            if categories or length == 1:
                found.append(
                    Concept(
                        tuple(window),
                        tuple(forms(word, language) for word in window),
                        frozenset(categories),
                    )
                )
                start += length
                break
    return found
