"""The ``orchestrator`` command. Only presentation lives here; the library does the work.

Each sub-command module receives the Typer app and registers its commands
(``register_commands(cli)``); shared helpers live in ``cli/common.py``, so nothing imports
this package back."""

from __future__ import annotations

import typer

from orchestrator.cli import ask, bench, cache, fixtures, kb, setup, trace

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Answer time-sensitive questions from verified, cited sources.")
for module in (ask, setup, trace, cache, bench, fixtures, kb):
    module.register_commands(app)


def main() -> None:
    app()
