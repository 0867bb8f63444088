"""Events: triggers with anchors, unreal clauses skipped, participants, places and dates."""

from __future__ import annotations

import datetime as dt
import json
import re
from importlib import resources

from _entity_index import Spec, index_names, test_iri

from newsmodel.extract.events import find_events, trigger_table
from newsmodel.extract.records import EntityKind
from newsmodel.model import Event, EventKind
from newsmodel.read.document import Document

ARTICLE = "https://example.org/news/2"
TUESDAY = dt.date(2023, 3, 28)  # a Tuesday


def _events(
    body: str, entities: Spec, published: dt.date | None = TUESDAY, per_sentence: int = 1
) -> list[Event]:
    doc = Document.build(headline="Headline about a meeting in Paris", body=body)
    return find_events(
        doc, index_names(doc, entities), article_iri=ARTICLE, published=published, per_sentence=per_sentence
    )


def _iri(name: str, kind: EntityKind) -> str:
    return test_iri(name, kind)


PEOPLE: Spec = {"Ann Lee": ("person", None), "Bo Chen": ("person", None)}


def test_meeting_with_attendees_place_and_resolved_date() -> None:
    """'A met B at the Palace on Tuesday' is a meeting of both, at the palace, on the publication day."""
    spec: Spec = {**PEOPLE, "Elysee Palace": ("place", "Landmark")}
    [event] = _events("Ann Lee met Bo Chen at the Elysee Palace on Tuesday for lunch.", spec)
    assert event.kind is EventKind.MEETING
    assert event.cameo_code == "04"
    assert event.attendees == (_iri("Ann Lee", "person"), _iri("Bo Chen", "person"))
    assert event.location == _iri("Elysee Palace", "place")
    assert str(event.start_date) == "2023-03-28"
    assert event.date_text == "on Tuesday"


def test_description_is_the_whole_sentence_as_published() -> None:
    """The evidence is the raw sentence (non-breaking spaces kept) and its span points at it in the body."""
    body = "The talks ended.\n\nAnn Lee visited\u00a0Bo Chen in Oslo last week."
    doc = Document.build(headline="H", body=body)
    [event] = find_events(
        doc, index_names(doc, {**PEOPLE, "Oslo": ("place", "City")}), article_iri=ARTICLE, published=TUESDAY
    )
    assert event.description == "Ann Lee visited\u00a0Bo Chen in Oslo last week."
    assert event.spans[0].slice(doc.body) == event.description
    assert event.kind is EventKind.VISIT
    assert str(event.start_date) == "2023-03"


def test_hypothetical_negated_and_hoped_for_clauses_report_no_event() -> None:
    """'could meet', 'did not meet', 'hopes to visit', 'if talks fail' are not events."""
    body = (
        "Ann Lee could meet Bo Chen in May. Ann Lee did not meet Bo Chen. "
        "Bo Chen hopes to visit Ann Lee soon. If talks fail, Ann Lee would leave."
    )
    assert _events(body, PEOPLE) == []


def test_trigger_without_anchor_is_no_event() -> None:
    """A trigger with no named participant or place (only a date) anchors nothing."""
    assert _events("The meeting was long and tense on Monday.", PEOPLE) == []


def test_trigger_inside_a_quotation_is_no_event() -> None:
    """The speaker's words are not the reporter's assertion."""
    assert _events('"We met and we agreed on nothing," Ann Lee said.', PEOPLE) == []


def _headline_events(headline: str, spec: Spec, body: str = "Nothing else happened.") -> list[Event]:
    doc = Document.build(headline=headline, body=body)
    return find_events(doc, index_names(doc, spec), article_iri=ARTICLE, published=TUESDAY)


def test_a_headline_verb_after_a_named_actor_is_an_event() -> None:
    """'Ann Lee meets Bo Chen' as a headline is a meeting, dated by the lead; no body span."""
    [event] = _headline_events("Ann Lee meets Bo Chen", PEOPLE, body="On Monday, nothing else happened.")
    assert event.kind is EventKind.MEETING
    assert event.attendees == (_iri("Ann Lee", "person"), _iri("Bo Chen", "person"))
    assert event.description == "Ann Lee meets Bo Chen" and event.spans == ()
    assert str(event.start_date) == "2023-03-27"


def test_a_headline_general_verb_in_the_present_and_its_joined_verbs() -> None:
    """'X buys Y, sells Z': two events of X from the present forms of the general verbs."""
    spec: Spec = {"Acme Corp": ("organization", None), "Bolt Inc": ("organization", None)}
    events = _headline_events("Acme Corp buys Bolt Inc, sells its old mill", spec)
    assert [e.name for e in events] == ["buys (Acme Corp, Bolt Inc)", "sells (Acme Corp, Bolt Inc)"]
    assert len({e.id for e in events}) == 2
    assert all(e.kind is EventKind.OTHER for e in events)


