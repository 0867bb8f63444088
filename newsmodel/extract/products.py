"""Products named like bodies: "Zorbix 3.5", "the Zorbix app", "install Zorbix", "Zorbix Pro".

A name no list or cue word typed is settled later as an organization when its
spelling looks like a brand ("MacBook", "Mac OS X"). Products and software are
spelled that way too, and news about technology names many of them. English
grammar marks a product where a body never stands: a release number right
after the name ("Zorbix 3.5"), a lowercase noun for a kind of software or
device right after it ("the Zorbix browser"), the object of a verb one only
does to software ("download Zorbix", "upgrade to Zorbix"), a model's tier
word closing a longer name ("Zorbix Pro", "Zorbix Mini"), and a kind of craft
closing one ("the Zorbix Space Telescope", "the Zorbix Rover"). One mention in such a
place makes every same-spelled untyped mention of the article a product: the
article names one thing by one name. Names a list, a company form ("Inc.") or
a cue word typed keep their type ("Quellsoft Inc. software").
"""

from __future__ import annotations

import re

from newsmodel.extract.candidates import Cand, Ctx, surface, words_of

__all__ = ["without_products"]

#: A release number: digits with at least one dot ("3.5", "10.6.2"), or "v2".
_VERSION_RE = re.compile(r"^(?:\d+(?:\.\d+)+|v\d+(?:\.\d+)*)$")
#: Lowercase nouns of kinds of software and devices that follow a product's name ("the X browser").
#: Not "phone" or "software" alone: a maker's name stands there too ("Quellcorp phones").
_KIND_NOUNS = words_of(
    "app apps browser browsers smartphone smartphones laptop laptops tablet tablets handset handsets "
    "console consoles firmware plugin plug-in plugins plug-ins smartwatch earbuds headset"
)
#: Verbs (all forms) whose object is software: "downloaded X", "installing X".
_SOFTWARE_VERBS = words_of(
    "download downloads downloaded downloading install installs installed installing "
    "uninstall uninstalls uninstalled uninstalling reinstall reinstalled"
)
#: Tier words that close a model's name ("X Pro", "X Mini"); never the end of a body's name.
_TIERS = words_of("Pro Max Mini Lite Ultra")
#: Kinds of craft that close a vehicle's or instrument's own name ("the X Space Telescope", "the
#: Y Rover"): a body is rarely named so. Only as the name's last word (after a name in lowercase a
#: maker stands as often, "a Quellcorp satellite"), and in a name of three words or after "the"
#: ("Land Rover" is a maker named after its model).
_CRAFT = words_of("Telescope Rover Lander Orbiter Probe Spacecraft Satellite")
#: Below this confidence a candidate was typed by its spelling or settles later; above, a cue typed it.
_OPEN = 0.7


def _open(c: Cand) -> bool:
    """Whether the candidate is untyped, or an organization only by its spelling."""
    return c.key is None and not c.title and c.confidence < _OPEN and c.kind in (None, "organization")


def _product_place(ctx: Ctx, c: Cand) -> bool:
    """Whether the mention stands where only a product stands (see the module docstring)."""
    words = ctx.words
    nxt = words[c.b] if c.b < len(words) else ""
    prev = words[c.a - 1] if c.a > 0 else ""
    if _VERSION_RE.match(nxt) or nxt in _KIND_NOUNS:
        return True
    if prev in _SOFTWARE_VERBS or (prev == "to" and c.a >= 2 and words[c.a - 2].startswith("upgrade")):
        return True
    if c.b - c.a >= 2 and words[c.b - 1] in _CRAFT:
        # three words, or two after "the": "Land Rover said" is a maker named for its model
        return c.b - c.a >= 3 or prev.lower() == "the"
    return c.b - c.a >= 2 and words[c.b - 1] in _TIERS


def without_products(ctx: Ctx, cands: list[Cand]) -> list[Cand]:
    """Drop the open candidates whose name the article uses once in a product's place."""
    products: set[str] = set()
    for c in cands:
        if _open(c) and _product_place(ctx, c):
            products.add(surface(ctx, c.a, c.b))
            if c.b - c.a >= 2 and ctx.words[c.b - 1] in _TIERS:
                products.add(surface(ctx, c.a, c.b - 1))  # "Zorbix Pro": "Zorbix" is the product too
    if not products:
        return cands
    return [c for c in cands if not (_open(c) and surface(ctx, c.a, c.b) in products)]
