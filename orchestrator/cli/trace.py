"""``orchestrator trace ...``: read-only views of the trace store (plus ``prune``). The
store and orchestrator.trace.report/diff return data; this module only renders it, with
rich on a terminal, plain text when piped or under NO_COLOR, JSON with ``--json``."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

import typer
from rich.console import Console, RenderableType
from rich.text import Text

from orchestrator.cli import trace_views as views
from orchestrator.cli.common import DataOpt, Status, run
from orchestrator.errors import InputError, TraceError

trace_app = typer.Typer(no_args_is_help=True, help="Inspect the traces of past runs: why did it say that, what changed?")

IdArg = typer.Argument(..., help="A trace id, a unique prefix of one, 'last' or 'last~N' (N runs before the last)")
JsonOpt = typer.Option(False, "--json", help="Print the data as JSON instead of a report")
HtmlOpt = typer.Option(..., "--html", help="Write the report as one self-contained HTML page")
PIPED_WIDTH = 120  # a pipe or file has no width; wide enough for the sources table


def console() -> Console:
    """Made per command so NO_COLOR and the terminal are read when the command runs; rich
    drops colour under NO_COLOR and when stdout is not a terminal."""
    probe = Console(highlight=False)
    if probe.is_terminal or os.environ.get("COLUMNS"):
        return probe
    return Console(highlight=False, width=PIPED_WIDTH)


def render(parts: Iterable[RenderableType], out: Console | None = None) -> None:
    """Lines of text are printed unwrapped (long URLs stay whole and clickable; the
    terminal folds them); tables are laid out to the width."""
    out = out or console()
    for part in parts:
        out.print(part, soft_wrap=isinstance(part, Text))


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, default=str) + "\n")


def _store(ctx: typer.Context, data_dir: Path | None):
    """The store for this invocation. ``ctx.obj['trace_store']`` (a factory taking the path)
    is the seam tests use to plug in a store that fails like a full disk."""
    from orchestrator.config import resolve_settings
    from orchestrator.trace.store import TraceStore

    factory: Callable = ctx.obj.get("trace_store", TraceStore) if isinstance(ctx.obj, dict) else TraceStore
    path = resolve_settings(data_dir=data_dir).trace_db
    if factory is TraceStore and not path.exists() and _could_be_made(path.parent):
        return _NoTraces(path)  # reading creates nothing: no folder, no database
    return run(lambda: factory(path))  # (a folder that can't be made is still said to be one)


def _could_be_made(folder: Path) -> bool:
    existing = next((p for p in (folder, *folder.parents) if p.exists()), None)
    return existing is None or existing.is_dir()


class _NoTraces:
    """The traces of a data directory no run has saved to: none, and nothing made to say so."""

    def __init__(self, path: Path):
        self.path = path

    def list(self, **_: Any) -> Sequence[dict[str, Any]]:
        return []

    def prune(self, *_: Any, **__: Any) -> Sequence[dict[str, Any]]:
        return []

    def get(self, ref: str) -> dict[str, Any]:
        from orchestrator.errors import TraceNotFound

        raise TraceNotFound(f"no trace with id {ref!r}: no run has saved a trace in {self.path.parent} yet")


def _get(ctx: typer.Context, data_dir: Path | None, trace_id: str) -> dict[str, Any]:
    store = _store(ctx, data_dir)
    return run(lambda: store.get(trace_id))


def _readable(action: Callable[[], Any], *traces: dict[str, Any]) -> Any:
    """``action()`` (building a report from stored traces). A row edited into valid JSON of
    another shape (citations a number, a status an object) breaks the report code, which
    trusts what this program wrote: say the trace is damaged in one line, not a traceback."""
    def guarded():
        try:
            return action()
        except (TypeError, AttributeError, KeyError, IndexError, ValueError) as exc:
            ids = " or ".join(str(t.get("id")) for t in traces)
            raise TraceError(f"trace {ids} is damaged: a stored part has an unexpected shape "
                             f"({type(exc).__name__}: {str(exc).splitlines()[0][:120] if str(exc) else ''})") from exc
    return run(guarded)


@trace_app.command("list")
def trace_list(
    ctx: typer.Context,
    limit: int = typer.Option(20, "--limit", min=1, help="How many traces, newest first"),
    status: Status | None = typer.Option(None, "--status", help="Only this status"),
    since: str | None = typer.Option(None, "--since", help="Only runs since DATE (YYYY-MM-DD, ISO datetime) or an age (7d, 12h)"),
    question: str | None = typer.Option(None, "--question", help="Only questions containing TEXT (case-insensitive)"),
    as_json: bool = JsonOpt, data_dir: Path | None = DataOpt,
) -> None:
    """The most recent runs."""
    from orchestrator.api import valid_text
    from orchestrator.trace.timespec import parse_since

    since_at = run(lambda: parse_since(since)) if since else None
    if question is not None:
        given = question
        question = run(lambda: valid_text("--question", given))
    store = _store(ctx, data_dir)
    rows = run(lambda: store.list(limit=limit, status=status.value if status else None, since=since_at, question=question))
    if as_json:
        return emit_json(rows)
    render([views.trace_list(rows)])


@trace_app.command("show")
def trace_show(ctx: typer.Context, trace_id: str = IdArg, as_json: bool = JsonOpt, data_dir: Path | None = DataOpt) -> None:
    """One run: header, timeline, sources, cross-check, model calls, answer, warnings."""
    from orchestrator.trace.report import build_report

    trace = _get(ctx, data_dir, trace_id)
    if as_json:
        return emit_json(trace)
    out = console()
    _readable(lambda: render(views.report(build_report(trace), width=out.width), out), trace)


@trace_app.command("sources")
def trace_sources(ctx: typer.Context, trace_id: str = IdArg, as_json: bool = JsonOpt, data_dir: Path | None = DataOpt) -> None:
    """Every search and page of one run in full, and the cross-check with every opposing source."""
    from orchestrator.trace.report import cross_check, searches, sources

    trace = _get(ctx, data_dir, trace_id)
    data = _readable(lambda: {"id": trace["id"], "searches": searches(trace), "sources": sources(trace),
                              "cross_check": cross_check(trace)}, trace)
    if as_json:
        return emit_json(data)
    _readable(lambda: render([views.searches(data["searches"]), *views.source_cards(data["sources"]),
                              *views.cross_check(data["cross_check"], limit=None, values=None)]), trace)


@trace_app.command("prompts")
def trace_prompts(ctx: typer.Context, trace_id: str = IdArg, as_json: bool = JsonOpt, data_dir: Path | None = DataOpt) -> None:
    """Every model call of one run: the full prompt, the output, tokens and time."""
    from orchestrator.trace.report import model_calls

    trace = _get(ctx, data_dir, trace_id)
    calls = _readable(lambda: model_calls(trace), trace)
    if as_json:
        return emit_json({"id": trace["id"], "model_calls": calls})
    _readable(lambda: render(views.prompts(calls, trace["config"].get("use_model"))), trace)


@trace_app.command("diff")
def trace_diff(ctx: typer.Context, a: str = typer.Argument(..., help="The earlier trace (id, prefix, last~N)"),
               b: str = typer.Argument(..., help="The later trace (id, prefix, last)"),
               as_json: bool = JsonOpt, data_dir: Path | None = DataOpt) -> None:
    """What differs between two runs: answer, citations, sources, candidate values, timings."""
    from orchestrator.trace.diff import diff_traces

    first, second = _get(ctx, data_dir, a), _get(ctx, data_dir, b)
    result = _readable(lambda: diff_traces(first, second), first, second)
    if as_json:
        return emit_json(result)
    _readable(lambda: render(views.diff(result)), first, second)


@trace_app.command("export")
def trace_export(ctx: typer.Context, trace_id: str = IdArg,
                 html: Path = HtmlOpt,
                 as_json: bool = typer.Option(False, "--json", help="Print what was written ({id, path, bytes}) as JSON "
                                              "instead of a line; the page is written either way"),
                 data_dir: Path | None = DataOpt) -> None:
    """Write one run's report as a self-contained HTML page, for sharing."""
    from orchestrator.cli.trace_html import render_page
    from orchestrator.trace.report import build_report

    trace = _get(ctx, data_dir, trace_id)
    page = _readable(lambda: render_page(build_report(trace)), trace)

    def write() -> int:
        try:
            return html.write_bytes(page.encode("utf-8"))
        except OSError as exc:
            raise InputError(f"--html {html}: cannot write it ({exc.strerror or exc})") from exc  # the path given, not the store

    size = run(write)
    if as_json:
        return emit_json({"id": trace["id"], "path": str(html), "bytes": size})
    render([views.T(f"wrote {html} ({size:,} bytes) for trace {trace['id']}")])


