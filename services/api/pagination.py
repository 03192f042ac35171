from rest_framework.pagination import PageNumberPagination

from services.paginators import NarrowPaginator


class Pagination(PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100


class ServicePagination(Pagination):
    """Pages of services, with the search's notes: which parameters could not be used, in plain words."""

    notes: list[str] = []
    django_paginator_class = NarrowPaginator

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        response.data["notes"] = [str(note) for note in self.notes]
        return response

    def get_paginated_response_schema(self, schema):
        paginated = super().get_paginated_response_schema(schema)
        paginated["properties"]["notes"] = {
            "type": "array",
            "items": {"type": "string"},
            "description": "Parameters that could not be used (an unknown code, a latitude of 500...) and were "
            "left out of the search, as on the public directory.",
        }
        paginated["required"] = [*paginated.get("required", []), "notes"]
        return paginated
