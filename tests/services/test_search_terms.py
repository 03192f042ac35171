"""``ServiceCategory.search_terms``: the words people use for each type of help, per language, seeded in the
reference data for every category, edited by staff in the admin and recorded in the category's history."""

import pytest

from services import search as words
from services.models import ServiceCategory, split_search_terms
from services.reference import CATEGORIES, SEARCH_TERMS, load_taxonomy
from tests.factories import ServiceCategoryFactory, UserFactory
from tests.test_admin import admin_url, error_list, form_data

SUFFIXES = ("es", "pt", "en", "ind")


def test_terms_are_split_on_commas_and_lines_trimmed_and_each_kept_once():
    assert split_search_terms("abogado, abogada;  asesoría   legal\nlicenciado,,abogado\n") == [
        "abogado",
        "abogada",
        "asesoría legal",
        "licenciado",
    ]
    assert split_search_terms("") == []
    assert split_search_terms(None) == []


def test_every_category_of_the_reference_data_has_terms_in_every_language():
    slugs = [slug for slug, *_ in CATEGORIES] + [child[0] for *_, children in CATEGORIES for child in children]
    assert set(SEARCH_TERMS) == set(slugs)
    for slug in slugs:
        for language, text in SEARCH_TERMS[slug].items():
            assert len(split_search_terms(text)) >= 3, (slug, language)


def test_each_main_category_has_at_least_fifteen_terms_per_language():
    for slug, *_ in CATEGORIES:
        for language, text in SEARCH_TERMS[slug].items():
            assert len(split_search_terms(text)) >= 15, (slug, language)


@pytest.mark.django_db
def test_the_taxonomy_is_loaded_with_its_search_terms():
    load_taxonomy()
    shelter = ServiceCategory.objects.get(slug="safe-shelter")
    assert "albergue" in shelter.search_term_list("es")
    assert "casa abrigo" in shelter.search_term_list("pt")
    assert "safe house" in shelter.search_term_list("en")
    assert "rumah aman" in shelter.search_term_list("ind")
    assert "KDRT" in ServiceCategory.objects.get(slug="gbv-case-management").search_term_list("ind")


@pytest.mark.django_db
def test_staff_edit_the_terms_in_every_language_and_the_change_is_in_the_history(client):
    client.force_login(UserFactory(username="staff", is_staff=True, is_superuser=True))
    category = ServiceCategoryFactory()
    page = client.get(admin_url(ServiceCategory, "change", category.pk)).content.decode()
    for suffix in SUFFIXES:
        assert f'name="search_terms_{suffix}"' in page
    data = form_data(page)
    data.update(search_terms_es="abogada, licenciada", search_terms_ind="pengacara, LBH")

    response = client.post(admin_url(ServiceCategory, "change", category.pk), data)

    assert response.status_code == 302, error_list(response)
    category.refresh_from_db()
    assert category.search_term_list("es") == ["abogada", "licenciada"]
    assert category.search_term_list("ind") == ["pengacara", "LBH"]
    latest = category.history.latest()
    assert latest.search_terms_es == "abogada, licenciada"
    assert latest.history_user.username == "staff"
    assert client.get(admin_url(ServiceCategory, "history", category.pk)).status_code == 200


REFERENCE_TERMS = words.TermIndex(
    (slug, language, phrase)
    for slug, texts in SEARCH_TERMS.items()
    for language, text in texts.items()
    for phrase in split_search_terms(text)
)


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        # Thrown out of the house: "botar" (Peru, Colombia, Venezuela), "correr" (Mexico), "sacar".
        ("me botaron de la casa", "safe-shelter"),
        ("me corrieron de la casa", "safe-shelter"),
        ("me sacó de la casa", "safe-shelter"),
        ("suicidarme", "mental-health-care"),
        ("ganas de morir", "mental-health-care"),
        ("temo por mi vida", "safety-security"),
        ("tengo miedo", "safety-security"),
        ("agredida sexualmente", "clinical-management-of-rape"),
        ("manoseo", "clinical-management-of-rape"),
        # Identity papers of foreigners (Peru, Colombia), Mexico's migration institute and humanitarian visa.
        ("carnet de extranjería", "asylum-migration"),
        ("cédula de extranjería", "asylum-migration"),
        ("inm", "asylum-migration"),
        ("indocumentada", "asylum-migration"),
        # Free legal clinics (Central America) and Colombia's municipal rights office.
        ("bufete popular", "legal-aid"),
        ("personería", "legal-aid"),
        ("a quién acudir", "information-orientation"),
        ("puesto de salud", "medical-care"),
        # Money: "lana" (Mexico), "pisto" (Central America).
        ("lana", "cash-basic-needs"),
        ("pisto", "cash-basic-needs"),
    ],
)
def test_spanish_terms_speak_as_people_in_each_country_do(query, slug):
    meaning = words.meaningful(words.normalise(query).split(), "es")
    assert slug in REFERENCE_TERMS.categories(meaning, "es"), meaning


