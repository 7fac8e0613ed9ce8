"""``orchestrator trace ...``: read-only views of the trace store."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from orchestrator.cli import DataOpt, _run, out, print_answer

trace_app = typer.Typer(no_args_is_help=True, help="Inspect the traces of past runs.")


def _store(data_dir: Optional[Path]):
    from orchestrator.config import resolve_settings
    from orchestrator.trace.store import TraceStore

    return _run(lambda: TraceStore(resolve_settings(data_dir=data_dir).trace_db))


@trace_app.command("list")
def trace_list(
    limit: int = typer.Option(20, "--limit", help="How many traces, newest first"),
    status: Optional[str] = typer.Option(None, "--status", help="Only this status (answered, abstained, conflict, local)"),
    as_json: bool = typer.Option(False, "--json"), data_dir: Optional[Path] = DataOpt,
) -> None:
    """The most recent runs."""
    rows = _run(lambda: _store(data_dir).list(limit=limit, status=status))
    if as_json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False) + "\n")
        return
    table = Table()
    for column in ("id", "created", "status", "ms", "question"):
        table.add_column(column)
    for row in rows:
        table.add_row(row["id"], row["created_at"], row["status"], f"{row['total_ms']:.0f}", row["question"][:70])
    out.print(table)


@trace_app.command("show")
def trace_show(trace_id: str = typer.Argument(..., help="A trace id, or 'last'"),
               as_json: bool = typer.Option(False, "--json"), data_dir: Optional[Path] = DataOpt) -> None:
    """One run in full: nodes with timings, fetches, candidates, model calls, answer."""
    trace = _run(lambda: _store(data_dir).get(trace_id))
    if as_json:
        sys.stdout.write(json.dumps(trace, ensure_ascii=False, default=str) + "\n")
        return
    out.print(f"[bold]{trace['id']}[/]  {trace['status']}  {trace['total_ms']:.0f} ms  asked_at {trace['asked_at']}")
    out.print(trace["question"], markup=False)
    nodes = Table(title="nodes")
    for column in ("node", "ms", "output"):
        nodes.add_column(column)
    for node in trace["nodes"]:
        nodes.add_row(node["name"], f"{node['ms']:.0f}", str(node.get("output", ""))[:90])
    out.print(nodes)
    fetches = Table(title="sources")
    for column in ("kind", "status", "tier", "published", "ms", "failure", "url"):
        fetches.add_column(column)
    for f in trace["fetches"]:
        fetches.add_row(f.get("kind", ""), str(f.get("status") or ""), f.get("tier") or "", str(f.get("published") or "")[:10],
                        str(f.get("ms", "")), f.get("failure") or "", f["url"][:80])
    out.print(fetches)
    candidates = Table(title="cross-check")
    for column in ("value", "score", "sources"):
        candidates.add_column(column)
    for c in trace["candidates"]:
        candidates.add_row(c["value"], str(c["score"]), ", ".join(f"#{s['source'] + 1} {s['weight']} ({s['why']})" for s in c["supports"]))
    out.print(candidates)
    for call in trace["model_calls"]:
        out.print(f"model {call['role']}: {call.get('prompt_tokens')}+{call.get('completion_tokens')} tokens, {call.get('ms')} ms → {call.get('output')!r}"[:300], markup=False)
    from orchestrator.answer import Answer

    print_answer(Answer.model_validate(trace["answer"]))


