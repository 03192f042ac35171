"""Pages of services that stay fast when a search matches thousands of them."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property


class NarrowPaginator(Paginator):
    """Reads a page in two steps (``ServiceQuerySet.narrow_slice``): the page's ids in order, then those rows.
    Results of a search (``ServiceQuerySet.from_index``) are counted in the search documents alone."""

    @cached_property
    def count(self):
        index = getattr(self.object_list, "_index", None)
        return index.order_by().count() if index is not None else super().count

    def page(self, number):
        if not hasattr(self.object_list, "narrow_slice"):
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        return self._get_page(self.object_list.narrow_slice(bottom, top), number, self)
