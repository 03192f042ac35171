from django.contrib.admin.apps import AdminConfig


class StaffAdminConfig(AdminConfig):
    """The Django admin, with a site that asks staff for a one-time code when ``ADMIN_REQUIRE_2FA`` is on."""

    default_site = "rssn.admin_site.StaffAdminSite"

    def ready(self):
        super().ready()
        from django.contrib.auth.signals import user_logged_in

        from rssn.middleware import mark_session_seen

        user_logged_in.connect(mark_session_seen, dispatch_uid="rssn-session-seen")
