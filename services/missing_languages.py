"""Staff: the listings whose content lacks a language, field by field, for a coordinator's countries.

A field is missing in a language when it is empty there but written in another (``members.admin_filters``): the
public pages then show another language's text in its place. Read through the staff scope gate
(``members.roles.scoped``): a coordinator sees her countries' listings only.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from modeltranslation.utils import build_localized_fieldname

from members import roles
from members.admin_filters import missing_translation_q, translated_field_names
from members.models import Location, Organisation
from rssn.languages import best_translation
from services.models import Service


@dataclass(frozen=True)
class MissingField:
    """One content field of one listing, and the languages it lacks (codes, in the site's order)."""

    kind: str
    name: str
    field: str
    languages: tuple[str, ...]
    edit_url: str

    @property
    def language_names(self) -> list[str]:
        names = dict(settings.LANGUAGES)
        return [names[code] for code in self.languages]


def _name_of(record) -> str:
    """The listing's name in the page's language (or the closest written); a nameless service point by its
    organisation's."""
    name = best_translation(record, "name")
    if not name and hasattr(record, "organisation"):
        name = best_translation(record.organisation, "name")
    return str(name)


def _missing_in(record, field: str) -> tuple[str, ...]:
    texts = {code: getattr(record, build_localized_fieldname(field, code)) for code, _name in settings.LANGUAGES}
    if not any(texts.values()):
        return ()  # written in no language: missing content, not a translation
    return tuple(code for code, text in texts.items() if not text)


def _lacking_any(queryset):
    condition = None
    for code, _name in settings.LANGUAGES:
        found = missing_translation_q(queryset.model, code)
        condition = found if condition is None else condition | found
    return queryset.filter(condition)


def missing_fields(user, language: str | None = None) -> list[MissingField]:
    """Every content field of the public listings ``user`` may see that lacks a language (``language`` alone, when
    given), the organisations first, then their service points and services, by name."""
    readings = (
        (Organisation.objects.public(), "admin:members_organisation_change"),
        (Location.objects.public().select_related("organisation"), "admin:members_location_change"),
        (
            Service.objects.filter(organisation__status=Organisation.Status.APPROVED).select_related("organisation"),
            "admin:services_service_change",
        ),
    )
    found = []
    for queryset, edit in readings:
        model = queryset.model
        for record in _lacking_any(roles.scoped(user, queryset)).order_by("pk"):
            for field in translated_field_names(model):
                missing = _missing_in(record, field)
                if language:
                    missing = tuple(code for code in missing if code == language)
                if missing:
                    found.append(
                        MissingField(
                            kind=str(model._meta.verbose_name),
                            name=_name_of(record),
                            field=str(model._meta.get_field(field).verbose_name),
                            languages=missing,
                            edit_url=reverse(edit, args=[record.pk]),
                        )
                    )
    return found
