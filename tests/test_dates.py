"""Date phrases: found with their surface text, resolved against the publication date, durations left out."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from newsmodel.extract.dates import DateMention, find_dates
from newsmodel.model import PartialDate

PUBLISHED = dt.date(2023, 3, 28)  # a Tuesday


def _dates(text: str, published: dt.date | None = PUBLISHED) -> list[tuple[str, str | None]]:
    mentions = find_dates(text, 0, len(text), published)
    return [(m.text, None if m.value is None else str(m.value)) for m in mentions]


def _value(text: str, phrase: str, published: dt.date | None = PUBLISHED) -> str | None:
    for mention in find_dates(text, 0, len(text), published):
        if phrase in mention.text:
            return None if mention.value is None else str(mention.value)
    raise AssertionError(f"{phrase!r} not found in {_dates(text, published)}")


def test_relative_phrases_resolve_against_the_publication_day() -> None:
    """Relative dates resolve against the publication day (a Tuesday) as the annotation rules require."""
    text = (
        "Duarte met Reyes at the museum on Tuesday. Exports grew 9% last year. Both firms this week "
        "sealed contracts, ahead of Peruvian elections in May, under a law passed last week."
    )
    assert _value(text, "on Tuesday") == str(PUBLISHED)
    assert _value(text, "last year") == f"{PUBLISHED.year - 1}"
    assert _value(text, "this week") == PUBLISHED.strftime("%Y-%m")
    assert _value(text, "in May") == f"{PUBLISHED.year}-05"
    assert _value(text, "last week") == (PUBLISHED - dt.timedelta(days=7)).strftime("%Y-%m")


def test_mentions_carry_offsets_and_surface_text() -> None:
    """Each mention's text is exactly the slice of the input at its offsets, within the range asked for."""
    text = "Before. He spoke on Tuesday and again yesterday. After last year."
    start, end = 8, text.index("After")
    mentions = find_dates(text, start, end, PUBLISHED)
    assert [m.text for m in mentions] == ["on Tuesday", "yesterday"]
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
        assert start <= mention.start < mention.end <= end


@pytest.mark.parametrize(
    "text",
    [
        "The long, six-year border war goes on.",
        "They have traded for more than 300 years.",
        "They have shared many years, if not decades, of rivalry.",
        "The ship sailed for two weeks and then for a month.",
        "Over the last year prices rose; in the next month they may fall.",
        "The company cut 2000 jobs and sold 1500 cars.",
        "A 2-1/2 year price war; the 2020s; a 747 jet; $2019 in cash; 2019% growth.",
        "The shop opens every Tuesday.",
    ],
)
def test_durations_and_numbers_are_not_dates(text: str) -> None:
    """Durations, recurrences, decades and plain numbers yield no date mention at all."""
    assert find_dates(text, 0, len(text), PUBLISHED) == []


def test_without_publication_date_nothing_relative_is_invented() -> None:
    """With no publication date, relative phrases are found but unresolved; absolute ones still resolve."""
    text = "On Tuesday, last week, in May and on Nov. 14 they met; the treaty dates from May 5, 2019."
    values = dict(_dates(text, None))
    assert values["On Tuesday"] is None and values["last week"] is None
    assert values["in May"] is None and values["on Nov. 14"] is None
    assert values["from May 5, 2019"] == "2019-05-05"


def test_future_tense_moves_month_and_weekday_forward() -> None:
    """'will', 'next', 'scheduled' send a bare month, month-day or weekday forward; the past sends it back."""
    published = dt.date(2019, 11, 19)  # a Tuesday
    assert _value("The vote will be held in March.", "March", published) == "2020-03"
    assert _value("The vote was held in March.", "March", published) == "2019-03"
    assert _value("In December, the company offered to buy Northwind.", "December", published) == "2018-12"
    assert _value("A hearing is now scheduled for Feb. 14.", "Feb. 14", published) == "2020-02-14"
    assert _value("She was fined for the March 21 post.", "March 21", published) == "2019-03-21"
    assert _value("The meeting will be postponed to Friday.", "Friday", published) == "2019-11-22"
    assert _value("The meeting was held on Friday.", "Friday", published) == "2019-11-15"
    assert _value("They talk next Tuesday.", "Tuesday", published) == "2019-11-26"
    assert _value("They talked last Tuesday.", "Tuesday", published) == "2019-11-12"


def test_explicit_dates_of_every_shape() -> None:
    """Month-day-year, day-month, month-year, ISO and bare years resolve to their stated precision."""
    got = dict(
        _dates(
            "It began on 15 November, was signed on Tuesday, November 19, 2019, closed in June 2018, "
            "was filed 2019-02-03, dated from 1998 and ends by the end of 2025.",
            dt.date(2019, 11, 20),
        )
    )
    assert got["on 15 November"] == "2019-11-15"
    assert got["on Tuesday, November 19, 2019"] == "2019-11-19"
    assert got["in June 2018"] == "2018-06"
    assert got["2019-02-03"] == "2019-02-03"
    assert got["from 1998"] == "1998"
    assert got["by the end of 2025"] == "2025"


def test_impossible_calendar_dates_stay_unresolved() -> None:
    """February 30 is found as a phrase but has no value."""
    assert _value("It happened on Feb. 30, 2019.", "Feb. 30") is None


