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
    def public(self):
        """Service points of approved members. Read their address only through ``public_address``."""
        return self.filter(organisation__status="approved")


class CityQuerySet(models.QuerySet):
    def listed(self):
        """The cities public forms offer: not those an applicant typed until her application is approved (anyone
        could write text into a public page through them)."""
        return self.filter(proposed=False)
