"""The service models: database constraints, the category taxonomy, translated-field fallback, readable names."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from services.models import Language, Population, Service, ServiceCategory
from tests.factories import (
    LanguageFactory,
    OrganisationFactory,
    PopulationFactory,
    ServiceCategoryFactory,
    ServiceFactory,
    rejected_by_the_database,
)

pytestmark = pytest.mark.django_db


def service_update(**changes):
    service = ServiceFactory()
    return lambda: Service.objects.filter(pk=service.pk).update(**changes)


# Constraints -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "changes",
    [
        {"age_min": 18, "age_max": 10},
        {"age_min": 130},
        {"age_max": 121},
        {"in_person": False, "by_phone": False, "online": False, "outreach": False},
        {"status": "closed"},
        {"cost": "donation"},
    ],
    ids=["age_min > age_max", "age_min 130", "age_max 121", "no delivery mode", "unknown status", "unknown cost"],
)
def test_service_rejects_bad_rows(changes):
    assert rejected_by_the_database(service_update(**changes))


@pytest.mark.parametrize(
    "changes",
    [
        {"age_min": 18, "age_max": 18},
        {"age_min": 12, "age_max": None},
        {"age_min": None, "age_max": 17},
        {"in_person": False, "by_phone": True},
        {"in_person": False, "outreach": True},
        {"status": Service.Status.PAUSED, "cost": Service.Cost.LOW_COST},
    ],
)
def test_service_accepts_good_rows(changes):
    assert not rejected_by_the_database(service_update(**changes))


def test_category_slug_is_unique():
    ServiceCategoryFactory(slug="legal-aid")
    assert rejected_by_the_database(lambda: ServiceCategory.objects.create(slug="legal-aid", name_en="Legal advice"))


def test_category_cannot_be_its_own_parent():
    category = ServiceCategoryFactory()
    assert rejected_by_the_database(lambda: ServiceCategory.objects.filter(pk=category.pk).update(parent=category))


@pytest.mark.parametrize("code", ["ES", "e", "SPA", "e1"])
def test_language_code_is_iso_639(code):
    assert rejected_by_the_database(lambda: Language.objects.create(code=code, name_en="Spanish"))


def test_language_codes_of_two_and_three_letters_are_accepted():
    assert not rejected_by_the_database(lambda: Language.objects.create(code="ht", name_en="Haitian Creole"))
    assert not rejected_by_the_database(lambda: Language.objects.create(code="guc", name_en="Wayuu"))


def test_language_and_population_codes_are_unique():
    LanguageFactory(code="es")
    PopulationFactory(code="women")
    assert rejected_by_the_database(lambda: Language.objects.create(code="es", name_en="Castilian"))
    assert rejected_by_the_database(lambda: Population.objects.create(code="women", name_en="Women and girls"))


def test_model_validation_refuses_ages_above_120_and_a_bad_phone():
    service = ServiceFactory.build(organisation=OrganisationFactory(), age_max=130, phone="555-1234")
    with pytest.raises(ValidationError) as error:
        service.full_clean()
    assert {"age_max", "phone"} <= set(error.value.message_dict)


# Taxonomy ----------------------------------------------------------------------------------------------------------


def test_taxonomy_has_two_levels_only():
    health = ServiceCategoryFactory(slug="health", name_en="Health")
    mental = ServiceCategoryFactory(slug="mental-health", name_en="Mental health", parent=health)
    deeper = ServiceCategory(slug="group-therapy", name_en="Group therapy", parent=mental)
    with pytest.raises(ValidationError) as error:
        deeper.full_clean()
    assert "parent" in error.value.message_dict


def test_main_category_with_subcategories_stays_a_main_category():
    health = ServiceCategoryFactory(slug="health", name_en="Health")
    ServiceCategoryFactory(slug="mental-health", name_en="Mental health", parent=health)
    legal = ServiceCategoryFactory(slug="legal-aid")
    health.parent = legal
    with pytest.raises(ValidationError) as error:
        health.full_clean()
    assert "parent" in error.value.message_dict


# Translated fields -------------------------------------------------------------------------------------------------


def test_service_written_only_in_spanish_shows_its_spanish_name_everywhere():
    service = ServiceFactory(
        name_es="Orientación jurídica",
        name_en=None,
        description_es="Asesoría gratuita.",
    )
    for language in ("es", "pt", "en", "id"):
        with translation.override(language):
            assert service.name == "Orientación jurídica", language
            assert service.description == "Asesoría gratuita.", language


def test_service_shows_the_active_language_when_written():
    service = ServiceFactory(name_es="Orientación jurídica", name_en="Legal advice", name_ind="Konsultasi hukum")
    with translation.override("en"):
        assert service.name == "Legal advice"
    with translation.override("id"):
        assert service.name == "Konsultasi hukum"
    with translation.override("es"):
        assert service.name == "Orientación jurídica"


def test_indonesian_readers_get_english_before_spanish():
    category = ServiceCategoryFactory(slug="shelter", name_en="Shelter", name_es="Refugio", name_pt=None, name_ind=None)
    with translation.override("id"):
        assert category.name == "Shelter"


# Readable names ----------------------------------------------------------------------------------------------------


def test_every_model_has_a_readable_name():
    with translation.override("en"):
        organisation = OrganisationFactory(name_es="Casa de Ejemplo")
        health = ServiceCategoryFactory(slug="health", name_en="Health")
        mental = ServiceCategoryFactory(slug="mental-health", name_en="Mental health", parent=health)
        service = ServiceFactory(organisation=organisation, name_en="Legal advice")

        assert str(health) == "Health"
        assert str(mental) == "Health › Mental health"
        assert str(PopulationFactory()) == "Women"
        assert str(LanguageFactory()) == "Spanish (es)"
        assert str(service) == "Legal advice — Casa de Ejemplo"


def test_delivery_modes_are_named():
    service = ServiceFactory(in_person=True, by_phone=True, online=False, outreach=True)
    with translation.override("en"):
        assert service.delivery_modes == ["in person", "by phone", "outreach (mobile team)"]


def test_public_services_are_active_services_of_approved_members():
    public = ServiceFactory()
    ServiceFactory(status=Service.Status.PAUSED)
    ServiceFactory(organisation=OrganisationFactory(pending=True))
    assert list(Service.objects.public()) == [public]