def test_a_headline_plan_after_to_is_an_event() -> None:
    """'Acme Corp to acquire Bolt Inc' announces a plan: an event; a bare noun-like 'order' is none."""
    spec: Spec = {"Acme Corp": ("organization", None), "Bolt Inc": ("organization", None)}
    [event] = _headline_events("Acme Corp to acquire Bolt Inc", spec)
    assert event.name == "acquire (Acme Corp, Bolt Inc)"
    assert _headline_events("Acme Corp order backlog grows at Bolt Inc", spec) == []


def test_a_headline_that_restates_the_body_adds_no_second_event() -> None:
    """'Ann Lee meets Bo Chen' over 'Ann Lee met Bo Chen in Oslo': one meeting, the body's."""
    events = _headline_events("Ann Lee meets Bo Chen", PEOPLE, body="On Monday, Ann Lee met Bo Chen in Oslo.")
    assert [(e.kind, e.description) for e in events] == [
        (EventKind.MEETING, "On Monday, Ann Lee met Bo Chen in Oslo.")
    ]


def test_a_headline_event_the_body_does_not_tell_stays() -> None:
    """A headline verb the body tells no twin of (another verb, same actor) is an event of its own."""
    spec: Spec = {"Acme Corp": ("organization", None), "Bolt Inc": ("organization", None)}
    body = "On Monday, Acme Corp hired Bolt Inc."
    events = _headline_events("Acme Corp sells its old mill", spec, body=body)
    assert sorted(e.name for e in events) == ["hired (Acme Corp, Bolt Inc)", "sells (Acme Corp)"]


def test_a_headlines_second_predicate_folds_only_into_a_body_event_of_its_own_verb() -> None:
    """'X repairs A, announces B' over 'X unveiled …': the announcement stays; over 'X announced' it folds."""
    spec: Spec = {"Acme Corp": ("organization", None)}
    headline = "Acme Corp repairs the mill, announces a sale"
    events = _headline_events(headline, spec, body="On Monday, Acme Corp unveiled the new mill.")
    assert [e.name.split(" ")[0] for e in events] == ["unveiled", "repairs", "announces"]
    events = _headline_events(headline, spec, body="On Monday, Acme Corp announced a sale.")
    assert [e.name.split(" ")[0] for e in events] == ["announced", "repairs"]


def test_a_headline_without_an_asserted_verb_of_a_named_actor_is_no_event() -> None:
    """Title case, speech, a wish, a noun or no named subject: no event from the headline."""
    for headline in (
        "Ann Lee Meets Bo Chen",  # title case: names and words cannot be told apart
        "Ann Lee says Bo Chen is right",  # words, not a happening
        "Ann Lee hopes to meet Bo Chen",  # a wish
        "The meetings of Ann Lee and Bo Chen",  # nouns
        "Lawyers meet Bo Chen",  # no named subject before the verb
    ):
        assert _headline_events(headline, PEOPLE) == [], headline


def test_one_event_per_sentence_by_default_more_on_request() -> None:
    """The most specific kind wins a sentence; per_sentence=2 also keeps the second kind."""
    body = "Ann Lee signed the pact in Oslo, where she first met Bo Chen."
    spec: Spec = {**PEOPLE, "Oslo": ("place", "City")}
    assert [e.kind for e in _events(body, spec)] == [EventKind.SIGNING]
    assert [e.kind for e in _events(body, spec, per_sentence=2)] == [EventKind.SIGNING, EventKind.MEETING]


def test_light_verb_gives_way_to_its_event_noun() -> None:
    """'announced new elections', 'paid a visit': the noun names the event, not the verb."""
    spec: Spec = {**PEOPLE, "Oslo": ("place", "City")}
    [event] = _events("Ann Lee paid a visit to Oslo.", spec)
    assert event.kind is EventKind.VISIT


def test_the_two_sides_resolve_to_the_two_latest_countries() -> None:
    """'The two sides signed' names the two countries mentioned just before."""
    spec: Spec = {"France": ("place", "Country"), "Chile": ("place", "Country"), "Peru": ("place", "Country")}
    body = "Peru watched as France hosted Chile. The two sides on Monday signed a pact."
    events = _events(body, spec)
    signing = [e for e in events if e.kind is EventKind.SIGNING]
    assert len(signing) == 1
    assert set(signing[0].attendees) == {_iri("France", "place"), _iri("Chile", "place")}
    assert str(signing[0].start_date) == "2023-03-27"


def test_demonym_before_an_event_noun_names_the_country() -> None:
    """'ahead of French elections in June' has France as participant when the article names France."""
    spec: Spec = {**PEOPLE, "France": ("place", "Country")}
    body = "France is divided. Ann Lee campaigns hard ahead of French elections in June."
    [event] = [e for e in _events(body, spec) if e.kind is EventKind.ELECTION]
    assert _iri("France", "place") in event.attendees
    assert str(event.start_date) == "2023-06"


