"""From typed spans to entities: one entity per thing named, with every mention.

Short forms are linked to the fullest one the article uses: a surname to its
person ("Duarte" -> "Ana Duarte"), an acronym or a leading part to its
organization ("NRC", "Northwind" -> "Northwind Media"), each spelling of a
known place to one entry ("U.S." / "United States"). Spans no rule could type
are settled here, once all the article's names are known.
"""

from __future__ import annotations

import attrs

from newsmodel.extract.candidates import ACRONYM_RE, CAMEL_RE, PARTICLES, Cand, Ctx, surface
from newsmodel.extract.people import (
    body_after_person_of,
    coordinated_people,
    dubbed_names,
    eponym_modifier,
    exemplified_people,
    kin_named,
    name_word,
    named_by_context,
    person_after_body,
    surname_first_name,
    surname_name,
    titled_name_typed_by_cue,
)

__all__ = ["Groups", "group"]

_SUFFIXES = frozenset({"Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"})
_DETERMINERS = frozenset({"the", "its", "their", "his", "her", "a", "an", "our", "this", "that", "'s"})
_ORG_WORDS_SKIP = frozenset({"of", "for", "and", "&", "the", "de", "on"})


@attrs.define(eq=False)
class Ent:
    """One entity being assembled."""

    kind: str
    subtype: str | None
    key: str
    mentions: list[tuple[int, int]] = attrs.Factory(list)
    cands: list[Cand] = attrs.Factory(list)
    confidence: float = 0.5

    def add(self, c: Cand) -> None:
        self.mentions.append((c.a, c.b))
        self.cands.append(c)
        self.confidence = max(self.confidence, c.confidence)


class _SameSurname:
    """The people of one surname, looked up by first name in time linear in its length.

    Two full names with one surname are one person when one first name starts
    the other ("Ben" and "Benjamin", "T." and "Tom"); the person named first
    wins. Comparing each new name with every earlier one is quadratic when many
    people share a surname (a family register, a long list of results), so each
    person's first name is indexed by every one of its prefixes instead: a new
    first name finds the earlier people it extends through its own prefixes,
    and those extending it through the index, both in one look-up per character.
    """

    __slots__ = ("_by_exact", "_by_prefix", "_count")

    def __init__(self) -> None:
        #: exact first name -> (order, key) of the first person with it
        self._by_exact: dict[str, tuple[int, str]] = {}
        #: every prefix of a first name -> (order, key) of the first person whose first name has it
        self._by_prefix: dict[str, tuple[int, str]] = {}
        self._count = 0

    def person(self, first: str, key: str) -> str:
        """The earliest person whose first name starts ``first`` or starts with it; else ``key``."""
        found = [self._by_prefix.get(first)]
        found += [self._by_exact.get(first[:n]) for n in range(1, len(first) + 1)]
        hits = [f for f in found if f is not None]
        if hits:
            return min(hits)[1]
        order = (self._count, key)
        self._count += 1
        self._by_exact.setdefault(first, order)
        for n in range(1, len(first) + 1):
            self._by_prefix.setdefault(first[:n], order)
        return key


def _person_key_tokens(words: list[str]) -> list[str]:
    out = [w for w in words if w not in _SUFFIXES and w != ","]
    return out or words


