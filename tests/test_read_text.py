"""Reading plain text: furniture, headlines, paragraphs, offsets, encodings, sidecars."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from pathlib import Path

import pytest

from newsmodel.errors import ReadError
from newsmodel.read.document import Document, Metadata
from newsmodel.read.text import decode_bytes, read_document, read_sidecar, sidecar_path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SEED = SEEDS / "000_f91c40fb5c9215a3.txt"


def _maps_back(doc: Document, source: str) -> None:
    """Every line of every paragraph stands, character for character, at its source offset."""
    for start, end in doc.paragraphs:
        pos = start
        for line in doc.raw[start:end].split("\n"):
            at = doc.source_offset(pos)
            assert source[at : at + len(line)] == line, (pos, line)
            pos += len(line) + 1


def test_boilerplate_lines_are_dropped() -> None:
    """Page furniture lines disappear; article lines that merely mention such words stay."""
    text = (
        "Skip to main content\n\nMayor opens bridge\n\nShare this article\n"
        "The mayor opened the bridge. Readers can subscribe to updates, she said.\n\n"
        "Follow us on Twitter\nAdvertisement\nWe use cookies to improve your experience.\n"
        "The bridge cost $5 million.\n\nSubscribe"
    )
    doc = read_document(text)
    assert doc.headline == "Mayor opens bridge"
    assert "Share this" not in doc.body and "Follow us" not in doc.body and "cookies" not in doc.body
    assert "Advertisement" not in doc.body and not doc.body.endswith("Subscribe")
    assert "Readers can subscribe to updates" in doc.body
    assert "The bridge cost $5 million." in doc.body


def test_extra_boilerplate_patterns_are_honoured() -> None:
    """A caller's own furniture pattern drops the lines it matches."""
    text = "Headline\n\nBody one.\nMORE AT EXAMPLE DOT COM\nBody two."
    doc = read_document(text, boilerplate=[r"more at .*"])
    assert "EXAMPLE" not in doc.body
    assert "Body two." in doc.body


def test_headline_without_full_stop_is_split_from_body() -> None:
    """The first line is the headline even when it has no full stop and no blank line follows."""
    doc = read_document("Duarte meets Reyes\nThe two presidents met on Tuesday. They agreed.")
    assert doc.headline == "Duarte meets Reyes"
    assert doc.body == "The two presidents met on Tuesday. They agreed."
    assert doc.text[: doc.body_start].strip() == "Duarte meets Reyes"


def test_sidecar_headline_spanning_lines_is_used() -> None:
    """When the text starts with the sidecar's headline, even broken over two lines, that is the headline."""
    doc = read_document(
        "Duarte hosts Peruvian leader,\npraises ally\n\nBody text here.",
        {"headline": "Duarte hosts Peruvian leader, praises ally"},
    )
    assert doc.headline == "Duarte hosts Peruvian leader, praises ally"
    assert doc.body == "Body text here."


def test_long_first_paragraph_keeps_the_whole_body() -> None:
    """A text opening with a long paragraph keeps it all in the body; its first sentence is the headline."""
    first = "The council voted on Monday to close the old bridge for repairs. " + "It reopens later. " * 20
    doc = read_document(first + "\n\nSecond paragraph.")
    assert doc.headline == "The council voted on Monday to close the old bridge for repairs."
    assert doc.body.startswith("The council voted on Monday")
    assert doc.body.endswith("Second paragraph.")


def test_long_line_without_sentences_keeps_a_short_headline() -> None:
    """A huge first line with no sentence end gives a headline of its first words; the body keeps it all."""
    doc = read_document("word " * 2000)
    assert 0 < len(doc.headline) <= 300 and doc.headline.startswith("word word")
    assert doc.body == ("word " * 2000).rstrip()


def test_single_line_is_headline_and_body() -> None:
    """A one-line article is not lost: it is both the headline and the body."""
    doc = read_document("Markets closed higher on Friday")
    assert doc.headline == doc.body == "Markets closed higher on Friday"


