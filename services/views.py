"""The public directory's pages. Each starts from a ``public()`` queryset, so nothing else can be shown."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.generic import TemplateView

from members.models import Country, Organisation
from services import cache as directory_cache
from services.filters import ServiceFilter, Sort, display_name_ordering
from services.models import Service, ServiceSearchDocument
from services.paginators import CappedPaginator
from services.templatetags.directory import parse_list

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


def search(request):
    filterset = ServiceFilter(request.GET, request=request)
    results = filterset.qs.with_listing_data().for_cards()
    # Near a place, the first page is followed by the phone and online services covering the country, read with it.
    beside = []
    if filterset.place is not None:
        # One more than is shown, to know whether there are more: that one's rows are not read (``read_slices``).
        beside = [(filterset.remote_queryset().with_listing_data(), 0, REMOTE_RESULTS + 1, REMOTE_RESULTS)]
    paginator = CappedPaginator(results, RESULTS_PER_PAGE, beside_first_page=beside)
    page = paginator.get_page(request.GET.get("page"))
    remote = paginator.beside[0] if beside else []
    remote, more_remote = remote[:REMOTE_RESULTS], len(remote) > REMOTE_RESULTS
    return render(
        request,
        "services/service_search.html",
        {
            "filter": filterset,
            "page": page,
            "place": filterset.place,
            "remote": remote,
            "more_remote_query": filterset.remote_query() if more_remote else "",
            "now": timezone.now(),
            "asked_near_me": "near_me" in request.GET and filterset.place is None,
            "categories": directory_cache.main_categories(),
            "chosen_categories": [category.slug for category in filterset.form.cleaned_data.get("category") or []],
            "sort_choices": Sort.choices,
            "count_capped": paginator.capped,
            "country": emergency_country(filterset),
        },
    )


def service_detail(request, pk):
    service = get_object_or_404(Service.objects.public().with_listing_data(), pk=pk)
    return render(request, "services/service_detail.html", {"service": service, "now": timezone.now()})


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
    services = Service.objects.public().from_index(index).with_listing_data().for_cards()
    page = CappedPaginator(services, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "services/country_detail.html",
        {"country": country, "page": page, "now": timezone.now()},
    )


def referral_list(request):
    """The caseworker's printable list. It lives in the address (``?s=1,2,3``), never in a cookie or database."""
    ids = parse_list(request.GET.get("s"))
    found = {service.pk: service for service in Service.objects.public().filter(pk__in=ids).with_listing_data()}
    services = [found[pk] for pk in ids if pk in found]
    return render(
        request,
        "services/referral_list.html",
        {
            "services": services,
            "missing": len(ids) - len(services),
            "share_url": request.build_absolute_uri(),
            "now": timezone.now(),
        },
    )


class InformationPage(TemplateView):
    """A static page about the network or the directory, in the interface language."""


def safety(request):
    return render(request, "services/safety.html", {"countries": directory_cache.countries()})