@pytest.mark.parametrize(
    ("language", "query", "slug"),
    [
        # Everyday words of fresh sets of queries: pain, bleeding, sleep, studies, interpreters, fares, papers.
        ("es", "me duele", "medical-care"),  # not "duelo" (grief), although both stem to "duel"
        ("pt", "sangramento", "medical-care"),
        ("id", "pendarahan", "medical-care"),
        ("es", "no puedo dormir", "psychosocial-support"),  # not "dónde dormir" (a shelter)
        ("en", "can't sleep", "psychosocial-support"),
        ("id", "gak bisa tidur", "psychosocial-support"),
        ("es", "donde dormir", "safe-shelter"),
        ("es", "clases de español", "livelihoods"),
        ("es", "jale", "livelihoods"),
        ("id", "penerjemah", "information-orientation"),
        ("en", "bus fare", "cash-basic-needs"),
        ("es", "mi ex no me deja ver a mis hijos", "family-law"),
        ("id", "cowok gue mukul gue", "gbv-case-management"),
        ("pt", "como tirar cpf", "asylum-migration"),
        ("en", "he keeps following me", "safety-security"),
        # A fresh set written blind: strangulation, forced marriage, infections by name, phone tracking, an ex who
        # turns up at work, injuries and the ER, not knowing what to do, the border, rent money, long-term housing.
        ("en", "he strangled me", "gbv-case-management"),
        ("en", "he strangled me", "emergency-medical-care"),
        ("pt", "ele me enforcou", "gbv-case-management"),
        ("es", "me quieren casar a la fuerza", "gbv-case-management"),
        ("id", "dipaksa menikah", "gbv-case-management"),
        ("en", "i think i got chlamydia", "hiv-sti-services"),
        ("en", "he tracks my phone", "safety-planning"),
        ("en", "ex keeps showing up at my job", "protection-orders"),
        ("en", "broke my arm", "emergency-medical-care"),
        ("en", "need the er", "emergency-medical-care"),
        ("en", "dont know what to do", "information-orientation"),
        ("en", "at the border", "migrant-orientation"),
        ("es", "estoy sin plata para el arriendo", "cash-assistance"),
        ("es", "el patron me acosa en el trabajo", "gbv-case-management"),
        ("en", "where to go after the shelter long term", "transitional-housing"),
        ("es", "médico del embarazo", "maternal-health"),
        # A fresh set written blind (Portuguese and Indonesian chat): WhatsApp, a threat to kill her if she leaves,
        # a boss's groping, intimate images spread (a crime to report), child marriage, a child who ran away, an
        # IUD put in, the work card.
        ("pt", "queria conversar pelo whats", "remote-counselling"),
        ("es", "hablar por wasap", "remote-counselling"),
        ("pt", "ele falou q me mata se eu largar ele", "safety-security"),
        ("es", "dice que me mata si lo dejo", "safety-security"),
        ("en", "he told me he'll kill me if i leave", "safety-security"),
        ("id", "dia bilang mau bunuh aku kalau aku pergi", "safety-security"),
        ("pt", "meu patrao fica passando a mao em mim", "gbv-case-management"),
        ("en", "my boss keeps touching me", "gbv-case-management"),
        ("pt", "meu homem me bate", "gbv-case-management"),
        ("pt", "meu ex espalhou fotos intimas minhas", "criminal-justice"),
        ("id", "mantan nyebarin foto bugil gw", "criminal-justice"),
        ("pt", "menina de 14 anos casada com homem de 30", "child-protection"),
        ("es", "matrimonio infantil", "child-protection"),
        ("id", "anak kabur dari rumah umur 15", "child-protection"),
        ("id", "anak dipaksa kawin umur 14", "child-protection"),
        ("id", "pernikahan dini", "child-protection"),
        ("id", "hamil di luar nikah", "maternal-health"),
        ("en", "my daughter ran away", "child-protection"),
        ("pt", "quero colocar diu pelo sus", "family-planning"),
        ("en", "get my tubes tied", "family-planning"),
        ("pt", "tirar carteira de trabalho", "employment-entrepreneurship"),
        # Another blind set, of a person's weeks after leaving: police who did nothing, selling food from home,
        # family back home, a night-time call, texting a counsellor, no friends, a stepfather, a threat to kill in
        # chat Indonesian, rent this month, a boss who touches, an employer who keeps the passport.
        ("en", "cops didnt believe me", "criminal-justice"),
        ("es", "la policia no hizo nada", "criminal-justice"),
        ("pt", "a policia nao fez nada", "criminal-justice"),
        ("en", "want to start selling food from home", "employment-entrepreneurship"),
        ("id", "mau jualan makanan", "employment-entrepreneurship"),
        ("en", "pregnant and alone he left me", "maternal-health"),
        ("es", "me dejo embarazada", "maternal-health"),
        ("en", "cant reach my mom", "family-tracing"),
        ("en", "someone to call at 3am", "helpline"),
        ("en", "counselor i can text not call", "remote-counselling"),  # "text" is no stop word
        ("en", "so lonely here no friends", "support-groups"),
        ("pt", "nao tenho amigos aqui", "support-groups"),
        ("en", "stepdad beats me", "child-protection"),
        ("id", "dia ngancam mau bunuh aku", "safety-security"),
        ("id", "pendamping ke rumah sakit", "referral-accompaniment"),
        ("es", "como pido refugio en mexico comar", "asylum-migration"),
        ("pt", "carteira de trabalho", "asylum-migration"),
        ("es", "no tengo pa la renta este mes", "cash-assistance"),
        ("en", "boss keeps touching me at work", "gbv-case-management"),
        ("en", "my employer took my passport", "gbv-case-management"),
        # A blind set of the first hours and night, and of helping someone else: phrases of stop words alone (going
        # along, not bearing it any more), being locked out, a peace bond, shaking, someone at the door, a go bag,
        # ages, the cost of a therapist, a bus terminal, a friend or a neighbour, everyday medicines.
        ("en", "someone to come with me to the police station", "referral-accompaniment"),
        ("pt", "alguem pra ir cmg na delegacia", "referral-accompaniment"),
        ("en", "i cant take it anymore", "psychosocial-support"),
        ("es", "ya no puedo mas", "psychosocial-support"),
        ("en", "he locked me out", "emergency-shelter"),
        ("en", "mi baby fada beat mi need somewhere fi stay", "emergency-shelter"),
        ("en", "how to get peace bond against ex", "protection-orders"),
        ("en", "cant stop shaking after what happened", "psychological-first-aid"),
        ("en", "hes outside my door rn", "safety-security"),
        ("en", "go bag checklist leaving abuser", "safety-planning"),
        ("en", "my daughter is 15", "child-protection"),
        ("en", "cheap counselor sliding scale", "individual-counselling"),
        ("es", "psicologa gratis violencia", "individual-counselling"),  # not "violencia psicológica"
        ("en", "ofw abused by employer", "migrant-orientation"),
        ("en", "at the greyhound station with my kids", "emergency-shelter"),
        ("es", "estoy en la terminal", "migrant-orientation"),
        ("es", "a mi pana le pega el novio como la ayudo", "gbv-hotline"),
        ("en", "my sister is being beaten how can i help her", "gbv-hotline"),
        ("en", "blood pressure meds", "medical-care"),
        ("es", "psicóloga", "individual-counselling"),  # one-to-one sessions: a psychologist, a therapist
        ("en", "therapist", "individual-counselling"),
        ("es", "ayuda con el pasaje", "cash-assistance"),
        # A blind set of migrant workers, agencies and trafficking, scams and loan sharks, money sent home, nightmares.
        ("id", "PT minta uang 20 juta buat berangkat ke taiwan itu resmi gak", "migrant-orientation"),
        ("id", "agen", "migrant-orientation"),
        ("en", "recruitment agency fee", "migrant-orientation"),
        ("id", "gaji dipotong agen 7 bulan buat bayar utang", "legal-aid"),
        ("en", "debt bondage", "legal-aid"),
        ("id", "suami ngabisin uang kiriman aku dari taiwan bertahun2", "gbv-case-management"),
        ("es", "se gasta el dinero que le mando", "gbv-case-management"),
        ("id", "pinjol neror sebar foto aku ke kontak", "specialised-police"),
        ("pt", "agiota ta ameaçando eu e meus filhos", "safety-security"),
        ("es", "me estafaron", "criminal-justice"),
        ("id", "susah tidur mimpi buruk terus tiap malem", "individual-counselling"),
        ("en", "nightmares and flashbacks", "individual-counselling"),
        ("id", "mau cerai suami gak dinafkahi", "family-law"),
        ("es", "deje a mis hijos en venezuela y quiero traerlos", "family-tracing"),
        ("pt", "meu braço ta inxado", "emergency-medical-care"),
        ("pt", "a patroa reteve meu passaporte", "asylum-migration"),
        ("es", "cómo escaparme de él", "safety-planning"),
        # The blind set F: a person's age and school with the violence, men as victims, a religious leader's
        # pressure, older people hit by relatives, a deaf woman, a shelter that takes her son, thrown out by family.
        ("es", "el profe me manda mensajes", "child-protection"),
        ("pt", "o professor abusou", "child-protection"),
        ("pt", "tenho 16 anos", "child-protection"),
        ("en", "my teacher says its our secret", "child-protection"),
        ("id", "pacarku masih sma", "child-protection"),
        ("es", "soy hombre", "gbv-hotline"),
        ("pt", "homem vitima", "gbv-hotline"),
        ("en", "male victim", "gbv-hotline"),
        ("id", "istri saya", "gbv-hotline"),
        ("es", "el pastor me dijo que lo perdone", "rights-services-information"),
        ("pt", "o pastor mandou eu perdoar", "rights-services-information"),
        ("en", "my pastor says", "rights-services-information"),
        ("id", "kata ustadz disuruh sabar", "rights-services-information"),
        ("es", "le pegan a mi abuela", "gbv-case-management"),
        ("pt", "minha vó apanha", "gbv-case-management"),
        ("en", "elder abuse", "gbv-case-management"),
        ("id", "nenek dipukul", "gbv-case-management"),
        ("es", "lengua de señas", "remote-counselling"),
        ("pt", "libras", "remote-counselling"),
        ("en", "deaf", "remote-counselling"),
        ("id", "bahasa isyarat", "remote-counselling"),
        ("es", "albergue que acepte", "safe-shelter"),
        ("en", "shelter that accepts boys", "safe-shelter"),
        ("id", "diusir ortu", "emergency-shelter"),
        # A blind set written from the categories' names: a panic or anxiety attack (specialised mental health care),
        # the bus fare (cash), relocation, a child alone or separated (family tracing), a psychologist online,
        # protection from an ex or the abuser (a protection order).
        ("pt", "to tendo crise de ansiedade agr", "mental-health-care"),
        ("es", "ataque de pánico", "mental-health-care"),
        ("en", "panic attack cant breathe", "mental-health-care"),
        ("id", "serangan panik", "mental-health-care"),
        ("pt", "passagem de onibus", "cash-assistance"),
        ("es", "boleto de bus", "cash-assistance"),
        ("en", "bus ticket", "cash-assistance"),
        ("id", "ongkos bus", "cash-assistance"),
        ("pt", "interiorizacao", "migrant-orientation"),
        ("es", "programa de reubicación", "migrant-orientation"),
        ("en", "relocation program", "migrant-orientation"),
        ("id", "relokasi", "migrant-orientation"),
        ("pt", "crianca sozinha na fronteira", "family-tracing"),
        ("es", "niño no acompañado", "family-tracing"),
        ("en", "unaccompanied child", "family-tracing"),
        ("id", "anak terpisah dari orang tua", "family-tracing"),
        ("pt", "atendimento psicologico online", "remote-counselling"),
        ("es", "terapia en línea", "remote-counselling"),
        ("en", "online therapist", "remote-counselling"),
        ("id", "psikolog online", "remote-counselling"),
        ("pt", "proteção contra meu ex", "protection-orders"),
        ("es", "protección contra mi ex", "protection-orders"),
        ("en", "protection from my ex", "protection-orders"),
        ("id", "minta perlindungan dari mantan", "protection-orders"),
        # A blind set of what happened and where one is: sleeping in the street tonight (an emergency shelter,
        # "tmpt" as Indonesian chat spells "tempat"), someone outside, threats as chat spells them, children taken by
        # the other parent, a pupil and a child of 12, violence said by a caseworker, Haitian migrants and a bus just
        # left, a toxic relationship, and French and Haitian Creole on the Spanish page.
        ("pt", "to dormindo na rua", "emergency-shelter"),
        ("es", "duermo en la calle", "emergency-shelter"),
        ("en", "sleeping rough", "emergency-shelter"),
        ("id", "tidur di jalanan", "emergency-shelter"),
        ("id", "tidak ada tempat tinggal", "emergency-shelter"),
        ("id", "tmpt aman", "safe-shelter"),
        ("en", "hes outside", "safety-security"),
        ("id", "dia ngancem aku", "safety-security"),
        ("es", "se llevó a mis hijos", "family-law"),
        ("pt", "ele levou meus filhos", "family-law"),
        ("en", "parental abduction", "family-law"),
        ("es", "mi alumna", "child-protection"),
        ("pt", "minha aluna", "child-protection"),
        ("en", "my student", "child-protection"),
        ("id", "murid saya", "child-protection"),
        ("en", "she is 12", "child-protection"),
        ("es", "violentada por su pareja", "gbv-case-management"),
        ("pt", "violentada pelo marido", "gbv-case-management"),
        ("pt", "sou haitiana", "migrant-orientation"),
        ("en", "just got off the bus", "migrant-orientation"),
        ("es", "relación tóxica", "psychosocial-support"),
        ("pt", "relacionamento toxico", "psychosocial-support"),
        ("en", "toxic relationship", "psychosocial-support"),
        ("id", "pacarku toxic", "psychosocial-support"),
        ("es", "je suis enceinte", "maternal-health"),
        ("es", "mwen ansent", "maternal-health"),
        ("pt", "pa gen lajan", "cash-assistance"),
        ("es", "on m'a violée", "clinical-management-of-rape"),
        # Blind set I: phone credit to call home, Haitian Creole, a newcomer who knows nobody, caseworkers'
        # abbreviations (TRO, CMR), protection orders and legal accompaniment in Indonesian, child support, reporting an
        # assault, no credit to call a helpline.
        ("es", "necesito recarga pal cel", "cash-assistance"),
        ("pt", "recarga de celular", "cash-assistance"),
        ("en", "phone credit", "cash-assistance"),
        ("id", "pulsa buat nelpon", "cash-assistance"),
        ("es", "mwen ap dòmi nan lari", "emergency-shelter"),
        ("es", "fanm ki viktim vyolans", "gbv-case-management"),
        ("pt", "acabei de chegar nao conheço ninguem aqui", "migrant-orientation"),
        ("en", "tro", "protection-orders"),
        ("en", "cmr services", "clinical-management-of-rape"),
        ("id", "perintah perlindungan kdrt", "protection-orders"),
        ("id", "pendampingan hukum", "legal-aid"),
        ("es", "no me pasa la pension", "family-law"),
        ("en", "report assault", "criminal-justice"),
        ("en", "no phone credit", "helpline"),
        # Blind set J: online abuse (KBGO), regional words for a beating (madrear, cascar, nggebuki, galak), a birth
        # certificate, a bank account, furniture, self-harm, a home visit, nobody who helps.
        ("es", "me hackearon el face", "gbv-case-management"),
        ("pt", "perfil fake me ameaçando", "gbv-case-management"),
        ("en", "someone made a fake account of me", "gbv-case-management"),
        ("id", "KBGO", "gbv-case-management"),
        ("id", "akun ig aku di-hack mantan", "gbv-case-management"),
        ("pt", "deepfake", "gbv-case-management"),
        ("es", "mi viejo me madrea", "gbv-case-management"),
        ("es", "mi man me cascó", "gbv-case-management"),
        ("id", "bojoku seneng nggebuki aku", "gbv-case-management"),
        ("id", "laki aye galak bener", "gbv-case-management"),
        ("es", "acta de nacimiento para mis hijos", "asylum-migration"),
        ("en", "birth certificate for my kids", "asylum-migration"),
        ("pt", "abrir conta no banco", "migrant-orientation"),
        ("en", "furniture for new apartment", "cash-basic-needs"),
        ("id", "anak saya suka nyakitin diri sendiri", "mental-health-care"),
        ("en", "i keep thinking about ending it", "mental-health-care"),
        ("pt", "visita domiciliar", "case-management"),
        ("pt", "ngm me ajuda", "helpline"),
        # Blind set K: each country's institutions and lines as people name them, process and rights, people at the
        # edges, practical needs around the violence (a locksmith, a new SIM, one's documents, a ticket, a pet).
        ("es", "CJM", "gbv-case-management"),
        ("es", "155", "gbv-hotline"),
        ("id", "129", "gbv-hotline"),
        ("en", "211", "information-orientation"),
        ("en", "WIC", "food-assistance"),
        ("id", "bantuan dinsos", "cash-assistance"),
        ("en", "clare's law", "rights-services-information"),
        ("pt", "da pra retirar a queixa", "criminal-justice"),
        ("pt", "viuva cunhados querem a casa", "legal-aid"),
        ("en", "widow in laws taking the house", "legal-aid"),
        ("es", "mi hermana tiene esquizofrenia", "mental-health-care"),
        ("pt", "egressa do sistema prisional", "case-management"),
        ("es", "cerrajero urgente", "safety-security"),
        ("id", "tukang kunci", "safety-security"),
        ("pt", "chip novo", "safety-planning"),
        ("es", "donde guardo mis documentos", "safety-planning"),
        ("en", "greyhound ticket", "cash-assistance"),
        ("en", "can i bring my cat", "safe-shelter"),
        ("id", "rumah aman boleh bawa kucing", "safe-shelter"),
        ("en", "help pls hes coming back", "safety-security"),
        ("id", "tolong bgt suami ngamuk", "safety-security"),
        # Help without the police, said with "without" and "don't want to report"; a partner who controls the phone.
        ("es", "ayuda sin policia", "case-management"),
        ("pt", "quero ajuda mas sem policia", "case-management"),
        ("en", "help without police", "case-management"),
        ("id", "mau cerita tapi gak mau lapor polisi", "case-management"),
        ("pt", "ele controla meu celular e meu dinheiro", "safety-planning"),
        # Set L: human trafficking as people say it ("perdagangan" alone is trade).
        ("id", "perdagangan manusia", "gbv-case-management"),
        # Set M: a partner who does not let one work or study.
        ("es", "mi esposo no me deja trabajar", "gbv-case-management"),
        ("es", "mi novio no me deja estudiar", "gbv-case-management"),
        ("pt", "meu marido nao me deixa trabalhar", "gbv-case-management"),
        ("id", "suami melarang saya kerja", "gbv-case-management"),
        # Set O: institutions and numbers known by name.
        ("en", "tpo", "protection-orders"),
        ("en", "988", "mental-health-care"),
        ("en", "iom", "migrant-orientation"),
        ("id", "BP2MI", "migrant-orientation"),
        # Set Q: "pastilla" as typed where "ll" and "y" sound alike, two edits away.
        ("es", "pastiya del dia siguiente", "clinical-management-of-rape"),
        # Set U, tried as a new user would: a phone a partner took or broke, pregnant and homeless, sons taken along.
        ("es", "me quitó el celular", "gbv-case-management"),
        ("pt", "ele pegou meu celular", "gbv-case-management"),
        ("en", "he took my phone", "gbv-case-management"),
        ("id", "hp saya diambil suami", "gbv-case-management"),
        ("pt", "estou grávida e sem casa", "safe-shelter"),
        ("es", "refugio para mujeres con hijos varones", "safe-shelter"),
        # Set V: everyday health and family words.
        ("es", "ultrasonido", "maternal-health"),
        ("id", "usg kehamilan", "maternal-health"),
        ("pt", "exame preventivo", "sexual-reproductive-health"),
        ("en", "pap smear", "sexual-reproductive-health"),
        ("es", "bullying", "child-case-management"),
        ("id", "anak saya dibully", "child-case-management"),
        ("pt", "meu padrasto abusa da minha filha", "child-case-management"),
        ("en", "my stepdad touches my daughter", "child-case-management"),
        ("es", "reconocimiento de paternidad", "family-law"),
        ("pt", "teste de dna", "family-law"),
        # Set W: fired, a son detained, learning to read.
        ("es", "me despidieron", "legal-aid"),
        ("id", "dipecat", "legal-aid"),
        ("es", "mi hijo está detenido", "legal-aid"),
        ("es", "aprender a leer", "livelihoods"),
        ("en", "learn to read", "livelihoods"),
        ("id", "belajar membaca", "livelihoods"),
        # Set X: a landlord who harasses, pictures shared, in-laws, a forced abortion, a husband who cheats.
        ("es", "mi casero me acosa", "gbv-case-management"),
        ("en", "someone is sharing my nudes", "gbv-case-management"),
        ("id", "mertua saya kasar", "gbv-case-management"),
        ("id", "dipaksa aborsi", "gbv-case-management"),
        ("id", "suami saya selingkuh", "individual-counselling"),
        # Set AM: asylum asked for as "pido" (I ask for), which "pedir" does not stem to.
        ("es", "como pido refugio", "asylum-migration"),
        # Set AO: help without the police, said as not calling them or not involving them ("llamar", "call" alone are
        # a helpline's, "polícia" the police's).
        ("es", "no quiero llamar a la policía", "case-management"),
        ("pt", "não quero chamar a polícia", "case-management"),
        ("pt", "não quero ligar pra polícia", "case-management"),
        ("en", "i dont want to call the police", "case-management"),
        ("en", "dont want him arrested", "case-management"),
        ("id", "gak mau telepon polisi", "case-management"),
        ("id", "tidak mau melibatkan polisi", "case-management"),
        # Set AT: one who cannot talk or call, or cannot leave the house, is reached online or by chat, not by a phone
        # line or a shelter.
        ("es", "no puedo hablar solo escribir", "remote-counselling"),
        ("es", "no puedo salir de la casa", "remote-counselling"),
        ("pt", "não consigo ligar ele tá do lado", "remote-counselling"),
        ("pt", "não posso sair de casa", "remote-counselling"),
        ("en", "i cant call", "remote-counselling"),
        ("en", "i cant leave the house", "remote-counselling"),
        ("id", "tidak bisa bicara", "remote-counselling"),
        # Set AS: not wanting him to find her is safety planning, not family tracing (the help that finds people);
        # not wanting him near her or to see him again is a protection order.
        ("es", "no quiero que sepa dónde estoy", "safety-planning"),
        ("pt", "não quero que ele me encontre", "safety-planning"),
        ("en", "i dont want him to find me", "safety-planning"),
        ("es", "no quiero verlo nunca más", "protection-orders"),
        ("pt", "não quero que ele chegue perto de mim", "protection-orders"),
        ("pt", "não quero ver ele nunca mais", "protection-orders"),
        ("en", "i dont want him near me", "protection-orders"),
        ("en", "i never want to see him again", "protection-orders"),
        ("id", "gak mau ketemu dia lagi", "protection-orders"),
        ("id", "tidak mau dia datang lagi", "protection-orders"),
        # Set AR: not wanting others to know is a helpline's, not family tracing; not wanting a pregnancy is family
        # planning, not maternal health.
        ("es", "no quiero que mi familia sepa", "helpline"),
        ("es", "no quiero que nadie se entere", "helpline"),
        ("pt", "não quero que minha família saiba", "helpline"),
        ("en", "i dont want my family to find out", "helpline"),
        ("id", "gak mau keluarga tahu", "helpline"),
        ("es", "no quiero tener el bebé", "family-planning"),
        ("pt", "não quero ter esse filho", "family-planning"),
        ("en", "i dont want this baby", "family-planning"),
        ("id", "gak mau hamil", "family-planning"),
        # Set AQ: not wanting to go back to one's country is asylum, not the help to go home; not wanting to go back
        # to him is safety planning; not wanting to lose one's children is family law.
        ("es", "no quiero volver a mi país", "asylum-migration"),
        ("pt", "não quero voltar pro meu país", "asylum-migration"),
        ("en", "i dont want to go back to my country", "asylum-migration"),
        ("id", "tidak mau pulang ke negara asal", "asylum-migration"),
        ("es", "no quiero volver con él", "safety-planning"),
        ("pt", "não quero voltar pra ele", "safety-planning"),
        ("es", "no quiero perder a mis hijos", "family-law"),
        ("pt", "não quero perder meus filhos", "family-law"),
        ("en", "i dont want to lose my kids", "family-law"),
        # Set AP: not wanting a shelter or to leave home is safety planning, not a shelter.
        ("es", "no quiero ir a un albergue", "safety-planning"),
        ("es", "no quiero dejar mi casa", "safety-planning"),
        ("pt", "não quero ir pra abrigo", "safety-planning"),
        ("pt", "não quero sair de casa", "safety-planning"),
        ("en", "i dont want to go to a shelter", "safety-planning"),
        ("en", "i dont want to leave my home", "safety-planning"),
        ("id", "gak mau ke rumah aman", "safety-planning"),
        # Set BW: a victim of an armed conflict is registered and repaired through information on her rights, armed
        # groups are a threat to her safety ("soy víctima del conflicto armado" listed GBV case management).
        ("es", "soy víctima del conflicto armado, dónde declaro", "rights-services-information"),
        ("es", "registro único de víctimas", "rights-services-information"),
        ("es", "los paramilitares me sacaron de mi tierra", "safety-security"),
        ("es", "la guerrilla reclutó a mi hijo", "safety-security"),
        ("pt", "conflito armado", "rights-services-information"),
        ("en", "armed conflict survivor", "rights-services-information"),
        ("en", "the militia came to our village", "safety-security"),
        ("id", "korban konflik", "rights-services-information"),
        ("id", "KKB datang ke kampung", "safety-security"),
        # Set BV: a child with no nationality is a matter of migration status ("riesgo de apatridia", "my baby has no
        # nationality" found nothing, "apátrida" listed maternal health).
        ("es", "riesgo de apatridia", "asylum-migration"),
        ("es", "mi hijo nació en colombia, puede tener la nacionalidad", "asylum-migration"),
        ("pt", "apátrida", "asylum-migration"),
        ("en", "my baby has no nationality", "asylum-migration"),
        ("id", "anak saya tidak punya kewarganegaraan", "asylum-migration"),
        # Set BU: acid, a knife or fire is treated at once ("me apuñaló", "jogou ácido", "me esfaqueou" found nothing,
        # "acid attack survivor" listed the hotline, "my husband stabbed me" family tracing).
        ("es", "me tiró ácido en la cara", "emergency-medical-care"),
        ("es", "me apuñaló mi pareja", "emergency-medical-care"),
        ("pt", "jogou ácido em mim", "emergency-medical-care"),
        ("pt", "ele me esfaqueou", "emergency-medical-care"),
        ("en", "acid attack survivor", "emergency-medical-care"),
        ("en", "my husband stabbed me", "emergency-medical-care"),
        ("en", "he set me on fire", "emergency-medical-care"),
        ("id", "disiram air keras oleh suami", "emergency-medical-care"),
        ("id", "ditusuk pisau sama pacar", "emergency-medical-care"),
        # Set BT: a union never registered is a matter of family law ("reconhecimento de união estável" and "isbat
        # nikah" found nothing, "vivimos en unión libre" listed other help first).
        ("pt", "reconhecimento de união estável", "family-law"),
        ("id", "isbat nikah", "family-law"),
        ("es", "vivimos en unión libre, tengo derecho a la casa", "family-law"),
        ("en", "not legally married and he kicked me out", "family-law"),
        # Set BR: an interpreter of a regional language goes with her ("penerjemah" alone is information on rights).
        ("id", "penerjemah bahasa daerah untuk lapor", "referral-accompaniment"),
        # Set BQ: a school place for a child is asked at the orientation for people on the move ("vaga na escola"
        # listed employment, "vaga" a job opening), an ex who may not pick the children up is a matter of family law.
        ("pt", "não consegui vaga na escola pro meu filho", "migrant-orientation"),
        ("es", "cupo escolar", "migrant-orientation"),
        ("en", "school enrollment", "migrant-orientation"),
        ("id", "daftar sekolah", "migrant-orientation"),
        ("en", "how do i tell the school my ex cant pick up the kids", "family-law"),
        # Set BP: a pimp who keeps her or her money is for a GBV caseworker ("el proxeneta no me deja irme" and
        # "mucikari" found nothing, "o cafetão fica com todo meu dinheiro" listed cash assistance), extortion by the
        # police is a matter of her rights (it listed the police units), a clinic for sex workers is an HIV service's.
        ("es", "el proxeneta no me deja irme", "gbv-case-management"),
        ("pt", "o cafetão fica com todo meu dinheiro", "gbv-case-management"),
        ("en", "my pimp wont let me leave", "gbv-case-management"),
        ("id", "mucikari tidak mengizinkan saya pergi", "gbv-case-management"),
        ("es", "la policía me extorsiona por ser trabajadora sexual", "rights-services-information"),
        ("en", "sex worker friendly clinic", "hiv-sti-services"),
        # Set BO: a caseworker's words of the trade (a safe space for women and girls listed child-friendly spaces, a
        # risk assessment specialised mental health care, "cash for protection" online support).
        ("es", "espacio seguro para mujeres y niñas", "psychosocial-support"),
        ("es", "SMAPS", "psychosocial-support"),
        ("pt", "espaço seguro para mulheres e meninas", "psychosocial-support"),
        ("en", "women and girls safe space", "psychosocial-support"),
        ("id", "ruang ramah perempuan", "psychosocial-support"),
        ("es", "evaluación de riesgo de violencia de pareja", "safety-planning"),
        ("pt", "avaliação de risco", "safety-planning"),
        ("en", "lethality assessment", "safety-planning"),
        ("id", "penilaian risiko kekerasan", "safety-planning"),
        ("en", "cash for protection", "cash-assistance"),
        # Set BN: a condom taken off without her consent is for the care after rape ("se quitó el condón" listed
        # services in Quito, the city "quitó" starts).
        ("es", "se quitó el condón sin decirme", "clinical-management-of-rape"),
        ("pt", "ele tirou a camisinha escondido", "clinical-management-of-rape"),
        ("en", "stealthing", "clinical-management-of-rape"),
        ("id", "pacar melepas kondom diam-diam", "clinical-management-of-rape"),
        # Set BM: sexual harassment on the street, on public transport or by a driver is a crime to report (groping
        # listed the clinical management of rape alone, "acoso callejero" and "street harassment" safety planning).
        ("es", "me manosearon en el metro", "criminal-justice"),
        ("es", "el taxista me tocó", "criminal-justice"),
        ("es", "acoso callejero", "criminal-justice"),
        ("pt", "um homem se esfregou em mim no ônibus", "criminal-justice"),
        ("pt", "importunação sexual", "criminal-justice"),
        ("en", "a man groped me on the subway", "criminal-justice"),
        ("en", "street harassment", "criminal-justice"),
        # Set BL: a son recruited or a daughter wanted by a gang is for a child protection caseworker
        # ("reclutamiento" found orientation for people on the move, "o tráfico quer levar meu filho" family law).
        ("es", "reclutamiento forzado de mi hijo", "child-case-management"),
        ("es", "la pandilla quiere a mi hija de novia", "child-case-management"),
        ("pt", "o tráfico quer levar meu filho", "child-case-management"),
        ("pt", "recrutamento forçado", "child-case-management"),
        ("en", "the gang threatened my son to join them", "child-case-management"),
        ("en", "gang wants my daughter as his girlfriend", "child-case-management"),
        ("id", "anak saya dipaksa gabung geng", "child-case-management"),
        # Set BK: a child taken by the other parent is a matter of family law, at home or abroad ("sustracción",
        # "sequestro internacional" and "abduction" listed family tracing or orientation for people on the move,
        # "dibawa kabur" transitional housing).
        ("es", "sustracción internacional de menores", "family-law"),
        ("pt", "sequestro internacional de criança", "family-law"),
        ("en", "international parental child abduction", "family-law"),
        ("en", "he took my kids", "family-law"),
        ("id", "anak saya dibawa kabur mantan suami", "family-law"),
        ("id", "anak saya diculik ayahnya", "family-law"),
        # Set BJ: femicide is a crime to prosecute ("feminicídio", "femicide", "femisida" found nothing), a sister
        # killed by her partner is for a GBV caseworker ("sister" alone is family tracing's, "dibunuh" safety's).
        ("es", "sobreviví a un intento de feminicidio", "criminal-justice"),
        ("pt", "feminicídio", "criminal-justice"),
        ("en", "femicide", "criminal-justice"),
        ("en", "attempted murder by my husband", "criminal-justice"),
        ("id", "femisida", "criminal-justice"),
        ("es", "mataron a mi hermana, fue su pareja", "gbv-case-management"),
        ("en", "my sister was killed by her boyfriend", "gbv-case-management"),
        ("id", "kakak saya dibunuh suaminya", "gbv-case-management"),
        ("id", "suami mencoba membunuh saya", "gbv-case-management"),
        # Set BI: female genital mutilation or cutting is for a GBV caseworker ("mutilación genital", "ablación",
        # "fgm" found nothing, "sunat perempuan" listed transitional housing).
        ("es", "mutilación genital", "gbv-case-management"),
        ("es", "ablación", "gbv-case-management"),
        ("es", "quieren circuncidar a mi hija", "gbv-case-management"),
        ("pt", "mutilação genital feminina", "gbv-case-management"),
        ("pt", "excisão feminina", "gbv-case-management"),
        ("en", "fgm", "gbv-case-management"),
        ("id", "sunat perempuan", "gbv-case-management"),
        ("id", "anak perempuan saya mau disunat", "gbv-case-management"),
        # Set BH: abuse by a pastor, a priest or an ustadz is for a GBV caseworker ("pastor", "iglesia", "ustadz" alone
        # are words of information on rights, for a pastor who tells her to forgive him).
        ("es", "el pastor de mi iglesia abusó de mí", "gbv-case-management"),
        ("es", "el cura me tocó", "gbv-case-management"),
        ("pt", "o pastor da igreja abusou de mim", "gbv-case-management"),
        ("pt", "o padre me tocou", "gbv-case-management"),
        ("en", "the priest touched me", "gbv-case-management"),
        ("id", "dilecehkan ustadz", "gbv-case-management"),
        # Set BG: sex asked for in exchange for aid is abuse, for a GBV caseworker ("comida", "sembako" listed food
        # assistance, "sexo" and "seks" HIV services or rape care).
        ("es", "me pidió sexo a cambio de comida", "gbv-case-management"),
        ("es", "me piden favores sexuales", "gbv-case-management"),
        ("es", "el que reparte la ayuda me acosa", "gbv-case-management"),
        ("pt", "funcionário do abrigo pediu sexo", "gbv-case-management"),
        ("pt", "querem sexo em troca de ajuda", "gbv-case-management"),
        ("en", "PSEA", "gbv-case-management"),
        ("id", "relawan LSM minta imbalan seks", "gbv-case-management"),
        ("id", "eksploitasi seksual oleh pekerja kemanusiaan", "gbv-case-management"),
        # Set BF: wanting him out of the house is a protection order ("casa", "house" alone listed shelters).
        ("es", "quiero que él se vaya de la casa", "protection-orders"),
        ("es", "que lo saquen de la casa", "protection-orders"),
        ("pt", "quero que ele saia de casa", "protection-orders"),
        ("pt", "quero tirar ele de casa", "protection-orders"),
        ("en", "i want him out of the house", "protection-orders"),
        # Set BE: where a caseworker refers a survivor ("remito", I refer, was a word found nowhere).
        ("es", "a dónde remito a una sobreviviente", "referral-accompaniment"),
        ("es", "remitir", "referral-accompaniment"),
        # Set BD: bills and a supply cut off are basic needs ("cortar", to cut, alone is a word of self-harm).
        ("es", "no puedo pagar las cuentas", "cash-basic-needs"),
        ("es", "me van a cortar la luz", "cash-basic-needs"),
        ("pt", "cortaram minha água", "cash-basic-needs"),
        ("en", "they are cutting off my electricity", "cash-basic-needs"),
        ("en", "cant afford the water bill", "cash-basic-needs"),
        ("id", "listrik mau diputus", "cash-basic-needs"),
        ("id", "gak bisa bayar air PDAM", "cash-basic-needs"),
        # Set BC: a partner who got into her accounts is safety planning (before, "entró" was corrected into
        # "centro", "senha" into "Penha" and Indonesian "password" into "passport").
        ("es", "entró a mi facebook", "safety-planning"),
        ("es", "sabe mi contraseña", "safety-planning"),
        ("pt", "ele sabe minha senha", "safety-planning"),
        ("pt", "ele invadiu meu instagram", "safety-planning"),
        ("en", "he got into my facebook", "safety-planning"),
        ("en", "he knows my passwords", "safety-planning"),
        ("id", "akun ig saya dibajak mantan", "safety-planning"),
        ("id", "dia tahu password hp saya", "safety-planning"),
        # Set BB: an injury said as it is is emergency medical care ("morado" alone stems as "morada", a dwelling).
        ("es", "me rompió la nariz", "emergency-medical-care"),
        ("es", "me dejó el ojo morado", "emergency-medical-care"),
        ("es", "tengo la cara hinchada", "emergency-medical-care"),
        ("pt", "ele quebrou meu nariz", "emergency-medical-care"),
        ("pt", "acho que quebrei uma costela", "emergency-medical-care"),
        ("en", "he gave me a black eye", "emergency-medical-care"),
        ("en", "my face is swollen", "emergency-medical-care"),
        ("en", "i think my rib is broken", "emergency-medical-care"),
        ("id", "hidung saya patah", "emergency-medical-care"),
        # Set BA: wages not paid ("não me pagou" is a term, and a negation's word is compared as typed).
        ("pt", "não me pagaram", "legal-aid"),
        ("id", "gaji belum dibayar", "legal-aid"),
        # Set AZ: what he has or does, said as it is: a weapon is safety, a push GBV case management.
        ("es", "tiene un arma", "safety-security"),
        ("pt", "ele tem uma arma", "safety-security"),
        ("en", "he has a gun", "safety-security"),
        ("id", "dia punya pisau", "safety-security"),
        ("es", "me empujó", "gbv-case-management"),
        ("pt", "me empurrou", "gbv-case-management"),
        ("en", "he pushed me", "gbv-case-management"),
        # Set AY: alone, and no more, is psychosocial support (stop words alone, found word for word).
        ("es", "estoy sola", "psychosocial-support"),
        ("es", "no tengo a nadie", "psychosocial-support"),
        ("pt", "estou sozinha", "psychosocial-support"),
        ("en", "im alone", "psychosocial-support"),
        ("en", "i am all alone here", "psychosocial-support"),
        ("id", "gak punya siapa siapa", "psychosocial-support"),
        # Set AX: a victim, and no more, is asking for GBV case management (alone the word was found nowhere).
        ("es", "soy víctima", "gbv-case-management"),
        ("pt", "vítima", "gbv-case-management"),
        ("en", "i am a victim", "gbv-case-management"),
        ("id", "korban", "gbv-case-management"),
        # Set AW: the broadest word alone names GBV case management (a dozen helps' terms have it: they tied, in name
        # order).
        ("es", "violencia", "gbv-case-management"),
        ("es", "agresión", "gbv-case-management"),
        ("pt", "violência", "gbv-case-management"),
        ("en", "violence", "gbv-case-management"),
        ("id", "kekerasan", "gbv-case-management"),
        # Set AV: he is here now (outside, on his way, following her): safety, not a shelter for "casa".
        ("es", "me está siguiendo", "safety-security"),
        ("es", "AYUDA YA ESTA AFUERA", "safety-security"),
        ("pt", "ele tá vindo pra cá", "safety-security"),
        ("en", "hes on his way here", "safety-security"),
        ("id", "dia di depan rumah", "safety-security"),
        # Set AU: a woman describing him (violent, aggressive, jealous, a bad temper): GBV case management; a line
        # for women who suffered violence is a hotline.
        ("es", "mi esposo es violento", "gbv-case-management"),
        ("es", "me violentaron", "gbv-case-management"),
        ("es", "se pone agresivo", "gbv-case-management"),
        ("pt", "meu namorado é muito ciumento", "gbv-case-management"),
        ("en", "my husband is violent", "gbv-case-management"),
        ("en", "my boyfriend has a bad temper", "gbv-case-management"),
        ("id", "suami saya ringan tangan", "gbv-case-management"),
        ("id", "suami saya temperamen", "gbv-case-management"),
        ("es", "línea para mujeres violentadas", "gbv-hotline"),
        # Parents who threw her out: a shelter ("papás" found psychological first aid through "PAP" before).
        ("es", "mis papás me corrieron por ser lesbiana", "safe-shelter"),
        # Set AN: wanting to talk, not to report ("cerita", to tell, alone was a word found nowhere).
        ("id", "gak mau lapor polisi cuma mau cerita", "psychosocial-support"),
        ("id", "pengen cerita", "psychosocial-support"),
    ],
)
def test_everyday_sentences_name_the_help_they_ask_for(language, query, slug):
    understood = words.concepts(words.normalise(query).split(), language, REFERENCE_TERMS)
    assert any(slug in concept.categories for concept in understood), understood


