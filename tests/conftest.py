"""Shared fixtures: a real store built once per session from the bundled press release."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RELEASE = ROOT / "data" / "ncc-press-release-2014-07-02.txt"
DEV_QA = ROOT / "tests" / "data" / "dev.jsonl"
QABOT = [sys.executable, "-m", "bot.cli"]


def clean_env(**extra: str) -> dict[str, str]:
    """Environment for a subprocess: no QABOT_/SLACK_/CHROMA_ settings leak in from the caller."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QABOT_", "SLACK_", "CHROMA_"))}
    env.update(extra)
    return env


def run_qabot(*args: str, env: dict[str, str] | None = None, input: str | None = None, timeout: int = 300, cwd: Path | None = None):
    return subprocess.run(
        [*QABOT, *args], capture_output=True, text=True, env=env or clean_env(), input=input, timeout=timeout, cwd=cwd or ROOT
    )


# Modules of one long test (~1 min each), run first under pytest-xdist: last in a worker's share of
# the collection, one would run on after the other worker has nothing left to take.
FIRST_UNDER_XDIST = ("test_install.py", "test_concurrent_eval.py")


def pytest_collection_modifyitems(config, items):
    if os.environ.get("PYTEST_XDIST_WORKER"):  # every worker sorts the same way, so collections agree
        items.sort(key=lambda item: item.path.name not in FIRST_UNDER_XDIST)  # stable: modules stay whole


@pytest.fixture(scope="session")
def release_store(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("store") / "release"
    result = run_qabot("ingest", str(RELEASE), "--store", str(store))
    assert result.returncode == 0, result.stderr
    return store


@pytest.fixture(scope="session")
def pipeline(release_store):
    from bot.config import Settings
    from bot.qa.pipeline import Pipeline

    return Pipeline(Settings(store=release_store))


@pytest.fixture(scope="session")
def dev_items() -> list[dict]:
    return [json.loads(line) for line in DEV_QA.read_text(encoding="utf-8").splitlines() if line.strip()]
