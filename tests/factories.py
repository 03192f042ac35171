"""factory_boy factories shared by the whole suite, and the check that the database refuses a row the constraint
tests write. Phone numbers and e-mail addresses are fictional."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction

from members.models import City, Country, Helpline, Location, OpeningHours, Organisation
from services.models import ContactChannel, Language, Population, Service, ServiceCategory


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("correct horse battery staple")


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ("code",)
        skip_postgeneration_save = True

    code = "CO"
    name_en = "Colombia"
    name_es = "Colombia"
    region = Country.Region.AMERICAS
    time_zones = factory.LazyFunction(lambda: ["America/Bogota"])
    latitude = 4.6
    longitude = -74.08

    @factory.post_generation
    def emergency_number(country, create, extracted, **kwargs):
        """The number for immediate danger, a line of kind "emergency": ``CountryFactory(emergency_number="911")``."""
        if create:
            Helpline.objects.get_or_create(
                country=country,
                phone=extracted or "123",
                defaults={"kind": Helpline.Kind.EMERGENCY, "order": 0, "open_24_7": True},
            )


class CityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = City
        django_get_or_create = ("country", "name_en")

    country = factory.SubFactory(CountryFactory)
    name_en = "Bogotá"
    name_es = "Bogotá"
    administrative_area = "Bogotá D.C."
    latitude = 4.711
    longitude = -74.0721
    time_zone = "America/Bogota"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name_es = factory.Sequence(lambda n: f"Fundación de Ejemplo {n}")
    slug = factory.Sequence(lambda n: f"fundacion-de-ejemplo-{n}")
    kind = Organisation.Kind.NGO
    description_es = "Acompañamiento a mujeres sobrevivientes de violencia basada en género."
    status = Organisation.Status.APPROVED
    joined_on = datetime.date(2024, 3, 1)
    last_verified_on = datetime.date(2026, 10, 1)
    contact_name = "Ana Ejemplo"
    contact_email = factory.Sequence(lambda n: f"contact{n}@example.org")
    public_phone = "+5716010000"

    @factory.post_generation
    def countries(self, create, extracted, **kwargs):
        if create:
            self.countries.set(extracted or [CountryFactory()])

    class Params:
        pending = factory.Trait(status=Organisation.Status.APPLIED, joined_on=None)


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    organisation = factory.SubFactory(OrganisationFactory)
    name_es = factory.Sequence(lambda n: f"Sede {n}")
    street_address = "Calle 10 # 5-20"
    postal_code = "110311"
    city = factory.SubFactory(CityFactory)
    latitude = 4.6
    longitude = -74.07
    address_visibility = Location.AddressVisibility.PUBLIC
    phone = "+5716010001"

    class Params:
        confidential = factory.Trait(address_visibility=Location.AddressVisibility.CONFIDENTIAL)
        city_only = factory.Trait(address_visibility=Location.AddressVisibility.CITY)


class OpeningHoursFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OpeningHours

    location = factory.SubFactory(LocationFactory)
    weekday = 0
    opens = datetime.time(9, 0)
    closes = datetime.time(17, 0)


class ServiceCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceCategory
        django_get_or_create = ("slug",)

    slug = "legal-aid"
    name_en = "Legal aid"
    name_es = "Asesoría jurídica"
    name_pt = "Assistência jurídica"
    name_ind = "Bantuan hukum"


class PopulationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Population
        django_get_or_create = ("code",)

    code = "women"
    name_en = "Women"
    name_es = "Mujeres"


class LanguageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Language
        django_get_or_create = ("code",)

    code = "es"
    name_en = "Spanish"
    name_es = "español"


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    name_es = factory.Sequence(lambda n: f"Orientación jurídica {n}")
    description_es = "Asesoría jurídica gratuita para sobrevivientes."
    phone = "+5716010002"
    last_verified_on = datetime.date(2026, 10, 1)
    # A listing whose member gave its facts (unknown ones are None: pass cost=None, referral_required=None).
    cost = Service.Cost.FREE
    referral_required = False

    @factory.post_generation
    def categories(self, create, extracted, **kwargs):
        if create:
            self.categories.set(extracted if extracted is not None else [ServiceCategoryFactory()])

    @factory.post_generation
    def locations(self, create, extracted, **kwargs):
        if create and extracted:
            self.locations.set(extracted)


class ContactChannelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactChannel

    service = factory.SubFactory(ServiceFactory)
    kind = ContactChannel.Kind.WHATSAPP
    address = "+573001230001"


def rejected_by_the_database(save):
    """Run ``save`` in its own savepoint and tell whether the database refused it."""
    try:
        with transaction.atomic():
            save()
    except IntegrityError:
        return True
    return False
