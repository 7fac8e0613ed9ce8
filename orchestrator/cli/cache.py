"""``orchestrator cache stats|clear|warm`` (the knowledge cache, orchestrator/cache/) and
``orchestrator query`` (a question through a deployment profile, orchestrator/client.py).
Only presentation lives here."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from orchestrator.cli.common import (
    DataOpt,
    JsonOpt,
    LlmUrlOpt,
    ModelOpt,
    NoModelOpt,
    PolicyOpt,
    SearxOpt,
    WordingChoice,
    WordingOpt,
    err,
    out,
    print_answer,
    run,
    run_options,
    usable_data_dir,
)
from orchestrator.moments import moment

cache_app = typer.Typer(no_args_is_help=True,
                        help="The knowledge cache: verified answers and the pages read for them, kept in memory, "
                             "on disk and in a shared Redis.")

CacheUrlOpt = typer.Option(None, "--cache-url", help="Shared tier, e.g. redis://127.0.0.1:6379/0 [env ORCHESTRATOR_CACHE_URL]")
ProfileOpt = typer.Option(None, "--profile", help="Take the cache settings from a deployment profile: mobile, edge, cloud or a YAML file")
MAX_WARM_QUESTIONS = 1000


def _cache(data_dir: Path | None, cache_url: str | None, profile: str | None):
    """The cache as the commands see it: the disk and shared tiers (a command's own process
    has nothing in memory worth showing)."""
    from orchestrator.cache import KnowledgeCache
    from orchestrator.cache.knowledge import config_from_env
    from orchestrator.config import resolve_settings

    base = None
    if profile:
        from orchestrator.profiles import load_profile

        base = load_profile(profile).cache
    if data_dir is not None:  # as ask checks it: a file there would read as an empty cache
        usable_data_dir(data_dir)
    settings = resolve_settings(data_dir=data_dir)
    config = config_from_env(base, shared_url=cache_url).model_copy(update={"memory_entries": 0})
    return KnowledgeCache(config, settings.data_dir), settings


KINDS = ("answers", "pages")  # what a tier keeps (orchestrator/cache/entry.py), in the order shown


def _bare_tier(row) -> str:
    """The tier a stats row is of ("disk"), without its kind ("disk pages" names the row)."""
    suffix = f" {row.kind}"
    return row.name[: -len(suffix)] if row.kind != "answers" and row.name.endswith(suffix) else row.name


@cache_app.command("stats")
def stats(data_dir: Path | None = DataOpt, cache_url: str | None = CacheUrlOpt,
          profile: str | None = ProfileOpt, as_json: bool = JsonOpt) -> None:
    """Answers and pages per tier: how many, how many still fresh, size, oldest and newest."""
    cache, _ = run(lambda: _cache(data_dir, cache_url, profile))
    now = datetime.now(UTC)
    rows = sorted(cache.stats(now), key=lambda r: KINDS.index(r.kind) if r.kind in KINDS else len(KINDS))
    if as_json:
        sys.stdout.write(json.dumps([vars(r) | {"tier": _bare_tier(r)} for r in rows]) + "\n")
    else:
        table = Table(title="knowledge cache")
        for column in ("kind", "tier", "where", "entries", "fresh", "stale", "size", "oldest", "newest"):
            table.add_column(column, justify="right" if column in ("entries", "fresh", "stale", "size") else "left")
        for i, r in enumerate(rows):
            if i and r.kind != rows[i - 1].kind:
                table.add_section()  # answers above, pages below
            if r.error:  # the message goes below the table: a cell would fold it over many lines
                table.add_row(r.kind, _bare_tier(r), r.where, "-", "-", "-", "-", "error", "")
                continue
            size = "-" if r.bytes is None else f"{r.bytes / 1024:.0f} KiB"
            table.add_row(r.kind, _bare_tier(r), r.where, str(r.entries), str(r.fresh), str(r.stale), size,
                          r.oldest or "-", r.newest or "-")
        if out.is_terminal:
            out.print(table)
        else:  # a pipe has no width: rich would take 80 columns and cut cells to "entri…"
            whole = out.measure(table, options=out.options.update_width(10_000)).maximum
            Console(highlight=False, width=max(out.width, whole)).print(table)
        for problem in dict.fromkeys(" ".join(str(r.error).split()) for r in rows if r.error):
            err.print(f"error: {problem}", markup=False)
    if any(r.error for r in rows):
        raise typer.Exit(5)


@cache_app.command("clear")
def clear(data_dir: Path | None = DataOpt, cache_url: str | None = CacheUrlOpt,
          profile: str | None = ProfileOpt, as_json: bool = JsonOpt) -> None:
    """Delete every cached answer and page (disk tier, and the shared tier when configured)."""
    cache, _ = run(lambda: _cache(data_dir, cache_url, profile))
    done = cache.clear()
    if as_json:
        sys.stdout.write(json.dumps(done) + "\n")
    else:
        for tier, result in done.items():
            if isinstance(result, int):
                out.print(f"{tier}: removed {result} entr{'y' if result == 1 else 'ies'}", markup=False)
            else:
                err.print(f"error: {tier}: {result}", markup=False)
    if any(not isinstance(r, int) for r in done.values()):
        raise typer.Exit(5)


def read_questions(file: Path) -> list[str]:
    """One question a line; blank lines and lines starting with # are skipped."""
    from orchestrator.errors import InputError

    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {file}: {getattr(exc, 'strerror', None) or exc}") from exc
    questions = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    if not questions:
        raise InputError(f"{file} holds no questions (one a line; # starts a comment)")
    if len(questions) > MAX_WARM_QUESTIONS:
        raise InputError(f"{file} holds {len(questions)} questions; the limit is {MAX_WARM_QUESTIONS}")
    return questions