def test_paragraphs_are_kept() -> None:
    """Blank lines separate paragraphs; each paragraph is one entry after the headline."""
    doc = read_document("Title\n\nOne.\n\nTwo, still.\n\n\nThree.")
    assert [doc.raw[s:e] for s, e in doc.paragraphs] == ["Title", "One.", "Two, still.", "Three."]


def test_crlf_and_offsets_map_back_to_the_input() -> None:
    """CRLF and lone CR become newlines, and every paragraph maps back to its place in the input."""
    source = (
        "Skip to main content\r\n\r\nTitle here\r\n\r\nFirst line.\rSecond line.\r\n\r\nShare\r\nLast one."
    )
    doc = read_document(source)
    assert "\r" not in doc.raw
    _maps_back(doc, source)
    last = doc.raw.index("Last one.")
    assert source[doc.source_offset(last) :].startswith("Last one.")


def test_nfc_composition_keeps_offsets_mapped() -> None:
    """Decomposed accents are composed (NFC) and later text still maps back to its source offset."""
    source = "Cafe\u0301 owners meet\n\nThe cafe\u0301 in Sa\u0303o Paulo opened. Jose\u0301 Silva spoke."
    doc = read_document(source)
    assert unicodedata.is_normalized("NFC", doc.raw)
    assert "São Paulo" in doc.body and "José Silva" in doc.body
    at = doc.raw.index("Silva")
    assert source[doc.source_offset(at) :].startswith("Silva")


def test_typographic_characters_are_normalized_one_for_one() -> None:
    """Non-breaking spaces, curly quotes and dashes are plain in ``text`` but published as-is in ``raw``."""
    doc = read_document("Title\n\nPresident\u00a0Ana Duarte called it a \u201cwin\u201d \u2014 again.")
    assert len(doc.text) == len(doc.raw)
    assert 'President Ana Duarte called it a "win" - again.' in doc.text
    assert "\u00a0" in doc.body and "\u201c" in doc.body


def test_seed_reads_with_its_sidecar() -> None:
    """The seed's furniture line is dropped, its headline comes out whole, and its date is read."""
    meta = read_sidecar(sidecar_path(SEED))
    doc = read_document(SEED.read_bytes(), meta)
    assert doc.headline == json.loads(sidecar_path(SEED).read_text())["headline"]
    assert doc.body.startswith("Russian President")
    assert "Skip to main content" not in doc.raw
    assert doc.meta.date_published == dt.date(2017, 3, 28)
    _maps_back(doc, SEED.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("\ufeffTitle\n\nBody caf\u00e9.".encode(), "café"),
        (b"Title\n\nThe caf\xe9 \x93opened\x94 today.", "\u201copened\u201d"),
        ("Title\n\nBody.".encode("utf-16"), "Body."),
    ],
)
def test_bytes_are_decoded(data: bytes, expected: str) -> None:
    """UTF-8 with a BOM, mostly-ASCII Windows-1252 and UTF-16 with a BOM all decode."""
    assert expected in read_document(data).body


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty article"),
        (b"  \n\t \r\n ", "empty article"),
        (b"\x00\x01\x02\x03binary\x00", "binary"),
        (bytes(range(128, 256)) * 4, "undecodable"),
        ("\u65e5\u672c\u8a9e\u306e\u8a18\u4e8b".encode("shift_jis") * 20, "undecodable"),
        (b"Subscribe\n\nFollow us on Twitter\n", "boilerplate"),
    ],
)
def test_unreadable_bytes_raise_read_error(data: bytes, message: str) -> None:
    """Empty, binary, undecodable or furniture-only input is a ``ReadError`` that says why."""
    with pytest.raises(ReadError, match=message):
        read_document(data)


def test_control_characters_in_text_are_binary() -> None:
    """A string made mostly of control characters is refused as binary data."""
    with pytest.raises(ReadError, match="binary"):
        read_document("\x01\x02\x03\x04\x05\x06 text \x07\x08\x0e\x0f\x10\x11")


