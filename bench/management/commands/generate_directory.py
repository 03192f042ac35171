import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from bench.synthetic import generate_directory


class Command(BaseCommand):
    help = (
        "Fill the database with a synthetic directory for benchmarks: N organisations (marked as demo records, "
        "names saying 'synthetic') with 1.5 locations and 5 services each on average, in the network's countries "
        "and cities, text in four languages; bulk inserts, then the search index and the planner's statistics."
    )

    def add_arguments(self, parser):
        parser.add_argument("--organisations", type=int, required=True, help="How many organisations to generate.")
        parser.add_argument("--seed", type=int, default=1, help="Random seed: the same seed gives the same data.")
        parser.add_argument("--batch-size", type=int, default=1000, help="Organisations written per batch.")
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Generate even though DJANGO_ENV is production (a staging copy, say).",
        )

    def handle(self, *args, organisations, seed, batch_size, allow_production, **options):
        if settings.PRODUCTION and not allow_production:
            raise CommandError(
                "This is a production site (DJANGO_ENV=production): the synthetic directory is fictional and would "
                "be shown to survivors. Use --allow-production only on a staging copy."
            )
        if organisations < 0 or batch_size < 1:
            raise CommandError("--organisations must be 0 or more and --batch-size at least 1.")
        started = time.perf_counter()

        def progress(done, total):
            verbosity = options["verbosity"]
            if verbosity > 1 or (verbosity == 1 and done % (batch_size * 10) == 0 and done < total):
                self.stdout.write(f"  {done}/{total} organisations ({time.perf_counter() - started:.0f} s)")

        try:
            counts = generate_directory(
                organisations=organisations, seed=seed, batch_size=batch_size, progress=progress
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        summary = ", ".join(f"{count} {name.replace('_', ' ')}" for name, count in counts.items())
        self.stdout.write(
            self.style.SUCCESS(f"Synthetic directory generated in {time.perf_counter() - started:.1f} s: {summary}.")
        )
