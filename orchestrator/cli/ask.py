"""``orchestrator ask``, ``eval`` and ``record``: a question, a folder of packs, a live recording."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import typer

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
    print_figures,
    run,
    run_options,
    writable_file,
)
from orchestrator.moments import moment


def register_commands(cli: typer.Typer) -> None:
    cli.command()(ask)
    cli.command("eval")(eval_cmd)
    cli.command()(record)


def ask(
    question: str | None = typer.Argument(None, help="The question; optional with --replay (the pack's question)"),
    replay: Path | None = typer.Option(None, "--replay", help="Replay a recorded pack offline, clock frozen at its asked_at"),
    as_json: bool = typer.Option(False, "--json", help="Print the answer contract as JSON on stdout"),
    require_latest: bool = typer.Option(False, "--require-latest", help="Always retrieve, even if no fresh data seems needed"),
    choice: list[str] = typer.Option([], "--choice", help="A closed answer choice (repeat: at least two, none empty or repeated); the answer is one of them"),
    language: str | None = typer.Option(None, "--language", help="The question's language (BCP 47, any case: fr, pt-BR, zh; one of "
                                        "the 30 supported); detected when not given; the answer is written in it"),
    model: Path | None = ModelOpt, llm_url: str | None = LlmUrlOpt, searxng: str | None = SearxOpt,
    policy: Path | None = PolicyOpt, data_dir: Path | None = DataOpt, no_model: bool = NoModelOpt,
    wording: WordingChoice | None = WordingOpt,
    knowledge_base: str | None = typer.Option(None, "--knowledge-base", help="Search this knowledge base too, before the "
                                              "policy's other sources: a name (`kb list`) or a documents file or folder"),
    source: list[str] = typer.Option([], "--source", help="Ask only this source kind instead of the policy's (repeat; "
                                     "`--source kb` with --knowledge-base: the knowledge base alone, no web)"),
    now: str | None = typer.Option(None, "--now", help="Answer as if asked at this moment (ISO 8601 date or date-time, UTC "
                                   "unless it gives an offset): freshness is judged from it and documents published "
                                   "later don't exist yet [default: the clock]"),
    server: str | None = typer.Option(None, "--server", help="Ask a running LangGraph server (e.g. `langgraph dev`, "
                                      "http://127.0.0.1:2024) that keeps the model loaded; its model, policy and data directory apply"),
) -> None:
    """Answer QUESTION with the value, its as-of date and citations."""
    if question is None and replay is None:
        err.print("error: give a QUESTION or --replay PACK")
        raise typer.Exit(2)
    if now is not None and replay is not None:
        err.print("error: --now: a replay's clock is its pack's asked_at")
        raise typer.Exit(2)
    if server is not None:
        local = [flag for flag, value in (("--model", model), ("--llm-url", llm_url), ("--searxng", searxng),
                                          ("--policy", policy), ("--data-dir", data_dir),
                                          ("--knowledge-base", knowledge_base), ("--source", source), ("--now", now))
                 if value]
        if local:
            err.print(f"error: {local[0]} is the server's to set; --server uses the server's own configuration")
            raise typer.Exit(2)
        _print(run(lambda: _ask_server(server, question, replay, require_latest, choice, no_model, wording, language)),
               as_json)
        return
    from orchestrator.api import ask as ask_question

    def action():
        view = _progress_view(as_json)
        with view or _null():
            return ask_question(question, replay=replay, require_latest=require_latest or None, choices=choice or None,
                                language=language, progress=view, knowledge_base=knowledge_base,
                                sources=source or None, now=moment("--now", now),
                                **run_options(model, llm_url, searxng, policy, data_dir, no_model, wording))

    _print(run(action), as_json)


def _print(answer, as_json: bool) -> None:
    if as_json:
        sys.stdout.write(answer.model_dump_json() + "\n")
    else:
        print_answer(answer)


def _ask_server(url, question, replay, require_latest, choice, no_model, wording, language):
    """The same question through a LangGraph server (orchestrator/remote.py): no LangGraph,
    extraction or model import in this process."""
    from orchestrator.remote import ask_server

    view = err if err.is_terminal else None
    with view.status("asking the server…") if view is not None else _null():
        return ask_server(url, question, replay=replay, require_latest=require_latest, choices=choice or None,
                          use_model=not no_model, wording=wording.value if wording else None, language=language)


def _progress_view(as_json: bool):
    """On a terminal: the stages, then the answer as it is written (stages only on stderr
    when stdout is not a terminal or carries JSON). Elsewhere nothing: output stays clean."""
    from orchestrator.cli.stream import LiveProgress

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


def eval_cmd(
    directory: Path = typer.Argument(..., help="A directory of packs (searched recursively), or an archive set (cases.jsonl) with --kb"),
    out_file: Path | None = typer.Option(None, "--out", help="Write one JSON line per pack: {id, seconds, answer}"),
    no_choices: bool = typer.Option(False, "--no-choices", help="Open-answer pass: ignore the packs' choices"),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Only the first N packs"),
    kb: str | None = typer.Option(None, "--kb", help="Archive set: answer DIRECTORY/cases.jsonl with this knowledge base "
                                                    "(a name, or a documents file or folder, indexed once and cached) as the only source"),
    sample: int | None = typer.Option(None, "--sample", min=1, help="Archive set: a random sample of N cases (with --seed)"),
    seed: int | None = typer.Option(None, "--seed", help="The sample's random seed (with --sample) [default: 0]"),
    as_json: bool = typer.Option(False, "--json", help="Print the metrics as JSON"),
    model: Path | None = ModelOpt, llm_url: str | None = LlmUrlOpt, policy: Path | None = PolicyOpt,
    data_dir: Path | None = DataOpt, no_model: bool = NoModelOpt, wording: WordingChoice | None = WordingOpt,
) -> None:
    """Replay every pack under DIRECTORY (model loaded once) and print the metrics; with --kb,
    answer an archive set's cases from a knowledge base, offline, each at its asked_at."""
    from orchestrator.api import ask as ask_question
    from orchestrator.evaluate import evaluate

    config = run(lambda: run_options(model, llm_url, None, policy, data_dir, no_model, wording))
    config.pop("searxng")
    if seed is not None and sample is None:
        err.print("error: --seed is the seed of a --sample; without --sample every case runs")
        raise typer.Exit(2)
    if out_file is not None:
        run(lambda: writable_file(out_file, "--out"))
    done = [0]

    def progress(name: str, record: dict) -> None:
        done[0] += 1
        answer = record.get("answer") or {}
        # the value, the error, or why it abstained (the last warning that is no page's note)
        told = answer.get("answer") or record.get("error") or next(
            (w for w in reversed(answer.get("warnings") or []) if not w.startswith("[")), "")
        err.print(f"[{done[0]}] {name}: {answer.get('status', 'error')}{' ' + told if told else ''}"[:160], markup=False)

    if kb is not None:
        summary = run(lambda: _eval_archive(directory, kb, config, no_choices, limit, sample, seed or 0, out_file,
                                            progress))
    elif (directory / "cases.jsonl").is_file():
        err.print(f"error: {directory} is an archive set (cases.jsonl): give its documents with --kb FILE")
        raise typer.Exit(2)
    else:
        if sample is not None:
            err.print("error: --sample is for archive sets (--kb); use --limit with packs")
            raise typer.Exit(2)
        summary = run(lambda: evaluate(directory, lambda **kw: ask_question(**kw, **config), use_choices=not no_choices,
                                        limit=limit, out=out_file, on_result=progress))
    print_figures(summary, f"eval {directory}", "metric", as_json)
    crashes, invalid = summary.get("crashes") or 0, summary.get("invalid") or 0
    if crashes or invalid:  # the others are scored above; scores over the rest must not pass for the whole set's
        failed = " and ".join(part for part in ((f"{invalid} is an invalid pack" if invalid == 1 else f"{invalid} are invalid packs") if invalid else "",
                                                f"{crashes} crashed" if crashes else "") if part)
        err.print(f"error: of {summary.get('packs') or summary.get('cases')} cases, {failed}, not scored"
                  + (f"; their lines in {out_file} hold the error" if out_file else ""), markup=False)
        raise typer.Exit(1)


