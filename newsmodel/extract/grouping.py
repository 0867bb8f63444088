"""From typed spans to entities: one entity per thing named, with every mention.

Short forms are linked to the fullest one the article uses: a surname to its
person ("Putin" -> "Vladimir Putin"), an acronym or a leading part to its
organization ("CPUC", "GateHouse" -> "GateHouse Media"), each spelling of a
known place to one entry ("U.S." / "United States"). Spans no rule could type
are settled here, once all the article's names are known.
"""

from __future__ import annotations

import bisect

import attrs

from newsmodel.extract.candidates import ACRONYM_RE, CAMEL_RE, PARTICLES, Cand, Ctx, surface
from newsmodel.extract.records import EntityIndex, EntityKind, EntityRecord, Mention
from newsmodel.ids import entity_iri

__all__ = ["Groups", "group"]

_SUFFIXES = frozenset({"Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"})
_METONYMY_NEXT = frozenset(
    [
        "said",
        "says",
        "told",
        "added",
        "would",
        "will",
        "has",
        "have",
        "had",
        "is",
        "was",
        "wants",
        "wanted",
        "accused",
        "demanded",
        "rejected",
        "urged",
        "sought",
        "plans",
        "planned",
        "agreed",
        "refused",
        "threatened",
        "vowed",
        "warned",
        "announced",
        "insisted",
        "denied",
        "responded",
        "claimed",
    ]
)
_DETERMINERS = frozenset({"the", "its", "their", "his", "her", "a", "an", "our", "this", "that", "'s"})
_ORG_WORDS_SKIP = frozenset({"of", "for", "and", "&", "the", "de", "on"})
#: Title words of public offices: with no stated country, the article's home country is theirs.
_POLITICAL = frozenset(
    {
        "president",
        "minister",
        "secretary",
        "senator",
        "representative",
        "congressman",
        "congresswoman",
        "governor",
        "chancellor",
        "premier",
        "speaker",
        "lawmaker",
        "ambassador",
        "king",
        "queen",
    }
)
_US_TITLES = frozenset(
    {
        "Senator",
        "Representative",
        "Congressman",
        "Congresswoman",
        "Governor",
        "Lieutenant Governor",
        "Sen.",
        "Rep.",
        "Gov.",
    }
)


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


def _person_key_tokens(words: list[str]) -> list[str]:
    out = [w for w in words if w not in _SUFFIXES and w != ","]
    return out or words


