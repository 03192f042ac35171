"""Time zones named as people in each place say them, in each interface language: "WIB" in Jakarta, "hora de
Colombia", "horário de Brasília", not the IANA names the data keeps ("Asia/Jakarta").

The names below cover every zone of the network's countries (``members.reference``). CLDR's names (through Babel)
are the fallback for a zone staff add elsewhere; they are not used for these because they name continents' zones
("hora central" for Guatemala and Mexico) where people name their country's.
"""

import functools

from babel import Locale
from babel.dates import get_timezone, get_timezone_name

from rssn.languages import base_language


def _names(es: str, pt: str, en: str, id: str) -> dict[str, str]:  # noqa: A002 - "id" is the language code
    return {"es": es, "pt": pt, "en": en, "id": id}


_INDONESIA_WESTERN = _names(
    "hora de Indonesia occidental (WIB)", "horário da Indonésia Ocidental (WIB)", "Western Indonesia Time (WIB)", "WIB"
)
_INDONESIA_CENTRAL = _names(
    "hora de Indonesia central (WITA)", "horário da Indonésia Central (WITA)", "Central Indonesia Time (WITA)", "WITA"
)
_INDONESIA_EASTERN = _names(
    "hora de Indonesia oriental (WIT)", "horário da Indonésia Oriental (WIT)", "Eastern Indonesia Time (WIT)", "WIT"
)
_BRASILIA = _names("hora de Brasilia", "horário de Brasília", "Brasília time", "waktu Brasília")
_AMAZON = _names("hora del Amazonas", "horário do Amazonas", "Amazon time (Brazil)", "waktu Amazonas (Brasil)")
_MEXICO_CENTRAL = _names(
    "hora del centro de México", "horário do centro do México", "Mexico central time", "waktu tengah Meksiko"
)
_MEXICO_PACIFIC = _names(
    "hora del Pacífico de México", "horário do Pacífico do México", "Mexico Pacific time", "waktu Pasifik Meksiko"
)
_MALAYSIA = _names("hora de Malasia", "horário da Malásia", "Malaysia time", "waktu Malaysia")

