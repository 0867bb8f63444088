"""The Google Article profile lint: findings, severities, pointers, and the ``lint`` command."""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from _shared import SHARED

from newsmodel.check.lint import Finding, Severity, has_critical, lint
from newsmodel.cli import _lint as lint_cli
from newsmodel.errors import LintError
from newsmodel.model import Image, NewsArticle, Organization, OrganizationKind, Person

GOOD: dict[str, Any] = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "Council passes budget after long debate",
    "datePublished": "2019-11-19T21:57:01+00:00",
    "dateModified": "2019-11-20T08:00:00-05:00",
    "author": [
        {"@type": "Person", "name": "Jane Doe", "url": "https://gazette.example/staff/jane-doe"},
        {"@type": "Organization", "name": "Metro Desk", "sameAs": "https://gazette.example/metro"},
    ],
    "publisher": {
        "@type": "NewsMediaOrganization",
        "name": "Example Gazette",
        "logo": {"@type": "ImageObject", "url": "https://gazette.example/logo.png"},
    },
    "image": [
        {"@type": "ImageObject", "url": "https://gazette.example/a169.jpg", "width": 1600, "height": 900},
        {"@type": "ImageObject", "url": "https://gazette.example/a43.jpg", "width": "1200", "height": "900"},
        {
            "@type": "ImageObject",
            "url": "https://gazette.example/a11.jpg",
            "width": {"@type": "QuantitativeValue", "value": 1000},
            "height": {"value": 1000},
        },
    ],
}


def findings_at(doc: Any, pointer: str) -> list[Finding]:
    return [f for f in lint(doc) if f.pointer == pointer]


def changed(**updates: Any) -> dict[str, Any]:
    doc = copy.deepcopy(GOOD)
    for key, value in updates.items():
        if value is None:
            doc.pop(key, None)
        else:
            doc[key] = value
    return doc


def test_good_article_has_no_findings() -> None:
    """An article that follows every recommendation gives no finding at all."""
    assert lint(GOOD) == []


def test_missing_headline_is_a_warning_and_length_is_not_checked() -> None:
    """Google recommends a headline (no property is required) and sets no length limit any more."""
    assert [f.severity for f in findings_at(changed(headline=None), "/headline")] == [Severity.WARNING]
    assert findings_at(changed(headline="word " * 30), "/headline") == []
    assert [f.severity for f in findings_at(changed(headline="  "), "/headline")] == [Severity.CRITICAL]


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("By Jane Doe", '"By"'),
        ("Jane Doe and John Roe", "two people"),
        ("Jane Doe & John Roe", "two people"),
        ("Jane Doe; John Roe", "two people"),
    ],
)
def test_author_name_hygiene_is_critical(name: str, fragment: str) -> None:
    """'By' and two people in one name are critical, pointed at /author/0/name."""
    doc = changed(author=[{"@type": "Person", "name": name, "url": "https://x.example/a"}])
    found = findings_at(doc, "/author/0/name")
    assert any(f.severity is Severity.CRITICAL and fragment in f.message for f in found), found


def test_job_title_and_publisher_in_name_are_warnings() -> None:
    """A job title or the publisher's name inside a person's name are warnings."""
    doc = changed(
        author=[
            {"@type": "Person", "name": "Jane Doe, Senior Reporter", "url": "https://x.example/a"},
            {"@type": "Person", "name": "Jane Doe Example Gazette", "url": "https://x.example/b"},
        ]
    )
    first, second = findings_at(doc, "/author/0/name"), findings_at(doc, "/author/1/name")
    assert any(f.severity is Severity.WARNING and "job title" in f.message for f in first)
    assert any(f.severity is Severity.WARNING and "publisher" in f.message for f in second)


def test_author_types() -> None:
    """A string author or one without a name are critical; an untyped or mistyped one a warning."""
    doc = changed(
        author=["Jane Doe", {"name": "John Roe"}, {"@type": "Person"}, {"@type": "Thing", "name": "X"}]
    )
    critical = {f.pointer for f in lint(doc) if f.severity is Severity.CRITICAL}
    warnings = {f.pointer for f in lint(doc) if f.severity is Severity.WARNING}
    assert {"/author/0", "/author/2/name"} <= critical
    assert {"/author/1", "/author/3"} <= warnings


def test_single_author_object_pointer() -> None:
    """A single author object (not a list) is pointed at as /author."""
    doc = changed(author={"@type": "Person", "name": "By Jane Doe"})
    assert {f.pointer for f in lint(doc)} >= {"/author/name", "/author"}


