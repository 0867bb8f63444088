#!/usr/bin/env python3
"""Write ``newsmodel/data/event_verbs.txt``: the verbs of WordNet 3.0 that report a happening.

Source (declared, licensed; needed only to run this script, never at run time):
Princeton WordNet 3.0 (WordNet 3.0 licence, permissive: use, copy, modify and
distribute for any purpose with the copyright notice), as Debian's package
``wordnet-base`` installs it in ``/usr/share/wordnet``.

Which verbs: every one-word verb lemma whose most frequent sense (WordNet's
first) lies in one of the lexicographer files of things done to or with
others: ``verb.possession`` (buy, sell, supply), ``verb.competition`` (win,
defeat), ``verb.contact`` (hit, seize), ``verb.motion`` (leave, arrive),
``verb.creation`` (build, publish), ``verb.change`` (reduce, replace),
``verb.social`` (hire, join, vote) and ``verb.consumption`` (use, exploit).
Speech, thought, perception, feeling and states (``verb.communication``,
``verb.cognition``, ``verb.perception``, ``verb.emotion``, ``verb.stative``)
are left out: a sentence that only says, thinks or is something reports no
happening. A lemma must be tagged at least 5 times as a verb in WordNet's sense
counts (``cntlist.rev``), so that the list holds common English verbs only. A
lemma tagged more often as a noun or adjective ("double", "lower", "score") keeps
its past forms, which are verbs ("doubled", "lowered", "scored"), but gives no
present form to ``headline_verbs.txt`` ("scores", "doubles" are as often nouns);
the light verbs of
``LIGHT`` (have, make, take, get …), which carry no happening of their own, are
left out too.

Phrasal verbs: every two-word lemma of a verb and an adverbial particle
(``PARTICLES``: up, down, off, out, over, back, away; "step_down", "take_over",
"lift_off") whose first sense lies in the same files and whose head is a common
verb (5+ verb tags: SemCor tags the phrasal lemmas themselves too rarely to
count them; "step_down" has one). A light head is kept here ("take_over",
"set_up"): with its particle it carries a happening of its own. The head
inflects, the particle stays ("stepped_down"); WordNet's underscore joins the
two words in the file, and the loader reads it as a space. Particles that are
as often prepositions of place or time ("in", "on", "through") stay out.

Bare forms: ``bare_verbs.txt`` holds the lemma itself of every verb written
to ``event_verbs.txt`` ("acquire", "own", "step_down"), for a verb group
whose form is bare because an auxiliary before it says so ("will acquire", a
headline's "to acquire"); after those, a noun-like lemma ("own", "double") is
a verb too.

Verbs of words with a quantity for object: ``quantity_verbs.txt`` holds the
common one-word lemmas whose first sense lies in ``verb.communication`` (no
light verb), past forms then ``|`` and the third person present (mostly-verb
lemmas only): "ordered | orders", "delivered | delivers". Their most frequent
use is words ("ordered the evacuation", "delivered a speech"), so they join
no other list; the mapper reads them only when their object is a quantity
("ordered 55 jets", "delivered the final 717"), where they report a
transaction, not words. Speech verbs among them are left to the mapper,
which skips every speech verb.

Forms: the past forms only (WordNet's exceptions ``verb.exc``, else the regular
rules), each kept when the shipped English word list (``english_words.txt``,
SCOWL) has it and it differs from the bare lemma ("hit", "cut" stay out: their
bare form is too often present or infinitive). One line per lemma: its forms,
then ``#`` and the lexicographer file. Usage: ``python
tools/build_event_verbs.py [--wordnet DIR] [--out FILE]`` (deterministic; a test
rebuilds the list and compares it with the shipped one).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_speech_verbs import _exceptions, _first_senses, _regular, _synsets, _tag_counts

DATA = Path(__file__).resolve().parent.parent / "newsmodel" / "data"
TARGET = DATA / "event_verbs.txt"
PRESENT_TARGET = DATA / "headline_verbs.txt"
BARE_TARGET = DATA / "bare_verbs.txt"
QUANTITY_TARGET = DATA / "quantity_verbs.txt"
#: WordNet's lexicographer file number of the verbs of words (``verb.communication``).
COMMUNICATION = 32
#: WordNet's lexicographer file numbers of the verb files kept.
FILES = {
    30: "verb.change",
    33: "verb.competition",
    34: "verb.consumption",
    35: "verb.contact",
    36: "verb.creation",
    38: "verb.motion",
    40: "verb.possession",
    41: "verb.social",
}
#: The adverbial particles of the phrasal verbs kept: the second word of a two-word lemma.
PARTICLES = frozenset(["up", "down", "off", "out", "over", "back", "away"])
#: Heads that make no phrasal verb of doing: auxiliaries.
_AUXILIARY_HEADS = frozenset(["be", "have", "do"])
#: Fewest verb tags in SemCor (WordNet's ``cntlist.rev``) for a lemma to count as common.
MIN_TAGS = 5
#: Light and auxiliary verbs: they carry the happening of their object ("made a
#: deal", "took control", "got approval"), never one of their own.
_LIGHT_WORDS = (
    "be have do make take get give go come become remain stay let try find seek use put set keep hold "
    "bring begin start stand sit help allow fail want need"
)
LIGHT = frozenset(_LIGHT_WORDS.split())
HEADER = """\
# Verbs that report a happening, from Princeton WordNet 3.0 (WordNet 3.0 licence; see ATTRIBUTION.md).
# Generated by tools/build_event_verbs.py: do not edit; change the script and run it again.
# One lemma a line: its past forms, then its lexicographer file.
"""
BARE_HEADER = """\
# The verbs of event_verbs.txt in their bare form, for "will acquire" and a headline's "to acquire".
# From Princeton WordNet 3.0 (WordNet 3.0 licence; see ATTRIBUTION.md).
# Generated by tools/build_event_verbs.py: do not edit; change the script and run it again.
"""
QUANTITY_HEADER = """\
# Verbs WordNet 3.0 files first as words (verb.communication) that report a transaction when
# their object is a quantity ("ordered 55 jets", "delivered the final 717").
# From Princeton WordNet 3.0 (WordNet 3.0 licence; see ATTRIBUTION.md).
# Generated by tools/build_event_verbs.py: do not edit; change the script and run it again.
# One lemma a line: its past forms, "|", its third person present (if mostly a verb), then the file.
"""
PRESENT_HEADER = """\
# The verbs of event_verbs.txt in the third person present, for headlines ("Acme acquires Bolt").
# From Princeton WordNet 3.0 (WordNet 3.0 licence; see ATTRIBUTION.md).
# Generated by tools/build_event_verbs.py: do not edit; change the script and run it again.
"""


def event_lemmas(wordnet: Path) -> list[tuple[str, str, bool]]:
    """(lemma, lexicographer file, mostly a verb) of every kept verb, by the rules of the module docstring."""
    synsets = _synsets(wordnet)
    first = _first_senses(wordnet)
    verb_count, other_count = _tag_counts(wordnet)
    out = []
    for lemma, offset in sorted(first.items()):
        lex = int(synsets[offset]["lex"])  # type: ignore[call-overload]
        if lex not in FILES or "-" in lemma:
            continue
        if "_" in lemma:
            head, _, particle = lemma.partition("_")
            if particle in PARTICLES and head not in _AUXILIARY_HEADS and verb_count[head] >= MIN_TAGS:
                out.append((lemma, FILES[lex], verb_count[head] >= other_count[head]))
            continue
        if lemma in LIGHT or verb_count[lemma] < MIN_TAGS:
            continue
        out.append((lemma, FILES[lex], verb_count[lemma] >= other_count[lemma]))
    return out


def communication_lemmas(wordnet: Path) -> list[tuple[str, bool]]:
    """(lemma, mostly a verb) of every common one-word verb whose first sense is one of words.

    Read by the mapper only before a quantity ("ordered 55 jets"): see the module docstring.
    """
    synsets = _synsets(wordnet)
    verb_count, other_count = _tag_counts(wordnet)
    out = []
    for lemma, offset in sorted(_first_senses(wordnet).items()):
        if int(synsets[offset]["lex"]) != COMMUNICATION:  # type: ignore[call-overload]
            continue
        if "_" in lemma or "-" in lemma or lemma in LIGHT or verb_count[lemma] < MIN_TAGS:
            continue
        out.append((lemma, verb_count[lemma] >= other_count[lemma]))
    return out


def past_forms(lemma: str, exceptions: dict[str, list[str]], known: set[str]) -> list[str]:
    """The past forms of ``lemma`` that the English word list has.

    Present forms ("releases", "works") stay out: in a body they mostly tell a
    habit or a state, and headlines, where they tell news, give no events.
    """
    head, particle = lemma.partition("_")[::2]
    if particle:  # a phrasal verb: the head inflects ("stepped_down")
        return [f"{form}_{particle}" for form in past_forms(head, exceptions, known)]
    irregular = [f for f in exceptions.get(lemma, []) if not f.endswith("ing")]
    if not irregular and lemma + lemma[-1:] + "ing" in exceptions.get(lemma, []):
        return []  # only "putting" listed: the past is the bare form ("put"), not "putted"
    _third, *rest = _regular(lemma, known, irregular=bool(irregular))
    past = irregular or [f for f in rest if not f.endswith("ing")]  # "left", not "leaved"
    return [f for f in dict.fromkeys(past) if f in known and f != lemma]


def present_form(lemma: str, exceptions: dict[str, list[str]], known: set[str]) -> str | None:
    """The third person present of ``lemma`` ("acquires"), if the English word list has it.

    Written to ``headline_verbs.txt``: a headline tells its news in the present
    ("Acme acquires Bolt"), where a body sentence would use the past.
    """
    if "_" in lemma:
        return None  # a phrasal verb: its past forms only
    third = _regular(lemma, known, irregular=bool(exceptions.get(lemma)))[0]
    return third if third in known else None


def main(argv: list[str] | None = None) -> int:
    """Rewrite ``event_verbs.txt``, ``headline_verbs.txt``, ``bare_verbs.txt`` and ``quantity_verbs.txt``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--wordnet", type=Path, default=Path("/usr/share/wordnet"), help="WordNet 3.0 dict dir"
    )
    parser.add_argument("--out", type=Path, default=TARGET, help="where to write (default: the shipped file)")
    parser.add_argument(
        "--present-out", type=Path, default=PRESENT_TARGET, help="where to write the present forms"
    )
    parser.add_argument("--bare-out", type=Path, default=BARE_TARGET, help="where to write the bare forms")
    parser.add_argument(
        "--quantity-out", type=Path, default=QUANTITY_TARGET, help="where to write the verbs of words"
    )
    args = parser.parse_args(argv)
    known = set((DATA / "english_words.txt").read_text(encoding="utf-8").split())
    exceptions = _exceptions(args.wordnet)
    lines, present, bare = [], [], []
    for lemma, lexfile, mostly_verb in event_lemmas(args.wordnet):
        forms = past_forms(lemma, exceptions, known)
        if forms:
            lines.append(f"{' '.join(forms)}  # {lexfile}")
            bare.append(f"{lemma}  # {lexfile}")
            third = present_form(lemma, exceptions, known) if mostly_verb else None
            if third is not None:
                present.append(f"{third}  # {lexfile}")
    args.out.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    args.present_out.write_text(PRESENT_HEADER + "\n".join(present) + "\n", encoding="utf-8")
    args.bare_out.write_text(BARE_HEADER + "\n".join(bare) + "\n", encoding="utf-8")
    quantity = []
    for lemma, mostly_verb in communication_lemmas(args.wordnet):
        forms = past_forms(lemma, exceptions, known)
        if forms:
            third = present_form(lemma, exceptions, known) if mostly_verb else None
            present_part = f" | {third}" if third is not None else ""
            quantity.append(f"{' '.join(forms)}{present_part}  # verb.communication")
    args.quantity_out.write_text(QUANTITY_HEADER + "\n".join(quantity) + "\n", encoding="utf-8")
    print(f"{len(lines)} WordNet verbs written to {args.out}")
    print(f"{len(present)} present forms written to {args.present_out}")
    print(f"{len(bare)} bare forms written to {args.bare_out}")
    print(f"{len(quantity)} verbs of words written to {args.quantity_out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
