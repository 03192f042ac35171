"""The staff admin site: a password and a one-time code (TOTP) from a registered device.

``ADMIN_REQUIRE_2FA`` (on in production, off in development so the demo admin can log in) is read on each request,
so a test can switch it.
"""

from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django_otp.admin import OTPAdminAuthenticationForm, OTPAdminSite


class StaffAdminSite(OTPAdminSite):
    def __init__(self, name="admin"):
        super().__init__(name)

    @property
    def login_form(self):
        return OTPAdminAuthenticationForm if settings.ADMIN_REQUIRE_2FA else AdminAuthenticationForm

    @property
    def login_template(self):
        return "otp/admin111/login.html" if settings.ADMIN_REQUIRE_2FA else None

    def get_urls(self):
        from django.urls import path

        from services.views import coverage

        # Staff pages that are not a model's: the coverage map (services.views.coverage).
        return [path("coverage/", self.admin_view(coverage), name="coverage"), *super().get_urls()]

    def has_permission(self, request):
        if not AdminSite.has_permission(self, request):
            return False
        return not settings.ADMIN_REQUIRE_2FA or request.user.is_verified()
