r"""Plain-text articles (and their ``<stem>.meta.json`` sidecars) to a ``Document``.

Text copied from a web page carries page furniture ("Skip to main content",
"Share this article", cookie notices) and seldom a full stop after the
headline. The reader drops whole lines that are furniture, takes the first
remaining line as the headline (or the sidecar's headline when the text starts
with it), and keeps the paragraphs. Every character that survives keeps its
place: line ends become ``\n`` and Unicode is composed (NFC), and each change
of offset is recorded in ``Document.source_offsets``, so a span found in the
document maps back to the reader's input.

Bytes are decoded as UTF-8 (with or without a BOM); a Windows-1252 reading is
tried only when the bytes are mostly ASCII and decode to letters and
punctuation. Binary data, empty text and oversized input are ``ReadError``.

>>> doc = read_document("Skip to main content\r\n\r\nDuarte greets Reyes\r\n\r\nThey met.")
>>> doc.headline, doc.body
('Duarte greets Reyes', 'They met.')
>>> doc.source_offset(doc.body_start)  # "They" stood at offset 47 of the input
47
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from newsmodel.errors import ReadError
from newsmodel.iri import is_web_url
from newsmodel.iri_repair import repair_iri
from newsmodel.read.document import Document, Metadata, normalize_chars

__all__ = [
    "BOILERPLATE_PATTERNS",
    "DEFAULT_MAX_SIZE",
    "decode_bytes",
    "metadata_from_mapping",
    "read_document",
    "read_sidecar",
    "sidecar_path",
]

#: Largest input read by default: 20 MB of bytes, or 20 million characters.
DEFAULT_MAX_SIZE = 20_000_000

#: Whole lines that are page furniture, not article text (matched case-insensitively
#: against the stripped line, with typographic characters normalized). General web
#: vocabulary written for this project; extend it by passing ``boilerplate=``.
BOILERPLATE_PATTERNS: tuple[str, ...] = (
    r"skip (?:to|navigation)(?: (?:the )?(?:main )?(?:content|article|navigation|menu))?",
    r"jump to (?:main )?(?:content|navigation)",
    r"(?:toggle |main |open |close )?(?:menu|navigation|search)",
    r"share(?: (?:this|the))?(?: (?:article|story|post|page|video))?(?: on \w+)?",
    r"(?:share|post|tweet|pin|email) (?:on|to|via|with) (?:facebook|twitter|linkedin|whatsapp|"
    r"reddit|pinterest|email|x|messenger|telegram)",
    r"(?:facebook|twitter|linkedin|whatsapp|reddit|pinterest|email|print|comments?|copy link)"
    r"(?:\s*[|/·•,]\s*(?:facebook|twitter|linkedin|whatsapp|reddit|pinterest|email|print|comments?|"
    r"copy link))*",
    r"(?:subscribe|sign up|register|join)(?: (?:now|today|here|free))?(?: (?:to|for) .{0,60})?",
    r"sign (?:up|in) for (?:our|the|a) (?:free )?(?:\w+ )?newsletters?.{0,60}",
    r"(?:get|receive) (?:our|the) (?:\w+ )?newsletters?.{0,60}",
    r"(?:already a subscriber|not a subscriber)\??.{0,60}",
    r"(?:log|sign) ?(?:in|out)(?: (?:to|with) .{0,40})?",
    r"follow us(?: on| @)?.{0,80}",
    r"like us on facebook.{0,40}",
    r"(?:this (?:site|website) )?(?:we )?uses? cookies.{0,200}",
    r".{0,120}\bcookies? (?:policy|settings|preferences|consent)\b.{0,120}",
    r"(?:accept|reject|manage)(?: all)? cookies",
    r"(?:advertisement|advertising|sponsored(?: content)?|ad|promoted)",
    r"(?:story continues|article continues) (?:below|after) (?:this )?(?:advertisement|ad)",
    r"(?:read|see|show|load) (?:more|less|full story|the full story|comments)(?: \W?)?",
    r"(?:related|recommended|more from \w+|most (?:read|popular)|trending(?: now)?|you may also like)"
    r"(?: (?:articles|stories|coverage|content))?:?",
    r"(?:click|tap) here.{0,80}",
    r"(?:©|\(c\)|copyright)\s*.{0,120}",
    r"all rights reserved\.?",
    r"(?:back to top|top of page|print this (?:article|page)|email this (?:article|page))",
    r"(?:please )?enable javascript.{0,80}",
    r"(?:watch|listen)(?: now| live)?:?",
    r"(?:updated|published|posted):?",
)

# A single compiled regex for every pattern: one fullmatch per line.
_BOILERPLATE = re.compile("|".join(f"(?:{p})" for p in BOILERPLATE_PATTERNS), re.IGNORECASE)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Characters that can never stand in article text (C0/C1 controls other than
# tab and newline, lone surrogates): replaced one for one.
_BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")
_WS = re.compile(r"\s+")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
# A line longer than this (characters) is text, whatever words it holds.
_MAX_FURNITURE = 300
# A headline longer than this (characters) is really a paragraph without one.
_MAX_HEADLINE = 300


# --------------------------------------------------------------------------- bytes


def decode_bytes(data: bytes, *, max_size: int = DEFAULT_MAX_SIZE) -> str:
    r"""Decode an article's bytes: UTF-8 (BOM or not), else a safe Windows-1252 reading.

    >>> decode_bytes("caf\u00e9".encode())
    'café'
    >>> decode_bytes(b"caf\xe9 au lait")
    'café au lait'
    >>> decode_bytes(b"\x00\x01\x02binary")
    Traceback (most recent call last):
    ...
    newsmodel.errors.ReadError: binary data, not text (NUL bytes)
    """
    if len(data) > max_size:
        raise ReadError(f"input too large: {len(data)} bytes, the limit is {max_size}")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ReadError(f"undecodable UTF-16 text: {exc.reason} at byte {exc.start}") from exc
    if b"\x00" in data:
        raise ReadError("binary data, not text (NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    text = _decode_legacy(data)
    if text is None:
        raise ReadError(
            f"undecodable text: not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) "
            "and not plausibly Windows-1252"
        ) from utf8_error
    return text


def _decode_legacy(data: bytes) -> str | None:
    """Windows-1252, only when the bytes are mostly ASCII and the high ones read as letters."""
    high = sum(1 for b in data if b >= 0x80)
    if high > max(8, len(data) // 10):
        return None
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    for char in text:
        if ord(char) >= 0x80 and unicodedata.category(char)[0] not in "LPSZ":
            return None
    return text


def _check_text(text: str) -> None:
    """Refuse text that is binary data decoded by accident."""
    if "\x00" in text:
        raise ReadError("binary data, not text (NUL characters)")
    sample = text[:65536]
    controls = len(_BAD_CHARS.findall(sample))
    if controls and controls * 10 > len(sample):
        raise ReadError(f"binary data, not text ({controls} control characters in {len(sample)})")


# --------------------------------------------------------------------------- lines


class _Builder:
    """Collects kept pieces of the input and the offset map back to it."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.offsets: list[tuple[int, int]] = []

    def add(self, piece: str, source: int | None) -> None:
        """Append ``piece``; ``source`` is where it starts in the input (``None``: inserted)."""
        if source is not None and (
            not self.offsets or self.offsets[-1][1] - self.offsets[-1][0] != source - self.length
        ):
            self.offsets.append((self.length, source))
        self.parts.append(piece)
        self.length += len(piece)

    def add_normalized(self, line: str, source: int) -> None:
        """Append ``line`` in NFC, recording each offset shift that composition causes."""
        if unicodedata.is_normalized("NFC", line):
            self.add(line, source)
            return
        cluster_start = 0
        for i in range(1, len(line) + 1):
            if i < len(line) and (unicodedata.combining(line[i]) or 0x1160 <= ord(line[i]) <= 0x11FF):
                continue
            self.add(unicodedata.normalize("NFC", line[cluster_start:i]), source + cluster_start)
            cluster_start = i

    def text(self) -> str:
        return "".join(self.parts)


