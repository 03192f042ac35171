"""Reference data used in production too: the network's countries, their emergency numbers and helplines, and cities.

Country names come from Babel (CLDR) in the four interface languages. Each national number is typed by what it
reaches (``Helpline.Kind``: the emergency services' common number, police, ambulance, fire, a helpline for
gender-based violence, a child helpline) and labelled with that alone: Brazil's 190 is the police, its ambulance
is 192. Only numbers that answer around the clock are listed.

Beside each number: the official source it was checked against and the day. The review of 2026-12-04 was made
without internet access, from the reviewer's knowledge of those sources: a number marked ``confirmed=False`` rests
on knowledge that is not firm, and the README lists those, and the numbers left out until someone confirms them.
Review every number once a year by opening its source: numbers change. City coordinates are the cities' centres
(about 0.01° precision).

``load_countries()`` creates or updates all of it by ISO code (numbers by phone, cities by name and area).
"""

import datetime
from dataclasses import dataclass, field

from babel import Locale
from django.db import transaction

LOCALES = {"es": "es", "pt": "pt", "en": "en", "id": "id"}
FIELD_SUFFIX = {"es": "es", "pt": "pt", "en": "en", "id": "ind"}

AMERICAS = "americas"
ASIA_PACIFIC = "asia_pacific"

# Helpline.Kind's values (members.models is not imported here at module level).
EMERGENCY, POLICE, AMBULANCE, FIRE, GBV, CHILD = "emergency", "police", "ambulance", "fire", "gbv", "child"

ALWAYS_OPEN = {
    "es": "24 horas, todos los días",
    "pt": "24 horas, todos os dias",
    "en": "24 hours, every day",
    "id": "24 jam, setiap hari",
}


@dataclass(frozen=True)
class Line:
    """A national number: what it reaches, its own name if it has one, and where and when it was checked."""

    kind: str
    phone: str
    source: str
    checked_on: str
    name: dict[str, str] | None = None
    #: False where the check rested on knowledge that is not firm (listed in the README for staff to confirm).
    confirmed: bool = True

    @property
    def is_for_immediate_danger(self) -> bool:
        return self.kind in (EMERGENCY, POLICE)


@dataclass(frozen=True)
class CountrySpec:
    code: str
    region: str
    time_zones: list[str]
    centre: tuple[float, float]
    lines: list[Line] = field(default_factory=list)

    @property
    def emergency_number(self) -> str:
        """The number the note tells people to call in immediate danger: the common one, else the police's."""
        for kind in (EMERGENCY, POLICE):
            for line in self.lines:
                if line.kind == kind:
                    return line.phone
        raise ValueError(f"{self.code} has no number for immediate danger")


def _same(name: str) -> dict[str, str]:
    return dict.fromkeys(LOCALES, name)


def _named(es: str, pt: str, en: str, id: str) -> dict[str, str]:  # noqa: A002 - "id" is the language code
    return {"es": es, "pt": pt, "en": en, "id": id}


REVIEW = "2026-12-04"