@attrs.define
class Groups:
    """Entities keyed by a canonical key, with lookups for linking short forms."""

    ents: dict[str, Ent] = attrs.Factory(dict)
    surname: dict[str, str] = attrs.Factory(dict)  # surname -> person key
    surfaces: dict[str, str] = attrs.Factory(dict)  # any surface form -> key
    #: leading words of multi-word organization names -> the organization ("Northwind")
    org_prefix: dict[tuple[str, ...], str] = attrs.Factory(dict)
    #: initials of multi-word organization names, and their tails -> the organization ("NRC", "RC")
    org_initials: dict[str, str] = attrs.Factory(dict)
    #: last name -> the people with it, indexed by first name
    by_last: dict[str, _SameSurname] = attrs.Factory(dict)

    def put(self, ctx: Ctx, c: Cand, key: str, kind: str) -> Ent:
        ent = self.ents.get(key)
        if ent is None:
            ent = self.ents[key] = Ent(kind, c.subtype, key)
        ent.add(c)
        c.key = key
        if c.kind != kind:
            c.kind = kind
        self.surfaces.setdefault(surface(ctx, c.a, c.b), key)
        if kind == "organization" and c.b - c.a > 1:
            full = tuple(ctx.words[c.a : c.b])
            for n in range(1, min(len(full), 5)):
                if full[n - 1].lower() in _DETERMINERS or full[n - 1].lower() in _ORG_WORDS_SKIP:
                    continue  # "The" of "The Guardian" is no short form of it
                self.org_prefix.setdefault(full[:n], key)
            ini = _initials(list(full))
            if len(ini) >= 2:
                self.org_initials.setdefault(ini, key)
                for n in range(3, len(ini)):
                    self.org_initials.setdefault(ini[-n:], key)
        return ent

    # ----------------------------------------------------------------- linking leftovers

    def link_uncovered(self, ctx: Ctx) -> None:
        """Mention every capitalized word sequence equal to a known surface form."""
        self._scan(ctx, 0, len(ctx.words), lexicon_too=False)

    def extend_headline(self, ctx: Ctx, lo: int, hi: int, *, all_caps: bool = False) -> None:
        """Link a title-case headline: only names the body used or the lists know.

        An all-capitals headline is read true-cased: each run is compared with
        the body's names and the lists case-insensitively, and no word of it is
        taken for an acronym on its capitals alone ("NORTHWIND SHARES JUMP").
        """
        self._scan(ctx, lo, hi, lexicon_too=True, all_caps=all_caps)

    def _scan(self, ctx: Ctx, lo: int, hi: int, *, lexicon_too: bool, all_caps: bool = False) -> None:
        covered = [False] * len(ctx.words)
        for ent in self.ents.values():
            for a, b in ent.mentions:
                for k in range(a, b):
                    covered[k] = True
        words = ctx.words
        lex = ctx.lex
        folded: dict[str, str] = {}
        if all_caps:
            for table in (self.surname, self.surfaces):
                for form, form_key in table.items():
                    folded.setdefault(form.casefold(), form_key)
        i = lo
        while i < hi:
            if covered[i] or not ctx.caps[i]:
                i += 1
                continue
            hit: tuple[int, str, Cand | None] | None = None
            for j in range(min(hi, i + 6), i, -1):
                if any(covered[i:j]):
                    continue
                s = surface(ctx, i, j)
                if all_caps:
                    key = folded.get(s.casefold())
                    if s in lex.orgs or s.upper() != s:
                        pass  # a known acronym ("NATO") or a word not in capitals reads as written
                    else:
                        s = " ".join(w.capitalize() for w in s.split())  # "PERU" is Peru
                else:
                    key = None
                key = key or self.surfaces.get(s) or self.surname.get(s)
                if key is not None and key in self.ents:  # a surface of an entity since merged away
                    hit = (j, key, None)
                    break
                if lexicon_too:
                    if s in lex.orgs:
                        org = lex.orgs[s]
                        hit = (
                            j,
                            f"org:{org.name}",
                            Cand(i, j, "organization", org.kind, f"org:{org.name}", 0.9),
                        )
                        break
                    if s in lex.places and "a" not in lex.places[s].flags and "c" not in lex.places[s].flags:
                        place = lex.places[s]
                        hit = (
                            j,
                            f"place:{place.name}",
                            Cand(i, j, "place", place.kind, f"place:{place.name}", 0.85, place=place),
                        )
                        break
            if (
                hit is None
                and lexicon_too
                and not all_caps
                and len(words[i]) > 1
                and words[i] not in lex.not_entities
                and (ACRONYM_RE.match(words[i]) or CAMEL_RE.match(words[i]))
            ):
                key = f"org:{words[i]}"
                hit = (i + 1, key, Cand(i, i + 1, "organization", "Organization", key, 0.5))
            if hit is None:
                i += 1
                continue
            j, key, cand = hit
            if cand is None:
                ent = self.ents[key]
                cand = Cand(i, j, ent.kind, ent.subtype, key, ent.confidence)
            self.put(ctx, cand, key, cand.kind or "organization")
            for k in range(i, j):
                covered[k] = True
            i = j


# --------------------------------------------------------------------------- grouping


