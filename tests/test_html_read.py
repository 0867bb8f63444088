"""Reading web pages: metadata from JSON-LD, OpenGraph and meta tags; bylines; the body."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from newsmodel.extract.credits import authors_of, publisher_of
from newsmodel.model import Organization, Person
from newsmodel.read._bylines import clean_name, is_organization_name, split_byline
from newsmodel.read._html_dates import parse_date
from newsmodel.read._loose_json import loads_loose
from newsmodel.read.html import read_html_document, read_page

PARAGRAPHS = [
    "The city council voted on Tuesday to approve a new budget for the coming year, ending months of debate.",
    "Council members said the plan would fund road repairs, two new libraries and more staff for parks.",
    "\u201cThis is a budget for every neighbourhood,\u201d the council chair told reporters after the vote.",
    "Opponents argued that the spending was too high and that taxes would have to rise within two years.",
    "The budget takes effect in January after a final reading next month, officials said on Tuesday.",
]


def page(head: str = "", byline: str = "", extra_body: str = "", lang: str = "en") -> str:
    """A synthetic article page: ``head`` markup, a visible byline, five paragraphs."""
    paras = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Council passes budget | '
        f"Example Gazette</title>{head}</head><body><header><nav><a href='/'>Home</a> "
        "<a href='/news'>News</a></nav></header><main><article>"
        "<h1>Council passes budget after long debate</h1>"
        f"{byline}{paras}{extra_body}</article></main><footer><p>Copyright Example Gazette. All rights "
        "reserved.</p></footer></body></html>"
    )


def ld(data: object, wrap: str = "{}") -> str:
    """A JSON-LD script element holding ``data``, its text wrapped by ``wrap``."""
    text = data if isinstance(data, str) else json.dumps(data)
    return f'<script type="application/ld+json">{wrap.format(text) if wrap != "{}" else text}</script>'


ARTICLE = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "Council passes budget after long debate",
    "datePublished": "2019-11-19T21:57:01+0000",
    "dateModified": "2019-11-20T08:00:00-05:00",
    "author": [
        {
            "@type": "Person",
            "name": "By Jane Doe",
            "url": "https://gazette.example/staff/jane-doe",
            "sameAs": ["https://twitter.example/janedoe"],
        },
        {"@type": "Person", "name": "John Roe, Senior Writer"},
    ],
    "publisher": {
        "@type": "NewsMediaOrganization",
        "name": "Example Gazette",
        "logo": {"@type": "ImageObject", "url": "/logo.png"},
    },
    "image": [
        {"@type": "ImageObject", "url": "https://gazette.example/img/a.jpg", "width": "1200", "height": 675},
        "https://gazette.example/img/b.jpg",
    ],
    "articleSection": "Local",
    "inLanguage": "en-GB",
}


def test_jsonld_metadata_is_read() -> None:
    """Every field of a clean JSON-LD block lands in Metadata, dates with their offsets."""
    doc = read_html_document(page(ld(ARTICLE)), url="https://gazette.example/2019/budget")
    meta = doc.meta
    assert doc.headline == "Council passes budget after long debate"
    assert meta.url == "https://gazette.example/2019/budget"
    assert meta.date_published == dt.datetime(2019, 11, 19, 21, 57, 1, tzinfo=dt.UTC)
    assert meta.date_modified is not None and isinstance(meta.date_modified, dt.datetime)
    assert meta.date_modified.utcoffset() == dt.timedelta(hours=-5)
    assert meta.authors == ("Jane Doe", "John Roe")
    assert meta.author_urls == ("https://gazette.example/staff/jane-doe", None)
    assert meta.publisher == "Example Gazette"
    assert meta.publisher_logo == "https://gazette.example/logo.png"
    assert [(i.url, i.width, i.height) for i in meta.images] == [
        ("https://gazette.example/img/a.jpg", 1200, 675),
        ("https://gazette.example/img/b.jpg", None, None),
    ]
    assert meta.section == "Local"
    assert meta.language == "en-GB"


def test_body_is_the_article_not_the_page() -> None:
    """The body holds the paragraphs, not navigation, footer or the repeated headline."""
    doc = read_html_document(page(ld(ARTICLE)))
    assert doc.body.split("\n\n") == PARAGRAPHS
    assert "Home" not in doc.body and "Copyright" not in doc.body
    assert doc.paragraphs[0] == (0, len(doc.headline))


def test_related_links_and_stamps_are_dropped() -> None:
    """'Related:' lines, lists of links to other stories and bare time stamps are not body text."""
    extra = (
        '<p>Related: <a href="/other">Mayor unveils plan for new parks across the city</a></p>'
        '<ul><li><a href="/a">Police chief retires after thirty years</a></li>'
        '<li><a href="/b">School board picks new superintendent</a></li></ul>'
        "<p>November 20, 2019 - 11:28 AM</p>"
    )
    doc = read_html_document(page(ld(ARTICLE), extra_body=extra))
    assert "Related" not in doc.body
    assert "superintendent" not in doc.body and "Police chief" not in doc.body
    assert "11:28" not in doc.body
    assert doc.body.split("\n\n")[:5] == PARAGRAPHS


def test_opengraph_and_meta_tags_fill_in() -> None:
    """With no JSON-LD, OpenGraph and meta tags give headline, dates, author, publisher, image."""
    head = (
        '<meta property="og:title" content="Council passes budget after long debate">'
        '<meta property="og:site_name" content="Example Gazette">'
        '<meta property="og:image" content="https://gazette.example/og.jpg">'
        '<meta property="og:image:width" content="1200"><meta property="og:image:height" content="630">'
        '<meta property="og:locale" content="en_US">'
        '<meta property="article:published_time" content="2019-11-19T10:00:00+01:00">'
        '<meta property="article:section" content="Politics">'
        '<meta name="author" content="By Jane Doe | Example Gazette">'
        '<link rel="canonical" href="https://gazette.example/budget">'
    )
    doc = read_html_document(page(head, lang=""))
    meta = doc.meta
    assert meta.url == "https://gazette.example/budget"
    assert meta.date_published == dt.datetime(2019, 11, 19, 10, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert meta.authors == ("Jane Doe",)
    assert meta.publisher == "Example Gazette"
    images = [(i.url, i.width, i.height) for i in meta.images]
    assert images == [("https://gazette.example/og.jpg", 1200, 630)]
    assert meta.section == "Politics"
    assert meta.language == "en-US"


def test_zone_from_a_second_source_wins_on_the_same_day() -> None:
    """A date without a zone takes the zone of another source naming the same day."""
    head = ld({"@type": "NewsArticle", "headline": "x y z", "datePublished": "2019-11-19T10:00:00"}) + (
        '<meta property="article:published_time" content="2019-11-19T10:00:00-08:00">'
    )
    meta = read_html_document(page(head)).meta
    assert isinstance(meta.date_published, dt.datetime)
    assert meta.date_published.utcoffset() == dt.timedelta(hours=-8)


@pytest.mark.parametrize(
    "wrap",
    ["<!--{}-->", "//<![CDATA[\n{}\n//]]>", "<![CDATA[{}]]>", "\n  /* x */ <!-- {} --> \n"],
)
def test_wrapped_jsonld_is_read(wrap: str) -> None:
    """JSON-LD wrapped in HTML comments or CDATA sections is still read."""
    meta = read_html_document(page(ld(ARTICLE, wrap))).meta
    assert meta.authors == ("Jane Doe", "John Roe")
    assert meta.publisher == "Example Gazette"


def test_malformed_jsonld_is_read_best_effort() -> None:
    """Single quotes, comments, trailing commas, raw newlines and a stray brace are tolerated."""
    broken = (
        "{\n '@context': 'http://schema.org', '@type': 'NewsArticle', // the article\n"
        " 'headline': 'Council passes budget after long debate',\n"
        ' "description": "two\nlines",\n'
        " 'author': [{'@type': 'Person', 'name': 'Jane Doe',},],\n"
        ' "publisher": {"@type": "Organization", "name": "Example Gazette"}},\n'
        ' "datePublished": "2019-11-19T21:57:01Z"\n}'
    )
    meta = read_html_document(page(ld(broken))).meta
    assert meta.authors == ("Jane Doe",)
    assert meta.publisher == "Example Gazette"
    assert meta.description == "two lines"


def test_graph_and_references_are_followed() -> None:
    """An @graph whose article references its author and publisher by @id is resolved."""
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "@id": "#site", "name": "Gazette site"},
            {
                "@type": "NewsMediaOrganization",
                "@id": "#org",
                "name": "Example Gazette",
                "logo": "https://gazette.example/logo.png",
            },
            {"@type": "Person", "@id": "#jane", "name": "Jane Doe", "sameAs": "https://social.example/jane"},
            {
                "@type": ["NewsArticle"],
                "headline": "Council passes budget after long debate",
                "author": {"@id": "#jane"},
                "publisher": {"@id": "#org"},
            },
        ],
    }
    doc, meta = read_page(page(ld(graph)))
    assert [(a.name, a.same_as) for a in meta.authors] == [("Jane Doe", ("https://social.example/jane",))]
    assert meta.publisher is not None and meta.publisher.logo == "https://gazette.example/logo.png"
    assert doc.meta.publisher == "Example Gazette"


def test_visible_byline_used_when_markup_has_none() -> None:
    """The visible byline gives the authors when the markup names none, and a note says so."""
    doc = read_html_document(page(byline='<div class="byline">By Jane Doe and John Roe, Staff Writers</div>'))
    assert doc.meta.authors == ("Jane Doe", "John Roe")
    assert any("visible byline" in note for note in doc.meta.notes)


def test_disagreeing_bylines_are_noted() -> None:
    """When JSON-LD and the visible byline disagree, the notes say which one was used."""
    data = dict(ARTICLE, author={"@type": "Person", "name": "Jane Doe"})
    doc = read_html_document(page(ld(data), byline='<p class="byline">By Richard Miles</p>'))
    assert doc.meta.authors == ("Jane Doe",)
    assert any("JSON-LD" in n and "Richard Miles" in n for n in doc.meta.notes)


def test_visible_people_beat_an_organization_in_markup() -> None:
    """A markup author that is the publisher itself gives way to the people the page shows."""
    data = dict(ARTICLE, author={"@type": "Organization", "name": "Example Gazette"})
    doc, meta = read_page(page(ld(data), byline='<span class="author-name">By Richard Miles</span>'))
    assert doc.meta.authors == ("Richard Miles",)
    assert [a.organization for a in meta.authors] == [False]
    assert any("names no person" in n for n in doc.meta.notes)


def test_agreeing_bylines_add_no_note() -> None:
    """When both sources name the same people, no byline note is written."""
    doc = read_html_document(page(ld(ARTICLE), byline='<p class="byline">By Jane Doe and John Roe</p>'))
    assert not [n for n in doc.meta.notes if n.startswith("byline")]


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Jane Doe", ["Jane Doe"]),
        ("by: JANE DOE", ["Jane Doe"]),
        ("Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("Jane Doe, John Roe & Ann Lee", ["Jane Doe", "John Roe", "Ann Lee"]),
        ("Jane Doe, Senior Political Correspondent", ["Jane Doe"]),
        ("Jane Doe | Example Gazette", ["Jane Doe"]),
        ("Jane Doe for Example Gazette", ["Jane Doe"]),
        ("By Jane Doe Updated 10:32 AM ET, Tue November 19, 2019", ["Jane Doe"]),
        ("Jane Doe Nov 19, 2019 at 8:40 pm ET", ["Jane Doe"]),
        ("Jane Doe, AP National Security Writer", ["Jane Doe"]),
        ("Example Gazette", ["Example Gazette"]),
        ("Jane Doe is a reporter covering city hall", ["Jane Doe"]),
    ],
)
def test_bylines_are_normalized(byline: str, names: list[str]) -> None:
    """Bylines become one clean name per author: no By, no title, no publisher, no 'and'."""
    assert split_byline(byline, publisher="Example Gazette") == names


def test_organization_bylines_are_recognized() -> None:
    """Desk and agency bylines are organizations; people's names are not."""
    assert is_organization_name("The Associated Press")
    assert is_organization_name("Metro Desk")
    assert not is_organization_name("Jane Doe")
    assert clean_name("by  JANE DOE (Wire Service)") == "Jane Doe"
    assert clean_name("(Reuters)") == ""