def test_future_meeting_is_an_intent_to_meet() -> None:
    """'will meet … on Friday' is CAMEO 036 and resolves the weekday forward."""
    [event] = _events("Ann Lee will meet Bo Chen on Friday.", PEOPLE)
    assert event.cameo_code == "036"
    assert str(event.start_date) == "2023-03-31"


def test_without_publication_date_relative_dates_stay_unresolved() -> None:
    """No publication date: the event keeps no start date rather than inventing one."""
    [event] = _events("Ann Lee met Bo Chen on Tuesday.", PEOPLE, published=None)
    assert event.start_date is None


def test_trigger_table_is_valid_and_codes_are_cameo_like() -> None:
    """Every group of the shipped trigger file names a real kind and a 2-4 digit code or none."""
    raw = json.loads(
        (resources.files("newsmodel") / "data" / "event_triggers.json").read_text(encoding="utf-8")
    )
    for group in raw["groups"]:
        EventKind(group["kind"])
        assert group["cameo"] is None or re.fullmatch(r"\d{2,4}", group["cameo"])
        assert group["verbs"] or group["nouns"]
    assert trigger_table().triggers["met"].kind is EventKind.MEETING


def test_event_ids_are_deterministic() -> None:
    """The same article gives the same event IRIs."""
    body = "Ann Lee met Bo Chen in Oslo. Bo Chen visited Oslo on Monday."
    spec: Spec = {**PEOPLE, "Oslo": ("place", "City")}
    assert [e.id for e in _events(body, spec)] == [e.id for e in _events(body, spec)]


def test_event_without_a_date_of_its_own_takes_the_paragraphs_time() -> None:
    """A dateless sentence takes its paragraph's last date phrase before it, else the lead's time."""
    body = (
        "On Monday, the two leaders arrived in the capital. Ann Lee met Bo Chen at noon.\n\n"
        "Ann Lee met Bo Chen again later."
    )
    first, second = _events(body, PEOPLE)
    assert str(first.start_date) == "2023-03-27" and first.date_text == "On Monday"
    assert str(second.start_date) == "2023-03-27"  # the news's own time, from the lead


def test_definite_mention_of_a_reported_event_is_not_a_second_one() -> None:
    """'moved by the announcement' after an announcement is the same event; a dated one is new."""
    body = (
        "Ann Lee announced the plan on Monday. Bo Chen said he was moved by the announcement. "
        "Bo Chen welcomed the announcement on Tuesday."
    )
    events = _events(body, PEOPLE)
    assert [str(e.start_date) for e in events] == ["2023-03-27", "2023-03-28"]


def test_participle_after_a_preposition_is_an_adjective() -> None:
    """'lives on occupied land' reports no occupation; 'Ann Lee occupied the square' does."""
    assert _events("Ann Lee thanked Bo Chen, who farms on occupied land.", PEOPLE) == []
    [event] = _events("Ann Lee occupied the square with Bo Chen.", PEOPLE)
    assert event.kind is EventKind.WAR


def test_the_medium_of_words_is_no_second_event() -> None:
    """'said in the announcement' reports words; 'made an announcement with' is an announcement."""
    assert _events("Ann Lee said in the announcement that Bo Chen would stay.", PEOPLE) == []
    [event] = _events("Ann Lee made an announcement with Bo Chen.", PEOPLE)
    assert event.kind is EventKind.ANNOUNCEMENT


def test_a_name_before_a_trigger_noun_does_not_hide_the_wish() -> None:
    """'calling for a Grand Assembly Council debate' asks for one; 'attended a … debate' reports one."""
    spec: Spec = {**PEOPLE, "Grand Assembly Council": ("organization", None)}
    assert _events("Ann Lee is calling for a Grand Assembly Council debate.", spec) == []
    [event] = _events("Ann Lee attended a Grand Assembly Council debate.", spec)
    assert event.kind is EventKind.MEETING


def test_a_perfect_infinitive_describes_rather_than_reports() -> None:
    """'the only envoy to have met Bo Chen' characterizes Ann Lee; 'Ann Lee met Bo Chen' is a meeting."""
    assert _events("Ann Lee is the only envoy to have met Bo Chen.", PEOPLE) == []
    assert len(_events("Ann Lee met Bo Chen.", PEOPLE)) == 1


def test_a_general_verb_after_a_named_actor_is_an_event() -> None:
    """'Ann Lee has donated …' is an event of kind other with Ann Lee in it, though no trigger is listed."""
    [event] = _events("Ann Lee has donated the old mill to Bo Chen.", PEOPLE)
    assert event.kind is EventKind.OTHER and event.cameo_code is None
    assert event.attendees[0] == _iri("Ann Lee", "person")
    assert _iri("Bo Chen", "person") in event.attendees


