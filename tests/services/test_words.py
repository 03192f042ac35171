"""The search's words (``services.search``'s pure layer): word forms, stop words, typo correction and the phrases
that name types of help, per language, without a database."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services import search as words
from services.search import UNWANTED


@given(st.text(max_size=60))
def test_folding_a_word_gives_the_search_index_word(text):
    for word in words.normalise(text).split():
        assert words.fold(word) == word


@pytest.mark.parametrize(
    ("language", "forms"),
    [
        ("es", ["psicólogo", "psicóloga", "psicológica", "psicologica", "PSICOLOGO"]),
        ("es", ["abogado", "abogada", "abogados"]),
        ("es", ["albergue", "albergues"]),
        ("es", ["embarazada", "embarazo"]),
        ("pt", ["advogado", "advogada", "advogados"]),
        ("pt", ["informação", "informações", "informacao", "informacoes"]),
        ("pt", ["orientação", "orientacao"]),
        ("pt", ["psicólogo", "psicologa", "psicológica"]),
        ("en", ["counseling", "counselling"]),
        ("en", ["shelter", "shelters"]),
        ("en", ["lawyer", "lawyers"]),
        ("id", ["kehamilan", "hamil"]),
        ("id", ["perlindungan", "berlindung", "melindungi"]),
        ("id", ["pekerjaan", "bekerja", "kerja"]),
    ],
)
def test_word_forms_share_a_stem(language, forms):
    found = {form: words.stem(form, language) for form in forms}
    assert len(set(found.values())) == 1, found


def test_stems_are_folded_and_short_words_and_numbers_stay_whole():
    assert words.stem("violência", "pt").isascii()
    assert words.stem("kb", "id") == "kb"
    assert words.stem("lbh", "id") == "lbh"
    assert words.stem("180", "pt") == "180"
    assert words.stem("Niñas", "xx") == "ninas"  # a language without a stemmer: the folded word


def test_stems_keeps_each_stem_once_in_order():
    assert words.stems(["abogada", "familia", "abogados"], "es") == [words.stem("abogada", "es"), "famili"]


@pytest.mark.parametrize(
    ("language", "query", "meaning"),
    [
        ("es", "necesito un abogado", ["abogado"]),
        ("es", "quiero denunciar a mi esposo", ["denunciar", "esposo"]),
        ("es", "busco trabajo", ["trabajo"]),
        ("pt", "onde dormir hoje", ["dormir"]),
        ("pt", "preciso de um advogado", ["advogado"]),
        ("pt", "quero trabalho", ["trabalho"]),
        ("en", "i need a lawyer", ["lawyer"]),
        ("en", "help with work", ["work"]),
        ("id", "saya butuh tempat berlindung", ["tempat", "berlindung"]),
        ("id", "tidak punya tempat tinggal", ["tempat", "tinggal"]),
        # Words of the stopwords-iso lists that name a need (KEPT_WORDS), and "buscar" among the words of asking.
        ("es", "buscar empleo", ["empleo"]),
        ("es", "trata de personas", ["trata", "personas"]),
        ("pt", "conselho tutelar", ["conselho", "tutelar"]),
        ("en", "keep him away", ["keep", "away"]),
        ("id", "pendampingan kasus", ["pendampingan", "kasus"]),
        # Chat spelling and fillers (CHAT_WORDS), and words of the stopwords-iso lists that name a need ("sigue",
        # "following": being followed).
        ("es", "xq no me dan refugio", ["refugio"]),
        ("es", "doctor pa mi bebe", ["doctor", "bebe"]),
        ("pt", "to gravida e sem dinheiro", ["gravida", "dinheiro"]),
        ("id", "gue gak punya ktp", ["ktp"]),
        ("id", "paspor udah mati", ["paspor", "mati"]),
        ("id", "pacarku suka mukul aku", ["pacarku", "mukul"]),  # "suka": often, as "likes to"
        ("es", "mi ex me sigue", ["sigue"]),
        ("en", "he keeps following me", ["following"]),
        # Free ("gratis", "de graça": English "free" is a stop word), the verbs of saying, "fica", "cara"; Indonesian
        # "dini" (early: "nikah dini", child marriage) is kept.
        ("es", "abogado gratis", ["abogado"]),
        ("pt", "absorvente de graca", ["absorvente"]),
        ("pt", "advogado gratuito", ["advogado"]),
        ("id", "pembalut gratis", ["pembalut"]),
        ("en", "free lawyer", ["lawyer"]),
        ("pt", "ele falou q me mata se eu largar ele", ["mata", "largar"]),
        ("pt", "meu patrao fica passando a mao em mim", ["patrao", "passando", "mao", "mim"]),
        ("pt", "meu marido me deu um tapa na cara", ["marido", "deu", "tapa"]),  # "cara": not Caracas
        ("en", "he told me hes gonna kill me", ["gonna", "kill"]),
        ("id", "nikah dini", ["nikah", "dini"]),
        # The now in chat ("agr", "ahorita", "skrg") and "tô tendo" (I'm having), which the stop words lack.
        ("pt", "to tendo crise de ansiedade agr", ["crise", "ansiedade"]),
        ("es", "crisis de ansiedad ahorita", ["crisis", "ansiedad"]),
        ("id", "lagi serangan panik skrg", ["serangan", "panik"]),
        # Portuñol: the Spanish words of being and having that Venezuelans write on the Portuguese page.
        ("pt", "estoy sin dinheiro", ["dinheiro"]),
        ("pt", "soy venezolana tengo filhos", ["venezolana", "filhos"]),
        # Going through something without saying what: the harm is in the other words.
        ("es", "sufro violencia", ["violencia"]),
        ("pt", "estou sofrendo violência", ["violencia"]),
        ("en", "experiencing violence", ["violence"]),
        ("id", "saya mengalami kekerasan", ["kekerasan"]),
        # Being a victim says she needs help, not which: the help is in the other words.
        ("id", "rumah aman buat korban kekerasan", ["rumah", "aman", "kekerasan"]),
        ("pt", "grupo de apoio mulheres vitimas de violencia", ["grupo", "mulheres", "violencia"]),  # "apoio": asking
        ("en", "shelter for victims", ["shelter"]),
    ],
)
def test_stop_words_and_words_of_asking_are_dropped(language, query, meaning):
    assert words.meaningful(words.normalise(query).split(), language) == meaning


def test_a_query_of_stop_words_only_is_kept_whole():
    assert words.meaningful(["necesito", "ayuda"], "es") == ["necesito", "ayuda"]


def test_words_to_keep_are_never_dropped():
    assert words.meaningful(["linea", "de", "ayuda"], "es", keep={"ayuda"}) == ["linea", "ayuda"]


def test_every_language_has_stop_words():
    for language in tuple(words.STEMMERS):
        assert {"de", "the", "a", "yang"} & words.stop_words(language), language
    assert words.stop_words("xx") == frozenset()


@pytest.mark.parametrize(
    ("word", "allowed"),
    [("kb", 0), ("sid", 0), ("dokte", 1), ("abogdo", 1), ("sicologa", 2), ("counceling", 2)],
)
def test_edits_allowed_grow_with_the_word(word, allowed):
    assert words.edits_allowed(word) == allowed


def test_a_typo_is_corrected_to_the_nearest_word():
    vocabulary = {"psicologa": 3, "psicologo": 5, "abogado": 4, "dokter": 2, "albergue": 7}
    assert words.correction("abogdo", vocabulary) == "abogado"  # one letter missing (6 letters: 1 edit)
    assert words.correction("dokte", vocabulary) == "dokter"
    assert words.correction("sicologa", vocabulary) == "psicologa"  # 8 letters: 2 edits, the nearest wins
    assert words.correction("sicologo", vocabulary) == "psicologo"


def test_no_correction_beyond_the_allowed_edits_or_for_short_or_known_words():
    vocabulary = {"abogado": 1, "dokter": 1, "ley": 1}
    assert words.correction("abgdo", vocabulary) is None  # 5 letters, 2 edits away
    assert words.correction("lei", vocabulary) is None  # 3 letters: never corrected
    assert words.correction("abogado", vocabulary) is None  # already a word
    assert words.correction("abogdo", {}) is None


def test_the_commonest_of_the_nearest_words_wins_whatever_the_order():
    assert words.correction("casa", {"cosa": 1, "caso": 9, "casi": 9}) == "casi"
    assert words.correction("casa", {"caso": 9, "casi": 9, "cosa": 1}) == "casi"
    assert words.correction("casa", ["caso", "cosa"]) == "caso"  # a plain list: alphabetical


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("alluda", "ayuda"),  # "ll" and "y": one sound
        ("yamada", "llamada"),
        ("nesesito", "necesito"),  # "s" and "c" before "e" or "i"
        ("denunsia", "denuncia"),
        ("abuzo", "abuso"),  # "z" and "s"
        ("biolencia", "violencia"),  # "b" and "v"
        ("ijo", "hijo"),  # a silent "h"
        ("ospital", "hospital"),
        ("kiero", "quiero"),  # "k" and "qu"
        ("kasa", "casa"),  # "k" and "c" before "a"
        ("refujio", "refugio"),  # "j" and "g" before "i"
        ("sicologo", "psicologo"),  # "ps" said "s"
        ("esposso", "esposo"),  # a letter doubled
        ("mui", "muy"),  # a final "y" after a vowel
    ],
)
def test_words_typed_as_they_sound_in_spanish_have_the_sound_key_of_the_word_meant(typed, said):
    assert words.sound_keys(typed, "es") == words.sound_keys(said, "es")


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("agrecao", "agressao"),  # "ç" (folded "c") and "ss"
        ("ameassa", "ameaca"),
        ("documentassao", "documentacao"),
        ("denunssia", "denuncia"),  # "ss" and "c" before "i"
        ("camizinha", "camisinha"),  # "z" and "s"
        ("chingamento", "xingamento"),  # "ch" and "x"
        ("familha", "familia"),  # "lh" and "li"
        ("ospital", "hospital"),  # a silent "h"
        ("psicolojico", "psicologico"),  # "j" and "g" before "i"
        ("pissicologa", "psicologa"),  # "ps" said "pis"
        ("abrigu", "abrigo"),  # a final "o" said "u"
        ("ansiedadi", "ansiedade"),  # a final "e" said "i"
        ("natau", "natal"),  # a final "l" said "u"
    ],
)
def test_words_typed_as_they_sound_in_portuguese_share_a_sound_key_with_the_word_meant(typed, said):
    assert set(words.sound_keys(typed, "pt")) & set(words.sound_keys(said, "pt"))


def test_a_folded_c_is_read_both_ways_in_portuguese_and_english_has_no_sound_keys():
    """ "ameaca" may be "ameaça" or, as "faca" (a knife), a "k": both keys; Spanish has no "ç", English no key."""
    assert set(words.sound_keys("ameaca", "pt")) == {"ameaka", "ameasa"}
    assert words.sound_keys("faca", "es") == ("faka",)
    assert words.sound_keys("apollo", "en") == ()


@pytest.mark.parametrize(
    ("one", "other"),
    [("perro", "pero"), ("caro", "carro"), ("guerra", "gerra"), ("chico", "cico"), ("casa", "cosa")],
)
def test_words_that_sound_otherwise_keep_their_own_sound_key(one, other):
    """ "rr" is another sound than "r" (a dog is no "but"), "gue" is a hard g and "ge" a "j", "ch" is no "c"."""
    assert words.sound_keys(one, "es") != words.sound_keys(other, "es")


def test_a_word_is_searched_as_the_commonest_word_or_the_stop_word_it_sounds_like():
    counts = {"ayuda": 9, "alluda": 1, "llamada": 3, "divorcio": 2, "hijo": 4}
    keyed = words.sounding(counts, "es", stop=["necesito"])
    assert words.sounds_like("ayyuda", keyed, "es") == "ayuda"  # the commonest of the words with its key
    assert words.sounds_like("yamada", keyed, "es") == "llamada"
    assert words.sounds_like("nesesito", keyed, "es") == "necesito"  # a stop word
    assert words.sounds_like("ijo", keyed, "es") == "hijo"  # 3 letters: its key alone
    assert words.sounds_like("dibursio", keyed, "es") == "divorcio"  # 8 letters: its key and one edit
    assert words.sounds_like("dibursi", keyed, "es") is None  # 7 letters: its key alone, and none has it
    assert words.sounds_like("ayuda", keyed, "es") is None  # the word itself
    assert words.sounds_like("jo", keyed, "es") is None  # shorter than 3 letters
    assert words.sounds_like("zzzzzzzz", words.sounding({"1111": 9, "sos": 1}, "es"), "es") is None  # key "s"
    portuguese = words.sounding({"ameaca": 5, "faca": 2}, "pt")
    assert words.sounds_like("ameassa", portuguese, "pt") == "ameaca"
    assert words.sounds_like("faka", portuguese, "pt") == "faca"


def test_an_english_word_is_matched_by_its_other_number_where_no_stemmer_joins_them():
    assert "women" in words.forms("woman", "en") and "woman" in words.forms("women", "en")
    assert "teeth" in words.forms("tooth", "en")
    assert words.forms("men", "en") == ("men",)  # "men" starts "mental": not joined to "man"
    assert words.forms("woman", "es") == ("woman",)


def test_indonesian_words_written_short_are_read_as_the_words_they_stand_for():
    assert words.written_out(["butuh", "rmh", "aman"], "id") == ["butuh", "rumah", "aman"]
    assert words.written_out(["ortu", "sy"], "id") == ["orang", "tua", "sy"]  # two words; "sy" is a chat word
    assert words.written_out(["rmh"], "es") == ["rmh"]  # only in the language that writes it so


@pytest.mark.parametrize("question", ["kemana", "kmn", "gimana", "gmn", "pengen", "pgn"])
def test_indonesian_questions_and_wishes_say_nothing_of_the_help_sought(question):
    """ "hamil di luar nikah bingung mau kmn": "kmn" (kemana, where to) is no word of a listing to look for."""
    assert words.meaningful(words.written_out(["hamil", question], "id"), "id") == ["hamil"]


TERMS = words.TermIndex(
    [
        (1, "es", "abogado"),
        (1, "es", "asesoría legal"),
        (1, "pt", "advogado"),
        (1, "en", "lawyer"),
        (1, "id", "pengacara"),
        (2, "es", "casa de acogida"),
        (2, "en", "shelter"),
        (2, "id", "tempat berlindung"),
        (3, "es", "casa"),
        (4, "id", "acara"),
        (5, "es", "mi esposo me pega"),
        (5, "pt", "meu marido me bateu"),
    ]
)


def _understood(query, language):
    return [(concept.words, sorted(concept.categories)) for concept in words.concepts(query.split(), language, TERMS)]


def test_a_term_in_any_of_its_forms_names_its_categories():
    assert _understood("abogadas", "es") == [(("abogadas",), [1])]
    assert _understood("advogados", "pt") == [(("advogados",), [1])]
    assert _understood("lawyers", "en") == [(("lawyers",), [1])]


def test_a_sentence_keeps_its_meaningful_words_and_finds_its_phrases():
    assert _understood("necesito un abogado", "es") == [(("abogado",), [1])]
    assert _understood("busco casas de acogida", "es") == [(("casas", "acogida"), [2])]
    assert _understood("saya butuh tempat berlindung", "id") == [(("tempat", "berlindung"), [2])]
    assert _understood("asesoria legal urgente", "es") == [(("asesoria", "legal"), [1])]


def test_the_longest_phrase_wins_and_other_words_stand_alone():
    assert _understood("casa acogida", "es") == [(("casa", "acogida"), [2])]
    assert _understood("casa grande", "es") == [(("casa",), [3]), (("grande",), [])]


def test_a_phrase_is_understood_in_any_order_and_form_of_its_words():
    assert _understood("me pegó mi esposo", "es") == [(("pegó", "esposo"), [5])]
    assert _understood("mi esposo me pegó", "es") == [(("esposo", "pegó"), [5])]
    assert _understood("acogida casa", "es") == [(("acogida", "casa"), [2])]
    assert _understood("me bateu meu marido", "pt") == [(("bateu", "marido"), [5])]


def test_a_term_typed_as_it_is_written_names_its_categories_alone():
    # "duele" (it hurts) and "duelo" (grief) share the Spanish stem "duel": the term typed as written decides.
    terms = words.TermIndex(
        [(1, "es", "duelo"), (2, "es", "me duele"), (3, "en", "follow-up"), (4, "en", "following me")]
    )
    assert [sorted(concept.categories) for concept in words.concepts(["me", "duele"], "es", terms)] == [[2]]
    assert [sorted(concept.categories) for concept in words.concepts(["duelo"], "es", terms)] == [[1]]
    assert [sorted(concept.categories) for concept in words.concepts(["following"], "en", terms)] == [[4]]
    # A form typed as no term is written: compared on stems, with every term of that stem.
    assert [sorted(concept.categories) for concept in words.concepts(["duelen"], "es", terms)] == [[1, 2]]


def test_a_term_is_read_in_the_page_language_first():
    # Spanish "refugio" is a shelter, Portuguese "refúgio" asylum; Spanish "auxilio" is help, Portuguese "auxílio" a
    # cash benefit. Typed on either page, that page's word; on a page whose language has no such term, both.
    terms = words.TermIndex([(1, "es", "refugio"), (2, "pt", "refúgio"), (3, "es", "auxilio"), (4, "pt", "auxílio")])
    assert terms.categories(["refugio"], "es") == {1}
    assert terms.categories(["refugio"], "pt") == {2}
    assert terms.categories(["refugio"], "en") == {1, 2}
    assert terms.categories(["auxilio"], "es") == {3}
    assert terms.categories(["auxilio"], "pt") == {4}
    # Compared on stems, every language's terms still count ("refugios" is no term as typed).
    assert terms.categories(["refugios"], "es") == {1, 2}


def test_an_abbreviation_names_its_help_as_written_alone():
    # "PAP" (primeros auxilios psicológicos) and "papá" (dad, stemmed "pap"); "KDRT" typed on any page.
    terms = words.TermIndex([(1, "es", "PAP"), (2, "es", "mi papá me pega"), (3, "id", "KDRT"), (4, "es", "papeles")])
    assert _categories_of("PAP", "es", terms) == [[1]]
    assert _categories_of("necesito pap", "es", terms) == [[1]]
    assert _categories_of("papá", "es", terms) == [[]]
    assert _categories_of("papás", "es", terms) == [[]]
    assert _categories_of("mi papá me pegó", "es", terms) == [[2]]
    assert terms.categories_of_word("papa", "es") == {2}  # a word of "mi papá me pega", not "PAP"
    assert terms.categories_of_word("pap", "es") == {1}
    for language in ("id", "en", "es"):
        assert _categories_of("kdrt", language, terms) == [[3]]
        assert terms.categories_of_word("kdrt", language) == {3}


def _categories_of(query, language, terms):
    return [sorted(concept.categories) for concept in words.concepts(words.normalise(query).split(), language, terms)]


@pytest.mark.parametrize(
    ("language", "query", "marks"),
    [
        ("es", "no puedo dormir", [True]),  # one stop word between: said of "dormir"
        ("es", "no tengo donde dormir", [False]),  # two: said of "tengo", not of sleeping
        ("en", "i can't sleep", [True]),  # "can t": the "t" is the negation
        ("id", "gak bisa tidur", [True]),
        ("pt", "nao tenho documento e nao consigo trabalho", [True, True]),
        ("es", "necesito un abogado", [False]),
        ("es", "no", [False]),  # stop words only: kept whole, nothing said "not" of
        # "Without" says "not" too: help without the police.
        ("es", "ayuda sin la policia", [True]),
        ("pt", "ajuda sem policia", [True]),
        ("en", "help without police", [True]),
        ("id", "bantuan tanpa polisi", [False, True]),
        # Through the words of wanting: a wish to die, where having nowhere to live is not.
        # Through a word of wanting the word is not wanted (words.UNWANTED).
        ("pt", "nao quero mais viver", [UNWANTED]),
        ("en", "i dont want to live anymore", [UNWANTED]),
        ("en", "i dont have a place to live", [False, False]),
        ("es", "no quiero vivir", [UNWANTED]),
        # Through the words of going to a place, and its articles: not the police.
        ("es", "no quiero ir a la policia", [UNWANTED]),
        ("pt", "nao quero ir na policia", [UNWANTED]),
        ("en", "i dont want to go to the police", [UNWANTED]),
        ("id", "gak mau ke polisi", [UNWANTED]),
        ("es", "sin ir a la policia", [True]),
        # Going back: "i don't want to go back to my country" says it of the country ("país" is no stop word).
        ("en", "i dont want to go back to my country", [UNWANTED]),
        ("es", "no quiero volver a mi pais", [UNWANTED, False]),
        # After wanting, through "que" and "tener": not wanting the family to know, not wanting to have the child; not
        # having anything to eat says "not" of nothing.
        ("es", "no quiero que mi familia sepa", [UNWANTED, False]),
        ("pt", "nao quero ter esse filho", [UNWANTED]),
        ("es", "no tengo que comer", [False]),
        ("pt", "nao quero que ele me encontre", [UNWANTED]),  # "ele": he finding her
        ("es", "no tengo dinero para ir a la policia", [True, False]),  # said of the money, not of the police
        ("pt", "sem lugar pra dormir", [False]),  # nowhere to sleep, not "cannot sleep"
    ],
)
def test_a_negation_is_said_of_the_next_meaningful_word_close_enough(language, query, marks):
    assert words.negated(words.normalise(query).split(), language) == marks


NEGATED_TERMS = words.TermIndex(
    [
        (1, "es", "dónde dormir"),
        (1, "en", "somewhere to sleep"),
        (1, "id", "tempat tidur"),
        (2, "es", "no puedo dormir"),
        (2, "en", "can't sleep"),
        (2, "id", "gak bisa tidur"),
        (3, "es", "papeles"),
        (1, "es", "albergue"),
        (1, "en", "shelter"),
        (4, "es", "no quiero ir a un albergue"),
        (4, "en", "don't want to go to a shelter"),
        (5, "es", "sin policía"),
    ]
)


@pytest.mark.parametrize(
    ("language", "query", "categories"),
    [
        ("es", "no puedo dormir", [2]),
        ("es", "casi nunca puedo dormir", [2]),
        ("es", "donde dormir", [1]),
        ("es", "no tengo donde dormir", [1]),
        ("en", "i cant sleep", [2]),
        ("en", "somewhere to sleep", [1]),
        ("id", "nggak bisa tidur", [2]),
        ("id", "tidak punya tempat tidur", [1]),  # no term says "not" of a bed: the phrase without it
        ("es", "no tengo papeles", [3]),
        # Not wanting a shelter is help to stay safe without one; having none is a shelter.
        ("es", "no quiero ir a un albergue", [4]),
        ("es", "no tengo albergue", [1]),
        ("es", "estoy sin albergue", [1]),
        ("en", "i dont want to go to a shelter", [4]),
        ("en", "no shelter", [1]),
        # Not wanting the police meets a term said with a plain "not".
        ("es", "no quiero ir a la policia", [5]),
        ("es", "ayuda sin policia", [5]),
    ],
)
def test_a_term_said_with_a_negation_names_its_categories_only_with_it(language, query, categories):
    """ "dormir" is a shelter's bed in "dónde dormir" and insomnia in "no puedo dormir"."""
    understood = words.concepts(words.normalise(query).split(), language, NEGATED_TERMS)
    assert [sorted(concept.categories) for concept in understood] == [categories]


