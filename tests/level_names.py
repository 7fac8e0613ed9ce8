"""A pack whose pages leave the names level, for the tests of the reader: the Oscars
hard-case pages asked "Who won at the 2025 Oscars?". Every winner the pages name did the
asked thing (the film, its director, a supporting actress), and with no award named only
reading the quotes tells which one answers. ("Who won best picture?" the rules settle: only
the film is written winning best picture.)"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import FIXTURES

OSCARS = FIXTURES / "hard-cases" / "headline-only-oscars-best-picture"
QUESTION = "Who won at the 2025 Oscars?"


def level_names_pack(directory: Path) -> Path:
    pack = directory / "oscars-who-won"
    shutil.copytree(OSCARS, pack)
    case = json.loads((pack / "case.json").read_text(encoding="utf-8"))
    case.update(id=pack.name, question=QUESTION)
    (pack / "case.json").write_text(json.dumps(case, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return pack
