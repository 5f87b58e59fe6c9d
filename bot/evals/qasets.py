"""QA sets (JSONL) and the gold-matching rules the metrics are built on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from index.clean import squash  # gold spans are compared with all whitespace removed
from index.errors import QabotError


def load_qa(path: Path, split: str | None = None) -> list[dict[str, Any]]:
    """Read a QA set; only `id` and `question` are required on each line. `split` keeps only the
    questions of that split (their "split" field), so tuning and reporting use disjoint halves."""
    if not path.exists():
        raise QabotError(f"no such QA file: {path}")
    items, seen = [], set()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        raise QabotError(f"QA file is not UTF-8 text: {path}") from None
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as e:
            raise QabotError(f"{path}:{n}: not valid JSON ({e.msg})") from None
        if not isinstance(item, dict) or "id" not in item or not str(item.get("question", "")).strip():
            raise QabotError(f"{path}:{n}: each line needs an \"id\" and a non-empty \"question\"")
        if item["id"] in seen:
            raise QabotError(f"{path}:{n}: duplicate id {item['id']!r}")
        seen.add(item["id"])
        items.append(item)
    if not items:
        raise QabotError(f"QA file has no questions: {path}")
    if split is not None:
        splits = sorted({str(i.get("split")) for i in items if i.get("split") is not None})
        items = [i for i in items if i.get("split") == split]
        if not items:
            raise QabotError(f"no questions with split {split!r} in {path} (splits there: {', '.join(splits) or 'none'})")
    return items


# -- metrics ------------------------------------------------------------------------------------------


def _source_matches(source: str, gold_sources: list[str], base: Path | None) -> bool:
    for g in gold_sources:
        gp = Path(g)
        if base is not None and not gp.is_absolute():
            gp = base / gp
        if Path(source) == gp.resolve() or Path(source).name == gp.name and Path(source).as_posix().endswith(gp.as_posix().lstrip("./")):
            return True
    return False


def passage_hit(passage: dict[str, Any], item: dict[str, Any], base: Path | None = None) -> bool:
    """A passage holds a gold span (whitespace-insensitive), or comes from a gold source file."""
    if item.get("gold_sources"):
        return _source_matches(passage["source"], item["gold_sources"], base)
    text = squash(passage.get("text", "")) + "\n" + squash(passage.get("quote", ""))
    return any(squash(g) and squash(g) in text for g in item.get("gold") or [])


def citation_hit(citation: dict[str, Any], item: dict[str, Any]) -> bool:
    text = squash(citation.get("text", "")) + "\n" + squash(citation.get("quote", ""))
    return any(squash(g) and squash(g) in text for g in item.get("gold") or [])


def first_rank(passages: list[dict[str, Any]], item: dict[str, Any], base: Path | None = None) -> int | None:
    for i, p in enumerate(passages):
        if passage_hit(p, item, base):
            return i
    return None


def citation_valid(citation: dict[str, Any], source_cache: dict[str, str | None]) -> bool:
    """The citation text is exactly the source file's text at [start, end)."""
    from index.load import load_document

    source = citation["source"]
    if source not in source_cache:
        try:
            source_cache[source] = load_document(Path(source), 2**31).text
        except Exception:
            source_cache[source] = None
    text = source_cache[source]
    return text is not None and text[citation["start"] : citation["end"]] == citation["text"]
