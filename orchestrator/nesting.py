"""Outside JSON and YAML nested deeper than any real document is refused up front.

The parsers (json's C scanner, yaml.compose) and everything after them (pydantic, json.dumps)
recurse once per level, so a file a few thousand brackets deep is a RecursionError anywhere
down the line. Real packs, policies and search replies are under ten levels deep."""

from __future__ import annotations

import json
from typing import Any

import yaml

MAX_DEPTH = 100


class TooDeep(ValueError):
    def __init__(self) -> None:
        super().__init__(f"nested more than {MAX_DEPTH} levels deep")


def depth_of(value: Any) -> int:
    """How deep lists and dicts nest in a parsed value (iterative: no recursion of its own)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, (dict, list)):
            deepest = max(deepest, level)
            if level > MAX_DEPTH:
                break
            stack.extend((child, level + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


def loads_json(text: str | bytes) -> Any:
    """``json.loads``; too deep is ``TooDeep``, itself a ValueError like JSONDecodeError."""
    try:
        value = json.loads(text)
    except RecursionError:
        raise TooDeep() from None
    if depth_of(value) > MAX_DEPTH:
        raise TooDeep()
    return value


def check_yaml_depth(text: str) -> None:
    """``TooDeep`` before yaml.compose recurses: PyYAML's event parser is a loop, not recursive."""
    level = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            level += 1
            if level > MAX_DEPTH:
                raise TooDeep()
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            level -= 1
