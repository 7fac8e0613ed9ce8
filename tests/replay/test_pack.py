import json
import shutil
from pathlib import Path

import httpx
import pytest

from orchestrator.errors import PackInvalid
from orchestrator.net.base import NOT_RECORDED_HEADER
from orchestrator.net.replay import ReplayTransport, normalise_uri
from orchestrator.replay.pack import find_packs, load_pack
from tests.conftest import CHINA, FIXTURES, USA


def copy_pack(tmp_path):
    target = tmp_path / "pack"
    shutil.copytree(CHINA, target)
    return target


def test_fixture_packs_load():
    assert {p.name for p in find_packs(FIXTURES)} >= {"paris-2024-china-gold", "paris-2024-us-gold"}
    pack = load_pack(CHINA)
    assert pack.case.asked_at.isoformat() == "2024-08-12T09:00:00+00:00"


def test_find_packs_follows_symlinked_folders_once_and_survives_a_loop(tmp_path):
    chosen = tmp_path / "chosen"
    (chosen / "nested").mkdir(parents=True)
    (chosen / "china").symlink_to(CHINA, target_is_directory=True)
    (chosen / "nested" / "usa").symlink_to(USA, target_is_directory=True)
    (chosen / "nested" / "again").symlink_to(CHINA, target_is_directory=True)  # the same pack twice
    (chosen / "nested" / "up").symlink_to(chosen, target_is_directory=True)  # a loop
    assert find_packs(chosen) == [chosen / "china", chosen / "nested" / "usa"]


def test_missing_cassette_names_the_file(tmp_path):
    pack = copy_pack(tmp_path)
    (pack / "cassette.json").unlink()
    with pytest.raises(PackInvalid, match="cassette.json: missing file"):
        load_pack(pack)


def test_an_unreadable_file_is_named_not_a_traceback(tmp_path, monkeypatch):
    """A cassette the user may not read had ended ask --replay, fixtures check and bench in
    a PermissionError traceback."""
    pack = copy_pack(tmp_path)
    read = Path.read_text

    def denied(self, *args, **kwargs):
        if self.name == "cassette.json":
            raise PermissionError(13, "Permission denied")
        return read(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", denied)
    with pytest.raises(PackInvalid, match="cassette.json: cannot read \\(Permission denied\\)"):
        load_pack(pack)


def test_invalid_json_names_the_file(tmp_path):
    pack = copy_pack(tmp_path)
    (pack / "case.json").write_text("{not json")
    with pytest.raises(PackInvalid, match="case.json: invalid JSON"):
        load_pack(pack)


@pytest.mark.parametrize("field", ["id", "question", "asked_at", "search"])
def test_missing_required_field_is_named(tmp_path, field):
    pack = copy_pack(tmp_path)
    case = json.loads((pack / "case.json").read_text())
    del case[field]
    (pack / "case.json").write_text(json.dumps(case))
    with pytest.raises(PackInvalid, match=f"field '{field}'"):
        load_pack(pack)


def test_asked_at_needs_an_offset(tmp_path):
    pack = copy_pack(tmp_path)
    case = json.loads((pack / "case.json").read_text())
    case["asked_at"] = "2024-08-12T09:00:00"
    (pack / "case.json").write_text(json.dumps(case))
    with pytest.raises(PackInvalid, match="asked_at"):
        load_pack(pack)


def test_query_order_is_normalised():
    assert normalise_uri("https://A.org/p?b=2&a=1") == normalise_uri("https://a.org/p?a=1&b=2")


def test_replay_matches_exact_uri_and_any_search_query():
    transport = ReplayTransport(load_pack(CHINA))
    with httpx.Client(transport=transport) as client:
        search = client.get("http://searxng.replay/search", params={"q": "a different query", "format": "json"})
        assert search.status_code == 200 and search.json()["results"]
        page = client.get("https://olympics.com/en/paris-2024/medals")
        assert page.status_code == 200 and "40 gold" in page.text
        missing = client.get("https://olympics.com/en/not-recorded")
        assert missing.headers[NOT_RECORDED_HEADER] == "1"
