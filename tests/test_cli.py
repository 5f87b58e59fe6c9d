"""The CLI's contract: help that explains, one-line errors with exit != 0, batch output."""

from __future__ import annotations

import json

import pytest

from tests.conftest import RELEASE, clean_env, run_qabot


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


def test_sources_and_remove(tmp_path):
    store = tmp_path / "s"
    run_qabot("ingest", str(RELEASE), "--store", str(store))
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


def test_condense_joins_follow_ups():
    from bot.responder import condense

    assert condense("when?", ["Who made the cover image?"]) == "Who made the cover image? when?"
    assert condense("What is the fax number of the press office?", ["x"]) == "What is the fax number of the press office?"
    assert condense("それはいつですか？", ["論文はどこに掲載されましたか？"]).startswith("論文は")
