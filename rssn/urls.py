from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from rssn import views
from services.sitemaps import SITEMAPS

urlpatterns = [
    path("", views.language_redirect, name="root"),
    # The JSON API has no language prefix: ?lang= or Accept-Language choose the content language.
    path("api/v1/", include("services.api.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
]

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("account/", include("services.account_urls")),
    path("", include("services.urls")),
)

handler403 = "rssn.views.permission_denied"
