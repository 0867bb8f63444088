"""People, organizations and places of one article, each once, with every mention.

The finder works on ``Document.text`` in four passes, all rules and lookups
(no model needed):

1. **Runs.** Capitalized words are grouped into runs ("Russian President
   Vladimir Putin", "University of North Carolina", "Pacific Gas & Electric
   Co."); "of", "for", "and", "&" join two runs only when the left one ends in
   a cue word (an organization, place or title word).
2. **Typing.** Each run is read against the shipped lists: titles and
   honorifics make people (and give job title, gender, nationality), the
   gazetteers name places and well-known organizations, cue words type the rest
   ("… Airbase" is a landmark, "… Corp." a corporation), given names and context
   ("analyst X", "X, who", "X said") find the remaining people.
3. **Linking.** Short forms join the full one: a surname to its person
   ("Putin"), an acronym or a leading part to its organization ("CPUC",
   "GateHouse"), every spelling of a country to one place ("U.S." / "United
   States").
4. **Records.** One ``EntityRecord`` per entity: ``name`` is the fullest form
   in the text, ``aliases`` the others; places carry their GeoNames ``same_as``.

A trained spaCy pipeline may be passed as ``nlp``: its entities fill in names
the rules did not type. spaCy is imported by the caller, never here.

>>> from newsmodel.read.document import Document
>>> doc = Document.build(headline="Talks in Moscow",
...     body="Russian President Vladimir Putin met Iranian Foreign Minister Mohammad Javad Zarif "
...          "at the Kremlin. Putin said the U.S. should lift sanctions.")
>>> index = find_entities(doc)
>>> putin = next(r for r in index.records if r.name == "Vladimir Putin")
>>> putin.job_title, putin.nationality.name, putin.aliases
('President', 'Russia', ['Putin'])
>>> sorted({m.entity.name for m in index.mentions if m.entity.kind == "place"})
['Kremlin', 'Moscow', 'U.S.']

Records that no mention points at are nationalities the text only implies
("Russian" -> Russia): they exist to be referenced, not listed as mentioned.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from newsmodel.extract.candidates import ACRONYM_RE as _ACRONYM_RE
from newsmodel.extract.candidates import CAMEL_RE as _CAMEL_RE
from newsmodel.extract.candidates import Cand as _Cand
from newsmodel.extract.candidates import Ctx as _Ctx
from newsmodel.extract.candidates import surface as _surface
from newsmodel.extract.gazetteer import Lexicon, PlaceEntry, lexicon
from newsmodel.extract.grouping import group as _group
from newsmodel.extract.names import is_capitalized, scan, sentence_starts
from newsmodel.extract.records import EntityIndex
from newsmodel.extract.titles import head_at, spell_title, title_span_before
from newsmodel.ids import DEFAULT_BASE
from newsmodel.read.document import Document

__all__ = ["find_entities"]

#: Words that join two capitalized runs into one name when the left run ends in a cue.
_JOINERS = frozenset(
    {"of", "for", "'s", "\u2019s", "&", "de", "del", "da", "du", "van", "von", "bin", "ibn", "al", "la", "le"}
)
_PARTICLES = frozenset({"de", "del", "da", "du", "van", "von", "bin", "ibn", "al", "la", "le", "der", "den"})
#: Extra left-hand words after which "of" continues a name ("Republic of Korea").
_OF_HEADS = frozenset(
    {
        "Republic",
        "Kingdom",
        "State",
        "States",
        "Union",
        "Isle",
        "Sea",
        "Gulf",
        "Strait",
        "Bank",
        "House",
        "Board",
        "Court",
        "Bay",
        "Cape",
        "Duke",
        "Prince",
        "Princess",
    }
)
_SAY = frozenset(
    [
        "said",
        "says",
        "say",
        "told",
        "tells",
        "added",
        "adds",
        "wrote",
        "writes",
        "tweeted",
        "explained",
        "noted",
        "argued",
        "claimed",
        "insisted",
        "warned",
        "announced",
        "stated",
        "asked",
        "replied",
        "responded",
        "recalled",
        "acknowledged",
        "admitted",
        "confirmed",
        "denied",
        "estimated",
        "predicted",
        "suggested",
        "believes",
        "believed",
        "thinks",
        "thought",
    ]
)
_METONYMY_NEXT = _SAY | frozenset(
    [
        "has",
        "have",
        "had",
        "would",
        "will",
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
    ]
)
_SUFFIXES = frozenset({"Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"})
#: Words that never begin a name, even capitalized ("At GateHouse, ...").
_FUNCTION_WORDS = frozenset(
    [
        "at",
        "in",
        "on",
        "for",
        "with",
        "by",
        "from",
        "to",
        "of",
        "and",
        "but",
        "or",
        "as",
        "if",
        "when",
        "while",
        "after",
        "before",
        "since",
        "under",
        "over",
        "about",
        "among",
        "amid",
        "against",
        "despite",
        "during",
        "like",
        "unlike",
        "into",
        "onto",
        "upon",
        "via",
        "per",
        "than",
        "then",
    ]
)
_STATE_FORMS = frozenset(
    {
        "State",
        "Republic",
        "Kingdom",
        "Federation",
        "Commonwealth",
        "Principality",
        "Sultanate",
        "Emirate",
        "Islamic Republic",
        "People's Republic",
        "Federal Republic",
        "Democratic Republic",
    }
)
#: Cue words that name an institution on their own ("his Navy jet", "Congress").
_SINGLE_CUES = frozenset({"Tribune", "Congress", "Parliament", "Senate", "Navy", "Army"})
#: Words after "Russia's foreign ministry" that show it acts ("said"), unlike "military bases".
_BODY_VERBS = frozenset(
    {"said", "says", "has", "have", "had", "is", "was", "were", "will", "would", "and", "or", "also", "on"}
)
_DIRECTIONS = frozenset(
    {
        "North",
        "South",
        "East",
        "West",
        "Northern",
        "Southern",
        "Eastern",
        "Western",
        "Central",
        "Upper",
        "Lower",
    }
)
#: Lowercase words after a name that make it a landmark ("Hoa Lo prison").
_LOWER_LANDMARKS = frozenset(
    {
        "prison",
        "jail",
        "airbase",
        "palace",
        "embassy",
        "consulate",
        "stadium",
        "mosque",
        "cathedral",
        "airport",
    }
)
_OFFICE_WORDS = frozenset(
    {
        "president",
        "minister",
        "secretary",
        "senator",
        "representative",
        "governor",
        "mayor",
        "chancellor",
        "premier",
        "attorney",
        "ambassador",
        "lawmaker",
        "congressman",
        "congresswoman",
        "speaker",
        "king",
        "queen",
    }
)
_CREDIT_WORDS = frozenset({"credit", "credits", "photo", "photos", "image", "images", "source", "courtesy"})
_GOV_HEADS = (
    "foreign ministry",
    "defense ministry",
    "defence ministry",
    "interior ministry",
    "finance ministry",
    "foreign office",
    "military",
    "police",
    "army",
    "navy",
    "air force",
    "coast guard",
    "parliament",
    "ministry",
)
_US_TITLES = frozenset(
    {"Senator", "Representative", "Congressman", "Congresswoman", "Governor", "Lieutenant Governor"}
)


# --------------------------------------------------------------------------- runs


def _cue_end(ctx: _Ctx, word: str) -> bool:
    lex = ctx.lex
    return (
        word in lex.org_cues
        or word.lower() in lex.place_cues
        or word in _OF_HEADS
        or (word.lower(),) in lex.titles
    )


_CORP_SUFFIXES = frozenset(
    {
        "Inc.",
        "Inc",
        "LLC",
        "Ltd.",
        "Ltd",
        "Corp.",
        "Co.",
        "L.P.",
        "LP",
        "PLC",
        "plc",
        "S.A.",
        "N.V.",
        "AG",
        "GmbH",
    }
)


_CODE_RE = re.compile(r"^(?=[^\d]*\d)(?=.*[A-Za-z])[\w.]+$")


def _masked(ctx: _Ctx) -> list[bool]:
    """Tokens inside ``<...>`` (ticker codes such as ``<.SPX>``): never names."""
    mask = [False] * len(ctx.words)
    inside = False
    offs, ends = ctx.offs, ctx.ends
    for i, w in enumerate(ctx.words):
        if w == "<":
            inside = True
        elif w == ">":
            inside = False
        elif (
            inside
            or (not w.isalpha() and _CODE_RE.match(w))
            or (i > 0 and ctx.words[i - 1] in ("#", "@") and ends[i - 1] == offs[i])
            or (i + 1 < len(ctx.words) and ctx.words[i + 1] == "=" and ends[i] == offs[i + 1])
        ):
            mask[i] = True  # "LCOc1", "US10YT", "A350": codes, not names
        elif (
            i > 0
            and ctx.caps[i]
            and ctx.words[i - 1] == "."
            and ends[i - 1] == offs[i]
            and (i < 2 or ends[i - 2] < offs[i - 1])
        ):
            mask[i] = True  # ".SPX", ".DJI": tickers
    return mask


def _runs(ctx: _Ctx, lo: int, hi: int) -> list[tuple[int, int]]:
    """Maximal capitalized runs in tokens ``[lo, hi)``, joined over "of"/"&"/particles."""
    words = ctx.words
    caps = ctx.caps
    lex = ctx.lex
    mask = _masked(ctx)
    glue = _glue(ctx, lo, hi)
    out: list[tuple[int, int]] = []
    i = lo
    while i < hi:
        if not caps[i] or words[i] in lex.not_entities or mask[i]:
            i += 1
            continue
        j = i + 1
        while j < hi:
            w = words[j]
            if glue[j]:
                j += 1  # inside a known name ("Securities and Exchange Commission")
                continue
            if caps[j] and w not in lex.not_entities and _adjacent(ctx, j) and not mask[j]:
                if words[j - 1].endswith(".") and len(words[j - 1]) == 2 and w.lower() in lex.common:
                    break  # "Group D. The ...": the initial ended a sentence
                j += 1
                continue
            if w == "," and j + 1 < hi and words[j + 1] in _CORP_SUFFIXES:
                j += 2  # "Tyvak Nano-Satellite Systems, Inc."
                continue
            if w in _JOINERS and j + 1 < hi and _adjacent(ctx, j) and _adjacent(ctx, j + 1):
                k = j + 1
                if words[k] == "the" and k + 1 < hi:
                    k += 1
                if (
                    is_capitalized(words[k])
                    and words[k] not in ctx.lex.not_entities
                    and _join_ok(ctx, i, j, k)
                ):
                    j = k + 1
                    continue
            break
        out.append((i, j))
        i = j
    return out


def _glue(ctx: _Ctx, lo: int, hi: int) -> list[bool]:
    """Mark tokens that continue a known multi-word name begun just before them."""
    glue = [False] * (len(ctx.words) + 1)
    words = ctx.words
    phrases = ctx.lex.phrases
    i = lo
    while i < hi:
        cands = phrases.get(words[i]) if ctx.caps[i] else None
        if cands:
            for phrase in cands:
                n = len(phrase)
                if tuple(words[i : i + n]) == phrase:
                    for k in range(i + 1, i + n):
                        glue[k] = True
                    i += n - 1
                    break
        i += 1
    return glue


def _adjacent(ctx: _Ctx, j: int) -> bool:
    """Whether token ``j`` follows token ``j-1`` with only spaces between (no line break)."""
    gap = ctx.text[ctx.ends[j - 1] : ctx.offs[j]]
    return "\n" not in gap and (gap == " " or gap == "")


def _join_ok(ctx: _Ctx, i: int, j: int, k: int) -> bool:
    """Whether the connector at ``j`` joins run ``[i, j)`` to the run starting at ``k``."""
    joiner, left = ctx.words[j], ctx.words[j - 1]
    if joiner == "&":
        return True
    if joiner in _PARTICLES:
        return True
    if joiner in ("of", "for"):
        return _cue_end(ctx, left)
    if joiner in ("'s", "\u2019s"):
        # "Attorney's Office", "Governor's Office": a title's or body's own office
        right = ctx.words[k]
        return right in ctx.lex.org_cues and ((left.lower(),) in ctx.lex.titles or left in ctx.lex.org_cues)
    return False


# --------------------------------------------------------------------------- typing


def _known(ctx: _Ctx, a: int, b: int) -> _Cand | None:
    """Return the known place or organization that run ``[a, b)`` is exactly, if any."""
    lex = ctx.lex
    surface = " ".join(ctx.words[a:b])
    text = _surface(ctx, a, b)
    for s in (text, surface):
        org = lex.orgs.get(s)
        if org is not None:
            return _Cand(
                a, b, "organization", org.kind, f"org:{org.name}", 0.9, nationality=org.country or None
            )
        place = lex.places.get(s) if s not in lex.name_adjectives else None
        if place is None and a > 0 and ctx.words[a - 1] == "the":
            place = lex.places.get(f"the {s}")  # "the West"
        if place is not None:
            if "c" in place.flags and not (
                a >= 2 and ctx.words[a - 1] in (",", "-") and is_capitalized(ctx.words[a - 2])
            ):
                return None
            big = "C" in place.flags or place.population >= 500_000
            if "a" in place.flags and not big and not _place_context(ctx, a, b):
                return None
            return _Cand(a, b, "place", place.kind, f"place:{place.name}", 0.9, place=place)
    return None


def _place_context(ctx: _Ctx, a: int, b: int) -> bool:
    """Tell place context ("in X", "X, State", "Town, X") that makes an ambiguous name a place."""
    words = ctx.words
    prev = words[a - 1] if a > 0 else ""
    nxt = words[b] if b < len(words) else ""
    if prev in ("in", "at", "near", "from", "to", "outside", "across", "of") and nxt in (
        ",",
        ".",
        "and",
        ")",
        ";",
    ):
        return True
    if nxt == "," and b + 1 < len(words) and words[b + 1] in ctx.lex.places:
        return True
    return prev == "," and a >= 2 and is_capitalized(words[a - 2]) and nxt in (",", ".", "(")


def _strip_front(ctx: _Ctx, a: int, b: int) -> int:
    """Drop sentence-initial common words and a leading "The" from run ``[a, b)``."""
    lex = ctx.lex
    while a < b:
        w = ctx.words[a]
        low = w.lower()
        if (w in ("The", "A", "An") and b - a > 1) or low in _FUNCTION_WORDS:
            a += 1
            continue
        if a >= 2 and ctx.words[a - 1] == ":" and ctx.words[a - 2].lower() in _CREDIT_WORDS:
            break  # "(Image credit: All About Space)": a name, whatever its first word
        if a in ctx.starts or (a > 0 and ctx.words[a - 1] in ('"', "'", "(")):
            if (
                w in lex.given_names
                and b - a > 1
                and (low not in lex.common or ctx.words[a + 1].lower() not in lex.english)
            ):
                break
            if w in lex.orgs or w in lex.places or w in lex.phrases or w in lex.demonyms:
                break
            if (low,) in lex.titles and b - a > 1:
                break
            if low in lex.common or low in lex.english or w in lex.not_entities:
                a += 1
                continue
        break
    return a


def _title_person(ctx: _Ctx, a: int, b: int) -> list[_Cand] | None:
    """Read "[Demonym/Country/Org] [Title] Name": the person, and the prefix entity if any."""
    lex = ctx.lex
    words = ctx.words[a:b]
    lower = [w.lower() for w in words]
    n = len(words)
    best: tuple[int, int, int, str] | None = None  # title start, title end, name start, gender
    for i in range(n):
        head = head_at(lower, i, lex)
        if head is None:
            continue
        end = head[0]
        while end < n - 1:
            more = head_at(lower, end, lex)
            if more is not None and more[0] < n:
                end = more[0]  # "Chief Minister", "President and CEO" heads in a row
            elif lower[end] in lex.title_modifiers and head_at(lower, end + 1, lex) is not None:
                end += 1
            else:
                break
        name_start = end
        if end < n and lower[end] in ("of", "for"):
            # the title goes on ("Secretary of State", "... for the Western District of New York")
            k = end + 1
            name_start = -1
            while k < n:
                if words[k] in lex.given_names or words[k] in lex.honorifics:
                    name_start = k
                    break
                k += 1
            if name_start < 0:
                sub = head_at(lower, end + 1, lex)
                name_start = n - 2 if n - end > 3 else -1
                if sub is not None and sub[0] < n:
                    name_start = sub[0]
            if name_start < 0:
                continue
        if name_start >= n:
            continue
        rest = words[name_start:]
        if not _name_like(ctx, rest):
            continue
        start = i
        while start > 0 and lower[start - 1] in lex.title_modifiers:
            start -= 1
        best = (start, end if name_start == end else name_start, name_start, head[2])
        break
    if best is None:
        return None
    t_start, t_end, n_start, gender = best
    person = _Cand(a + n_start, b, "person", confidence=0.85, evidence=2, gender=gender or None)
    person.title = spell_title(words[t_start:t_end], lex)
    out = [person]
    if t_start > 0:
        prefix = _classify_prefix(ctx, a, a + t_start, person)
        out = prefix + out
    return out


def _classify_prefix(ctx: _Ctx, a: int, b: int, person: _Cand) -> list[_Cand]:
    """Read what stands before a title: a nationality, a place, an organization, "former"."""
    lex = ctx.lex
    words = ctx.words[a:b]
    if words and words[0].lower() == "former":
        person.title = f"former {person.title}"
        a += 1
        words = words[1:]
    if not words:
        return []
    text = " ".join(words)
    known = _known(ctx, a, b)
    if known is None and text in lex.demonyms:
        person.nationality = _country_name(lex, lex.demonyms[text])
        return []
    if known is not None:
        if known.kind == "place" and known.place is not None:
            if known.place.kind == "Country" or _public_office(person.title):
                person.nationality = _place_country(lex, known.place)
        elif known.kind == "organization":
            person.affiliation = known
            if known.nationality:
                person.nationality = _country_name(lex, known.nationality)
        return [known]
    if words[0] in lex.demonyms and len(words) > 1:
        person.nationality = _country_name(lex, lex.demonyms[words[0]])
        rest = _classify(ctx, a + 1, b)
    else:
        rest = _classify(ctx, a, b)
    for c in rest:
        if c.kind == "organization" and person.affiliation is None:
            person.affiliation = c
        if c.kind == "place" and c.place is not None and c.place.kind == "Country" and not person.nationality:
            person.nationality = c.place.name
    return rest


def _public_office(title: str | None) -> bool:
    """Whether a title is a public office (its holder serves the country of a named place)."""
    return bool(title) and bool(set(str(title).lower().replace("-", " ").split()) & _OFFICE_WORDS)


def _place_country(lex: Lexicon, place: PlaceEntry) -> str | None:
    """The country a known place is or lies in."""
    if place.kind == "Country":
        return place.name
    return lex.country_codes.get(place.country)


def _country_name(lex: Lexicon, name: str) -> str:
    place = lex.places.get(name)
    return place.name if place is not None else name


def _name_like(ctx: _Ctx, words: list[str]) -> bool:
    """Whether words can be a person's name (not a cue word, place or title)."""
    lex = ctx.lex
    if not words or len(words) > 5:
        return False
    if any(not is_capitalized(w) and w not in _PARTICLES for w in words):
        return False
    if (words[-1] in lex.org_cues and words[-1] not in _SUFFIXES) or words[-1].lower() in lex.place_cues:
        return False
    joined = " ".join(words)
    if joined in lex.places or joined in lex.orgs or joined in lex.not_entities or joined in lex.demonyms:
        return False
    return not ((words[0].lower(),) in lex.titles and len(words) == 1)