def test_page_authors_are_typed_and_linked() -> None:
    """The page's authors: Persons with url and sameAs, desks as Organizations, a publisher with logo."""
    jane = {
        "@type": "Person",
        "name": "Jane Doe",
        "url": "https://gazette.example/staff/jane-doe",
        "sameAs": ["https://twitter.example/janedoe"],
    }
    data = dict(ARTICLE, author=[jane, {"@type": "Organization", "name": "Metro Desk"}])
    meta = read_html_document(page(ld(data)), url="https://gazette.example/a").meta
    assert meta.author_organizations == (False, True)
    publisher = publisher_of(meta)
    authors = authors_of(meta, publisher, {})
    assert isinstance(authors[0], Person) and isinstance(authors[1], Organization)
    assert authors[0].url == "https://gazette.example/staff/jane-doe"
    assert authors[0].same_as == ("https://twitter.example/janedoe",)
    assert publisher is not None and publisher.logo == "https://gazette.example/logo.png"


def test_an_author_mentioned_in_the_article_is_one_object() -> None:
    """An author the article also mentions is the mentioned entity; a byline naming the publisher is it."""
    from newsmodel.read.document import Metadata

    held = Person(id="https://w3id.org/newsmodel/id/person/jane-doe", name="Jane Doe", job_title="Mayor")
    meta = Metadata(authors=("Jane Doe", "Example Gazette"), publisher="Example Gazette")
    publisher = publisher_of(meta)
    authors = authors_of(meta, publisher, {held.id: held})
    assert authors[0] is held
    assert authors[1] is publisher


