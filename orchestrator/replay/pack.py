"""Reading and writing fixture packs (../shared/PACKS.md): case.json + cassette.json."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from orchestrator.errors import PackInvalid
from orchestrator.nesting import loads_json


class SearchSpec(BaseModel):
    model_config = ConfigDict(extra="allow")
    provider: str
    base_url: str


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


class Pack(BaseModel):
    path: Path
    case: Case
    interactions: list[dict[str, Any]]


def _read_json(path: Path) -> Any:
    if not path.is_file():
        raise PackInvalid(f"{path}: missing file")
    try:
        return loads_json(path.read_text(encoding="utf-8"))
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError, nesting.TooDeep
        raise PackInvalid(f"{path}: invalid JSON ({exc})") from exc


def _check_interaction(path: Path, index: int, item: Any) -> None:
    where = f"{path}: interactions[{index}]"
    if not isinstance(item, dict):
        raise PackInvalid(f"{where}: not an object")
    request, response = item.get("request"), item.get("response")
    if not isinstance(request, dict) or not request.get("uri") or not request.get("method"):
        raise PackInvalid(f"{where}.request: missing field 'method' or 'uri'")
    if not isinstance(response, dict) or not isinstance(response.get("status"), dict):
        raise PackInvalid(f"{where}.response: missing field 'status'")
    if not isinstance(response["status"].get("code"), int):
        raise PackInvalid(f"{where}.response.status: missing field 'code'")


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
        err = exc.errors()[0]
        field = ".".join(str(p) for p in err["loc"])
        what = "missing required field" if err["type"] == "missing" else err["msg"]
        raise PackInvalid(f"{case_path}: field '{field}': {what}") from exc
    cassette = _read_json(cassette_path)
    if not isinstance(cassette, dict) or not isinstance(cassette.get("interactions"), list):
        raise PackInvalid(f"{cassette_path}: missing field 'interactions'")
    for index, item in enumerate(cassette["interactions"]):
        _check_interaction(cassette_path, index, item)
    return Pack(path=root, case=case, interactions=cassette["interactions"])


def find_packs(directory: str | Path) -> list[Path]:
    """Every pack directory under ``directory`` (itself included), sorted."""
    root = Path(directory)
    if not root.is_dir():
        raise PackInvalid(f"{root}: not a directory")
    return sorted(p.parent for p in root.rglob("case.json"))


def write_pack(directory: Path, case: dict[str, Any], interactions: list[dict[str, Any]]) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for name, data in (("case.json", case), ("cassette.json", {"version": 1, "interactions": interactions})):
        tmp = directory / (name + ".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(directory / name)
