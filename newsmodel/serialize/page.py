"""A complete, standalone HTML5 page of an article, its JSON-LD block in ``<head>``.

Publishers who do not run a CMS (and our own tests, which load the page in a
real browser) need the whole page, not just the script block: the title, the
headline, the byline, the date and the body paragraphs, every piece of text
HTML-escaped, and the block from :func:`newsmodel.serialize.html.to_html_script`
(which escapes what could close the script element). The page has no external
resources and no script besides the data block.

>>> from newsmodel.model import NewsArticle
>>> page = to_html_page(NewsArticle(id="https://example.org/a", headline="A <b> & c",
...                                 article_body="One." + chr(10) * 2 + "Two."))
>>> "<h1>A &lt;b&gt; &amp; c</h1>" in page, page.count("<p>")
(True, 2)
"""

from __future__ import annotations

import datetime as dt
from html import escape

from newsmodel.model import NewsArticle, Organization, Person
from newsmodel.serialize.html import to_html_script

__all__ = ["to_html_page"]

_STYLE = (
    "body{font:18px/1.55 Georgia,serif;max-width:42em;margin:2em auto;padding:0 1em;color:#222}"
    "h1{font:700 2em/1.2 Helvetica,Arial,sans-serif;margin:0 0 .4em}"
    ".meta{font:14px/1.4 Helvetica,Arial,sans-serif;color:#555;margin-bottom:1.5em}"
    "figure{margin:0 0 1.5em}img{max-width:100%}"
)


def _when(value: dt.date | None) -> str:
    if value is None:
        return ""
    text = value.isoformat()
    shown = value.strftime("%d %B %Y").lstrip("0")
    if isinstance(value, dt.datetime):
        shown += value.strftime(", %H:%M") + (value.strftime(" %Z") if value.tzinfo else "")
    return f'<time datetime="{escape(text)}">{escape(shown)}</time>'


def _byline(authors: tuple[Person | Organization, ...]) -> str:
    names = []
    for author in authors:
        name = escape(author.name)
        names.append(f'<a href="{escape(author.url)}" rel="author">{name}</a>' if author.url else name)
    if not names:
        return ""
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f'<span class="byline">By {joined}</span>'


def _meta_tags(article: NewsArticle) -> str:
    """Open Graph and author ``<meta>`` tags: what metadata readers without a JSON-LD parser look at."""
    tags: list[tuple[str, str, str]] = [
        ("property", "og:type", "article"),
        ("property", "og:title", article.headline),
    ]
    if article.url:
        tags.append(("property", "og:url", article.url))
    if article.images:
        tags.append(("property", "og:image", article.images[0].url))
    if article.date_published is not None:
        tags.append(("property", "article:published_time", article.date_published.isoformat()))
    if article.date_modified is not None:
        tags.append(("property", "article:modified_time", article.date_modified.isoformat()))
    if article.authors:
        tags.append(("name", "author", ", ".join(author.name for author in article.authors)))
    return "".join(f'<meta {attr}="{name}" content="{escape(value)}">\n' for attr, name, value in tags)


def to_html_page(article: NewsArticle, *, provenance: bool = False) -> str:
    """Render the article as a standalone HTML5 page with its JSON-LD block in ``<head>``.

    The block is the web profile unless ``provenance=True`` (see :func:`to_html_script`).
    """
    lang = escape(article.in_language or "und")
    title = escape(article.headline)
    meta_bits = [bit for bit in (_byline(article.authors), _when(article.date_published)) if bit]
    if article.publisher is not None:
        meta_bits.append(f'<span class="publisher">{escape(article.publisher.name)}</span>')
    paragraphs = [p.strip() for p in (article.article_body or "").split("\n\n") if p.strip()]
    body = "\n".join(f"<p>{escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs)
    figure = ""
    if article.images:
        image = article.images[0]
        dims = (("width", image.width), ("height", image.height))
        size = "".join(f' {attr}="{value}"' for attr, value in dims if value)
        caption = f"<figcaption>{escape(image.caption)}</figcaption>" if image.caption else ""
        figure = f'<figure><img src="{escape(image.url)}" alt=""{size}>{caption}</figure>\n'
    canonical = f'<link rel="canonical" href="{escape(article.url)}">\n' if article.url else ""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n{canonical}{_meta_tags(article)}"
        f"<style>{_STYLE}</style>\n"
        f"{to_html_script(article, provenance=provenance)}\n"
        "</head>\n<body>\n<article>\n"
        f"<h1>{title}</h1>\n"
        f'<div class="meta">{" &middot; ".join(meta_bits)}</div>\n'
        f"{figure}{body}\n"
        "</article>\n</body>\n</html>\n"
    )
