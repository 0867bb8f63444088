"""Our pages in a real browser: headless Chromium parses the JSON-LD block and runs no injected script.

Each page is written to a temporary file with a small harness script of ours
(not part of the article) appended to its body. After the page has loaded,
the harness reads every ``application/ld+json`` block, ``JSON.parse``-s the
first, records whether any injected script set ``window.__pwned``, and writes
the result into the DOM; ``--dump-dom`` hands the DOM back to us. A control
page that embeds the same JSON naively proves the harness does catch
injections. The demo page's screenshot is kept as ``tests/artifacts/demo.png``.
"""

from __future__ import annotations

import json
import shutil
import struct
import subprocess
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from newsmodel.model import NewsArticle, Organization, OrganizationKind, Person, Quotation, Span
from newsmodel.serialize.jsonld import to_jsonld, web_profile
from newsmodel.serialize.page import to_html_page

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--mute-audio",
    "--virtual-time-budget=3000",
]
HARNESS = """
<pre id="nm-result"></pre>
<script>
window.addEventListener("load", function () {
  setTimeout(function () {
    var blocks = document.querySelectorAll('script[type="application/ld+json"]');
    var out = {blocks: blocks.length, pwned: window.__pwned === true, data: null, error: null};
    try { out.data = JSON.parse(blocks[0].textContent); } catch (e) { out.error = String(e); }
    document.getElementById("nm-result").textContent = JSON.stringify(out);
  }, 100);
});
</script>
"""
#: Strings that break out of a script element, an HTML comment or an attribute if not escaped.
NASTY = [
    "</script><script>window.__pwned = true</script>",
    "<!--<script>window.__pwned = true</script>",
    "<script>window.__pwned = true</script>",
    '--><img src=x onerror="window.__pwned = true">',
    "\"quotes\" and 'single' and \\backslash\\",
    "line\u2028separator\u2029paragraph & ampersand <b>bold</b>",
]


def nasty_article() -> NewsArticle:
    """An article whose headline, names, body and quotations hold every nasty string."""
    body = "\n\n".join(f"Paragraph {i}: {text}" for i, text in enumerate(NASTY))
    quotes = []
    for i, text in enumerate(NASTY):
        start = body.index(text)
        quotes.append(
            Quotation(
                id=f"https://example.org/q/{i}",
                text=text,
                speaker="https://example.org/person/0",
                spans=(Span(start=start, end=start + len(text)),),
            )
        )
    people = tuple(
        Person(id=f"https://example.org/person/{i}", name=f"Ann {text}", alternate_names=(text,))
        for i, text in enumerate(NASTY)
    )
    return NewsArticle(
        id="https://example.org/articles/nasty",
        headline=" ".join(NASTY[:4]) + " \u2028 done",
        article_body=body,
        in_language="en",
        authors=(people[0],),
        publisher=Organization(
            id="https://example.org/org/pub", name=NASTY[1], kind=OrganizationKind.NEWS_MEDIA
        ),
        people=people,
        quotations=tuple(quotes),
    )


def chromium(*args: str, tmp: Path) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium with a throw-away profile; fail the test on a non-zero exit."""
    profile = tmp / "profile"
    profile.mkdir(exist_ok=True)
    result = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result


def in_browser(page: str, tmp: Path) -> dict[str, Any]:
    """Load ``page`` (plus our harness) from a file; return what the harness saw."""
    path = tmp / "page.html"
    path.write_text(page.replace("</body>", HARNESS + "</body>"), encoding="utf-8")
    dom = chromium("--dump-dom", path.as_uri(), tmp=tmp).stdout
    found = lxml.html.document_fromstring(dom).get_element_by_id("nm-result").text_content()
    result: dict[str, Any] = json.loads(found)
    return result


def test_chromium_is_installed() -> None:
    """Debian's chromium is on the machine (.ci/run installs it)."""
    assert shutil.which(CHROMIUM) is not None


def test_block_parses_to_exactly_our_jsonld(tmp_path: Path, seed: NewsArticle) -> None:
    """In the browser, JSON.parse of the seed page's block equals our JSON-LD exactly."""
    seen = in_browser(to_html_page(seed), tmp_path)
    assert seen["error"] is None and seen["blocks"] == 1
    assert seen["data"] == web_profile(to_jsonld(seed))
    assert seen["pwned"] is False


def test_nasty_strings_inject_nothing_and_parse_the_same(tmp_path: Path) -> None:
    """Headline, names and quotations with </script>, <!--, <script>, quotes, U+2028 run no script."""
    article = nasty_article()
    seen = in_browser(to_html_page(article), tmp_path)
    assert seen["pwned"] is False
    assert seen["error"] is None and seen["blocks"] == 1
    assert seen["data"] == web_profile(to_jsonld(article))
    assert seen["data"]["headline"] == article.headline
    assert {q["text"] for q in seen["data"]["hasPart"]} == set(NASTY)


def test_visible_text_is_the_article_text(tmp_path: Path) -> None:
    """The page shows the nasty strings as text (escaped), not as markup."""
    article = nasty_article()
    path = tmp_path / "page.html"
    path.write_text(to_html_page(article), encoding="utf-8")
    dom = chromium("--dump-dom", path.as_uri(), tmp=tmp_path).stdout
    tree = lxml.html.document_fromstring(dom)
    assert tree.findtext(".//h1") == article.headline
    paragraphs = [p.text_content() for p in tree.iter("p")]
    assert paragraphs == (article.article_body or "").split("\n\n")
    assert not tree.xpath("//img[@onerror]") and len(tree.xpath("//script")) == 1