@pytest.mark.parametrize(
    ("value", "severity", "fragment"),
    [
        ("19/11/2019", Severity.CRITICAL, "not ISO 8601"),
        ("2019-02-30T10:00:00Z", Severity.CRITICAL, "not a real date"),
        (20191119, Severity.CRITICAL, "ISO 8601"),
        ("2019-11-19T21:57:01", Severity.WARNING, "time zone"),
        ("2019-11-19", Severity.WARNING, "without a time"),
        ("2019-11-19 21:57:01+08:00", Severity.WARNING, "space"),
        ({"@type": "xsd:dateTime", "@value": "2019-11-19T21:57:01Z"}, None, ""),
    ],
)
def test_dates(value: Any, severity: Severity | None, fragment: str) -> None:
    """Dates must be ISO 8601; no offset or no time is a warning; typed value objects are read."""
    found = findings_at(changed(datePublished=value), "/datePublished")
    if severity is None:
        assert found == []
    else:
        assert any(f.severity is severity and fragment in f.message for f in found), found


def test_modified_before_published_is_a_warning() -> None:
    """dateModified earlier than datePublished is flagged."""
    doc = changed(dateModified="2019-11-18T00:00:00+00:00")
    assert any("earlier" in f.message for f in findings_at(doc, "/dateModified"))


def test_images() -> None:
    """Small images, missing aspect ratios and missing images are warnings; a bad image URL is critical."""
    tiny = {"@type": "ImageObject", "url": "https://x.example/s.jpg", "width": 200, "height": 200}
    found = lint(changed(image=[tiny]))
    assert any(
        f.pointer == "/image/0" and f.severity is Severity.WARNING and "50,000" in f.message for f in found
    )
    assert any(f.pointer == "/image" and "16x9, 4x3" in f.message for f in found)
    assert [f.severity for f in findings_at(changed(image=None), "/image")] == [Severity.WARNING]
    bad_url = changed(image="not a url")
    assert [f.severity for f in findings_at(bad_url, "/image")] == [Severity.CRITICAL]


def test_publisher_is_not_on_googles_list() -> None:
    """Google's Article page lists no publisher property: a missing or bare publisher gives no finding."""
    assert findings_at(changed(publisher=None), "/publisher") == []
    assert lint(changed(publisher={"@type": "Organization", "name": "Example Gazette"})) == []


@pytest.mark.parametrize(
    "scheme", ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "vbscript:x"]
)
def test_script_urls_are_critical(scheme: str) -> None:
    """A non-http(s) url on the article, an author or the publisher is critical (a page links it)."""
    doc = changed(
        url=scheme,
        author=[{"@type": "Person", "name": "Jane Doe", "url": scheme}],
        publisher={"@type": "Organization", "name": "Example Gazette", "url": scheme},
    )
    critical = {f.pointer for f in lint(doc) if f.severity is Severity.CRITICAL}
    assert {"/url", "/author/0/url", "/publisher/url"} <= critical


def test_graph_documents_and_references() -> None:
    """Articles inside @graph are found; @id references to authors are followed; pointers are rooted."""
    article = changed(author={"@id": "#jane"})
    graph = {
        "@context": "https://schema.org",
        "@graph": [{"@type": "Person", "@id": "#jane", "name": "By Jane Doe"}, article],
    }
    found = lint(graph)
    assert any(f.pointer == "/@graph/1/author/name" and '"By"' in f.message for f in found), found


def test_no_article_and_not_json() -> None:
    """A document with no article node is one critical finding; text that is not JSON is a LintError."""
    assert [f.severity for f in lint({"@type": "WebSite"})] == [Severity.CRITICAL]
    with pytest.raises(LintError):
        lint("{not json")


def test_model_articles_are_linted() -> None:
    """A NewsArticle is linted through its JSON-LD; ours has typed authors and a named publisher."""
    article = NewsArticle(
        id="https://gazette.example/a",
        headline="Council passes budget",
        date_published=dt.datetime(2019, 11, 19, 21, 57, tzinfo=dt.UTC),
        date_modified=dt.datetime(2019, 11, 19, 22, 57, tzinfo=dt.UTC),
        authors=(
            Person(
                id="https://w3id.org/newsmodel/id/person/jane-doe",
                name="Jane Doe",
                url="https://gazette.example/jane",
            ),
        ),
        publisher=Organization(
            id="https://w3id.org/newsmodel/id/organization/gazette",
            name="Gazette",
            kind=OrganizationKind.NEWS_MEDIA,
            logo="https://gazette.example/logo.png",
        ),
        images=(Image(url="https://gazette.example/a.jpg", width=1600, height=900),),
    )
    found = lint(article)
    assert not has_critical(found), found
    assert all(f.pointer.startswith("/image") for f in found), found
    bad = NewsArticle(
        id="https://gazette.example/b",
        headline="h",
        authors=(Person(id="https://w3id.org/newsmodel/id/person/x", name="By X and Y"),),
    )
    assert has_critical(lint(bad))


