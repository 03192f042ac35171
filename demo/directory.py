"""The demo directory: fictional organisations, locations and services in real cities of the network's countries.

Deterministic: a seeded ``random.Random`` decides everything, and dates are counted back from ``today``, so a
second run on the same day gives the same rows. Organisations are keyed by slug; their locations, services and
membership history are demo rows only and are deleted and written again on every run.

Everything is recognisably fictional: names end in "(demo)", e-mail addresses are on the reserved example.org /
example.net / example.com domains, phone numbers end in 0000 0xxx (555 01xx in North American numbers).
Content is written in the place's language and translated into the three others: every content field of every
listing has its Spanish, Portuguese, English and Indonesian text.
"""

import datetime
import random
from dataclasses import dataclass, field

import phonenumbers
from django.core.cache import cache
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from django.utils.text import slugify

from members.models import Country, Location, MembershipStatusChange, OpeningHours, Organisation
from members.reference import CITIES, FIELD_SUFFIX, city_names, find_city, load_countries
from members.services import membership_history_record
from rssn.context_processors import DEMO_CACHE_KEY
from services.models import ContactChannel, Language, Population, Service, ServiceCategory
from services.reference import CATEGORIES, POPULATIONS, load_taxonomy
from services.search import analyse, deferred_indexing

SEED = 2026
LANGS = ("es", "pt", "en", "id")

# country → (organisations, written language, cities used (first ones get more), languages services speak)
COUNTRY_PLAN = {
    "US": (7, "en", ["es", "en"], ["ht", "ase", "fr"]),
    "MX": (9, "es", ["es"], ["en", "yua", "ht", "fr"]),
    "GT": (5, "es", ["es"], ["quc", "en"]),
    "SV": (4, "es", ["es"], ["en"]),
    "HN": (4, "es", ["es"], ["en"]),
    "CR": (4, "es", ["es"], ["en", "fr"]),
    "VE": (5, "es", ["es"], ["guc"]),
    "CO": (9, "es", ["es"], ["guc", "en", "qu"]),
    "EC": (5, "es", ["es"], ["qu", "en"]),
    "PE": (6, "es", ["es"], ["qu", "ay", "en"]),
    "BR": (8, "pt", ["pt"], ["es", "ht", "fr", "en"]),
    "CL": (5, "es", ["es"], ["ht", "fr", "ay"]),
    "DO": (4, "es", ["es"], ["ht", "fr", "en"]),
    "TT": (3, "en", ["en"], ["es"]),
    "ID": (6, "id", ["id"], ["en", "ar", "fa", "rhg"]),
    "PH": (6, "en", ["en", "tl"], ["ceb"]),
    "MY": (3, "en", ["en", "ms"], ["my", "rhg", "zh"]),
    "TH": (3, "en", ["th", "en"], ["my"]),
    "BD": (4, "en", ["bn", "en"], ["rhg", "my"]),
}
#: Organisations of these countries sometimes write in Spanish (Latin American diaspora organisations).
SPANISH_SPEAKING_SHARE = {"US": 0.35}


def _t(es: str, pt: str, en: str, id: str) -> dict[str, str]:  # noqa: A002 - "id" is the language code
    return {"es": es, "pt": pt, "en": en, "id": id}


# ---------------------------------------------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------------------------------------------
NAME_WORDS = {
    "es": ["Amanecer", "Brisa", "Ceiba", "Colibrí", "Girasol", "Horizonte", "Lucero", "Manglar", "Orquídea",
           "Paloma", "Raíces", "Semilla", "Vereda", "Luna Nueva", "Mariposa", "Alborada", "Jacarandá", "Caracol",
           "Arcoíris", "Esperanza", "Tejedoras", "Guayacán", "Candela", "Ámbar"],
    "pt": ["Aurora", "Ipê", "Beija-flor", "Girassol", "Maré", "Semente", "Jangada", "Raízes", "Lua Nova",
           "Caminho", "Bem-te-vi", "Acalanto"],
    "en": ["Dawn", "Lantern", "Harbour", "Bridge", "Willow", "Compass", "Sunrise", "Haven", "Juniper",
           "Riverbend", "Beacon", "Sampaguita", "Hibiscus", "Lotus", "Kapok", "Mangrove", "Orchid", "Monsoon"],
    "id": ["Fajar", "Pelita", "Melati", "Cahaya", "Teratai", "Harapan", "Sekar", "Lentera", "Kenanga"],
}  # fmt: skip

NAME_PATTERNS = {
    "ngo": {
        "es": ["Fundación {word}", "Asociación {word}", "Corporación {word}", "Red de Mujeres {word}"],
        "pt": ["Instituto {word}", "Associação {word}", "Rede de Mulheres {word}"],
        "en": ["{word} Foundation", "{word} Women's Centre", "{word} Safe Spaces Network"],
        "id": ["Yayasan {word}", "Perkumpulan {word}", "Lembaga Perempuan {word}"],
    },
    "community": {
        "es": ["Colectiva de Mujeres {word}", "Casa Comunitaria {word}"],
        "pt": ["Coletivo de Mulheres {word}", "Casa Comunitária {word}"],
        "en": ["{word} Community Women's Circle", "{word} Sisters Collective"],
        "id": ["Komunitas Perempuan {word}", "Kelompok Perempuan {word}"],
    },
    "faith_based": {
        "es": ["Pastoral de Movilidad Humana {word}", "Casa de Acogida {word}"],
        "pt": ["Pastoral do Migrante {word}", "Casa de Acolhida {word}"],
        "en": ["{word} Faith Community Refuge", "{word} Interfaith Women's Ministry"],
        "id": ["Yayasan Kasih {word}", "Rumah Singgah {word}"],
    },
    "government": {
        "es": ["Centro Municipal de Atención a la Mujer de {city}", "Casa de la Mujer de {city}"],
        "pt": ["Centro de Referência da Mulher – {city}", "Casa da Mulher – {city}"],
        "en": ["{city} Family Support Office", "{city} Women's Protection Desk"],
        "id": ["UPTD Perlindungan Perempuan dan Anak {city}", "Pusat Layanan Terpadu Perempuan {city}"],
    },
    "un_agency": {
        "es": ["Oficina Humanitaria Ejemplo en {city}"],
        "pt": ["Escritório Humanitário Exemplo em {city}"],
        "en": ["Example Humanitarian Office in {city}"],
        "id": ["Kantor Kemanusiaan Contoh di {city}"],
    },
    "individual": {
        "es": ["Psicóloga {first} Ejemplo", "Abogada {first} Ejemplo"],
        "pt": ["Psicóloga {first} Exemplo", "Advogada {first} Exemplo"],
        "en": ["{first} Example, counsellor", "{first} Example, attorney"],
        "id": ["Psikolog {first} Contoh", "Advokat {first} Contoh"],
    },
}
FIRST_NAMES = {
    "es": ["Ana", "Lucía", "Carmen", "Rosa", "Daniela", "Valentina"],
    "pt": ["Maria", "Luana", "Joana", "Beatriz", "Helena"],
    "en": ["Jane", "Maya", "Grace", "Amara", "Rosa", "Nadia"],
    "id": ["Siti", "Dewi", "Ratna", "Ayu"],
}
CONTACT_NAMES = {"es": "Ana Ejemplo", "pt": "Maria Exemplo", "en": "Jane Example", "id": "Siti Contoh"}