def _classify(ctx: _Ctx, a: int, b: int) -> list[_Cand]:
    """Type the capitalized run ``[a, b)``; may split it into several candidates."""
    lex = ctx.lex
    if a >= b:
        return []
    words = ctx.words
    # honorifics: "Mr. Putin"
    if words[a] in lex.honorifics and b - a > 1:
        gender = lex.honorifics[words[a]] or None
        k = a + 1
        while k < b - 1 and words[k] in lex.honorifics:
            k += 1  # "Rt. Hon."
        if all(ctx.caps[i] for i in range(k, b)) and words[b - 1] not in lex.org_cues:
            return [_Cand(k, b, "person", confidence=0.9, evidence=3, gender=gender)]
        return _classify(ctx, k, b)
    if b - a > 1 and all(w.isupper() and w.isalpha() for w in words[a:b]):
        return _heading(ctx, a, b)
    titled = _title_person(ctx, a, b)
    if titled is not None:
        return titled
    if b - a == 2 and words[a] == "The" and lex.org_cues.get(words[a + 1]) == "NewsMediaOrganization":
        return [_Cand(a, b, "organization", "NewsMediaOrganization", confidence=0.7)]  # "The Times"
    a = _strip_front(ctx, a, b)
    if a >= b:
        return []
    known = _known(ctx, a, b)
    if known is not None:
        return [known]
    surface = _surface(ctx, a, b)
    if surface in lex.not_entities or _plural_demonym(lex, surface):
        return []
    last = words[b - 1]
    if last in lex.non_entity_heads:
        return _split_known(ctx, a, b - 1, partial=True) or []
    if b - a > 1 and words[a].lower() in lex.english and words[a] not in lex.given_names:
        rest = _known(ctx, a + 1, b)
        if rest is not None and (rest.kind == "organization" or a in ctx.starts):
            return [rest]  # "Key Security Council"
    if b - a >= 3 and words[a + 1] == "of" and " ".join(words[a : a + 1]) in _STATE_FORMS:
        country = _known(ctx, a + 2, b)
        if country is not None and country.place is not None and country.place.kind == "Country":
            country.a = a  # "State of Israel": one more name of the country
            return [country]
    # cue words
    cue = _org_cue(ctx, a, b)
    if cue is not None:
        return [_Cand(a, b, "organization", cue, confidence=0.75)]
    place_kind = lex.place_cues.get(last.lower())
    if place_kind is not None and b - a > 1:
        return [_Cand(a, b, "place", place_kind, confidence=0.7)]
    # a run made of known pieces: "UK Tories", "Iran Russia"
    pieces = _split_known(ctx, a, b)
    if pieces is not None:
        return pieces
    if words[b - 1] in lex.demonyms:
        return []  # "North American": an adjective
    if words[a] in _DIRECTIONS and b - a >= 2:
        place = _known(ctx, a + 1, b)
        if place is not None and place.kind == "place":
            return [_Cand(a, b, "place", "Region", confidence=0.6)]  # "North India"
    split = _split_at_person(ctx, a, b)
    if split is not None:
        return split
    for k in range(a + 1, b - 1):
        if words[k] in ("of", "for"):
            if (words[k - 1].lower(),) in lex.titles:
                if words[a] in lex.orgs and words[a] not in lex.places:
                    # "United Nations High Commissioner for Human Rights": an office
                    return [_Cand(a, b, "organization", "GovernmentOrganization", confidence=0.6)]
                # a title phrase ("Advocacy Director for the Middle East"): only its known places
                return _split_known(ctx, a, b, partial=True) or []
            # no cue made the whole a name: read the parts
            right = k + 2 if words[k + 1] == "the" else k + 1
            return _classify(ctx, a, k) + _classify(ctx, right, b)
    first = words[a]
    if b - a == 1:
        return _single(ctx, a)
    if first in lex.demonyms:
        return _classify(ctx, a + 1, b)
    if first in lex.given_names and _name_like(ctx, words[a:b]):
        g = lex.given_names[first]
        return [_Cand(a, b, "person", confidence=0.8, evidence=1, gender=g if g in ("m", "f") else None)]
    if all(w in lex.not_entities or w in lex.name_adjectives or w in lex.demonyms for w in words[a:b]):
        nxt = words[b] if b < len(words) else ""
        if b - a > 1 and all(w in lex.name_adjectives for w in words[a:b]) and (nxt,) in lex.titles:
            # "former Liberal Democrat leader X": a party named by its adjectives
            return [_Cand(a, b, "organization", "PoliticalParty", confidence=0.5)]
        return []
    return [_Cand(a, b, None, confidence=0.4)]


