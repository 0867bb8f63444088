"""Users extend the mapper's knowledge with their own files, without touching the package."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from newsmodel import knowledge

TEXT = (
    "Mayor visits harbour\n\n"
    '"The harbour will reopen in spring," Mayor Ann Lee mused on Monday. '
    "Ann Lee and Governor Tom Reyes held a powwow in Springfield on Monday."
)

PROBE = """
import json, sys
import newsmodel as nm
a = nm.read_text(sys.stdin.read(), {"datePublished": "2019-05-08"})
print(json.dumps({
    "speakers": [a.entity(q.speaker).name if q.speaker else None for q in a.quotations],
    "events": sorted(e.kind.value for e in a.events),
}))
"""


def probe(env_dirs: list[Path]) -> dict[str, list[str | None]]:
    """Map TEXT in a fresh interpreter with ``NEWSMODEL_DATA_PATH`` set to ``env_dirs``."""
    env = {**os.environ, knowledge.ENV_VAR: os.pathsep.join(map(str, env_dirs))}
    out = subprocess.run(
        [sys.executable, "-c", PROBE], input=TEXT, capture_output=True, text=True, env=env, check=True
    )
    result: dict[str, list[str | None]] = json.loads(out.stdout)
    return result


def test_merge_json_extends_lists_and_objects() -> None:
    """Objects merge key by key and lists are extended, recursively."""
    base = {"groups": [{"kind": "meeting"}], "about": "x", "n": {"a": 1}}
    extra = {"groups": [{"kind": "other"}], "n": {"b": 2}}
    assert knowledge.merge_json(base, extra) == {
        "groups": [{"kind": "meeting"}, {"kind": "other"}],
        "about": "x",
        "n": {"a": 1, "b": 2},
    }


def test_read_text_appends_user_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A same-named file in a NEWSMODEL_DATA_PATH directory is appended to the shipped list."""
    (tmp_path / "speech_verbs.txt").write_text("muse muses mused musing\n")
    monkeypatch.setenv(knowledge.ENV_VAR, str(tmp_path))
    text = knowledge.read_text("speech_verbs.txt")
    assert text.splitlines()[-1] == "muse muses mused musing"
    assert "say says said saying" in text