COUNTRIES = [
    CountrySpec(
        "US",
        AMERICAS,
        [
            "America/New_York",
            "America/Chicago",
            "America/Denver",
            "America/Phoenix",
            "America/Los_Angeles",
            "America/Anchorage",
            "Pacific/Honolulu",
        ],
        (39.83, -98.58),
        [
            Line(EMERGENCY, "911", "911.gov: National 911 Program, U.S. Department of Transportation", REVIEW),
            Line(
                GBV,
                "+18007997233",
                "thehotline.org: National Domestic Violence Hotline, funded by HHS (acf.hhs.gov/ofvps)",
                REVIEW,
                _named(
                    "Línea Nacional contra la Violencia Doméstica",
                    "Linha Nacional contra a Violência Doméstica",
                    "National Domestic Violence Hotline",
                    "Saluran Nasional Kekerasan dalam Rumah Tangga",
                ),
            ),
            Line(
                CHILD,
                "+18004224453",
                "childhelphotline.org: Childhelp National Child Abuse Hotline, listed by HHS (childwelfare.gov)",
                REVIEW,
                _same("Childhelp"),
            ),
        ],
    ),
    CountrySpec(
        "MX",
        AMERICAS,
        [
            "America/Mexico_City",
            "America/Monterrey",
            "America/Merida",
            "America/Cancun",
            "America/Chihuahua",
            "America/Ciudad_Juarez",
            "America/Hermosillo",
            "America/Mazatlan",
            "America/Tijuana",
        ],
        (23.63, -102.55),
        [Line(EMERGENCY, "911", "gob.mx/sesnsp: Servicio de Emergencia 9-1-1, SESNSP", REVIEW)],
    ),
    CountrySpec(
        "GT",
        AMERICAS,
        ["America/Guatemala"],
        (15.78, -90.23),
        [Line(POLICE, "110", "pnc.gob.gt: Policía Nacional Civil", REVIEW)],
    ),
    CountrySpec(
        "SV",
        AMERICAS,
        ["America/El_Salvador"],
        (13.79, -88.90),
        [
            Line(EMERGENCY, "911", "pnc.gob.sv: Sistema de Emergencias 911, Policía Nacional Civil", REVIEW),
            Line(GBV, "126", "isdemu.gob.sv: Línea 126, ISDEMU", REVIEW, _same("Línea 126 (ISDEMU)")),
        ],
    ),
    CountrySpec(
        "HN",
        AMERICAS,
        ["America/Tegucigalpa"],
        (15.20, -86.24),
        [
            Line(EMERGENCY, "911", "911.gob.hn: Sistema Nacional de Emergencias 911", REVIEW),
            Line(
                GBV,
                "114",
                "Secretaría de Seguridad and Secretaría de la Mujer: Línea 114",
                REVIEW,
                _same("Línea 114"),
                confirmed=False,
            ),
        ],
    ),
    CountrySpec(
        "CR",
        AMERICAS,
        ["America/Costa_Rica"],
        (9.75, -83.75),
        [Line(EMERGENCY, "911", "911.go.cr: Sistema de Emergencias 9-1-1", REVIEW)],
    ),
    CountrySpec(
        "VE",
        AMERICAS,
        ["America/Caracas"],
        (6.42, -66.59),
        [
            Line(
                EMERGENCY,
                "911",
                "VEN 911: Ministerio del Poder Popular para Relaciones Interiores, Justicia y Paz",
                REVIEW,
                confirmed=False,
            )
        ],
    ),
    CountrySpec(
        "CO",
        AMERICAS,
        ["America/Bogota"],
        (4.57, -74.30),
        [
            Line(EMERGENCY, "123", "policia.gov.co: Línea Única de Emergencias 123, Policía Nacional", REVIEW),
            Line(
                GBV,
                "155",
                "policia.gov.co: Línea 155, Policía Nacional and Consejería Presidencial para la Equidad de la Mujer",
                REVIEW,
                _same("Línea 155"),
            ),
            Line(CHILD, "141", "icbf.gov.co: Línea 141, ICBF", REVIEW, _same("Línea 141 (ICBF)")),
        ],
    ),
    CountrySpec(
        "EC",
        AMERICAS,
        ["America/Guayaquil", "Pacific/Galapagos"],
        (-1.83, -78.18),
        [Line(EMERGENCY, "911", "ecu911.gob.ec: Servicio Integrado de Seguridad ECU 911", REVIEW)],
    ),
    CountrySpec(
        "PE",
        AMERICAS,
        ["America/Lima"],
        (-9.19, -75.02),
        [
            Line(POLICE, "105", "gob.pe: Central 105, Policía Nacional del Perú", REVIEW),
            Line(AMBULANCE, "106", "gob.pe/minsa: SAMU 106, Ministerio de Salud", REVIEW, _same("SAMU")),
            Line(FIRE, "116", "bomberosperu.gob.pe: Cuerpo General de Bomberos Voluntarios del Perú", REVIEW),
            Line(GBV, "100", "gob.pe/mimp: Línea 100, Ministerio de la Mujer", REVIEW, _same("Línea 100")),
        ],
    ),
    CountrySpec(
        "BR",
        AMERICAS,
        [
            "America/Sao_Paulo",
            "America/Manaus",
            "America/Boa_Vista",
            "America/Recife",
            "America/Bahia",
            "America/Belem",
            "America/Fortaleza",
            "America/Cuiaba",
            "America/Porto_Velho",
            "America/Rio_Branco",
            "America/Noronha",
        ],
        (-14.24, -51.93),
        [
            Line(POLICE, "190", "gov.br: 190, Polícia Militar", REVIEW, _same("Polícia Militar")),
            Line(AMBULANCE, "192", "gov.br/saude: SAMU 192, Ministério da Saúde", REVIEW, _same("SAMU")),
            Line(FIRE, "193", "gov.br: 193, Corpo de Bombeiros Militar", REVIEW, _same("Corpo de Bombeiros")),
            Line(
                GBV,
                "180",
                "gov.br/mulheres: Ligue 180, Ministério das Mulheres",
                REVIEW,
                _named(
                    "Ligue 180 – Central de Atención a la Mujer",
                    "Ligue 180 – Central de Atendimento à Mulher",
                    "Ligue 180 – Women's Helpline",
                    "Ligue 180 – Layanan Pengaduan Perempuan",
                ),
            ),
            Line(
                CHILD,
                "100",
                "gov.br/mdh: Disque 100 (Disque Direitos Humanos), Ministério dos Direitos Humanos e da Cidadania",
                REVIEW,
                _named(
                    "Disque 100 – Derechos Humanos",
                    "Disque 100 – Direitos Humanos",
                    "Disque 100 – Human Rights",
                    "Disque 100 – Hak Asasi Manusia",
                ),
            ),
        ],
    ),
    CountrySpec(
        "CL",
        AMERICAS,
        ["America/Santiago", "America/Punta_Arenas", "Pacific/Easter"],
        (-35.68, -71.54),
        [
            Line(POLICE, "133", "carabineros.cl: 133, Carabineros de Chile", REVIEW, _same("Carabineros")),
            Line(AMBULANCE, "131", "minsal.cl: SAMU 131, Ministerio de Salud", REVIEW, _same("SAMU")),
            Line(FIRE, "132", "bomberos.cl: 132, Bomberos de Chile", REVIEW),
            Line(GBV, "1455", "sernameg.gob.cl: Fono 1455, SernamEG", REVIEW, _same("Fono 1455 (SernamEG)")),
        ],
    ),
    CountrySpec(
        "DO",
        AMERICAS,
        ["America/Santo_Domingo"],
        (18.74, -70.16),
        [Line(EMERGENCY, "911", "911.gob.do: Sistema Nacional de Atención a Emergencias y Seguridad 9-1-1", REVIEW)],
    ),
    CountrySpec(
        "TT",
        AMERICAS,
        ["America/Port_of_Spain"],
        (10.69, -61.22),
        [Line(POLICE, "999", "ttps.gov.tt: 999, Trinidad and Tobago Police Service", REVIEW)],
    ),
    CountrySpec(
        "ID",
        ASIA_PACIFIC,
        ["Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura"],
        (-0.79, 113.92),
        [
            Line(EMERGENCY, "112", "komdigi.go.id: Layanan Panggilan Darurat 112", REVIEW),
            Line(POLICE, "110", "polri.go.id: Call Center 110, Kepolisian Negara Republik Indonesia", REVIEW),
            Line(
                AMBULANCE,
                "119",
                "kemkes.go.id: Call Center 119 (SPGDT), Kementerian Kesehatan",
                REVIEW,
                confirmed=False,
            ),
            Line(FIRE, "113", "Pemadam Kebakaran dan Penyelamatan: 113, Kementerian Dalam Negeri", REVIEW),
            Line(
                GBV,
                "129",
                "kemenpppa.go.id: SAPA 129 (Sahabat Perempuan dan Anak), KemenPPPA",
                REVIEW,
                _same("SAPA 129 (KemenPPPA)"),
            ),
        ],
    ),
    CountrySpec(
        "PH",
        ASIA_PACIFIC,
        ["Asia/Manila"],
        (12.88, 121.77),
        [
            Line(
                EMERGENCY,
                "911",
                "Emergency 911 National Office, Department of the Interior and Local Government",
                REVIEW,
            )
        ],
    ),
    CountrySpec(
        "MY",
        ASIA_PACIFIC,
        ["Asia/Kuala_Lumpur", "Asia/Kuching"],
        (4.21, 101.98),
        [
            Line(EMERGENCY, "999", "MERS 999: Malaysian Emergency Response Services", REVIEW),
            Line(GBV, "15999", "kpwkm.gov.my: Talian Kasih 15999, KPWKM", REVIEW, _same("Talian Kasih 15999")),
        ],
    ),
    CountrySpec(
        "TH",
        ASIA_PACIFIC,
        ["Asia/Bangkok"],
        (15.87, 100.99),
        [
            Line(POLICE, "191", "royalthaipolice.go.th: 191, Royal Thai Police", REVIEW),
            Line(AMBULANCE, "1669", "niems.go.th: 1669, National Institute for Emergency Medicine", REVIEW),
            Line(FIRE, "199", "disaster.go.th: 199, Department of Disaster Prevention and Mitigation", REVIEW),
            Line(
                GBV,
                "1300",
                "m-society.go.th: Prachabodi Centre 1300, Ministry of Social Development and Human Security",
                REVIEW,
                _named(
                    "Centro Prachabodi 1300",
                    "Centro Prachabodi 1300",
                    "Prachabodi Centre 1300",
                    "Pusat Prachabodi 1300",
                ),
            ),
        ],
    ),
    CountrySpec(
        "BD",
        ASIA_PACIFIC,
        ["Asia/Dhaka"],
        (23.68, 90.36),
        [
            Line(EMERGENCY, "999", "999.gov.bd: National Emergency Service (police, fire service, ambulance)", REVIEW),
            Line(
                GBV,
                "109",
                "mowca.gov.bd: National Helpline Centre for Violence against Women and Children, Ministry of Women "
                "and Children Affairs",
                REVIEW,
                _named(
                    "Línea nacional 109 contra la violencia hacia las mujeres y la niñez",
                    "Linha nacional 109 contra a violência contra mulheres e crianças",
                    "National Helpline 109 for Violence against Women and Children",
                    "Layanan Nasional 109 untuk Kekerasan terhadap Perempuan dan Anak",
                ),
            ),
            Line(
                CHILD,
                "1098",
                "dss.gov.bd: Child Helpline 1098, Department of Social Services",
                REVIEW,
                _named(
                    "Línea de ayuda a la niñez 1098",
                    "Linha de ajuda à criança 1098",
                    "Child Helpline 1098",
                    "Layanan Pengaduan Anak 1098",
                ),
            ),
        ],
    ),
]

