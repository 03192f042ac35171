"""Pages of services that stay fast when a search matches thousands of them."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

from .reading import read_slices, slice_with_count
from .shortcuts import count_up_to

# Broad searches spend their time counting: beyond this many, pages say "at least 1,000".
COUNT_LIMIT = 1000


class NarrowPaginator(Paginator):
    """Reads a page in two steps (``read_slices``): the page's ids in order, then those rows. Results of a search
    (``ServiceQuerySet.from_index``) are counted in the search documents alone.

    ``beside_first_page``: slices of other services, ``(queryset, start, stop[, shown])``, shown beside the first
    page; they are read with it into ``beside``, and only when the first page is.

    ``kept``: what answers the services whose rows need not be read (``services.card_cache.PageCards.kept``)."""

    def __init__(self, *args, beside_first_page=(), kept=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.kept = kept
        self.beside_first_page = list(beside_first_page)
        self.beside = [[] for _part in self.beside_first_page]

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
        beside = self.beside_first_page if number == 1 else []
        page, *read_beside = read_slices([(self.object_list, bottom, top), *beside], kept=self.kept)
        if beside:
            self.beside = read_beside
        return self._get_page(page, number, self)


class CappedPaginator(NarrowPaginator):
    """Counts no further than ``count_limit`` results, so a very broad search stays fast (``capped`` says when the
    count stopped there): its pages go no further than the limit's. Near a place, the count comes with the page's
    rows (``slice_with_count``)."""

    count_limit = COUNT_LIMIT

    def _count_with_page(self, number) -> None:
        """Read page ``number``'s rows with the count, when the search can (``slice_with_count``)."""
        if "count" in self.__dict__ or getattr(self.object_list, "_index", None) is None:
            return
        try:
            wanted = int(number)
        except (TypeError, ValueError):
            wanted = 0
        bottom = (wanted - 1) * self.per_page
        # A page past the limit has no rows to read (and its offset may not fit the database's integers).
        if wanted >= 1 and bottom < self.count_limit:
            read = slice_with_count(self.object_list, bottom, bottom + self.per_page, self.count_limit)
            if read is not None and (read[0] or wanted == 1):
                self.count = min(read[1] or 0, self.count_limit)

    def get_page(self, number):
        # Django's get_page counts first (to check the number): the count may come with the page's rows instead.
        self._count_with_page(number)
        return super().get_page(number)

    def page(self, number):
        self._count_with_page(number)
        return super().page(number)

    @cached_property
    def count(self):
        return count_up_to(self.object_list, self.count_limit)

    @property
    def capped(self) -> bool:
        return self.count >= self.count_limit
