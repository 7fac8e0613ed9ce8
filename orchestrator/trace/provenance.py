"""What a run was made of, for the trace header: the policy file's hash and the versions of
the libraries that shape an answer, so two traces can be told apart by more than their code."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

TRACKED_PACKAGES = ("langgraph", "llama-cpp-python", "trafilatura")


def file_sha256(path: str | Path) -> str | None:
    """The file's digest, read once per version of the file: a run asks for the policy's
    hash for its trace and its cache key, and every run of a process asks again."""
    try:
        stat = Path(path).stat()
    except OSError:
        return None
    return _digest(str(Path(path).resolve()), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=32)
def _digest(path: str, mtime_ns: int, size: int) -> str | None:  # mtime and size are the cache key
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