#: Numbers the review knows of but did not list, because it could not confirm them (see the README).
NOT_LISTED_UNTIL_CONFIRMED = {
    "GT": ["122 and 123, fire brigades (Bomberos Voluntarios, Bomberos Municipales)"],
    "CR": ["1147, PANI's line for children (Línea 1147)"],
    "CL": ["147, Carabineros' line for children (Fono Niños)"],
    "DO": ["*212, Ministerio de la Mujer's emergency line for women (Línea Vida)"],
    "TT": ["990, fire service", "811, ambulance", "800-7233 (800-SAFE), domestic violence hotline"],
    "PH": ["163, Bantay Bata children's helpline (a foundation's, not the state's)"],
}

#: The note shown with the emergency numbers. It states no fact that could be wrong in one country.
EMERGENCY_NOTE = {
    "es": "Si está en peligro inmediato, llame al {number}. Si no puede hablar con seguridad, busque un lugar "
    "seguro antes de llamar o pida a una persona de confianza que llame por usted.",
    "pt": "Se estiver em perigo imediato, ligue para o {number}. Se não puder falar com segurança, procure um "
    "lugar seguro antes de ligar ou peça a uma pessoa de confiança que ligue por você.",
    "en": "If you are in immediate danger, call {number}. If you cannot speak safely, move to a safe place before "
    "calling or ask someone you trust to call for you.",
    "id": "Jika Anda dalam bahaya, segera hubungi {number}. Jika tidak dapat berbicara dengan aman, pindahlah ke "
    "tempat yang aman sebelum menelepon atau mintalah orang yang Anda percayai untuk menelepon.",
}

