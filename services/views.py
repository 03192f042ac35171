"""The public directory's pages. Each starts from a ``public()`` queryset, so nothing else can be shown."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import get_language, gettext, ngettext
from django.views.generic import TemplateView

from members import roles
from members.models import Country, Organisation
from services import cache as directory_cache
from services import coverage as service_coverage
from services import maps, sharing
from services import search as directory_search
from services.card_cache import KeptPage, KeptResults, PageCards
from services.cards import parse_list
from services.filters import RADIUS_MAX_KM, ServiceFilter, Sort, display_name_ordering
from services.forms import CountryCardForm, CoverageForm
from services.missing_languages import missing_fields
from services.models import ContactChannel, Service, ServiceSearchDocument

RESULTS_PER_PAGE = 20
# Near a place, a short list of the phone and online services covering its country follows the results, with a
# link to all of them.
REMOTE_RESULTS = 5
# A visitor's language often says where she is; used only to pick the emergency numbers shown first.
LANGUAGE_COUNTRY = {"pt": "BR", "id": "ID"}


def chosen_country(request) -> Country | None:
    """``?country=``, else the region of the browser's language (es-CO → Colombia), else the language's country."""
    codes = [str(request.GET.get("country", ""))[:2].upper()]
    for part in request.META.get("HTTP_ACCEPT_LANGUAGE", "")[:200].split(","):
        tag = part.split(";")[0].strip()
        if "-" in tag:
            codes.append(tag.rsplit("-", 1)[-1][:2].upper())
    codes.append(LANGUAGE_COUNTRY.get(request.LANGUAGE_CODE, ""))
    codes = [code for code in codes if len(code) == 2 and code.isalpha()]
    if not codes:
        return None
    found = {country.code: country for country in directory_cache.countries() if country.code in codes}
    return next((found[code] for code in codes if code in found), None)


def emergency_country(filterset: ServiceFilter) -> Country | None:
    """The country whose emergency numbers a results page shows: the place's, else the one filtered on; the cached
    instance, which holds its helplines."""
    country = filterset.place.country if filterset.place else filterset.form.cleaned_data.get("country")
    return directory_cache.country(country.code) if country is not None else None


def home(request):
    return render(
        request,
        "services/home.html",
        {
            "country": chosen_country(request),
            "countries": directory_cache.countries(),
            "categories": directory_cache.main_categories(),
            "cities": directory_cache.cities_with_services(),
        },
    )


def wider_radius(place) -> int | None:
    """The radius a search near ``place`` that found nothing offers next (four times as wide, up to the largest),
    or None without a place or at the largest already."""
    if place is None or place.radius_km >= RADIUS_MAX_KM:
        return None
    return min(RADIUS_MAX_KM, place.radius_km * 4)


# The parameters of a search page's address whose results block may be kept (``KeptResults``): the search's own.
SEARCH_PARAMETERS = frozenset([*ServiceFilter.base_filters, "page", "view", "as_typed", "near_me"])


# A country page's: its page number.
COUNTRY_PARAMETERS = frozenset(["page"])


def search(request):
    filterset = ServiceFilter(request.GET, request=request)
    kept_cards = PageCards()
    now = timezone.now()
    asked_near_me = "near_me" in request.GET and filterset.place is None
    # The location was refused and nothing else was asked: not a list of the whole network's services, but the
    # choice of a city, at the top of the page.
    only_near_me = asked_near_me and not filterset.active_filters
    # The map is another view of the same page (``?view=map``): the list stays, and the map draws its places.
    map_view = request.GET.get("view") == "map"
    # The results of a kept answer are kept beside it, but on the map (its pins are the page's rows).
    kept_results = None if map_view else KeptResults(request, now, SEARCH_PARAMETERS)
    # Near a place, the first page is followed by the phone and online services covering the country, read with it.
    if only_near_me:
        found = directory_search.ResultPage(page=Paginator([], RESULTS_PER_PAGE).get_page(1), capped=False)
    else:
        found = directory_search.search(
            filterset,
            request.GET.get("page"),
            RESULTS_PER_PAGE,
            remote=REMOTE_RESULTS,
            kept=kept_cards.kept,
            kept_results=kept_results,
        )
    page = found.page
    if kept_results is not None and kept_results.key is not None and found.more_remote:
        kept_results.masked_context["more_remote_query"] = filterset.remote_query(kept_results.masked)
    return render(
        request,
        "services/service_search.html",
        {
            "map_view": map_view,
            "map": map_context(page, filterset.place) if map_view else None,
            "filter": filterset,
            "page": page,
            "kept_cards": kept_cards,
            "place": filterset.place,
            "remote": found.remote,
            "more_remote_query": filterset.remote_query() if found.more_remote else "",
            "now": now,
            "kept_results": kept_results,
            "asked_near_me": asked_near_me,
            "only_near_me": only_near_me,
            # After a search the results come first and the form folds away (any parameter but the list's).
            "searched": any(key not in ("s", "view", "page") for key in request.GET),
            "categories": directory_cache.main_categories(),
            "chosen_categories": [category.slug for category in filterset.form.cleaned_data.get("category") or []],
            "sort_choices": Sort.choices,
            "count_capped": found.capped,
            "country": emergency_country(filterset),
            "wider_radius": wider_radius(filterset.place),
        },
    )


def map_context(page, place) -> dict:
    """What the results map needs: the page's pins (``services.maps.page_pins``), the place searched near and its
    radius, how many of the page's services have a place on the map, and where the basemap comes from."""
    drawn = maps.page_pins(page)
    if place is not None:
        drawn["place"] = {
            "lat": round(place.latitude, 2),
            "lon": round(place.longitude, 2),
            "radius_km": place.radius_km,
        }
    return {
        "data": drawn,
        "shown": len({pin["service"] for pin in drawn["pins"]}),
        "total": len(page),
        "basemap": maps.basemap(),
        "texts": maps.texts(),
    }