@attrs.define
class Groups:
    """Entities keyed by a canonical key, with lookups for linking short forms."""

    ents: dict[str, Ent] = attrs.Factory(dict)
    surname: dict[str, str] = attrs.Factory(dict)  # surname -> person key
    surfaces: dict[str, str] = attrs.Factory(dict)  # any surface form -> key
    #: leading words of multi-word organization names -> the organization ("GateHouse")
    org_prefix: dict[tuple[str, ...], str] = attrs.Factory(dict)
    #: initials of multi-word organization names, and their tails -> the organization ("CPUC", "PUC")
    org_initials: dict[str, str] = attrs.Factory(dict)
    #: last name -> keys of people with it
    by_last: dict[str, list[str]] = attrs.Factory(dict)

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

    def extend_headline(self, ctx: Ctx, lo: int, hi: int) -> None:
        """Link a title-case headline: only names the body used or the lists know."""
        self._scan(ctx, lo, hi, lexicon_too=True)

    def _scan(self, ctx: Ctx, lo: int, hi: int, *, lexicon_too: bool) -> None:
        covered = [False] * len(ctx.words)
        for ent in self.ents.values():
            for a, b in ent.mentions:
                for k in range(a, b):
                    covered[k] = True
        words = ctx.words
        lex = ctx.lex
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
                key = self.surfaces.get(s) or self.surname.get(s)
                if key is not None:
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

    # ----------------------------------------------------------------- records

    def _country_mentions(self, ctx: Ctx, claimed: set[str]) -> tuple[list[tuple[int, str]], dict[str, int]]:
        """Offsets and counts of mentions of countries no office-holder is known to serve."""
        found: list[tuple[int, str]] = []
        counts: dict[str, int] = {}
        for e in self.ents.values():
            place = e.cands[0].place
            if e.kind != "place" or place is None or place.kind != "Country" or place.name in claimed:
                continue
            counts[place.name] = len(e.mentions)
            found.extend((ctx.offs[a], place.name) for a, _b in e.mentions)
        found.sort()
        return found, counts

    def _home_country(
        self, ctx: Ctx, person: Ent, countries: list[tuple[int, str]], counts: dict[str, int]
    ) -> str | None:
        """The country an office-holder with no stated country most likely serves.

        ``countries`` are (offset, name) of mentions of countries no other
        office-holder belongs to, sorted; ``counts`` their mention counts. The
        nearest one in the same paragraph as the person wins ("President X and
        Putin ... the U.S. and Russia"); else the article's most named country,
        if it is named at least twice and more than any other.
        """
        text = ctx.text
        offsets = [o for o, _ in countries]
        best: tuple[int, str] | None = None
        for a, _b in person.mentions:
            at = ctx.offs[a]
            lo = text.rfind("\n", 0, at) + 1
            hi = text.find("\n", at)
            hi = len(text) if hi < 0 else hi
            i = bisect.bisect_left(offsets, at)
            for k in (i - 1, i):
                if 0 <= k < len(countries) and lo <= offsets[k] < hi:
                    dist = abs(offsets[k] - at)
                    if best is None or dist < best[0]:
                        best = (dist, countries[k][1])
        if best is not None:
            return best[1]
        ranked = sorted(((n, name) for name, n in counts.items()), reverse=True)
        if ranked and ranked[0][0] >= 2 and (len(ranked) == 1 or ranked[1][0] < ranked[0][0]):
            return ranked[0][1]
        return None

    def build(self, ctx: Ctx, base: str) -> EntityIndex:
        """Turn the entities into records and mentions."""
        lex = ctx.lex
        records: dict[str, EntityRecord] = {}
        mentions: list[Mention] = []
        has_us = any(
            k in ("place:United States",)
            or (
                e.kind == "place"
                and e.cands
                and e.cands[0].place is not None
                and e.cands[0].place.country == "US"
            )
            for k, e in self.ents.items()
        )
        for key, ent in self.ents.items():
            forms: list[str] = []
            for c, (a, b) in zip(ent.cands, ent.mentions, strict=True):
                form = surface(ctx, a, b)
                if c.name and (ent.kind == "organization" or form.isupper()):
                    form = c.name  # "Russia's foreign ministry"; a dateline's "NAIROBI" is Nairobi
                if form not in forms:
                    forms.append(form)
            name = max(forms, key=lambda f: (len(f.split()), len(f)))
            aliases = []
            seen = {name.casefold()}
            for f in forms:
                if f.casefold() not in seen:
                    seen.add(f.casefold())
                    aliases.append(f)
            kind: EntityKind = ent.kind  # type: ignore[assignment]
            rec = EntityRecord(
                kind=kind,
                name=name,
                iri=entity_iri(kind, name, base),
                aliases=aliases,
                subtype=ent.subtype,
                confidence=round(min(ent.confidence, 0.99), 2),
            )
            place = next((c.place for c in ent.cands if c.place is not None), None)
            if place is not None:
                rec.subtype = place.kind
                if place.geonameid:
                    rec.same_as = [f"https://sws.geonames.org/{place.geonameid}/"]
            if kind == "person":
                rec.subtype = None
                rec.job_title = next((c.title for c in ent.cands if c.title), None)
                gender = next((c.gender for c in ent.cands if c.gender in ("m", "f")), None)
                rec.gender = "m" if gender == "m" else "f" if gender == "f" else None
            if kind == "place":
                rec.also_other = _metonymy(ctx, ent)
            records[key] = rec
            for a, b in ent.mentions:
                mentions.append(Mention(ctx.offs[a], ctx.ends[b - 1], rec))
        # nationality and affiliation links
        cand_key = {id(c): key for key, ent in self.ents.items() for c in ent.cands}
        claimed = set()
        for ent in self.ents.values():
            for c in ent.cands:
                if c.nationality and _political(c.title):
                    entry = lex.places.get(c.nationality)
                    claimed.add(entry.name if entry is not None else c.nationality)
        countries: list[tuple[int, str]] | None = None
        counts: dict[str, int] = {}
        for key, ent in self.ents.items():
            rec = records[key]
            if rec.kind != "person":
                continue
            nat = next((c.nationality for c in ent.cands if c.nationality), None)
            aff = next((c.affiliation for c in ent.cands if c.affiliation is not None), None)
            if aff is not None and id(aff) in cand_key:
                aff_key = cand_key[id(aff)]
                rec.affiliation = records[aff_key]
                nat = nat or next((c.nationality for c in self.ents[aff_key].cands if c.nationality), None)
            bare_president = rec.job_title == "President" and rec.affiliation is None
            us_office = rec.job_title in _US_TITLES or (bare_president and "United States" not in claimed)
            if nat is None and has_us and us_office:
                # "Sen. X" in an article set in the U.S.; a bare "President X" is, in news
                # style, the U.S. president (others are "Russian President X")
                nat = "United States"
            if nat is None and _political(rec.job_title) and rec.affiliation is None:
                if countries is None:
                    countries, counts = self._country_mentions(ctx, claimed)
                nat = self._home_country(ctx, ent, countries, counts)
            if nat is None:
                continue
            entry = lex.places.get(nat)
            country_key = f"place:{entry.name if entry is not None else nat}"
            country = records.get(country_key)
            if country is None:
                # a country the text only implies ("Palestinian"): its plain English name
                country = EntityRecord(
                    kind="place",
                    name=nat,
                    iri=entity_iri("place", nat, base),
                    subtype="Country",
                    confidence=0.5,
                )
                if entry is not None and entry.name != nat:
                    country.aliases = [entry.name]
                if entry is not None and entry.geonameid:
                    country.same_as = [f"https://sws.geonames.org/{entry.geonameid}/"]
                records[country_key] = country
            rec.nationality = country
        return EntityIndex(records=list(records.values()), mentions=mentions)