def test_a_verb_whose_lemma_is_mostly_a_noun_or_adjective_reports_in_the_past() -> None:
    """'doubled', 'lowered' are verbs though 'double', 'lower' mostly are not; headline 'doubles' is none."""
    spec: Spec = {"Acme Corp": ("organization", None), "Bolt Inc": ("organization", None)}
    [doubled] = _events("Acme Corp doubled its stake in Bolt Inc.", spec)
    assert doubled.name == "doubled (Acme Corp, Bolt Inc)"
    [lowered] = _events("Acme Corp lowered the price of Bolt Inc.", spec)
    assert lowered.kind is EventKind.OTHER
    assert _headline_events("Acme Corp doubles Bolt Inc", spec) == []  # "doubles" is as often a noun


def test_a_phrasal_verb_of_doing_is_a_general_verb() -> None:
    """'Acme Corp gave up the mill' is an event named by both words; 'gave' alone (a light verb) is none."""
    spec: Spec = {"Acme Corp": ("organization", None), "Bolt Inc": ("organization", None)}
    [event] = _events("Acme Corp gave up the old mill to Bolt Inc.", spec)
    assert event.kind is EventKind.OTHER and event.name == "gave up (Acme Corp, Bolt Inc)"
    assert _events("Acme Corp gave the old mill to Bolt Inc.", spec) == []


def test_a_headline_present_verb_restates_the_bodys_phrasal_verb() -> None:
    """Headline 'Acme Corp rolls out …' over 'Acme Corp rolled out …': one event, the body's."""
    spec: Spec = {"Acme Corp": ("organization", None), "Bolt Inc": ("organization", None)}
    body = "On Monday, Acme Corp rolled out its first jet for Bolt Inc."
    events = _headline_events("Acme Corp rolls out first jet", spec, body=body)
    assert [e.name for e in events] == ["rolled out (Acme Corp, Bolt Inc)"]


def test_a_general_verb_needs_a_named_asserted_subject_doing_something() -> None:
    """No event from a pronoun subject, a catenative, a denial, a reduced relative or a present state."""
    for sentence in (
        "Then they donated the old mill to Bo Chen.",  # the subject is not a name
        "Ann Lee declined to comment on Bo Chen.",  # the happening would be the verb after "to"
        "Ann Lee never repaired the mill of Bo Chen.",  # denied
        "The mill repaired by Ann Lee fell to Bo Chen.",  # a participle after a noun
        "Ann Lee is rescued from the claims of Bo Chen.",  # a present passive: a state
    ):
        assert _events(sentence, PEOPLE) == [], sentence


def test_a_second_clause_with_its_own_named_subject_is_a_second_event() -> None:
    """'A acquired X, and B sold Y' is two happenings; 'A acquired X and sold Y' stays one."""
    spec: Spec = {"Acme Corp": ("organization", None), "Bolt Inc": ("organization", None)}
    events = _events("Acme Corp acquired the mill, and Bolt Inc sold the barn.", spec)
    assert [e.name for e in events] == ["acquired (Acme Corp, Bolt Inc)", "sold (Bolt Inc, Acme Corp)"]
    assert len({e.id for e in events}) == 2  # two happenings of one kind: two nodes, not one merged
    # a noun of the verb's kind is its background, not a first happening: one event
    assert len(_events("After the takeover of Acme Corp, Bolt Inc acquired the mill.", spec)) == 1
    assert len(_events("Acme Corp acquired the mill and sold the barn to Bolt Inc.", spec)) == 1
    assert len(_events("Acme Corp acquired the mill, and Bolt Inc could sell the barn.", spec)) == 1


def test_a_verb_of_words_with_a_quantity_for_object_is_an_event() -> None:
    """'X ordered 55 jets' is a happening, 'X ordered a review' and 'X said 20 …' are none."""
    spec: Spec = {"Acme Corp": ("organization", None), "Bolt Inc": ("organization", None)}
    [event] = _events("Acme Corp ordered 55 new jets from Bolt Inc.", spec)
    assert event.kind is EventKind.OTHER and event.name == "ordered (Acme Corp, Bolt Inc)"
    assert _events("Acme Corp ordered a review of Bolt Inc.", spec) == []
    assert _events("Acme Corp said 20 workers of Bolt Inc left.", spec) == []
    sentence = "Acme Corp has ordered US$ 6 billion in jets, while Bolt Inc has signed a deal."
    assert [e.name.split(" (")[0] for e in _events(sentence, spec)] == ["signed", "ordered"]
    [told] = _headline_events("Acme Corp delivers final 717 to Bolt Inc", spec)
    assert told.name == "delivers (Acme Corp, Bolt Inc)"


