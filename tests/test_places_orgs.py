"""Places and organizations beyond the old gazetteer: one test per mechanism, on invented sentences."""

from __future__ import annotations

from newsmodel.extract.entities import find_entities
from newsmodel.extract.gazetteer import lexicon
from newsmodel.extract.records import EntityIndex, EntityRecord
from newsmodel.read.document import Document


def run(body: str, headline: str = "A report") -> EntityIndex:
    """The entity index of an invented article."""
    return find_entities(Document.build(headline=headline, body=body))


def record(index: EntityIndex, form: str) -> EntityRecord:
    """The mentioned entity that has ``form`` as its name or an alias."""
    mentioned = {id(m.entity) for m in index.mentions}
    found = [r for r in index.records if id(r) in mentioned and (r.name == form or form in r.aliases)]
    assert found, f"{form!r} not among {[r.name for r in index.records]}"
    return found[0]


def test_first_order_divisions_are_administrative_areas() -> None:
    """'Bavaria', 'Sindh', 'Liguria' (GeoNames admin1 names) are administrative areas, not organizations."""
    idx = run("Tom Reyes toured Bavaria and Sindh last year. Liguria was left out of the study.")
    for name in ("Bavaria", "Sindh", "Liguria"):
        entity = record(idx, name)
        assert (entity.kind, entity.subtype) == ("place", "AdministrativeArea"), name


def test_division_names_that_are_words_or_directions_are_not_places() -> None:
    """Division names like 'Unity' or 'South East' stay words; 'the West', 'South East Asia' keep theirs."""
    idx = run("Unity was the theme. Mira Dalt flew to South East Asia and met envoys of the West.")
    assert not any(r.name == "Unity" for r in idx.records)
    assert record(idx, "West").kind == "place"
    assert not any(r.name == "South East" for r in idx.records)


def test_other_names_of_big_cities_are_those_cities() -> None:
    """'Bombay', 'Saigon', 'Madras' (GeoNames alternate names; 'madras' is a word too) are those cities."""
    idx = run("Mira Dalt flew from Bombay to Saigon on Monday. Tom Reyes stayed in Madras.")
    places = lexicon().places
    for form, city in (("Bombay", "Mumbai"), ("Saigon", "Ho Chi Minh City"), ("Madras", "Chennai")):
        entity = record(idx, form)
        assert (entity.kind, entity.subtype) == ("place", "City")
        assert any(iri.rstrip("/").endswith(f"/{places[city].geonameid}") for iri in entity.same_as), form


def test_lowercase_place_noun_makes_the_name_beside_it_a_place() -> None:
    """'the town of X', 'X and Y counties', 'the X settlement bloc' are places; 'The settlement' is none."""
    idx = run(
        "Shells fell on the town of Quellbrook. Fires burned in Dornmoor and Vaskfield counties. "
        "Tom Reyes visited the Valdrin settlement bloc. The settlement was empty."
    )
    assert (record(idx, "Quellbrook").kind, record(idx, "Quellbrook").subtype) == ("place", "City")
    for name in ("Dornmoor", "Vaskfield"):
        assert (record(idx, name).kind, record(idx, name).subtype) == ("place", "AdministrativeArea")
    assert record(idx, "Valdrin").kind == "place"
    assert not any(r.name == "The" for r in idx.records)


def test_place_noun_leaves_known_organizations_and_acronyms_alone() -> None:
    """'the Harwell Corp. district office' and 'the QMT region' keep their organizations."""
    idx = run("Staff of the Harwell Corp. district office and the QMT region met on Monday.")
    assert record(idx, "Harwell Corp.").kind == "organization"
    assert record(idx, "QMT").kind == "organization"


def test_municipality_and_team_heads_make_organizations() -> None:
    """'the Municipality of Quellmoor' is a government body, 'Team Valoria' a team; 'Team Leader' is none."""
    idx = run(
        "The Municipality of Quellmoor sued. Team Valoria won the final on Monday. "
        "Team Leader Mira Dalt said it was a good day."
    )
    body = record(idx, "Municipality of Quellmoor")
    assert (body.kind, body.subtype) == ("organization", "GovernmentOrganization")
    team = record(idx, "Team Valoria")
    assert (team.kind, team.subtype) == ("organization", "SportsTeam")
    assert not any(r.name.startswith("Team Leader") and r.kind == "organization" for r in idx.records)


def test_school_district_is_an_organization_and_convention_centre_a_place() -> None:
    """'Dorn Valley Independent School District' is a body; 'Harbourside Convention Centre' is a venue."""
    idx = run(
        "The Dorn Valley Independent School District closed schools. "
        "Fans met at the Harbourside Convention Centre on Friday."
    )
    assert record(idx, "Dorn Valley Independent School District").kind == "organization"
    venue = record(idx, "Harbourside Convention Centre")
    assert (venue.kind, venue.subtype) == ("place", "Landmark")