def test_a_sidecar_overrides_the_page() -> None:
    """read_html with a sidecar: what the sidecar sets wins, the rest comes from the page."""
    from newsmodel import read_html

    lee = "https://gazette.example/staff/ann-lee"
    sidecar = {"author": [{"name": "Ann Lee", "url": lee}], "section": "City"}
    article = read_html(page(ld(ARTICLE)), url="https://gazette.example/a", meta=sidecar)
    assert [(a.name, a.url) for a in article.authors] == [("Ann Lee", lee)]
    assert article.section == "City"
    assert article.publisher is not None and article.publisher.name == "Example Gazette"
    assert article.headline == "Council passes budget after long debate"


def test_read_path_puts_a_pages_sidecar_over_it(tmp_path: Path) -> None:
    """A .meta.json beside an .html file goes over the page by the same rule as read_html's meta."""
    from newsmodel import read_path

    (tmp_path / "a.html").write_text(page(ld(ARTICLE)), encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"publisher": "Metro Weekly"}), encoding="utf-8")
    article = read_path(tmp_path / "a.html")
    assert article.publisher is not None and article.publisher.name == "Metro Weekly"
    assert article.publisher.logo is None  # the page's logo belongs to the page's publisher
    assert [a.name for a in article.authors] == ["Jane Doe", "John Roe"]