def _plural_demonym(lex: Lexicon, surface: str) -> bool:
    """Tell plural demonyms ("Israelis", "South Dakotans", "Delhiites"): people, not an entity."""
    if not surface.endswith("s") or len(surface) < 5:
        return False
    if surface[:-1] in lex.demonyms or surface[:-2] in lex.places or surface[:-1] in lex.places:
        return True
    for suffix, add in (("ites", ""), ("ians", ""), ("ians", "a"), ("ans", ""), ("ers", "")):
        if surface.endswith(suffix) and surface[: -len(suffix)] + add in lex.places:
            return True
    return False


def _heading(ctx: _Ctx, a: int, b: int) -> list[_Cand]:
    """Read an all-capitals run ("FRANCE WINS", "SAN FRANCISCO"): only the names the lists know."""
    lex = ctx.lex
    words = ctx.words
    out: list[_Cand] = []
    i = a
    while i < b:
        j = i + 1
        for k in range(b, i, -1):
            text = " ".join(words[i:k])
            name = " ".join(w.capitalize() for w in words[i:k])
            place = lex.places.get(name) or (lex.places.get(text) if k - i == 1 and len(text) > 2 else None)
            org = lex.orgs.get(text)
            if org is not None:
                out.append(_Cand(i, k, "organization", org.kind, f"org:{org.name}", 0.8))
                j = k
                break
            if place is not None and "c" not in place.flags:
                out.append(
                    _Cand(i, k, "place", place.kind, f"place:{place.name}", 0.8, place=place, name=place.name)
                )
                j = k
                break
        i = j
    return out


