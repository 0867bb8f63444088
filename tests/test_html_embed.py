"""The <script type="application/ld+json"> block: one script whatever the text, same JSON-LD."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import attrs
from hypothesis import HealthCheck, given, settings
from seed_article import seed_article
from strategies import articles

from newsmodel.model import NewsArticle
from newsmodel.serialize import dumps, jsonld, to_html_script
from newsmodel.serialize.formats import Format
from newsmodel.serialize.html import escape_script_json

HOSTILE = "</script><script>alert(1)</script> \u2028 \u2029 <!-- & -->"


class _Scripts(HTMLParser):
    """Collect every script element the way a browser's tokenizer splits the page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.starts: list[dict[str, str | None]] = []
        self.ends = 0
        self.data: list[str] = []
        self.inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.starts.append(dict(attrs))
            self.inside = True
            self.data.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.ends += 1
            self.inside = False

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.data[-1] += data


def _parse_page(block: str) -> _Scripts:
    parser = _Scripts()
    parser.feed(f"<!doctype html><html><head>{block}</head><body><p>after</p></body></html>")
    parser.close()
    return parser


def _check_block(article: NewsArticle) -> None:
    block = to_html_script(article)
    page = _parse_page(block)
    assert len(page.starts) == 1 and page.ends == 1
    assert page.starts[0] == {"type": "application/ld+json"}
    text = page.data[0]
    for raw in "<>&\u2028\u2029":
        assert raw not in text
    assert json.loads(text) == jsonld.web_profile(jsonld.to_jsonld(article))


def test_hostile_headline_stays_one_script() -> None:
    """A headline with </script><script>alert(1)</script> and U+2028 stays inside one script element."""
    article = attrs.evolve(seed_article(), headline=HOSTILE)
    _check_block(article)
    assert json.loads(_parse_page(to_html_script(article)).data[0])["headline"] == HOSTILE


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_any_article_gives_one_script_with_the_same_jsonld(article: NewsArticle) -> None:
    """Generated texts (full of </script>, U+2028, quotes) never break the block, and it parses back."""
    _check_block(article)


def test_escapes_are_json_escapes_not_html_entities() -> None:
    """The five characters become \\u003c \\u003e \\u0026 \\u2028 \\u2029; nothing else changes."""
    assert escape_script_json('"<>&\u2028\u2029"') == '"\\u003c\\u003e\\u0026\\u2028\\u2029"'
    assert escape_script_json('{"a":"plain"}') == '{"a":"plain"}'
    assert "&lt;" not in to_html_script(attrs.evolve(seed_article(), headline=HOSTILE))


def test_dumps_html_format_is_the_script_block() -> None:
    """serialize.dumps(article, Format.HTML) is to_html_script(article)."""
    assert dumps(seed_article(), Format.HTML) == to_html_script(seed_article())
