"""The directory in Open Referral's Human Services Data Specification (HSDS) 3.0, both ways.

- ``mapping``: the one place that says how our models and HSDS meet (ids, taxonomies, days, costs).
- ``export``: the public directory as HSDS organizations with nested services, locations and the rest.
- ``tabular``: the same records as the HSDS tabular data package (one CSV per table) and back.
- ``importer``: HSDS records into our models, created or updated by HSDS id, each in its own transaction.

Export starts from the public querysets and reads locations only through ``public_address`` and ``public_point``
(DESIGN.md, "one gate"), so nothing private or confidential can leave through it.
"""