def _split_at_person(ctx: _Ctx, a: int, b: int) -> list[_Cand] | None:
    """Split "Apple CarPlay", "Ukraine Marie Yovanovitch", "DL Sheldon Richardson" sensibly.

    A known organization or place, or a non-name prefix, before a given name is
    read apart from the person; a known organization followed by other words
    is that organization (the rest is a product or unit); a known place
    followed by other words names an organization ("Boston Globe").
    """
    lex = ctx.lex
    words = ctx.words
    for k in range(a + 1, b - 1):
        if (
            words[k] in lex.given_names
            and _name_like(ctx, words[k:b])
            and words[k - 1] not in lex.given_names
        ):
            head = _classify(ctx, a, k)
            g = lex.given_names[words[k]]
            person = _Cand(k, b, "person", confidence=0.7, evidence=1, gender=g if g in ("m", "f") else None)
            return [c for c in head if c.kind is not None] + [person]
    for j in range(b - 1, a, -1):
        known = _known(ctx, a, j)
        if known is None:
            continue
        if known.kind == "organization":
            return [known]
        if words[j] not in lex.given_names:
            return [_Cand(a, b, "organization", "Organization", confidence=0.5)]
        return None
    return None


def _org_cue(ctx: _Ctx, a: int, b: int) -> str | None:
    """Return the organization kind a cue word in ``[a, b)`` gives, if any."""
    lex = ctx.lex
    words = ctx.words
    last = words[b - 1]
    if (last.lower(),) in lex.titles and b - a > 1 and words[b - 2] in lex.org_cues:
        return None  # "Senate Leader": a role; its body is typed on its own
    if "-" in last and last.rsplit("-", 1)[1] in lex.org_cues:
        last = last.rsplit("-", 1)[1]  # "Union-Tribune"
    if b - a == 1:
        return lex.org_cues.get(last) if last in _SINGLE_CUES else None
    if last in lex.org_cues:
        if words[a] in lex.given_names and b - a == 2 and lex.org_cues[last] == "NewsMediaOrganization":
            return None  # "Dan Post": a person more likely than a paper
        return lex.org_cues[last]
    for k in range(a, b - 1):
        if words[k + 1] in ("of", "for") and words[k] in lex.org_cues:
            return lex.org_cues[words[k]]
    return None


