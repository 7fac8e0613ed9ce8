"""What a run was made of, for the trace header: the policy file's hash and the versions of
the libraries that shape an answer, so two traces can be told apart by more than their code."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

TRACKED_PACKAGES = ("langgraph", "llama-cpp-python", "trafilatura")


def file_sha256(path: str | Path) -> str | None:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


@lru_cache(maxsize=1)
def package_versions() -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for name in TRACKED_PACKAGES:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = None
    return found