def _lines(text: str) -> list[tuple[int, str]]:
    """``(offset, line)`` for each line of ``text``, line ends of any convention removed."""
    out: list[tuple[int, str]] = []
    pos = 0
    for match in _LINE_BREAK.finditer(text):
        out.append((pos, text[pos : match.start()]))
        pos = match.end()
    out.append((pos, text[pos:]))
    return out


def _is_boilerplate(line: str, extra: re.Pattern[str] | None) -> bool:
    if len(line) > _MAX_FURNITURE or not line.strip():
        return False
    key = _WS.sub(" ", line if line.isascii() else normalize_chars(line)).strip(" |·•>»-")
    return bool(key) and bool(_BOILERPLATE.fullmatch(key) or (extra is not None and extra.fullmatch(key)))


def _comparable(text: str) -> str:
    return _WS.sub(" ", normalize_chars(unicodedata.normalize("NFC", text))).strip().casefold()


# --------------------------------------------------------------------------- documents


def read_document(
    text: str | bytes,
    meta: Mapping[str, Any] | Metadata | None = None,
    *,
    max_size: int = DEFAULT_MAX_SIZE,
    boilerplate: Iterable[str] = (),
) -> Document:
    r"""Read a plain-text article into a ``Document`` (headline split off, furniture dropped).

    ``meta`` is a sidecar mapping (``datePublished``, ``headline``, ``url``, …) or a
    ``Metadata``. ``boilerplate`` adds regular expressions for whole lines to drop.

    >>> doc = read_document("Duarte meets Reyes\nThe two presidents met on Tuesday.")
    >>> doc.headline
    'Duarte meets Reyes'
    >>> read_document("   \n ")
    Traceback (most recent call last):
    ...
    newsmodel.errors.ReadError: empty article
    """
    metadata = meta if isinstance(meta, Metadata) else metadata_from_mapping(meta or {})
    if isinstance(text, bytes | bytearray):
        text = decode_bytes(bytes(text), max_size=max_size)
    elif not isinstance(text, str):
        raise ReadError(f"an article is text or bytes, not {type(text).__name__}")
    if len(text) > max_size:
        raise ReadError(f"input too large: {len(text)} characters, the limit is {max_size}")
    if not text.strip():
        raise ReadError("empty article")
    _check_text(text)
    if text.startswith("\ufeff"):
        text = " " + text[1:]
    text = _BAD_CHARS.sub(lambda m: "\ufffd" if m.group() >= "\ud800" else " ", text)
    extra = re.compile("|".join(f"(?:{p})" for p in boilerplate), re.IGNORECASE) if boilerplate else None

    kept = [(pos, line.rstrip()) for pos, line in _lines(text) if not _is_boilerplate(line, extra)]
    while kept and not kept[0][1].strip():
        kept.pop(0)
    while kept and not kept[-1][1].strip():
        kept.pop()
    if not kept:
        raise ReadError("no article text: every line is page boilerplate")
    headline, body = _split_headline(kept, metadata.headline)
    return _assemble(headline, body, metadata)