def _split_known(ctx: _Ctx, a: int, b: int, *, partial: bool = False) -> list[_Cand] | None:
    """Split a run into known places/organizations when every word is covered.

    With ``partial``, keep whatever known pieces there are.
    """
    lex = ctx.lex
    out: list[_Cand] = []
    i = a
    while i < b:
        found = None
        for j in range(b, i, -1):
            c = _known(ctx, i, j)
            if c is not None:
                found = c
                break
        if found is None:
            if partial or ctx.words[i] in lex.demonyms or ctx.words[i] in lex.not_entities:
                i += 1
                continue
            return None
        out.append(found)
        i = found.b
    return out or None


def _single(ctx: _Ctx, i: int) -> list[_Cand]:
    """Type a lone capitalized word that no list knows."""
    lex = ctx.lex
    w = ctx.words[i]
    if (
        w in lex.not_entities
        or w in lex.demonyms
        or w in lex.name_adjectives
        or w in lex.honorifics
        or len(w) < 2
    ):
        return []
    if _plural_demonym(lex, w) or (
        "-" in w and all(p in lex.demonyms or p in lex.places for p in w.split("-"))
    ):
        return []
    if _ACRONYM_RE.match(w):
        return [_Cand(i, i + 1, "organization", "Organization", confidence=0.6)]
    if _CAMEL_RE.match(w) and not w.startswith("Mc") and not w.startswith("Mac"):
        return [_Cand(i, i + 1, "organization", "Organization", confidence=0.6)]
    return [_Cand(i, i + 1, None, confidence=0.3)]