KIND_WEIGHTS = {"ngo": 44, "community": 16, "faith_based": 8, "government": 14, "un_agency": 7, "individual": 11}

#: Main categories each kind of organisation works in.
KIND_FOCUS = {
    "ngo": ["psychosocial-support", "legal-aid", "case-management", "safe-shelter", "helpline", "livelihoods",
            "information-orientation", "sexual-reproductive-health", "child-protection", "safety-security"],
    "community": ["psychosocial-support", "information-orientation", "livelihoods", "cash-basic-needs", "helpline"],
    "faith_based": ["safe-shelter", "cash-basic-needs", "information-orientation", "psychosocial-support"],
    "government": ["medical-care", "legal-aid", "safety-security", "case-management", "child-protection",
                   "safe-shelter", "helpline"],
    "un_agency": ["case-management", "cash-basic-needs", "child-protection", "information-orientation",
                  "sexual-reproductive-health", "medical-care"],
}  # fmt: skip

# ---------------------------------------------------------------------------------------------------------------
# Content templates, in the four languages
# ---------------------------------------------------------------------------------------------------------------
KIND_DESCRIPTIONS = {
    "ngo": _t(
        "Organización de la sociedad civil que acompaña a mujeres, niñas y personas LGBTIQ+ sobrevivientes de "
        "violencia basada en género en {city}.",
        "Organização da sociedade civil que acompanha mulheres, meninas e pessoas LGBTIQ+ sobreviventes de "
        "violência baseada em gênero em {city}.",
        "Civil society organisation supporting women, girls and LGBTIQ+ survivors of gender-based violence in {city}.",
        "Organisasi masyarakat sipil yang mendampingi perempuan, anak perempuan, dan orang LGBTIQ+ penyintas "
        "kekerasan berbasis gender di {city}.",
    ),
    "community": _t(
        "Colectivo comunitario de mujeres que ofrece un espacio seguro y acompañamiento entre pares en {city}.",
        "Coletivo comunitário de mulheres que oferece um espaço seguro e acompanhamento entre pares em {city}.",
        "Community women's group offering a safe space and peer support in {city}.",
        "Kelompok perempuan berbasis komunitas yang menyediakan ruang aman dan dukungan sebaya di {city}.",
    ),
    "faith_based": _t(
        "Organización de inspiración religiosa que acoge a personas refugiadas y migrantes en {city}, sin "
        "distinción de credo.",
        "Organização de inspiração religiosa que acolhe pessoas refugiadas e migrantes em {city}, sem distinção "
        "de credo.",
        "Faith-based organisation welcoming refugees and migrants in {city}, whatever their beliefs.",
        "Organisasi berbasis keagamaan yang menyambut pengungsi dan migran di {city} tanpa membedakan keyakinan.",
    ),
    "government": _t(
        "Servicio público local de atención a la violencia contra las mujeres en {city}.",
        "Serviço público local de atendimento à violência contra as mulheres em {city}.",
        "Local public service responding to violence against women in {city}.",
        "Layanan pemerintah daerah untuk penanganan kekerasan terhadap perempuan di {city}.",
    ),
    "un_agency": _t(
        "Oficina humanitaria internacional que coordina la respuesta a la violencia basada en género con socios "
        "locales en {city}.",
        "Escritório humanitário internacional que coordena a resposta à violência baseada em gênero com parceiros "
        "locais em {city}.",
        "International humanitarian office coordinating the response to gender-based violence with local partners "
        "in {city}.",
        "Kantor kemanusiaan internasional yang mengoordinasikan penanganan kekerasan berbasis gender bersama mitra "
        "lokal di {city}.",
    ),
    "individual": _t(
        "Profesional independiente con experiencia en la atención a sobrevivientes de violencia basada en género "
        "en {city}.",
        "Profissional autônoma com experiência no atendimento a sobreviventes de violência baseada em gênero em "
        "{city}.",
        "Independent practitioner experienced in supporting survivors of gender-based violence in {city}.",
        "Praktisi mandiri yang berpengalaman mendampingi penyintas kekerasan berbasis gender di {city}.",
    ),
}
FOCUS_SENTENCE = _t("Ofrece: {focus}.", "Oferece: {focus}.", "Services: {focus}.", "Layanan: {focus}.")
DEMO_SENTENCE = _t(
    "Registro ficticio de demostración.",
    "Registro fictício de demonstração.",
    "Fictional demo record.",
    "Data contoh fiktif.",
)
AND = _t(" y ", " e ", " and ", " dan ")

