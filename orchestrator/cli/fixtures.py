"""``orchestrator fixtures check DIR``: validate every pack under DIR (../shared/PACKS.md).
One line per pack, ok or the error naming the file and field; exit 1 when any is invalid,
2 when DIR holds no pack at all or is not a directory."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from orchestrator.cli.common import err, out, run

fixtures_app = typer.Typer(no_args_is_help=True, help="Recorded packs (fixtures): validate them.")


def check_packs(directory: Path) -> list[dict]:
    """[{"pack", "ok", "interactions" | "error"}] for every pack under ``directory``."""
    from orchestrator.api import clean_question, supported_language, valid_choices
    from orchestrator.errors import OrchestratorError
    from orchestrator.replay.pack import find_packs, load_pack

    results = []
    for path in find_packs(directory):
        try:
            pack = load_pack(path)
        except OrchestratorError as exc:
            results.append({"pack": str(path), "ok": False, "error": str(exc)})
            continue
        try:  # what ask would refuse, or misread ("xx" read as English), is no valid pack either
            clean_question(pack.case.question)
            if pack.case.choices:
                valid_choices(pack.case.choices)
            supported_language(pack.case.language)
        except OrchestratorError as exc:
            results.append({"pack": str(path), "ok": False, "error": f"{path / 'case.json'}: {exc}"})
        else:
            results.append({"pack": str(path), "ok": True, "id": pack.case.id, "interactions": len(pack.interactions)})
    return results


@fixtures_app.command("check")
def fixtures_check(directory: Path = typer.Argument(..., help="A pack, or a directory holding packs"),
                   as_json: bool = typer.Option(False, "--json", help="Print the results as JSON")) -> None:
    """Validate every pack under DIR; exit 1 if any is invalid."""
    results = run(lambda: check_packs(directory))
    bad = sum(not r["ok"] for r in results)
    if as_json:
        print(json.dumps({"packs": results, "valid": len(results) - bad, "invalid": bad}, ensure_ascii=False))
    elif results:
        for r in results:
            line = f"ok     {r['pack']} ({r['interactions']} interactions)" if r["ok"] else f"error  {r['error']}"
            out.print(line, markup=False, soft_wrap=True)
        out.print(f"{len(results) - bad} valid, {bad} invalid", markup=False, soft_wrap=True)
    if not results:  # an error, said as every error is
        err.print(f"error: no packs found under {directory}", markup=False, soft_wrap=True)
        raise typer.Exit(2)
    if bad:
        raise typer.Exit(1)


def register_commands(cli: typer.Typer) -> None:
    cli.add_typer(fixtures_app, name="fixtures")