# country code → [(name, administrative area, latitude, longitude, IANA time zone)]
CITIES = {
    "US": [
        ("New York", "New York", 40.7128, -74.0060, "America/New_York"),
        ("Los Angeles", "California", 34.0522, -118.2437, "America/Los_Angeles"),
        ("Houston", "Texas", 29.7604, -95.3698, "America/Chicago"),
        ("Miami", "Florida", 25.7617, -80.1918, "America/New_York"),
        ("Chicago", "Illinois", 41.8781, -87.6298, "America/Chicago"),
        ("San Diego", "California", 32.7157, -117.1611, "America/Los_Angeles"),
        ("El Paso", "Texas", 31.7619, -106.4850, "America/Denver"),
        ("Washington", "District of Columbia", 38.9072, -77.0369, "America/New_York"),
    ],
    "MX": [
        ("Ciudad de México", "Ciudad de México", 19.4326, -99.1332, "America/Mexico_City"),
        ("Guadalajara", "Jalisco", 20.6597, -103.3496, "America/Mexico_City"),
        ("Monterrey", "Nuevo León", 25.6866, -100.3161, "America/Monterrey"),
        ("Tijuana", "Baja California", 32.5149, -117.0382, "America/Tijuana"),
        ("Tapachula", "Chiapas", 14.9039, -92.2575, "America/Mexico_City"),
        ("Ciudad Juárez", "Chihuahua", 31.6904, -106.4245, "America/Ciudad_Juarez"),
        ("Oaxaca de Juárez", "Oaxaca", 17.0732, -96.7266, "America/Mexico_City"),
        ("Mérida", "Yucatán", 20.9674, -89.5926, "America/Merida"),
        ("Puebla", "Puebla", 19.0414, -98.2063, "America/Mexico_City"),
    ],
    "GT": [
        ("Ciudad de Guatemala", "Guatemala", 14.6349, -90.5069, "America/Guatemala"),
        ("Quetzaltenango", "Quetzaltenango", 14.8347, -91.5180, "America/Guatemala"),
        ("Huehuetenango", "Huehuetenango", 15.3197, -91.4709, "America/Guatemala"),
        ("Cobán", "Alta Verapaz", 15.4708, -90.3711, "America/Guatemala"),
        ("Escuintla", "Escuintla", 14.3050, -90.7850, "America/Guatemala"),
        ("Tecún Umán", "San Marcos", 14.6773, -92.1396, "America/Guatemala"),
    ],
    "SV": [
        ("San Salvador", "San Salvador", 13.6929, -89.2182, "America/El_Salvador"),
        ("Santa Ana", "Santa Ana", 13.9942, -89.5597, "America/El_Salvador"),
        ("San Miguel", "San Miguel", 13.4833, -88.1833, "America/El_Salvador"),
        ("Soyapango", "San Salvador", 13.7347, -89.1514, "America/El_Salvador"),
        ("Sonsonate", "Sonsonate", 13.7189, -89.7242, "America/El_Salvador"),
    ],
    "HN": [
        ("Tegucigalpa", "Francisco Morazán", 14.0723, -87.1921, "America/Tegucigalpa"),
        ("San Pedro Sula", "Cortés", 15.5042, -88.0250, "America/Tegucigalpa"),
        ("La Ceiba", "Atlántida", 15.7597, -86.7822, "America/Tegucigalpa"),
        ("Choluteca", "Choluteca", 13.3007, -87.1908, "America/Tegucigalpa"),
        ("Danlí", "El Paraíso", 14.0333, -86.5833, "America/Tegucigalpa"),
    ],
    "CR": [
        ("San José", "San José", 9.9281, -84.0907, "America/Costa_Rica"),
        ("Alajuela", "Alajuela", 10.0163, -84.2116, "America/Costa_Rica"),
        ("Limón", "Limón", 9.9907, -83.0360, "America/Costa_Rica"),
        ("Liberia", "Guanacaste", 10.6346, -85.4407, "America/Costa_Rica"),
        ("Upala", "Alajuela", 10.8979, -85.0155, "America/Costa_Rica"),
    ],
    "VE": [
        ("Caracas", "Distrito Capital", 10.4806, -66.9036, "America/Caracas"),
        ("Maracaibo", "Zulia", 10.6427, -71.6125, "America/Caracas"),
        ("San Cristóbal", "Táchira", 7.7669, -72.2250, "America/Caracas"),
        ("Valencia", "Carabobo", 10.1620, -68.0077, "America/Caracas"),
        ("Barquisimeto", "Lara", 10.0678, -69.3474, "America/Caracas"),
        ("Ciudad Guayana", "Bolívar", 8.2960, -62.7110, "America/Caracas"),
    ],
    "CO": [
        ("Bogotá", "Bogotá D.C.", 4.7110, -74.0721, "America/Bogota"),
        ("Medellín", "Antioquia", 6.2442, -75.5812, "America/Bogota"),
        ("Cali", "Valle del Cauca", 3.4516, -76.5320, "America/Bogota"),
        ("Barranquilla", "Atlántico", 10.9685, -74.7813, "America/Bogota"),
        ("Cúcuta", "Norte de Santander", 7.8939, -72.5078, "America/Bogota"),
        ("Riohacha", "La Guajira", 11.5444, -72.9072, "America/Bogota"),
        ("Maicao", "La Guajira", 11.3778, -72.2389, "America/Bogota"),
        ("Pasto", "Nariño", 1.2136, -77.2811, "America/Bogota"),
        ("Cartagena", "Bolívar", 10.3910, -75.4794, "America/Bogota"),
    ],
    "EC": [
        ("Quito", "Pichincha", -0.1807, -78.4678, "America/Guayaquil"),
        ("Guayaquil", "Guayas", -2.1709, -79.9224, "America/Guayaquil"),
        ("Cuenca", "Azuay", -2.9001, -79.0059, "America/Guayaquil"),
        ("Nueva Loja", "Sucumbíos", 0.0847, -76.8828, "America/Guayaquil"),
        ("Tulcán", "Carchi", 0.8119, -77.7173, "America/Guayaquil"),
        ("Otavalo", "Imbabura", 0.2341, -78.2619, "America/Guayaquil"),
        ("Riobamba", "Chimborazo", -1.6636, -78.6546, "America/Guayaquil"),
    ],
    "PE": [
        ("Lima", "Lima", -12.0464, -77.0428, "America/Lima"),
        ("Cusco", "Cusco", -13.5319, -71.9675, "America/Lima"),
        ("Arequipa", "Arequipa", -16.4090, -71.5375, "America/Lima"),
        ("Tumbes", "Tumbes", -3.5669, -80.4515, "America/Lima"),
        ("Puno", "Puno", -15.8402, -70.0219, "America/Lima"),
        ("Ayacucho", "Ayacucho", -13.1588, -74.2239, "America/Lima"),
        ("Trujillo", "La Libertad", -8.1091, -79.0215, "America/Lima"),
        ("Tacna", "Tacna", -18.0066, -70.2463, "America/Lima"),
    ],
    "BR": [
        ("São Paulo", "São Paulo", -23.5505, -46.6333, "America/Sao_Paulo"),
        ("Rio de Janeiro", "Rio de Janeiro", -22.9068, -43.1729, "America/Sao_Paulo"),
        ("Manaus", "Amazonas", -3.1190, -60.0217, "America/Manaus"),
        ("Boa Vista", "Roraima", 2.8235, -60.6758, "America/Boa_Vista"),
        ("Pacaraima", "Roraima", 4.4797, -61.1477, "America/Boa_Vista"),
        ("Recife", "Pernambuco", -8.0476, -34.8770, "America/Recife"),
        ("Brasília", "Distrito Federal", -15.7939, -47.8828, "America/Sao_Paulo"),
        ("Porto Alegre", "Rio Grande do Sul", -30.0346, -51.2177, "America/Sao_Paulo"),
        ("Salvador", "Bahia", -12.9777, -38.5016, "America/Bahia"),
        ("Belém", "Pará", -1.4558, -48.4902, "America/Belem"),
    ],
    "CL": [
        ("Santiago", "Región Metropolitana", -33.4489, -70.6693, "America/Santiago"),
        ("Antofagasta", "Antofagasta", -23.6509, -70.3975, "America/Santiago"),
        ("Arica", "Arica y Parinacota", -18.4783, -70.3126, "America/Santiago"),
        ("Iquique", "Tarapacá", -20.2307, -70.1357, "America/Santiago"),
        ("Valparaíso", "Valparaíso", -33.0472, -71.6127, "America/Santiago"),
        ("Concepción", "Biobío", -36.8201, -73.0444, "America/Santiago"),
        ("Temuco", "La Araucanía", -38.7359, -72.5904, "America/Santiago"),
    ],
    "DO": [
        ("Santo Domingo", "Distrito Nacional", 18.4861, -69.9312, "America/Santo_Domingo"),
        ("Santiago de los Caballeros", "Santiago", 19.4517, -70.6970, "America/Santo_Domingo"),
        ("Dajabón", "Dajabón", 19.5486, -71.7083, "America/Santo_Domingo"),
        ("La Romana", "La Romana", 18.4273, -68.9728, "America/Santo_Domingo"),
        ("Puerto Plata", "Puerto Plata", 19.7934, -70.6884, "America/Santo_Domingo"),
    ],
    "TT": [
        ("Port of Spain", "Port of Spain", 10.6549, -61.5019, "America/Port_of_Spain"),
        ("San Fernando", "San Fernando", 10.2796, -61.4689, "America/Port_of_Spain"),
        ("Chaguanas", "Chaguanas", 10.5168, -61.4114, "America/Port_of_Spain"),
        ("Arima", "Arima", 10.6374, -61.2823, "America/Port_of_Spain"),
        ("Scarborough", "Tobago", 11.1833, -60.7333, "America/Port_of_Spain"),
    ],
    "ID": [
        ("Jakarta", "DKI Jakarta", -6.2088, 106.8456, "Asia/Jakarta"),
        ("Surabaya", "Jawa Timur", -7.2575, 112.7521, "Asia/Jakarta"),
        ("Medan", "Sumatera Utara", 3.5952, 98.6722, "Asia/Jakarta"),
        ("Makassar", "Sulawesi Selatan", -5.1477, 119.4327, "Asia/Makassar"),
        ("Kupang", "Nusa Tenggara Timur", -10.1772, 123.6070, "Asia/Makassar"),
        ("Banda Aceh", "Aceh", 5.5483, 95.3238, "Asia/Jakarta"),
        ("Yogyakarta", "DI Yogyakarta", -7.7956, 110.3695, "Asia/Jakarta"),
        ("Jayapura", "Papua", -2.5337, 140.7181, "Asia/Jayapura"),
        ("Denpasar", "Bali", -8.6705, 115.2126, "Asia/Makassar"),
    ],
    "PH": [
        ("Manila", "Metro Manila", 14.5995, 120.9842, "Asia/Manila"),
        ("Quezon City", "Metro Manila", 14.6760, 121.0437, "Asia/Manila"),
        ("Cebu City", "Cebu", 10.3157, 123.8854, "Asia/Manila"),
        ("Davao City", "Davao del Sur", 7.1907, 125.4553, "Asia/Manila"),
        ("Zamboanga City", "Zamboanga del Sur", 6.9214, 122.0790, "Asia/Manila"),
        ("Cotabato City", "Maguindanao del Norte", 7.2236, 124.2464, "Asia/Manila"),
        ("Tacloban", "Leyte", 11.2440, 125.0039, "Asia/Manila"),
    ],
    "MY": [
        ("Kuala Lumpur", "Wilayah Persekutuan Kuala Lumpur", 3.1390, 101.6869, "Asia/Kuala_Lumpur"),
        ("George Town", "Pulau Pinang", 5.4141, 100.3288, "Asia/Kuala_Lumpur"),
        ("Johor Bahru", "Johor", 1.4927, 103.7414, "Asia/Kuala_Lumpur"),
        ("Kota Kinabalu", "Sabah", 5.9804, 116.0735, "Asia/Kuching"),
        ("Kuching", "Sarawak", 1.5533, 110.3592, "Asia/Kuching"),
    ],
    "TH": [
        ("Bangkok", "Bangkok", 13.7563, 100.5018, "Asia/Bangkok"),
        ("Chiang Mai", "Chiang Mai", 18.7883, 98.9853, "Asia/Bangkok"),
        ("Mae Sot", "Tak", 16.7131, 98.5747, "Asia/Bangkok"),
        ("Hat Yai", "Songkhla", 7.0086, 100.4747, "Asia/Bangkok"),
        ("Ranong", "Ranong", 9.9658, 98.6348, "Asia/Bangkok"),
    ],
    "BD": [
        ("Dhaka", "Dhaka Division", 23.8103, 90.4125, "Asia/Dhaka"),
        ("Chattogram", "Chattogram Division", 22.3569, 91.7832, "Asia/Dhaka"),
        ("Cox's Bazar", "Chattogram Division", 21.4272, 92.0058, "Asia/Dhaka"),
        ("Teknaf", "Chattogram Division", 20.8624, 92.3058, "Asia/Dhaka"),
        ("Ukhia", "Chattogram Division", 21.2167, 92.1000, "Asia/Dhaka"),
        ("Sylhet", "Sylhet Division", 24.8949, 91.8687, "Asia/Dhaka"),
        ("Khulna", "Khulna Division", 22.8456, 89.5403, "Asia/Dhaka"),
    ],
}