_Piece = tuple[int, str]  # (offset in the input, text)


def _split_headline(kept: list[_Piece], meta_headline: str | None) -> tuple[list[_Piece], list[_Piece]]:
    """Headline pieces and body lines.

    The sidecar's headline wins when the text starts with it (possibly over
    several lines); otherwise the first line, unless that line is a whole
    paragraph, whose first sentence then stands in as headline and stays in the body.
    """
    first_pos, first = kept[0]
    indent = len(first) - len(first.lstrip())
    first_pos, first = first_pos + indent, first.lstrip()
    target = _comparable(meta_headline) if meta_headline else ""
    if target:
        joined, pieces = "", []
        for i, (pos, line) in enumerate(kept[: 2 + target.count(" ")]):
            stripped = line.strip()
            if not stripped:
                continue
            lead = len(line) - len(line.lstrip())
            candidate = (joined + " " + _comparable(stripped)).strip()
            pieces.append((pos + lead, stripped))
            if candidate == target:
                return pieces, kept[i + 1 :]
            if not target.startswith(candidate + " "):
                break
            joined = candidate
    if len(first) <= _MAX_HEADLINE:
        rest = kept[1:]
        if any(line.strip() for _, line in rest):
            return [(first_pos, first)], rest
        # One line only: it is both the headline and the whole body.
        return [(first_pos, first)], [(first_pos, first)]
    # The text opens with a long paragraph: no headline of its own, so the
    # sidecar's or the paragraph's first sentence (or first words) stands in.
    if meta_headline and meta_headline.strip():
        return [(-1, _WS.sub(" ", meta_headline).strip())], kept
    match = _SENTENCE_END.search(first, 0, _MAX_HEADLINE + 2)
    cut = match.start() + 1 if match else first.rfind(" ", 0, _MAX_HEADLINE)
    cut = cut if cut > 0 else _MAX_HEADLINE
    return [(first_pos, first[:cut].rstrip())], kept


