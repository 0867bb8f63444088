"""SHACL shapes of our profile: our RDF conforms, broken graphs fail with readable findings."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from _store_helpers import article
from hypothesis import HealthCheck, given, settings
from strategies import articles

from newsmodel.check.shacl import check_graph, shapes_graph, validate_file
from newsmodel.errors import FormatError, ValidationError
from newsmodel.model import AgreementStatus, EventKind, NewsArticle
from newsmodel.serialize.rdf import to_nquads, to_ntriples, to_rdflib, to_turtle

ROOT = Path(__file__).resolve().parents[1]
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
PREFIXES = """
@prefix schema: <http://schema.org/> .
@prefix nm: <https://w3id.org/newsmodel#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
GOOD_ARTICLE = '<urn:a> a schema:NewsArticle ; schema:headline "H" .\n'


def findings_of(turtle: str) -> list[tuple[str, str, str, str]]:
    report = check_graph(rdflib.Graph().parse(data=PREFIXES + turtle, format="turtle"))
    return [(f.severity, f.focus, f.path, f.message) for f in report.findings]


def violations_of(turtle: str) -> list[tuple[str, str, str]]:
    return [
        (focus, path, message)
        for severity, focus, path, message in findings_of(turtle)
        if severity == "Violation"
    ]


def test_shipped_copy_equals_the_schema_file() -> None:
    """The shapes shipped in the package are byte-identical to schemas/newsmodel.shacl.ttl."""
    shipped = (ROOT / "newsmodel" / "data" / "newsmodel.shacl.ttl").read_bytes()
    assert shipped == (ROOT / "schemas" / "newsmodel.shacl.ttl").read_bytes()


def test_enumerations_in_shapes_match_the_model() -> None:
    """The sh:in lists of event kinds and agreement statuses are exactly the model's enum values."""
    shapes = shapes_graph()
    lists = []
    for node in shapes.objects(None, SH["in"]):
        lists.append({str(item) for item in rdflib.collection.Collection(shapes, node)})
    assert {value.value for value in EventKind} in lists
    assert {value.value for value in AgreementStatus} in lists


def test_seed_conforms_with_only_google_warnings(seed: NewsArticle) -> None:
    """The seed article has no violation; its warnings are only Google-recommended properties it lacks."""
    report = check_graph(to_rdflib(seed))
    assert report.conforms, report.text()
    assert report.violations == ()
    for finding in report.warnings:
        assert finding.message.startswith("Google recommends"), finding
        assert finding.path in {
            "schema:author",
            "schema:publisher",
            "schema:image",
            "schema:dateModified",
            "schema:datePublished",
        }


def test_complete_article_has_no_findings() -> None:
    """An article with author, publisher, image and both dates raises no warning at all."""
    import datetime as dt

    import attrs

    from newsmodel.model import Organization, OrganizationKind

    base = article(1)
    full = attrs.evolve(
        base,
        authors=(base.people[0],),
        publisher=Organization(
            id="https://news.example/org/pub", name="Pub", kind=OrganizationKind.NEWS_MEDIA
        ),
        date_modified=dt.datetime(2020, 1, 2, tzinfo=dt.UTC),
    )
    assert check_graph(to_rdflib(full)).findings == ()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_every_generated_article_conforms(generated: NewsArticle) -> None:
    """Whatever valid model the strategies draw, its RDF has no SHACL violation."""
    report = check_graph(to_rdflib(generated))
    assert report.conforms, report.text()


def test_missing_and_double_headline_are_violations() -> None:
    """No headline, or two, is a violation on the article's schema:headline."""
    assert violations_of("<urn:a> a schema:NewsArticle .") == [
        ("<urn:a>", "schema:headline", "a NewsArticle needs exactly one headline, a non-empty string")
    ]
    assert [v[1] for v in violations_of('<urn:a> a schema:NewsArticle ; schema:headline "x", "y" .')] == [
        "schema:headline"
    ]


def test_literal_datatypes_are_checked() -> None:
    """A headline that is a number, or a date that is a plain string, is a violation."""
    assert [v[1] for v in violations_of("<urn:a> a schema:NewsArticle ; schema:headline 42 .")] == [
        "schema:headline"
    ]
    found = violations_of(GOOD_ARTICLE + '<urn:a> schema:datePublished "yesterday" .')
    assert [v[1] for v in found] == ["schema:datePublished"]