# --------------------------------------------------------------------------- the command


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="newsmodel")
    lint_cli.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    status = args.handler(args)
    out, err = capsys.readouterr()
    return status, out, err


def test_cli_exit_status_follows_critical_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`newsmodel lint` exits 0 with warnings only and 1 when a critical finding remains."""
    good = tmp_path / "good.jsonld"
    good.write_text(json.dumps(changed(dateModified=None)), encoding="utf-8")
    status, out, err = run(["lint", str(good)], capsys)
    assert status == 0 and "warning /dateModified" in out and "0 critical, 1 warnings" in err
    bad = tmp_path / "bad.jsonld"
    bad.write_text(json.dumps(changed(author={"@type": "Person", "name": "By Jane Doe"})), encoding="utf-8")
    status, out, _ = run(["lint", str(bad), "--json"], capsys)
    assert status == 1
    assert {
        "severity": "critical",
        "pointer": "/author/name",
        "message": 'name starts with "By"; give the name only',
    } in json.loads(out)


def test_cli_reads_html_pages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """For a page, the lint reads the page's own ld+json blocks."""
    page = tmp_path / "page.html"
    block = json.dumps(changed(author="By Jane Doe"))
    page.write_text(
        f'<html><head><script type="application/ld+json">{block}</script></head>'
        "<body><h1>Council passes budget</h1></body></html>",
        encoding="utf-8",
    )
    status, out, _ = run(["lint", str(page)], capsys)
    assert status == 1 and "critical /author: is a plain string" in out


def test_cli_help_documents_exit_status(capsys: pytest.CaptureFixture[str]) -> None:
    """--help explains exit 0 (no critical) and 1 (critical findings remain)."""
    with pytest.raises(SystemExit):
        run(["lint", "--help"], capsys)
    out = capsys.readouterr().out
    assert "exit status" in out and "0  no critical finding" in out and "1  at least one critical" in out


def test_cli_unreadable_file_is_a_lint_error(tmp_path: Path) -> None:
    """A .jsonld that is not JSON raises LintError (the CLI prints one error line, exit 1)."""
    broken = tmp_path / "x.jsonld"
    broken.write_text("{nope", encoding="utf-8")
    with pytest.raises(LintError, match="not JSON"):
        lint_cli.load_lint_target(broken)


def test_metadata_of_real_pages_lints_without_critical_findings() -> None:
    """For the 30 real pages, an article built from what the reader found has no critical finding."""
    from newsmodel.extract.credits import authors_of, publisher_of
    from newsmodel.read.html import read_html_document

    pages = SHARED / "corpus" / "pages"
    truth = json.loads((pages / "ground-truth.json").read_text(encoding="utf-8"))
    assert len(truth) == 30
    for page_id, item in sorted(truth.items()):
        doc = read_html_document((pages / f"{page_id}.html.gz").read_bytes(), url=item["url"])
        publisher = publisher_of(doc.meta)
        article = NewsArticle(
            id=doc.meta.url or item["url"],
            url=doc.meta.url,
            headline=doc.headline,
            article_body=doc.body,
            date_published=doc.meta.date_published,
            date_modified=doc.meta.date_modified,
            in_language=doc.meta.language,
            section=doc.meta.section,
            images=doc.meta.images,
            authors=authors_of(doc.meta, publisher, {}),
            publisher=publisher,
        )
        critical = [str(f) for f in lint(article) if f.severity is Severity.CRITICAL]
        assert critical == [], (page_id, critical)


def test_cli_reads_our_own_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], seed: NewsArticle
) -> None:
    """A .json file of newsmodel's own JSON is read as a model and linted through its JSON-LD."""
    from newsmodel.serialize.json import dumps as json_dumps

    path = tmp_path / "seed.json"
    path.write_text(json_dumps(seed), encoding="utf-8")
    status, out, _ = run(["lint", str(path)], capsys)
    assert status == 0
    assert "warning /image: missing" in out and "critical" not in out