@pytest.mark.parametrize(
    ("language", "phrase", "slug"),
    [
        # Blind set I: each word alone names another help ("kdrt" GBV case management, "pendampingan" accompaniment,
        # "assault" the clinical care of rape, "conheço" nothing); the phrase is one thing asked for.
        ("id", "perintah perlindungan kdrt", "protection-orders"),
        ("id", "pendampingan hukum", "legal-aid"),
        ("en", "report assault", "criminal-justice"),
        ("pt", "não conheço ninguém aqui", "migrant-orientation"),
        # Blind set J: "filho" alone is child protection; "ned" (need) says nothing.
        ("pt", "abrigo que aceite meu filho", "safe-shelter"),
        ("en", "ned help hes hurting me", "gbv-case-management"),
        # Set N: a friend raped ("amiga", "friend" alone are a hotline's), a counsellor for a trans woman.
        ("pt", "minha amiga foi estuprada", "clinical-management-of-rape"),
        ("en", "my friend was raped", "clinical-management-of-rape"),
        ("es", "psicóloga para mujer trans", "individual-counselling"),
        ("pt", "psicóloga para mulher trans", "individual-counselling"),
        ("en", "counselor for trans women", "individual-counselling"),
        # Set P: help without the husband knowing, a shelter open now ("ahora", "now" alone are a hotline's), a
        # shelter that takes one's son ("hijo", "son" alone are child protection's).
        ("es", "sin que se entere mi esposo", "safety-planning"),
        ("pt", "sem meu marido saber", "safety-planning"),
        ("en", "without my husband finding out", "safety-planning"),
        ("id", "tanpa ketahuan suami", "safety-planning"),
        ("es", "albergue abierto ahora", "emergency-shelter"),
        ("en", "shelter open right now", "emergency-shelter"),
        ("es", "albergue que reciba a mi hijo", "safe-shelter"),
        ("en", "shelter that will take my son", "safe-shelter"),
        ("pt", "atendimento em espanhol", "migrant-orientation"),
        # Set AN: a shelter that takes a boy ("menino" alone is child protection's).
        ("pt", "abrigo que aceita menino", "safe-shelter"),
        # Set BS: a full shelter sends her to another for tonight ("rumah aman penuh, ke mana lagi" listed the
        # orientation for people on the move, whose phrase "ke mana", where to, is).
        ("id", "rumah aman penuh", "emergency-shelter"),
    ],
)
def test_a_phrase_of_words_of_other_helps_is_read_as_the_one_help_it_asks_for(language, phrase, slug):
    typed = words.normalise(phrase).split()
    understood = words.concepts(typed, language, REFERENCE_TERMS)
    said = set(words.meaningful(typed, language))  # "não", "aqui" say nothing
    # A phrase said with "not" keeps its words marked as said ("=said=conheco"): found through its help alone.
    assert [
        ({word.rsplit("=", 1)[-1] for word in concept.words}, slug in concept.categories) for concept in understood
    ] == [(said, True)]


