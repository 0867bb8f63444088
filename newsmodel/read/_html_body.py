"""The main text of a news page: trafilatura's blocks, then our own clean-up.

trafilatura (precision mode, no comments) finds the article container well; what
it lets through are the page furniture that sits *inside* that container: the
headline and standfirst repeated above the text, "Related:" lines and lists of
links to other stories, trailing "how to listen / follow us" blocks made of
links, bare time stamps. We ask trafilatura for its XML (so we know which words
are links and which blocks are headings or list items), rebuild each block's
text ourselves (trafilatura's plain-text output puts spaces inside words split
over several inline elements) and drop those blocks with general, site-blind
rules. When the page's own markup carries a long ``articleBody`` that agrees
with what we extracted, it vetoes blocks it does not contain.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import attrs
import lxml.etree
import lxml.html
import trafilatura
from trafilatura.settings import use_config

__all__ = ["Block", "body_text", "clean_blocks", "extract_blocks"]

#: trafilatura's defaults refuse inputs over 20 MB and give up on slow pages;
#: we hand it a parsed tree (size already checked by the reader) and keep its
#: timeout off so the result does not depend on the machine's load.
_CONFIG = use_config()
_CONFIG.set("DEFAULT", "extraction_timeout", "0")
_CONFIG.set("DEFAULT", "max_file_size", str(10**9))

_WORD = re.compile(r"\w+")
#: ASCII whitespace only: a non-breaking space is part of what the article spells.
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
_ASCII_SPACE = " \t\r\n\f\v"
#: Lead words of a line that points the reader elsewhere (general English).
_POINTER = re.compile(
    r"^\s*(related|read more|read also|also read|see also|more|more on this|recommended|"
    r"watch|listen|download|subscribe|sign up|click here|read next|up next|more from)"
    r"\s*(stories|articles|coverage|content)?\s*[:\-\u2013\u2014|>»]",
    re.IGNORECASE,
)
#: A block that is only a date and/or a time ("November 20, 2019 - 11:28 AMT").
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_STAMP = re.compile(
    rf"^\W*(?:(?:updated|published|posted|last updated|modified)\s*:?\s*)?"
    rf"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?"
    rf"(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s*\d{{4}}|\d{{1,2}}\s+(?:{_MONTHS})\.?,?\s+\d{{4}}|"
    rf"\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}})"
    rf"(?:\W+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}(?:[:.]\d{{2}})?\s*(?:[ap]\.?m\.?)?\s*[A-Z]{{0,5}})?\W*$",
    re.IGNORECASE,
)
_URL = re.compile(r"https?://\S+|www\.\S+")


@attrs.frozen
class Block:
    """One block of the article: its text, its kind, and how much of it is link text."""

    text: str
    kind: str  # "p", "head", "item", "quote", "cell"
    link_chars: int = 0

    @property
    def link_ratio(self) -> float:
        """The share of the block's characters that are link text (0 to 1)."""
        size = len(self.text.replace(" ", ""))
        return min(1.0, self.link_chars / size) if size else 0.0

    @property
    def words(self) -> int:
        r"""How many ``\\w+`` words the block has."""
        return len(_WORD.findall(self.text))


def _squash(text: str) -> str:
    return _SPACES.sub(" ", text).strip(_ASCII_SPACE)


_NESTED_BLOCKS = frozenset({"list", "table", "quote", "head", "p"})


def _inline_text(elem: lxml.etree._Element) -> tuple[str, int]:
    """Join one XML block's inline pieces as written; count its link characters.

    Nested blocks (a list inside an item, a paragraph inside a quote) are left
    out, their tails kept: they are blocks of their own. Iterative, so a deeply
    nested page cannot exhaust the stack.
    """
    parts: list[str] = [elem.text or ""]
    links = 0
    # (node, entering): on entering write the node's text, on leaving its tail
    stack: list[tuple[lxml.etree._Element, bool]] = [(c, True) for c in reversed(elem)]
    while stack:
        node, entering = stack.pop()
        if not entering:
            parts.append(node.tail or "")
            continue
        stack.append((node, False))
        if node.tag in _NESTED_BLOCKS:
            continue
        if node.tag == "lb":
            parts.append("\n")
        if node.text:
            parts.append(node.text)
            if node.tag == "ref" and node.get("target"):
                links += len(node.text.replace(" ", "").strip())
        stack.extend((c, True) for c in reversed(node))
    return "".join(parts), links


