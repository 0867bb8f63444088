"""Evidence that a name is a person's, or is not, from the words and names around it.

The grouping pass (``grouping.py``) settles the spans no typing rule could
type; these rules read what stands around a name beyond its own words: the
list it is part of ("A, B, and C"), a kinship noun before it ("their
daughter, X"), a census surname at its end, a title before a run a cue word
typed, a person's name before "of" it ("X of Y"), a person's name run on to
a body's. Each rule is general English grammar or a declared word list
(``surnames.txt``), never a list of names.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Mapping

from newsmodel.extract.attributes import person_context
from newsmodel.extract.candidates import PARTICLES, Cand, Ctx, words_of
from newsmodel.extract.classify import foreign_name_word

__all__ = [
    "body_after_person_of",
    "coordinated_lists",
    "coordinated_people",
    "dubbed_names",
    "eponym_modifier",
    "exemplified_people",
    "kin_named",
    "name_word",
    "named_by_context",
    "person_after_body",
    "surname_first_name",
    "surname_name",
    "titled_name_typed_by_cue",
]

#: Prepositions after which an unknown name is a place (as in ``grouping._LOCATIVE_BEFORE``).
_LOCATIVE_BEFORE = frozenset({"in", "near", "outside", "throughout", "across"})


#: The words that join the members of a list of names: "X, Y, and Z", "X or Y".
_COORDINATORS = frozenset({(",",), ("and",), ("or",), (",", "and"), (",", "or")})


def coordinated_people(ctx: Ctx, cands: list[Cand], settle: Callable[[Ctx, Cand], str | None]) -> set[int]:
    """Make an untyped name in a list of people a person: "Tom Reyes, Velko Marin and Gravel Torvik".

    Coordination joins like with like: where a list of names ("X, Y, and Z",
    "X and Y") holds a person, its untyped members that look like a person's
    name (see ``_name_shaped``) are people too, even when a word of theirs is
    an English word ("Gravel") that would otherwise make them an organization.
    A member after "of", "from" or "at" is what someone belongs to ("X of
    Bright Harbor, and Y"), not a member. A list whose only typed members are
    organizations makes its untyped names organizations: their ids are
    returned. ``cands`` are in text order and do not overlap.
    """
    words = ctx.words
    bodies: set[int] = set()
    for members in coordinated_lists(ctx, cands):
        untyped = [c for c in members if c.kind is None and c.key is None]
        if not untyped:
            continue
        if not any(c.kind == "person" or (c.kind is None and settle(ctx, c) == "person") for c in members):
            continue
        if not any(c.kind == "person" or (c.kind is None and c.evidence >= 1) for c in members) and any(
            c.kind == "organization" and c.confidence >= 0.6 and _list_member(ctx, c) for c in members
        ):
            # "Northrop Quell and EADS": a list of bodies, where the untyped name only looks like a person's
            bodies.update(id(c) for c in untyped if c.b - c.a > 1 and words[c.a] not in ctx.lex.given_names)
            continue
        for c in untyped:
            if _name_shaped(ctx, words[c.a : c.b]) and (c.a == 0 or words[c.a - 1] not in _OWNER_BEFORE):
                c.evidence = max(c.evidence, 2)
    return bodies


def _list_member(ctx: Ctx, c: Cand) -> bool:
    """Whether a name stands in a list for itself, not as an owner ("of X and Y", "X's Y and Z")."""
    words = ctx.words
    before = words[c.a - 1] if c.a > 0 else ""
    if before == "the" and c.a > 1:
        before = words[c.a - 2]
    after = words[c.b] if c.b < len(words) else ""
    return before not in _OWNER_BEFORE and after not in ("'s", "\u2019s")


def coordinated_lists(ctx: Ctx, cands: list[Cand]) -> list[list[Cand]]:
    """The coordinated lists of names, two members or more, in text order."""
    words = ctx.words
    lists: list[list[Cand]] = []
    for c in cands:
        prev = lists[-1][-1] if lists else None
        if prev is not None and c.a - prev.b in (1, 2) and tuple(words[prev.b : c.a]) in _COORDINATORS:
            lists[-1].append(c)
        else:
            lists.append([c])
    return [members for members in lists if len(members) > 1]


#: Words before a name that make it what something belongs to ("X of People Power, and Y"), no list member.
_OWNER_BEFORE = frozenset({"of", "from", "at"})


def _name_shaped(ctx: Ctx, words: list[str]) -> bool:
    """Whether words may be a person's full name.

    Two to four title-case words, no cue word, title, acronym or known place,
    and not all of them English words unless one is a given name ("Prime
    Minister", "People Power" are no names; "Starry Lee" may be).
    """
    lex = ctx.lex
    return (
        2 <= len(words) <= 4
        and any(w.lower() not in lex.english or w in lex.given_names for w in words)
        and all(
            (w in PARTICLES or (w[:1].isupper() and w.replace("-", "").isalpha() and not w.isupper()))
            and w not in lex.org_cues
            and w.lower() not in lex.place_cues
            and (w.lower(),) not in lex.titles
            and w not in lex.demonyms
            and w not in lex.not_entities
            and not (w in lex.places and "a" not in lex.places[w].flags)
            for w in words
        )
    )


def name_word(word: str) -> bool:
    """Whether a word is spelled like part of a person's name.

    Letters only, or letter parts joined by hyphens or an apostrophe
    ("Al-Amin", "O'Hara"), or an initial ("J."); no digits ("KX-20") and no lowercase start with an
    inner capital ("iPad", "eVolve"), which spell products and brands. A
    lowercase particle ("de", "al-") is a name word.
    """
    if word in PARTICLES or (len(word) == 2 and word[0].isupper() and word[1] == "."):
        return True  # a particle, an initial
    if word[:1].islower() and any(ch.isupper() for ch in word):
        return word.partition("-")[0] in ("al", "el", "bin", "ibn", "abu", "ben", "de", "van", "von", "da")
    parts = word.replace("'", "-").replace("\u2019", "-").replace(" ", "").split("-")
    return all(part.isalpha() for part in parts)


#: A given name of two short syllables joined by a hyphen ("Joo-Ho", "Ki-moon"), as East Asian names write it.
_SYLLABLE_PAIR = re.compile(r"^[A-Z][a-z]{1,4}-[A-Za-z][a-z]{1,4}$")


#: Words after which "First Surname" is no evidence of a person: an article, a place's preposition.
_NOT_BEFORE_SURNAME_NAME = frozenset({"the", "a", "an", "this", "that"}) | _LOCATIVE_BEFORE


def _surname_name(ctx: Ctx, words: list[str]) -> bool:
    """Whether an untyped run reads "First Surname": a census surname last, a name word first.

    A surname that is also an English word ("Ho", "Chow", "Law") would make the
    run an organization by the English-word rule; a frequent surname after a
    first word that is no English word (or is a given name) is a person's name
    far more often. Runs with a cue word, an acronym, a demonym or a place are
    left to the other rules, and so are runs after an article ("the Quorin
    Fox center": a name with "the" before it names a thing) or after "in",
    "near" (a place).
    """
    lex = ctx.lex
    if not 2 <= len(words) <= 3 or words[-1] not in lex.surnames:
        return False
    first, last = words[0], words[-1]
    if first.lower() in lex.english and first not in lex.given_names:
        return False
    if last.lower() in ctx.lower_seen:
        return False  # "Moscone West" where the article also writes "west": a word here
    for w in words:
        place = lex.places.get(w)
        if (
            not w[:1].isupper()
            or not w.replace("-", "").isalpha()
            or w.isupper()
            or w in lex.org_cues
            or w.lower() in lex.place_cues
            or w in lex.demonyms
            or w in lex.name_adjectives
            or w in lex.not_entities
            or (place is not None and "a" not in place.flags)  # a town that is also a surname is fine
            or (w is not last and w is not first and w.lower() in lex.english)
        ):
            return False
    return True


def person_after_body(ctx: Ctx, cands: list[Cand]) -> list[Cand]:
    """Split a person's name off the end of an organization run: "University of Quellton Ana Velik".

    Without a title or comma between them, a body's name and the person's
    run together, and the body's cue word types the whole run. When the
    article also uses the run's last word alone ("Velik said"), and the two
    words before it are a first name and a surname of no list ("Ana Velik"),
    those two words are the person the short form names; so are a first
    name and a census surname after the body's cue or English word,
    before "said" ("Quell Relations Alia Marsh said"; the run may be
    untyped, or typed a place by a surname that is also a landform cue).
    Returns ``cands`` in text order with the split-off people added.
    """
    words = ctx.words
    lex = ctx.lex
    lone = {words[c.a] for c in cands if c.b - c.a == 1 and c.kind is None}
    out: list[Cand] = []
    for c in cands:
        out.append(c)
        if (
            c.kind not in ("organization", "place", None)
            or c.key is not None
            or c.confidence >= 0.9
            or c.b - c.a < 4
            or words[c.b - 3] in ("of", "for", "and", "&", "the")
        ):
            continue
        first, last = words[c.b - 2], words[c.b - 1]
        if last in lone and c.kind == "organization":
            first_ok = first in lex.given_names or foreign_name_word(ctx, first)
            split = first_ok and foreign_name_word(ctx, last)
        else:
            # "the Council on Quell Relations Alia Marsh said": the body's cue or English
            # word, then a first name and a census surname, subject of a speech verb
            split = (
                c.b < len(words)
                and words[c.b] in _SAID
                and (
                    words[c.b - 3] in lex.org_cues
                    or (words[c.b - 3].lower() in lex.english and words[c.b - 3] not in lex.given_names)
                )
                and (first in lex.given_names or foreign_name_word(ctx, first))
                and last in lex.surnames
            )
        if split:
            c.b -= 2
            out.append(Cand(c.b, c.b + 2, "person", confidence=0.6, evidence=1))
    return out


#: Speech verbs right after a subject: "X said", "X told".
_SAID = words_of("said says told added explained stated")


def body_after_person_of(ctx: Ctx, cands: list[Cand]) -> None:
    """Make the name in "<person> of <name>" what the person belongs to, not a second person.

    "musician Tom Reyes of Velvet Velvet", "Ana Duarte of Quellmark": a name
    after a person's name and "of" is their band, party, firm or town. Only a
    name typed a person on weak evidence (a given name, nothing typed) changes;
    titled or honorific people keep their type. ``cands`` are in text order.
    """
    words = ctx.words
    for prev, c in itertools.pairwise(cands):
        if (
            (prev.kind == "person" or (prev.kind is None and prev.evidence >= 2))
            and c.kind in ("person", None)
            and c.title is None
            and c.confidence <= 0.8
            and c.evidence <= 1
            and words[prev.b : c.a] in (["of"], ["of", "the"])
            and not (c.kind is None and c.b - c.a == 1 and words[c.a].lower() in ctx.lex.english)
        ):
            c.kind, c.subtype, c.gender, c.evidence = "organization", "Organization", None, 0
            c.confidence = 0.5


def titled_name_typed_by_cue(ctx: Ctx, c: Cand) -> bool:
    """Whether a run typed a place or body by its last word is a titled person: "professor Ana Lamont Hill".

    A cue word that is also a frequent surname ("Hill", "Park", "Field") types
    "Ana Lamont Hill" as a place; a lowercase title or occupation right before
    it ("professor", "the company's chief executive") and a given name first
    say it is a person. Names the lists know keep their type.
    """
    if c.kind not in ("place", "organization") or c.key is not None or c.confidence >= 0.9:
        return False
    words = ctx.words[c.a : c.b]
    lex = ctx.lex
    if not 2 <= len(words) <= 4 or words[0] not in lex.given_names or words[-1] not in lex.surnames:
        return False
    return person_context(ctx, c) >= 2


#: Nouns of kinship and household that a person's name may follow: "their daughter, X", "his wife X".
_KIN_NOUNS = words_of(
    "daughter son child baby wife husband mother father brother sister girlfriend boyfriend fiancee "
    "fiance widow widower grandson granddaughter grandmother grandfather niece nephew cousin "
    "stepdaughter stepson twin infant toddler"
)


def kin_named(ctx: Ctx, c: Cand) -> bool:
    """Whether a name follows a kinship noun, with or without a comma: "their daughter, X", "his son X".

    Families in the news are often named by first name alone; a lone given
    name would otherwise stay untyped (too many are also words or places).
    The name must be one or two title-case words that are no English word.
    """
    words = ctx.words
    k = c.a - 1
    if k >= 0 and words[k] == ",":
        k -= 1
    if k < 0 or words[k].lower() not in _KIN_NOUNS or not words[k].islower():
        return False
    name = words[c.a : c.b]
    lex = ctx.lex
    return len(name) <= 2 and all(
        w[:1].isupper()
        and w.isalpha()
        and not w.isupper()
        and (w in lex.given_names or w.lower() not in lex.english)
        for w in name
    )


def surname_first_name(ctx: Ctx, words: list[str]) -> bool:
    """Whether an untyped run is a surname, then a two-syllable given name: "Park Soo-Min"."""
    lex = ctx.lex
    return (
        len(words) == 2
        and words[0] in lex.surnames
        and _SYLLABLE_PAIR.match(words[1]) is not None
        and not any(part in lex.org_cues for part in words[1].split("-"))
    )


def surname_name(ctx: Ctx, c: Cand) -> bool:
    """``_surname_name`` for a span, unless an article or a place's preposition stands before it."""
    prev = ctx.words[c.a - 1] if c.a > 0 else ""
    return prev not in _NOT_BEFORE_SURNAME_NAME and _surname_name(ctx, ctx.words[c.a : c.b])


#: Plural nouns for kinds of people that a list of examples may follow: "gods such as X, Y and Z".
_PERSON_KINDS = words_of(
    "people persons individuals figures celebrities guests artists musicians singers actors actresses "
    "writers authors novelists poets painters sculptors photographers filmmakers composers athletes "
    "politicians lawmakers legislators officials dignitaries ministers presidents senators candidates "
    "entrepreneurs founders scientists scholars philosophers thinkers inventors gods goddesses deities "
    "heroes heroines villains characters saints prophets kings queens emperors rulers dictators "
    "comedians performers victims"
)
#: (Words that also name kinds of bodies or things stay out: "members", "players" and "leaders" of a
#: market, "stars" of the sky, "speakers" of a sound system.)
#: Words that open a list of examples: "such as", "including", "like".
_EXAMPLE_CUES = (("such", "as"), ("including",), ("like",))
_EXAMPLE_LAST = frozenset(cue[-1] for cue in _EXAMPLE_CUES)


def exemplified_people(ctx: Ctx, cands: list[Cand]) -> None:
    """Make the untyped names listed as examples of a kind of person people: "gods, such as X, Y, and Z".

    A plural noun for people ("artists", "gods", "players") followed by "such
    as", "including" or "like" introduces examples of that kind: each name of
    the list after it ("X, Y, and Z") names one of them. Names no rule typed
    (one word no list knows would otherwise be an organization) get person
    evidence; typed names keep their type. ``cands`` are in text order.
    """
    words = ctx.words
    by_start: dict[int, Cand] = {}
    for c in cands:
        if c.a < 2 or words[c.a - 1] not in _EXAMPLE_LAST:
            continue
        cue = next((q for q in _EXAMPLE_CUES if c.a > len(q) and tuple(words[c.a - len(q) : c.a]) == q), None)
        if cue is None:
            continue
        k = c.a - len(cue) - 1
        if words[k] == ",":
            k -= 1
        if k < 0 or words[k] not in _PERSON_KINDS:
            continue
        by_start = by_start or {c.a: c for c in cands}
        member: Cand | None = c
        while member is not None:
            if member.kind is None and member.key is None and _example_name(ctx, words[member.a : member.b]):
                member.evidence = max(member.evidence, 2)
            member = _next_member(ctx, member, by_start)


def _next_member(ctx: Ctx, c: Cand, by_start: dict[int, Cand]) -> Cand | None:
    """The next name of the list that ``c`` is part of ("X, Y, and Z"), or None."""
    words = ctx.words
    for gap in (1, 2):
        if tuple(words[c.b : c.b + gap]) in _COORDINATORS and (nxt := by_start.get(c.b + gap)) is not None:
            return nxt
    return None


def _example_name(ctx: Ctx, words: list[str]) -> bool:
    """Whether words may name a person: one to four title-case name words, no cue word or known place."""
    lex = ctx.lex
    return 1 <= len(words) <= 4 and all(
        name_word(w)
        and w[:1].isupper()
        and not w.isupper()
        and w not in lex.org_cues
        and w.lower() not in lex.place_cues
        and w not in lex.demonyms
        and w not in lex.not_entities
        for w in words
    )


#: Offices named after their holder: "the X government", "the X administration".
_HELD_OFFICES = words_of("government administration cabinet regime presidency")
#: Happenings that befall a person, named before "of" ("the murder of X", "the funeral of X").
_BEFALLING = words_of("murder killing assassination death funeral execution kidnapping abduction burial")


def named_by_context(ctx: Ctx, c: Cand) -> bool:
    """Whether an untyped name is a person's by the words around it, though no list knows it.

    "the X government", "the X administration": a frequent census surname
    before an office held by one person names its holder, even when the
    surname is an English word too (one word only). "the murder of X",
    "the funeral of X": what befalls a person names one (a title-case name
    word, no English word, cue word or known place). A name someone goes
    by ("a fan going by the name "X"", "who calls herself X") is theirs,
    unless a group goes by it ("a band going by the name X").
    """
    words = ctx.words
    if c.b - c.a != 1:
        return False
    nxt = words[c.b] if c.b < len(words) else ""
    office = nxt in _HELD_OFFICES
    befallen = c.a >= 2 and words[c.a - 1] == "of" and words[c.a - 2] in _BEFALLING
    if not office and not befallen and not _goes_by(words, c.a):
        return False  # the context first: it is rare, the word checks below are not
    lex = ctx.lex
    w = words[c.a]
    if not name_word(w) or not w[:1].isupper() or w.isupper() or w in lex.demonyms:
        return False
    if w in lex.name_adjectives or w in lex.not_entities or w in lex.org_cues or w.lower() in lex.place_cues:
        return False
    if office:
        return w in lex.surnames  # "the Quellmann government"
    if befallen:
        return w.lower() not in lex.english and w not in lex.places  # "the murder of Quelvane"
    return True  # "a cosplayer going by the name "The Quorinator""


def eponym_modifier(ctx: Ctx, c: Cand, surnames: Mapping[str, str]) -> bool:
    """Whether an untyped two-word run is a known person's surname before a thing: "Reyes Polaroids".

    A person the article has named in full ("Tom Reyes") lends the surname to
    what is theirs or named after them ("the Reyes Polaroids", "a Reyes
    retrospective"); the run is no second person "Reyes Polaroids". Only when
    the first word is no given name and the second no census surname (so
    "Reyes Marin" may still be a person) and there is no other person evidence.
    """
    words = ctx.words
    if c.b - c.a != 2 or c.evidence >= 1:
        return False
    first, second = words[c.a], words[c.a + 1]
    lex = ctx.lex
    return (
        first in surnames
        and first not in lex.given_names
        and second not in lex.surnames
        and second not in lex.given_names
        and "-" not in second  # "Wong Kwok-hing": a surname first, then a hyphenated given name
    )


#: Nouns of groups that may go by a name too: "a band going by the name X" names no person.
_GROUP_NOUNS = words_of(
    "band group company firm team club party organization network project account site channel"
)


def _goes_by(words: list[str], at: int) -> bool:
    """Whether the name at ``at`` follows "going by the name", "goes by", "calls herself" (no group)."""
    k = at - 1
    while k >= 0 and words[k] in ('"', "\u201c", "'", "The", "the"):
        k -= 1  # the quotation mark and article of the name itself
    if k >= 0 and words[k] in ("himself", "herself"):
        return k >= 1 and words[k - 1] in ("calls", "called", "calling")
    if k >= 0 and words[k] == "of":
        k -= 1
    if k < 0 or words[k] not in ("name", "by"):
        return False
    if words[k] == "name":
        if words[k - 2 : k] != ["by", "the"]:
            return False
        k -= 2
    verb = k - 1
    if verb < 0 or words[verb] not in ("going", "goes", "went", "go"):
        return False
    subject = verb - 1
    if subject >= 0 and words[subject] == "who":
        subject -= 1
    return subject < 0 or words[subject] not in _GROUP_NOUNS


#: Verbs that give something a second name: "the prison, dubbed the "X"".
_NAMING_VERBS = words_of("dubbed nicknamed")
_QUOTES = frozenset({'"', "\u201c", "\u2018", "'"})


def dubbed_names(ctx: Ctx, cands: list[Cand]) -> dict[int, Cand]:
    """The names given to an entity just named: "Hoa Vinh prison, dubbed the "Quell Hilton"".

    A name after "dubbed the" or "nicknamed the" is a second name of what
    stands right before the verb, not a new person (the article marks a
    thing: a prison, a deal, a storm). Returns, by the id of each such
    candidate, the candidate it renames; the renaming one loses a person type
    that only its words gave it (no title, no honorific). ``cands`` are in
    text order.
    """
    if _NAMING_VERBS.isdisjoint(ctx.lower_seen):
        return {}
    words = ctx.words
    ends = {c.b: c for c in cands}
    out: dict[int, Cand] = {}
    for c in cands:
        k = c.a - 1
        while k >= 0 and words[k] in _QUOTES:
            k -= 1
        if k < 1 or words[k] != "the" or words[k - 1] not in _NAMING_VERBS:
            continue
        k -= 2
        if k >= 0 and words[k] == ",":
            k -= 1
        named = ends.get(k + 1)
        if named is None or named is c or c.title is not None or c.evidence >= 2:
            continue
        if c.kind in ("person", None):
            c.kind, c.subtype, c.gender = None, None, None
            out[id(c)] = named
    return out