def test_writing_is_no_chat_unless_she_says_she_cannot_talk():
    # "no sé leer ni escribir" (I cannot read or write) is no reason for online and chat support.
    understood = words.concepts(words.normalise("no sé leer ni escribir").split(), "es", REFERENCE_TERMS)
    assert not any("remote-counselling" in concept.categories for concept in understood), understood


def test_dad_is_no_abbreviation_of_psychological_first_aid():
    # "PAP" (primeros auxilios psicológicos) is a term as written; "papá" stems to "pap".
    for query in ("el papá de mis hijos es violento", "mi papá me pega", "PAP"):
        understood = words.concepts(words.normalise(query).split(), "es", REFERENCE_TERMS)
        named = any("psychological-first-aid" in concept.categories for concept in understood)
        assert named == (query == "PAP"), understood


def test_a_marriage_is_a_childs_only_when_the_words_say_so():
    # "nikah dini" (early marriage) is child protection; "nikah" alone (a pregnancy outside marriage) is not.
    understood = words.concepts(words.normalise("hamil di luar nikah").split(), "id", REFERENCE_TERMS)
    assert not any("child-protection" in concept.categories for concept in understood), understood


@pytest.mark.parametrize(
    ("language", "query", "slug"),
    [
        ("es", "costura", "vocational-training"),
        ("en", "sewing", "vocational-training"),
        ("id", "menjahit", "vocational-training"),
        ("es", "toallas higiénicas", "dignity-kits"),
        ("en", "sanitary pads", "dignity-kits"),
        ("pt", "absorvente", "dignity-kits"),
        ("en", "pregnant", "maternal-health"),
        ("pt", "gravida", "maternal-health"),
        ("id", "hamil", "maternal-health"),
        ("pt", "trampo", "employment-entrepreneurship"),
        ("pt", "bolsa familia", "cash-assistance"),
    ],
)
def test_a_word_for_one_kind_of_help_names_that_subcategory_alone(language, query, slug):
    """Not its main category too: the main category's name would bring every other subcategory's services level with
    those of the help asked for (sewing classes level with job offers, pads level with food)."""
    meaning = words.meaningful(words.normalise(query).split(), language)
    assert REFERENCE_TERMS.categories(meaning, language) == {slug}


