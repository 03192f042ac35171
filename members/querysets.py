"""Reads: what the public may see starts here."""

from django.db import models


class OrganisationQuerySet(models.QuerySet):
    def public(self):
        """Approved members only: applied, suspended, rejected and withdrawn ones never leave the server."""
        return self.filter(status=self.model.Status.APPROVED)

    def awaiting_decision(self):
        return self.filter(status__in=[self.model.Status.APPLIED, self.model.Status.UNDER_REVIEW]).order_by(
            "status_changed_at", "pk"
        )

    def stale(self, *, before):
        """Listings whose last verification is older than ``before`` (or that were never verified)."""
        return self.filter(models.Q(last_verified_on__lt=before) | models.Q(last_verified_on__isnull=True))


class LocationQuerySet(models.QuerySet):
    def current(self):
        """Locations not closed for good (a removal approved: ``withdrawn_on``)."""
        return self.filter(withdrawn_on__isnull=True)

    def public(self):
        """Current service points of approved members. Read their address only through ``public_address``."""
        return self.current().filter(organisation__status="approved")


class CityQuerySet(models.QuerySet):
    def listed(self):
        """The cities public forms offer: not those an applicant typed until her application is approved (anyone
        could write text into a public page through them)."""
        return self.filter(proposed=False)


class OrganisationMemberQuerySet(models.QuerySet):
    def active(self):
        """Member accounts that may sign in: not revoked."""
        return self.filter(revoked_at__isnull=True, user__is_active=True)


class ProposedChangeQuerySet(models.QuerySet):
    def pending(self):
        """Proposals waiting for a coordinator's decision, oldest first."""
        return self.filter(status=self.model.Status.PENDING).order_by("proposed_at", "pk")

    def decided(self):
        return self.exclude(status=self.model.Status.PENDING)

    def for_countries(self, countries):
        """Proposals for organisations working in one of ``countries`` (countries or their ids, or a queryset):
        each proposal once, even when its organisation works in several of them."""
        inside = self.model._default_manager.filter(organisation__countries__in=countries).values("pk")
        return self.filter(pk__in=inside)

    def for_organisation(self, organisation):
        return self.filter(organisation=organisation)

    def for_record(self, record):
        from django.contrib.contenttypes.models import ContentType

        return self.filter(target_type=ContentType.objects.get_for_model(record), target_id=record.pk)