SERVICE_EXTRAS = [
    _t(
        "La atención es confidencial y respeta las decisiones de cada persona.",
        "O atendimento é sigiloso e respeita as decisões de cada pessoa.",
        "Support is confidential and respects each person's decisions.",
        "Layanan bersifat rahasia dan menghormati keputusan setiap orang.",
    ),
    _t(
        "Se ofrece interpretación cuando se necesita.",
        "Oferecemos interpretação quando necessário.",
        "Interpretation is available when needed.",
        "Juru bahasa tersedia bila diperlukan.",
    ),
    _t(
        "Hay un espacio para niñas y niños durante la atención.",
        "Há um espaço para crianças durante o atendimento.",
        "A play area for children is available during appointments.",
        "Tersedia ruang bermain anak selama layanan.",
    ),
]
ELIGIBILITY = _t("Para {pops}.", "Para {pops}.", "For {pops}.", "Untuk {pops}.")
NO_PAPERS = _t(
    "No se exige documento de identidad ni situación migratoria regular.",
    "Não é exigido documento de identidade nem situação migratória regular.",
    "No identity document or legal migration status is required.",
    "Tidak perlu kartu identitas atau status keimigrasian resmi.",
)
AGES = _t(
    "Edad: de {min} a {max} años.",
    "Idade: de {min} a {max} anos.",
    "Ages {min} to {max}.",
    "Usia {min} sampai {max} tahun.",
)
ADULTS = _t(
    "Personas mayores de 18 años.",
    "Pessoas maiores de 18 anos.",
    "Adults aged 18 and over.",
    "Orang dewasa berusia 18 tahun ke atas.",
)
ACCESS = {
    "walk_in": _t(
        "Acuda sin cita en el horario de atención o llame antes al {phone}.",
        "Compareça sem agendamento no horário de atendimento ou ligue antes para {phone}.",
        "Walk in during opening hours or call {phone} first.",
        "Datang langsung pada jam layanan atau hubungi {phone} terlebih dahulu.",
    ),
    "referral": _t(
        "Requiere remisión de otra organización de la ruta de referencia; las organizaciones pueden escribir a "
        "{email}.",
        "Requer encaminhamento de outra organização do fluxo de encaminhamento; as organizações podem escrever "
        "para {email}.",
        "A referral from another organisation in the pathway is needed; organisations can write to {email}.",
        "Memerlukan rujukan dari lembaga lain dalam jalur rujukan; lembaga dapat menulis ke {email}.",
    ),
    "phone": _t(
        "Llame al {phone}. La llamada es confidencial.",
        "Ligue para {phone}. A ligação é sigilosa.",
        "Call {phone}. Calls are confidential.",
        "Hubungi {phone}. Panggilan bersifat rahasia.",
    ),
    "online": _t(
        "Escriba por chat o correo electrónico a {email}; respondemos en horario de atención.",
        "Escreva pelo chat ou e-mail para {email}; respondemos no horário de atendimento.",
        "Write by chat or e-mail to {email}; we answer during opening hours.",
        "Tulis melalui obrolan atau surel ke {email}; kami menjawab pada jam layanan.",
    ),
    "confidential": _t(
        "Por razones de seguridad, la dirección no se publica: llame al {phone} para coordinar el ingreso.",
        "Por segurança, o endereço não é divulgado: ligue para {phone} para combinar o acolhimento.",
        "For safety, the address is not published: call {phone} to arrange admission.",
        "Demi keamanan, alamat tidak dipublikasikan: hubungi {phone} untuk mengatur penerimaan.",
    ),
    "outreach": _t(
        "Nuestro equipo móvil visita comunidades y albergues; consulte el calendario al {phone}.",
        "Nossa equipe móvel visita comunidades e abrigos; consulte a agenda pelo {phone}.",
        "Our mobile team visits communities and shelters; call {phone} for the schedule.",
        "Tim keliling kami mengunjungi komunitas dan tempat penampungan; hubungi {phone} untuk jadwalnya.",
    ),
}
LOCATION_NAMES = {
    "main": _t("Sede {city}", "Sede {city}", "{city} office", "Kantor {city}"),
    "north": _t("Centro de atención {city} Norte", "Unidade {city} Norte", "{city} North centre",
                "Pusat layanan {city} Utara"),
    "south": _t("Centro de atención {city} Sur", "Unidade {city} Sul", "{city} South centre",
                "Pusat layanan {city} Selatan"),
    "shelter": _t("Casa refugio", "Casa-abrigo", "Safe house", "Rumah aman"),
    "practice": _t("Consultorio", "Consultório", "Practice", "Tempat praktik"),
}  # fmt: skip
STREETS = {
    "es": ["Calle Ejemplo {n}", "Avenida Demo {n}", "Carrera Ficticia {n}"],
    "pt": ["Rua Exemplo, {n}", "Avenida Demonstração, {n}"],
    "en": ["{n} Example Street", "{n} Demo Avenue"],
    "id": ["Jl. Contoh No. {n}", "Jl. Demo No. {n}"],
}
ACCESSIBILITY = [
    _t(
        "Entrada a nivel de la calle y baño accesible.",
        "Entrada no nível da rua e banheiro acessível.",
        "Step-free entrance and accessible toilet.",
        "Pintu masuk tanpa tangga dan toilet ramah disabilitas.",
    ),
    _t(
        "Un piso por encima de la calle, sin ascensor; si nos avisa antes, le atendemos en la planta baja, a nivel "
        "de la calle.",
        "Um andar acima do térreo, sem elevador; com aviso prévio, atendemos no térreo.",
        "One floor above street level, without a lift; if you tell us in advance, we see you on the ground floor.",
        "Satu lantai di atas permukaan jalan, tanpa lift; jika diberi tahu sebelumnya, kami melayani Anda di lantai "
        "dasar.",
    ),
    _t(
        "Intérprete de lengua de señas con cita previa.",
        "Intérprete de língua de sinais com agendamento.",
        "Sign language interpreter by appointment.",
        "Juru bahasa isyarat dengan perjanjian.",
    ),
    _t(
        "Rampa de acceso y sala de espera con espacio para niñas y niños.",
        "Rampa de acesso e sala de espera com espaço para crianças.",
        "Access ramp and waiting room with a children's corner.",
        "Jalur landai dan ruang tunggu dengan pojok anak.",
    ),
]
HOURS_NOTES = [
    _t("Cerrado los días festivos.", "Fechado nos feriados.", "Closed on public holidays.",
       "Tutup pada hari libur nasional."),
    _t(
        "Fuera de este horario, llame a la línea de ayuda del país o, si está en peligro, al número de "
        "emergencias. Solo le llamamos si usted lo pide y nos dice cuándo es seguro.",
        "Fora deste horário, ligue para a linha de ajuda do país ou, em caso de perigo, para o número de "
        "emergência. Só ligamos para você se você pedir e disser quando é seguro.",
        "Outside these hours, call the country's helpline or, if you are in danger, the emergency number. We only "
        "call you if you ask us to and tell us when it is safe.",
        "Di luar jam ini, hubungi layanan pengaduan nasional atau, jika Anda dalam bahaya, nomor darurat. Kami "
        "hanya menelepon Anda jika Anda memintanya dan memberi tahu kapan aman.",
    ),
]  # fmt: skip

