from django.urls import path

from services import onboarding_views, views

app_name = "services"

# Neutral addresses: nothing in a URL says what the site is about.
urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("services/<int:pk>/", views.service_detail, name="service-detail"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation-detail"),
    path("countries/<str:code>/", views.country_detail, name="country-detail"),
    path("list/", views.referral_list, name="referral-list"),
    path("card/", views.country_card, name="country-card"),
    path("safety/", views.safety, name="safety"),
    path("about/", views.InformationPage.as_view(template_name="services/about.html"), name="about"),
    path("help/", views.InformationPage.as_view(template_name="services/help.html"), name="help"),
    path(
        "what-to-expect/",
        views.InformationPage.as_view(template_name="services/what_to_expect.html"),
        name="what-to-expect",
    ),
    # Onboarding: joining the network, reporting wrong information, a member confirming her listing.
    path("join/", onboarding_views.join, name="join"),
    path("join/thanks/", onboarding_views.join_done, name="join-done"),
    path("join/update/<str:token>/", onboarding_views.join_update, name="join-update"),
    path("report/", onboarding_views.report_listing, name="report-listing"),
    path("report/thanks/", onboarding_views.report_listing_done, name="report-listing-done"),
    path("verify/<str:token>/", onboarding_views.verify_listing, name="verify"),
]
