from django.contrib.admin.apps import AdminConfig


class StaffAdminConfig(AdminConfig):
    """The Django admin, with a site that asks staff for a one-time code when ``ADMIN_REQUIRE_2FA`` is on."""

    default_site = "rssn.admin_site.StaffAdminSite"
