"""Pages of services that stay fast when a search matches thousands of them."""

from django.core.paginator import Paginator


class NarrowPaginator(Paginator):
    """Reads a page in two steps (``ServiceQuerySet.narrow_slice``): the page's ids in order, then those rows."""

    def page(self, number):
        if not hasattr(self.object_list, "narrow_slice"):
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        return self._get_page(self.object_list.narrow_slice(bottom, top), number, self)
