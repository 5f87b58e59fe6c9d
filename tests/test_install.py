"""A normal (non-editable) install works on its own: built as a wheel from a copy of the tree,
installed into a fresh virtualenv, the copy deleted, run from another directory.

To keep CI time sane the fresh venv does not download the dependencies again: a .pth file puts
a directory of links to the test environment's installed packages on its path -- every package
except qabot itself (the editable install of the tree and its metadata are left out, and .pth
files in that directory are not run, so the editable finder is never installed). What the venv
imports as bot/index/prompts is therefore only what the wheel installed into it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.conftest import RELEASE, ROOT

pytestmark = pytest.mark.slow

QABOT_OWN = ("__editable__", "qabot-", "__editable___qabot", "bot", "index", "prompts")


def _run(args, cwd: Path, env: dict[str, str], timeout: int = 300) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, (args, result.stdout[-2000:], result.stderr[-2000:])
    return result


def _env(**extra: str) -> dict[str, str]:
    """No PYTHONPATH (it may point at the tree), no qabot settings from the caller."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH" and not k.startswith(("QABOT_", "SLACK_", "CHROMA_"))}
    env.update(extra)
    return env


def _dependencies_only(target: Path) -> Path:
    """Links to every installed package of this environment except qabot's own entries."""
    site = Path(sysconfig.get_paths()["purelib"])
    target.mkdir()
    for entry in site.iterdir():
        if entry.name.startswith(QABOT_OWN) or entry.suffix == ".pth":
            continue
        (target / entry.name).symlink_to(entry)
    return target


def test_wheel_install_ingests_and_answers_without_the_source_tree(tmp_path):
    env = _env(HOME=str(tmp_path / "home"))
    # 1. Build a wheel from a copy of the tree (what `pip install .` does), then delete the copy.
    src = tmp_path / "src"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(".git", ".venv", "__pycache__", ".qabot", ".pytest_cache", ".hypothesis", "reports", "*.egg-info", "build", "tests", "docs"))
    wheels = tmp_path / "wheels"
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", wheels, src], tmp_path, env)
    (wheel,) = wheels.glob("qabot-*.whl")

    # 2. A fresh venv that sees the dependencies but not qabot; install the wheel into it.
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", venv], tmp_path, env)
    python = venv / "bin" / "python"
    site = Path(_run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], tmp_path, env).stdout.strip())
    (site / "qabot-test-dependencies.pth").write_text(str(_dependencies_only(tmp_path / "deps")) + "\n")
    missing = _run([python, "-c", "import importlib.util as u; print(u.find_spec('bot'), u.find_spec('index'))"], tmp_path, env)
    assert missing.stdout.split() == ["None", "None"], "the venv must not see the source tree's qabot"
    _run([python, "-m", "pip", "install", "--no-deps", "--no-index", "-q", wheel], tmp_path, env)
    shutil.rmtree(src)
    shutil.rmtree(wheels)

    # 3. From another directory: the installed package is all there is.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = _run([python, "-c", "import bot, index, prompts; print(bot.__file__, index.__file__, *prompts.__path__)"], elsewhere, env)
    assert all(path.startswith(str(venv)) for path in where.stdout.split()), where.stdout
    doc = elsewhere / RELEASE.name
    shutil.copy(RELEASE, doc)
    qabot = venv / "bin" / "qabot"
    store = tmp_path / "store"
    ingested = _run([qabot, "ingest", doc, "--store", store, "--json"], elsewhere, env)
    assert json.loads(ingested.stdout)["ingested"] == 1
    answer = json.loads(_run([qabot, "ask", "why are dormant cells drug resistant?", "--store", store, "--json"], elsewhere, env).stdout)
    assert not answer["abstained"] and answer["citations"]
    text = doc.read_text(encoding="utf-8")
    assert all(text[c["start"] : c["end"]] == c["text"] for c in answer["citations"])

    # 4. The installed package carries the engine kernel: the native build works from it alone.
    if shutil.which("gcc") or shutil.which("cc"):
        built = _run([python, "-m", "index.engine"], elsewhere, env).stdout.strip()
        assert built.startswith(str(venv / "share" / "qabot")), built
        again = json.loads(_run([qabot, "ask", "why are dormant cells drug resistant?", "--store", store, "--json"], elsewhere, env).stdout)
        assert [c["text"] for c in again["citations"]] == [c["text"] for c in answer["citations"]]
