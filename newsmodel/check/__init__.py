"""Checks on what newsmodel writes or reads: the JSON Schema, the SHACL shapes, the Google Article lint.

Each module checks one thing and returns findings or raises
``ValidationError``; none of them changes what it checks:

- ``schema``: plain JSON against ``schemas/newsarticle.schema.json`` (Draft 2020-12);
- ``shacl``: RDF against ``schemas/newsmodel.shacl.ttl``;
- ``lint``: JSON-LD against Google's Article structured-data recommendations.
"""