def test_a_second_clauses_perfect_participle_is_a_verb_though_unlisted() -> None:
    """'A has ordered X, while B has signed Y': 'ordered', though unlisted, is A's event in its own clause."""
    spec: Spec = {"Acme Corp": ("organization", None), "Bolt Inc": ("organization", None)}
    events = _events("Acme Corp has ordered ten jets, while Bolt Inc has signed a lease.", spec)
    assert [(e.kind, e.name) for e in events] == [
        (EventKind.SIGNING, "signed (Bolt Inc, Acme Corp)"),
        (EventKind.OTHER, "ordered (Acme Corp, Bolt Inc)"),
    ]
    assert len(_events("Bolt Inc has signed a lease and has ordered ten jets from Acme Corp.", spec)) == 1


def test_an_absolute_clause_after_a_comma_is_a_second_event() -> None:
    """'A repaired X, B ultimately acquiring it': B's second event; without the comma it is no clause."""
    spec: Spec = {"Acme Corp": ("organization", None), "Bolt Inc": ("organization", None)}
    events = _events("Acme Corp repaired the mill, Bolt Inc ultimately acquiring it.", spec)
    assert [e.name for e in events] == ["repaired (Acme Corp, Bolt Inc)", "acquiring (Bolt Inc, Acme Corp)"]
    assert len(_events("Acme Corp repaired the mill and Bolt Inc acquiring it.", spec)) == 1
    assert len(_events("Acme Corp bought the old mill and the Bolt Inc repairing tools.", spec)) == 1


def test_to_before_a_determiner_is_a_preposition_not_a_catenative() -> None:
    """'Ann Lee returned to the stage' is a happening; 'Ann Lee declined to comment' stays none."""
    spec: Spec = {**PEOPLE, "Acme Corp": ("organization", None)}
    [event] = _events("Ann Lee returned to the stage of Acme Corp.", spec)
    assert event.name == "returned (Ann Lee, Acme Corp)"
    assert _events("Ann Lee declined to comment on Acme Corp.", spec) == []


def test_a_past_or_future_passive_with_a_named_agent_or_recipient_is_its_event() -> None:
    """'The mill was sold to B', 'It will be compensated by A': B's and A's events; states, relatives: no."""
    spec: Spec = {"Acme Corp": ("organization", None), "Bolt Inc": ("organization", None)}
    [sold] = _events("The old mill was sold to Bolt Inc on Monday.", spec)
    assert sold.name == "sold (Bolt Inc)" and sold.kind is EventKind.OTHER
    [paid] = _events("The old mill will be compensated by Acme Corp.", spec)
    assert paid.name == "compensated (Acme Corp)"
    [handed] = _events("The old mill was delivered today to Bolt Inc.", spec)  # a time: no state
    assert handed.name == "delivered (Bolt Inc)"
    for sentence in (
        "The old mill is sold to Bolt Inc every year.",  # a present passive: a habit
        "The mill, which was sold to Bolt Inc, stood empty.",  # a relative clause describes the mill
        "The old mill was clearly linked to Bolt Inc.",  # a state: an unlisted participle takes no recipient
        "The sale was prompted by Acme Corp's plans.",  # the agent is the plans, not Acme Corp
    ):
        assert _events(sentence, spec) == [], sentence


def test_a_listed_trigger_wins_over_a_general_verb() -> None:
    """A sentence with a listed trigger reports that event only, not a second one from a general verb."""
    [event] = _events("Ann Lee met Bo Chen and repaired the mill.", PEOPLE)
    assert event.kind is EventKind.MEETING


def test_a_definite_happening_that_opens_the_news_is_reported() -> None:
    """'The merger of …' as the first event of an article is news; after an earlier event it refers back."""
    spec: Spec = {"Acme Corp": ("organization", None), "Bolt Inc": ("organization", None)}
    [opening] = _events("The merger of Acme Corp and Bolt Inc became final on Tuesday.", spec)
    assert opening.kind is EventKind.OTHER
    events = _events("Acme Corp met Bolt Inc on Monday. The merger of Acme Corp and Bolt Inc is large.", spec)
    assert [e.kind for e in events] == [EventKind.MEETING]


def test_a_predicate_joined_by_and_is_a_second_event() -> None:
    """'met … and paid a visit to …' reports a meeting and a visit; a relative clause adds nothing."""
    spec: Spec = {**PEOPLE, "Vell Prison": ("place", "Landmark")}
    both = _events("Ann Lee met Bo Chen and paid a visit to Vell Prison.", spec)
    assert [e.kind for e in both] == [EventKind.MEETING, EventKind.VISIT]
    assert len({e.id for e in both}) == 2
    one = _events("Ann Lee met Bo Chen, who paid a visit to Vell Prison.", spec)
    assert [e.kind for e in one] == [EventKind.MEETING]


