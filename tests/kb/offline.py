"""Questions asked of a documents file the test writes, offline: the knowledge base is the
only source, no model, and any connection attempt fails."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from orchestrator.api import ask
from orchestrator.net.limited import NoNetworkTransport


def documents_file(path: Path, docs: list[dict]) -> Path:
    """``docs`` written one JSON document a line, as `kb add` reads them."""
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return path


def ask_offline(question: str, docs: Path, now: datetime, **options):
    return ask(question, knowledge_base=docs, sources=["kb"], transport=NoNetworkTransport(), now=now,
               use_model=False, **options)
