"""QABOT_SLACK_CONFIG parsing (fast; the start-up errors are checked end to end in test_slack_ai)."""

from __future__ import annotations

import pytest

from bot.slack.channels import DEFAULT_PROMPTS, SlackConfigError, load_channels
from tests.conftest import ROOT


def test_the_example_file_parses_and_channels_inherit_the_default():
    channels = load_channels(ROOT / "slack-channels.example.toml", "qabot")
    lab = channels.of("C0123456789")
    assert (lab.collection, lab.answer_without_mention, lab.private, lab.experts) == ("lab", True, True, ("U012ABCDEF",))
    other = channels.of("C999")
    assert (other.collection, other.answer_without_mention, other.private, other.experts) == ("qabot", False, True, ())
    assert channels.collections == ["lab", "qabot"]


def test_no_file_means_every_channel_answers_from_the_collection():
    channels = load_channels(None, "docs")
    assert channels.of("C1").collection == "docs" and channels.of("C1").private and channels.prompts == DEFAULT_PROMPTS


@pytest.mark.parametrize(
    "toml, expected",
    [
        ("[default]\nprivate = 'yes'\n", "[default]: private must be a bool"),
        ("[channel.C12]\nexperts = ['alice']\n", "experts must be Slack user ids"),
        ("[assistant]\nprompts = []\n", "prompts must be a list of one to four questions"),
        ("[assistant]\ntitle = 'x'\n", "the only key is prompts"),
        ("[channel.C12]\ncollection = 'x'\n", "not a valid collection name"),
    ],
)
def test_bad_files_are_one_line_errors(tmp_path, toml, expected):
    path = tmp_path / "channels.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(SlackConfigError) as e:
        load_channels(path, "qabot")
    assert expected in str(e.value) and "\n" not in str(e.value)
    assert str(path) in str(e.value)


def test_missing_file(tmp_path):
    with pytest.raises(SlackConfigError, match="no such file"):
        load_channels(tmp_path / "nope.toml", "qabot")