#: Above this many elements trafilatura's run time grows faster than the page;
#: such pages (rare: real articles have a few thousand) get the linear extractor.
MAX_TRAFILATURA_ELEMENTS = 20_000


def extract_blocks(tree: lxml.html.HtmlElement, url: str | None = None) -> list[Block]:
    """Run trafilatura on a parsed page: its main content, as blocks (empty when it finds none).

    Very large pages go to :func:`dense_blocks` instead, so the time stays linear.
    """
    if _count_elements(tree, MAX_TRAFILATURA_ELEMENTS) > MAX_TRAFILATURA_ELEMENTS:
        return dense_blocks(tree)
    try:
        return _trafilatura_blocks(tree, url)
    except (
        ValueError,
        TypeError,
        AttributeError,
        IndexError,
        KeyError,
        RecursionError,
        lxml.etree.LxmlError,
    ):
        # trafilatura failing on a strange tree must not fail the read: fall back
        return dense_blocks(tree)


def _trafilatura_blocks(tree: lxml.html.HtmlElement, url: str | None) -> list[Block]:
    xml = trafilatura.extract(
        tree,
        url=url,
        output_format="xml",
        favor_precision=True,
        include_comments=False,
        include_links=True,
        include_images=False,
        include_formatting=False,
        config=_CONFIG,
    )
    if not xml:
        return []
    root = lxml.etree.fromstring(xml.encode("utf-8"), parser=_XML_PARSER)
    main = root.find("main")
    if main is None:
        return []
    return list(_blocks(main))


def _count_elements(tree: lxml.html.HtmlElement, limit: int) -> int:
    count = 0
    for _ in tree.iter():
        count += 1
        if count > limit:
            break
    return count


_BLOCK_TAGS = {"p": "p", "h2": "head", "h3": "head", "h4": "head", "li": "item", "blockquote": "quote"}
_SKIP_TAGS = ("script", "style", "nav", "header", "footer", "aside", "form", "noscript", "figure")


def _all_text(elem: lxml.etree._Element) -> str:
    return "".join(str(t) for t in elem.itertext())


def dense_blocks(tree: lxml.html.HtmlElement) -> list[Block]:
    """Extract linearly: the paragraphs of the container holding the most paragraph text.

    One pass counts paragraph text per parent element, one more collects the
    blocks of the winner. Used for pages too large for trafilatura.
    """
    for elem in list(tree.iter(*_SKIP_TAGS)):
        if elem.getparent() is not None:
            elem.drop_tree()
    weight: dict[lxml.etree._Element, int] = {}
    for para in tree.iter("p"):
        parent = para.getparent()
        if parent is not None:
            weight[parent] = weight.get(parent, 0) + len(_all_text(para))
    if not weight:
        return []
    best = max(weight, key=lambda e: weight[e])
    blocks = []
    for elem in best.iter(*_BLOCK_TAGS):
        text = _squash(_all_text(elem))
        if text:
            links = sum(len(_all_text(a)) for a in elem.iter("a"))
            blocks.append(Block(text, _BLOCK_TAGS[str(elem.tag)], links))
    return blocks


_XML_PARSER = lxml.etree.XMLParser(huge_tree=True, resolve_entities=False, no_network=True)
_KINDS = {"p": "p", "head": "head", "item": "item", "quote": "quote", "cell": "cell", "code": "p"}


def _blocks(parent: lxml.etree._Element) -> Iterable[Block]:
    for elem in parent:
        kind = _KINDS.get(str(elem.tag))
        if kind is None:  # list, table, row, div-like wrappers: descend
            yield from _blocks(elem)
            continue
        text, links = _inline_text(elem)
        for piece in text.split("\n"):
            squashed = _squash(piece)
            if squashed:
                share = links * len(squashed) // max(1, len(_squash(text)))
                yield Block(squashed, kind, share)
        if kind in ("item", "quote", "cell"):
            # nested lists or paragraphs inside an item or a quote
            for child in elem:
                if child.tag in ("list", "p", "quote", "table"):
                    yield from _blocks(child) if child.tag != "p" else _blocks_of_p(child)


def _blocks_of_p(elem: lxml.etree._Element) -> Iterable[Block]:
    text, links = _inline_text(elem)
    squashed = _squash(text)
    if squashed:
        yield Block(squashed, "p", links)


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _is_pointer(block: Block) -> bool:
    """Spot a "Related: …" line, a list item made of one link, or a line of URLs."""
    if _POINTER.match(block.text) and (block.link_chars or block.words <= 20):
        return True
    if block.kind == "item" and _is_link_line(block):
        return True
    without_urls = _URL.sub("", block.text)
    return bool(_URL.search(block.text)) and len(_WORD.findall(without_urls)) <= 3