# Opening hours: weekday → [(opens, closes)]; a closing time earlier than the opening passes midnight.
_WEEK = range(5)
HOURS_SHAPES = {
    "office": {day: [("09:00", "17:00")] for day in _WEEK},
    "split": {day: [("08:00", "12:00"), ("14:00", "18:00")] for day in _WEEK},
    "saturday": {**{day: [("08:00", "16:00")] for day in _WEEK}, 5: [("09:00", "13:00")]},
    "evening": {day: [("20:00", "02:00")] for day in range(7)},
    "late": {day: [("10:00", "19:00")] for day in range(1, 6)},
}
HOURS_WEIGHTS = {"office": 40, "split": 20, "saturday": 15, "evening": 8, "late": 10, "24_7": 7}

# ---------------------------------------------------------------------------------------------------------------
# Phones and addresses
# ---------------------------------------------------------------------------------------------------------------
#: Country calling code and area code of the fictional numbers; NANP countries use 555-01xx.
PHONE_PREFIX = {
    "US": "+1202", "TT": "+1868", "DO": "+1809", "MX": "+5255", "GT": "+502", "SV": "+503", "HN": "+504",
    "CR": "+506", "VE": "+5821", "CO": "+5760", "EC": "+5932", "PE": "+511", "BR": "+5511", "CL": "+562",
    "ID": "+6221", "PH": "+632", "MY": "+603", "TH": "+662", "BD": "+8802",
}  # fmt: skip
NANP = {"US", "TT", "DO"}


def fictional_phone(country_code: str, serial: int) -> str:
    """A possible but recognisably fictional number: ``+1 xxx 555 01xx`` or ``+cc area 0000 0xxx``."""
    prefix = PHONE_PREFIX[country_code]
    number = f"{prefix}55501{serial % 100:02d}" if country_code in NANP else f"{prefix}00000{serial % 1000:03d}"
    assert phonenumbers.is_possible_number(phonenumbers.parse(number)), number
    return number


def display_phone(number: str) -> str:
    """``+5255000000101`` → ``+52 55 0000 0101``; ``+12025550101`` → ``+1 202 555 0101``."""
    if not number.startswith("+"):
        return number
    parsed = phonenumbers.parse(number)
    national = str(parsed.national_number)
    if parsed.country_code == 1:
        return f"+1 {national[:3]} {national[3:6]} {national[6:]}"
    return " ".join(part for part in (f"+{parsed.country_code}", national[:-8], national[-8:-4], national[-4:]) if part)


OTHER_POPULATIONS = [
    "lgbtiq",
    "refugees-migrants",
    "people-with-disabilities",
    "indigenous-peoples",
    "girls",
    "men-boys",
    "afro-descendants",
    "older-people",
    "trafficking-survivors",
]


def delivery_modes(rng: random.Random, main: str, sub_slug: str) -> tuple[bool, bool, bool, bool, bool]:
    """How a service of the main category ``main`` and subcategory ``sub_slug`` is given, drawn from ``rng``:
    (helpline, online, by phone, outreach, in person). The bench's synthetic directory draws them the same way."""
    hotline = main == "helpline"
    online = sub_slug == "remote-counselling" or (not hotline and rng.random() < 0.15)
    by_phone = sub_slug == "gbv-hotline" or (not hotline and rng.random() < 0.4)
    outreach = not hotline and rng.random() < 0.12
    in_person = not hotline and not (outreach and rng.random() < 0.4)
    return hotline, online, by_phone, outreach, in_person


def populations_served(rng: random.Random, main: str) -> list[str]:
    """The populations a service of the main category ``main`` is for, drawn from ``rng`` (the bench's too)."""
    populations = ["children-adolescents", "girls"] if main == "child-protection" else ["women"]
    populations += rng.sample(OTHER_POPULATIONS, k=rng.randint(0, 3))
    return list(dict.fromkeys(populations))


def _lower_first(text: str) -> str:
    """Lower-case the first letter unless the word is an acronym (LGBTIQ+)."""
    return text if len(text) > 1 and text[1].isupper() else text[:1].lower() + text[1:]