def test_an_abbreviation_that_ends_a_sentence_ends_the_name() -> None:
    """'... in Washington D.C. The team ...': the capitalized 'The' opens a sentence, not a longer name."""
    idx = run("Tom Reyes landed in Washington D.C. The delegation left on Monday.")
    assert not any("The" in r.name for r in idx.records)


def test_a_title_with_no_name_is_a_role_not_an_organization() -> None:
    """'the Prime Minister said', 'the Home Secretary' name a role; 'Peru President' keeps Peru only."""
    idx = run(
        "The Prime Minister said taxes would rise. Critics of the Home Secretary spoke, "
        "and the Peru President agreed. The Office of the President declined to comment."
    )
    orgs = {r.name for r in idx.records if r.kind == "organization"}
    assert not orgs & {"Prime Minister", "Home Secretary", "Peru President"}
    assert record(idx, "Peru").kind == "place"
    assert record(idx, "Office of the President").kind == "organization"


def test_club_and_company_forms_type_their_organizations() -> None:
    """Club suffixes make teams, 'Plc' a company, 'Institute of Technology' a school, not a firm."""
    idx = run(
        "Dornham Rovers beat Keston Wanderers on Saturday. Quellmark Holdings Plc fell, "
        "and the Dorn Institute of Technology said so."
    )
    for name, kind in (
        ("Dornham Rovers", "SportsTeam"),
        ("Keston Wanderers", "SportsTeam"),
        ("Quellmark Holdings Plc", "Corporation"),
        ("Dorn Institute of Technology", "EducationalOrganization"),
    ):
        assert (record(idx, name).kind, record(idx, name).subtype) == ("organization", kind), name


def test_plural_possessive_before_a_cue_word_stays_in_the_name() -> None:
    """ "the Valorian Workers' Party" and "the Dorn Farmers' Union" are whole names."""
    idx = run("The Valorian Workers' Party and the Dorn Farmers' Union marched on Monday.")
    assert record(idx, "Valorian Workers' Party").subtype == "PoliticalParty"
    assert record(idx, "Dorn Farmers' Union").kind == "organization"


def test_an_irregular_plural_possessive_stays_in_the_name() -> None:
    """ "the Valorian People's Army" and "the Dorn Children's Hospital" are whole names."""
    idx = run("The Valorian People's Army shelled the Dorn Children's Hospital on Monday.")
    names = {r.name for r in idx.records}
    assert "Valorian People's Army" in names and "Dorn Children's Hospital" in names
    assert "Valorian People" not in names and "Army" not in names


def test_all_capitals_dateline_is_named_as_written() -> None:
    """'FRANKFURT (Reuters) -' names the place 'Frankfurt' (an other name of Frankfurt am Main)."""
    idx = run("FRANKFURT (Reuters) - Harwell Group AG said on Monday it would hire.")
    frankfurt = record(idx, "Frankfurt")
    assert (frankfurt.kind, frankfurt.name) == ("place", "Frankfurt")


def test_an_honorific_inside_a_run_opens_the_person() -> None:
    """'Undersecretary for Trade Mr. Reyes': Reyes is a person and no 'Trade Mr. Reyes' organization."""
    idx = run(
        "Undersecretary for Trade Mr. Reyes says fees will rise. Minister of Health Dr. Ana Duarte agreed."
    )
    assert record(idx, "Reyes").kind == "person"
    assert not any("Mr." in r.name for r in idx.records)
    assert record(idx, "Ana Duarte").job_title == "Minister of Health"


def test_shadow_is_part_of_a_title_not_an_organization() -> None:
    """ "Harwell's Shadow Home Secretary Ana Duarte" holds 'Shadow Home Secretary'; 'Shadow' names nothing."""
    idx = run("Harwell's Shadow Home Secretary Ana Duarte said it was damning.")
    assert record(idx, "Ana Duarte").job_title == "Shadow Home Secretary"
    assert not any(r.name == "Shadow" for r in idx.records)


def test_an_untyped_name_listed_with_organizations_is_one() -> None:
    """'Quellsoft, Harwell Corp. and Vantor Inc.': Quellsoft is a body; a comma alone or a person is not."""
    idx = run(
        "Quellsoft, Harwell Corp. and Vantor Inc. all exhibited. Dasko, Harwell Corp. said, would agree. "
        "Tom Brell and Harwell Corp. signed."
    )
    assert record(idx, "Quellsoft").kind == "organization"
    assert not any(r.name == "Dasko" and r.kind == "organization" for r in idx.records)
    assert record(idx, "Tom Brell").kind == "person"