ZONE_NAMES: dict[str, dict[str, str]] = {
    # United States: the zones' own names, as on US clocks and schedules.
    "America/New_York": _names("hora del Este", "horário do Leste (EUA)", "Eastern Time", "waktu Timur AS"),
    "America/Chicago": _names("hora del Centro", "horário Central (EUA)", "Central Time", "waktu Tengah AS"),
    "America/Denver": _names(
        "hora de la Montaña", "horário das Montanhas (EUA)", "Mountain Time", "waktu Pegunungan AS"
    ),
    "America/Phoenix": _names("hora de Arizona", "horário do Arizona", "Arizona time", "waktu Arizona"),
    "America/Los_Angeles": _names("hora del Pacífico", "horário do Pacífico (EUA)", "Pacific Time", "waktu Pasifik AS"),
    "America/Anchorage": _names("hora de Alaska", "horário do Alasca", "Alaska time", "waktu Alaska"),
    "Pacific/Honolulu": _names("hora de Hawái", "horário do Havaí", "Hawaii time", "waktu Hawaii"),
    # Mexico: the zones of its time law (centro, Pacífico, sureste, Baja California's noroeste).
    "America/Mexico_City": _MEXICO_CENTRAL,
    "America/Monterrey": _MEXICO_CENTRAL,
    "America/Merida": _MEXICO_CENTRAL,
    "America/Chihuahua": _MEXICO_CENTRAL,
    "America/Cancun": _names(
        "hora del sureste de México", "horário do sudeste do México", "Mexico southeast time", "waktu tenggara Meksiko"
    ),
    "America/Hermosillo": _MEXICO_PACIFIC,
    "America/Mazatlan": _MEXICO_PACIFIC,
    "America/Ciudad_Juarez": _names(
        "hora de Ciudad Juárez", "horário de Ciudad Juárez", "Ciudad Juárez time", "waktu Ciudad Juárez"
    ),
    "America/Tijuana": _names(
        "hora de Baja California", "horário da Baixa Califórnia", "Baja California time", "waktu Baja California"
    ),
    # Central America and the Caribbean: each country's own time.
    "America/Guatemala": _names("hora de Guatemala", "horário da Guatemala", "Guatemala time", "waktu Guatemala"),
    "America/El_Salvador": _names(
        "hora de El Salvador", "horário de El Salvador", "El Salvador time", "waktu El Salvador"
    ),
    "America/Tegucigalpa": _names("hora de Honduras", "horário de Honduras", "Honduras time", "waktu Honduras"),
    "America/Costa_Rica": _names("hora de Costa Rica", "horário da Costa Rica", "Costa Rica time", "waktu Kosta Rika"),
    "America/Santo_Domingo": _names(
        "hora de la República Dominicana",
        "horário da República Dominicana",
        "Dominican Republic time",
        "waktu Republik Dominika",
    ),
    "America/Port_of_Spain": _names(
        "hora de Trinidad y Tobago",
        "horário de Trinidad e Tobago",
        "Trinidad and Tobago time",
        "waktu Trinidad dan Tobago",
    ),
    # South America.
    "America/Caracas": _names("hora de Venezuela", "horário da Venezuela", "Venezuela time", "waktu Venezuela"),
    "America/Bogota": _names("hora de Colombia", "horário da Colômbia", "Colombia time", "waktu Kolombia"),
    "America/Guayaquil": _names("hora de Ecuador", "horário do Equador", "Ecuador time", "waktu Ekuador"),
    "Pacific/Galapagos": _names("hora de Galápagos", "horário de Galápagos", "Galápagos time", "waktu Galápagos"),
    "America/Lima": _names("hora del Perú", "horário do Peru", "Peru time", "waktu Peru"),
    "America/Sao_Paulo": _BRASILIA,
    "America/Recife": _BRASILIA,
    "America/Bahia": _BRASILIA,
    "America/Belem": _BRASILIA,
    "America/Fortaleza": _BRASILIA,
    "America/Manaus": _AMAZON,
    "America/Boa_Vista": _AMAZON,
    "America/Porto_Velho": _AMAZON,
    "America/Cuiaba": _AMAZON,
    "America/Rio_Branco": _names("hora de Acre", "horário do Acre", "Acre time (Brazil)", "waktu Acre (Brasil)"),
    "America/Noronha": _names(
        "hora de Fernando de Noronha",
        "horário de Fernando de Noronha",
        "Fernando de Noronha time",
        "waktu Fernando de Noronha",
    ),
    "America/Santiago": _names("hora de Chile continental", "horário do Chile continental", "Chile time", "waktu Cile"),
    "America/Punta_Arenas": _names("hora de Magallanes", "horário de Magalhães", "Magallanes time", "waktu Magallanes"),
    "Pacific/Easter": _names(
        "hora de Isla de Pascua", "horário da Ilha de Páscoa", "Easter Island time", "waktu Pulau Paskah"
    ),
    # Asia.
    "Asia/Jakarta": _INDONESIA_WESTERN,
    "Asia/Pontianak": _INDONESIA_WESTERN,
    "Asia/Makassar": _INDONESIA_CENTRAL,
    "Asia/Jayapura": _INDONESIA_EASTERN,
    "Asia/Manila": _names("hora de Filipinas", "horário das Filipinas", "Philippine time", "waktu Filipina"),
    "Asia/Kuala_Lumpur": _MALAYSIA,
    "Asia/Kuching": _MALAYSIA,
    "Asia/Bangkok": _names("hora de Tailandia", "horário da Tailândia", "Thailand time", "waktu Thailand"),
    "Asia/Dhaka": _names("hora de Bangladés", "horário de Bangladesh", "Bangladesh time", "waktu Bangladesh"),
}

BABEL_LOCALES = {"es": "es", "pt": "pt", "en": "en", "id": "id"}


@functools.cache
def time_zone_name(zone: str, language: str) -> str:
    """How a reader of ``language`` names the time zone ``zone`` (an IANA name): ours, else CLDR's, else the zone."""
    language = base_language(language)
    names = ZONE_NAMES.get(zone)
    if names is not None:
        return names.get(language, names["en"])
    try:
        return get_timezone_name(get_timezone(zone), locale=Locale.parse(BABEL_LOCALES.get(language, "en")))
    except (LookupError, ValueError):
        return zone
