"""Direct quotations: finding them over paragraphs and crediting their speakers."""

from __future__ import annotations

from _entity_index import GenderSpec, index_names, test_iri
from _timing import cpu_seconds
from hypothesis import given, settings
from hypothesis import strategies as st

from newsmodel.extract.agreements import find_agreements
from newsmodel.extract.attribution import build_attributor
from newsmodel.extract.events import find_events
from newsmodel.extract.quotes import find_quotations
from newsmodel.extract.records import EntityIndex, EntityKind
from newsmodel.model import Agreement, Event, Quotation
from newsmodel.read.document import Document

ARTICLE = "https://example.org/news/1"


def _quotes(body: str, entities: GenderSpec, headline: str = "Headline") -> tuple[Document, list[Quotation]]:
    doc = Document.build(headline=headline, body=body)
    return doc, find_quotations(doc, index_names(doc, genders=entities), article_iri=ARTICLE)


def _speaker(name: str, kind: EntityKind = "person") -> str:
    return test_iri(name, kind)


def test_speaker_after_the_quote_and_inverted() -> None:
    """'"…," Lee said' and '"…," said Lee' both credit Lee; the text excludes the marks."""
    _, quotes = _quotes(
        '"Prices will rise," Ann Lee said. "Rates will fall," said Bo Chen, an economist at Acme.',
        {"Ann Lee": ("person", "f"), "Bo Chen": ("person", "m"), "Acme": ("organization", None)},
    )
    assert [(q.text, q.speaker, q.partial) for q in quotes] == [
        ("Prices will rise,", _speaker("Ann Lee"), False),
        ("Rates will fall,", _speaker("Bo Chen"), False),
    ]


def test_colon_introduction_and_according_to() -> None:
    """'Lee said: "…"' credits Lee; 'according to Chen, "…"' credits Chen."""
    _, quotes = _quotes(
        'Ann Lee said: "The plan failed."\n\nAccording to Bo Chen, the plan "never had a chance."',
        {"Ann Lee": ("person", None), "Bo Chen": ("person", None)},
    )
    assert [q.speaker for q in quotes] == [_speaker("Ann Lee"), _speaker("Bo Chen")]
    assert [q.partial for q in quotes] == [False, True]


def test_pronoun_speaker_takes_the_person_of_matching_gender() -> None:
    """'she said' in a later sentence resolves to the nearest woman, past a nearer man."""
    _, quotes = _quotes(
        'Ann Lee met Bo Chen on Monday. The talks were long.\n\n"We made progress," she said.',
        {"Ann Lee": ("person", "f"), "Bo Chen": ("person", "m")},
    )
    assert [q.speaker for q in quotes] == [_speaker("Ann Lee")]


def test_pronoun_without_known_genders_prefers_the_recent_subject() -> None:
    """With no gender known, 'he said' goes to the person who was the subject, not the object."""
    _, quotes = _quotes(
        'Quorin Lee criticized Tavix Chen on Monday.\n\n"It was a mistake," he said.',
        {"Quorin Lee": ("person", None), "Tavix Chen": ("person", None)},
    )
    assert [q.speaker for q in quotes] == [_speaker("Quorin Lee")]


def test_role_subject_resolves_to_the_organization() -> None:
    """'the spokesperson said' and 'the company said' credit the organization named before."""
    _, quotes = _quotes(
        "Acme Corp. cut 300 jobs on Friday.\n\n"
        '"This was painful," the company said. A spokesperson for Acme Corp. added that it was "temporary."',
        {"Acme Corp.": ("organization", None)},
    )
    assert [q.speaker for q in quotes] == [_speaker("Acme Corp.", "organization")] * 2


def test_partial_quote_in_reporters_sentence() -> None:
    """'called him a "liar"' is a partial quote of the caller, not of the first name in the sentence."""
    _, quotes = _quotes(
        'During the hearing, Bo Chen looked on as Ann Lee called him a "liar."',
        {"Ann Lee": ("person", None), "Bo Chen": ("person", None)},
    )
    assert [(q.text, q.speaker, q.partial) for q in quotes] == [("liar.", _speaker("Ann Lee"), True)]


def test_unattributed_quote_has_no_speaker() -> None:
    """A slogan nobody is said to have said keeps a null speaker; an unnamed subject gives none either."""
    _, quotes = _quotes(
        'The banner read "No more war, no more fear."\n\n'
        'Analysts called it "a turning point in the talks."\n\n'
        'Ann Lee lives in Oslo, with forecasters warning that smog will reach "very severe levels" soon.',
        {"Ann Lee": ("person", None)},
    )
    assert [(q.text, q.speaker) for q in quotes] == [
        ("No more war, no more fear.", None),
        ("a turning point in the talks.", None),
        ("very severe levels", None),
    ]