def test_a_name_also_used_in_the_plural_is_a_thing_not_an_organization() -> None:
    """'the Zentrophone' beside 'Zentrophones' is a device; 'Quellsoft' (no plural) stays an organization."""
    idx = run(
        "Quellsoft unveiled the Zentrophone on Monday. Buyers queued for Zentrophones, "
        "and Quellsoft said demand was high."
    )
    assert not any(r.name.startswith("Zentrophone") for r in idx.records)
    assert record(idx, "Quellsoft").kind == "organization"


def test_a_country_code_glued_to_a_dollar_sign_is_money_not_a_place() -> None:
    """'US$ 7 bn' and 'HK$3 m' mention no place and no body; 'in the US' still does."""
    idx = run("Quellsoft paid US$ 7 bn and HK$3 m for the plant. It sells mostly in the US.")
    us = record(idx, "US")
    assert us.kind == "place"
    assert sum(m.entity is us for m in idx.mentions) == 1
    assert not any(r.name == "HK" for r in idx.records)


def test_town_comma_state_named_like_a_city_is_an_alias() -> None:
    """'Spokane, Washington' and 'Albany, New York' are how the text names those towns; a list is no alias."""
    idx = run("The jet landed in Spokane, Washington at noon. Tom Reyes lives in Albany, New York. ")
    assert "Spokane, Washington" in record(idx, "Spokane").aliases
    assert "Albany, New York" in record(idx, "Albany").aliases
    assert record(idx, "Spokane").contained_in is None  # the gazetteer's Washington is the capital city
    listed = run("Flights to Izmir, Ankara and Adana resumed on Monday.")
    assert record(listed, "Izmir").aliases == []


def test_a_place_named_inside_a_body_or_venue_is_mentioned() -> None:
    """'University of Lisbon', 'Oslo Arena', 'Bergen University' mention Lisbon, Oslo and Bergen as places."""
    idx = run(
        "Researchers at the University of Lisbon said the Oslo Arena was full. "
        "A Bergen University team agreed."
    )
    inner = {m.entity.name: m for m in idx.inner}
    assert set(inner) == {"Lisbon", "Oslo", "Bergen"}
    assert all(m.entity.kind == "place" for m in inner.values())
    # the organization still stands at those offsets for the frame stages
    at = idx.at(inner["Lisbon"].start)
    assert at is not None and at.entity.name == "University of Lisbon"


def test_a_place_opening_a_company_name_is_not_mentioned_but_a_country_opening_a_service_is() -> None:
    """'Oslo Airlines' is a brand (no inner place); 'Norway Air Force' is Norway's own body (Norway)."""
    idx = run("Oslo Airlines and the Norway Air Force flew. The Society of Lisbon met in Lisbon.")
    assert [m.entity.name for m in idx.inner] == ["Norway", "Lisbon"]
    assert idx.inner[1].entity is record(idx, "Lisbon")


def test_an_inner_place_is_frozen_with_its_span() -> None:
    """The frozen article lists the inner place with the span of its words inside the organization's name."""
    from newsmodel.extract.freeze import freeze_entities

    doc = Document.build(headline="A report", body="Researchers at the University of Lisbon said so.")
    _, organizations, places = freeze_entities(doc, find_entities(doc), None)
    assert [o.name for o in organizations] == ["University of Lisbon"]
    (lisbon,) = places
    span = lisbon.spans[0]
    assert doc.body[span.start : span.end] == "Lisbon"


def test_one_side_reading_makes_a_team_once_the_article_is_about_sport() -> None:
    """Where Norway plays twice, 'lost 1 - 2 to Chile' and 'defeated hosts Peru' make teams too."""
    idx = run(
        "Norway beat Japan 2 - 0 and Norway 1 - 1 Ghana ended the day. Ghana lost 1 - 2 to Chile. "
        "Japan defeated hosts Peru. Chile and Peru had many fans. Chile has mines; Peru has llamas."
    )
    for name in ("Norway", "Chile", "Peru"):
        assert (record(idx, name).kind, record(idx, name).subtype) == ("organization", "SportsTeam"), name


def test_one_side_reading_alone_keeps_a_country_a_place() -> None:
    """With no other side in the article, one 'lost 1 - 2 to Chile' among many keeps Chile a place."""
    idx = run(
        "Ghana lost 1 - 2 to Chile. Chile has mines. Chile exports copper. Chile is long. "
        "Ghana has gold. Ghana has cocoa. Ghana is warm."
    )
    assert record(idx, "Chile").kind == "place"


