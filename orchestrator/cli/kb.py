"""``orchestrator kb add|list|search|remove``: knowledge bases (orchestrator/kb/). Only
presentation lives here."""

from __future__ import annotations

import json
import sys
import time
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import typer
from rich.table import Table

from orchestrator.cli.common import DataOpt, JsonOpt, err, out, run, sigterm_unwinds
from orchestrator.errors import KnowledgeBaseError
from orchestrator.moments import moment

kb_app = typer.Typer(no_args_is_help=True, help="Knowledge bases: documents indexed for offline full-text search "
                                                 "(SQLite FTS5, BM25), searched like the web.")


def _home(data_dir: Path | None) -> Path:
    from orchestrator.config import resolve_settings

    return resolve_settings(data_dir=data_dir).data_dir


@contextmanager
def ingest_progress(total: int, label: str):
    """A progress bar over ``total`` bytes on a terminal's stderr; elsewhere nothing. Yields
    the ``advance(bytes)`` callback the readers call."""
    if not err.is_terminal or total <= 0:
        yield None
        return
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TimeRemainingColumn(),
                  console=err, transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda n: bar.advance(task, n)


@kb_app.command("add")
def add(
    name: str = typer.Argument(..., help="The knowledge base (made if new)"),
    paths: list[Path] = typer.Argument(..., help="JSONL (.jsonl, .jsonl.gz: url, title, text, published_at, publisher), "
                                                 "HTML or Markdown files, or folders of them"),
    tier: str | None = typer.Option(None, "--tier", help="The policy tier its documents count as: official, media or other "
                                                         "(default: each document's by its URL)"),
    data_dir: Path | None = DataOpt, as_json: bool = JsonOpt,
) -> None:
    """Add documents to knowledge base NAME; a document whose URL is already there replaces it."""
    from orchestrator.kb import catalog
    from orchestrator.kb.documents import other_files

    empty: list[str] = []  # documents with no text, left out

    def action():
        home = _home(data_dir)
        catalog.check_name(name)
        total = catalog.total_bytes(paths)
        # (the tier it had, or None when the base is new)
        before = (catalog.open_kb(name, home).tier or "by URL") if name in catalog.user_names(home) else None
        started = time.perf_counter()
        with ingest_progress(total, f"indexing {name}") as advance:
            kb, added = catalog.add(name, paths, home, tier=tier, advance=advance, empty=empty)
        return kb, added, time.perf_counter() - started, before

    with sigterm_unwinds():  # a terminated add rolls back as an interrupted one does
        kb, added, seconds, before = run(action)
    info = run(kb.info)
    if before is not None and tier is not None and tier != before:  # the base's tier: earlier documents take it too
        err.print(f"note: every document of {name} now counts as {tier} (was {before}), "
                  f"the {info['documents'] - added.added} added before included", markup=False)
    for left_out, what, why in ((other_files(paths), "file", "not JSONL, HTML or Markdown"), (empty, "document", "with no text")):
        if left_out:
            shown = ", ".join(map(str, left_out[:3])) + (f" and {len(left_out) - 3} more" if len(left_out) > 3 else "")
            err.print(f"note: {len(left_out)} {what}{'s' if len(left_out) != 1 else ''} left out, {why}: {shown}",
                      markup=False)
    if as_json:
        sys.stdout.write(json.dumps({"name": name, "added": added.added, "replaced": added.replaced,
                                     "unchanged": added.unchanged, "documents": info["documents"],
                                     "seconds": round(seconds, 2)}) + "\n")
    else:
        out.print(f"{name}: {added.added} added, {added.replaced} replaced, {added.unchanged} unchanged; "
                  f"{_documents(info['documents'])} ({seconds:.1f} s)", markup=False)


@kb_app.command("list")
def list_(data_dir: Path | None = DataOpt, as_json: bool = JsonOpt) -> None:
    """Every knowledge base: yours and the shipped examples."""
    from orchestrator.kb import catalog

    def action():
        home = _home(data_dir)
        rows = []
        for name in catalog.known_names(home):
            kb = catalog.find(name, home)
            assert kb is not None
            origin = "yours" if name in catalog.user_names(home) else "example"
            try:
                rows.append({**kb.info(), "origin": origin})
            except KnowledgeBaseError as exc:  # one unreadable file leaves the others listed
                rows.append({"name": name, "origin": origin, "error": str(exc)})
        return rows

    rows = run(action)
    broken = [r for r in rows if "error" in r]
    if as_json:
        sys.stdout.write(json.dumps(rows) + "\n")
        if broken:
            raise typer.Exit(KnowledgeBaseError.exit_code)
        return
    table = Table(title="knowledge bases")
    for column in ("name", "origin", "documents", "tier", "oldest", "newest", "size"):
        table.add_column(column, justify="right" if column in ("documents", "size") else "left")
    for r in rows:
        if "error" in r:
            table.add_row(r["name"], r["origin"], "-", "-", "-", "-", "-")
            continue
        table.add_row(r["name"], r["origin"], str(r["documents"]), r["tier"] or "by URL", r["oldest"] or "-",
                      r["newest"] or "-", f"{r['bytes'] / 1024:.0f} KiB")
    out.print(table)
    for r in broken:
        err.print(f"error: {r['error']}", markup=False)
    if broken:
        raise typer.Exit(KnowledgeBaseError.exit_code)