def test_quote_continues_over_paragraphs() -> None:
    """A paragraph that opens a quote and never closes it continues in the next one that opens with a mark."""
    doc, quotes = _quotes(
        'Ann Lee said: "We will rebuild the bridge.\n\n"It will take two years."\n\nThe council agreed.',
        {"Ann Lee": ("person", None)},
    )
    assert len(quotes) == 1
    assert quotes[0].text == "We will rebuild the bridge. It will take two years."
    assert quotes[0].speaker == _speaker("Ann Lee")
    assert [s.slice(doc.body) for s in quotes[0].spans] == [
        "We will rebuild the bridge.",
        "It will take two years.",
    ]


def test_continuation_quote_inherits_the_speaker() -> None:
    """A second quote in the paragraph, or a paragraph of quote alone, keeps the speaker before it."""
    _, quotes = _quotes(
        '"We are ready," Ann Lee told reporters. "The team is strong."\n\n"Nothing will stop us."',
        {"Ann Lee": ("person", None)},
    )
    assert [q.speaker for q in quotes] == [_speaker("Ann Lee")] * 3


def test_headline_single_quotes_and_curly_marks() -> None:
    """Single quotes in the headline and curly double quotes in the body are both quotations."""
    doc, quotes = _quotes(
        "\u201cWe won\u2019t stop,\u201d Ann Lee said.",
        {"Ann Lee": ("person", None)},
        headline="Lee vows 'no retreat' as strike goes on",
    )
    assert [q.text for q in quotes] == ["no retreat", "We won't stop,"]
    assert quotes[0].spans == ()  # the headline is not part of articleBody
    assert quotes[1].spans[0].slice(doc.body) == "We won\u2019t stop,"


def test_double_apostrophe_closes_a_quotation() -> None:
    """A quotation opened with a curly mark and closed with two apostrophes is found whole."""
    _, quotes = _quotes("\u201cIt was wrong,\u2019\u2019 Ann Lee said.", {"Ann Lee": ("person", None)})
    assert [q.text for q in quotes] == ["It was wrong,"]


def test_names_titles_and_scare_quotes_are_not_quotations() -> None:
    """Title-case names, nicknamed things and one-word scare quotes are skipped."""
    _, quotes = _quotes(
        'The old mill, nicknamed the "Harbor Hotel," closed. Critics mocked the "plan" online. '
        'She watched "Blue Sky Nights" twice. He trademarked the word "Go" and later said so.',
        {},
    )
    assert quotes == []


def test_quotation_ids_are_deterministic_and_unique() -> None:
    """The same input gives the same IRIs, one per quotation."""
    body = '"One," Ann Lee said. "Two," Ann Lee said.'
    _, first = _quotes(body, {"Ann Lee": ("person", None)})
    _, second = _quotes(body, {"Ann Lee": ("person", None)})
    assert [q.id for q in first] == [q.id for q in second]
    assert len({q.id for q in first}) == 2


def test_ten_thousand_quote_marks_run_in_linear_time() -> None:
    """10,000 quote marks cost about twice 5,000 (with slack): pairing is one pass."""

    def cost(n: int) -> float:
        doc = Document.build(headline="Marks", body='"a" said Lee. ' * (n // 2))
        index = EntityIndex(records=[], mentions=[])
        return cpu_seconds(lambda: find_quotations(doc, index, article_iri=ARTICLE))

    small, large = cost(5_000), cost(10_000)
    assert large < max(small, 1e-3) * 4, (small, large)


def test_unbalanced_marks_do_not_crash_or_invent_quotes() -> None:
    """A stray mark at the end of the last paragraph opens nothing that runs past the text."""
    _, quotes = _quotes('He said "yes" and then "', {})
    assert [q.text for q in quotes] == []  # "yes" is one word with no named speaker: a scare quote


_PIECES = st.sampled_from(
    [
        '"',
        "'",
        "''",
        " said ",
        " Ann Lee ",
        " he ",
        " met ",
        " signed a deal with ",
        ". ",
        ", ",
        "\n\n",
        "x",
        "The",
        ":",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=40), st.text(max_size=30))
def test_arbitrary_text_never_breaks_the_frame_extractors(pieces: list[str], noise: str) -> None:
    """Any mix of marks, names and words gives valid frames whose spans lie inside the body."""
    body = "".join(pieces) + noise
    if not body.strip():
        return
    doc = Document.build(headline="H 'x", body=body.strip("\n") or "x")
    index = index_names(doc, genders={"Ann Lee": ("person", "f")})
    attributor = build_attributor(doc, index)
    found: list[Quotation | Event | Agreement] = [
        *find_quotations(doc, index, article_iri=ARTICLE, attributor=attributor),
        *find_events(doc, index, article_iri=ARTICLE, published=None, attributor=attributor),
        *find_agreements(doc, index, article_iri=ARTICLE, published=None, attributor=attributor),
    ]
    for item in found:
        assert all(0 <= s.start <= s.end <= len(doc.body) for s in item.spans)
