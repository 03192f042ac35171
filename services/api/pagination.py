from django.core.paginator import InvalidPage
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import NotFound
from rest_framework.pagination import PageNumberPagination

from services.card_cache import PageCards
from services.search import COUNT_LIMIT, CappedPaginator, search


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

    def paginate_search(self, filters, request) -> list:
        """The page of the search ``filters`` asks (a ``services.filters.ServiceFilter``), answered as the
        directory's pages are (``services.search.search``: a repeated search's answer may be kept), and its notes."""
        self.request = request
        self.kept_items = PageCards("api")
        number = request.query_params.get(self.page_query_param) or 1
        try:
            found = search(filters, number, self.get_page_size(request), kept=self.kept_items.kept, strict=True)
        except InvalidPage as exc:
            raise NotFound(self.invalid_page_message.format(page_number=number, message=str(exc))) from exc
        self.page = found.page
        if found.page.paginator.num_pages > 1 and self.template is not None:
            self.display_page_controls = True
        self.notes = [*filters.notes, *filters.text_notes]
        return list(self.page)

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
