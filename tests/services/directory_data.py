"""A small directory for the public page tests: one country with a helpline and two cities, categories with a
subcategory, and listings whose secrets (a confidential street and point) must never leave the server."""

import datetime

from members.models import Helpline, Location
from tests.factories import (
    CityFactory,
    CountryFactory,
    LanguageFactory,
    LocationFactory,
    OpeningHoursFactory,
    OrganisationFactory,
    PopulationFactory,
    ServiceCategoryFactory,
    ServiceFactory,
)

SECRET_STREET = "Carrera Secreta 77-13 Interior 9"
SECRET_POSTAL_CODE = "990077"
SECRET_LATITUDE = 4.6532917
SECRET_LONGITUDE = -74.0581333
CITY_ONLY_STREET = "Avenida Solo Ciudad 404"
PENDING_ORGANISATION = "Pendiente Secreta"
PAUSED_SERVICE = "Servicio En Pausa"
# What no public output may carry: the confidential listing's street, postal code and point, the city-only listing's
# street, and the names of the hidden listings (a pending organisation's, a paused service).
SECRETS = (
    SECRET_STREET,
    SECRET_POSTAL_CODE,
    str(SECRET_LATITUDE),
    str(SECRET_LONGITUDE),
    CITY_ONLY_STREET,
    PENDING_ORGANISATION,
    PAUSED_SERVICE,
)


def colombia():
    country = CountryFactory(emergency_number="123", emergency_note_en="Call 123 from any phone, it is free.")
    Helpline.objects.get_or_create(
        country=country,
        phone="+5716015555",
        defaults={"kind": Helpline.Kind.GBV, "name_en": "Women's line 155", "open_24_7": True, "order": 1},
    )
    return country


def bogota():
    return CityFactory(country=colombia())


def medellin():
    return CityFactory(
        country=colombia(),
        name_en="Medellín",
        name_es="Medellín",
        administrative_area="Antioquia",
        latitude=6.2442,
        longitude=-75.5812,
    )


def legal_aid():
    return ServiceCategoryFactory()


def family_law():
    return ServiceCategoryFactory(
        slug="family-law",
        parent=legal_aid(),
        name_en="Family law",
        name_es="Derecho de familia",
        name_pt="Direito de família",
        name_ind="Hukum keluarga",
    )


def shelter():
    return ServiceCategoryFactory(
        slug="shelter", name_en="Shelter", name_es="Casa refugio", name_pt="Abrigo", name_ind="Rumah aman"
    )


def public_listing(**kwargs):
    """An approved organisation's service at a public address in Bogotá, open Monday to Friday 9–17."""
    location = LocationFactory(city=bogota(), street_address="Calle Pública 10 # 5-20", latitude=4.6, longitude=-74.07)
    for weekday in range(5):
        OpeningHoursFactory(location=location, weekday=weekday)
    defaults = {
        "name_es": "Orientación jurídica gratuita",
        "name_en": "Free legal advice",
        "organisation": location.organisation,
        "locations": [location],
        "categories": [legal_aid()],
        "last_verified_on": datetime.date(2026, 9, 14),
    }
    defaults.update(kwargs)
    service = ServiceFactory(**defaults)
    service.languages.add(LanguageFactory())
    service.populations.add(PopulationFactory())
    return service


def confidential_listing(**kwargs):
    """A shelter whose street and point are secret: only its city's centre may be used, for distance."""
    location = LocationFactory(
        city=bogota(),
        address_visibility=Location.AddressVisibility.CONFIDENTIAL,
        street_address=SECRET_STREET,
        postal_code=SECRET_POSTAL_CODE,
        latitude=SECRET_LATITUDE,
        longitude=SECRET_LONGITUDE,
        phone="+5716019999",
    )
    defaults = {
        "name_es": "Casa de acogida",
        "name_en": "Safe house",
        "organisation": location.organisation,
        "locations": [location],
        "categories": [shelter()],
        "open_24_7": True,
    }
    defaults.update(kwargs)
    return ServiceFactory(**defaults)


def city_only_listing(**kwargs):
    location = LocationFactory(
        city=medellin(),
        address_visibility=Location.AddressVisibility.CITY,
        street_address=CITY_ONLY_STREET,
        latitude=6.25,
        longitude=-75.56,
    )
    defaults = {"name_es": "Apoyo psicosocial", "organisation": location.organisation, "locations": [location]}
    defaults.update(kwargs)
    return ServiceFactory(**defaults)


def hotline(**kwargs):
    organisation = OrganisationFactory(countries=[colombia()])
    defaults = {
        "name_es": "Línea de orientación",
        "name_en": "Advice line",
        "organisation": organisation,
        "in_person": False,
        "by_phone": True,
        "open_24_7": True,
    }
    defaults.update(kwargs)
    return ServiceFactory(**defaults)


def one_listing_of_each_kind():
    """A public listing, a confidential one, a city-only one and a hotline, by kind."""
    return {
        "public": public_listing(),
        "confidential": confidential_listing(),
        "city_only": city_only_listing(),
        "hotline": hotline(),
    }


def pending_listing():
    """A service of an organisation whose membership is still pending: never public."""
    return ServiceFactory(organisation=OrganisationFactory(pending=True, name_es=PENDING_ORGANISATION))


def paused_listing(organisation):
    """A paused service of ``organisation``: never public."""
    return ServiceFactory(organisation=organisation, name_es=PAUSED_SERVICE, status="paused")