#: City names that differ between languages (the others keep their own name in every language).
CITY_NAME_TRANSLATIONS = {
    ("MX", "Ciudad de México"): _named("Ciudad de México", "Cidade do México", "Mexico City", "Kota Meksiko"),
    ("GT", "Ciudad de Guatemala"): _named(
        "Ciudad de Guatemala", "Cidade da Guatemala", "Guatemala City", "Kota Guatemala"
    ),
}


def country_names(code: str) -> dict[str, str]:
    return {language: Locale.parse(locale).territories[code] for language, locale in LOCALES.items()}


def city_names(country_code: str, name: str) -> dict[str, str]:
    return CITY_NAME_TRANSLATIONS.get((country_code, name), _same(name))


def upsert(model, lookup: dict, values: dict):
    """``update_or_create`` that leaves an unchanged row alone: no save, no signals, no history entry.

    Reference data is loaded on every deployment and every ``load_demo``; saving a country re-indexes all its
    services for search, so rows that already hold the right values are skipped.
    """
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        return model.objects.create(**{**lookup, **values})
    changed = [name for name, value in values.items() if getattr(instance, name) != value]
    if changed:
        for name in changed:
            setattr(instance, name, values[name])
        instance.save()
    return instance


def _fields(field_name: str, texts: dict[str, str]) -> dict[str, str]:
    return {f"{field_name}_{FIELD_SUFFIX[language]}": text for language, text in texts.items()}


