from django.urls import path

from members import views

app_name = "members"

urlpatterns = [
    path("join/", views.join, name="join"),
    path("report/", views.report_listing, name="report-listing"),
]
