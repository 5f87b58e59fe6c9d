"""Prompt and message texts live in prompts/ (TOML for messages, .txt for LLM templates)."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

PROMPTS_DIR = Path(__file__).resolve().parent.parent / "prompts"


@lru_cache(maxsize=None)
def messages(lang: str) -> dict[str, str]:
    """Extractive-answer texts for `lang` ('en' or 'ja'; anything else falls back to English)."""
    data = tomllib.loads((PROMPTS_DIR / "messages.toml").read_text(encoding="utf-8"))
    return data.get(lang) if lang in ("en", "ja") else data["en"]


@lru_cache(maxsize=None)
def llm_messages() -> dict[str, str]:
    return tomllib.loads((PROMPTS_DIR / "messages.toml").read_text(encoding="utf-8"))["llm"]


@lru_cache(maxsize=None)
def template(name: str) -> str:
    """An LLM prompt template, e.g. template('qa') reads prompts/qa.txt."""
    return (PROMPTS_DIR / f"{name}.txt").read_text(encoding="utf-8")
