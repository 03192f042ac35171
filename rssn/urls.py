from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from rssn import views

urlpatterns = [
    path("", views.language_redirect, name="root"),
    # The JSON API has no language prefix: ?lang= or Accept-Language choose the content language.
    path("api/v1/", include("services.api.urls")),
]

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("", include("members.urls")),
    path("", include("services.urls")),
)
