"""Readers: plain text with its sidecar, and HTML pages, each into a ``Document`` for the mapper."""
