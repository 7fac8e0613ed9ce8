"""``orchestrator bench``: the speed figures of orchestrator/bench.py, as a table or JSON."""

from __future__ import annotations

from pathlib import Path

import typer

from orchestrator.cli.common import (
    DataOpt,
    LlmUrlOpt,
    ModelOpt,
    NoModelOpt,
    PolicyOpt,
    WordingChoice,
    WordingOpt,
    err,
    print_figures,
    run,
    run_options,
)


def bench(
    packs: Path = typer.Option(Path("fixtures"), "--packs", help="A directory of packs (searched recursively); default: the checkout's fixtures/"),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON"),
    repeat: int = typer.Option(1, "--repeat", min=1, max=20, help="Warm runs of every pack"),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Only the first N packs"),
    model: Path | None = ModelOpt, llm_url: str | None = LlmUrlOpt, policy: Path | None = PolicyOpt,
    data_dir: Path | None = DataOpt, no_model: bool = NoModelOpt, wording: WordingChoice | None = WordingOpt,
    processes: bool = typer.Option(True, "--processes/--no-processes", help="Also time fresh processes: cold CLI asks and CLI clients through a loopback LangGraph server"),
) -> None:
    """Replay packs with the model loaded once and print latency, overhead, fetch concurrency, tokens and memory."""
    from orchestrator.api import ask as ask_question
    from orchestrator.bench import run_bench
    from orchestrator.config import resolve_settings
    from orchestrator.trace.store import TraceStore

    config = run_options(model, llm_url, None, policy, data_dir, no_model, wording)
    config.pop("searxng")
    cli_args = [arg for flag, value in (("--model", model), ("--llm-url", llm_url), ("--policy", policy),
                                        ("--wording", config["wording"])) if value for arg in (flag, str(value))]

    def figures():
        store = TraceStore(resolve_settings(data_dir=data_dir).trace_db)
        return run_bench(packs, lambda **kw: ask_question(**kw, **config), store.get, repeat=repeat, limit=limit,
                         data_dir=data_dir, cli_args=cli_args, use_model=not no_model, processes=processes,
                         on_run=lambda name, run: err.print(f"{name}: {run.seconds:.2f} s", markup=False, style="dim"))

    print_figures(run(figures), f"bench {packs}", "figure", as_json)


def register_commands(cli: typer.Typer) -> None:
    cli.command("bench")(bench)