def _eval_archive(directory, kb_name, config, no_choices, limit, sample, seed, out_file, progress):
    from orchestrator.config import resolve_settings
    from orchestrator.evaluate_archive import archive_runner, evaluate_archive, read_cases
    from orchestrator.kb.catalog import open_kb

    cases = len(read_cases(directory))  # a wrong folder is refused before any index is built
    if sample is not None and sample > cases:  # it would quietly run fewer than asked
        err.print(f"note: --sample {sample} is more than the set's {cases} cases: every case runs", markup=False)
    home = resolve_settings(data_dir=config["data_dir"]).data_dir
    started = [0.0]

    def building():
        started[0] = time.perf_counter()
        err.print("indexing the documents once (cached by content hash)…", markup=False)

    from orchestrator.kb.catalog import indexed

    path = Path(kb_name).expanduser()
    knowledge = indexed([path], home, on_build=building) if path.exists() else open_kb(kb_name, home)
    if started[0]:
        err.print(f"indexed in {time.perf_counter() - started[0]:.1f} s", markup=False)
    return evaluate_archive(directory, knowledge, archive_runner(knowledge, **config), limit=limit, sample=sample,
                            seed=seed, use_choices=not no_choices, out=out_file, on_result=progress)


def record(
    question: str = typer.Argument(..., help="The question to ask the live web"),
    out_dir: Path = typer.Option(..., "--out", help="Pack directory to write (case.json + cassette.json)"),
    pack_id: str | None = typer.Option(None, "--id", help="Pack id (default: the directory name)"),
    searxng: str | None = SearxOpt, model: Path | None = ModelOpt, llm_url: str | None = LlmUrlOpt,
    policy: Path | None = PolicyOpt, data_dir: Path | None = DataOpt, no_model: bool = NoModelOpt,
    as_json: bool = JsonOpt,
) -> None:
    """Answer QUESTION live through the configured SearxNG and write everything fetched as a pack."""
    from orchestrator.recording import record_pack

    answer = run(lambda: record_pack(question, out_dir, pack_id=pack_id,
                                      **run_options(model, llm_url, searxng, policy, data_dir, no_model)))
    err.print(f"wrote {out_dir}/case.json and cassette.json", markup=False)
    if as_json:  # the pack written and the answer contract, as `ask --json` prints it
        sys.stdout.write(json.dumps({"pack": str(out_dir), "answer": answer.model_dump(mode="json")}) + "\n")
    else:
        print_answer(answer)
