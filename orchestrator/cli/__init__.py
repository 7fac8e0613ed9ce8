"""The ``orchestrator`` command. Only presentation lives here; the library does the work.

Each sub-command module receives the Typer app and registers its commands
(``register_commands(cli)``); shared helpers live in ``cli/common.py``, so nothing imports
this package back."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import typer
from typer.core import TyperGroup

from orchestrator.cli import ask, bench, cache, fixtures, kb, setup, trace
from orchestrator.cli.common import err


class OneLineErrors(TyperGroup):
    """A usage error (an unknown option, an out-of-range value, a missing argument) is one
    line on stderr, like every other error of the command, and not Rich's framed box:
    "error: No such option: --bogus (see 'orchestrator ask --help')"."""

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, windows_expand_args: bool = True, **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        except typer.Abort:  # Ctrl-D at a prompt
            err.print("interrupted")
            sys.exit(130)
        except Exception as exc:
            if not _click_error(exc, "ClickException"):
                raise
            if _click_error(exc, "NoArgsIsHelpError"):  # a bare command: its help is printed already
                sys.exit(exc.exit_code)  # type: ignore[attr-defined]
            ctx = getattr(exc, "ctx", None)
            see = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
            message = " ".join(exc.format_message().split()).rstrip(".")  # type: ignore[attr-defined]  # one line
            err.print(f"error: {message}{see}", markup=False)
            sys.exit(exc.exit_code)  # type: ignore[attr-defined]
        sys.exit(code if isinstance(code, int) else 0)


def _click_error(exc: Exception, name: str) -> bool:
    """Is ``exc`` Click's error of that class, from whichever Click Typer raises them (its own
    copy since Typer 0.2x, the ``click`` package before)?"""
    return any(cls.__name__ == name for cls in type(exc).__mro__)


app = typer.Typer(cls=OneLineErrors, add_completion=False, no_args_is_help=True,
                  help="Answer time-sensitive questions from verified, cited sources.")
for module in (ask, setup, trace, cache, bench, fixtures, kb):
    module.register_commands(app)


def main() -> None:
    app()