def test_google_properties_are_warnings_not_violations() -> None:
    """A bare article conforms but warns for author, publisher, image, datePublished and dateModified."""
    found = findings_of(GOOD_ARTICLE)
    assert {severity for severity, *_ in found} == {"Warning"}
    assert sorted(path for _, _, path, _ in found) == [
        "schema:author",
        "schema:dateModified",
        "schema:datePublished",
        "schema:image",
        "schema:publisher",
    ]


def test_quotation_without_text_is_a_violation() -> None:
    """A Quotation needs exactly one text."""
    assert violations_of("<urn:q> a schema:Quotation .") == [
        ("<urn:q>", "schema:text", "a Quotation has exactly one text, a non-empty string")
    ]


def test_agreement_with_one_party_is_a_violation() -> None:
    """An Agreement with a single party breaks the two-or-more rule."""
    found = violations_of(
        '<urn:g> a schema:CreativeWork ; schema:additionalType nm:Agreement ; schema:name "deal" ; '
        'nm:party <urn:x> ; nm:status "agreed" .'
    )
    assert found == [
        (
            "<urn:g>",
            "nm:party",
            "an Agreement has two or more parties, IRIs of people, organizations or countries",
        )
    ]


def test_person_without_name_and_bad_event_kind_are_violations() -> None:
    """A nameless Person and an Event with an unknown kind are both reported, each on its own path."""
    found = violations_of(
        '<urn:p> a schema:Person . <urn:e> a schema:Event ; schema:name "e" ; nm:eventKind "party" .'
    )
    assert ("<urn:p>", "schema:name") in [(f, p) for f, p, _ in found]
    assert ("<urn:e>", "nm:eventKind") in [(f, p) for f, p, _ in found]


def test_span_with_end_before_start_is_a_violation() -> None:
    """Evidence spans need integer offsets with start <= end."""
    found = violations_of(
        '<urn:p> a schema:Person ; schema:name "P" ; nm:evidence [ nm:start 9 ; nm:end 3 ] .'
    )
    assert [path for _, path, _ in found] == ["nm:start"]


def test_report_text_is_readable_and_raises_validation_error() -> None:
    """Each finding prints as severity, focus, path, message; violations raise ValidationError."""
    report = check_graph(
        rdflib.Graph().parse(data=PREFIXES + "<urn:q> a schema:Quotation .", format="turtle")
    )
    assert (
        report.text()
        == "Violation: <urn:q> schema:text: a Quotation has exactly one text, a non-empty string"
    )
    with pytest.raises(ValidationError) as caught:
        report.raise_for_violations("q.ttl")
    assert caught.value.errors == [
        ("<urn:q> schema:text", "a Quotation has exactly one text, a non-empty string")
    ]
    assert str(caught.value).startswith("q.ttl breaks the newsmodel SHACL shapes (1 violations)")


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".nq"])
def test_validate_file_reads_every_rdf_syntax(tmp_path: Path, suffix: str) -> None:
    """validate_file() checks Turtle, N-Triples and N-Quads files of our RDF alike."""
    one = article(1)
    text = {".ttl": to_turtle, ".nt": to_ntriples, ".nq": to_nquads}[suffix](one)
    path = tmp_path / f"a{suffix}"
    path.write_text(text, encoding="utf-8")
    report = validate_file(path)
    assert report.conforms
    assert {f.path for f in report.warnings} == {"schema:author", "schema:publisher", "schema:dateModified"}


def test_validate_file_on_a_broken_graph_and_a_broken_file(tmp_path: Path) -> None:
    """A parsable file with violations gives a non-conforming report; an unparsable one raises FormatError."""
    broken = tmp_path / "broken.ttl"
    broken.write_text(PREFIXES + "<urn:a> a schema:NewsArticle .", encoding="utf-8")
    assert not validate_file(broken).conforms
    garbage = tmp_path / "garbage.ttl"
    garbage.write_text("<urn:a> this is not turtle", encoding="utf-8")
    with pytest.raises(FormatError, match=r"garbage\.ttl: does not parse as turtle"):
        validate_file(garbage)
    with pytest.raises(FormatError, match="cannot tell the RDF format"):
        validate_file(tmp_path / "x.rdf")


def test_mapper_output_for_the_seed_conforms() -> None:
    """What the mapper builds from the seed's text and sidecar has no SHACL violation."""
    from seed_article import SEED_STEM, SEEDS

    from newsmodel import read_path

    mapped = read_path(SEEDS / f"{SEED_STEM}.txt")
    report = check_graph(to_rdflib(mapped))
    assert report.conforms, report.text()