def test_a_term_said_with_a_negation_gives_none_of_its_words_to_its_help():
    """ "dormir" is no word of insomnia's help, nor "polisi" of help that does not go to the police: a query word only
    relates to the helps whose terms say it without "not" (``TermIndex.categories_of_word``)."""
    terms = words.TermIndex(
        [(1, "es", "dónde dormir"), (2, "es", "no puedo dormir"), (3, "id", "gak mau lapor polisi")]
    )
    assert terms.categories_of_word("dormir", "es") == {1}
    assert terms.categories_of_word("polisi", "id") == set()
    assert terms.categories_of_word("lapor", "id") == set()


@pytest.mark.parametrize(
    ("language", "query", "said"),
    [
        ("es", "no puedo dormir", ["dormir"]),
        ("es", "ayuda sin policia", ["policia"]),
        ("id", "mau cerita tapi gak mau lapor polisi", ["lapor", "polisi"]),
    ],
)
def test_the_words_of_a_phrase_said_with_a_negation_are_not_looked_for_in_the_listings(language, query, said):
    """Only the help the phrase names finds it: its words are matched by no listing's words (``text.said_phrase``),
    so a police station named "Polisi" is not what "gak mau lapor polisi" (I don't want to report to the police)
    finds. Each word stays a word of the query, found through that help."""
    terms = words.TermIndex([(1, "es", "sin policía"), (1, "id", "gak mau lapor polisi"), (2, "es", "no puedo dormir")])
    (concept,) = [c for c in words.concepts(words.normalise(query).split(), language, terms) if c.categories]
    # Each word marked as said ("=said=polisi"), no listing's word, and matched by itself alone.
    assert [word.rsplit("=", 1)[-1] for word in concept.words] == said
    assert all(word.startswith("=") for word in concept.words)
    assert concept.forms == tuple((word,) for word in concept.words)