def test_bad_user_json_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A user JSON file that does not parse raises ReadError naming the file."""
    from newsmodel.errors import ReadError

    (tmp_path / "event_triggers.json").write_text("{not json")
    monkeypatch.setenv(knowledge.ENV_VAR, str(tmp_path))
    with pytest.raises(ReadError, match=r"event_triggers\.json"):
        knowledge.read_json("event_triggers.json")


def test_user_speech_verb_and_event_trigger_change_what_is_found(tmp_path: Path) -> None:
    """A new speech verb attributes a quotation; a new trigger word finds an event."""
    before = probe([])
    (tmp_path / "speech_verbs.txt").write_text("muse muses mused musing\n")
    (tmp_path / "event_triggers.json").write_text(
        json.dumps({"groups": [{"kind": "meeting", "cameo": "04", "verbs": [], "nouns": ["powwow"]}]})
    )
    after = probe([tmp_path])
    assert before["speakers"] != ["Ann Lee"]
    assert after["speakers"] == ["Ann Lee"]
    assert "meeting" not in before["events"]
    assert "meeting" in after["events"]


def _event_kinds(code: str, env_dirs: list[Path]) -> list[str]:
    """The event kinds that ``code`` prints, run in a fresh interpreter with ``env_dirs`` as the data path."""
    env = {**os.environ, knowledge.ENV_VAR: os.pathsep.join(map(str, env_dirs))}
    command = [sys.executable, "-c", code]
    run = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    found: list[str] = json.loads(run.stdout)
    return found


@pytest.mark.parametrize(
    ("list_file", "line", "article"),
    [
        (
            "event_verbs.txt",
            "zorbled",
            "Report\\n\\nGovernor Tom Reyes zorbled the old bridge near Springfield.",
        ),
        (
            "bare_verbs.txt",
            "zorble",
            "Governor Tom Reyes to zorble old bridge\\n\\nThe bridge is old.",
        ),
        (
            "quantity_verbs.txt",
            "zorbled | zorbles",
            "Report\\n\\nGovernor Tom Reyes zorbled 55 old bridges near Springfield.",
        ),
        ("headline_verbs.txt", "zorbles", "Governor Tom Reyes zorbles old bridge\\n\\nThe bridge is old."),
    ],
)
def test_a_user_verb_list_entry_finds_a_happening(
    tmp_path: Path, list_file: str, line: str, article: str
) -> None:
    """A verb added to an event verb list through the data path makes an event; without it there is none."""
    code = (
        "import json, newsmodel as nm\n"
        f"a = nm.read_text('{article}', {{'datePublished': '2019-05-08'}})\n"
        "print(json.dumps([e.kind.value for e in a.events]))"
    )
    (tmp_path / list_file).write_text(f"{line}  # invented\n")
    assert _event_kinds(code, []) == []
    assert _event_kinds(code, [tmp_path]) == ["other"]


def test_event_verbs_match_their_generator(tmp_path: Path) -> None:
    """The shipped event_verbs.txt and headline_verbs.txt are what tools/build_event_verbs.py makes."""
    root = Path(__file__).resolve().parents[1]
    out, present = tmp_path / "event_verbs.txt", tmp_path / "headline_verbs.txt"
    bare, quantity = tmp_path / "bare_verbs.txt", tmp_path / "quantity_verbs.txt"
    command = [
        sys.executable,
        str(root / "tools" / "build_event_verbs.py"),
        "--out",
        str(out),
        "--present-out",
        str(present),
        "--bare-out",
        str(bare),
        "--quantity-out",
        str(quantity),
    ]
    subprocess.run(command, capture_output=True, text=True, check=True)
    shipped = (root / "newsmodel" / "data" / "event_verbs.txt").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == shipped
    assert "donated  # verb.possession" in shipped
    assert "stepped_down  # verb.social" in shipped and "putted_up" not in shipped  # "put up", past "put"
    shipped_present = (root / "newsmodel" / "data" / "headline_verbs.txt").read_text(encoding="utf-8")
    assert present.read_text(encoding="utf-8") == shipped_present
    assert "donates  # verb.possession" in shipped_present
    shipped_bare = (root / "newsmodel" / "data" / "bare_verbs.txt").read_text(encoding="utf-8")
    assert bare.read_text(encoding="utf-8") == shipped_bare
    assert "own  # verb.possession" in shipped_bare and "step_down  # verb.social" in shipped_bare
    shipped_quantity = (root / "newsmodel" / "data" / "quantity_verbs.txt").read_text(encoding="utf-8")
    assert quantity.read_text(encoding="utf-8") == shipped_quantity
    assert "delivered | delivers  # verb.communication" in shipped_quantity


# --------------------------------------------------------------------------- one test per extendable list

#: Each extendable knowledge file: (a line to add, an invented sentence it changes).
ADDITIONS: dict[str, tuple[str, str]] = {
    "places.tsv": (
        "Zorvania Mirel\tCity\t99999901\tNO\t50000\t",
        "Tom Reyes flew to Zorvania Mirel on Monday.",
    ),
    "places_extra.tsv": ("Vellamoor\tRegion\t\t", "Vellamoor protested on Monday, officials said."),
    "country_aliases.tsv": ("Valoria\tNorway", "Tom Reyes returned to Valoria on Monday."),
    "place_aliases.tsv": ("Quellhaven\tOslo", "Tom Reyes flew to Quellhaven on Monday."),
    "demonyms.tsv": ("Valorian\tNorway", "The Valorian envoy Tom Reyes arrived on Monday."),
    "organizations.tsv": ("Zentrix\tCorporation\t\t", "Shares of Zentrix fell on Monday, traders said."),
    "org_cues.tsv": ("Syndicate\tNGO", "The Harrowgate Syndicate bought the mill on Monday."),
    "titles.tsv": (
        "Archchancellor\tArchchancellor\t",
        "Archchancellor Mira Dalt opened the session on Monday.",
    ),
    "title_modifiers.txt": ("provisional", "Provisional Governor Mira Dalt opened the session on Monday."),
    "honorifics.tsv": ("Herr\tm", "Herr Dalt opened the session on Monday. He said it went well."),
    "org_class_nouns.tsv": (
        "shipbuilder\tCorporation",
        "The shipbuilder Tom Harwell won the order on Monday.",
    ),
    "place_class_nouns.tsv": ("parish\tAdministrativeArea\tafter", "Floods hit Quellmoor parish on Monday."),
    "surnames.txt": ("Pebble", "The board named Quorin Pebble to lead it on Monday."),
}

LISTS_PROBE = """
import json, sys
import newsmodel as nm
out = {}
for key, text in json.loads(sys.stdin.read()).items():
    a = nm.read_text("Report\\n\\n" + text, {"datePublished": "2020-01-01"})
    out[key] = {
        "people": {p.name: [p.job_title, a.entity(p.nationality).name if p.nationality else None]
                   for p in a.people},
        "places": {p.name: p.kind.value for p in a.places},
        "orgs": {o.name: o.kind.value for o in a.organizations},
    }