def _above_zero(age: timedelta, text: str) -> timedelta:
    """Age zero is every run ever recorded: a slip must not lose them all."""
    if age.total_seconds() <= 0:
        raise InputError(f"--older-than {text} would delete every trace; give an age above zero, e.g. 1d")
    return age


@trace_app.command("prune")
def trace_prune(ctx: typer.Context,
                older_than: str = typer.Option(..., "--older-than", help="Delete runs older than this age: a number and s, m (minutes), h, d or w, e.g. 30d, 12h, 2w"),
                dry_run: bool = typer.Option(False, "--dry-run", help="Only list the runs that would be deleted"),
                as_json: bool = JsonOpt, data_dir: Path | None = DataOpt) -> None:
    """Delete old traces, listing each one deleted."""
    from orchestrator.trace.timespec import parse_age

    age = run(lambda: _above_zero(parse_age(older_than), older_than))
    store = _store(ctx, data_dir)
    rows = run(lambda: store.prune(age, dry_run=dry_run))
    if as_json:
        return emit_json({"deleted": 0 if dry_run else len(rows), "older_than": older_than, "dry_run": dry_run,
                          "traces": rows})
    count = f"{len(rows)} trace{'s' if len(rows) != 1 else ''} older than {older_than}"
    render([*([views.trace_list(rows)] if rows else []),
            views.T(f"would delete {count} (dry run: nothing deleted)" if dry_run else f"deleted {count}")])


def register_commands(cli: typer.Typer) -> None:
    cli.add_typer(trace_app, name="trace")
