"""Users extend the mapper's knowledge with their own files, without touching the package."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

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
