"""The documents a service asks for (``Service.documents_required``): stored as one short text, chosen as boxes."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _


class Document(models.TextChoices):
    """A document a service asks for before helping. A referral is its own fact: ``Service.referral_required``."""

    ID = "id", _("Identity document")
    RESIDENCE = "residence", _("Proof of residence")
    MIGRATION_STATUS = "migration_status", _("Migration status papers")


NO_DOCUMENTS = "none"
DOCUMENTS_PATTERN = r"^(none|(id|residence|migration_status)(,(id|residence|migration_status))*)$"
NO_DOCUMENTS_LABEL = _("No documents needed")
DOCUMENTS_ERROR = _("Choose “No documents needed” alone, or the documents people must bring.")


class DocumentsFormField(forms.MultipleChoiceField):
    """Boxes: "No documents needed", then each document; none ticked means nobody said (shown as "ask the
    service"). Cleans to the stored text (``documents_value``) or None."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(choices=[(NO_DOCUMENTS, NO_DOCUMENTS_LABEL), *Document.choices], required=False, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, str):
            return value.split(",")
        return value

    def to_python(self, value):
        if isinstance(value, str):
            value = value.split(",")
        return super().to_python(value)

    def clean(self, value):
        codes = super().clean(value)
        try:
            return documents_value(codes)
        except ValueError:
            raise ValidationError(DOCUMENTS_ERROR, code="documents") from None

    def has_changed(self, initial, data):
        return super().has_changed(self.prepare_value(initial) or [], data)


def documents_value(codes) -> str | None:
    """The stored text for the chosen ``codes``: None (nobody said) for none, ``"none"`` alone for no documents,
    else the chosen documents' codes, in ``Document``'s order, joined by commas. ValueError for a code that is no
    document, or "none" with documents."""
    codes = {str(code).strip() for code in codes if str(code).strip()}
    if not codes:
        return None
    if NO_DOCUMENTS in codes:
        if len(codes) > 1:
            raise ValueError("none with documents")
        return NO_DOCUMENTS
    unknown = codes - set(Document.values)
    if unknown:
        raise ValueError(f"not a document: {', '.join(sorted(unknown))}")
    return ",".join(code for code in Document.values if code in codes)


class DocumentsField(models.CharField):
    """``documents_value``'s text; a form shows it as ``DocumentsFormField``'s boxes."""

    def formfield(self, **kwargs):
        # Always boxes: the admin offers a text input for every CharField.
        given = {key: kwargs[key] for key in ("label", "help_text") if key in kwargs}
        return DocumentsFormField(**{"label": capfirst(self.verbose_name), "help_text": self.help_text, **given})