def test_not_wanting_to_go_back_to_ones_country_is_not_not_wanting_to_go_back_to_him():
    terms = words.TermIndex([(1, "es", "no quiero volver a mi país"), (2, "es", "no quiero volver con él")])

    def named(query):
        return [sorted(c.categories) for c in words.concepts(words.normalise(query).split(), "es", terms)]

    assert named("no quiero volver a mi país") == [[1]]
    assert named("no quiero volver con él") == [[2]]


def test_a_word_said_with_a_negation_meets_a_term_as_it_is_typed_not_by_its_stem():
    """Not wanting to call the police asks for help without them; a rape kit "without calling police" asks for the
    kit without them: "calling" and "call" share their stem, but not the need."""
    terms = words.TermIndex([(1, "en", "don't want to call the police"), (2, "en", "without my husband knowing")])

    def named(query):
        return [sorted(c.categories) for c in words.concepts(words.normalise(query).split(), "en", terms)]

    assert named("i dont want to call the police") == [[1]]
    assert [1] not in named("without calling police")
    # The words no negation comes before are still compared by their stems ("knowing", "know").
    assert named("i dont want my husband to know") == [[2]]


def test_a_term_whose_words_repeat_is_met_by_a_query_of_each_word_once():
    # A query's words never repeat (text.query_words): Indonesian doubles words ("biru biru", bruised; "anak-anak").
    terms = words.TermIndex([(1, "id", "badan biru biru"), (2, "id", "anak-anak")])
    for query, category in [("badan biru biru", 1), ("anak anak", 2)]:
        typed = words.query_words(query)
        assert [sorted(concept.categories) for concept in words.concepts(typed, "id", terms)] == [[category]]