# --------------------------------------------------------------------------- context


def _person_context(ctx: _Ctx, c: _Cand) -> int:
    """Evidence from the words around a candidate that it names a person."""
    words = ctx.words
    lower_before = [w.lower() for w in words[max(0, c.a - 4) : c.a]]
    score = 0
    tb = title_span_before(lower_before, len(lower_before), ctx.lex)
    if tb is not None and lower_before and not is_capitalized(words[c.a - 1]):
        score += 2
    nxt = words[c.b : c.b + 3]
    if len(nxt) >= 2 and nxt[0] == "," and nxt[1] in ("who", "whose"):
        score += 2
    if len(nxt) >= 3 and nxt[0] == "," and nxt[1].isdigit() and nxt[2] == ",":
        score += 2
    return score


def _prefix_links(ctx: _Ctx, c: _Cand, start: int, cands_end: dict[int, _Cand]) -> None:
    """Set nationality and affiliation from what stands before a name or its title.

    "Palestinian chief negotiator X", "NASA's X", "opposition Labour Party leader X".
    """
    lex = ctx.lex
    words = ctx.words
    k = start - 1
    possessive = k >= 0 and words[k] in ("'s", "\u2019s")
    if possessive:
        k -= 1
    inside = [o for o in cands_end.values() if start <= o.a and o.b <= c.a] if start < c.a else []
    # "NASA's X", "Commerzbank analyst X"; not "Ambassador to Ukraine X"
    before = cands_end.get(k + 1) if possessive or start < c.a else None
    for other in [*inside, *([before] if before is not None else [])]:
        if other is c:
            continue
        if other.kind == "organization" and c.affiliation is None:
            c.affiliation = other
        elif other.place is not None and not c.nationality:
            if other.place.kind == "Country" or _public_office(c.title):
                c.nationality = _place_country(lex, other.place)  # "Delhi's Chief Minister X": India
    for p in [*range(start, c.a), *([k] if k >= 0 else [])]:
        if words[p] in lex.demonyms and ctx.caps[p] and not c.nationality:
            c.nationality = lex.demonyms[words[p]]


