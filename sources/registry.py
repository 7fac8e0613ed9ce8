"""Source kinds: where the pages a run reads come from.

A kind is one module ``sources/<kind>.py`` (installed as ``orchestrator.sources``) named as a policy names it (``sources: [searxng,
wikipedia]``) exposing ``make_source(ctx) -> Source``; adding a source is that module plus
its name in a policy, nothing else (the package is the registry, so there is no list to keep
in step). A Source only says which pages to read (Leads); the node reads them all through
the same guarded, polite page fetcher and the page cache.

``official`` (the topics' ``endpoints:`` in the policy) runs for every policy: a policy
declares it through its topics, and its pages are read before any search is sent."""

from __future__ import annotations

import importlib
import pkgutil
import re
from typing import Any

from orchestrator.sources.base import Source

ALWAYS = ("official",)
_NAME = re.compile(r"^[a-z][a-z0-9_]{0,40}$")


def load_source(kind: str):
    """The module of a source kind, or ValueError naming the kinds there are."""
    module = None
    if _NAME.match(kind):
        try:
            module = importlib.import_module(f"{__package__}.{kind}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__package__}.{kind}":
                raise  # the module exists but is broken: say so, not "unknown"
    if module is None or not callable(getattr(module, "make_source", None)):
        raise ValueError(f"unknown source {kind!r}; the sources are: {', '.join(source_kinds())}")
    return module


def source_kinds() -> list[str]:
    """Every kind the package holds (for messages: it imports each module)."""
    package = importlib.import_module(__package__)
    names = []
    for info in pkgutil.iter_modules(package.__path__):
        if _NAME.match(info.name) and callable(getattr(importlib.import_module(f"{__package__}.{info.name}"), "make_source", None)):
            names.append(info.name)
    return names


def run_sources(kinds: list[str], ctx: Any) -> list[Source]:
    """The sources of one run, in the policy's order after the ones that always run."""
    return [load_source(kind).make_source(ctx) for kind in dict.fromkeys([*ALWAYS, *kinds])]