def test_two_masthead_words_joined_by_and_are_one_newspaper() -> None:
    """'of The Post and Telegraph' is one newspaper; 'The Herald and Ana Duarte' stays two names."""
    idx = run("Readers of The Post and Telegraph agreed. He read The Herald and Ana Duarte smiled.")
    paper = record(idx, "The Post and Telegraph")
    assert (paper.kind, paper.subtype) == ("organization", "NewsMediaOrganization")
    assert record(idx, "Ana Duarte").kind == "person"


def test_a_title_before_of_is_no_part_of_the_body_name() -> None:
    """'Chairman of the Dorn Centre for Water Studies': the body is 'Dorn Centre for Water Studies'."""
    idx = run("Ana Duarte, Chairman of the Dorn Centre for Water Studies, says so.")
    body = record(idx, "Dorn Centre for Water Studies")
    assert body.kind == "organization"
    assert not any(r.name.startswith("Chairman") for r in idx.records)


def test_another_name_that_is_a_surname_is_a_place_only_in_place_context() -> None:
    """'next to Genova,' is Genoa; 'Genova said' is no place, and 'Ann Genova' stays a person."""
    city = record(run("The fair was held in Bogliasco, next to Genova, last year."), "Genova")
    assert (city.kind, city.subtype) == ("place", "City")
    assert city.same_as == ["https://sws.geonames.org/3176219/"]
    idx = run("Ann Genova spoke on Monday. Later Genova said the fair was over.")
    assert record(idx, "Ann Genova").kind == "person"
    assert not any(r.kind == "place" for r in idx.records)


def test_a_territorial_body_names_its_town_and_a_direction_a_region() -> None:
    """'Municipality of Quellmoor' mentions the town Quellmoor; 'University of Southern Ohio' the region."""
    idx = run("The Municipality of Quellmoor and the University of Southern Ohio signed a deal.")
    inner = {m.entity.name: m.entity.subtype for m in idx.inner}
    assert inner == {"Quellmoor": "City", "Southern Ohio": "Region"}


def test_a_country_opening_its_own_city_name_is_mentioned() -> None:
    """'Panama City' mentions Panama (the city lies there); 'Kansas City' mentions no country."""
    idx = run("Talks were held in Panama City and in Kansas City.")
    assert [m.entity.name for m in idx.inner] == ["Panama"]


def test_a_plural_class_noun_types_every_name_listed_after_it() -> None:
    """'the schools Santo Quell and Dornia' are two schools, though 'Santo' is a given name."""
    idx = run("The court ruled on the schools Santo Quell and Dornia in the north.")
    for name in ("Santo Quell", "Dornia"):
        assert (record(idx, name).kind, record(idx, name).subtype) == (
            "organization",
            "EducationalOrganization",
        ), name


def test_a_town_before_a_compass_word_names_a_part_of_it() -> None:
    """'Kowloon West' is a region (not a body) and mentions Kowloon; 'West Ham' is no such form."""
    idx = run("In the Kowloon West constituency, Ann Lee won. West Ham fans cheered.")
    part = record(idx, "Kowloon West")
    assert (part.kind, part.subtype) == ("place", "Region")
    assert [m.entity.name for m in idx.inner] == ["Kowloon"]


def test_a_demonym_before_an_international_body_names_the_national_body() -> None:
    """'the Peruvian Red Cross' is one organization of its own, apart from 'the Red Cross'."""
    idx = run("Aid from the Peruvian Red Cross arrived. The Red Cross thanked them.")
    national = record(idx, "Peruvian Red Cross")
    assert (national.kind, national.subtype) == ("organization", "NGO")
    assert record(idx, "Red Cross") is not national


def test_a_city_after_a_state_in_a_body_name_is_its_campus_town() -> None:
    """'University of Ohio Dayton' mentions Ohio and Dayton; 'Ohio University' no town 'University'."""
    idx = run("Students of the University of Ohio Dayton and of Ohio University met.")
    assert sorted(m.entity.name for m in idx.inner) == ["Dayton", "Ohio", "Ohio"]


def test_a_cue_word_opening_a_sentence_stays_in_the_name() -> None:
    """'Group Quell said' and 'Group F ended' keep 'Group'; a sentence-opening 'Post' is no name part."""
    for body, name in (("Group Quell said so.", "Group Quell"), ("Group F ended level.", "Group F")):
        entity = record(run(body), name)
        assert entity.kind == "organization", body
    assert not any(r.name.startswith("Post") for r in run("Post Brexit Trade fell again.").records)


