"""From grouped entities to records: names, aliases, GeoNames links, nationality, metonymy.

One ``EntityRecord`` per entity: ``name`` is the fullest form the text uses,
``aliases`` the other forms; places carry their GeoNames ``same_as``. A person's
nationality is what the title or context stated, else the country of their
organization, else, for an office-holder, the country the article makes theirs:
a U.S. office ("Sen.", a bare "President") in an article naming the U.S., or
the nearest country named in the same paragraph that no other office-holder
holds. Countries only implied ("Peruvian") become records without mentions.
"""

from __future__ import annotations

import bisect

from newsmodel.extract.candidates import Ctx, surface
from newsmodel.extract.grouping import Ent, Groups
from newsmodel.extract.records import EntityIndex, EntityKind, EntityRecord, Mention
from newsmodel.ids import entity_iri

__all__ = ["build_index"]


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


def _country_mentions(g: Groups, ctx: Ctx, claimed: set[str]) -> tuple[list[tuple[int, str]], dict[str, int]]:
    """Offsets and counts of mentions of countries no office-holder is known to serve."""
    found: list[tuple[int, str]] = []
    counts: dict[str, int] = {}
    for e in g.ents.values():
        place = e.cands[0].place
        if e.kind != "place" or place is None or place.kind != "Country" or place.name in claimed:
            continue
        counts[place.name] = len(e.mentions)
        found.extend((ctx.offs[a], place.name) for a, _b in e.mentions)
    found.sort()
    return found, counts


