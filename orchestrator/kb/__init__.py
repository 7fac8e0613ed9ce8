"""Knowledge bases: documents indexed for full-text search (SQLite FTS5, BM25), searched
offline like the web by the ``kb`` source kind (sources/kb.py)."""

from orchestrator.kb.catalog import find, known_names, open_kb
from orchestrator.kb.index import Document, Hit, KnowledgeBase

__all__ = ["Document", "Hit", "KnowledgeBase", "find", "known_names", "open_kb"]