def test_a_term_of_a_subcategory_names_it_alone_even_where_its_main_category_has_it():
    # Basic needs (1) has "absorvente" and "comida" among its terms, as its subcategories dignity kits (2) and food (3)
    # do: the main category's facet is in every subcategory's documents, and would find food for "absorvente".
    terms = words.TermIndex(
        [
            (1, "pt", "absorvente"),
            (1, "pt", "comida"),
            (1, "pt", "necessidades básicas"),
            (2, "pt", "absorvente"),
            (3, "pt", "comida"),
            (4, "pt", "absorvente"),  # another main category's
        ],
        parents={1: None, 2: 1, 3: 1, 4: None},
    )
    assert terms.categories(["absorvente"], "pt") == {2, 4}
    assert terms.categories(["comida"], "pt") == {3}
    assert terms.categories(["necessidades", "basicas"], "pt") == {1}  # the main category's own: all of it
    assert terms.categories_of_word("absorvente", "pt") == {2, 4}
    assert terms.categories_of_word("basicas", "pt") == {1}
    # Without the categories' parents, every category a phrase is a term of.
    assert words.TermIndex([(1, "pt", "absorvente"), (2, "pt", "absorvente")]).categories(["absorvente"], "pt") == {
        1,
        2,
    }


def test_terms_of_other_languages_are_understood():
    assert _understood("shelter", "es") == [(("shelter",), [2])]
    assert _understood("lawyer", "id") == [(("lawyer",), [1])]