@cache_app.command("warm")
def warm(
    file: Path = typer.Argument(..., help="Questions, one a line (# comments)"),
    data_dir: Path | None = DataOpt, cache_url: str | None = CacheUrlOpt, profile: str | None = ProfileOpt,
    searxng: str | None = SearxOpt, policy: Path | None = PolicyOpt, model: Path | None = ModelOpt,
    llm_url: str | None = LlmUrlOpt, no_model: bool = NoModelOpt, as_json: bool = JsonOpt,
) -> None:
    """Answer every question in FILE live now and keep the verified answers and the pages
    read for them, for a device about to go offline. Questions already cached are fetched again."""
    from orchestrator.api import ask
    from orchestrator.errors import OrchestratorError

    questions = run(lambda: read_questions(file))
    cache, _ = run(lambda: _cache(data_dir, cache_url, profile))
    if not cache.config.enabled:  # found out before the live runs, whose answers no tier would keep
        err.print("error: the knowledge cache is turned off (ORCHESTRATOR_CACHE=off); warming would keep nothing",
                  markup=False)
        raise typer.Exit(5)
    refreshing = cache.refreshing()
    config = run(lambda: run_options(model, llm_url, searxng, policy, data_dir, no_model))
    results, failed, unstored = [], 0, 0
    for n, question in enumerate(questions, start=1):
        try:
            refreshing.last_stored = None
            answer = ask(question, cache=refreshing, **config)
            # cached only when a tier took it: a corrupt disk tier answers the question but keeps nothing
            record = {"question": question, "status": answer.status, "answer": answer.answer,
                      "cached": bool(refreshing.last_stored)}
            if answer.status != "answered" and answer.warnings:  # why nothing could be kept: sources unreachable, say
                record["reason"] = answer.warnings[0]
            unstored += answer.status == "answered" and not record["cached"]
        except OrchestratorError as exc:
            failed += 1
            record = {"question": question, "status": "error", "answer": None, "cached": False, "error": str(exc)}
        results.append(record)
        if not as_json:
            mark = "cached" if record["cached"] else "not cached" + (f": {record['reason']}" if "reason" in record else "")
            err.print(f"[{n}/{len(questions)}] {record['status']} {record['answer'] or record.get('error', '')} "
                      f"({mark}) · {question[:100]}", markup=False)
    cached = sum(r["cached"] for r in results)
    if as_json:
        sys.stdout.write(json.dumps({"questions": len(questions), "cached": cached, "results": results},
                                    ensure_ascii=False) + "\n")
    else:
        out.print(f"warmed {cached} of {len(questions)} questions (only verified answers are kept)", markup=False)
    for problem in dict.fromkeys(cache.problems):
        err.print(f"warning: {problem}", markup=False)
    if failed:
        raise typer.Exit(1)
    if unstored:  # answered, but no cache tier would keep it (the warnings above say why)
        raise typer.Exit(5)
    if not cached:  # nothing to take offline: the lines above say why
        raise typer.Exit(1)


def query(
    question: str = typer.Argument(..., help="The question"),
    device: str = typer.Option("mobile", "--device", help="Deployment profile: mobile, edge or cloud (policies/profiles/)"),
    profile: str | None = typer.Option(None, "--profile", help="A profile YAML file instead of --device"),
    knowledge_base: str | None = typer.Option(None, "--knowledge-base", help="A policy and/or documents by name (default, finance, health, medical, legal, yours), a policy file, or a documents file or folder (as ask takes it; with the default policy) [env ORCHESTRATOR_POLICY; default: the profile's]"),
    without: list[str] = typer.Option([], "--without", help="Switch a capability off: realtime_search, code_gen, deep_reasoning (repeat)"),
    require_latest: bool = typer.Option(False, "--require-latest", help="Always go to the sources, even if a fresh answer or page is cached"),
    as_json: bool = typer.Option(False, "--json", help="Print the answer contract as JSON on stdout"),
    now: str | None = typer.Option(None, "--now", help="Answer as if asked at this moment (ISO 8601 date or date-time, "
                                   "UTC unless it gives an offset), as ask --now does"),
    searxng: str | None = SearxOpt, llm_url: str | None = LlmUrlOpt, cache_url: str | None = CacheUrlOpt,
    data_dir: Path | None = DataOpt, no_model: bool = NoModelOpt, wording: WordingChoice | None = WordingOpt,
) -> None:
    """Answer QUESTION as a deployment would: its model, timeouts, cache tiers, knowledge base and capabilities."""
    from orchestrator.client import Client
    from orchestrator.context import CAPABILITIES

    def action():
        from orchestrator.errors import ConfigError

        if not CAPABILITIES >= set(without):
            raise ConfigError(f"--without takes {', '.join(sorted(CAPABILITIES))}, got {', '.join(without)}")
        client = Client(device=device, knowledge_base=knowledge_base, profile=profile, data_dir=data_dir,
                        searxng=searxng, llm_url=llm_url, cache_url=cache_url, use_model=not no_model)
        if without:
            client.capabilities = client.capabilities - set(without)
        with client:
            return client.query(question, require_latest, wording=wording.value if wording else None,
                                now=moment("--now", now))

    answer = run(action)
    if as_json:
        sys.stdout.write(answer.model_dump_json() + "\n")
    else:
        print_answer(answer)


def register_commands(cli: typer.Typer) -> None:
    cli.add_typer(cache_app, name="cache")
    cli.command("query")(query)