def service_detail(request, pk):
    now = timezone.now()
    # What the page prints of the service is kept per process, language, version and minute (``KeptPage``); the
    # service's public rule is still read.
    kept = KeptPage(request, ("service", int(pk)), now)
    if kept.markup is not None and Service.objects.public().filter(pk=pk).exists():
        country = directory_cache.country(kept.extra) if kept.extra else None
        return render(request, "services/service_detail.html", {"kept_page": kept, "now": now, "country": country})
    channels = Prefetch("channels", ContactChannel.objects.prefetch_related("languages"))
    service = get_object_or_404(Service.objects.public().with_listing_data().prefetch_related(channels), pk=pk)
    # Its locations are attached after the read (``attach_reference_data``); their channels are read for them.
    prefetch_related_objects(list(service.locations.all()), channels)
    # The emergency numbers of the country of its first location: the cached instance, which holds its lines.
    first = next(iter(service.locations.all()), None)
    country = directory_cache.country(first.city.country.code) if first is not None else None
    kept.extra = country.code if country is not None else None
    # Its places say how long ago they were updated, which changes within a minute.
    kept.keeps = not service.capacity
    return render(
        request,
        "services/service_detail.html",
        {
            "service": service,
            "now": now,
            "country": country,
            "share": sharing.service_share(request, service),
            "kept_page": kept,
        },
    )


def organisation_detail(request, slug):
    organisation = get_object_or_404(Organisation.objects.public().prefetch_related("countries"), slug=slug)
    services = Service.objects.public().filter(organisation=organisation).with_listing_data().order_by("name", "pk")
    return render(
        request,
        "services/organisation_detail.html",
        {"organisation": organisation, "services": services, "now": timezone.now()},
    )


def country_detail(request, code):
    country = directory_cache.country(code[:2])
    if country is None:
        raise Http404
    index = ServiceSearchDocument.objects.public().in_country(country).order_by(display_name_ordering(), "pk")
    services = Service.objects.public().from_index(index).with_listing_data()
    kept_cards = PageCards()
    now = timezone.now()
    # Its pages' ids and count are kept per process and version of the directory (``services.search.listed``), and
    # its list beside them (``KeptResults``).
    kept_results = KeptResults(request, now, COUNTRY_PARAMETERS)
    asked = ("country", country.code, display_name_ordering())
    page = directory_search.listed(
        services, asked, request.GET.get("page"), RESULTS_PER_PAGE, kept=kept_cards.kept, kept_results=kept_results
    )
    return render(
        request,
        "services/country_detail.html",
        {"country": country, "page": page, "kept_cards": kept_cards, "now": now, "kept_results": kept_results},
    )


def referral_list(request):
    """The caseworker's printable list. It lives in the address (``?s=1,2,3``), never in a cookie or database."""
    ids = parse_list(request.GET.get("s"))
    found = {service.pk: service for service in Service.objects.public().filter(pk__in=ids).with_listing_data()}
    services = [found[pk] for pk in ids if pk in found]
    share = sharing.referral_list_share(request, services)
    return render(
        request,
        "services/referral_list.html",
        {
            "services": services,
            "missing": len(ids) - len(services),
            "share": share,
            "qr": sharing.qr_code(share.url) if services else None,
            "now": timezone.now(),
        },
    )