def _political(title: str | None) -> bool:
    """Whether a title is a public office whose country the article's home country is."""
    if not title:
        return False
    words = set(title.lower().replace("-", " ").split())
    return bool(words & _POLITICAL)


def _metonymy(ctx: Ctx, ent: Ent) -> bool:
    """Tell a seat of power or city used as an actor: "the Kremlin said", "Tehran would face"."""
    place = next((c.place for c in ent.cands if c.place is not None), None)
    kind = place.kind if place is not None else ent.subtype
    if kind == "Country" and not (place is not None and "m" in place.flags):
        return False
    for _a, b in ent.mentions:
        nxt = ctx.words[b] if b < len(ctx.words) else ""
        if nxt in _METONYMY_NEXT:
            return True
        if nxt in ("'s", "\u2019s") and b + 1 < len(ctx.words) and ctx.words[b + 1].islower():
            return True
    return False


# --------------------------------------------------------------------------- grouping


def group(ctx: Ctx, cands: list[Cand]) -> Groups:
    """Group candidates into entities, settling the untyped ones."""
    g = Groups()
    lex = ctx.lex
    words = ctx.words
    cands = _non_overlapping(cands)
    # 2. people with at least two name words
    known = [c for c in cands if c.key is not None]
    people = [c for c in cands if c.kind == "person" and c.key is None]
    for c in sorted(people, key=lambda c: -(c.b - c.a)):
        toks = _person_key_tokens(words[c.a : c.b])
        if len(toks) >= 2:
            key = "person:" + " ".join(toks)
            # "Patrick W. Carlineo" and "Patrick Carlineo", "Josh Apte" and "Joshua Apte" are one person
            for other_key in g.by_last.get(toks[-1], ()):
                other = other_key[len("person:") :].split()
                if other[0].startswith(toks[0]) or toks[0].startswith(other[0]):
                    key = other_key
                    break
            if key not in g.by_last.get(toks[-1], ()):
                g.by_last.setdefault(toks[-1], []).append(key)
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
    for c in cands:
        if c.key is not None or (c.kind == "person" and len(_person_key_tokens(words[c.a : c.b])) >= 2):
            continue
        s = surface(ctx, c.a, c.b)
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
        kind = _settle(ctx, c)
        if kind is None:
            continue
        g.put(ctx, c, f"{'person' if kind == 'person' else 'org'}:{s}", kind)
        if kind == "person":
            g.surname.setdefault(words[c.b - 1], f"person:{s}")
    _merge_short_orgs(ctx, g)
    del lex
    return g


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
        if prev in _DETERMINERS or prev.isdigit() or "-" in prev:
            return None  # "its Starship", "Boeing's Dreamliner": a product more likely than a body
        if c.a in ctx.starts and c.evidence == 0:
            # a sentence opener nobody else names: too weak on its own
            nxt = ctx.words[c.b] if c.b < len(ctx.words) else ""
            if nxt not in ("said", "says", "has", "is", "was", "will", "'s"):
                return None
        return "organization"
    if (
        any(w.lower() in lex.english and w not in PARTICLES for w in words[1:])
        or any(w in lex.org_cues for w in words)
        or (words[0].lower() in lex.english and words[0] not in lex.given_names)
        or any(ACRONYM_RE.match(w) for w in words)
    ):
        return "organization"  # "Air Astana", "Blue Origin", "CBS DFW"
    if c.evidence >= 1 or words[0] in lex.given_names:
        return "person"
    return "person" if all(w.isalpha() or "-" in w for w in words) else "organization"


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w and w not in _ORG_WORDS_SKIP and w[0].isupper())


def _org_short_form(ctx: Ctx, g: Groups, c: Cand) -> str | None:
    """Find the organization a short form or acronym stands for ("GateHouse", "CPUC")."""
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
