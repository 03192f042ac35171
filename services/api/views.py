"""Read-only endpoints. Each starts from a public queryset; services use the public directory's own FilterSet, so
search, filters and "near" mean the same here as on the pages."""

from django.conf import settings
from django.db.models import Prefetch
from django.utils import translation
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework import exceptions, viewsets
from rest_framework.views import APIView

from members.models import Country, Helpline, Organisation
from services.api import schema, serializers
from services.api.errors import NOT_FOUND
from services.api.pagination import ServicePagination
from services.filters import ServiceFilter
from services.models import Service, ServiceCategory

assert schema  # registers the OpenAPI description of the search parameters

LANGUAGE_PARAMETER = OpenApiParameter(
    "lang",
    OpenApiTypes.STR,
    enum=[code for code, _name in settings.LANGUAGES],
    description="The language of the content (a text missing in it falls back to another) and of the error "
    "messages; without it, Accept-Language, else Spanish.",
)


class ContentLanguageMixin:
    """``?lang=es`` picks the language of the content and of the error messages; without it, LocaleMiddleware has
    read Accept-Language (Spanish when it names none of ours). The API's addresses have no language prefix: the
    parameter stands in for the pages' ``/es/``."""

    def dispatch(self, request, *args, **kwargs):
        language = str(request.GET.get("lang", ""))[:5].lower()
        if language not in dict(settings.LANGUAGES):
            return super().dispatch(request, *args, **kwargs)
        with translation.override(language):
            response = super().dispatch(request, *args, **kwargs)
        response["Content-Language"] = language
        return response


NOT_FOUND_RESPONSE = OpenApiResponse(OpenApiTypes.OBJECT, description="Not public, unknown, or a page past the last.")


def _documented(tag: str, serializer):
    return extend_schema_view(
        list=extend_schema(
            tags=[tag],
            parameters=[LANGUAGE_PARAMETER],
            responses={200: serializer(many=True), 404: NOT_FOUND_RESPONSE},
        ),
        retrieve=extend_schema(
            tags=[tag], parameters=[LANGUAGE_PARAMETER], responses={200: serializer, 404: NOT_FOUND_RESPONSE}
        ),
    )


class ServiceFilterBackend(DjangoFilterBackend):
    """The public directory's FilterSet, as forgiving as on the pages: a value that cannot be used is left out and
    explained in the response's ``notes`` instead of failing the request. Parameters: ``services.api.schema``."""

    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        found = filterset.qs
        view.paginator.notes = [*filterset.notes, *filterset.text_notes]
        return found


@_documented("services", serializers.ServiceSerializer)
class ServiceViewSet(ContentLanguageMixin, viewsets.ReadOnlyModelViewSet):
    """Active services of approved members, with their organisation and public locations.

    The list takes the public directory's search parameters: ``q`` (words), ``country``, ``city``, ``category``
    (repeatable), ``population``, ``language``, ``mode``, ``free``, ``open_now``, ``open_24_7``, ``places``,
    ``message``, ``no_documents``, ``no_referral``, ``walk_in``, ``wheelchair``, and a place to search near:
    ``near`` (a city id) or ``lat`` and ``lon``, with ``radius`` in km; ``sort``.
    """

    serializer_class = serializers.ServiceSerializer
    pagination_class = ServicePagination
    filter_backends = [ServiceFilterBackend]
    filterset_class = ServiceFilter

    def get_queryset(self):
        return Service.objects.public().with_listing_data()

    def list(self, request, *args, **kwargs):
        # The search answers the page, as on the directory's pages (``services.search.search``); the filter backend
        # describes its parameters.
        filters = ServiceFilter(request.query_params, queryset=self.get_queryset(), request=request)
        page = self.paginator.paginate_search(filters, request)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def filter_queryset(self, queryset):
        if self.action == "retrieve":
            return queryset  # the search parameters choose among services, not within one
        return super().filter_queryset(queryset)


@_documented("organisations", serializers.OrganisationSerializer)
class OrganisationViewSet(ContentLanguageMixin, viewsets.ReadOnlyModelViewSet):
    """Approved members of the network."""

    serializer_class = serializers.OrganisationSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return (
            Organisation.objects.public()
            .prefetch_related(
                "countries",
                Prefetch(
                    "services",
                    queryset=Service.objects.public().prefetch_related("locations__city").order_by("pk"),
                    to_attr="public_services",
                ),
            )
            .order_by("name", "pk")
        )


@_documented("categories", serializers.CategorySerializer)
class CategoryViewSet(ContentLanguageMixin, viewsets.ReadOnlyModelViewSet):
    """Types of help: main categories (no parent) and their subcategories."""

    serializer_class = serializers.CategorySerializer
    lookup_field = "slug"
    queryset = ServiceCategory.objects.select_related("parent").order_by("order", "slug")


@_documented("countries", serializers.CountrySerializer)
class CountryViewSet(ContentLanguageMixin, viewsets.ReadOnlyModelViewSet):
    """Countries with their emergency number and helplines."""

    serializer_class = serializers.CountrySerializer
    lookup_field = "code"
    lookup_value_regex = "[A-Za-z]{2}"

    def get_queryset(self):
        return Country.objects.prefetch_related(
            Prefetch("helplines", queryset=Helpline.objects.order_by("order", "pk"))
        ).order_by("code")

    def get_object(self):
        self.kwargs[self.lookup_field] = self.kwargs[self.lookup_field].upper()
        return super().get_object()


class UnknownAddressView(ContentLanguageMixin, APIView):
    """Any address under the API that names nothing: a JSON "not found" in the request's language, as every other
    API error, rather than the site's HTML page."""

    schema = None  # not part of the API's description

    def initial(self, request, *args, **kwargs):
        raise exceptions.NotFound(NOT_FOUND)


class DocsView(SpectacularSwaggerSplitView):
    """Swagger UI from our own static files, its settings script from our own URL: nothing inline, no other host."""

    template_name = "services/api_docs.html"
    template_name_js = "services/api_docs.js"
