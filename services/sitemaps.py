"""The sitemap of the public directory (/sitemap.xml): every public page in every language, nothing else.

Built from the same public querysets as the pages, so a pending organisation or a paused service never appears.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from members.models import Country, Organisation
from services.models import Service


class _Directory(Sitemap):
    i18n = True
    alternates = True
    x_default = False


class PagesSitemap(_Directory):
    def items(self):
        return [
            "services:home",
            "services:search",
            "services:safety",
            "services:about",
            "services:help",
            "services:what-to-expect",
            "services:join",
        ]

    def location(self, item):
        return reverse(item)


class CountrySitemap(_Directory):
    def items(self):
        return Country.objects.order_by("code")

    def location(self, country):
        return reverse("services:country-detail", args=[country.code])


class OrganisationSitemap(_Directory):
    def items(self):
        return Organisation.objects.public().order_by("pk")

    def location(self, organisation):
        return reverse("services:organisation-detail", args=[organisation.slug])


class ServiceSitemap(_Directory):
    def items(self):
        return Service.objects.public().order_by("pk")

    def location(self, service):
        return reverse("services:service-detail", args=[service.pk])


SITEMAPS = {
    "pages": PagesSitemap,
    "countries": CountrySitemap,
    "organisations": OrganisationSitemap,
    "services": ServiceSitemap,
}