def _join(items: list[str], language: str) -> str:
    """A readable list in running text: "women, girls and LGBTIQ+ people"."""
    items = [_lower_first(item) for item in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + AND[language] + items[-1]


def _fields(name: str, texts: dict[str, str | None]) -> dict[str, str | None]:
    return {f"{name}_{FIELD_SUFFIX[language]}": texts.get(language) for language in LANGS}


# ---------------------------------------------------------------------------------------------------------------
# The plan: plain data first (so it is easy to read and test), then written to the database.
# ---------------------------------------------------------------------------------------------------------------
@dataclass
class LocationPlan:
    key: str
    city: str
    visibility: str
    names: dict
    street: str
    postal_code: str
    offset: tuple[float, float]
    phone: str
    hours: str
    hours_note: dict
    accessibility: dict


@dataclass
class ServicePlan:
    category: str
    subcategory: str
    names: dict
    description: dict
    eligibility: dict
    how_to_access: dict
    location_keys: list[str]
    in_person: bool
    by_phone: bool
    online: bool
    outreach: bool
    populations: list[str]
    languages: list[str]
    age_min: int | None
    age_max: int | None
    cost: str
    referral_required: bool
    phone: str
    open_24_7: bool
    status: str
    verified_days_ago: int


@dataclass
class OrganisationPlan:
    slug: str
    country: str
    kind: str
    name: str
    written: str
    languages: tuple[str, ...]
    description: dict
    public_email: str
    public_phone: str
    website: str
    contact_name: str
    contact_email: str
    contact_phone: str
    status: str
    history_days_ago: int
    verified_days_ago: int
    locations: list[LocationPlan] = field(default_factory=list)
    services: list[ServicePlan] = field(default_factory=list)


class Planner:
    def __init__(self, seed: int = SEED):
        self.rng = random.Random(seed)
        self.categories = {slug: (name, children) for slug, name, _description, children in CATEGORIES}
        self.category_descriptions = {
            child_slug: child_description
            for _slug, _name, _description, children in CATEGORIES
            for child_slug, _child_name, child_description in children
        }
        self.population_names = dict(POPULATIONS)
        self.phone_serial = dict.fromkeys(COUNTRY_PLAN, 100)
        self.slugs: set[str] = set()
        self.names: set[str] = set()
        self.used_words: dict[str, set[str]] = {}

    def phone(self, country: str) -> str:
        self.phone_serial[country] += 1
        return fictional_phone(country, self.phone_serial[country])

    def plan(self) -> list[OrganisationPlan]:
        organisations = []
        for country, (count, written, _languages, _extra) in COUNTRY_PLAN.items():
            cities = [city[0] for city in CITIES[country]]
            for index in range(count):
                language = written
                if self.rng.random() < SPANISH_SPEAKING_SHARE.get(country, 0):
                    language = "es"
                city = cities[index % len(cities)] if index < len(cities) else self.rng.choice(cities[:3])
                organisations.append(self.organisation(country, language, city, cities))
        self.assign_statuses(organisations)
        return organisations

    def unique_slug(self, text: str) -> str:
        base = slugify(text)[:200]
        slug, number = base, 2
        while slug in self.slugs:
            slug, number = f"{base}-{number}", number + 1
        self.slugs.add(slug)
        return slug

    def organisation_name(self, kind: str, language: str, city: str) -> str:
        pattern = self.rng.choice(NAME_PATTERNS[kind][language])
        used = self.used_words.setdefault(language, set())
        words = [word for word in NAME_WORDS[language] if word not in used] or NAME_WORDS[language]
        word = self.rng.choice(words)
        used.add(word)
        used_first = self.used_words.setdefault(f"first-{language}", set())
        first = self.rng.choice([n for n in FIRST_NAMES[language] if n not in used_first] or FIRST_NAMES[language])
        if "{first}" in pattern:
            used_first.add(first)
        name = pattern.format(word=word, city=city, first=first)
        if name in self.names:  # the words ran out: tell namesakes apart by their city
            name = f"{name} – {city}"
        self.names.add(name)
        return f"{name} (demo)"

    def organisation(self, country: str, language: str, city: str, cities: list[str]) -> OrganisationPlan:
        rng = self.rng
        kind = rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()))[0]
        local_city = city_names(country, city)[language]
        name = self.organisation_name(kind, language, local_city)
        slug = self.unique_slug(f"{name} {country}")  # "fundacion-amanecer-demo-co"
        # Written in the place's language and translated into the other three: the demo shows every listing in
        # every language (the synthetic directory of bench/ is the one with listings in two languages only).
        languages = LANGS
        if kind == "individual":
            focus = (
                ["legal-aid"]
                if any(w in name for w in ("Abogada", "Advogada", "attorney", "Advokat"))
                else ["psychosocial-support"]
            )
        else:
            focus = rng.sample(KIND_FOCUS[kind], k=min(len(KIND_FOCUS[kind]), rng.randint(2, 4)))
        names_by_language = {
            lang: city_names(country, city)[lang] for lang in LANGS
        }  # the city's name in each language
        description = {}
        for lang in languages:
            # Category names may contain "and" themselves: list them with semicolons.
            focus_names = "; ".join(_lower_first(self.categories[slug_][0][lang]) for slug_ in focus)
            description[lang] = " ".join(
                [
                    KIND_DESCRIPTIONS[kind][lang].format(city=names_by_language[lang]),
                    FOCUS_SENTENCE[lang].format(focus=focus_names),
                    DEMO_SENTENCE[lang],
                ]
            )
        plan = OrganisationPlan(
            slug=slug,
            country=country,
            kind=kind,
            name=name,
            written=language,
            languages=languages,
            description=description,
            public_email=f"{slug[:50]}@example.org",
            public_phone=self.phone(country),
            website=f"https://example.com/{slug}",
            contact_name=CONTACT_NAMES[language],
            contact_email=f"{slug[:50]}@example.net",
            contact_phone=self.phone(country),
            status=Organisation.Status.APPROVED,
            history_days_ago=rng.randint(120, 1500),
            verified_days_ago=rng.randint(3, 425),
        )
        plan.locations = self.locations(plan, city, cities, focus)
        plan.services = self.services(plan, focus)
        return plan

    def locations(self, org: OrganisationPlan, city: str, cities: list[str], focus: list[str]) -> list[LocationPlan]:
        rng = self.rng
        kinds = ["practice"] if org.kind == "individual" else ["main"]
        if org.kind != "individual" and rng.random() < 0.4:
            kinds.append(rng.choice(["north", "south"]))
        if "safe-shelter" in focus:
            kinds.append("shelter")
        plans = []
        for number, kind in enumerate(kinds):
            location_city = city if kind != "south" or rng.random() < 0.5 else rng.choice(cities)
            if kind == "shelter":
                visibility = Location.AddressVisibility.CONFIDENTIAL
            elif kind == "practice" or rng.random() < 0.06:
                visibility = Location.AddressVisibility.CITY
            else:
                visibility = Location.AddressVisibility.PUBLIC
            local_names = city_names(org.country, location_city)
            names = {lang: LOCATION_NAMES[kind][lang].format(city=local_names[lang]) for lang in org.languages}
            hours = "24_7" if kind == "shelter" else rng.choices(list(HOURS_WEIGHTS), list(HOURS_WEIGHTS.values()))[0]
            note = rng.choice([*HOURS_NOTES, None])
            access = rng.choice(ACCESSIBILITY)
            street = rng.choice(STREETS[org.written]).format(n=rng.randint(10, 999))
            plans.append(
                LocationPlan(
                    key=f"{kind}-{number}",
                    city=location_city,
                    visibility=visibility,
                    names=names,
                    street="" if visibility == Location.AddressVisibility.CITY else street,
                    postal_code="" if visibility == Location.AddressVisibility.CITY else f"{rng.randint(1, 99999):05d}",
                    offset=(rng.uniform(-0.004, 0.004), rng.uniform(-0.004, 0.004)),
                    phone=self.phone(org.country),
                    hours=hours,
                    hours_note={lang: note[lang] for lang in org.languages} if note else {},
                    accessibility={lang: access[lang] for lang in org.languages},
                )
            )
        return plans

    def services(self, org: OrganisationPlan, focus: list[str]) -> list[ServicePlan]:
        rng = self.rng
        count = rng.randint(1, 2) if org.kind == "individual" else rng.choice([2, 3, 4, 4, 4, 5, 5, 6])
        plans, used = [], set()
        for index in range(count):
            main = focus[index % len(focus)]
            children = [child for child in self.categories[main][1] if child[0] not in used] or self.categories[main][1]
            sub_slug, sub_names, _sub_description = rng.choice(children)
            used.add(sub_slug)
            plans.append(self.service(org, main, sub_slug, sub_names))
        return plans

    def service(self, org: OrganisationPlan, main: str, sub_slug: str, sub_names: dict) -> ServicePlan:
        rng = self.rng
        country_languages, extra_languages = COUNTRY_PLAN[org.country][2], COUNTRY_PLAN[org.country][3]
        hotline, online, by_phone, outreach, in_person = delivery_modes(rng, main, sub_slug)
        open_24_7 = hotline and sub_slug == "gbv-hotline" and rng.random() < 0.6
        shelter_keys = [loc.key for loc in org.locations if loc.key.startswith("shelter")]
        other_keys = [loc.key for loc in org.locations if not loc.key.startswith("shelter")]
        if not in_person:
            location_keys = []
        elif main == "safe-shelter" and shelter_keys:
            location_keys = shelter_keys
        else:
            location_keys = rng.sample(other_keys, k=rng.randint(1, len(other_keys)))
        populations = populations_served(rng, main)
        age_min, age_max = (0, 17) if main == "child-protection" else (18, None) if rng.random() < 0.2 else (None, None)
        languages = list(
            dict.fromkeys(
                [*country_languages, *rng.sample(extra_languages, k=rng.randint(0, min(2, len(extra_languages))))]
            )
        )
        if org.written == "es" and "es" not in languages:
            languages.insert(0, "es")
        phone = org.public_phone if rng.random() < 0.5 else self.phone(org.country)
        referral = rng.random() < 0.2
        cost = "free"
        if org.kind == "individual":
            cost = rng.choice(["low_cost", "paid"])
        elif rng.random() < 0.1:
            cost = "low_cost"
        if referral:
            access_key = "referral"
        elif hotline:
            access_key = "online" if online and not by_phone else "phone"
        elif location_keys == shelter_keys and shelter_keys:
            access_key = "confidential"
        elif not in_person:
            access_key = "outreach"
        else:
            access_key = "walk_in"
        extra = rng.choice([*SERVICE_EXTRAS, None])
        with_city = rng.random() < 0.3 and location_keys
        city_name = None
        if with_city:
            location = next(loc for loc in org.locations if loc.key == location_keys[0])
            city_name = city_names(org.country, location.city)
        names, description, eligibility, how_to_access = {}, {}, {}, {}
        for lang in org.languages:
            names[lang] = f"{sub_names[lang]} – {city_name[lang]}" if city_name else sub_names[lang]
            text = self.category_descriptions[sub_slug][lang]
            description[lang] = f"{text} {extra[lang]}" if extra else text
            pops = _join([self.population_names[code][lang] for code in populations], lang)
            parts = [ELIGIBILITY[lang].format(pops=pops)]
            if age_max is not None:
                parts.append(AGES[lang].format(min=age_min, max=age_max))
            elif age_min:
                parts.append(ADULTS[lang])
            if "refugees-migrants" in populations:
                parts.append(NO_PAPERS[lang])
            eligibility[lang] = " ".join(parts)
            how_to_access[lang] = ACCESS[access_key][lang].format(phone=display_phone(phone), email=org.public_email)
        return ServicePlan(
            category=main,
            subcategory=sub_slug,
            names=names,
            description=description,
            eligibility=eligibility,
            how_to_access=how_to_access,
            location_keys=location_keys,
            in_person=in_person,
            by_phone=by_phone,
            online=online,
            outreach=outreach,
            populations=populations,
            languages=languages,
            age_min=age_min,
            age_max=age_max,
            cost=cost,
            referral_required=referral,
            phone=phone,
            open_24_7=open_24_7,
            status="paused" if rng.random() < 0.05 else "active",
            verified_days_ago=rng.randint(3, 425),
        )

    def assign_statuses(self, organisations: list[OrganisationPlan]) -> None:
        statuses = ["applied"] * 5 + ["under_review"] * 4 + ["suspended"] * 2 + ["rejected", "withdrawn"]
        for index, status in zip(self.rng.sample(range(len(organisations)), k=len(statuses)), statuses, strict=True):
            organisations[index].status = status