def _lower_title_before(ctx: _Ctx, c: _Cand, cands_end: dict[int, _Cand]) -> None:
    """Fill a person's title from lowercase words right before the name ("analyst X")."""
    lo = max(0, c.a - 6)
    lower = [w.lower() for w in ctx.words[lo : c.a]]
    found = title_span_before(lower, len(lower), ctx.lex)
    if found is None:
        if c.kind == "person" or c.evidence:
            _prefix_links(ctx, c, c.a, cands_end)
        return
    start = lo + found[0]
    if any(
        is_capitalized(w) and w.lower() not in ctx.lex.title_modifiers for w in ctx.words[start : c.a]
    ) and not all(
        (w.lower(),) in ctx.lex.titles or w.lower() in ctx.lex.title_modifiers for w in ctx.words[start : c.a]
    ):
        return
    c.title = c.title or spell_title(ctx.words[start : c.a], ctx.lex)
    if found[1] and not c.gender:
        c.gender = found[1]
    c.evidence += 2
    _prefix_links(ctx, c, start, cands_end)


_APPOS_STOP = frozenset({",", ".", ";", ":", '"', "(", ")", "said", "says", "told", "who", "which", "-"})


def _apposition(ctx: _Ctx, c: _Cand, cands_at: dict[int, _Cand]) -> None:
    """Read an apposition after a name (", the chief executive of X,"): title and affiliation."""
    words = ctx.words
    i = c.b
    if i + 1 >= len(words) or words[i] != ",":
        return
    i += 1
    if words[i] in ("a", "an", "the"):
        i += 1
    j = i
    while j < len(words) and j - i < 12 and words[j] not in _APPOS_STOP:
        if words[j] in ("at", "of", "for", "with", "in") and j > i:
            break
        j += 1
    owner = cands_at.get(i)
    if (
        owner is not None
        and owner.kind in ("organization", None)
        and owner.b + 1 < j
        and words[owner.b] in ("'s", "\u2019s")
    ):
        i = owner.b + 1  # "X, NASA's associate administrator"
        if c.affiliation is None:
            c.affiliation = owner
            owner.kind = owner.kind or "organization"
    lower = [w.lower() for w in words[i:j]]
    found = title_span_before(lower, len(lower), ctx.lex) if lower else None
    if found is None:
        return
    title_words = words[i:j]
    if any(
        is_capitalized(w)
        and (w.lower(),) not in ctx.lex.titles
        and w.lower() not in ctx.lex.title_modifiers
        and w not in ctx.lex.demonyms
        for w in title_words
    ):
        org_first = cands_at.get(i)
        if org_first is None or org_first.kind != "organization":
            return
    c.title = c.title or " ".join(title_words)
    c.evidence += 2
    if found[1] and not c.gender:
        c.gender = found[1]
    for w in title_words:
        if w in ctx.lex.demonyms and not c.nationality:
            c.nationality = _country_name(ctx.lex, ctx.lex.demonyms[w])
    if j < len(words) and words[j] in ("at", "of", "for", "with"):
        org = cands_at.get(j + 1) or (
            cands_at.get(j + 2) if j + 2 < len(words) and words[j + 1] == "the" else None
        )
        if org is not None and org.kind == "organization" and c.affiliation is None:
            c.affiliation = org


# --------------------------------------------------------------------------- main


