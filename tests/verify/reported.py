"""A small pack of one report told alike by two outlets (the hard-case builder's pages), and
the question asked of it without the model: how the verify tests put a sentence before the
whole pipeline."""

from __future__ import annotations

from pathlib import Path

from fixtures.build_hard_cases import HardCase, Page, build
from orchestrator import ask
from orchestrator.answer import Answer

OUTLETS = (("reuters", "Reuters"), ("apnews", "AP News"))


def ask_reported(tmp_path: Path, question: str, texts: list[str], *, headline: str, path: str, published: str,
                 asked_at: str, outlets=OUTLETS) -> Answer:
    pages = [Page(f"https://www.{site}.com/{path}", name, headline, published, texts, texts[0]) for site, name in outlets]
    return ask(replay=build(HardCase("reported", "a small pack", question, asked_at, {}, pages), tmp_path),
               use_model=False)
