"""Knowledge bases by name, and documents files indexed on first use.

    DATA_DIR/kb/NAME.sqlite          a knowledge base made with ``orchestrator kb add NAME ...``
    DATA_DIR/kb/cache/SHA.sqlite     an index built from documents files (``eval --kb FILE``,
                                     the shipped examples), keyed by their content hash

The package ships example knowledge bases (orchestrator/kb/examples/NAME.jsonl: finance,
medical, legal). A name is the user's knowledge base when there is one, else the example of
that name; ``kb add`` to an example's name starts the user's copy from the example's
documents, and ``kb remove`` leaves the example in its place."""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path

from orchestrator.config import POLICIES_DIR
from orchestrator.errors import KnowledgeBaseError
from orchestrator.kb.documents import Advance, content_hash, document_files, read_documents
from orchestrator.kb.index import Added, KnowledgeBase

EXAMPLES_DIR = Path(str(files("orchestrator.kb") / "examples"))
TIERS = ("official", "media", "other")
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,40}$")


def kb_dir(data_dir: Path) -> Path:
    return Path(data_dir) / "kb"


def is_name(text: str) -> bool:
    """A knowledge base's name (``finance``), not a path."""
    return bool(_NAME.match(text or ""))


def check_name(name: str) -> str:
    if not is_name(name):
        raise KnowledgeBaseError(f"knowledge base name {name[:60]!r} must be lower-case letters, digits, - or _ "
                                 "(at most 41 characters, starting with a letter or digit)")
    return name


def example_names() -> list[str]:
    return sorted(p.name.removesuffix(".jsonl") for p in EXAMPLES_DIR.glob("*.jsonl"))


def user_names(data_dir: Path) -> list[str]:
    folder = kb_dir(data_dir)
    return sorted(p.stem for p in folder.glob("*.sqlite") if _NAME.match(p.stem)) if folder.is_dir() else []


def known_names(data_dir: Path) -> list[str]:
    return sorted({*user_names(data_dir), *example_names()})


def user_path(data_dir: Path, name: str) -> Path:
    return kb_dir(data_dir) / f"{check_name(name)}.sqlite"


def find(name: str, data_dir: Path) -> KnowledgeBase | None:
    """The knowledge base called ``name`` (the user's, else the shipped example), or None."""
    if not is_name(name):
        return None
    path = user_path(data_dir, name)
    if path.is_file():
        return KnowledgeBase(path, name)
    example = EXAMPLES_DIR / f"{name}.jsonl"
    if example.is_file():
        return indexed([example], data_dir, name=name)
    return None


def unknown(name: str, data_dir: Path) -> KnowledgeBaseError:
    known = known_names(data_dir)
    policy = POLICIES_DIR / f"{name}.yaml"  # `query --knowledge-base health` takes a policy; here it is no documents
    hint = f"; {name!r} is a policy: give it with --policy {policy} (policy= in Python)" if policy.is_file() else ""
    if name.lower() != name and name.lower() in known:
        hint = f"; names are lower-case: {name.lower()!r}"
    return KnowledgeBaseError(f"unknown knowledge base {name[:60]!r}: the knowledge bases are "
                              f"{', '.join(known) if known else '(none)'}{hint}")


def open_kb(name_or_path: str | Path, data_dir: Path, advance: Advance | None = None) -> KnowledgeBase:
    """A knowledge base by name, or a documents file or folder indexed on first use (cached
    by content hash); an unknown name is an error listing the known ones. A name comes
    before a same-named file or folder ("./ml" is the folder)."""
    text = str(name_or_path)
    if not text.strip():  # "" would be the working directory, indexed whole
        raise unknown(text, data_dir)
    path = Path(text).expanduser()
    # a name the user gave a knowledge base wins over a same-named folder where they stand:
    # "ml" is their knowledge base, "./ml" the folder
    if not _path_like(text) or (is_name(text) and not path.exists()):
        if (kb := find(text, data_dir)) is not None:
            return kb
        if not path.exists():
            raise unknown(text, data_dir)
    return indexed([path], data_dir, advance=advance)


def _path_like(text: str) -> bool:
    """Is ``text`` written as a path ("docs/", "news.jsonl", "~/kb"), not as a name ("EVENTS")?"""
    return any(mark in text for mark in ("/", "\\", ".", "~"))


def indexed(paths: list[Path], data_dir: Path, *, name: str | None = None, advance: Advance | None = None,
            on_build: Callable[[], None] | None = None) -> KnowledgeBase:
    """The index of the documents in ``paths``, built once per content (DATA_DIR/kb/cache/)."""
    documents = document_files(paths)
    digest = content_hash(documents)
    label = name or (documents[0].name if len(documents) == 1 else f"{len(documents)} files")
    path = kb_dir(data_dir) / "cache" / f"{digest[:24]}.sqlite"
    if path.is_file():
        return KnowledgeBase(path, label)
    if on_build:
        on_build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # the data directory is a file, or holds a file named kb
        raise KnowledgeBaseError(f"cannot create {path.parent} for the index: {exc.strerror or exc}") from exc
    building = path.with_name(f".{path.stem}.{uuid.uuid4().hex[:8]}.building")
    try:
        KnowledgeBase.create(building, label).add(read_documents(documents, advance))
        os.replace(building, path)  # whole or not at all: a second run never sees half an index
    finally:
        building.unlink(missing_ok=True)
    return KnowledgeBase(path, label)


def add(name: str, paths: list[Path], data_dir: Path, *, tier: str | None = None,
        advance: Advance | None = None, empty: list[str] | None = None) -> tuple[KnowledgeBase, Added]:
    """Add the documents in ``paths`` to the user's knowledge base ``name`` (made if new);
    the places of those with no text go to ``empty``."""
    if tier is not None and tier not in TIERS:
        raise KnowledgeBaseError(f"--tier must be one of {', '.join(TIERS)}, got {tier!r}")
    files_ = document_files(paths)  # every path checked before anything is written
    path = user_path(data_dir, name)
    new = not path.is_file()
    kb = KnowledgeBase.create(path, name, tier=tier) if new else KnowledgeBase(path, name)
    try:
        example = EXAMPLES_DIR / f"{name}.jsonl"
        if new and example.is_file():  # the user's copy of an example starts from its documents
            kb.add(read_documents([example]))
        added = kb.add(read_documents(files_, advance, empty))
        if not (added.added or added.replaced or added.unchanged):  # as an empty folder is
            raise KnowledgeBaseError(f"{', '.join(map(str, paths))}: no documents with text to add")
        if not new and tier is not None:  # only an add that succeeded changes the tier
            kb.set_tier(tier)
        return kb, added
    except BaseException:
        if new:
            path.unlink(missing_ok=True)  # a failed first add leaves no empty knowledge base behind
        raise


def remove(name: str, data_dir: Path) -> bool:
    path = user_path(data_dir, name)
    if not path.is_file():
        return False
    path.unlink()
    return True


def total_bytes(paths: list[Path]) -> int:
    return sum(f.stat().st_size for f in document_files(paths))