def test_gzip_and_bytes_and_charset() -> None:
    """Gzip bytes, UTF-8 bytes and a latin-1 page with its charset declared read alike."""
    text = page(ld(ARTICLE)).replace("neighbourhood", "quartier caf\u00e9")
    by_str = read_html_document(text)
    assert read_html_document(gzip.compress(text.encode("utf-8"))).body == by_str.body
    latin = text.replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">')
    latin = latin.replace("\u201c", '"').replace("\u201d", '"')
    assert "caf\u00e9" in read_html_document(latin.encode("iso-8859-1")).body


def test_dates_parse_with_zones() -> None:
    """Timestamps keep their offsets; bare days stay dates; junk gives None."""
    stamp = dt.datetime(2019, 11, 19, 21, 57, 1, 471000, tzinfo=dt.UTC)
    assert parse_date("2019-11-19T21:57:01.471Z") == stamp
    pacific = parse_date("Tue, 19 Nov 2019 16:57:01 PST")
    assert isinstance(pacific, dt.datetime) and pacific.utcoffset() == dt.timedelta(hours=-8)
    assert parse_date("2019-11-19") == dt.date(2019, 11, 19)
    assert parse_date("soon") is None and parse_date("1066-10-14") is None


def test_loose_json_values() -> None:
    """The lenient reader keeps every decodable value and gives [] for garbage."""
    assert loads_loose('[{"a": 1}]') == [[{"a": 1}]]
    assert loads_loose("{'a': 'it\\'s'}") == [{"a": "it's"}]
    assert loads_loose("{ nope") == []


