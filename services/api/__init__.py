"""The public JSON API at /api/v1/: read-only, anonymous, built from the same public querysets and filters as the
public directory's pages (``Service.objects.public()``, ``services.filters.ServiceFilter``)."""
