"""Context shared by every page."""

from django.conf import settings
from django.core.cache import cache

DEMO_CACHE_KEY = "rssn:demo-data-present"


def demo_data_present() -> bool:
    """Whether the database holds demo records; cached briefly, it is asked on every page."""
    present = cache.get(DEMO_CACHE_KEY)
    if present is None:
        from members.models import Organisation

        present = Organisation.objects.filter(is_demo=True).exists()
        cache.set(DEMO_CACHE_KEY, present, 60)
    return present


def site(request):
    return {
        "QUICK_EXIT_URL": settings.QUICK_EXIT_URL,
        "DEMO_DATA": demo_data_present(),
    }