def test_a_misspelt_raped_is_corrected_to_a_word_of_the_terms():
    """The typo corrections come from the terms' words too (``understanding.vocabulary``): "rapped" is one edit from
    the term "raped", and two from "rape" (beyond what a word of six letters may be corrected by)."""
    vocabulary = {
        word
        for texts in SEARCH_TERMS.values()
        for phrase in split_search_terms(texts["en"])
        for word in words.normalise(phrase).split()
    }
    assert words.correction("rapped", vocabulary) == "raped"


def test_refugio_is_a_shelter_in_spanish_and_asylum_in_portuguese():
    """A word is read in the language of the page first: Spanish "refugio" (a shelter; asylum is "pedir refugio",
    "solicitud de refugio") and Portuguese "refúgio" (asylum)."""
    assert REFERENCE_TERMS.categories(["refugio"], "es") == {"safe-shelter"}
    assert REFERENCE_TERMS.categories(["refugio"], "pt") == {"asylum-migration"}
    assert REFERENCE_TERMS.categories(["pedir", "refugio"], "es") == {"asylum-migration"}


def test_a_phone_a_partner_took_is_abuse_not_phone_credit():
    """English "took" is a stop word of stopwords-iso: dropped, "he took my phone" said "phone" alone, which names
    phone credit and the helplines too, and cash assistance came first."""
    understood = words.concepts(words.normalise("he took my phone").split(), "en", REFERENCE_TERMS)

    assert [sorted(concept.categories) for concept in understood] == [["gbv-case-management"]]
