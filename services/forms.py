"""Staff forms of the services app: the coverage map's choices."""

from django import forms
from django.utils.translation import gettext_lazy as _

from members.models import Country
from services.models import Population, ServiceCategory


class CoverageForm(forms.Form):
    category = forms.ModelChoiceField(
        ServiceCategory.objects.filter(parent__isnull=True),
        required=False,
        to_field_name="slug",
        label=_("Type of help"),
        empty_label=_("Every type of help"),
    )
    population = forms.ModelChoiceField(
        Population.objects.all(),
        required=False,
        to_field_name="code",
        label=_("Population served"),
        empty_label=_("Every population"),
    )
    country = forms.ModelChoiceField(
        Country.objects.none(),
        required=False,
        to_field_name="code",
        label=_("Country"),
        empty_label=_("Every country I can see"),
    )

    def __init__(self, *args, countries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = countries