# ---------------------------------------------------------------------------------------------------------------
# Writing the plan
# ---------------------------------------------------------------------------------------------------------------
HISTORY = {
    "applied": ["applied"],
    "under_review": ["applied", "under_review"],
    "approved": ["applied", "under_review", "approved"],
    "suspended": ["applied", "under_review", "approved", "suspended"],
    "rejected": ["applied", "under_review", "rejected"],
    "withdrawn": ["applied", "withdrawn"],
}
REASONS = {
    "applied": "Demo: application received through the online form.",
    "under_review": "Demo: documents received, review started.",
    "approved": "Demo: meets the network's membership criteria.",
    "suspended": "Demo: listing not confirmed after two reminders.",
    "rejected": "Demo: does not offer services to GBV survivors.",
    "withdrawn": "Demo: the organisation withdrew its application.",
}
#: Days between the steps of the history, and how long ago a pending application was made.
STEP_DAYS = 9
PENDING_DAYS_AGO = {"applied": 4, "under_review": 15, "withdrawn": 30}


def _moment(day: datetime.date, hour: int = 14) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, 0), tzinfo=datetime.UTC)


def _write_organisation(plan: OrganisationPlan, today: datetime.date, countries: dict, cities: dict) -> Organisation:
    steps = HISTORY[plan.status]
    start = today - datetime.timedelta(days=PENDING_DAYS_AGO.get(plan.status, plan.history_days_ago))
    step_dates = [start + datetime.timedelta(days=STEP_DAYS * index) for index in range(len(steps))]
    joined_on = step_dates[steps.index("approved")] if "approved" in steps else None
    public = plan.status in ("approved", "suspended")
    # Keyed on the slug of a demo record: a real member that took the same slug is never overwritten (its unique
    # slug makes the load fail instead).
    organisation, _ = Organisation.objects.update_or_create(
        slug=plan.slug,
        is_demo=True,
        defaults={
            "kind": plan.kind,
            **_fields("name", dict.fromkeys(LANGS, plan.name)),
            **_fields("acronym", {}),
            **_fields("description", plan.description),
            "website": plan.website,
            "public_email": plan.public_email,
            "public_phone": plan.public_phone,
            "status": plan.status,
            "status_changed_at": _moment(step_dates[-1]),
            "joined_on": joined_on,
            "last_verified_on": today - datetime.timedelta(days=plan.verified_days_ago) if public else None,
            "contact_name": plan.contact_name,
            "contact_email": plan.contact_email,
            "contact_phone": plan.contact_phone,
            "contact_language": plan.written,
            "is_demo": True,
        },
    )
    organisation.countries.set([countries[plan.country]])
    previous = ""
    for step, day in zip(steps, step_dates, strict=True):
        membership_history_record(
            organisation=organisation, from_status=previous, to_status=step, at=_moment(day), reason=REASONS[step]
        )
        previous = step
    return organisation