print(json.dumps(out))
"""


def _map_lists(env_dirs: list[Path]) -> dict[str, dict[str, dict[str, Any]]]:
    """Map every ADDITIONS sentence in a fresh interpreter with ``NEWSMODEL_DATA_PATH`` = ``env_dirs``."""
    env = {**os.environ, knowledge.ENV_VAR: os.pathsep.join(map(str, env_dirs))}
    texts = json.dumps({name: text for name, (_, text) in ADDITIONS.items()})
    out = subprocess.run(
        [sys.executable, "-c", LISTS_PROBE], input=texts, capture_output=True, text=True, env=env, check=True
    )
    result: dict[str, dict[str, dict[str, Any]]] = json.loads(out.stdout)
    return result


@pytest.fixture(scope="module")
def mapped_with_and_without(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[dict[str, dict[str, dict[str, Any]]], dict[str, dict[str, dict[str, Any]]]]:
    """The ADDITIONS sentences mapped with the shipped lists only, then with one user line added to each."""
    extra = tmp_path_factory.mktemp("knowledge")
    for name, (line, _) in ADDITIONS.items():
        (extra / name).write_text(line + "\n", encoding="utf-8")
    return _map_lists([]), _map_lists([extra])


Mapped = tuple[dict[str, dict[str, dict[str, Any]]], dict[str, dict[str, dict[str, Any]]]]


def test_user_places_tsv_adds_a_city(mapped_with_and_without: Mapped) -> None:
    """A user row in places.tsv makes an unknown town a City."""
    before, after = (m["places.tsv"] for m in mapped_with_and_without)
    assert "Zorvania Mirel" not in before["places"]
    assert after["places"]["Zorvania Mirel"] == "City"


def test_user_places_extra_tsv_adds_a_region(mapped_with_and_without: Mapped) -> None:
    """A user row in places_extra.tsv makes an unknown name a Region."""
    before, after = (m["places_extra.tsv"] for m in mapped_with_and_without)
    assert "Vellamoor" not in before["places"]
    assert after["places"]["Vellamoor"] == "Region"


def test_user_country_aliases_tsv_names_a_country(mapped_with_and_without: Mapped) -> None:
    """A user row in country_aliases.tsv makes another name of a country a Country."""
    before, after = (m["country_aliases.tsv"] for m in mapped_with_and_without)
    assert "Valoria" not in before["places"]
    assert after["places"]["Valoria"] == "Country"


def test_user_place_aliases_tsv_names_a_city(mapped_with_and_without: Mapped) -> None:
    """A user row in place_aliases.tsv makes another name of a known city that City."""
    before, after = (m["place_aliases.tsv"] for m in mapped_with_and_without)
    assert "Quellhaven" not in before["places"]
    assert after["places"]["Quellhaven"] == "City"


def test_user_demonyms_tsv_gives_nationality(mapped_with_and_without: Mapped) -> None:
    """A user row in demonyms.tsv gives the person the demonym's country, and no organization."""
    before, after = (m["demonyms.tsv"] for m in mapped_with_and_without)
    assert before["people"]["Tom Reyes"][1] is None
    assert after["people"]["Tom Reyes"][1] == "Norway"
    assert "Valorian" not in after["orgs"]


def test_user_organizations_tsv_types_a_company(mapped_with_and_without: Mapped) -> None:
    """A user row in organizations.tsv gives a one-word name its organization kind."""
    before, after = (m["organizations.tsv"] for m in mapped_with_and_without)
    assert before["orgs"].get("Zentrix") != "Corporation"
    assert after["orgs"]["Zentrix"] == "Corporation"


def test_user_org_cues_tsv_types_by_the_cue_word(mapped_with_and_without: Mapped) -> None:
    """A user row in org_cues.tsv makes names ending in the cue word of the cue's kind."""
    before, after = (m["org_cues.tsv"] for m in mapped_with_and_without)
    assert before["orgs"].get("Harrowgate Syndicate") != "NGO"
    assert after["orgs"]["Harrowgate Syndicate"] == "NGO"


def test_user_titles_tsv_adds_a_job_title(mapped_with_and_without: Mapped) -> None:
    """A user row in titles.tsv makes a new word a job title before a name."""
    before, after = (m["titles.tsv"] for m in mapped_with_and_without)
    assert before["people"]["Mira Dalt"][0] is None
    assert after["people"]["Mira Dalt"][0] == "Archchancellor"


def test_user_title_modifiers_txt_extends_a_title(mapped_with_and_without: Mapped) -> None:
    """A user word in title_modifiers.txt joins the title it precedes (not an organization)."""
    before, after = (m["title_modifiers.txt"] for m in mapped_with_and_without)
    assert before["people"]["Mira Dalt"][0] == "Governor"
    assert after["people"]["Mira Dalt"][0] == "Provisional Governor"
    assert "Provisional" not in after["orgs"]