def _assemble(headline: list[_Piece], body: list[_Piece], meta: Metadata) -> Document:
    """Join headline pieces and body lines into a ``Document`` with its offset map."""
    builder = _Builder()
    for i, (pos, piece) in enumerate(headline):
        if i:
            builder.add(" ", None)
        if pos < 0:
            builder.add(unicodedata.normalize("NFC", piece), None)
        else:
            builder.add_normalized(piece, pos)
    head_text = builder.text()
    builder.add("\n\n", None)
    while body and not body[0][1].strip():
        body = body[1:]
    for i, (pos, line) in enumerate(body):
        if i:
            builder.add("\n", None)
        builder.add_normalized(line, pos)
    raw = builder.text()
    doc = Document.build(
        headline=head_text,
        body=raw[len(head_text) + 2 :],
        meta=meta,
        source_offsets=tuple(builder.offsets),
    )
    return doc


# --------------------------------------------------------------------------- metadata


def sidecar_path(path: str | Path) -> Path:
    """Return the sidecar path of an article file: ``a/b.txt`` -> ``a/b.meta.json``.

    >>> str(sidecar_path("seeds/000.txt"))
    'seeds/000.meta.json'
    """
    path = Path(path)
    name = path.name
    for suffix in (".html.gz", ".txt", ".html", ".htm", ".json"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    return path.with_name(f"{name}.meta.json")


def read_sidecar(path: str | Path) -> Metadata:
    """Read a ``<stem>.meta.json`` sidecar; a bad file or field is a ``ReadError`` naming both."""
    path = Path(path)
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except OSError as exc:
        raise ReadError(f"{path}: cannot read sidecar: {exc.strerror or exc}") from exc
    except (UnicodeDecodeError, ValueError) as exc:
        raise ReadError(f"{path}: sidecar is not valid UTF-8 JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise ReadError(f"{path}: sidecar must be a JSON object, not {type(data).__name__}")
    try:
        return metadata_from_mapping(data)
    except ReadError as exc:
        raise ReadError(f"{path}: {exc}") from exc


# Sidecar keys (schema.org spelling first) and the Metadata field each fills.
_KEYS: dict[str, str] = {
    "url": "url",
    "headline": "headline",
    "name": "headline",
    "datePublished": "date_published",
    "date_published": "date_published",
    "dateModified": "date_modified",
    "date_modified": "date_modified",
    "publisher": "publisher",
    "author": "authors",
    "authors": "authors",
    "inLanguage": "language",
    "in_language": "language",
    "language": "language",
    "articleSection": "section",
    "section": "section",
    "description": "description",
}


def metadata_from_mapping(data: Mapping[str, Any]) -> Metadata:
    """Metadata from a sidecar-like mapping; unknown keys are ignored, bad values refused.

    >>> meta = metadata_from_mapping({"datePublished": "2023-03-28", "author": "Ann Lee"})
    >>> meta.date_published, meta.authors
    (datetime.date(2023, 3, 28), ('Ann Lee',))
    >>> metadata_from_mapping({"datePublished": "last Tuesday"})
    Traceback (most recent call last):
    ...
    newsmodel.errors.ReadError: datePublished: 'last Tuesday' is not an ISO 8601 date
    """
    if not isinstance(data, Mapping):
        raise ReadError(f"metadata must be a mapping, not {type(data).__name__}")
    fields: dict[str, Any] = {}
    for key, value in data.items():
        field = _KEYS.get(key)
        if field is None or value is None:
            continue
        if field in ("date_published", "date_modified"):
            fields[field] = _date(key, value)
        elif field == "url":
            fields["url"] = _url(key, value)
        elif field == "publisher":
            name, url, logo = _publisher(key, value)
            fields.update(publisher=name, publisher_url=url, publisher_logo=logo)
        elif field == "authors":
            names, urls = _authors(key, value)
            fields.update(authors=names, author_urls=urls)
        elif field == "language":
            if not isinstance(value, str) or not _LANGUAGE.fullmatch(value.strip()):
                raise ReadError(f"{key}: {value!r} is not a BCP 47 language tag")
            fields["language"] = value.strip()
        else:
            fields[field] = _string(key, value)
    return Metadata(**fields)


def _string(key: str, value: Any) -> str | None:
    if not isinstance(value, str):
        raise ReadError(f"{key}: expected a string, got {type(value).__name__}")
    return value.strip() or None


def _url(key: str, value: Any) -> str | None:
    """An http(s) IRI from a sidecar value; characters RFC 3987 disallows are percent-encoded."""
    text = _string(key, value)
    if text is not None:
        text = repair_iri(text, where=key)
    if text is not None and not is_web_url(text):
        raise ReadError(f"{key}: {text!r} is not an http(s) URL; only http and https URLs become links")
    return text


def _date(key: str, value: Any) -> dt.date | dt.datetime:
    if isinstance(value, dt.date):  # datetime is a date too
        return value
    if not isinstance(value, str):
        raise ReadError(f"{key}: expected an ISO 8601 date string, got {type(value).__name__}")
    text = value.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text)
    except ValueError as exc:
        raise ReadError(f"{key}: {value!r} is not an ISO 8601 date") from exc


def _publisher(key: str, value: Any) -> tuple[str | None, str | None, str | None]:
    if isinstance(value, str):
        return value.strip() or None, None, None
    if isinstance(value, Mapping):
        name = _string(f"{key}.name", value.get("name")) if value.get("name") is not None else None
        url = _url(f"{key}.url", value.get("url")) if value.get("url") is not None else None
        logo = value.get("logo")
        if isinstance(logo, Mapping):
            logo = logo.get("url")
        logo_url = _url(f"{key}.logo", logo) if logo is not None else None
        return name, url, logo_url
    raise ReadError(f"{key}: expected a name or an object with a name, got {type(value).__name__}")


def _authors(key: str, value: Any) -> tuple[tuple[str, ...], tuple[str | None, ...]]:
    items = value if isinstance(value, list | tuple) else [value]
    names: list[str] = []
    urls: list[str | None] = []
    for i, item in enumerate(items):
        where = f"{key}[{i}]" if isinstance(value, list | tuple) else key
        if isinstance(item, str):
            name, url = item.strip(), None
        elif isinstance(item, Mapping):
            raw_name = item.get("name")
            if not isinstance(raw_name, str):
                raise ReadError(f"{where}.name: expected a string, got {type(raw_name).__name__}")
            name = raw_name.strip()
            url = _url(f"{where}.url", item["url"]) if item.get("url") is not None else None
        else:
            raise ReadError(f"{where}: expected a name or an object with a name, got {type(item).__name__}")
        if name and name not in names:
            names.append(name)
            urls.append(url)
    return tuple(names), tuple(urls)