def test_a_country_after_a_verb_or_a_clause_word_is_no_location() -> None:
    """After a verb, a capitalized word or a clause word a country is no place; 'in northern X' is one."""
    spec: Spec = {**PEOPLE, "Valoria": ("place", "Country")}
    for sentence in (
        "Ann Lee agreed to allow Valoria to host the talks with Bo Chen.",
        "Ann Lee on Monday attacked Valoria and Bo Chen.",
        "Ann Lee met Bo Chen over whether the Valoria pact holds.",
    ):
        [event] = _events(sentence, spec)
        assert event.location is None, sentence
    [event] = _events("Ann Lee met Bo Chen in northern Valoria.", spec)
    assert event.location == _iri("Valoria", "place")


def test_an_undated_paragraph_takes_the_time_of_the_lead() -> None:
    """A later undated paragraph takes the lead's date if near publication; a war (a state) does not."""
    body = "Ann Lee met Bo Chen on Monday.\n\nBo Chen visited Ann Lee too.\n\nAnn Lee and Bo Chen fought."
    events = _events(body, PEOPLE)
    assert [e.kind for e in events] == [EventKind.MEETING, EventKind.VISIT, EventKind.WAR]
    assert [str(e.start_date) if e.start_date else None for e in events] == ["2023-03-27", "2023-03-27", None]
    old_news = _events("Ann Lee met Bo Chen on March 1.\n\nBo Chen visited Ann Lee too.", PEOPLE)
    assert [str(e.start_date) if e.start_date else None for e in old_news] == ["2023-03-01", None]


def test_a_setting_a_habit_or_a_description_is_no_happening() -> None:
    """'during the summit', 'is accused by', 'others selected by': no event; 'was first selected by' is."""
    spec: Spec = {**PEOPLE, "Vell Board": ("organization", None)}
    for sentence in (
        "Ann Lee spoke to Bo Chen during the summit.",  # the summit is when, not what
        "Ann Lee is accused by Bo Chen of lying.",  # a present passive: a standing state
        "Ann Lee spoke with the others selected by Vell Board.",  # a participle describing "others"
    ):
        assert _events(sentence, spec) == [], sentence
    [event] = _events("Ann Lee was first selected by Vell Board in May.", spec)
    assert event.attendees == (_iri("Ann Lee", "person"), _iri("Vell Board", "organization"))
    [summit] = _events("Ann Lee attended the summit with Bo Chen.", spec)
    assert summit.kind is EventKind.MEETING


def test_a_reported_happening_of_the_reporter_is_an_event() -> None:
    """'X said it has repaired Y', 'X said it will repair Y': the complement is X's happening."""
    spec: Spec = {"Acme Corp": ("organization", None), "Bolt Inc": ("organization", None)}
    for sentence in (
        "Acme Corp said on Monday that it has repaired the mill of Bolt Inc.",
        "Acme Corp said it will repair the mill of Bolt Inc.",
        "Acme Corp said it is repairing the mill of Bolt Inc.",
    ):
        [event] = _events(sentence, spec)
        assert event.kind is EventKind.OTHER, sentence
        assert event.attendees == (_iri("Acme Corp", "organization"), _iri("Bolt Inc", "organization"))
    for sentence in (
        "Acme Corp said it would repair the mill of Bolt Inc.",  # a wish
        "Acme Corp said it did not repair the mill of Bolt Inc.",  # a denial
        "Acme Corp said it is ready for Bolt Inc.",  # a state, not a verb of doing
        "Acme Corp said the bank has repaired the mill of Bolt Inc.",  # not the reporter's own happening
    ):
        assert _events(sentence, spec) == [], sentence


def test_a_reporters_will_with_any_verb_of_doing_is_its_event() -> None:
    """'X announced it will give …' is X's event though 'give' is no listed verb; 'it will be …' is none."""
    spec: Spec = {"Acme Corp": ("organization", None), "Bolt Inc": ("organization", None)}
    [event] = _events("Acme Corp said on Friday that it will give the old mill to Bolt Inc.", spec)
    assert event.name == "give (Acme Corp, Bolt Inc)" and event.kind is EventKind.OTHER
    for sentence in (
        "Acme Corp said it will be ready for Bolt Inc.",  # a state
        "Acme Corp said it will continue to talk with Bolt Inc.",  # the happening would follow "to"
        "Acme Corp said it will soon be ready for Bolt Inc.",  # an adverb, then a state
    ):
        assert _events(sentence, spec) == [], sentence


