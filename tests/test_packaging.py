"""An installed wheel carries what carbonreg reads at run time.

A registry's workflows install carbonreg as a wheel (``pip install "carbonreg @ git+…"``), not from a
checkout: the schemas, the site theme and docs, the jurisdiction profiles, the sample registry and the
workflow templates must be in it. The wheel is built here from a copy of the repository (offline,
``--no-build-isolation``), unpacked, and run with nothing else of the repository on the path."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SKIP = shutil.ignore_patterns(".git", ".venv", "_site", "._site.builds", ".sample-build", "build", "*.egg-info",
                              "__pycache__", ".pytest_cache", ".hypothesis", ".mypy_cache", ".ruff_cache", "bench", "fuzz",
                              "tests")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("packaging")
    source = work / "source"
    shutil.copytree(REPO, source, symlinks=True, ignore=SKIP)
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                           "--wheel-dir", str(work / "dist"), str(source)], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    built, = (work / "dist").glob("carbonreg-*.whl")
    unpacked = work / "installed"
    with zipfile.ZipFile(built) as archive:
        archive.extractall(unpacked)
    return unpacked


def test_the_wheel_holds_every_data_file_of_the_repository(wheel):
    data = wheel / "carbonreg_data"
    for folder in ("schemas", "site/theme", "site/docs", "profiles"):
        expected = {p.relative_to(REPO).as_posix() for p in (REPO / folder).rglob("*") if p.is_file()
                    and "__pycache__" not in p.parts}
        present = {p.relative_to(data).as_posix() for p in (data / folder).rglob("*") if p.is_file()}
        assert expected and expected == present, folder
    for name in ("check.yml", "comment.yml", "publish.yml", "status.yml"):
        assert (data / "github" / "workflows" / name).is_file()
    assert (wheel / "generator" / "scaffold" / "repo" / "CONTRIBUTING.md").is_file()
    assert (wheel / "generator" / "accounting" / "units.json").is_file()   # the unit conversions (data)
    for profile in ("shanghai", "national"):   # every jurisdiction profile, e.g. the generic national one
        assert (data / "profiles" / profile / "profile.yaml").is_file(), profile


def test_a_wheel_install_starts_checks_and_builds_a_registry(wheel, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(wheel), "CARBONREG_CACHE": str(tmp_path / "cache")}

    def carbonreg(*args):
        return subprocess.run([sys.executable, "-m", "generator.cli", *args], capture_output=True, text=True,
                              env=env, cwd=tmp_path, timeout=600)

    where = subprocess.run([sys.executable, "-c", "import generator, generator.datadir as d; print(generator.__file__); print(d.ROOT)"],
                           capture_output=True, text=True, env=env, cwd=tmp_path)
    assert where.stdout.splitlines() == [str(wheel / "generator" / "__init__.py"), str(wheel / "carbonreg_data")], where.stderr
    made = carbonreg("init", str(tmp_path / "city"), "--jurisdiction", "shanghai")
    assert made.returncode == 0, made.stdout + made.stderr
    assert sorted(p.name for p in (tmp_path / "city" / ".github" / "workflows").iterdir()) == \
        ["check.yml", "comment.yml", "publish.yml", "status.yml"]
    checked = carbonreg("check", str(tmp_path / "city" / "registry"), "--today", "2026-12-01")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    built = carbonreg("build", "--registry", str(tmp_path / "city" / "registry"), "--out", str(tmp_path / "site"),
                      "--today", "2026-12-01", "--no-search")
    assert built.returncode == 0, built.stdout + built.stderr
    assert (tmp_path / "site" / "index.html").is_file() and (tmp_path / "site" / "assets" / "style.css").is_file()
    assert (tmp_path / "site" / "docs" / "filing" / "index.html").is_file()
    made = carbonreg("init", str(tmp_path / "nation"), "--jurisdiction", "national", "--no-git")
    assert made.returncode == 0, made.stdout + made.stderr
    checked = carbonreg("check", str(tmp_path / "nation" / "registry"), "--today", "2026-12-01")
    assert checked.returncode == 0 and "3 factor sets" in checked.stdout, checked.stdout + checked.stderr
