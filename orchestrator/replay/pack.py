"""Reading and writing fixture packs (../shared/PACKS.md): case.json + cassette.json."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, PlainValidator, ValidationError, field_validator

from orchestrator.errors import PackInvalid
from orchestrator.nesting import loads_json
from orchestrator.urls import splits


def _parsable_url(value: str) -> str:
    """Replay splits every recorded URL (host, port, query): refuse one it could not split."""
    if not splits(value):
        raise ValueError("not a URL urlsplit can take apart")
    return value


class SearchSpec(BaseModel):
    model_config = ConfigDict(extra="allow")
    provider: str
    base_url: str

    _url = field_validator("base_url")(_parsable_url)


class Case(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    question: str
    asked_at: datetime
    language: str | None = None
    choices: list[str] | None = None
    expected: dict[str, Any] | None = None
    search: SearchSpec
    origin: str | None = None

    @field_validator("asked_at")
    @classmethod
    def _has_offset(cls, value: datetime) -> datetime:
        if value.tzinfo is None:
            raise ValueError("asked_at needs a UTC offset")
        return value


# One recorded interaction (vcrpy cassette format, PACKS.md). load_pack validates with these
# models and ReplayTransport serves from them, so what ``fixtures check`` passes replays.
def _header_values(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    raise ValueError("a header value must be a string or a list of strings")


Headers = dict[str, Annotated[list[str], PlainValidator(_header_values)]]


class RecordedRequest(BaseModel):
    model_config = ConfigDict(extra="allow")
    method: str = Field(min_length=1)
    uri: str = Field(min_length=1)
    body: str | None = None
    headers: Headers = {}

    _uri = field_validator("uri")(_parsable_url)


class RecordedStatus(BaseModel):
    model_config = ConfigDict(extra="allow")
    code: int = Field(strict=True, ge=100, le=999)
    message: str | None = None


class RecordedBody(BaseModel):
    model_config = ConfigDict(extra="allow")
    string: str | None = None  # binary bodies are not stored (PACKS.md)


class RecordedResponse(BaseModel):
    model_config = ConfigDict(extra="allow")
    status: RecordedStatus
    headers: Headers | None = None
    body: RecordedBody | None = None


class Interaction(BaseModel):
    model_config = ConfigDict(extra="allow")
    request: RecordedRequest
    response: RecordedResponse


class Pack(BaseModel):
    path: Path
    case: Case
    interactions: list[dict[str, Any]]  # as in the file, each valid as an Interaction


_JSON_TYPES = {dict: "an object", str: "a string", int: "a number", float: "a number", bool: "true or false",
               type(None): "null"}


def _read_json(path: Path) -> Any:
    if not path.is_file():
        raise PackInvalid(f"{path}: missing file")
    try:
        return loads_json(path.read_text(encoding="utf-8"))
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError, nesting.TooDeep
        raise PackInvalid(f"{path}: invalid JSON ({exc})") from exc
    except OSError as exc:  # permission denied, a folder of that name, a failing disk
        raise PackInvalid(f"{path}: cannot read ({exc.strerror or type(exc).__name__})") from exc


def _check_interaction(path: Path, index: int, item: Any) -> None:
    where = f"{path}: interactions[{index}]"
    try:
        Interaction.model_validate(item)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = list(err["loc"])
        name = loc.pop() if err["type"] == "missing" else None
        at = where + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc)
        if name is not None:
            raise PackInvalid(f"{at}: missing field {name!r}") from exc
        raise PackInvalid(f"{at}: {'not an object' if err['type'] == 'model_type' else err['msg']}") from exc


def invalid_field(exc: ValidationError) -> str:
    """The first invalid field of a case, named: "field 'expected': missing required field"."""
    err = exc.errors()[0]
    field = ".".join(str(p) for p in err["loc"])
    what = "missing required field" if err["type"] == "missing" else err["msg"]
    return f"field '{field}': {what}"


def load_pack(directory: str | Path) -> Pack:
    """Load and validate a pack, refusing a malformed one before anything runs."""
    root = Path(directory)
    if not root.is_dir():
        raise PackInvalid(f"{root}: not a pack directory")
    case_path, cassette_path = root / "case.json", root / "cassette.json"
    raw_case = _read_json(case_path)
    if not isinstance(raw_case, dict):
        raise PackInvalid(f"{case_path}: must be a JSON object")
    try:
        case = Case.model_validate(raw_case)
    except ValidationError as exc:
        raise PackInvalid(f"{case_path}: {invalid_field(exc)}") from exc
    cassette = _read_json(cassette_path)
    if not isinstance(cassette, dict):
        raise PackInvalid(f"{cassette_path}: must be a JSON object")
    if "interactions" not in cassette:
        raise PackInvalid(f"{cassette_path}: missing field 'interactions'")
    if not isinstance(cassette["interactions"], list):
        raise PackInvalid(f"{cassette_path}: field 'interactions' must be a list, "
                          f"got {_JSON_TYPES.get(type(cassette['interactions']), 'a value')}")
    for index, item in enumerate(cassette["interactions"]):
        _check_interaction(cassette_path, index, item)
    return Pack(path=root, case=case, interactions=cassette["interactions"])


def find_packs(directory: str | Path) -> list[Path]:
    """Every pack directory under ``directory`` (itself included), sorted. Symlinked
    folders are followed (Python 3.11's ``rglob`` does not), each real folder once, so a
    link back up the tree does not loop."""
    root = Path(directory)
    if not root.is_dir():
        raise PackInvalid(f"{root}: not a directory")
    found, walked = [], set()
    for folder, subfolders, files in os.walk(root, followlinks=True):
        real = os.path.realpath(folder)
        if real in walked:
            subfolders.clear()
            continue
        walked.add(real)
        subfolders.sort()  # the same folder wins on every run when two paths lead to it
        if "case.json" in files:
            found.append(Path(folder))
    return sorted(found)


def write_pack(directory: Path, case: dict[str, Any], interactions: list[dict[str, Any]]) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for name, data in (("case.json", case), ("cassette.json", {"version": 1, "interactions": interactions})):
        tmp = directory / (name + ".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(directory / name)