def test_relative_units() -> None:
    """'N units ago', seasons, 'last night' and 'earlier this month' land on the right period."""
    published = dt.date(2019, 11, 20)
    got = dict(
        _dates(
            "He left five days ago, two weeks ago, three months ago and a year ago; last night; "
            "earlier this month; this fall; last summer; next spring; tomorrow.",
            published,
        )
    )
    assert got["five days ago"] == str(published - dt.timedelta(days=5))
    assert got["two weeks ago"] == (published - dt.timedelta(weeks=2)).strftime("%Y-%m")
    assert got["three months ago"] == "2019-08"
    assert got["a year ago"] == "2018"
    assert got["last night"] == str(published - dt.timedelta(days=1))
    assert got["earlier this month"] == "2019-11"
    assert got["this fall"] == "2019" and got["last summer"] == "2019" and got["next spring"] == "2020"
    assert got["tomorrow"] == str(published + dt.timedelta(days=1))


def test_month_names_that_are_people_are_not_dates() -> None:
    """A bare capitalized month with no preposition ('Theresa May said') is not a date."""
    assert _dates("Theresa May said the plan was sound.") == []


@pytest.mark.parametrize(
    ("sentence", "phrase", "mode"),
    [
        ("He spoke on Tuesday.", "Tuesday", "current_period"),
        ("He spoke on Friday.", "Friday", "current_period"),
        ("He spoke Monday.", "Monday", "current_period"),
        ("Trade rose last year.", "last year", "current_period"),
        ("It was unveiled last week.", "last week", "current_period"),
        ("They met this week.", "this week", "current_period"),
        ("They meet next month.", "next month", "current_period"),
        ("They met last month.", "last month", "current_period"),
        ("He left yesterday.", "yesterday", "current_period"),
        ("He left two weeks ago.", "two weeks ago", "current_period"),
        ("Elections will be held in May.", "May", "future"),
        ("They will meet on Friday.", "Friday", "future"),
        ("It was signed May 5, 2019.", "May 5, 2019", "current_period"),
        ("It was signed in March 2016.", "March 2016", "current_period"),
    ],
)
def test_agrees_with_dateparser(sentence: str, phrase: str, mode: str) -> None:
    """Our arithmetic gives what dateparser gives for the phrase, at our precision."""
    import dateparser  # the reference (a dev dependency); the library itself never imports it

    mention = next(m for m in find_dates(sentence, 0, len(sentence), PUBLISHED) if phrase in m.text)
    assert mention.value is not None
    reference = dateparser.parse(
        phrase,
        settings={"RELATIVE_BASE": dt.datetime.combine(PUBLISHED, dt.time()), "PREFER_DATES_FROM": mode},
    )
    assert reference is not None
    expected = PartialDate.from_date(reference.date())
    assert str(mention.value) == str(expected)[: len(str(mention.value))]


def test_datetime_publication_uses_its_day() -> None:
    """A publication timestamp resolves like its calendar day."""
    stamp = dt.datetime(2023, 3, 28, 23, 59, tzinfo=dt.UTC)
    assert _dates("They met on Tuesday.", stamp) == _dates("They met on Tuesday.", PUBLISHED)


def test_mention_is_a_plain_value() -> None:
    """DateMention compares by value, so results can be checked and deduplicated."""
    value = PartialDate(year=2017)
    assert DateMention(0, 9, "last year", value) == DateMention(0, 9, "last year", value)


def test_importing_dates_does_not_load_dateparser() -> None:
    """The module stays light at import: dateparser is never needed to find or resolve a phrase."""
    code = (
        "import sys, datetime; from newsmodel.extract.dates import find_dates; "
        "find_dates('on Tuesday', 0, 10, datetime.date(2023, 3, 28)); print('dateparser' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("The fair drew crowds this weekend, organisers said.", dt.date(2021, 5, 11), "2021-05-08"),
        ("The tournament ran throughout the weekend.", dt.date(2021, 5, 12), "2021-05-08"),
        ("The club will play this weekend.", dt.date(2021, 5, 12), "2021-05-15"),
        ("The club will play next weekend.", dt.date(2021, 5, 12), "2021-05-15"),
        ("Last weekend the club lost.", dt.date(2021, 5, 10), "2021-05-08"),
        ("Last weekend the club lost.", dt.date(2021, 5, 9), "2021-05-01"),
    ],
)
def test_weekend_is_dated_by_its_saturday(sentence: str, published: dt.date, expected: str) -> None:
    """A weekend resolves to its Saturday: the one just gone in a past clause, the next one ahead."""
    [mention] = find_dates(sentence, 0, len(sentence), published)
    assert str(mention.value) == expected


def test_spelled_out_counts_and_year_edges_resolve() -> None:
    """Spelled-out counts before 'ago' resolve, and so do 'the beginning of the year' and its kin."""
    text = (
        "Seventeen years ago the mill closed; sales rose at the beginning of the year "
        "and by the end of the month."
    )
    found = [(m.text, str(m.value)) for m in find_dates(text, 0, len(text), dt.date(2020, 4, 9))]
    assert found == [
        ("Seventeen years ago", "2003"),
        ("the beginning of the year", "2020"),
        ("the end of the month", "2020-04"),
    ]


def test_to_be_held_looks_forward() -> None:
    """'an event to be held on October 12' in a past-tense sentence is still the coming October 12."""
    text = "The firm announced today another event to be held on October 12."
    found = [str(m.value) for m in find_dates(text, 0, len(text), dt.date(2019, 10, 4))]
    assert found == ["2019-10-04", "2019-10-12"]
