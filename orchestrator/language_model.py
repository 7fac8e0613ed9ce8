"""py3langid's classifier (orchestrator/language.py), its model kept ready to map.

The model in py3langid's wheel is xz-compressed and covers 97 languages: unpacking it costs
about 0.5 s and 110 MB of memory in every process that detects a language, which is every
CLI question asked without ``--language``. Restricted to the supported languages once and
stored uncompressed under the data directory (``cache/langid-*``), it is memory-mapped
instead: it opens at once, and a question reads only the few table cells its bytes visit.
The arrays are the ones py3langid builds, with the same types, so the classifier is the
same; a cache that cannot be written or read falls back to the packaged model."""

from __future__ import annotations

import hashlib
import json
import mmap
import os
import shutil
import tempfile
from array import array
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np


def load_identifier(languages: list[str], data_dir: Path | None) -> Any:
    """py3langid's ``LanguageIdentifier`` for ``languages``, mapped from ``data_dir``'s
    cache (made there on first use); without a data directory, unpacked in memory."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    folder = _folder(languages, data_dir) if data_dir is not None else None
    if folder is not None:
        try:
            return _mapped(folder, LanguageIdentifier)
        except (OSError, ValueError):
            pass  # not made yet, or damaged: made anew below
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    identifier.set_languages(languages)
    if folder is None:
        return identifier
    try:
        _store(identifier, folder)
        return _mapped(folder, LanguageIdentifier)  # the unpacked arrays are freed at once
    except (OSError, ValueError):
        return identifier  # a read-only data directory costs the speed-up, never the answer


def _folder(languages: list[str], data_dir: Path) -> Path:
    digest = hashlib.sha256(" ".join(sorted(languages)).encode()).hexdigest()[:12]
    return data_dir / "cache" / f"langid-{version('py3langid')}-{digest}"


def _store(identifier: Any, folder: Path) -> None:
    """Written beside ``folder`` and renamed into place: a reader never sees half a model."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".langid-", dir=folder.parent))
    try:
        np.save(scratch / "ptc.npy", np.ascontiguousarray(identifier.nb_ptc))
        np.save(scratch / "pc.npy", np.ascontiguousarray(identifier.nb_pc))
        (scratch / "classes.json").write_text(json.dumps(list(identifier.nb_classes)))
        for name, values, code in (("nextmove", identifier.tk_nextmove, "I"), ("row", identifier.tk_row, "H"),
                                   ("output", identifier.tk_output, "i")):
            (scratch / f"{name}.{code}").write_bytes(array(code, values).tobytes())
        shutil.rmtree(folder, ignore_errors=True)  # a damaged copy; a process mapping it keeps its pages
        os.replace(scratch, folder)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)  # gone already once renamed


def _mapped(folder: Path, identifier_class: Any) -> Any:
    with open(folder / "nextmove.I", "rb") as file:
        nextmove = memoryview(mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)).cast("I")
    row, output = array("H"), array("i")
    row.frombytes((folder / "row.H").read_bytes())
    output.frombytes((folder / "output.i").read_bytes())
    classes = json.loads((folder / "classes.json").read_text())
    ptc = np.load(folder / "ptc.npy", mmap_mode="r")
    pc = np.load(folder / "pc.npy")
    if ptc.ndim != 2 or ptc.shape[1] != len(classes) != len(pc) or len(output) != len(row):
        raise ValueError(f"{folder}: inconsistent model")
    return identifier_class(ptc, pc, classes, nextmove, output, norm_probs=False, tk_row=row)
