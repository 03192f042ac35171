from django.urls import path

from services import views

app_name = "services"

# Neutral addresses: nothing in a URL says what the site is about.
urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("services/<int:pk>/", views.service_detail, name="service-detail"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation-detail"),
    path("countries/<str:code>/", views.country_detail, name="country-detail"),
    path("list/", views.referral_list, name="referral-list"),
    path("safety/", views.safety, name="safety"),
    path("about/", views.InformationPage.as_view(template_name="services/about.html"), name="about"),
    path("help/", views.InformationPage.as_view(template_name="services/help.html"), name="help"),
    path(
        "what-to-expect/",
        views.InformationPage.as_view(template_name="services/what_to_expect.html"),
        name="what-to-expect",
    ),
]
