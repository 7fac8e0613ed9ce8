"""YAML files validated by strict pydantic models, with errors that name the key and line."""

from __future__ import annotations

from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from orchestrator.errors import ConfigError
from orchestrator.nesting import TooDeep, check_yaml_depth

M = TypeVar("M", bound=BaseModel)


def line_of(root: yaml.Node | None, loc: tuple) -> int | None:
    """The 1-based line of the YAML node at a pydantic error location."""
    node, line = root, None
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            match = next((kv for kv in node.value if kv[0].value == str(key)), None)
            if match is None:
                break
            line = match[0].start_mark.line + 1
            node = match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            break
    return line


def parse_yaml_model(text: str, source: str, model: type[M], error: type[ConfigError], kind: str) -> M:
    """``text`` as ``model``; its problems are one ``error`` line: "file: line N key: what; ..."."""
    try:
        check_yaml_depth(text)  # first: composing a deep document is a RecursionError
        data = yaml.safe_load(text)
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        problem = " ".join(str(getattr(exc, "problem", None) or exc).split())  # one line, whatever the parser wrote
        raise error(f"{source}:{where} invalid YAML: {problem}") from exc
    except TooDeep as exc:
        raise error(f"{source}: invalid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise error(f"{source}: a {kind} must be a YAML mapping")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        # Every problem, unknown keys first: a misspelt "tier:" is also why "tiers" is missing, and it has a line.
        errors = sorted(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")
        raise error(f"{source}: " + "; ".join(_problem(root, e) for e in errors)) from exc


def _problem(root: yaml.Node | None, err) -> str:
    """"line N key: what" of one validation error."""
    loc = tuple(err["loc"])
    line = line_of(root, loc)
    key = ".".join(str(p) for p in loc) or "(top level)"
    what = "unknown key" if err["type"] == "extra_forbidden" else err["msg"]
    return f"{f'line {line} ' if line else ''}{key}: {what}"