def test_any_verb_after_a_named_subjects_will_is_an_event() -> None:
    """'Acme Corp will own …' is an event though 'own' is unlisted; a state, a denial, 'begin' are none."""
    spec: Spec = {"Acme Corp": ("organization", None), "Bolt Inc": ("organization", None)}
    [event] = _events("Under the new pact, Acme Corp will own the old mill of Bolt Inc.", spec)
    assert event.name == "own (Acme Corp, Bolt Inc)" and event.kind is EventKind.OTHER
    [stepping] = _events("Acme Corp will also step down from the board of Bolt Inc.", spec)
    assert stepping.name.startswith("step down (Acme Corp")  # a phrasal verb of bare_verbs.txt, whole
    for sentence in (
        "Acme Corp will be ready for Bolt Inc.",  # a state
        "Acme Corp will not own the mill of Bolt Inc.",  # denied
        "Acme Corp will begin production for Bolt Inc.",  # the happening is the production
        "Acme Corp would own the mill of Bolt Inc.",  # a wish, no "will"
    ):
        assert _events(sentence, spec) == [], sentence


def test_a_relative_clause_does_not_take_the_narratives_time() -> None:
    """'X, who signed the pact …' describes X: no date from the paragraph; the main clause keeps it."""
    spec: Spec = {**PEOPLE, "Valoria": ("place", "Country")}
    body = "On Monday, Ann Lee met Bo Chen. Talks matter to Bo Chen, who signed the pact with Valoria."
    first, second = _events(body, spec)
    assert str(first.start_date) == "2023-03-27"
    assert second.kind is EventKind.SIGNING and second.start_date is None
    [main] = _events("On Monday, Ann Lee met Bo Chen. Bo Chen signed the pact with Valoria.", spec)[1:]
    assert str(main.start_date) == "2023-03-27"


def test_an_opening_they_after_an_organization_subject_is_that_organization() -> None:
    """'Acme Corp showed … They also demonstrated …': Acme Corp takes part; after a person, no one."""
    spec: Spec = {**PEOPLE, "Acme Corp": ("organization", None), "Volt Pad": ("organization", None)}
    events = _events("Acme Corp met Bo Chen on Monday. They also demonstrated the Volt Pad.", spec)
    assert _iri("Acme Corp", "organization") in events[1].attendees
    events = _events("Ann Lee met Acme Corp on Monday. They also demonstrated the Volt Pad.", spec)
    assert _iri("Acme Corp", "organization") not in events[1].attendees


def test_a_general_verb_after_an_opening_resolved_pronoun_is_an_event() -> None:
    """'He donated …' after 'Bo Chen …' is Bo Chen's event; 'It …' and an unresolved 'she' are not."""
    spec: Spec = {"Bo Chen": ("person", None), "Acme Corp": ("organization", None)}
    body = "Bo Chen spoke on Monday, Acme Corp said. He donated the old mill."
    [event] = _events(body, spec)
    assert event.kind is EventKind.OTHER and event.attendees[0] == _iri("Bo Chen", "person")
    assert _events("Bo Chen spoke on Monday, Acme Corp said. It donated the old mill.", spec) == []
    assert _events("Acme Corp spoke on Monday. She donated the old mill.", spec) == []


def test_a_general_verb_after_an_apposition_has_the_name_before_it_as_subject() -> None:
    """'Bo Chen, 49, has repaired …' is Bo Chen's event, not dated by the apposition; 'X, when …,' none."""
    spec: Spec = {"Bo Chen": ("person", None), "Acme Corp": ("organization", None)}
    [event] = _events("Bo Chen, born on May 2, 1950, has repaired the old mill of Acme Corp.", spec)
    assert event.attendees[0] == _iri("Bo Chen", "person") and event.start_date is None
    [event] = _events("Bo Chen, 49, repaired the old mill on Monday.", spec)
    assert str(event.start_date) == "2023-03-27"
    assert _events("Bo Chen, when Acme Corp was tired, repaired the old mill.", spec) == []


def test_a_bracket_after_the_subject_does_not_hide_it() -> None:
    """'Bo Chen (D-Vt.) repaired …' and 'Acme Corp (AC) has repaired …': the name before the bracket acts."""
    spec: Spec = {
        "Bo Chen": ("person", None),
        "Acme Corp": ("organization", None),
        "AC": ("organization", None),
    }
    [event] = _events("Senator Bo Chen (D-Vt.) repaired the old mill.", spec)
    assert event.attendees[0] == _iri("Bo Chen", "person")
    [event] = _events("Acme Corp (AC) has repaired the old mill.", spec)
    assert event.attendees[0] == _iri("Acme Corp", "organization")
    assert _events("Senator Bo Chen (a long aside that goes on and on) repaired the mill.", spec) == []


def test_a_resignation_in_the_present_progressive_is_an_event() -> None:
    """'Ann Lee is stepping down from …', 'Bo Chen is resigning': the listed verbs in every form used."""
    spec: Spec = {**PEOPLE, "Acme Corp": ("organization", None)}
    for sentence, verb in (
        ("Ann Lee is stepping down from the board of Acme Corp.", "stepping down"),
        ("Bo Chen is resigning from Acme Corp.", "resigning"),
    ):
        [event] = _events(sentence, spec)
        assert event.kind is EventKind.OTHER and event.name.startswith(verb), sentence


