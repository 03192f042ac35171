from django.urls import path

from services import account_views

app_name = "account"

urlpatterns = [
    path("", account_views.home, name="home"),
    path("sign-in/", account_views.sign_in, name="sign-in"),
    path("sign-out/", account_views.sign_out, name="sign-out"),
    path("password/", account_views.password_reset, name="password-reset"),
    path("password/change/", account_views.password_change, name="password-change"),
    path("password/<str:uidb64>/<str:token>/", account_views.reset_confirm, name="reset-confirm"),
    path("welcome/<str:uidb64>/<str:token>/", account_views.welcome, name="welcome"),
    path("two-step/", account_views.two_step, name="two-step"),
    path("two-step/off/", account_views.two_step_off, name="two-step-off"),
    path("proposal/<int:pk>/", account_views.proposal_change, name="proposal"),
    path("proposal/<int:pk>/withdraw/", account_views.proposal_withdraw, name="proposal-withdraw"),
    path("organisation/", account_views.edit, {"kind": "organisation"}, name="organisation"),
    path("<str:kind>/new/", account_views.add, name="add"),
    path("<str:kind>/<int:pk>/", account_views.edit, name="edit"),
    path("<str:kind>/<int:pk>/closure/", account_views.closure, name="closure"),
    path("<str:kind>/<int:pk>/closure/end/", account_views.closure_end, name="closure-end"),
    path("service/<int:pk>/places/", account_views.places, name="places"),
    path("<str:kind>/<int:pk>/remove/", account_views.remove, name="remove"),
]