def _write_locations(organisation: Organisation, plan: OrganisationPlan, cities: dict, today) -> dict[str, Location]:
    written = {}
    hours = []
    for spot in plan.locations:
        city = cities[(plan.country, spot.city)]
        has_point = spot.visibility != Location.AddressVisibility.CITY
        location = Location.objects.create(
            organisation=organisation,
            **_fields("name", spot.names),
            street_address=spot.street,
            postal_code=spot.postal_code,
            city=city,
            latitude=round(city.latitude + spot.offset[0], 6) if has_point else None,
            longitude=round(city.longitude + spot.offset[1], 6) if has_point else None,
            address_visibility=spot.visibility,
            phone=spot.phone,
            open_24_7=spot.hours == "24_7",
            **_fields("hours_note", spot.hours_note),
            **_fields("accessibility_notes", spot.accessibility),
            wheelchair_accessible=wheelchair_plan(plan.slug, spot.key),
            **closure_plan(random.Random(f"{plan.slug}:{spot.key}:closure"), today, LOCATION_CLOSURES, plan.languages),
        )
        written[spot.key] = location
        for weekday, ranges in HOURS_SHAPES.get(spot.hours, {}).items():
            for opens, closes in ranges:
                hours.append(
                    OpeningHours(
                        location=location,
                        weekday=weekday,
                        opens=datetime.time.fromisoformat(opens),
                        closes=datetime.time.fromisoformat(closes),
                    )
                )
    OpeningHours.objects.bulk_create(hours)
    return written


def _write_services(organisation, plan: OrganisationPlan, locations: dict, today, reference: dict, links: dict):
    """Create the services; their many-to-many rows are collected in ``links`` and written in bulk afterwards."""
    services = []
    for index, item in enumerate(plan.services):
        service = Service.objects.create(
            organisation=organisation,
            **_fields("name", item.names),
            **_fields("description", item.description),
            **_fields("eligibility", item.eligibility),
            **_fields("how_to_access", item.how_to_access),
            in_person=item.in_person,
            by_phone=item.by_phone,
            online=item.online,
            outreach=item.outreach,
            age_min=item.age_min,
            age_max=item.age_max,
            cost=item.cost,
            referral_required=item.referral_required,
            **access_plan(index, plan.slug, item),
            phone=item.phone,
            open_24_7=item.open_24_7,
            status=item.status,
            last_verified_on=today - datetime.timedelta(days=item.verified_days_ago),
            **closure_plan(random.Random(f"{plan.slug}:{index}:closure"), today, SERVICE_CLOSURES, plan.languages),
            # Said some hours before the load's day began: loading twice gives the same rows, and the places stay
            # current for two days at least.
            **places_plan(random.Random(f"{plan.slug}:{index}:places"), item.category, item.status, _moment(today, 0)),
        )
        links["categories"].append(
            Service.categories.through(service=service, servicecategory=reference["categories"][item.subcategory])
        )
        links["locations"] += [
            Service.locations.through(service=service, location=locations[key]) for key in item.location_keys
        ]
        links["populations"] += [
            Service.populations.through(service=service, population=reference["populations"][code])
            for code in item.populations
        ]
        links["languages"] += [
            Service.languages.through(service=service, language=reference["languages"][code]) for code in item.languages
        ]
        services.append(service)
    _write_channels(organisation, plan, services, links)


def access_plan(service_index: int, slug: str, item) -> dict:
    """What it takes to get in to a service: its documents, walk in or appointment, interpretation, each left
    unknown for some services (as real listings are). Drawn from a generator of their own, so the rest of the demo
    directory is the same as before these facts existed."""
    rng = random.Random(f"{slug}:{service_index}:access")
    documents = rng.choices([None, "none", "id", "id,residence", "id,migration_status"], weights=[2, 5, 2, 1, 1])[0]
    if item.referral_required or not item.in_person:
        appointment = "appointment" if item.in_person else None
    else:
        appointment = rng.choices([None, "walk_in", "appointment"], weights=[2, 5, 2])[0]
    interpretation = rng.choices([None, True, False], weights=[3, 2, 2])[0]
    return {"documents_required": documents, "appointment": appointment, "interpretation": interpretation}


def wheelchair_plan(slug: str, location_key: str) -> bool | None:
    """A location's wheelchair access: said by most, unknown for some."""
    return random.Random(f"{slug}:{location_key}:wheelchair").choices([None, True, False], weights=[3, 4, 2])[0]


