from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from rssn import views

urlpatterns = [
    path("", views.language_redirect, name="root"),
]

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("", include("members.urls")),
    path("", include("services.urls")),
)