def test_indonesian_stems_are_not_applied_to_other_languages():
    # Indonesian stems take prefixes off ("kehamilan" stems to "hamil"). On an Indonesian page that is the language's
    # way; on another page a word is compared with Indonesian terms whole.
    assert _understood("pengacara", "es") == [(("pengacara",), [1])]


@pytest.mark.parametrize(
    ("forms", "root"),
    [(["pengacara", "pengacaranya"], "pengacara"), (["perkosaan", "pemerkosaan", "diperkosa"], "perkosa")],
)
def test_a_root_whose_stem_is_another_word_is_kept(forms, root):
    """The stemmer would turn "pengacara" (a lawyer) into "acara" (an event) and "perkosaan" (rape) into "kosa"."""
    assert {form: words.stem(form, "id") for form in forms} == dict.fromkeys(forms, root)
    assert words.stem("acara", "id") == "acara"
    assert words.forms("pengacara", "id") == ("pengacara",)


def test_a_lawyer_is_not_an_event():
    assert _understood("pengacara", "id") == [(("pengacara",), [1])]
    assert _understood("acara", "id") == [(("acara",), [4])]


def test_each_word_is_matched_by_its_stem_when_that_starts_it():
    assert words.forms("abogada", "es") == ("abog",)
    assert words.forms("casa", "es") == ("casa",)  # "cas" would match caso, casado
    assert words.forms("kehamilan", "id") == ("kehamilan", "hamil")
    assert words.forms("lbh", "id") == ("lbh",)