def find_entities(doc: Document, *, base: str = DEFAULT_BASE, nlp: object | None = None) -> EntityIndex:
    """Find every person, organization and place of ``doc`` (see the module docstring).

    ``nlp`` is an optional spaCy ``Language`` (any object whose call returns a
    doc with ``.ents`` carrying ``start_char``, ``end_char`` and ``label_``);
    its entities are merged where the rules found nothing.
    """
    text = doc.text
    words, offs, ends = scan(text)
    if not words:
        return EntityIndex(records=[], mentions=[])
    lex = lexicon()
    body_tok = bisect.bisect_left(offs, doc.body_start)
    lower_seen = frozenset(w for w in words if w.islower())
    caps = [is_capitalized(w) for w in words]
    ctx = _Ctx(text, words, offs, ends, caps, sentence_starts(text, words, offs), lex, body_tok, lower_seen)
    title_case = _title_case_headline(words[:body_tok])
    cands: list[_Cand] = []
    lo = body_tok if title_case else 0
    for a, b in _runs(ctx, lo, len(words)):
        if (
            a in ctx.starts
            and words[a].isupper()
            and words[a].isalpha()
            and (len(words[a]) > 3 or (b - a > 1 and words[a + 1].isupper() and words[a + 1].isalpha()))
        ):
            cands.extend(_dateline(ctx, a, b))
            continue
        if b < len(words) and words[b] in _LOWER_LANDMARKS and (_known(ctx, a, b) is None):
            cands.append(_Cand(a, b + 1, "place", "Landmark", confidence=0.6))  # "Hoa Lo prison"
            continue
        cands.extend(_classify(ctx, a, b))
    cands.extend(_gov_bodies(ctx, cands))
    if nlp is not None:
        extra = _from_spacy(ctx, nlp, cands)
        if extra:
            # the pipeline's typed spans replace spans the rules left untyped
            cands = [
                c for c in cands if c.kind is not None or not any(e.a < c.b and c.a < e.b for e in extra)
            ]
            cands.extend(extra)
    cands_at = {c.a: c for c in cands}
    cands_end = {c.b: c for c in cands}
    for c in cands:
        if c.kind in ("person", None):
            c.evidence += _person_context(ctx, c)
            _lower_title_before(ctx, c, cands_end)
            _apposition(ctx, c, cands_at)
    groups = _group(ctx, cands)
    if title_case:
        groups.extend_headline(ctx, 0, body_tok)
    groups.link_uncovered(ctx)
    return groups.build(ctx, base)


def _title_case_headline(words: list[str]) -> bool:
    """Whether the headline capitalizes most words ("NASA Picks SpaceX ... to Join ...")."""
    long_words = [w for w in words[1:] if w.isalpha() and len(w) > 3]
    if len(long_words) < 2:
        return False
    return sum(w[0].isupper() for w in long_words) / len(long_words) >= 0.75


def _dateline(ctx: _Ctx, a: int, b: int) -> list[_Cand]:
    """Look up an all-capitals dateline ("WASHINGTON", "SAN FRANCISCO") title-cased."""
    out: list[_Cand] = []
    words = ctx.words
    j = a
    while j < b and words[j].isupper():
        j += 1
    name = " ".join(w.capitalize() for w in words[a:j])
    place = ctx.lex.places.get(name)
    if place is not None:
        c = _Cand(a, j, "place", place.kind, f"place:{place.name}", 0.85, place=place, name=place.name)
        out.append(c)
    elif ctx.lex.orgs.get(" ".join(words[a:j])) is not None:
        org = ctx.lex.orgs[" ".join(words[a:j])]
        out.append(_Cand(a, j, "organization", org.kind, f"org:{org.name}", 0.9))
    else:
        return _classify(ctx, a, b)
    if j < b:
        out.extend(_classify(ctx, j, b))
    return out


def _gov_bodies(ctx: _Ctx, cands: list[_Cand]) -> list[_Cand]:
    """Find state bodies named by place and noun ("Russia's foreign ministry", "French foreign ministry")."""
    out: list[_Cand] = []
    words = ctx.words
    starts = [
        (c.a, c.b)
        for c in cands
        if c.kind == "place" and c.place is not None and c.place.kind in ("Country", "AdministrativeArea")
    ]
    starts += [(i, i + 1) for i, w in enumerate(words) if w in ctx.lex.demonyms and ctx.caps[i]]
    for a, b in starts:
        i = b
        if i < len(words) and words[i] in ("'s", "\u2019s"):
            i += 1
        for head in _GOV_HEADS:
            hw = head.split()
            end = i + len(hw)
            nxt = words[end] if end < len(words) else ""
            if words[i:end] == hw and not (nxt.isalpha() and nxt.islower() and nxt not in _BODY_VERBS):
                name = ctx.text[ctx.offs[a] : ctx.ends[i + len(hw) - 1]]
                # a place keeps its own mention; a demonym is part of the body's name
                first = i if i > b or any(c.a == a for c in cands) else a
                out.append(
                    _Cand(
                        first,
                        i + len(hw),
                        "organization",
                        "GovernmentOrganization",
                        f"org:{name}",
                        0.6,
                        name=name,
                    )
                )
                break
    return out


def _from_spacy(ctx: _Ctx, nlp: Any, cands: list[_Cand]) -> list[_Cand]:
    """Entities of a user's spaCy pipeline, where the rules typed nothing."""
    taken = [False] * len(ctx.words)
    for c in cands:
        if c.kind is not None:
            for k in range(c.a, c.b):
                taken[k] = True
    by_start = {o: i for i, o in enumerate(ctx.offs)}
    by_end = {o: i for i, o in enumerate(ctx.ends)}
    kinds = {
        "PERSON": ("person", None),
        "ORG": ("organization", "Organization"),
        "GPE": ("place", "City"),
        "LOC": ("place", "Region"),
        "FAC": ("place", "Landmark"),
    }
    out: list[_Cand] = []
    for ent in nlp(ctx.text).ents:
        kind = kinds.get(ent.label_)
        a, b = by_start.get(ent.start_char), by_end.get(ent.end_char)
        if kind is None or a is None or b is None:
            continue
        if any(taken[a : b + 1]):
            continue
        for k in range(a, b + 1):
            taken[k] = True
        out.append(_Cand(a, b + 1, kind[0], kind[1], confidence=0.6, evidence=2))
    # candidates of unknown kind that the pipeline typed
    return out