def group(ctx: Ctx, cands: list[Cand]) -> Groups:
    """Group candidates into entities, settling the untyped ones."""
    g = Groups()
    lex = ctx.lex
    words = ctx.words
    cands = _non_overlapping(cands)
    cands = person_after_body(ctx, cands)
    body_after_person_of(ctx, cands)
    dubbed = dubbed_names(ctx, cands)
    for c in cands:
        if titled_name_typed_by_cue(ctx, c):
            c.kind, c.subtype, c.gender = "person", None, None  # "professor Tom Reyes Hill"
    # 2. people with at least two name words
    known = [c for c in cands if c.key is not None]
    people = [c for c in cands if c.kind == "person" and c.key is None]
    for c in sorted(people, key=lambda c: -(c.b - c.a)):
        toks = _person_key_tokens(words[c.a : c.b])
        if len(toks) >= 2:
            # "Tom J. Reyes" and "Tom Reyes", "Ben Ortiz" and "Benjamin Ortiz" are one person
            key = g.by_last.setdefault(toks[-1], _SameSurname()).person(toks[0], "person:" + " ".join(toks))
            g.put(ctx, c, key, "person")
            g.surname.setdefault(toks[-1], key)
            if len(toks) >= 3 and toks[-2][0].isupper() and not toks[-2].endswith("."):
                g.surname.setdefault(" ".join(toks[-2:]), key)
            g.surname.setdefault(toks[0] + " " + toks[-1], key)
    # 3. known entities (a surname of someone named here wins over a town of that name)
    for c in known:
        if c.kind != "person":
            s = surface(ctx, c.a, c.b)
            if s in g.surname and c.kind == "place" and c.place is not None and c.place.kind != "Country":
                c.key = None
                g.put(ctx, c, g.surname[s], "person")
                continue
            g.put(ctx, c, c.key or surface(ctx, c.a, c.b), c.kind or "organization")
    # 3b. typed organizations and places without a key
    for c in cands:
        if c.key is None and c.kind in ("organization", "place"):
            s = surface(ctx, c.a, c.b)
            if c.kind == "organization" and s in g.surname and c.confidence < 0.7:
                g.put(ctx, c, g.surname[s], "person")
                continue
            if c.kind == "organization" and c.confidence < 0.7:
                org_key = _org_short_form(ctx, g, c)
                if org_key is not None:
                    g.put(ctx, c, org_key, "organization")
                    continue
            key = g.surfaces.get(s) or f"{'org' if c.kind == 'organization' else 'place'}:{s}"
            c.key = key
            g.put(ctx, c, key, c.kind)
    # 4. one-word people and untyped spans
    exemplified_people(ctx, cands)
    listed_bodies = coordinated_people(ctx, cands, _settle)
    named: set[str] = set()
    for c in cands:
        if c.kind is None and c.key is None and (kin_named(ctx, c) or named_by_context(ctx, c)):
            c.evidence = max(c.evidence, 2)
            named.add(surface(ctx, c.a, c.b))
    # one name, one entity: a mention these rules show a person makes its untyped namesakes people too
    for c in cands:
        if named and c.kind is None and c.key is None and surface(ctx, c.a, c.b) in named:
            c.evidence = max(c.evidence, 2)
    for c in cands:
        if c.key is not None or (c.kind == "person" and len(_person_key_tokens(words[c.a : c.b])) >= 2):
            continue
        s = surface(ctx, c.a, c.b)
        renamed = dubbed.get(id(c))
        if renamed is not None and renamed.key is not None and renamed.key in g.ents:
            g.put(ctx, c, renamed.key, g.ents[renamed.key].kind)  # "the prison, dubbed the X": its alias
            continue
        if s in g.surname:
            g.put(ctx, c, g.surname[s], "person")
            continue
        if s in g.surfaces:
            ent = g.ents[g.surfaces[s]]
            g.put(ctx, c, ent.key, ent.kind)
            continue
        org_key = _org_short_form(ctx, g, c)
        if org_key is not None:
            g.put(ctx, c, org_key, "organization")
            continue
        if c.kind == "person":
            g.put(ctx, c, "person:" + s, "person")
            g.surname.setdefault(s, "person:" + s)
            continue
        kind = "organization" if id(c) in listed_bodies else _settle(ctx, c)
        if kind is None:
            continue
        if kind == "person" and eponym_modifier(ctx, c, g.surname):
            # "the Reyes Polaroids": a mention of the person the thing is named after, no second person
            g.put(ctx, Cand(c.a, c.a + 1, "person", confidence=c.confidence), g.surname[words[c.a]], "person")
            continue
        if kind == "organization" and _locative(ctx, c):
            c.subtype = c.subtype if c.subtype and c.kind == "place" else "Other"
            g.put(ctx, c, f"place:{s}", "place")  # "protests in Quellmark": where, not who
            continue
        if kind == "person" and len(toks := _person_key_tokens(words[c.a : c.b])) >= 2:
            # "B. Ortiz" after "Benjamin Ortiz": the same person, as in step 2
            same = g.by_last.setdefault(toks[-1], _SameSurname())
            key = same.person(toks[0].rstrip("."), "person:" + " ".join(toks))
            g.put(ctx, c, key, "person")
            g.surname.setdefault(toks[-1], key)
            continue
        g.put(ctx, c, f"{'person' if kind == 'person' else 'org'}:{s}", kind)
        if kind == "person":
            g.surname.setdefault(words[c.b - 1], f"person:{s}")
    _defined_acronyms(ctx, g)
    _merge_short_orgs(ctx, g)
    del lex
    return g