def test_an_english_not_stays_with_its_verb():
    # Normalising splits "can't" into "can t", and a one-letter word is no query word: "I can't sleep" would read
    # "can sleep", a bed.
    assert words.query_words("I can't sleep") == ["cant", "sleep"]
    assert words.query_words("he won't let me, it isn't fair") == ["he", "wont", "let", "me", "it", "isnt", "fair"]
    assert [sorted(c.categories) for c in words.concepts(words.query_words("I can't sleep"), "en", NEGATED_TERMS)] == [
        [2]
    ]


STOP_WORD_TERMS = words.TermIndex(
    [
        (1, "en", "go with me"),
        (1, "pt", "ir cmg"),
        (2, "en", "police"),
        (2, "pt", "delegacia"),
        (3, "en", "can't take it anymore"),
        (4, "en", "hits me"),
    ]
)


@pytest.mark.parametrize(
    ("language", "query", "categories"),
    [
        ("en", "someone to go with me to the police", [[1], [2]]),
        ("pt", "alguem pra ir cmg na delegacia", [[1], [2]]),
        ("en", "i just can't take it anymore he hits me", [[3], [4]]),
        ("en", "go with me", [[1]]),
        # Its words in another order, or another word among them, say something else: dropped as stop words.
        ("en", "me with go to the police", [[2]]),
        ("en", "go there with me to the police", [[2]]),
    ],
)
def test_a_term_of_stop_words_alone_is_found_among_other_words(language, query, categories):
    """Among other words its words would be dropped as stop words, and the need it says with them."""
    understood = words.concepts(words.query_words(query), language, STOP_WORD_TERMS)
    assert [sorted(concept.categories) for concept in understood] == categories


