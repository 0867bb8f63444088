"""Repair URLs from the wild into IRIs the model accepts, or say why they cannot be.

Real sidecars and pages carry URLs copied from address bars and CMS exports:
raw quotation marks, spaces, a lone ``%``, non-ASCII letters outside the
ranges RFC 3987 allows, a second ``#``. Refusing such an article loses a whole
article over one metadata field, so each component (user info, path, query,
fragment) has the characters RFC 3987 does not allow there percent-encoded
(as UTF-8, RFC 3986 section 2.1), and dot segments are removed as any client
resolving the URL would (RFC 3986 section 5.2.4). An IRI that is already
valid comes back byte-identical: nothing is re-encoded or normalized.

Only what has no faithful repair is refused, with the reason: no scheme (a
relative reference means something different on every base), a host with
characters no host can have, a port that is not a number, an IPv6 literal
host (which the model's IRI rule leaves out).

>>> repair_iri('https://example.org/wiki/The_"Best"_Plan')
'https://example.org/wiki/The_%22Best%22_Plan'
>>> repair_iri("https://example.org/a b?q=100%")
'https://example.org/a%20b?q=100%25'
>>> repair_iri("https://example.org/caf\u00e9")  # already a valid IRI: unchanged
'https://example.org/caf\u00e9'
"""

from __future__ import annotations

import re

from newsmodel.errors import ReadError
from newsmodel.iri import IRI_CHAR_CLASS, is_absolute_iri

__all__ = ["repair_iri"]

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_PCT = re.compile(r"%[0-9A-Fa-f]{2}")
_ALLOWED_CHAR = re.compile(f"[{IRI_CHAR_CLASS}]")
_PORT = re.compile(r"[0-9]*")
# Extra characters each component allows beside iunreserved, sub-delims and escapes.
_USERINFO_EXTRA = ":"
_PATH_EXTRA = ":@/"
_QUERY_EXTRA = ":@/?"


def repair_iri(text: str, *, where: str = "url") -> str:
    """``text`` as an absolute IRI the model accepts: unchanged when valid, else repaired.

    Raises ``ReadError`` naming ``where`` and the reason when no repair is faithful.
    """
    if is_absolute_iri(text):
        return text
    scheme_match = _SCHEME.match(text)
    if scheme_match is None:
        raise ReadError(f"{where}: {text!r} is not an absolute URL (no scheme such as 'https:')")
    scheme = scheme_match.group()
    rest = text[scheme_match.end() :]
    rest, fragment = _split(rest, "#")
    rest, query = _split(rest, "?")
    authority: str | None = None
    if rest.startswith("//"):
        end = next((i for i, c in enumerate(rest[2:], 2) if c == "/"), len(rest))
        authority, path = rest[2:end], rest[end:]
    else:
        path = rest
    out = [scheme]
    if authority is not None:
        out.append("//" + _authority(authority, text, where))
    path = _remove_dot_segments(_encode(path, _PATH_EXTRA))
    if authority is None and path.startswith("//"):
        raise ReadError(f"{where}: {text!r} has a path that starts with '//' and no host")
    out.append(path)
    if query is not None:
        out.append("?" + _encode(query, _QUERY_EXTRA))
    if fragment is not None:
        out.append("#" + _encode(fragment, _QUERY_EXTRA))
    repaired = "".join(out)
    if not is_absolute_iri(repaired):
        raise ReadError(f"{where}: {text!r} cannot be repaired into an absolute IRI (got {repaired!r})")
    return repaired


def _split(text: str, mark: str) -> tuple[str, str | None]:
    """Split at the first ``mark``: the part before and the part after (``None`` without one)."""
    at = text.find(mark)
    return (text, None) if at < 0 else (text[:at], text[at + 1 :])


def _authority(authority: str, text: str, where: str) -> str:
    """Encode the user info; refuse a host or port that no encoding makes right."""
    userinfo, _, hostport = authority.rpartition("@")
    if hostport.startswith("["):
        raise ReadError(f"{where}: {text!r} has an IPv6 literal host, which newsmodel IRIs do not allow")
    host, colon, port = hostport.partition(":")
    if colon and not _PORT.fullmatch(port):
        raise ReadError(f"{where}: {text!r} has a port that is not a number ({port!r})")
    for char in host:
        if char != "%" and not _ALLOWED_CHAR.match(char):
            raise ReadError(
                f"{where}: {text!r} has a host with the character {char!r}, which no host can hold"
            )
    prefix = _encode(userinfo, _USERINFO_EXTRA) + "@" if "@" in authority else ""
    return prefix + _encode(host, "") + colon + port


def _encode(part: str, extra: str) -> str:
    """Percent-encode every character of ``part`` that the component does not allow.

    A ``%`` that starts a well-formed escape is kept; any other ``%`` becomes ``%25``.
    """
    out: list[str] = []
    i = 0
    while i < len(part):
        char = part[i]
        if char == "%" and _PCT.match(part, i):
            out.append(part[i : i + 3])
            i += 3
            continue
        if char != "%" and (char in extra or _ALLOWED_CHAR.match(char)):
            out.append(char)
        else:
            out.append("".join(f"%{b:02X}" for b in char.encode("utf-8", "surrogatepass")))
        i += 1
    return "".join(out)


def _remove_dot_segments(path: str) -> str:
    """RFC 3986 section 5.2.4: ``/a/./b/../c`` becomes ``/a/c``, as a client resolves it."""
    if "." not in path:
        return path
    segments = path.split("/")
    if not any(s in (".", "..") for s in segments):
        return path
    out: list[str] = []
    for i, segment in enumerate(segments):
        last = i == len(segments) - 1
        if segment == ".":
            if last:
                out.append("")
        elif segment == "..":
            if len(out) > 1 or (out and out[0] != ""):
                out.pop()
            if last:
                out.append("")
        else:
            out.append(segment)
    result = "/".join(out)
    if path.startswith("/") and not result.startswith("/"):
        result = "/" + result
    return result
