from django.utils.translation import gettext_lazy as _
from rest_framework.pagination import PageNumberPagination

from services.card_cache import PageCards
from services.search import COUNT_LIMIT, CappedPaginator


class Pagination(PageNumberPagination):
    page_size = 20
    invalid_page_message = _("There is no such page of results: the results have fewer pages.")
    page_size_query_param = "page_size"
    max_page_size = 100


class ServicePagination(Pagination):
    """Pages of services, with the search's notes: which parameters could not be used, in plain words. As on the
    directory's pages, counts stop at ``COUNT_LIMIT`` (``count_capped`` says so)."""

    notes: list[str] = []
    kept_items: PageCards | None = None

    def paginate_queryset(self, queryset, request, view=None):
        # The API's items kept in this process (``services.card_cache``): their rows are not read.
        self.kept_items = PageCards("api")
        return super().paginate_queryset(queryset, request, view)

    def django_paginator_class(self, queryset, page_size):
        return CappedPaginator(queryset, page_size, kept=self.kept_items.kept if self.kept_items else None)

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        response.data["count_capped"] = self.page.paginator.capped
        response.data["notes"] = [str(note) for note in self.notes]
        return response

    def get_paginated_response_schema(self, schema):
        paginated = super().get_paginated_response_schema(schema)
        paginated["properties"]["count"]["description"] = (
            f"The services found, counted up to {COUNT_LIMIT}: a broader search says {COUNT_LIMIT} and count_capped, "
            "and its pages go no further. Narrow the search to see the rest."
        )
        paginated["properties"]["count_capped"] = {
            "type": "boolean",
            "description": f"True when the search found at least {COUNT_LIMIT} services and count stopped there.",
        }
        paginated["properties"]["notes"] = {
            "type": "array",
            "items": {"type": "string"},
            "description": "Parameters that could not be used (an unknown code, a latitude of 500...) and were "
            "left out of the search, as on the public directory.",
        }
        paginated["required"] = [*paginated.get("required", []), "count_capped", "notes"]
        return paginated