def test_a_term_of_stop_words_alone_counts_as_one_word_that_no_listing_holds():
    (said, _police) = words.concepts(words.query_words("go with me to the police"), "en", STOP_WORD_TERMS)
    assert said.words == said.forms[0] == ("=said=go=with=me",)  # "=" is in no query or listing word


def test_a_word_of_the_page_language_is_not_another_languages_word_with_its_stem():
    terms = words.TermIndex(
        [(1, "en", "call"), (2, "es", "situación de calle"), (3, "en", "ride to the hospital"), (4, "es", "hospital")]
    )
    assert terms.categories_of_word("call", "en") == {1}  # not the street one sleeps in ("calle" stems to "call")
    assert terms.categories_of_word("calle", "es") == {2}
    assert terms.categories_of_word("hospital", "es") == {3, 4}  # the very word in another language's terms
    assert terms.categories_of_word("calles", "en") == {1, 2}  # no English term word: every language's stems


@pytest.mark.parametrize(
    ("typed", "read"),
    [("ayudaaa", ["ayuda"]), ("socorrooo", ["socorro"]), ("tolonggg", ["tolong"]), ("helppp me", ["help", "me"])],
)
def test_a_letter_drawn_out_in_a_cry_is_read_once(typed, read):
    """ "ayudaaa" found nothing: no word of the four languages has a letter three times in a row. Doubled letters stay
    ("socorro", "maaf"), and so do digits ("1000")."""
    assert words.query_words(typed) == read
    assert words.query_words("maaf 1000") == ["maaf", "1000"]
    assert words.query_words("zzzzzz") == ["zzzzzz"]  # a key held down: no word, and no query made of nothing


