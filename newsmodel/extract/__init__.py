"""The mapper: extractors that turn a read ``Document`` into a ``NewsArticle`` (see ``mapper.py``)."""