def test_a_number_inside_a_name_stays_when_its_acronym_spells_it() -> None:
    """'Quell 4 Dorn (Q4D)' is one body with its acronym; 'Quell 4 Dorn won' keeps no number in a name."""
    idx = run("Deputies of Quell 4 Dorn (Q4D) met. The Q4D party asked again.")
    body = record(idx, "Quell 4 Dorn")
    assert body.kind == "organization" and "Q4D" in body.aliases
    assert not any("4" in r.name for r in run("Quell 4 Dorn won.").records)


def test_a_number_ending_the_line_before_does_not_make_a_name_a_product() -> None:
    """'Sunday, May 4, 2008' then 'Quellnews has learned': a body, though a number stands before it."""
    idx = run("Sunday, May 4, 2008\n\nQuellnews has learned that the group met.")
    assert record(idx, "Quellnews").kind == "organization"


def test_a_capitalized_plural_possessive_after_the_is_a_group() -> None:
    """'the Quellers' record label' names a group (a band); 'the Smiths' dog' is a family, no body."""
    idx = run("He sued the Quellers' record label. Fans of the Quellers waited.")
    assert record(idx, "Quellers").kind == "organization"
    assert not run("We fed the Smiths' dog.").records


def test_a_town_and_an_unknown_word_after_out_of_or_at_is_a_place() -> None:
    """'out of London Zorvik' is a place (an airport, a station); 'the London Zorvik' stays a body."""
    place = record(run("It will fly out of London Zorvik next year."), "London Zorvik")
    assert (place.kind, place.subtype) == ("place", "Landmark")
    assert record(run("He read the London Zorvik yesterday."), "London Zorvik").kind == "organization"


def test_a_station_named_after_a_building_mentions_it_and_a_factory_is_a_building() -> None:
    """'Dorn Hospital Station' mentions Dorn Hospital; 'the Quell Factory' is a landmark, not a body."""
    idx = run("Walk from Dorn Hospital Station to the Quell Factory, where he worked.")
    assert [(m.entity.name, m.entity.subtype) for m in idx.inner] == [("Dorn Hospital", "Landmark")]
    factory = record(idx, "Quell Factory")
    assert (factory.kind, factory.subtype) == ("place", "Landmark")


def test_landform_words_make_places() -> None:
    """'the Quell Cave', 'Dorn Canyon' and 'Vesk Falls' are natural places, not bodies."""
    idx = run("Hikers left the Quell Cave. They walked to Dorn Canyon and Vesk Falls on Monday.")
    for name in ("Quell Cave", "Dorn Canyon", "Vesk Falls"):
        assert record(idx, name).kind == "place", name


def test_a_gallery_is_a_venue_even_after_a_given_name() -> None:
    """'Art Gallery' is a venue like a museum, not a man named Art."""
    idx = run("The prints hang in the Quell Museum and Art Gallery near Dornby.")
    assert record(idx, "Art Gallery").kind == "place"
    assert not [r for r in idx.records if r.kind == "person"]


def test_a_landmark_named_with_its_town_possessive_takes_that_alias_and_container() -> None:
    """ "Lisbon's Grand Mosque" is the Grand Mosque, in Lisbon."""
    idx = run("A crane fell into Lisbon's Grand Mosque on Friday.")
    mosque = record(idx, "Grand Mosque")
    assert "Lisbon's Grand Mosque" in mosque.aliases
    assert mosque.contained_in is record(idx, "Lisbon")


def test_a_station_named_by_one_unknown_word_mentions_that_place() -> None:
    """'Dornby Station' mentions Dornby; 'Gertrude Station' (a given name) and 'Union Station' do not."""
    idx = run("Walk from Dornby Station, Gertrude Station or Union Station.")
    assert [m.entity.name for m in idx.inner] == ["Dornby"]


def test_a_product_spelling_is_no_organization_unless_listed_or_incorporated() -> None:
    """'the iVolta', 'the eReader Pro' are products; 'iVolta Inc.' is a firm; listed 'eBay' stays."""
    idx = run("Dorn sold the iVolta and the eReader Pro on eBay. Later iVolta Inc. said profits rose.")
    names = {r.name: r.kind for r in idx.records}
    assert "eReader Pro" not in names
    assert names.get("iVolta Inc.") == "organization"
    assert names.get("eBay") == "organization"
    assert "iVolta" not in names


def test_a_cue_head_and_a_country_are_one_body() -> None:
    """'Bank Indonesia raised rates' names a bank (its head, then its country), not the country."""
    idx = run("Bank Indonesia raised rates on Monday.")
    bank = record(idx, "Bank Indonesia")
    assert bank.kind == "organization"
    assert not any(r.kind == "place" for r in idx.records)