# Temporary closures (issue 21): (share of records, first day and last day from the load's day, public note).
# A location closed now, a service closing soon: both shapes a caseworker meets.
LOCATION_CLOSURES = (
    0.04,
    -2,
    6,
    _t(
        "Cerrado por obras. Para urgencias, llame a la línea de atención.",
        "Fechado para obras. Em caso de urgência, ligue para a linha de atendimento.",
        "Closed for building work. In an emergency, call the helpline.",
        "Tutup karena renovasi. Untuk keadaan darurat, hubungi layanan pengaduan.",
    ),
)
SERVICE_CLOSURES = (
    0.02,
    4,
    12,
    _t(
        "Cerrado por vacaciones del equipo.",
        "Fechado durante as férias da equipe.",
        "Closed for the team's holidays.",
        "Tutup selama libur tim.",
    ),
)
# A shelter's places (after 72 hours without an update the pages say "call to ask").
PLACES = (("available", 5), ("full", 3), ("waiting_list", 2), ("", 2))


def closure_plan(rng: random.Random, today: datetime.date, shape: tuple, languages) -> dict:
    """A record's temporary closure, for a few records (``shape``: ``LOCATION_CLOSURES``, ``SERVICE_CLOSURES``),
    drawn from ``rng``: the demo gives each record a generator of its own, so the rest of the demo directory is the
    same as before closures existed; the synthetic directory one for them all."""
    share, first, last, note = shape
    if rng.random() >= share:
        return {}
    return {
        "closed_from": today + datetime.timedelta(days=first),
        "closed_until": today + datetime.timedelta(days=last),
        **_fields("closure_note", {language: note[language] for language in languages}),
    }


def places_plan(rng: random.Random, category: str, status: str, said_before: datetime.datetime) -> dict:
    """A shelter's places (available, full, waiting list or not given), said some hours before ``said_before``,
    drawn from ``rng`` as ``closure_plan``'s."""
    if category != "safe-shelter" or status != "active":
        return {}
    capacity = rng.choices([state for state, _weight in PLACES], [weight for _state, weight in PLACES])[0]
    if not capacity:
        return {}
    return {"capacity": capacity, "capacity_updated_at": said_before - datetime.timedelta(hours=rng.randint(1, 20))}


CHANNEL_HOURS = _t(
    "Lunes a viernes, de 8:00 a 18:00",
    "Segunda a sexta, das 8h às 18h",
    "Monday to Friday, 8:00 to 18:00",
    "Senin sampai Jumat, 08.00–18.00",
)


def channel_plan(service_index: int, phone: str, email: str, slug: str) -> list[tuple[str, str, bool]]:
    """A service's contact channels (kind, address, with hours): its fictional number on WhatsApp for most, by SMS,
    Signal or Telegram for some, and the organisation's e-mail for a few. Drawn from a generator of their own, so
    the rest of the demo directory is the same as before channels existed."""
    rng = random.Random(f"{slug}:{service_index}")
    channels = []
    if phone.startswith("+"):
        if rng.random() < 0.6:
            channels.append(("whatsapp", phone, rng.random() < 0.5))
        if rng.random() < 0.25:
            channels.append(("sms", phone, False))
        if rng.random() < 0.15:
            channels.append(("signal", phone, False))
        if rng.random() < 0.1:
            channels.append(("telegram", phone, False))
    if email and rng.random() < 0.3:
        channels.append(("email", email, False))
    return channels


def _write_channels(organisation, plan: OrganisationPlan, services: list[Service], links: dict) -> None:
    for index, (service, item) in enumerate(zip(services, plan.services, strict=True)):
        for order, (kind, address, with_hours) in enumerate(
            channel_plan(index, item.phone, plan.public_email, plan.slug)
        ):
            links["channels"].append(
                ContactChannel(
                    service=service,
                    kind=kind,
                    address=address,
                    order=order,
                    **_fields("hours", {language: CHANNEL_HOURS[language] for language in plan.languages})
                    if with_hours
                    else {},
                )
            )


def _write_links(links: dict) -> None:
    # bulk_create sends no m2m_changed signal: the search index still sees these rows, because every service
    # was saved inside ``deferred_indexing()`` and is indexed once, at its end, from the database.
    for rows in links.values():
        if rows:
            type(rows[0]).objects.bulk_create(rows)


def load_demo(*, today: datetime.date | None = None, seed: int = SEED) -> dict[str, int]:
    """Write the demo directory (reference data first). Returns counts of what the database now holds."""
    today = today or timezone.localdate()
    plans = Planner(seed).plan()
    # No history rows for demo records: each run would add a deletion and a creation per row, and a second run
    # must leave the database as the first one did.
    with transaction.atomic(), override_settings(SIMPLE_HISTORY_ENABLED=False), deferred_indexing():
        load_countries()
        load_taxonomy()
        countries = {country.code: country for country in Country.objects.all()}
        cities = {
            (code, name): find_city(code, name) for code, city_rows in CITIES.items() for name, *_rest in city_rows
        }
        reference = {
            "categories": {category.slug: category for category in ServiceCategory.objects.all()},
            "populations": {population.code: population for population in Population.objects.all()},
            "languages": {language.code: language for language in Language.objects.all()},
        }
        demo = Organisation.objects.filter(is_demo=True)
        demo.exclude(slug__in=[plan.slug for plan in plans]).delete()
        Service.objects.filter(organisation__is_demo=True).delete()
        Location.objects.filter(organisation__is_demo=True).delete()
        MembershipStatusChange.objects.filter(organisation__is_demo=True).delete()
        links = {"categories": [], "locations": [], "populations": [], "languages": [], "channels": []}
        for plan in plans:
            organisation = _write_organisation(plan, today, countries, cities)
            locations = _write_locations(organisation, plan, cities, today)
            _write_services(organisation, plan, locations, today, reference, links)
        _write_links(links)
    # The planner's statistics of the tables as now written, search documents included (on PostgreSQL, inside a
    # caller's transaction too): with those of the tables when empty it joined cities, locations and services by
    # nested loops over whole tables, a query of minutes.
    analyse()
    cache.delete(DEMO_CACHE_KEY)
    return {
        "organisations": Organisation.objects.filter(is_demo=True).count(),
        "locations": Location.objects.filter(organisation__is_demo=True).count(),
        "services": Service.objects.filter(organisation__is_demo=True).count(),
    }