def test_a_verb_whose_happening_follows_it_after_will_is_no_event() -> None:
    """'Acme Corp will allow Ann Lee to …', '… will become …': the happening, if any, is the verb after."""
    spec: Spec = {"Ann Lee": ("person", None), "Acme Corp": ("organization", None)}
    assert _events("Acme Corp will allow Ann Lee to paint the old mill.", spec) == []
    assert _events("Acme Corp will become the largest mill in Springfield.", spec) == []


def test_a_relative_clause_in_commas_does_not_hide_the_subject() -> None:
    """'Acme Corp, which makes tools, will repair …': Acme Corp acts, as after an apposition."""
    spec: Spec = {"Acme Corp": ("organization", None), "Bolt Inc": ("organization", None)}
    [event] = _events("Acme Corp, which makes tools, will also repair the old mill.", spec)
    assert event.name.startswith("repair") and event.attendees[0] == _iri("Acme Corp", "organization")


def test_a_name_set_in_commas_or_before_its_bracket_and_an_apposition_is_the_subject() -> None:
    """'Tool maker, Acme Corp, has repaired …', 'Acme Corp (AC), a maker …, has repaired …': Acme acts."""
    spec: Spec = {
        "Acme Corp": ("organization", None),
        "AC": ("organization", None),
        "Bolt Inc": ("organization", None),
    }
    [event] = _events("European tool maker, Acme Corp, has repaired the old mill of Bolt Inc.", spec)
    assert event.kind is EventKind.OTHER and event.attendees[0] == _iri("Acme Corp", "organization")
    [event] = _events("Acme Corp (AC), the parent company of Bolt Inc, has repaired the old mill.", spec)
    assert event.attendees[0] == _iri("Acme Corp", "organization")
    assert _events("On Monday, Acme Corp, repaired the old mill.", spec) == []  # no description before
    assert _events("In June, Acme Corp, Bolt Inc and others repaired the old mill.", spec) == []  # a list


def test_a_general_verb_in_the_progressive_after_a_named_actor_is_an_event() -> None:
    """'Bo Chen will be repairing …', 'Acme Corp was repairing …': events; 'is repairing' (ongoing) is not."""
    spec: Spec = {"Bo Chen": ("person", None), "Acme Corp": ("organization", None)}
    assert _events("Acme Corp is repairing the old mill.", spec) == []
    for sentence in ("Bo Chen will be repairing the old mill.", "Acme Corp was repairing the old mill."):
        [event] = _events(sentence, spec)
        assert event.kind is EventKind.OTHER and event.name.startswith("repairing"), sentence
    assert _events("The ship sailing towards Acme Corp was travelling slowly.", spec) == []  # not a subject


def test_the_airline_is_the_last_airline_named_not_the_last_organization() -> None:
    """'The airline … repaired …' after an airline and a maker: the airline acts (by name or apposition)."""
    spec: Spec = {"Zorvia Airways": ("organization", None), "Bolt Aero": ("organization", None)}
    body = "Zorvia Airways ordered ten jets from Bolt Aero. The airline repaired the old hangar."
    events = _events(body, spec, per_sentence=2)
    repaired = [e for e in events if e.name.startswith("repaired")]
    assert repaired and repaired[0].attendees == (_iri("Zorvia Airways", "organization"),)
    spec = {"Quenta": ("organization", None), "Bolt Aero": ("organization", None)}
    body = "Quenta, the national carrier, ordered jets from Bolt Aero. The airline repaired the old hangar."
    repaired = [e for e in _events(body, spec, per_sentence=2) if e.name.startswith("repaired")]
    assert repaired and repaired[0].attendees == (_iri("Quenta", "organization"),)
    body = "Quenta ordered jets from Bolt Aero. The company repaired the old hangar."  # no kind: the nearest
    repaired = [e for e in _events(body, spec, per_sentence=2) if e.name.startswith("repaired")]
    assert repaired and repaired[0].attendees == (_iri("Bolt Aero", "organization"),)


def test_a_subject_after_an_opening_adverbial_is_resolved() -> None:
    """'In addition to X, Y and Z, they have announced …' after 'Acme Corp have …': Acme Corp announced."""
    spec: Spec = {"Acme Corp": ("organization", None)}
    body = (
        "Acme Corp have repaired the old mill. "
        "In addition to the red barn, the shed and the gate, they have announced a new bridge."
    )
    announced = [e for e in _events(body, spec) if e.name.startswith("announced")]
    assert announced and announced[0].attendees == (_iri("Acme Corp", "organization"),)
    body = "Acme Corp have repaired the old mill. Some farmers, they say, have announced a new bridge."
    assert [e for e in _events(body, spec) if e.name.startswith("announced")] == []