def _home_country(
    g: Groups, ctx: Ctx, person: Ent, countries: list[tuple[int, str]], counts: dict[str, int]
) -> str | None:
    """The country an office-holder with no stated country most likely serves.

    ``countries`` are (offset, name) of mentions of countries no other
    office-holder belongs to, sorted; ``counts`` their mention counts. The
    nearest one in the same paragraph as the person wins ("President X and
    Ana Duarte ... Ecuador and Peru"); else the article's most named country,
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


def build_index(g: Groups, ctx: Ctx, base: str) -> EntityIndex:
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
        for k, e in g.ents.items()
    )
    sides = {key: _sides(ctx, e) for key, e in g.ents.items() if e.kind == "place"}
    sporting = any(_plays(g.ents[key], n) for key, n in sides.items())
    for key, ent in g.ents.items():
        forms: list[str] = []
        for c, (a, b) in zip(ent.cands, ent.mentions, strict=True):
            form = surface(ctx, a, b)
            if c.name and (ent.kind == "organization" or form.isupper()):
                form = c.name  # "Peru's foreign ministry"; a dateline's "NAIROBI" is Nairobi
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
        team = kind == "place" and _plays(ent, sides[key], sporting=sporting)
        if team:
            kind = "organization"  # "Aberdeen beat Celtic 2-0": the club, not the city
        rec = EntityRecord(
            kind=kind,
            name=name,
            iri=entity_iri(kind, name, base),
            aliases=aliases,
            subtype=ent.subtype,
            confidence=round(min(ent.confidence, 0.99), 2),
        )
        place = next((c.place for c in ent.cands if c.place is not None), None)
        if team:
            rec.subtype = "SportsTeam"
        elif place is not None:
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
    cand_key = {id(c): key for key, ent in g.ents.items() for c in ent.cands}
    claimed = set()
    for ent in g.ents.values():
        for c in ent.cands:
            if c.nationality and _political(c.title):
                entry = lex.places.get(c.nationality)
                claimed.add(entry.name if entry is not None else c.nationality)
    countries: list[tuple[int, str]] | None = None
    counts: dict[str, int] = {}
    for key, ent in g.ents.items():
        rec = records[key]
        if rec.kind != "person":
            continue
        nat = next((c.nationality for c in ent.cands if c.nationality), None)
        aff = next((c.affiliation for c in ent.cands if c.affiliation is not None), None)
        if aff is not None and id(aff) in cand_key:
            aff_key = cand_key[id(aff)]
            rec.affiliation = records[aff_key]
            nat = nat or next((c.nationality for c in g.ents[aff_key].cands if c.nationality), None)
        bare_president = rec.job_title == "President" and rec.affiliation is None
        us_office = rec.job_title in _US_TITLES or (bare_president and "United States" not in claimed)
        if nat is None and has_us and us_office:
            # "Sen. X" in an article set in the U.S.; a bare "President X" is, in news
            # style, the U.S. president (others are "French President X")
            nat = "United States"
        if nat is None and _political(rec.job_title) and rec.affiliation is None:
            if countries is None:
                countries, counts = _country_mentions(g, ctx, claimed)
            nat = _home_country(g, ctx, ent, countries, counts)
        if nat is None:
            continue
        entry = lex.places.get(nat)
        country_key = f"place:{entry.name if entry is not None else nat}"
        country = records.get(country_key)
        if country is not None and country.kind != "place":
            country = records.get(f"{country_key}#place")  # the country of a national team
            country_key = f"{country_key}#place"
        if country is None:
            # a country the text only implies ("Ecuadorian"): its plain English name
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


#: Verbs of a sports result that join two sides: "Aberdeen beat Celtic", "lost to Peru".
_RESULT_VERBS = frozenset(
    {
        *("beat", "beats", "defeated", "defeats", "edged", "edges", "thrashed", "thrashes"),
        *("routed", "routs", "trounced", "trounces", "drew", "draw", "draws", "overcame"),
        *("overcome", "eliminated", "eliminates", "knocked", "lost", "loses", "lose"),
    }
)
_DASHES = frozenset({"-", "\u2013", "\u2014"})


def _is_score(words: list[str], i: int) -> bool:
    """Whether ``words[i:i + 3]`` is a score ("2 - 1", "1 – 0")."""
    return (
        i >= 0
        and i + 2 < len(words)
        and words[i].isdigit()
        and words[i + 1] in _DASHES
        and words[i + 2].isdigit()
        and len(words[i]) <= 2
        and len(words[i + 2]) <= 2
    )


def _plays(ent: Ent, sides: int, *, sporting: bool = False) -> bool:
    """Tell a place that the article uses as a sports side: a team, not the town or country.

    A mention is a side when a score stands right after or before it
    ("Sweden 1 - 0 Korea", "1 - 0 Korea", "lost 1 - 2 to England") or a result
    verb joins it to another name, across one lowercase noun at most
    ("Aberdeen beat Celtic", "defeated hosts Panama", "lost to England"). The
    place becomes its team when at least two mentions, or a third of them,
    read so: one stray "beat" in an economics story does not make a team. In
    an article where another place already plays (``sporting``), one such
    mention is enough. ``sides`` is ``_sides(ctx, ent)``.
    """
    if sporting and sides:
        return True
    return sides >= 2 or (sides >= 1 and 3 * sides >= len(ent.mentions))


def _sides(ctx: Ctx, ent: Ent) -> int:
    """How many mentions of ``ent`` read as a sports side (see ``_plays``)."""
    words = ctx.words
    n = len(words)
    sides = 0
    for a, b in ent.mentions:
        nxt = words[b] if b < n else ""
        prev = words[a - 1] if a > 0 else ""
        side = _is_score(words, b) or _is_score(words, a - 3) or (prev == "to" and _is_score(words, a - 4))
        if not side and nxt in _RESULT_VERBS and b + 1 < n:
            side = (
                ctx.caps[b + 1]
                or _is_score(words, b + 1)
                or (words[b + 1].isalpha() and words[b + 1].islower() and b + 2 < n and ctx.caps[b + 2])
            )
        if not side and a > 0:
            before = words[a - 2] if prev == "to" and a > 1 else prev
            side = before in _RESULT_VERBS or (prev == "to" and before == "lost")
            if not side and a > 1 and prev.isalpha() and prev.islower():
                side = words[a - 2] in _RESULT_VERBS  # "defeated hosts Panama"
        sides += side
    return sides


def _political(title: str | None) -> bool:
    """Whether a title is a public office whose country the article's home country is."""
    if not title:
        return False
    words = set(title.lower().replace("-", " ").split())
    return bool(words & _POLITICAL)


def _metonymy(ctx: Ctx, ent: Ent) -> bool:
    """Tell a seat of power or city used as an actor: "the White House said", "Ottawa would respond"."""
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
        if _passive_agent(ctx.words, _a):
            return True
    return False


def _passive_agent(words: list[str], a: int) -> bool:
    """Whether the name at word ``a`` is the agent of a passive: "had been blocked by the Pentagon".

    A participle in "-ed" and "by" (after "was", "were", "been" or "being"): the
    doer, and a building or a city does nothing; the body seated there does.
    """
    i = a - 1 if a > 0 and words[a - 1].lower() == "the" else a
    if i < 3 or words[i - 1] != "by" or not words[i - 2].endswith("ed"):
        return False
    return words[i - 3].lower() in ("was", "were", "been", "being", "be", "is", "are")
