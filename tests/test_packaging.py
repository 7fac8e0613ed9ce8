"""The distribution as a user gets it: the sdist holds what the wheel needs, and the wheel,
installed into a fresh virtual environment outside the checkout, answers the Paris pack with
the real model. Offline: the build uses this environment's setuptools (no isolation) and the
fresh environment reads the third-party packages already installed here (a .pth line),
while the package itself comes only from the wheel."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from orchestrator.model import default_model_path
from tests.conftest import CHINA, ROOT, real_model_home

MODEL = default_model_path(real_model_home())


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    """``python -m build``: the sdist, then the wheel built from that sdist."""
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)],
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return out


def _wheel(dist: Path) -> Path:
    (wheel,) = dist.glob("orchestrator-*.whl")
    return wheel


def test_sdist_holds_what_the_wheel_needs(dist):
    (sdist,) = dist.glob("orchestrator-*.tar.gz")
    with tarfile.open(sdist) as tar:
        names = {name.split("/", 1)[1] for name in tar.getnames() if "/" in name}
    for needed in ("pyproject.toml", "README.md", "orchestrator/net/base.py", "orchestrator/cli/__init__.py",
                   "sources/base.py", "sources/isolate.py", "policies/__init__.py", "policies/default.yaml",
                   "policies/profiles/mobile.yaml"):
        assert needed in names, needed


def test_wheel_installs_under_the_projects_own_name(dist):
    with zipfile.ZipFile(_wheel(dist)) as wheel:
        names = wheel.namelist()
    tops = {name.split("/", 1)[0] for name in names}
    assert tops == {"orchestrator", next(t for t in tops if t.endswith(".dist-info"))}
    for needed in ("orchestrator/sources/isolate.py", "orchestrator/sources/base.py", "orchestrator/policies/default.yaml",
                   "orchestrator/policies/finance.yaml", "orchestrator/policies/profiles/edge.yaml"):
        assert needed in names, needed


def _imports(package: Path) -> set[str]:
    found = set()
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module.split(".")[0])
    return found


def test_every_import_is_a_declared_dependency(dist):
    """Each third-party module the package imports belongs to a distribution its wheel
    declares (core or an extra): nothing works here only because a test extra installed it."""
    with zipfile.ZipFile(_wheel(dist)) as wheel:
        meta = next(n for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
        requires = [Requirement(line.split(":", 1)[1].strip()) for line in wheel.read(meta).decode().splitlines()
                    if line.startswith("Requires-Dist:")]
    declared = {canonicalize_name(r.name) for r in requires
                if r.marker is None or "serve" in str(r.marker) or "model" in str(r.marker)}
    owners = metadata.packages_distributions()
    stdlib = set(sys.stdlib_module_names)
    missing = {}
    for module in _imports(ROOT / "orchestrator") | _imports(ROOT / "sources"):
        if module in stdlib or module in ("orchestrator", "__future__"):
            continue
        dists = {canonicalize_name(d) for d in owners.get(module, [])}
        if not dists & declared:
            missing[module] = sorted(dists)
    assert not missing, f"imported but not declared: {missing}"


@pytest.mark.model
@pytest.mark.skipif(not MODEL.is_file(), reason=f"default model not assembled at {MODEL} (run make setup)")
def test_wheel_in_a_fresh_venv_answers_outside_the_checkout(dist, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    site = Path(subprocess.run([str(venv / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    # Third-party packages from this environment (a plain path line: its .pth files, which
    # hold the editable checkout, are not read); the package itself only from the wheel.
    (site / "zz_third_party.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    done = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--no-index", "--no-deps",
                           str(_wheel(dist))], capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert not (site / "sources").exists() and not (site / "policies").exists()

    away = tmp_path / "elsewhere"
    away.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "ORCHESTRATOR_POLICY")}
    env["ORCHESTRATOR_HOME"] = str(real_model_home())
    env["ORCHESTRATOR_MODEL"] = str(MODEL)
    located = subprocess.run([str(venv / "bin" / "python"), "-c", "import orchestrator.sources, orchestrator.config as c; "
                              "print(orchestrator.sources.__file__); print(c.DEFAULT_POLICY)"],
                             cwd=away, env=env, capture_output=True, text=True, check=True).stdout.split()
    assert all(path.startswith(str(site)) for path in located), located
    done = subprocess.run([str(venv / "bin" / "orchestrator"), "ask", "--replay", str(CHINA), "--json",
                           "--data-dir", str(tmp_path / "home")],
                          cwd=away, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    answer = json.loads(done.stdout)
    assert answer["status"] == "answered" and answer["answer"] == "40" and answer["as_of"] == "2024-08-11"
