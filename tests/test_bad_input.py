"""Bad input: a clear NewsmodelError or a valid article, never a crash, in time linear in the input."""

from __future__ import annotations

from pathlib import Path

import pytest
from _timing import cpu_seconds
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsmodel import read_text
from newsmodel.errors import NewsmodelError, ReadError
from newsmodel.model import NewsArticle

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_f91c40fb5c9215a3.txt"


def _valid(article: NewsArticle) -> None:
    """The article passes the JSON Schema (``to_dict`` validates) and reads back equal."""
    from newsmodel.serialize.json import from_dict, to_dict

    assert from_dict(to_dict(article)) == article


def _outcome(data: str | bytes) -> NewsArticle | None:
    """The article, or None when a NewsmodelError says why there is none."""
    try:
        article = read_text(data)
    except NewsmodelError:
        return None
    _valid(article)
    return article


@pytest.mark.parametrize("data", ["", "   \n\t  \r\n", b"", b"\n\n\n", "\u00a0\u2003\u3000"])
def test_empty_or_whitespace_is_a_read_error(data: str | bytes) -> None:
    """Nothing to read is a ReadError saying the article is empty."""
    with pytest.raises(ReadError, match="empty"):
        read_text(data)


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 8,
        b"\x7fELF\x02\x01\x01\x00" + bytes(1000),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    ],
)
def test_binary_bytes_are_a_read_error(data: bytes) -> None:
    """Binary data (an executable, an image, every byte value) is refused as not text."""
    with pytest.raises(ReadError, match=r"binary|undecodable"):
        read_text(data)


@pytest.mark.parametrize(
    "data",
    [
        "Заголовок\n\nТекст статьи о встрече в Кремле.".encode("koi8_r"),
        "\u65e5\u672c\u8a9e\u306e\u8a18\u4e8b\u3067\u3059\u3002".encode("shift_jis") * 10,
        b"Title\n\n" + bytes([0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC]) * 20,
    ],
)
def test_undecodable_encodings_are_a_read_error(data: bytes) -> None:
    """Bytes that are neither UTF-8 nor safely Windows-1252 are refused, not read as mojibake."""
    with pytest.raises(ReadError, match="undecodable"):
        read_text(data)


def test_legacy_encoding_that_is_safe_reads() -> None:
    """Mostly-ASCII Windows-1252 (curly quotes, an accent) reads into a valid article."""
    article = read_text(b"Caf\xe9 owner speaks\n\n\x93We are open,\x94 said Ann Lee, the owner.")
    _valid(article)
    assert article.headline == "Café owner speaks"
    assert [q.text for q in article.quotations] == ["We are open,"]


@pytest.mark.parametrize(
    "text",
    [
        "no sentences here just words without any punctuation at all " * 50,
        "!!! ??? ... ;;; --- ::: ,,, ''' " * 100,
        "Headline only",
        "1 2 3 4 5 6 7 8 9 10\n\n11 12 13",
        "\n".join("x" for _ in range(5000)),
        "A" * 100_000,
    ],
    ids=["words", "punctuation", "headline-only", "numbers", "many-lines", "one-token"],
)
def test_text_without_sentences_gives_a_valid_article(text: str) -> None:
    """Text with no sentences (words, punctuation, numbers, one huge token) still maps to a valid article."""
    article = read_text(text)
    _valid(article)
    assert article.headline


@pytest.mark.parametrize(
    "marks",
    ['"' * 10_000, "\u201c" * 10_000, '"a" ' * 5_000, "\u201c\u201d" * 5_000, "'" * 10_000, "''" * 5_000],
    ids=["straight", "curly-open", "short-quotes", "curly-pairs", "apostrophes", "double-apostrophes"],
)
def test_ten_thousand_quote_marks(marks: str) -> None:
    """An article made of 10,000 quote marks maps to a valid article (or a clear error)."""
    _outcome(f"Quotes\n\nHe said {marks} and left.")


@pytest.mark.parametrize(
    "unit",
    [
        SEED.read_text(encoding="utf-8").split("\n", 4)[-1] + "\n\n",  # real prose
        '"Yes," he said. "No." ' * 20 + "\n",  # quotation-dense
        '"' * 500 + "\n",  # unbalanced marks
        "word " * 400,  # no sentences, one paragraph
    ],
    ids=["prose", "quotes", "unbalanced-marks", "no-sentences"],
)
def test_time_is_roughly_linear(unit: str) -> None:
    """Four times the input takes nowhere near sixteen times as long (loose bound: under 10x)."""
    small = "Headline\n\n" + unit * 20
    large = "Headline\n\n" + unit * 80
    t_small = cpu_seconds(lambda: _outcome(small))
    t_large = cpu_seconds(lambda: _outcome(large))
    assert t_large < 10 * max(t_small, 0.005), (t_small, t_large)


def test_ten_megabyte_article() -> None:
    """A 10 MB article is read and mapped into a valid article under the default 20 MB limit."""
    prose = SEED.read_text(encoding="utf-8").split("\n", 4)[-1]
    copies = 10_000_000 // (len(prose.encode()) + 2) + 1
    data = ("Big article\n\n" + "\n\n".join([prose] * copies)).encode()
    assert len(data) >= 10_000_000
    article = read_text(data)
    assert article.headline == "Big article"
    assert len(article.article_body or "") >= 9_000_000
    assert article.people and article.quotations


def test_over_the_limit_is_a_read_error() -> None:
    """Input over the size limit is refused before any work is done."""
    with pytest.raises(ReadError, match="too large"):
        read_text("x" * 1001, max_size=1000)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_arbitrary_text_never_crashes(text: str) -> None:
    """Any text gives a NewsmodelError or an article whose JSON validates and round-trips."""
    _outcome(text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_crash(data: bytes) -> None:
    """Any bytes give a NewsmodelError (binary, undecodable, empty) or a valid article."""
    _outcome(data)


_WORDS = st.sampled_from(
    [
        "Duarte",
        "Reyes",
        "said",
        "met",
        "in",
        "Lisbon",
        "on",
        "Tuesday",
        "the",
        "President",
        "Peruvian",
        "agreed",
        "signed",
        "deal",
        '"',
        "\u201c",
        "\u201d",
        ".",
        ",",
        "\n",
        "\n\n",
        "last",
        "year",
        "U.S.",
        "Sen.",
        "Ann",
        "Lee",
        "(AP)",
        "-",
        "\u2014",
        "talks",
        "election",
        "will",
        "visit",
        "Pentagon",
        "he",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_WORDS, max_size=80).map(" ".join), st.sampled_from([None, "2017-03-28", "2019-11-20"]))
def test_arbitrary_news_like_text_never_crashes(text: str, published: str | None) -> None:
    """News-like word salad (names, quotes, dates, triggers) maps to a valid article or a clear error."""
    meta = {"datePublished": published} if published else None
    try:
        article = read_text(text, meta)
    except NewsmodelError:
        return
    _valid(article)