def test_read_html_gives_a_typed_article() -> None:
    """read_html runs the mapper and keeps the page's authors, publisher, dates and body."""
    from newsmodel import read_html

    data = dict(ARTICLE, author=[ARTICLE["author"][0], {"@type": "Organization", "name": "Metro Desk"}])
    text = page(ld(data))
    article = read_html(text, url="https://gazette.example/2019/budget")
    assert article.id == "https://gazette.example/2019/budget"
    assert article.headline == "Council passes budget after long debate"
    assert article.article_body == read_html_document(text).body
    assert [type(a).__name__ for a in article.authors] == ["Person", "Organization"]
    assert article.authors[0].same_as == ("https://twitter.example/janedoe",)
    assert article.publisher is not None and article.publisher.logo == "https://gazette.example/logo.png"
    assert article.date_published == dt.datetime(2019, 11, 19, 21, 57, 1, tzinfo=dt.UTC)
    assert article.in_language == "en-GB"


def test_visible_byline_adding_authors_wins() -> None:
    """A visible byline naming the markup's author plus others is used, keeping the markup's links."""
    data = dict(ARTICLE, author={"@type": "Person", "name": "Jane Doe", "url": "https://gazette.example/jd"})
    doc, meta = read_page(page(ld(data), byline='<div class="byline">By Jane Doe and Richard Miles</div>'))
    assert doc.meta.authors == ("Jane Doe", "Richard Miles")
    assert meta.authors[0].url == "https://gazette.example/jd"
    assert any("adds authors" in n for n in doc.meta.notes)


def test_doubled_byline_text_is_one_name() -> None:
    """A byline element whose text repeats the name (image alt plus link) gives the name once."""
    doc = read_html_document(page(byline='<div class="byline"><img alt="Jane Doe"> Jane Doe Jane Doe</div>'))
    assert doc.meta.authors == ("Jane Doe",)


def test_headline_with_site_suffix_needs_no_note() -> None:
    """A markup headline that only adds the site's name to the visible one is not a disagreement."""
    data = dict(ARTICLE, headline="Council passes budget after long debate - Example Gazette")
    doc = read_html_document(page(ld(data)))
    assert doc.headline == "Council passes budget after long debate"
    assert not [n for n in doc.meta.notes if n.startswith("headline")]
    other = dict(ARTICLE, headline="Budget approved")
    assert any(n.startswith("headline") for n in read_html_document(page(ld(other))).meta.notes)


def test_trailing_contact_line_is_dropped() -> None:
    """A short "email the reporter" line at the end of the article is not body text."""
    extra = "<p>Email Jane Doe at jdoe@gazette.example or follow her on social media.</p>"
    doc = read_html_document(page(ld(ARTICLE), extra_body=extra))
    assert "jdoe@" not in doc.body
    assert doc.body.split("\n\n") == PARAGRAPHS


def test_cli_verbose_prints_which_byline_was_used(tmp_path: Path) -> None:
    """``newsmodel -v convert`` prints the reader's byline choice as a ``note:`` line."""
    import subprocess
    import sys

    data = {**ARTICLE, "author": [{"@type": "Person", "name": "Jane Doe"}]}
    path = tmp_path / "page.html"
    path.write_text(page(ld(data), byline='<p class="byline">By Richard Miles</p>'), encoding="utf-8")
    args = [sys.executable, "-m", "newsmodel", "convert", str(path), "--to", "jsonld"]
    quiet = subprocess.run(args, capture_output=True, text=True, check=True)
    loud = subprocess.run([*args[:3], "-v", *args[3:]], capture_output=True, text=True, check=True)
    assert "note:" not in quiet.stderr
    notes = [line for line in loud.stderr.splitlines() if line.startswith("note: ")]
    assert any("Richard Miles" in n for n in notes), loud.stderr
    assert quiet.stdout == loud.stdout