def test_stray_controls_and_surrogates_are_replaced() -> None:
    """A few stray control characters and lone surrogates are replaced, keeping every offset."""
    source = "Title\n\nBody\x07 with a bell and a \ud800 surrogate."
    doc = read_document(source)
    assert "\x07" not in doc.raw and "\ud800" not in doc.raw
    assert len(doc.raw) == len(source)
    doc.raw.encode("utf-8")


def test_size_limit() -> None:
    """Input over the size limit is refused for both bytes and text; the limit is a parameter."""
    with pytest.raises(ReadError, match="too large"):
        read_document(b"Title\n\n" + b"x" * 100, max_size=50)
    with pytest.raises(ReadError, match="too large"):
        read_document("Title\n\n" + "x" * 100, max_size=50)
    assert read_document("Title\n\n" + "x" * 100, max_size=500).body == "x" * 100


def test_decode_refuses_latin1_with_many_high_bytes() -> None:
    """Legacy decoding is only tried for mostly-ASCII bytes, never for random high bytes."""
    with pytest.raises(ReadError):
        decode_bytes(bytes(range(0x80, 0x100)))


def test_metadata_mapping_is_read() -> None:
    """Sidecar keys fill Metadata: ISO dates (with offset), authors as list or objects, publisher object."""
    doc = read_document(
        "Title\n\nBody.",
        {
            "url": "https://example.com/a",
            "datePublished": "2019-11-20T08:30:00+04:00",
            "dateModified": "2019-11-21",
            "author": [{"name": "Ann Lee", "url": "https://example.com/ann"}, "Bo Chen"],
            "publisher": {"name": "Example News", "logo": {"url": "https://example.com/logo.png"}},
            "inLanguage": "en-GB",
        },
    )
    meta = doc.meta
    assert meta.date_published == dt.datetime(2019, 11, 20, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=4)))
    assert meta.date_modified == dt.date(2019, 11, 21)
    assert meta.authors == ("Ann Lee", "Bo Chen")
    assert meta.author_urls == ("https://example.com/ann", None)
    assert meta.publisher == "Example News" and meta.publisher_logo == "https://example.com/logo.png"
    assert meta.language == "en-GB"


def test_metadata_object_passes_through() -> None:
    """A ``Metadata`` given by the caller is used as is."""
    meta = Metadata(headline="Title", publisher="X")
    assert read_document("Title\n\nBody.", meta).meta is meta


@pytest.mark.parametrize(
    ("sidecar", "field"),
    [
        ({"datePublished": "yesterday"}, "datePublished"),
        ({"datePublished": 20191120}, "datePublished"),
        ({"url": "not a url"}, "url"),
        ({"inLanguage": "English!"}, "inLanguage"),
        ({"author": [{"url": "https://x.org"}]}, "author[0].name"),
        ({"headline": ["a", "b"]}, "headline"),
    ],
)
def test_bad_sidecar_names_file_and_field(tmp_path: Path, sidecar: dict[str, object], field: str) -> None:
    """A sidecar with a bad value is a ReadError naming the file and the field."""
    path = tmp_path / "a.meta.json"
    path.write_text(json.dumps(sidecar))
    with pytest.raises(ReadError) as info:
        read_sidecar(path)
    assert str(path) in str(info.value) and field in str(info.value)


def test_sidecar_that_is_not_json_or_not_an_object(tmp_path: Path) -> None:
    """Broken JSON, a JSON list and a missing file are ReadErrors naming the file."""
    broken = tmp_path / "b.meta.json"
    broken.write_text("{nope")
    listed = tmp_path / "c.meta.json"
    listed.write_text("[1, 2]")
    for path in (broken, listed, tmp_path / "missing.meta.json"):
        with pytest.raises(ReadError, match=str(path.name)):
            read_sidecar(path)


def test_sidecar_path_names() -> None:
    """The sidecar of ``x.txt``, ``x.html`` and ``x.html.gz`` is ``x.meta.json``."""
    for name in ("x.txt", "x.html", "x.html.gz"):
        assert sidecar_path(Path("d") / name) == Path("d") / "x.meta.json"