def test_please_in_portuguese_chat_is_a_stop_word():
    """ "ajuda pfv" found nothing: "pfv" (por favor) was its one word left, found nowhere. Now a stop word, as
    "ajuda" is: a query of stop words alone keeps them all, and "ajuda" names the hotline."""
    assert words.meaningful(["abrigo", "pfv"], "pt") == ["abrigo"]
    assert words.meaningful(["ajuda", "pfv"], "pt") == ["ajuda", "pfv"]


def test_a_subcategorys_phrase_with_words_a_query_drops_leaves_the_main_categorys_word_to_it():
    """ "shelter open now" (emergency shelter) is "shelter" once "open now" is dropped: "shelter" (safe shelter) still
    names every shelter, transitional housing too; "psicóloga gratis" leaves "psicóloga" to psychosocial support. A
    phrase that is the very words of both still names the subcategory alone ("absorvente" is a dignity kit)."""
    terms = words.TermIndex(
        [
            (1, "en", "shelter"),
            (2, "en", "shelter open now"),
            (2, "en", "emergency shelter"),
            (3, "es", "psicóloga"),
            (4, "es", "psicóloga gratis"),
            (5, "pt", "absorvente"),
            (6, "pt", "absorvente"),
        ],
        parents={1: None, 2: 1, 3: None, 4: 3, 5: None, 6: 5},
    )
    assert terms.categories(["shelter"], "en") == {1}
    assert terms.categories(["emergency", "shelter"], "en") == {2}
    assert terms.categories(["psicologa"], "es") == {3}
    assert terms.categories(["absorvente"], "pt") == {6}
