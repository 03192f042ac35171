from django.urls import path

from members import views

app_name = "members"

urlpatterns = [
    path("join/", views.join, name="join"),
    path("join/thanks/", views.join_done, name="join-done"),
    path("report/", views.report_listing, name="report-listing"),
    path("report/thanks/", views.report_listing_done, name="report-listing-done"),
    path("verify/<str:token>/", views.verify_listing, name="verify"),
]
