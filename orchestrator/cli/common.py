"""What every sub-command shares: the consoles, the common options, one error handler and
the answer and figures renderers. Imports no sub-command."""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator  # noqa: F401  (Optional: the option annotations)
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from orchestrator.errors import InputError, OrchestratorError

out = Console(highlight=False, soft_wrap=True)  # lines stay whole, piped too (the terminal folds them); tables fit the width
err = Console(stderr=True, highlight=False, soft_wrap=True)  # errors and status lines stay one line each, piped too

ModelOpt = typer.Option(None, "--model", help="GGUF model file [env ORCHESTRATOR_MODEL; default: the bundled Qwen2.5-Coder-0.5B]")
LlmUrlOpt = typer.Option(None, "--llm-url", help="OpenAI-compatible server URL, e.g. llama.cpp's server [env ORCHESTRATOR_LLM_URL]")
SearxOpt = typer.Option(None, "--searxng", help="SearxNG base URL you run [env ORCHESTRATOR_SEARXNG_URL; default http://127.0.0.1:8888]")
PolicyOpt = typer.Option(None, "--policy", help="Policy YAML [env ORCHESTRATOR_POLICY; default policies/default.yaml]")
DataOpt = typer.Option(None, "--data-dir", help="Data directory: traces, model [env ORCHESTRATOR_HOME; default ~/.orchestrator]")
NoModelOpt = typer.Option(False, "--no-model", help="Do not load a model; phrase answers from templates")
JsonOpt = typer.Option(False, "--json", help="Print the result as JSON on stdout (logs go to stderr)")
WordingOpt = typer.Option(None, "--wording", help="Who words the answer: template (default: the model only decides) or model (streamed) [default: the policy's]")


def run(action: Callable[[], Any]) -> Any:
    """Every command's errors become one line on stderr and a non-zero exit."""
    try:
        return action()
    except OrchestratorError as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        err.print("interrupted")
        raise typer.Exit(130) from None


@contextmanager
def sigterm_unwinds() -> Iterator[None]:
    """SIGTERM (``timeout``, ``kill``, a service manager) would end the process without
    unwinding: no rollback, no clean-up. Inside, it raises SystemExit(143) and unwinds like
    Ctrl-C; the handler before is put back after. Handlers can be set in the main thread only."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _exit_on_sigterm)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL if previous is None else previous)  # None: set outside Python


def _exit_on_sigterm(signum: int, frame: object) -> None:
    err.print("terminated")  # as Ctrl-C says "interrupted": the run ended, it did not finish
    raise SystemExit(128 + signum)


def writable_file(path: Path, option: str) -> None:
    """An InputError, before any work, where ``path`` can't be written as a file: a folder,
    or in a folder that does not exist (results would be lost at the end of a long run), or
    a file holding something already (an earlier run's results, which writing would lose)."""
    if path.is_dir():
        raise InputError(f"{option} {path} is a folder; give a file path")
    if path.is_file() and path.stat().st_size > 0:
        raise InputError(f"{option} {path} already holds results; move it aside or give another path")
    if not path.parent.is_dir():
        raise InputError(f"{option} {path}: folder {path.parent} does not exist")
    existed = path.exists()
    try:  # a read-only folder or file, or one no file can be made in ("/proc")
        with path.open("a", encoding="utf-8"):
            pass
    except OSError as exc:
        raise InputError(f"{option} {path} cannot be written: {exc.strerror or exc}") from None
    if not existed:
        path.unlink(missing_ok=True)


def usable_data_dir(path: Path) -> None:
    """An InputError, before any work, where ``--data-dir`` can't be a folder to write in: a
    run would answer and then lose its trace (and its cache) at the end."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"--data-dir {path}: cannot create this folder ({exc.strerror or exc})") from None
    if not os.access(path, os.W_OK):
        raise InputError(f"--data-dir {path}: this folder is not writable")


def run_options(model, llm_url, searxng, policy, data_dir, no_model, wording=None) -> dict[str, Any]:
    if data_dir is not None:
        usable_data_dir(data_dir)
    return dict(model=model, llm_url=llm_url, searxng=searxng, policy=policy, data_dir=data_dir, use_model=not no_model,
                wording=wording.value if isinstance(wording, WordingChoice) else wording)


class Status(StrEnum):
    """A run's status, as ``trace list --status`` takes it: orchestrator/answer.py's ``Status``
    spelled again (importing that module brings pydantic into every command's start-up), and
    "error" for a run that failed before it could answer."""

    answered = "answered"
    abstained = "abstained"
    conflict = "conflict"
    local = "local"
    error = "error"


class WordingChoice(StrEnum):
    template = "template"
    model = "model"


def print_answer(answer) -> None:
    """The answer and its citations on stdout (lines unwrapped: URLs stay whole), warnings
    and the trace id on stderr. The same renderer draws the answer in ``trace show``."""
    from orchestrator.cli.trace_views import answer as answer_view
    from orchestrator.cli.trace_views import warning_lines

    # quotes whole (a passage is at most 400 characters): a cut one can lose what proves the
    # answer ("... Harris's 226" of a comparison)
    for part in answer_view(answer.model_dump(mode="json"), section=False):
        out.print(part, soft_wrap=True)
    for part in warning_lines(answer.warnings):
        err.print(part)
    if answer.trace_id:
        err.print(f"trace: {answer.trace_id}  (orchestrator trace show {answer.trace_id})", style="dim")


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
