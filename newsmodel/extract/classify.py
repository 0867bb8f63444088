"""Typing a capitalized run: person, organization, place, or nothing.

Rules in order: honorifics and titles make people (with title, gender,
nationality); the shipped lists name places and well-known organizations; cue
words type the rest ("... Airport" a landmark, "... Corp." a corporation); known
pieces split a run ("Canada Walmart"); given names find the remaining people. What no
rule types stays untyped for the grouping pass, which sees the whole article.
"""

from __future__ import annotations

import re

from newsmodel.extract import candidates, lookup
from newsmodel.extract.candidates import ACRONYM_RE, CAMEL_RE, SUFFIXES, Cand, Ctx, words_of
from newsmodel.extract.titles import head_at, spell_title, title_span_before

__all__ = ["classify", "foreign_name_word"]


#: Words that never begin a name, even capitalized ("At Northwind, ...").
_FUNCTION_WORDS = words_of(
    "at in on for with by from to of and but or as if when while after before since under over "
    "about among amid against despite during like unlike into onto upon via per than then"
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


#: "Convention Centre", "Exhibition Center": a venue, a place, though "Centre" alone makes an organization.
_CENTRES = words_of("Center Centre")
_VENUE_WORDS = words_of("Convention Exhibition Congress Events Trade Shopping Expo")


#: A lowercase letter or two, then a capital: how products are spelled ("iVolta", "eReader").
_PRODUCT_RE = re.compile(r"^[a-z]{1,2}[A-Z][a-z]")
#: Company forms that make a product-spelled name a firm ("iVolta Inc.").
_CORP_FORMS = words_of("Inc. Inc Corp. Corp Ltd. Ltd LLC PLC plc Co. GmbH AG")


#: Cue words that name an institution on their own ("the Army said", "Congress").
_SINGLE_CUES = words_of("Congress Parliament Senate Navy Army")


_DIRECTIONS = words_of("North South East West Northern Southern Eastern Western Central Upper Lower")
#: Directions that, after a town's or region's name, name a part of it ("Kowloon West").
_COMPASS = words_of("North South East West Central")


_CREDIT_WORDS = words_of("credit credits photo photos image images video videos source courtesy")

#: Honorifics that never belong inside an organization's name ("Lord", "Lady" may: "Our Lady of ...").
_SHORT_HONORIFICS = words_of("Mr. Mr Mrs. Mrs Ms. Ms Dr. Dr Mx.")
#: Styles of peers that, before one name that is no surname, name the person with it ("Lady Quorra").
_STYLES = words_of("Lord Lady")
#: Lowercase nouns of works that their title follows ("the novel X", "her album X"): a title is no person.
_WORK_NOUNS = words_of("novel book film movie album song opera musical painting poem documentary sitcom")


def _strip_front(ctx: Ctx, a: int, b: int) -> int:
    """Drop sentence-initial common words and a leading "The" from run ``[a, b)``."""
    lex = ctx.lex
    while a < b:
        w = ctx.words[a]
        low = w.lower()
        if (w in ("The", "A", "An") and b - a > 1) or low in _FUNCTION_WORDS:
            a += 1
            continue
        if a >= 2 and ctx.words[a - 1] == ":" and ctx.words[a - 2].lower() in _CREDIT_WORDS:
            break  # "(Image credit: About Northwind)": a name, whatever its first word
        if a in ctx.starts or (a > 0 and ctx.words[a - 1] in ('"', "'", "(")):
            if (
                w in lex.given_names
                and b - a > 1
                and (
                    low not in lex.common
                    or ctx.words[a + 1].lower() not in lex.english
                    or (b - a == 2 and ctx.words[a + 1] in lex.surnames)  # "Will Smith said"
                )
            ):
                break
            if w in lex.orgs or w in lex.places or w in lex.phrases or w in lex.demonyms:
                break
            if (low,) in lex.titles and b - a > 1:
                break
            if w in lex.org_cues and b - a > 1 and w not in _LEADING_CUE_WORDS:
                break  # "Bank Indonesia raised ...", "Group Lotus said": the cue word opens the name
            if low in lex.common or low in lex.english or w in lex.not_entities:
                a += 1
                continue
        break
    return a


#: Cue words that open sentences as common words more often than names ("Times Square", "Post Brexit").
_LEADING_CUE_WORDS = words_of("Times Post Daily News Mail Herald Journal Star Sun")


_DETERMINERS = words_of("the a an this that these those its his her their our")


def _trim_end(ctx: Ctx, a: int, b: int) -> int:
    """Drop what cannot end a name from run ``[a, b)``: a function word, a credit label.

    "... Ana Duarte In the east ...": a sentence whose full stop was lost goes on
    with a capitalized preposition and a determiner; "Ana Duarte Image: Tom Reyes": a caption's credit
    label follows the name it captions. Neither is part of the name.
    """
    words = ctx.words
    while b - a > 1:
        last = words[b - 1]
        nxt = words[b] if b < len(words) else ""
        if last.lower() in _FUNCTION_WORDS and last[0].isupper() and nxt in _DETERMINERS:
            b -= 1  # "In the": not "James To of ...", "Wilson Or", where the word is a surname
        elif last.lower() in _CREDIT_WORDS and nxt == ":":
            b -= 1
        else:
            break
    return b


def _title_person(ctx: Ctx, a: int, b: int) -> list[Cand] | None:
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
            # the title goes on ("Secretary of State", "... for the Northern District of Ohio")
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
                elif name_start >= 0 and any(
                    w.lower() in lex.english and w not in lex.given_names for w in words[name_start:]
                ):
                    # a guessed name of English words ends the title's complement:
                    # "Director of the National Iodine Nutrition Study" names no one
                    name_start = -1
            if name_start < 0:
                continue
        if name_start >= n:
            continue
        rest = words[name_start:]
        if not lookup.name_like(ctx, rest):
            continue
        if len(rest) == 1 and rest[0].lower() in lex.common and rest[0] not in lex.given_names:
            continue  # "Doctor Who": a title before a common word ("who", "what") names no one by it
        start = i
        while start > 0 and lower[start - 1] in lex.title_modifiers:
            start -= 1
        best = (start, end if name_start == end else name_start, name_start, head[2])
        break
    if best is None:
        return None
    t_start, t_end, n_start, gender = best
    while n_start < n - 1 and words[n_start] in lex.honorifics:
        gender = gender or lex.honorifics[words[n_start]]
        n_start += 1  # "Speaker ... Rt. Hon. X": the honorifics are not the name
    person = Cand(a + n_start, b, "person", confidence=0.85, evidence=2, gender=gender or None)
    person.title = spell_title(words[t_start:t_end], lex)
    out = [person]
    if t_start > 0:
        prefix = _classify_prefix(ctx, a, a + t_start, person)
        out = prefix + out
    return out


def _classify_prefix(ctx: Ctx, a: int, b: int, person: Cand) -> list[Cand]:
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
    known = lookup.known(ctx, a, b)
    if known is None and text in lex.demonyms:
        person.nationality = lookup.country_name(lex, lex.demonyms[text])
        return []
    if known is not None:
        if known.kind == "place" and known.place is not None:
            if known.place.kind == "Country" or lookup.public_office(person.title):
                person.nationality = lookup.place_country(lex, known.place)
        elif known.kind == "organization":
            person.affiliation = known
            if known.nationality:
                person.nationality = lookup.country_name(lex, known.nationality)
        return [known]
    if words[0] in lex.demonyms and len(words) > 1:
        person.nationality = lookup.country_name(lex, lex.demonyms[words[0]])
        rest = classify(ctx, a + 1, b)
    else:
        rest = classify(ctx, a, b)
    lone = words[0] if len(words) == 1 else ""
    if not rest and lone and lone.lower() not in lex.common and lone not in lex.not_entities:
        rest = [Cand(a, b, None)]  # "Delta President X", even where "delta" is a word
    for c in rest:
        if c.kind is None:
            # "Delta President X": an unknown name before a title is the body the title belongs to
            c.kind, c.subtype = "organization", "Organization"
        if c.kind == "organization" and person.affiliation is None:
            person.affiliation = c
        if c.kind == "place" and c.place is not None and c.place.kind == "Country" and not person.nationality:
            person.nationality = c.place.name
    return rest


def classify(ctx: Ctx, a: int, b: int) -> list[Cand]:
    """Type the capitalized run ``[a, b)``; may split it into several candidates."""
    lex = ctx.lex
    b = _trim_end(ctx, a, b)
    if a >= b:
        return []
    words = ctx.words
    # honorifics: "Mr. Reyes"
    if words[a] in lex.honorifics and b - a > 1:
        gender = lex.honorifics[words[a]] or None
        k = a + 1
        while k < b - 1 and words[k] in lex.honorifics:
            k += 1  # "Rt. Hon."
        if all(ctx.caps[i] for i in range(k, b)) and words[b - 1] not in lex.org_cues:
            if k == a + 1 and b - k == 1 and words[a] in _STYLES and words[k] not in lex.surnames:
                k = a  # "Lady Quorra": one name and no surname after a style; the style is part of the name
            return [Cand(k, b, "person", confidence=0.9, evidence=3, gender=gender)]
        return classify(ctx, k, b)
    if b - a > 1 and all(w.isupper() and w.isalpha() for w in words[a:b]):
        return _heading(ctx, a, b)
    titled = _title_person(ctx, a, b)
    if titled is not None:
        return titled
    for k in range(a + 1, b - 1):
        if words[k] in _SHORT_HONORIFICS and ctx.caps[k + 1]:
            # "Undersecretary for Education Mr. Tom Reyes": the honorific opens the person
            return classify(ctx, a, k) + classify(ctx, k, b)
    if (
        (b - a == 2 or (b - a == 4 and words[a + 2] == "and"))
        and words[a] == "The"
        and lex.org_cues.get(words[a + 1]) == "NewsMediaOrganization"
    ):
        # "The Globe", "The Globe and Mail" (two masthead words joined by the runs)
        return [Cand(a, b, "organization", "NewsMediaOrganization", confidence=0.7)]
    if words[a] == "Air" and b - a >= 2:
        place = lookup.known(ctx, a + 1, b)
        if place is not None and place.kind == "place":
            return [Cand(a, b, "organization", "Corporation", confidence=0.75)]  # an airline: "Air Peru"
    if words[a] == "Team" and b - a >= 2 and not any((w.lower(),) in lex.titles for w in words[a + 1 : b]):
        return [
            Cand(a, b, "organization", "SportsTeam", confidence=0.75)
        ]  # "Team Valoria"; not "Team Leader"
    a = _strip_front(ctx, a, b)
    if a >= b:
        return []
    known = lookup.known(ctx, a, b)
    if known is not None:
        return [known]
    if _PRODUCT_RE.match(words[a]) and words[b - 1] not in _CORP_FORMS:
        return []  # "iVolta", "eReader Pro": a product's spelling; a firm is listed or says "Inc."
    surface = candidates.surface(ctx, a, b)
    if surface in lex.not_entities or lookup.plural_demonym(lex, surface):
        return []
    last = words[b - 1]
    if last in lex.non_entity_heads:
        if (
            b - a == 2
            and words[a] in lex.given_names
            and last in lex.surnames
            and (a == 0 or words[a - 1] not in ("the", "a", "an"))
        ):
            # "Nathan Law", "Ella Day": a given name before a surname that is also the
            # last word of laws or holidays ("the Clean Air Law") is a person
            g = lex.given_names[words[a]]
            return [Cand(a, b, "person", confidence=0.7, evidence=1, gender=g if g in ("m", "f") else None)]
        return _split_known(ctx, a, b - 1, partial=True) or []
    if b - a > 1 and words[a].lower() in lex.english and words[a] not in lex.given_names:
        rest = lookup.known(ctx, a + 1, b)
        if rest is not None and rest.kind == "place" and words[a] in lex.org_cues and b - a == 2:
            # "Bank Indonesia raised rates": a body named by its head and its country
            return [Cand(a, b, "organization", lex.org_cues[words[a]], confidence=0.7)]
        if rest is not None and (rest.kind == "organization" or a in ctx.starts):
            return [rest]  # "Key World Bank"
    if b - a >= 3 and words[a + 1] == "of" and " ".join(words[a : a + 1]) in _STATE_FORMS:
        country = lookup.known(ctx, a + 2, b)
        if country is not None and country.place is not None and country.place.kind == "Country":
            country.a = a  # "State of Kuwait": one more name of the country
            return [country]
    if b - a >= 2 and words[b - 1] == "Flight" and b < len(words) and words[b].isdigit():
        return [Cand(a, b - 1, "organization", "Corporation", confidence=0.75)]  # "Quell Air Flight 12"
    if b - a > 2 and last in _CENTRES and words[b - 2] in _VENUE_WORDS:
        return [Cand(a, b, "place", "Landmark", confidence=0.7)]  # "Harbourside Convention Centre"
    if b - a > 2 and last == "District" and lex.org_cues.get(words[b - 2]) == "EducationalOrganization":
        return [
            Cand(a, b, "organization", "GovernmentOrganization", confidence=0.75)
        ]  # "... School District"
    body = _body_after_title(ctx, a, b)
    if body is not None:
        return body
    if b - a >= 2 and words[a] in lex.demonyms:
        branch = lookup.known(ctx, a + 1, b)
        entry = lex.orgs.get(" ".join(words[a + 1 : b])) if branch is not None else None
        if branch is not None and entry is not None and not entry.country:
            # "British Red Cross": a country's own body of an international movement, named whole
            home = lookup.country_name(lex, lex.demonyms[words[a]])
            return [Cand(a, b, "organization", entry.kind, confidence=0.8, nationality=home)]
    # cue words
    cue = _org_cue(ctx, a, b)
    if cue is not None:
        return [Cand(a, b, "organization", cue, confidence=0.75)]
    place_kind = lex.place_cues.get(last.lower())
    if place_kind is not None and b - a > 1:
        return [Cand(a, b, "place", place_kind, confidence=0.7)]
    # a run made of known pieces: "Canada Walmart", "Ecuador Peru"
    pieces = _split_known(ctx, a, b)
    if pieces is not None:
        return pieces
    if words[b - 1] in lex.demonyms:
        return []  # "North American": an adjective
    if words[a] in _DIRECTIONS and b - a >= 2:
        place = lookup.known(ctx, a + 1, b)
        if place is not None and place.kind == "place":
            return [Cand(a, b, "place", "Region", confidence=0.6)]  # "Northern Spain"
    if words[b - 1] in _COMPASS and b - a >= 2:
        place = lookup.known(ctx, a, b - 1)
        if place is not None and place.kind == "place" and place.subtype != "Country":
            return [Cand(a, b, "place", "Region", confidence=0.6)]  # "Kowloon West": a part of Kowloon
    for k in range(a + 1, b - 1):
        if words[k] in ("of", "for"):
            if (words[k - 1].lower(),) in lex.titles:
                if any(
                    (o := lookup.known(ctx, a, j)) is not None and o.kind == "organization"
                    for j in range(a + 1, k)
                ):
                    # "European Union High Representative for Foreign Affairs": an office
                    return [Cand(a, b, "organization", "GovernmentOrganization", confidence=0.6)]
                # a title phrase ("Regional Director for East Asia"): only its known places
                return _split_known(ctx, a, b, partial=True) or []
            # no cue made the whole a name: read the parts
            right = k + 2 if words[k + 1] == "the" else k + 1
            return classify(ctx, a, k) + classify(ctx, right, b)
    role = _role_only(ctx, a, b)
    if role is not None:
        return role
    split = _split_at_person(ctx, a, b)
    if split is not None:
        return split
    first = words[a]
    if b - a == 1:
        return _single(ctx, a)
    if first in lex.demonyms:
        return classify(ctx, a + 1, b)
    if (
        a > 0
        and words[a - 1] in _WORK_NOUNS
        and not (b < len(words) and words[b].islower() and words[b] not in _AFTER_HEAD)
    ):
        # "her novel Angel Quorbird on Monday": the title of a work, no person ("the book
        # Tom Reyes wrote" keeps its author: a lowercase verb follows)
        return []
    if (
        first in lex.given_names
        and not _determined_head(ctx, a, b)
        and lookup.name_like(ctx, words[a:b])
        and not any(ACRONYM_RE.match(w) and w not in SUFFIXES for w in words[a + 1 : b])
    ):
        # (an acronym inside makes a product or body: "Mac OS X", not a person)
        g = lex.given_names[first]
        return [Cand(a, b, "person", confidence=0.8, evidence=1, gender=g if g in ("m", "f") else None)]
    if all(w in lex.not_entities or w in lex.name_adjectives or w in lex.demonyms for w in words[a:b]):
        nxt = words[b] if b < len(words) else ""
        if b - a > 1 and all(w in lex.name_adjectives for w in words[a:b]) and (nxt,) in lex.titles:
            # "former Christian Democrat leader X": a party named by its adjectives
            return [Cand(a, b, "organization", "PoliticalParty", confidence=0.5)]
        return []
    return [Cand(a, b, None, confidence=0.4)]


#: Determiners and possessives before a noun phrase: "the", "their", "its".
_DETERMINERS = words_of("the a an its their his her our your this that these those")
#: Words after a noun phrase's head: punctuation and prepositions ("the X Factory near …").
_AFTER_HEAD = words_of('of near in at on for from with to by , . ; : ( ) "')


def _determined_head(ctx: Ctx, a: int, b: int) -> bool:
    """Whether a run is the head of a determined noun phrase: "their Everett Factory near …".

    A person's name takes no article or possessive before it, except as a
    modifier of a noun after it ("the Annie Reyes screen print", "an Ana
    Duarte and Tom Reyes exhibit"). A run after "the"/"their"/… and before
    punctuation, a preposition or the end names a thing, not a person.
    """
    words = ctx.words
    if a == 0 or words[a - 1].lower() not in _DETERMINERS:
        return False
    return b >= len(words) or words[b] in _AFTER_HEAD


def _body_after_title(ctx: Ctx, a: int, b: int) -> list[Cand] | None:
    """Read "Chairman of the Dorn Centre for X": the title's body, without the title.

    A run that opens with title words and "of" names an office; the words
    after "of" ("the Dorn Centre for X") are a body or place of their own,
    typed as such, and the title is no part of its name. Only when they make
    one organization or place; "Secretary of State" stays to the other rules.
    """
    words = ctx.words
    lex = ctx.lex
    k = a
    while k < b and ((words[k].lower(),) in lex.titles or words[k].lower() in lex.title_modifiers):
        k += 1
    if k == a or k + 2 >= b or words[k] != "of" or not any((w.lower(),) in lex.titles for w in words[a:k]):
        return None
    right = k + 2 if words[k + 1] == "the" else k + 1
    found = classify(ctx, right, b)
    whole = len(found) == 1 and (found[0].a, found[0].b) == (right, b)
    if whole and found[0].kind in ("organization", "place"):
        return found
    return None


def _role_only(ctx: Ctx, a: int, b: int) -> list[Cand] | None:
    """Read a title with no name after it ("the Prime Minister said", "the Dorn County Sheriff"): a role.

    A role names whoever holds it, not an organization; the attribution pass
    resolves it to the article's holder of that title. What stands before the
    title is kept only where the lists know it (the place or body the role
    belongs to); a run whose front no list knows is left to the other rules.
    """
    lower = [w.lower() for w in ctx.words[a:b]]
    span = title_span_before(lower, len(lower), ctx.lex)
    if span is None:
        return None
    start = a + span[0]
    if start == a:
        return []
    front = _split_known(ctx, a, start)
    return front if front is not None else None


def _heading(ctx: Ctx, a: int, b: int) -> list[Cand]:
    """Read an all-capitals run ("FRANCE WINS", "BUENOS AIRES"): only the names the lists know."""
    lex = ctx.lex
    words = ctx.words
    out: list[Cand] = []
    i = a
    while i < b:
        j = i + 1
        for k in range(b, i, -1):
            text = " ".join(words[i:k])
            name = " ".join(w.capitalize() for w in words[i:k])
            place = lex.places.get(name) or (lex.places.get(text) if k - i == 1 and len(text) > 2 else None)
            org = lex.orgs.get(text)
            if org is not None:
                out.append(Cand(i, k, "organization", org.kind, f"org:{org.name}", 0.8))
                j = k
                break
            if place is not None and "c" not in place.flags:
                out.append(
                    Cand(i, k, "place", place.kind, f"place:{place.name}", 0.8, place=place, name=place.name)
                )
                j = k
                break
        i = j
    return out


def _adherent(ctx: Ctx, word: str) -> bool:
    """Whether a capitalized word is a noun of adherents ("Quellist", "Vormanist"), no first name.

    English forms nouns for the followers of a faith, school or movement with
    "-ist"; one before a given name ("Scientologist Tom X") says what the
    person is, it is no part of the name. Census surnames ("Lindquist") aside.
    """
    return len(word) >= 6 and word.endswith("ist") and word not in ctx.lex.surnames


def _split_at_person(ctx: Ctx, a: int, b: int) -> list[Cand] | None:
    """Split "Apple Maps", "Peru Ana Duarte", "QB Tom Reyes" sensibly.

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
            and lookup.name_like(ctx, words[k:b])
            and words[k - 1] not in lex.given_names
        ):
            head = classify(ctx, a, k)
            g = lex.given_names[words[k]]
            gender = g if g in ("m", "f") else None
            if k - a == 1 and len(words[a]) == 2 and words[a][0].isupper() and words[a][1] == ".":
                # "L. Quorn Hubbel": an initial before the given name is part of the name
                return [Cand(a, b, "person", confidence=0.7, evidence=1, gender=gender)]
            if (
                k - a == 1
                and a not in ctx.starts
                and all(c.kind is None for c in head)
                and foreign_name_word(ctx, words[a])
                and not _adherent(ctx, words[a])
            ):
                # "by Hernan Dario Gomez": a first name the census lists lack, before one
                # they have, is part of the same name (at a sentence start it may as
                # well be a title no list has: "Archchancellor Mira Dalt")
                return [Cand(a, b, "person", confidence=0.7, evidence=1, gender=gender)]
            person = Cand(k, b, "person", confidence=0.7, evidence=1, gender=gender)
            return [c for c in head if c.kind is not None] + [person]
    for k in range(b - 2, max(a, b - 4), -1):
        # "Harbour Council Tamsin Oyelaran": an organization's cue word, then a name
        # whose words are no English words
        if (
            k - 1 > a
            and words[k - 1] in lex.org_cues
            and lookup.name_like(ctx, words[k:b])
            and not any(w.lower() in lex.english or w in lex.org_cues for w in words[k:b])
        ):
            head = classify(ctx, a, k)
            if any(c.kind == "organization" and c.b == k for c in head):
                return [c for c in head if c.kind is not None] + [
                    Cand(k, b, "person", confidence=0.6, evidence=1)
                ]
    if words[a] in lex.given_names:
        return None  # "Florence Duarte": a person, whatever town shares the first name
    for j in range(b - 1, a, -1):
        known = lookup.known(ctx, a, j)
        if known is None:
            continue
        if known.kind == "organization":
            return [known]
        if words[j] not in lex.given_names and b - j <= 2:
            if known.kind == "place" and _after_motion(ctx, a) and not _english(ctx, j, b):
                return [Cand(a, b, "place", "Landmark", confidence=0.5)]  # "flights out of Quell Dorvik"
            return [Cand(a, b, "organization", "Organization", confidence=0.5)]
        return None
    return None


#: Prepositions of motion or position before a place ("flew out of X", "landed at X").
_MOTION = words_of("at from into near via outside")


def _after_motion(ctx: Ctx, a: int) -> bool:
    """Whether run ``a`` follows a preposition of motion or position ("at X", "out of X")."""
    words = ctx.words
    prev = words[a - 1] if a > 0 else ""
    return prev in _MOTION or (prev == "of" and a >= 2 and words[a - 2] == "out")


def _english(ctx: Ctx, a: int, b: int) -> bool:
    """Whether any of words ``[a, b)`` is an English word ("United", "Globe")."""
    return any(w.lower() in ctx.lex.english for w in ctx.words[a:b])


def foreign_name_word(ctx: Ctx, word: str) -> bool:
    """Whether a lone capitalized word looks like a name word no list has: "Hernan", "Farouk".

    Title-case letters only (no acronym, no brand's inner capital), no English
    word, no cue, no demonym, nothing the lists know.
    """
    lex = ctx.lex
    return (
        len(word) > 2
        and word[0].isupper()
        and word[1:].islower()
        and word.isalpha()
        and word.lower() not in lex.english
        and word not in lex.not_entities
        and word not in lex.demonyms
        and word not in lex.name_adjectives
        and word not in lex.org_cues
        and word.lower() not in lex.place_cues
        and word not in lex.places
        and word not in lex.orgs
    )


def _org_cue(ctx: Ctx, a: int, b: int) -> str | None:
    """Return the organization kind a cue word in ``[a, b)`` gives, if any."""
    lex = ctx.lex
    words = ctx.words
    last = words[b - 1]
    if (last.lower(),) in lex.titles and b - a > 1 and words[b - 2] in lex.org_cues:
        return None  # "Assembly Speaker": a role; its body is typed on its own
    if "-" in last and last.rsplit("-", 1)[1] in lex.org_cues:
        last = last.rsplit("-", 1)[1]  # "Herald-Sun"
    if b - a == 1:
        return lex.org_cues.get(last) if last in _SINGLE_CUES else None
    first = words[a]
    if first in lex.org_cues and first.lower() not in lex.english and first not in lex.given_names:
        return lex.org_cues[first]  # a head word that comes first: "Instituto X", "Banco X"
    head = next(
        (
            lex.org_cues[words[k]]
            for k in range(a, b - 1)
            if words[k + 1] in ("of", "for") and words[k] in lex.org_cues
        ),
        None,
    )
    if last in lex.org_cues:
        if words[a] in lex.given_names and b - a == 2 and lex.org_cues[last] == "NewsMediaOrganization":
            return None  # "Dan Post": a person more likely than a paper
        if head is not None and lex.org_cues[last] == "Corporation":
            # a field word ends the name, the head before "of" says what the body is:
            # "Institute of Technology", "Ministry of Energy"
            return head
        return lex.org_cues[last]
    return head


def _split_known(ctx: Ctx, a: int, b: int, *, partial: bool = False) -> list[Cand] | None:
    """Split a run into known places/organizations when every word is covered.

    With ``partial``, keep whatever known pieces there are.
    """
    lex = ctx.lex
    out: list[Cand] = []
    i = a
    while i < b:
        found = None
        for j in range(b, i, -1):
            c = lookup.known(ctx, i, j)
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


def _single(ctx: Ctx, i: int) -> list[Cand]:
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
    if lookup.plural_demonym(lex, w) or (
        "-" in w and all(p in lex.demonyms or p in lex.places for p in w.split("-"))
    ):
        return []
    if ACRONYM_RE.match(w):
        if w in lex.thing_acronyms and not _member_of(ctx, i):
            return []  # "CPU", "LED": a device, a format or a measure, by WordNet
        return [Cand(i, i + 1, "organization", "Organization", confidence=0.6)]
    if CAMEL_RE.match(w) and not w.startswith("Mc") and not w.startswith("Mac"):
        return [Cand(i, i + 1, "organization", "Organization", confidence=0.6)]
    if _named_group(ctx, i):
        return [Cand(i, i + 1, "organization", "Organization", confidence=0.6)]
    return [Cand(i, i + 1, None, confidence=0.3)]


def _member_of(ctx: Ctx, i: int) -> bool:
    """Whether word ``i`` follows a name and "of"/"from": "Tom Reyes of ABM" names his body, whatever else."""
    words = ctx.words
    return i >= 2 and words[i - 1] in ("of", "from") and ctx.caps[i - 2] and not words[i - 2].isupper()


def _named_group(ctx: Ctx, i: int) -> bool:
    """Whether "the Quellers' ..." names a group: a capitalized plural owning something.

    A plural possessive after "the" is a group that holds or does things (a
    band, a club). Not a family ("the Smiths'": a surname), people of a place
    or a demonym ("the Peruvians'"), nor a plural of an English word.
    """
    words = ctx.words
    w = words[i]
    if not (w.endswith("s") and i > 0 and words[i - 1] == "the" and i + 1 < len(words)):
        return False
    if words[i + 1] not in ("'", "\u2019") or ctx.text[ctx.ends[i] : ctx.offs[i + 1]]:
        return False
    stem = w[:-1]
    lex = ctx.lex
    return not (
        stem.lower() in lex.english
        or w.lower() in lex.english
        or stem in lex.surnames
        or stem.rstrip("e") in lex.surnames
        or stem in lex.demonyms
        or lookup.plural_demonym(lex, w)
        or stem in lex.places
    )
