"""``orchestrator record``: answer a question live and keep everything fetched as a pack."""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, datetime
from pathlib import Path

from orchestrator.answer import Answer
from orchestrator.api import aask, clean_question
from orchestrator.config import resolve_settings
from orchestrator.errors import InputError, NothingRecorded
from orchestrator.net.client import live_transport
from orchestrator.net.replay import RecordingTransport
from orchestrator.replay.pack import write_pack


def _writable_folder(out_dir: Path) -> None:
    """An InputError, before the live run, where no pack can be written at ``out_dir`` (under
    a file, in a read-only folder, in "/proc"): what was fetched would be lost after it."""
    created = not out_dir.exists()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        probe = out_dir / ".orchestrator-write-check"
        probe.touch()
        probe.unlink()
    except OSError as exc:
        raise InputError(f"--out {out_dir} cannot be written: {exc.strerror or exc}") from None
    if created:
        out_dir.rmdir()


_PACK_ID = re.compile(r"(?!\.\.?$)[\w.-]+")


def record_pack(question: str, out_dir: Path, *, pack_id: str | None = None, **config) -> Answer:
    question = clean_question(question)
    if pack_id is not None and not _PACK_ID.fullmatch(pack_id):  # PACKS.md: the id is also a directory's name
        raise InputError(f"--id {pack_id!r} is no pack name: letters, digits, '.', '_' and '-' only, not '.' or '..'")
    if (out_dir / "case.json").exists():
        raise InputError(f"{out_dir} already holds a pack; choose another --out")
    if out_dir.exists() and not out_dir.is_dir():  # found out before the live run, not after it
        raise InputError(f"--out {out_dir} is a file; a pack is a directory")
    _writable_folder(out_dir)
    settings = resolve_settings(model=config.get("model"), llm_url=config.get("llm_url"), searxng=config.get("searxng"),
                                policy=config.get("policy"), data_dir=config.get("data_dir"))
    asked_at = datetime.now(UTC).replace(microsecond=0)
    transport = RecordingTransport(live_transport(exempt=(settings.searxng_url, settings.llm_url)))
    answer = asyncio.run(aask(question, now=asked_at, transport=transport, **config))
    if not transport.interactions:
        why = "; ".join(answer.warnings[:1]) or "no request was answered"
        raise NothingRecorded(f"nothing was recorded ({why}); no pack written. Is the search at "
                              f"{settings.searxng_url} reachable?")
    case = {
        "id": pack_id or re.sub(r"[^\w.-]+", "-", out_dir.name),
        "question": question,
        "asked_at": asked_at.isoformat(),
        "language": None,
        "search": {"provider": "searxng", "base_url": settings.searxng_url},
        "origin": f"recorded live by orchestrator record on {asked_at.date()}",
    }
    write_pack(out_dir, {k: v for k, v in case.items() if v is not None}, transport.interactions)
    return answer
