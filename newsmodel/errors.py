"""The exception tree of newsmodel.

Every error the library raises on purpose is a :class:`NewsmodelError`, so a
caller can catch one class and know it never swallows a programming bug.
Third-party exceptions are wrapped (``raise ... from exc``) so the cause stays
visible in the traceback.

::

    NewsmodelError
     ├── ReadError            input cannot be read: empty, binary, undecodable, too large
     ├── ModelError           a model invariant failed at construction (also a ValueError)
     ├── ExtractionError      the mapper could not build an article from a readable input
     ├── PipelineError        a mapper pipeline was built or changed wrongly: an unknown
     │                        or repeated stage name, a stage that is not callable
     ├── FormatError          unknown format, or a document that does not parse
     ├── ValidationError      a document breaks the JSON Schema or SHACL shapes;
     │                        ``.errors`` lists every (path, message)
     ├── LintError            a lint could not run (the findings themselves are data)
     └── StoreError           a triple store refused, failed or could not be reached
          ├── StoreUnavailable  connection refused, timed out, or the store is locked
          └── AccessDenied      the server refused the request: credentials refused or lacking rights
               └── CredentialsRequired  no credentials were sent, and the server wants some
"""

from __future__ import annotations

__all__ = [
    "AccessDenied",
    "CredentialsRequired",
    "ExtractionError",
    "FormatError",
    "LintError",
    "ModelError",
    "NewsmodelError",
    "PipelineError",
    "ReadError",
    "StoreError",
    "StoreUnavailable",
    "ValidationError",
]


class NewsmodelError(Exception):
    """Root of every error newsmodel raises on purpose."""


class ReadError(NewsmodelError):
    """An input could not be read as an article (empty, binary, undecodable, too large)."""


class ModelError(NewsmodelError, ValueError):
    """A model object was built with values that break one of its invariants."""


class ExtractionError(NewsmodelError):
    """The mapper failed on an input that was readable."""


class PipelineError(NewsmodelError):
    """A mapper pipeline was built or changed wrongly: an unknown or repeated name, a stage not callable."""


class FormatError(NewsmodelError):
    """A format name is unknown, or a document in a known format does not parse."""


class ValidationError(NewsmodelError):
    """A document breaks its schema; ``errors`` holds every ``(path, message)`` pair.

    >>> err = ValidationError("bad article", [("$.headline", "'' is too short")])
    >>> print(err)
    bad article: $.headline: '' is too short
    """

    #: How many errors the one-line message shows; ``errors`` keeps them all.
    SHOWN = 5

    def __init__(self, message: str, errors: list[tuple[str, str]] | None = None) -> None:
        self.message = message
        self.errors: list[tuple[str, str]] = list(errors or [])
        shown = "; ".join(f"{path}: {msg}" for path, msg in self.errors[: self.SHOWN])
        more = len(self.errors) - self.SHOWN
        details = shown + (f"; and {more} more" if more > 0 else "")
        super().__init__(f"{message}: {details}" if details else message)


class LintError(NewsmodelError):
    """A lint could not run on its input (the findings of a lint are not errors)."""


class StoreError(NewsmodelError):
    """A triple store refused a request, failed, or answered something unreadable."""


class StoreUnavailable(StoreError):
    """A store could not be reached or opened: refused, timed out, or locked."""


class AccessDenied(StoreError):
    """A server refused the request (HTTP 401 or 403): bad credentials, or a user without the right."""


class CredentialsRequired(AccessDenied):
    """A server refused a request sent without credentials (HTTP 401 or 403): it needs a user."""