@transaction.atomic
def load_countries() -> dict[str, int]:
    """Create or update the countries, their emergency numbers and helplines, and cities. Returns how many countries
    and cities there are."""
    from members.models import City, Country, Helpline

    for spec in COUNTRIES:
        note = {language: text.format(number=spec.emergency_number) for language, text in EMERGENCY_NOTE.items()}
        country = upsert(
            Country,
            {"code": spec.code},
            {
                "region": spec.region,
                "time_zones": spec.time_zones,
                "latitude": spec.centre[0],
                "longitude": spec.centre[1],
                **_fields("name", country_names(spec.code)),
                **_fields("emergency_note", note),
            },
        )
        for order, line in enumerate(spec.lines, start=1):
            upsert(
                Helpline,
                {"country": country, "phone": line.phone},
                {
                    "kind": line.kind,
                    "order": order,
                    "open_24_7": True,
                    "source": line.source,
                    "checked_on": datetime.date.fromisoformat(line.checked_on),
                    **_fields("name", line.name or _same("")),
                    **_fields("hours", ALWAYS_OPEN),
                },
            )
        for name, area, latitude, longitude, time_zone in CITIES[spec.code]:
            names = city_names(spec.code, name)
            upsert(
                City,
                {"country": country, "name_en": names["en"], "administrative_area": area},
                {
                    "latitude": latitude,
                    "longitude": longitude,
                    "time_zone": time_zone,
                    **_fields("name", names),
                },
            )
    return {"countries": Country.objects.count(), "cities": City.objects.count()}


def find_city(country_code: str, name: str):
    """The City row for a name in ``CITIES`` (used by the demo loader)."""
    from members.models import City

    return City.objects.get(country__code=country_code, name_en=city_names(country_code, name)["en"])
