"""A real package (issue 13): a wheel built from the repository, installed (not editable) into a fresh
venv, runs ``tipwatch run`` on the seed from an unrelated directory.

The fresh venv has no pip and no dependencies of its own: a ``.pth`` file puts this interpreter's
site-packages *after* its own, so the dependencies come from the test environment (offline) while
``flows``, ``extractors`` and ``models`` can only come from the wheel (a ``.pth`` path line does not
run the editable install's finder, and PYTHONPATH is cleared).

The wheel is built with ``pip wheel --no-deps --no-build-isolation`` when this environment can build
wheels itself (setuptools >= 70.1, or the ``wheel`` package), else with build isolation: pip fetches
``setuptools>=68`` (``[build-system]``) from the package index. A Python 3.11 venv such as CI's has
setuptools 65.5 and no ``wheel``, so CI takes the second way, reaching the index its own install of the
dependencies already needs. Nothing here skips: CI (``.ci/run``, the README's ``pytest -q``) runs it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "raw" / "pakistan-tip-ranking-conference.txt"
PACKAGED = ("pyproject.toml", "README.md", "tipwatch.py", "flows", "extractors", "models")


def can_build_without_isolation() -> bool:
    try:
        import setuptools.command.bdist_wheel  # noqa: F401  (setuptools >= 70.1)
    except ImportError:
        try:
            import wheel  # noqa: F401
        except ImportError:
            return False
    return True


def build_wheel(tmp: Path) -> Path:
    """Copy what the package is made of (never build in the repository: it would leave build/ and
    *.egg-info behind) and build one wheel of it."""
    src = tmp / "src"
    src.mkdir()
    for name in PACKAGED:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(
                path, src / name, ignore=shutil.ignore_patterns("__pycache__", "corpus", "training")
            )
        elif path.exists():
            shutil.copy(path, src / name)
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp / "dist"), str(src)]
    if can_build_without_isolation():
        cmd.insert(5, "--no-build-isolation")
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    (wheel,) = (tmp / "dist").glob("tipwatch-*.whl")
    return wheel


def fresh_venv(tmp: Path, wheel: Path) -> Path:
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    py = venv / "bin" / "python"
    purelib = subprocess.run(
        [py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(purelib) / "tipwatch-test-deps.pth").write_text("".join(f"{d}\n" for d in sorted(deps)))
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(py), "install", "-q", "--no-deps", "--no-index", str(wheel)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    return venv


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("install")
    wheel = build_wheel(tmp)
    return wheel, fresh_venv(tmp, wheel)


def env_for(work: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "TIPWATCH_MODELS", "PREFECT_HOME")}
    return {**env, "PREFECT_HOME": str(work / "prefect-home"), "XDG_DATA_HOME": str(work / "data")}


def test_wheel_ships_three_packages_and_the_rules(installed):
    wheel, _ = installed
    names = zipfile.ZipFile(wheel).namelist()
    top = {n.split("/")[0] for n in names if not n.startswith("tipwatch-0.1.0.dist-info/")}
    assert top == {"flows", "extractors", "models", "tipwatch.py"}
    shipped = {"models/pipeline.cfg", "models/gazetteers/countries.csv", "models/agency_ner/model/meta.json"}
    assert shipped | {"flows/templates/review.html.j2", "models/gold/news_gold.jsonl"} <= set(names)
    assert not [n for n in names if "__pycache__" in n or "/corpus/" in n or "/training/" in n]


def test_installed_wheel_runs_from_an_unrelated_directory(installed, tmp_path):
    _, venv = installed
    work = tmp_path / "elsewhere"
    (work / "raw").mkdir(parents=True)
    shutil.copy(SEED, work / "raw" / SEED.name)
    env = env_for(work)
    where = subprocess.run(
        [venv / "bin" / "python", "-c", "import flows, extractors.assets as a; print(flows.__file__, a.MODELS_DIR)"],
        capture_output=True, text=True, env=env, cwd=work, check=True,
    ).stdout.split()  # fmt: skip
    assert all(p.startswith(str(venv)) for p in where), where
    proc = subprocess.run(
        [venv / "bin" / "tipwatch", "run"], capture_output=True, text=True, env=env, cwd=work, timeout=600
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "1 documents (1 parsed and extracted, 0 unchanged, 0 not ok)" in proc.stdout
    out = subprocess.run(
        [venv / "bin" / "tipwatch", "query", "SELECT name FROM officials ORDER BY name", "--format", "csv"],
        capture_output=True, text=True, env=env, cwd=work, check=True,
    ).stdout  # fmt: skip
    assert "Syed Kausar Abbas" in out and out.startswith("name\n")
    assert not (work / ".prefect").exists()  # Prefect's home is the user's data folder, not the cwd
    assert sorted(p.name for p in work.iterdir()) == ["prefect-home", "processed", "raw"]


def test_models_override(installed, tmp_path):
    """``--models DIR``: a copy of the rules with one edit is what the run uses (its rules hash)."""
    _, venv = installed
    work = tmp_path / "w"
    (work / "raw").mkdir(parents=True)
    shutil.copy(SEED, work / "raw" / SEED.name)
    rules = work / "rules"
    shutil.copytree(ROOT / "models", rules, ignore=shutil.ignore_patterns("gold", "corpus", "training"))
    with open(rules / "patterns" / "boilerplate.txt", "a") as f:
        f.write("# an edited rule file\nThis line is boilerplate now\n")
    env = env_for(work)
    proc = subprocess.run(
        [venv / "bin" / "tipwatch", "run", "--models", "rules", "--json"],
        capture_output=True, text=True, env=env, cwd=work, timeout=600,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    from extractors.nlp.pipeline import rules_hash

    processed = work / "processed"
    manifest = (processed / "runs" / (processed / "latest").read_text().strip() / "manifest.json").read_text()
    assert rules_hash(rules) in manifest and rules_hash(ROOT / "models") not in manifest
    bad = subprocess.run(
        [venv / "bin" / "tipwatch", "run", "--models", "raw"],
        capture_output=True,
        text=True,
        env=env,
        cwd=work,
    )
    assert (bad.returncode, bad.stderr) == (1, "tipwatch: error: not a rules folder (no pipeline.cfg): raw\n")