def _is_link_line(block: Block) -> bool:
    return block.link_ratio >= 0.9 and block.words <= 25


def _drop_link_runs(blocks: list[Block]) -> list[Block]:
    """Two or more link-only lines in a row are a list of other stories, whatever their tags."""
    flags = [_is_link_line(b) for b in blocks]
    kept = []
    for index, block in enumerate(blocks):
        in_run = flags[index] and (
            (index > 0 and flags[index - 1]) or (index + 1 < len(flags) and flags[index + 1])
        )
        if not in_run:
            kept.append(block)
    return kept


def clean_blocks(
    blocks: Sequence[Block],
    *,
    headline: str | None = None,
    description: str | None = None,
    reference: str | None = None,
) -> list[Block]:
    """Drop the page furniture trafilatura lets through; keep the article's own blocks.

    ``headline`` and ``description`` are the page's (a copy of either above the
    text is dropped); ``reference`` is a long ``articleBody`` from the page's
    markup, used only when it agrees with the extraction.
    """
    kept = _drop_link_runs([b for b in blocks if not _is_pointer(b) and not _STAMP.match(b.text)])
    kept = _drop_lead_copies(kept, headline, description)
    kept = _drop_trailing_furniture(kept)
    if reference:
        kept = _veto_by_reference(kept, reference)
    return kept


def _drop_lead_copies(blocks: list[Block], headline: str | None, description: str | None) -> list[Block]:
    """Headline and standfirst repeated at the top of the container are not body text.

    A paragraph equal to the description stays: pages often describe an article
    by its first paragraph. Only a heading copy of it is a standfirst.
    """
    title, standfirst = _key(headline or ""), _key(description or "")
    start = 0
    while start < len(blocks) and start < 3:
        block = blocks[start]
        key = _key(block.text)
        if key and (key == title or (key == standfirst and block.kind == "head")):
            start += 1
            continue
        break
    return blocks[start:]


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


def _drop_trailing_furniture(blocks: list[Block]) -> list[Block]:
    """Drop what ends a page, not an article.

    Headings at the very end announce what the extractor already cut; a short
    line with an e-mail address among the last lines is a contact line
    ("Email the author at …").
    """
    end = len(blocks)
    while end > 0 and blocks[end - 1].kind == "head":
        end -= 1
    kept = blocks[:end]
    tail = max(0, len(kept) - 3)
    return kept[:tail] + [b for b in kept[tail:] if not (_EMAIL.search(b.text) and b.words <= 40)]


_NON_WORD = re.compile(r"[\W_]+")
#: Longer markup bodies are not used to veto blocks (the check is a substring search per block).
_MAX_REFERENCE = 200_000


def _compact(text: str) -> str:
    """Letters and digits only, lower-cased: markup bodies often glue paragraphs together."""
    return _NON_WORD.sub("", text.lower())


def _veto_by_reference(blocks: list[Block], reference: str) -> list[Block]:
    """With a trustworthy markup body, drop extracted headings and short lines it does not contain.

    The markup body is trusted only when it contains most of what we extracted
    (it is the same article, not a teaser) and is not much longer (a blob
    holding the whole page vetoes nothing).
    """
    if len(reference) > _MAX_REFERENCE:
        return blocks
    ref = _compact(reference)
    compacts = [_compact(b.text) for b in blocks]
    inside = [bool(c) and c in ref for c in compacts]
    ours = sum(len(c) for c in compacts)
    if not ref or not ours:
        return blocks
    covered = sum(len(c) for c, ok in zip(compacts, inside, strict=True) if ok) / ours
    if covered < 0.8 or len(ref) > 1.3 * ours:
        return blocks
    return [b for b, ok in zip(blocks, inside, strict=True) if ok or not _vetoable(b)]


def _vetoable(block: Block) -> bool:
    """Tell whether a block may be vetoed: headings and short lines, where furniture hides.

    Long paragraphs the extractor found are kept even when the markup body lacks
    them (markup bodies get stale).
    """
    return block.kind == "head" or block.words <= 12


def body_text(blocks: Sequence[Block]) -> str:
    """Join the blocks into one body string, separated by blank lines."""
    return "\n\n".join(b.text for b in blocks)