def test_user_honorifics_tsv_is_not_part_of_the_name(mapped_with_and_without: Mapped) -> None:
    """A user row in honorifics.tsv makes the word an honorific, dropped from the person's name."""
    before, after = (m["honorifics.tsv"] for m in mapped_with_and_without)
    assert "Herr Dalt" in before["people"]
    assert "Dalt" in after["people"] and "Herr Dalt" not in after["people"]


def test_user_agreement_cues_json_adds_an_agreement_noun(tmp_path: Path) -> None:
    """A user agreement noun in agreement_cues.json makes a sentence using it an agreement."""
    code = (
        "import newsmodel as nm\n"
        "a = nm.read_text('Report\\n\\nThe Harrowgate Syndicate and Zentrix Corp. approved a concordat "
        "on Monday.', {'datePublished': '2020-01-01'})\n"
        "print(len(a.agreements))"
    )

    def agreements(dirs: list[Path]) -> str:
        env = {**os.environ, knowledge.ENV_VAR: os.pathsep.join(map(str, dirs))}
        run = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
        )
        return run.stdout.strip()

    (tmp_path / "agreement_cues.json").write_text(json.dumps({"nouns": ["concordat", "concordats"]}))
    assert agreements([]) == "0"
    assert agreements([tmp_path]) == "1"


def test_user_org_class_nouns_tsv_types_the_name_after_the_noun(mapped_with_and_without: Mapped) -> None:
    """A user row in org_class_nouns.tsv makes the name after that noun an organization of its kind."""
    before, after = (m["org_class_nouns.tsv"] for m in mapped_with_and_without)
    assert "Tom Harwell" in before["people"]
    assert after["orgs"]["Tom Harwell"] == "Corporation" and "Tom Harwell" not in after["people"]


def test_every_data_file_is_opened_through_knowledge() -> None:
    """No module but knowledge.py reaches into the package data (importlib.resources, __file__, joinpath)."""
    import re
    from pathlib import Path

    import newsmodel

    package = Path(newsmodel.__file__).parent
    reach = re.compile(r"importlib\.resources|from importlib import resources|__file__|joinpath\(")
    offenders = [
        f"{path.relative_to(package)}:{number}"
        for path in sorted(package.rglob("*.py"))
        if path.name != "knowledge.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if reach.search(line)
        and "s.__file__" not in line  # the spark-submit hint prints a path, opens nothing
    ]
    assert offenders == []


def test_user_place_class_nouns_tsv_types_the_name_beside_the_noun(mapped_with_and_without: Mapped) -> None:
    """A user row in place_class_nouns.tsv makes the name before that lowercase noun a place of its kind."""
    before, after = (m["place_class_nouns.tsv"] for m in mapped_with_and_without)
    assert "Quellmoor" not in before["places"]
    assert after["places"]["Quellmoor"] == "AdministrativeArea"


def test_user_surnames_txt_makes_a_person(mapped_with_and_without: Mapped) -> None:
    """A user line in surnames.txt makes "First Surname" a person where the surname is an English word."""
    before, after = (m["surnames.txt"] for m in mapped_with_and_without)
    assert "Quorin Pebble" not in before["people"]
    assert "Quorin Pebble" in after["people"]


def test_thing_acronyms_match_their_generator(tmp_path: Path) -> None:
    """The shipped thing_acronyms.txt is what tools/build_thing_acronyms.py makes from WordNet."""
    root = Path(__file__).resolve().parents[1]
    out = tmp_path / "thing_acronyms.txt"
    command = [sys.executable, str(root / "tools" / "build_thing_acronyms.py"), "--out", str(out)]
    subprocess.run(command, capture_output=True, text=True, check=True)
    shipped = (root / "newsmodel" / "data" / "thing_acronyms.txt").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == shipped
    assert "CPU  # noun.artifact" in shipped
    assert "\nMIT " not in shipped  # a university by its gloss: stays an organization


def test_user_thing_acronym_stops_an_organization(tmp_path: Path) -> None:
    """An acronym added to thing_acronyms.txt is no organization; without it, it is one."""
    code = (
        "import json, newsmodel as nm\n"
        "a = nm.read_text('Report\\n\\nThe QXV was cheaper, QXV said on Monday.',"
        " {'datePublished': '2019-05-08'})\n"
        "print(json.dumps(sorted(o.name for o in a.organizations)))"
    )

    def orgs(dirs: list[Path]) -> list[str]:
        env = {**os.environ, knowledge.ENV_VAR: os.pathsep.join(map(str, dirs))}
        command = [sys.executable, "-c", code]
        done = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
        result: list[str] = json.loads(done.stdout)
        return result

    (tmp_path / "thing_acronyms.txt").write_text("QXV  # invented\n")
    assert orgs([]) == ["QXV"]
    assert orgs([tmp_path]) == []