def _spells(acronym: str, words: list[str]) -> bool:
    """Whether the acronym's letters run through the name in order, the first at its start.

    The test of Schwartz and Hearst (2003) for an abbreviation defined in
    parentheses: "QMT" in "Quellmark Telecom" (Q…M…T), "NFC" in "Northern
    Fisheries Council"; not "AP" after "Reuters".
    """
    letters = [ch.lower() for ch in acronym if ch.isalnum()]
    name = " ".join(w for w in words if w not in ("(", ")"))
    if not letters or not name or name[0].lower() != letters[0]:
        return False
    at = 1
    for ch in letters[1:]:
        at = name.lower().find(ch, at)
        if at < 0:
            return False
        at += 1
    return True


def _defined_acronyms(ctx: Ctx, g: Groups) -> None:
    """An organization followed by "(ACR)" or ", or ACR," takes the acronym: one entity, every mention."""
    words = ctx.words
    n = len(words)
    for long in [e for e in g.ents.values() if e.kind == "organization"]:
        if long.key not in g.ents:
            continue
        for a, b in list(long.mentions):
            if b + 2 < n and words[b] == "(" and words[b + 2] == ")":
                acr_at = b + 1
            elif b + 3 < n and words[b] == "," and words[b + 1] == "or" and words[b + 3] in (",", "."):
                acr_at = b + 2
            else:
                continue
            acronym = words[acr_at]
            if not ACRONYM_RE.match(acronym) or not _spells(acronym, words[a:b]):
                continue
            short_key = g.surfaces.get(acronym)
            if short_key is not None and short_key != long.key and short_key in g.ents:
                short = g.ents[short_key]
                if short.kind != "organization" or short.confidence >= 0.9:
                    continue  # a known body of its own ("the deal (UN)") keeps its identity
                long.mentions.extend(short.mentions)
                long.cands.extend(short.cands)
                for c in short.cands:
                    c.key = long.key
                del g.ents[short_key]
            g.surfaces[acronym] = long.key


#: Prepositions after which an unknown name is a place ("in Quellmark", "near Dorn Falls").
_LOCATIVE_BEFORE = frozenset({"in", "near", "outside", "throughout", "across"})


def _locative(ctx: Ctx, c: Cand) -> bool:
    """Whether a name no list knows stands where a place stands: after "in", "near", "outside"….

    Names with an organization cue word, acronyms and camel-case brands are
    left to the organization rules ("in NATO", "in eBay's shares").
    """
    if c.a == 0 or ctx.words[c.a - 1] not in _LOCATIVE_BEFORE:
        return False
    words = ctx.words[c.a : c.b]
    nxt = ctx.words[c.b] if c.b < len(ctx.words) else ""
    return (
        not any(w in ctx.lex.org_cues for w in words)
        and not any(ACRONYM_RE.match(w) or CAMEL_RE.match(w) for w in words)
        and nxt not in ("'s", "\u2019s")
    )


def _non_overlapping(cands: list[Cand]) -> list[Cand]:
    out: list[Cand] = []
    end = -1
    for c in sorted(cands, key=lambda c: (c.a, -(c.b - c.a))):
        if c.a >= end and c.b > c.a:
            out.append(c)
            end = c.b
    return out


