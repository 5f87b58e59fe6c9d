"""Per-channel settings of the Slack bot: a TOML file at QABOT_SLACK_CONFIG.

    [default]                       # every channel, unless its own table says otherwise
    collection = "qabot"            # the Chroma collection that answers there
    answer_without_mention = false  # answer every new message, not only mentions and follow-ups
    private = true                  # /ask answers privately first, with "Share with channel"
    experts = ["U012ABCDEF"]        # who "Still need help?" mentions

    [channel.C0123456789]           # one channel, by its id
    collection = "lab"

    [assistant]                     # the "Agents & AI Apps" panel
    prompts = ["why are dormant cells drug resistant?"]

A key or table the bot does not know, a value of the wrong type or a channel id that does not look
like one is a start-up error (SlackConfigError: one line naming the file, the table and the key).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from index.errors import QabotError

DEFAULT_PROMPTS = ("why are dormant cells drug resistant?", "休眠状態のがん細胞はなぜ抗がん剤が効きにくいのですか？")
_CHANNEL_ID = re.compile(r"^[CGD][A-Z0-9]{2,}$")
_USER_ID = re.compile(r"^[UW][A-Z0-9]+$")
_COLLECTION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{1,61}[A-Za-z0-9]$")


class SlackConfigError(QabotError):
    """QABOT_SLACK_CONFIG is unreadable or wrong: one line, exit 1."""


@dataclass(frozen=True)
class ChannelSettings:
    collection: str
    answer_without_mention: bool = False
    private: bool = True
    experts: tuple[str, ...] = ()


@dataclass(frozen=True)
class SlackChannels:
    default: ChannelSettings
    channels: dict[str, ChannelSettings] = field(default_factory=dict)
    prompts: tuple[str, ...] = DEFAULT_PROMPTS

    def of(self, channel: str | None) -> ChannelSettings:
        return self.channels.get(channel or "", self.default)

    @property
    def collections(self) -> list[str]:
        return sorted({self.default.collection, *(c.collection for c in self.channels.values())})


_TYPES = {"collection": str, "answer_without_mention": bool, "private": bool, "experts": list}


def _table(where: str, table: object, base: ChannelSettings) -> ChannelSettings:
    if not isinstance(table, dict):
        raise SlackConfigError(f"{where} must be a table")
    values = {}
    for key, value in table.items():
        if key not in _TYPES:
            raise SlackConfigError(f"{where}: unknown key {key!r} (known: {', '.join(_TYPES)})")
        if not isinstance(value, _TYPES[key]):
            raise SlackConfigError(f"{where}: {key} must be a {_TYPES[key].__name__.replace('str', 'string').replace('list', 'list of user ids')}")
        if key == "collection" and not _COLLECTION.match(value):
            raise SlackConfigError(f"{where}: collection {value!r} is not a valid collection name")
        if key == "experts":
            bad = [u for u in value if not isinstance(u, str) or not _USER_ID.match(u)]
            if bad:
                raise SlackConfigError(f"{where}: experts must be Slack user ids such as U012ABCDEF, not {bad[0]!r}")
            value = tuple(value)
        values[key] = value
    return replace(base, **values)


def load_channels(path: Path | None, collection: str) -> SlackChannels:
    """The settings in `path` (None: every channel answers from `collection`, privately first)."""
    base = ChannelSettings(collection=collection)
    if path is None:
        return SlackChannels(default=base)
    where = f"QABOT_SLACK_CONFIG ({path})"
    try:
        data = tomllib.loads(Path(path).expanduser().read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SlackConfigError(f"{where}: no such file") from None
    except (OSError, UnicodeDecodeError) as e:
        raise SlackConfigError(f"{where}: cannot read it ({type(e).__name__})") from None
    except tomllib.TOMLDecodeError as e:
        raise SlackConfigError(f"{where}: not valid TOML ({e})") from None
    unknown = set(data) - {"default", "channel", "assistant"}
    if unknown:
        raise SlackConfigError(f"{where}: unknown table [{sorted(unknown)[0]}] (known: [default], [channel.<ID>], [assistant])")
    default = _table(f"{where} [default]", data.get("default", {}), base)
    channels_table = data.get("channel", {})
    if not isinstance(channels_table, dict):
        raise SlackConfigError(f"{where}: channel must be tables such as [channel.C0123456789]")
    channels = {}
    for channel_id, table in channels_table.items():
        if not _CHANNEL_ID.match(channel_id):
            raise SlackConfigError(f"{where}: [channel.{channel_id}] is not a Slack channel id (such as C0123456789)")
        channels[channel_id] = _table(f"{where} [channel.{channel_id}]", table, default)
    assistant = data.get("assistant", {})
    if not isinstance(assistant, dict) or set(assistant) - {"prompts"}:
        raise SlackConfigError(f"{where} [assistant]: the only key is prompts")
    prompts = assistant.get("prompts", list(DEFAULT_PROMPTS))
    if not isinstance(prompts, list) or not prompts or not all(isinstance(p, str) and p.strip() for p in prompts) or len(prompts) > 4:
        raise SlackConfigError(f"{where} [assistant]: prompts must be a list of one to four questions")
    return SlackChannels(default=default, channels=channels, prompts=tuple(prompts))
