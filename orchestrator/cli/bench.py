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
from orchestrator.errors import InputError

# The checkout's recorded packs, wherever the command runs from; a package installed from a
# wheel has none (they stay in the checkout).
CHECKOUT_FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def bench(
    packs: Path | None = typer.Option(None, "--packs", help="A directory of packs (searched recursively); default: the checkout's fixtures/"),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON"),
    repeat: int = typer.Option(1, "--repeat", min=1, max=20, help="Warm runs of every pack"),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Only the first N packs"),
    model: Path | None = ModelOpt, llm_url: str | None = LlmUrlOpt, policy: Path | None = PolicyOpt,
    data_dir: Path | None = DataOpt, no_model: bool = NoModelOpt, wording: WordingChoice | None = WordingOpt,
    processes: bool = typer.Option(True, "--processes/--no-processes", help="Also time fresh processes: cold CLI asks and CLI clients through a loopback LangGraph server"),
    archive: Path | None = typer.Option(None, "--archive", help="Knowledge-base scenario: an archive set (cases.jsonl), answered with --kb as the only source"),
    kb: Path | None = typer.Option(None, "--kb", help="Knowledge-base scenario: the archive's documents (a JSONL file or a folder), indexed from nothing"),
    kb_cases: int = typer.Option(30, "--kb-cases", min=1, help="Knowledge-base scenario: cases answered (a seeded sample)"),
) -> None:
    """Replay packs with the model loaded once and print latency, overhead, fetch concurrency, tokens and memory;
    with --archive and --kb, also index build, search and answer times from a knowledge base."""
    from orchestrator.api import ask as ask_question
    from orchestrator.bench import run_bench
    from orchestrator.config import resolve_settings
    from orchestrator.trace.store import TraceStore

    config = run(lambda: run_options(model, llm_url, None, policy, data_dir, no_model, wording))
    config.pop("searxng")
    cli_args = [arg for flag, value in (("--model", model), ("--llm-url", llm_url), ("--policy", policy),
                                        ("--wording", config["wording"])) if value for arg in (flag, str(value))]

    if packs is None:
        if not CHECKOUT_FIXTURES.is_dir():
            err.print(f"error: no packs to replay: {CHECKOUT_FIXTURES} is not there (a package installed outside the "
                      "checkout); give --packs DIR", markup=False)
            raise typer.Exit(2)
        packs = CHECKOUT_FIXTURES

    def figures():
        if (archive is None) != (kb is None):
            raise InputError("--archive and --kb go together: an archive set (cases.jsonl) and its documents")
        for path in (archive, kb):  # checked before the packs' minutes, not after them
            if path is not None and not path.exists():
                raise InputError(f"{path}: no such file or folder")
        store = TraceStore(resolve_settings(data_dir=data_dir).trace_db)
        shown = run_bench(packs, lambda **kw: ask_question(**kw, **config), store.get, repeat=repeat, limit=limit,
                          data_dir=data_dir, cli_args=cli_args, use_model=not no_model, processes=processes,
                          on_run=lambda name, run: err.print(f"{name}: {run.seconds:.2f} s", markup=False, style="dim"),
                          on_error=lambda name, error: err.print(f"error: {name}: {error}", markup=False))
        if archive is not None and kb is not None:
            from orchestrator.bench_kb import kb_figures

            err.print(f"knowledge-base scenario: indexing {kb} from nothing, then {kb_cases} cases…", markup=False)
            shown |= kb_figures(archive, kb, config, cases=kb_cases,
                                on_case=lambda name, s: err.print(f"{name}: {s:.2f} s", markup=False, style="dim"))
        return shown

    shown = run(figures)
    print_figures(shown, f"bench {packs}", "figure", as_json)
    if shown.get("errors"):  # the figures leave the failed packs out: say so in the exit code too
        raise typer.Exit(1)


def register_commands(cli: typer.Typer) -> None:
    cli.command("bench")(bench)
