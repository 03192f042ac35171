from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from services.api import views

app_name = "api"

router = DefaultRouter()
router.register("services", views.ServiceViewSet, basename="service")
router.register("organisations", views.OrganisationViewSet, basename="organisation")
router.register("categories", views.CategoryViewSet, basename="category")
router.register("countries", views.CountryViewSet, basename="country")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", views.DocsView.as_view(url_name="api:schema"), name="docs"),
    path("", include(router.urls)),
    re_path(r"^", views.UnknownAddressView.as_view(), name="unknown"),
]
