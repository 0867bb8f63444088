"""The IRI rule: which IRIs the model accepts, one rule for every format.

An IRI in the model must survive every format newsmodel writes and every
parser that reads them back: absolute (a graph of relative references means
something different on every base), RFC 3987 syntax as Oxigraph reads it,
no ``.``/``..`` segments (strict RDF parsers resolve them away), and no scheme
that schema.org's JSON-LD context defines as a prefix (a JSON-LD processor
would expand ``time:x`` as a compact IRI). The model's validators, the JSON
Schema (``tools/gen_schema.py`` turns these patterns into its ``pattern``
keywords) and :mod:`newsmodel.iri_repair` all read this one module, so the
three can never disagree.

>>> is_absolute_iri("https://example.org/caf\u00e9"), is_absolute_iri("https://example.org/a b")
(True, False)
"""

from __future__ import annotations

import re

__all__ = [
    "IRI_CHAR_CLASS",
    "IRI_CONTEXT_PREFIX_PATTERN",
    "IRI_DOT_SEGMENT_PATTERN",
    "IRI_PATTERN",
    "is_absolute_iri",
    "is_web_url",
]


def _ucs_class() -> str:
    r"""RFC 3987's ``ucschar`` ranges (BMP) less every whitespace character, as ``\\uXXXX`` ranges.

    Written with escapes so that one pattern serves Python's ``re`` and the
    JSON Schema's ECMA-262 regex alike.
    """
    allowed = [
        c
        for lo, hi in ((0xA0, 0xD7FF), (0xF900, 0xFDCF), (0xFDF0, 0xFFEF))
        for c in range(lo, hi + 1)
        if not chr(c).isspace()
    ]
    parts, start, prev = [], allowed[0], allowed[0]
    for c in [*allowed[1:], -1]:
        if c != prev + 1:
            parts.append(f"\\u{start:04x}" if start == prev else f"\\u{start:04x}-\\u{prev:04x}")
            start = c
        prev = c
    return "".join(parts)


_U = "A-Za-z0-9\\-._~!$&'()*+,;=" + _ucs_class()  # iunreserved and sub-delims
#: The characters (a regex class body) that RFC 3987 allows anywhere in an IRI
#: component: iunreserved, sub-delims and ``ucschar`` of the BMP less whitespace.
IRI_CHAR_CLASS = _U
_PCT = "%[0-9A-Fa-f]{2}"


def _iri_pattern(*, possessive: bool) -> str:
    """The absolute-IRI pattern; ``possessive`` makes each run of allowed characters one step.

    The plain form (``IRI_PATTERN``) is what the JSON Schema carries, since
    ECMA-262 has no possessive quantifiers. Python checks every IRI of every
    article with the possessive form, which matches exactly the same strings
    (each run is followed by a delimiter its class cannot hold: ``@``, ``:``,
    ``/``, ``?``, ``#`` or the end, and ``%`` starts every escape) but takes a
    whole run of allowed characters at once instead of one alternation per
    character, with nothing to backtrack into.
    """
    run, star = ("++", "*+") if possessive else ("", "*")

    def chars(extra: str) -> str:
        return f"(?:[{_U}{extra}]{run}|{_PCT}){star}"

    return (
        "[A-Za-z][A-Za-z0-9+.\\-]*:"
        f"(?://(?:{chars(':')}@)?{chars('')}(?::[0-9]*)?(?:/{chars(':@/')})?"
        f"|/?(?:(?:[{_U}:@]|{_PCT}){chars(':@/')})?)"  # no authority: no leading "//"
        f"(?:\\?{chars(':@/?')})?"
        f"(?:#{chars(':@/?')})?"
    )


#: An absolute IRI as RFC 3987 (and so Oxigraph) reads it: a scheme, an optional
#: authority whose port is digits, a path, a query and one fragment, with
#: percent-escapes well formed; no whitespace, no ``[ ] < > " { } | \\ ^ ` ``
#: (so no IPv6 literal hosts).
#: Relative references are refused on purpose: an RDF graph made of them
#: means something different on every base. ``tools/gen_schema.py`` reuses it.
IRI_PATTERN = _iri_pattern(possessive=False)
_IRI = re.compile(_iri_pattern(possessive=True))
#: ``.`` and ``..`` path segments: valid IRI syntax, but strict RDF parsers
#: resolve them away (``a/../b`` becomes ``b``), so the graph would change.
IRI_DOT_SEGMENT_PATTERN = r"[A-Za-z][A-Za-z0-9+.\-]*:(?:[^?#]*/)?\.\.?(?:[/?#]|$)"
#: Schemes that schema.org's JSON-LD context defines as prefixes: a JSON-LD
#: processor reads ``time:x`` as a compact IRI and expands it, so such an IRI
#: would not survive the trip through JSON-LD.
_CONTEXT_PREFIXES = (
    "bibo",
    "brick",
    "cmns-cls",
    "cmns-col",
    "cmns-dt",
    "cmns-ge",
    "cmns-id",
    "cmns-loc",
    "cmns-q",
    "cmns-txt",
    "csvw",
    "dc",
    "dcam",
    "dcat",
    "dcmitype",
    "dct",
    "dcterms",
    "dctype",
    "doap",
    "eli",
    "fibo-[a-z-]+",
    "foaf",
    "gleif-L1",
    "gs1",
    "hydra",
    "lcc-[0-9a-z-]+",
    "lrmoo",
    "mo",
    "odrl",
    "og",
    "org",
    "owl",
    "prof",
    "prov",
    "qb",
    "rdf",
    "rdfs",
    "sarif",
    "schema",
    "sh",
    "skos",
    "snomed",
    "sosa",
    "ssn",
    "time",
    "unece",
    "vann",
    "vcard",
    "void",
    "xsd",
)
IRI_CONTEXT_PREFIX_PATTERN = "(?:" + "|".join(_CONTEXT_PREFIXES) + "):(?:[^/]|/[^/]|/?$)"
_IRI_DOT_SEGMENT = re.compile(IRI_DOT_SEGMENT_PATTERN)
_IRI_CONTEXT_PREFIX = re.compile(IRI_CONTEXT_PREFIX_PATTERN)


def is_absolute_iri(value: object) -> bool:
    """Whether ``value`` is an IRI the model accepts: absolute, RFC 3987, stable in every format.

    >>> is_absolute_iri("https://example.org/a/b"), is_absolute_iri("example.org/a")
    (True, False)
    >>> is_absolute_iri("https://example.org/a/../b"), is_absolute_iri("time:x")
    (False, False)
    """
    return (
        isinstance(value, str)
        and _IRI.fullmatch(value) is not None
        and not (("/." in value or ":." in value) and _IRI_DOT_SEGMENT.match(value))  # a dot follows one
        and _IRI_CONTEXT_PREFIX.match(value) is None
    )


def is_web_url(value: str) -> bool:
    """Whether ``value`` is an absolute ``http:`` or ``https:`` IRI, the only kind a page may link to.

    ``url`` values become ``href`` and ``src`` attributes in pages and are
    followed by search engines: a ``javascript:``, ``data:`` or ``vbscript:``
    URL there would run code in a reader's browser.

    >>> is_web_url("https://example.org/a"), is_web_url("javascript:alert(1)")
    (True, False)
    """
    return value[:7].lower() == "http://" or value[:8].lower() == "https://"