def _settle(ctx: Ctx, c: Cand) -> str | None:
    """Decide the kind of a span no rule typed, from its words and context."""
    lex = ctx.lex
    words = ctx.words[c.a : c.b]
    if c.evidence >= 2:
        return "person"
    if len(words) == 1:
        w = words[0]
        if w.lower() in lex.english or w.lower() in ctx.lower_seen or w in lex.given_names:
            return None
        prev = ctx.words[c.a - 1] if c.a > 0 else ""
        if prev and "\n" in ctx.text[ctx.ends[c.a - 1] : ctx.offs[c.a]]:
            prev = ""  # the line before ends "..., 2008": no word before this one
        if prev in _DETERMINERS or prev.isdigit() or "-" in prev:
            return None  # "its Model Z", "Northwind's Skyliner": a product more likely than a body
        if c.a in ctx.starts and c.evidence == 0:
            # a sentence opener nobody else names: too weak on its own
            nxt = ctx.words[c.b] if c.b < len(ctx.words) else ""
            if nxt not in ("said", "says", "has", "is", "was", "will", "'s"):
                return None
        return "organization"
    if surname_name(ctx, c):
        return "person"  # "X Ho", "X Chow": a frequent surname ends it, whatever it means
    if surname_first_name(ctx, words):
        return "person"  # "Park Soo-Min": a surname first, then a given name of two syllables
    if (
        any(w.lower() in lex.english and w not in PARTICLES for w in words[1:])
        or any(w in lex.org_cues for w in words)
        or (words[0].lower() in lex.english and words[0] not in lex.given_names)
        or any(ACRONYM_RE.match(w) for w in words)
    ):
        return "organization"  # "Air Tamarind", "Blue Harbor", "NWC Nordic"
    if any(not name_word(w) for w in words):
        return "organization"  # "iPad Mini", "Skyliner KX-20": a brand's or a model's spelling
    if c.evidence >= 1 or words[0] in lex.given_names:
        return "person"
    if _maker_and_model(ctx, c):
        return None  # "the Quellwerk Zorbix": a maker's product, no person
    return "person"


def _maker_and_model(ctx: Ctx, c: Cand) -> bool:
    """Whether two name words no list knows read as a maker and its model, not a person.

    A person is not named right after "the" or "its", and is named again by the
    last name ("Mohib"), never by the first alone; a product is named after
    "the" ("the Quellwerk Zorbix") and its maker alone ("Quellwerk said").
    """
    words = ctx.words
    if c.b - c.a != 2 or words[c.a] in ctx.lex.surnames:
        return False
    prev = words[c.a - 1] if c.a > 0 else ""
    if prev in _DETERMINERS and c.a not in ctx.starts:
        return True
    first, last = words[c.a], words[c.b - 1]
    n = len(words)
    maker_alone = any(
        w == first and (j + 1 >= n or words[j + 1] != last) and not (j > 0 and ctx.caps[j - 1])
        for j, w in enumerate(words)
    )
    model_alone = any(w == last and (j == 0 or words[j - 1] != first) for j, w in enumerate(words))
    return maker_alone and not model_alone


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w and w not in _ORG_WORDS_SKIP and w[0].isupper())


def _org_short_form(ctx: Ctx, g: Groups, c: Cand) -> str | None:
    """Find the organization a short form or acronym stands for ("Northwind", "NRC")."""
    s_words = tuple(ctx.words[c.a : c.b])
    key = g.org_prefix.get(s_words)
    if key is not None and key in g.ents and s_words[0] not in ctx.lex.places:
        return key
    s = "".join(s_words).replace(".", "")
    if len(s) >= 2 and s.isupper():
        key = g.org_initials.get(s)
        if key is not None and key in g.ents:
            return key
    return None


def _merge_short_orgs(ctx: Ctx, g: Groups) -> None:
    """Merge organizations whose every mention is a leading part or acronym of another's name."""
    for short in [e for e in g.ents.values() if e.kind == "organization"]:
        if short.confidence >= 0.9 or short.key not in g.ents:
            continue
        targets: set[str] | None = None
        for a, b in short.mentions:
            form = tuple(ctx.words[a:b])
            found = set()
            key = g.org_prefix.get(form)
            if key is not None:
                found.add(key)
            s = "".join(form).replace(".", "")
            if len(form) == 1 and len(s) >= 2 and s.isupper() and s in g.org_initials:
                found.add(g.org_initials[s])
            targets = found if targets is None else targets & found
            if not targets:
                break
        targets = {t for t in targets or () if t != short.key and t in g.ents}
        if targets:
            long = g.ents[min(targets)]
            long.mentions.extend(short.mentions)
            long.cands.extend(short.cands)
            del g.ents[short.key]