class InformationPage(TemplateView):
    """A static page about the network or the directory, in the interface language."""


def safety(request):
    return render(request, "services/safety.html", {"countries": directory_cache.countries()})


def coverage(request):
    """Staff: the public services of a type of help and population per country and first-level region, with the
    regions that have none, as a table, a choropleth and CSV; only the countries the person may see."""
    if not request.user.has_perm("services.view_service"):
        raise PermissionDenied
    countries = roles.countries_in_scope(request.user, Country.objects.order_by("name"))
    form = CoverageForm(request.GET or None, countries=countries)
    found = []
    if form.is_bound and form.is_valid() or not form.is_bound:
        chosen = form.cleaned_data if form.is_bound else {}
        found = service_coverage.coverage(
            countries=[chosen["country"]] if chosen.get("country") else countries,
            category=chosen.get("category"),
            population=chosen.get("population"),
            language=get_language(),
        )
    if request.GET.get("format") == "csv" and form.is_valid():
        gaps_only = request.GET.get("rows") == "gaps"
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        name = "coverage-gaps" if gaps_only else "coverage"
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        service_coverage.write_csv(response, found, gaps_only=gaps_only)
        return response
    regions = {}
    for country in found:
        for row in country.rows:
            if row.region is not None:
                label = ngettext("%(region)s: %(count)s service", "%(region)s: %(count)s services", row.services)
                regions[row.region.code] = [row.services, label % {"region": row.name, "count": row.services}]
    return render(
        request,
        "admin/coverage.html",
        {
            **admin.site.each_context(request),
            "title": gettext("Coverage of the network"),
            "form": form,
            "found": found,
            "map": {
                "basemap": maps.basemap()["regions"],
                "data": {"countries": [country.country.code for country in found], "regions": regions},
                "texts": {"zoom_in": gettext("Zoom in"), "zoom_out": gettext("Zoom out")},
            },
        },
    )


# A country card is one printed page: the first services by name, and where more match, a link to all of them.
CARD_SERVICES = 8


def country_card(request):
    """The caseworker's printable card: a country's emergency numbers and helplines, and its public services of a
    type of help in a city, each with its ways to be reached and a QR code of its page."""
    form = CountryCardForm(request.GET or None, cities=directory_cache.cities_with_services())
    card = None
    if form.is_bound and form.is_valid():
        country, category, city = (form.cleaned_data[name] for name in ("country", "category", "city"))
        index = ServiceSearchDocument.objects.public().in_country(country)
        if city is not None:
            index = index.in_city(city)
        if category is not None:
            index = index.in_categories([category])
        index = index.order_by(display_name_ordering(), "pk")
        services = list(Service.objects.public().from_index(index).with_listing_data()[:CARD_SERVICES])
        channels = Prefetch("channels", ContactChannel.objects.prefetch_related("languages"))
        prefetch_related_objects(services, channels)
        prefetch_related_objects([location for service in services for location in service.locations.all()], channels)
        search = {"country": country.code}
        if category is not None:
            search["category"] = category.slug
        if city is not None:
            search["city"] = city.pk
        card = {
            "country": directory_cache.country(country.code),
            "category": category,
            "city": city,
            "services": [
                {
                    "service": service,
                    "locations": [
                        location for location in service.locations.all() if city is None or location.city_id == city.pk
                    ],
                    "qr": sharing.qr_code(sharing.service_share(request, service).url),
                }
                for service in services
            ],
            "more": max(0, index.count() - len(services)),
            "search_query": urlencode(search),
        }
    errors = [
        {"anchor": form[name].auto_id, "message": message}
        for name, messages in form.errors.items()
        for message in messages
    ]
    return render(
        request, "services/country_card.html", {"form": form, "card": card, "errors": errors, "now": timezone.now()}
    )


def missing_languages(request):
    """Staff: the public listings of the person's countries whose content lacks one of the site's languages, field
    by field, each with a link to edit it; ``?language=`` narrows to one language."""
    if not request.user.has_perm("services.view_service"):
        raise PermissionDenied
    language = request.GET.get("language")
    if language not in dict(settings.LANGUAGES):
        language = None
    return render(
        request,
        "admin/missing_languages.html",
        {
            **admin.site.each_context(request),
            "title": gettext("Listings missing a language"),
            "rows": missing_fields(request.user, language),
            "languages": settings.LANGUAGES,
            "chosen": language,
        },
    )