@kb_app.command("search")
def search(
    name: str = typer.Argument(..., help="A knowledge base, or a documents file or folder (indexed on first use)"),
    query: str = typer.Argument(..., help="Words to search for; the documents holding a phrase in quotes (\"Washington, DC\") come first"),
    before: str | None = typer.Option(None, "--before", help="Only documents published on or before this day (YYYY-MM-DD, or an ISO 8601 date-time: its day)"),
    after: str | None = typer.Option(None, "--after", help="Only documents published on or after this day (YYYY-MM-DD, or an ISO 8601 date-time: its day)"),
    limit: int = typer.Option(10, "--limit", min=1, max=100, help="How many documents"),
    data_dir: Path | None = DataOpt, as_json: bool = JsonOpt,
) -> None:
    """The documents of NAME that best match QUERY (BM25), best first."""
    from orchestrator.errors import InputError
    from orchestrator.kb import catalog
    from orchestrator.kb.index import timed_search
    from orchestrator.kb.query import match_expression

    def action():
        def day(option: str, value: str | None) -> date | None:
            when = moment(option, value)  # documents are dated by the day: a date-time's day
            return when.date() if when else None

        if not query.strip():
            raise InputError("the query is empty")
        bounds = {"before": day("--before", before), "after": day("--after", after)}
        if bounds["before"] and bounds["after"] and bounds["after"] > bounds["before"]:
            raise InputError(f"--after {after} is later than --before {before}: no document can match")
        kb = catalog.open_kb(name, _home(data_dir))
        if match_expression(query) is None:  # no word is searched: "no documents match" would mislead
            raise InputError(f"nothing to search for in {query[:60]!r}: every word is a stop word (the, of, who, ...) "
                             "or a single letter")
        return timed_search(kb, query, limit=limit, **bounds)

    hits, ms = run(action)
    if as_json:
        sys.stdout.write(json.dumps({"ms": round(ms, 2), "hits": [
            {"url": h.document.url, "title": h.document.title, "published_at": h.document.published,
             "publisher": h.document.publisher, "score": float(f"{-h.score:.4g}"), "snippet": " ".join(h.document.text.split())[:240]}
            for h in hits]}, ensure_ascii=False) + "\n")
        return
    if not hits:
        err.print(f"no documents match ({ms:.1f} ms)", markup=False)
        return
    for n, h in enumerate(hits, start=1):
        d = h.document
        out.print(f"[{n}] {d.title or d.url} · {d.publisher or '-'} · {d.published or 'undated'} · score {-h.score:.3g}",
                  markup=False, soft_wrap=True)
        out.print(f"    {d.url}", markup=False, soft_wrap=True)
        out.print(f"    {' '.join(d.text.split())[:200]}", markup=False, style="dim")
    out.file.flush()  # the hits before the count line where both streams share one pipe ("2>&1")
    err.print(f"{_documents(len(hits))} in {ms:.1f} ms", markup=False, style="dim")


@kb_app.command("remove")
def remove(name: str = typer.Argument(..., help="Your knowledge base to delete"), data_dir: Path | None = DataOpt,
           as_json: bool = JsonOpt) -> None:
    """Delete knowledge base NAME (a shipped example of that name stays available)."""
    from orchestrator.errors import KnowledgeBaseError
    from orchestrator.kb import catalog

    def action():
        home = _home(data_dir)
        if not catalog.remove(name, home):
            yours = catalog.user_names(home)
            raise KnowledgeBaseError(f"no knowledge base {name!r} of yours to remove; yours are "
                                     f"{', '.join(yours) if yours else '(none)'}")

    run(action)
    if as_json:
        sys.stdout.write(json.dumps({"removed": name}) + "\n")
    else:
        out.print(f"removed {name}", markup=False)


def _documents(count: int) -> str:
    return f"{count} document{'' if count == 1 else 's'}"


def register_commands(cli: typer.Typer) -> None:
    cli.add_typer(kb_app, name="kb")