def test_harness_catches_a_naive_page(tmp_path: Path) -> None:
    """Control: the same JSON pasted unescaped into a script tag does run the injected script."""
    article = nasty_article()
    naive = (
        '<!DOCTYPE html><html><head><script type="application/ld+json">'
        + json.dumps(web_profile(to_jsonld(article)), ensure_ascii=False)
        + "</script></head><body><h1>naive</h1></body></html>"
    )
    seen = in_browser(naive, tmp_path)
    assert seen["pwned"] is True


def test_demo_screenshot_is_kept(tmp_path: Path, seed: NewsArticle) -> None:
    """A screenshot of the demo page (the seed article) is written to tests/artifacts/demo.png."""
    path = tmp_path / "demo.html"
    path.write_text(to_html_page(seed), encoding="utf-8")
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "demo.png"
    shot.unlink(missing_ok=True)
    chromium(
        f"--screenshot={shot}", "--window-size=1200,1600", "--hide-scrollbars", path.as_uri(), tmp=tmp_path
    )
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1200, 1600)
    assert len(data) > 20_000  # a rendered page, not a blank image


@pytest.mark.parametrize("name", ["Jane Doe </script>", 'O\'Brien "the" <!-- x -->'])
def test_author_names_survive_the_browser(tmp_path: Path, name: str) -> None:
    """Author names with markup characters come back from the browser unchanged."""
    author = Person(id="https://example.org/person/a", name=name)
    article = NewsArticle(id="https://example.org/a", headline="h", authors=(author,))
    seen = in_browser(to_html_page(article), tmp_path)
    assert seen["data"]["author"][0]["name"] == name and seen["pwned"] is False


def test_page_command_writes_a_page_the_browser_reads(tmp_path: Path, seed: NewsArticle) -> None:
    """`newsmodel page INPUT -o OUT` writes a page whose block the browser parses to our JSON-LD."""
    import argparse

    from newsmodel.cli import _page
    from newsmodel.serialize.json import dumps as json_dumps

    source = tmp_path / "seed.json"
    source.write_text(json_dumps(seed), encoding="utf-8")
    out = tmp_path / "seed.html"
    parser = argparse.ArgumentParser(prog="newsmodel")
    _page.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["page", str(source), "-o", str(out)])
    assert args.handler(args) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and text.index("application/ld+json") < text.index("</head>")
    seen = in_browser(text, tmp_path)
    assert seen["data"] == web_profile(to_jsonld(seed)) and seen["pwned"] is False


HOSTILE_URLS = [
    "javascript:window.__pwned=true",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>x</script>",
    "vbscript:x",
]


@pytest.mark.parametrize("where", ["url", "author", "publisher"])
@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_script_url_in_a_sidecar_is_refused(tmp_path: Path, where: str, url: str) -> None:
    """A script URL as the article's, an author's or the publisher's url: `page` exits 1, writes nothing."""
    from newsmodel.cli import main

    meta: dict[str, Any] = {"datePublished": "2024-01-05", "url": "https://news.example/a"}
    if where == "url":
        meta["url"] = url
    else:
        meta[where] = {"name": "Ann Lee", "url": url}
    (tmp_path / "a.txt").write_text("Bridge reopens\n\nThe bridge reopened on Friday.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    assert main(["page", str(tmp_path / "a.txt"), "-o", str(tmp_path / "a.html")]) == 1
    assert not (tmp_path / "a.html").exists()


def test_hostile_sidecar_values_run_no_script(tmp_path: Path) -> None:
    """Markup and quotes in sidecar names and http URLs stay text: no script runs, every link is http(s)."""
    from newsmodel.cli import main

    evil = NASTY[0]
    meta = {
        "datePublished": "2024-01-05T08:00:00+08:00",
        "url": "https://news.example/a?x='onmouseover='window.__pwned=true'&y=1",
        "headline": f"Bridge {evil} reopens",
        "author": [{"name": f'Ann "Lee" {evil}', "url": "https://news.example/ann?'onclick='x"}],
        "publisher": {"name": NASTY[3], "url": "https://news.example/"},
    }
    (tmp_path / "a.txt").write_text(
        f"Bridge {evil} reopens\n\nThe bridge reopened on Friday.", encoding="utf-8"
    )
    (tmp_path / "a.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    assert main(["page", str(tmp_path / "a.txt"), "-o", str(tmp_path / "a.html")]) == 0
    page = (tmp_path / "a.html").read_text(encoding="utf-8")
    seen = in_browser(page, tmp_path)
    assert seen["pwned"] is False and seen["error"] is None
    assert seen["data"]["author"][0]["name"] == f'Ann "Lee" {evil}'
    assert seen["data"]["url"] == meta["url"]
    dom = lxml.html.document_fromstring(
        chromium("--dump-dom", (tmp_path / "page.html").as_uri(), tmp=tmp_path).stdout
    )
    hrefs = [a.get("href") for a in dom.iter("a")] + [link.get("href") for link in dom.iter("link")]
    assert hrefs and all(href.startswith(("https://", "http://")) for href in hrefs)
    assert not dom.xpath("//*[@onmouseover or @onclick or @onerror]")
