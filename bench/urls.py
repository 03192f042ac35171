"""The site's URLs plus the floor of the benchmark: a view that does nothing behind the same middleware stack and
the same language prefix, so the cost of everything else (middleware, URL resolution, the test client) is measured
in the same run as the real pages."""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponse
from django.urls import path

from rssn.urls import urlpatterns as site_urlpatterns


def floor(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [*site_urlpatterns, *i18n_patterns(path("bench-floor/", floor, name="bench-floor"))]
