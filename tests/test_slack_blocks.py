"""Block Kit rendering of answers (bot/slack/blocks.py) and question extraction (bot/slack/app.py).

Slack's limits: <= 50 blocks, section text <= 3,000 characters, ~12,000 characters of blocks in a
message, and a `text` fallback kept <= 4,000. Everything from a document or a question is escaped
(&, <, >) so that `<!channel>` or `<@U123>` in it is shown, never acted on.
"""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.models import Answer, Citation
from bot.slack.app import question_of
from tests.slack_double import block_texts
from bot.slack.blocks import FEEDBACK_DOWN, FEEDBACK_UP, answer_blocks, answer_messages, answer_text

SOURCE = "/work/docs/ncc-press-release-2014-07-02.txt"
JA_QUOTE = "一般的に休眠状態のがん細胞は抗がん剤に抵抗性をもつ場合が多いことから、このマイクロRNAを標的とした薬剤開発は、抗がん剤による効果増強剤や耐性克服剤として期待されます。"
JA_PASSAGE = "骨髄中に存在する間葉系幹細胞が分泌する直径 100 nm の顆粒（エクソソーム）によって一部の乳がん細胞が幹細胞様の性質を獲得し、休眠状態になることが明らかになりました。"
FID = "0123456789abcdef0123456789abcdef"
_ENTITY = re.compile(r"&(?:amp|lt|gt);")


def cite(n: int, quote: str = JA_QUOTE, section: str = "本研究への期待", source: str = SOURCE, page: int | None = None) -> Citation:
    return Citation(n=n, source=source, section=section, text=quote, quote=quote, start=100 * n, end=100 * n + len(quote), score=0.5, page=page)


def make(answer: str, citations: list[Citation] | None = None, language: str = "en", abstained: bool = False, question: str = "q?") -> Answer:
    return Answer(question=question, answer=answer, abstained=abstained, language=language, citations=citations or [], passages=[], timings_ms={})


def sections(blocks: list[dict]) -> list[str]:
    return [b["text"]["text"] for b in blocks if b["type"] == "section"]


def answer_sections(blocks: list[dict]) -> list[str]:
    """The sections before the divider / hint: the answer itself."""
    out = []
    for b in blocks:
        if b["type"] != "section":
            break
        out.append(b["text"]["text"])
    return out


def well_escaped(text: str) -> bool:
    """No raw &, < or > except the `>` that starts a block quote, and no entity cut in half."""
    text = re.sub(r"(^|\n)>", r"\1", text)
    return not re.search(r"[&<>]", _ENTITY.sub("", text))


def unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def assert_within_limits(blocks: list[dict], feedback: bool) -> None:
    assert 1 <= len(blocks) <= 50
    for b in blocks:
        if b["type"] == "section":
            assert 0 < len(b["text"]["text"]) <= 3000
        for e in b.get("elements", []):
            if isinstance(e.get("text"), str):
                assert 0 < len(e["text"]) <= 3000
    assert sum(len(t) for t in block_texts(blocks)) <= 12000
    assert all(well_escaped(t) for t in block_texts(blocks)), [t for t in block_texts(blocks) if not well_escaped(t)][:1]
    actions = [i for i, b in enumerate(blocks) if b["type"] == "actions"]
    if feedback:
        assert actions == [len(blocks) - 1], "the feedback buttons are there, once, and last"
        elements = blocks[-1]["elements"]
        assert [e["action_id"] for e in elements] == [FEEDBACK_UP, FEEDBACK_DOWN]
        assert all(e["type"] == "button" and e["value"] == FID for e in elements)
        assert [e["text"]["text"] for e in elements] == ["👍", "👎"]
    else:
        assert actions == []


# -- layout -----------------------------------------------------------------------------------------
def test_cited_answer_layout():
    answer = make(
        "The documents say:\n" + JA_QUOTE + " [1]\n" + JA_PASSAGE + " [2]",
        [cite(1), cite(2, JA_PASSAGE, "研究概要", page=3)],
    )
    blocks = answer_blocks(answer, FID)
    assert_within_limits(blocks, feedback=True)
    assert [b["type"] for b in blocks] == ["section", "divider", "context", "section", "section", "actions"]
    assert blocks[0]["text"] == {"type": "mrkdwn", "text": answer.answer}
    assert blocks[2]["elements"][0]["text"] == "*Sources*"
    assert sections(blocks)[1] == f"*[1]* ncc-press-release-2014-07-02.txt — 本研究への期待\n>*{JA_QUOTE}*"
    assert sections(blocks)[2] == f"*[2]* ncc-press-release-2014-07-02.txt p.3 — 研究概要\n>*{JA_PASSAGE}*"
    assert "抗がん剤" in sections(blocks)[1]


def test_no_buttons_without_a_feedback_id():
    blocks = answer_blocks(make("The documents say: x [1]", [cite(1)]))
    assert_within_limits(blocks, feedback=False)
    assert blocks[-1]["type"] == "section"


def test_japanese_answer_has_japanese_heading_and_intact_text():
    text = "資料には次のように書かれています。\n" + JA_QUOTE + " [1]"
    blocks = answer_blocks(make(text, [cite(1)], language="ja"), FID)
    assert_within_limits(blocks, feedback=True)
    assert blocks[0]["text"]["text"] == text
    assert blocks[2]["elements"][0]["text"] == "*出典*"
    assert JA_QUOTE in sections(blocks)[1]


def test_quotes_are_one_line_and_shortened():
    quote = "がん細胞は\n\n  休眠状態に\tなる。" + "長い引用文。" * 200
    blocks = answer_blocks(make("The documents say: x [1]", [cite(1, quote)]), FID)
    assert_within_limits(blocks, feedback=True)
    rendered = sections(blocks)[1]
    body = rendered.split("\n>", 1)[1]
    assert "\n" not in body and body.startswith("*がん細胞は 休眠状態に なる。長い引用文。") and body.endswith("…*")
    assert len(body) <= 600 + 2  # the quote within its limit, plus the bold marks around it


@pytest.mark.parametrize("language, hint", [("en", "The closest passages"), ("ja", "関連しそうな箇所")])
def test_abstention_renders_no_sources(language, hint):
    # even if citations slipped into an abstention, they are not shown as sources
    answer = make("The documents do not say: What is the weather in Osaka today?", [cite(1)], language=language, abstained=True)
    blocks = answer_blocks(answer, FID)
    assert_within_limits(blocks, feedback=True)
    assert [b["type"] for b in blocks] == ["section", "context", "actions"]
    assert hint in blocks[1]["elements"][0]["text"]
    joined = "\n".join(block_texts(blocks))
    assert "Sources" not in joined and "出典" not in joined and JA_QUOTE not in joined
    assert not any(b["type"] == "divider" for b in blocks)
    assert answer_blocks(make(answer.answer, [], language=language, abstained=True), None)[-1]["type"] == "context"
    # a message that asked nothing yet ("Hi, can you help?") is asked what is wanted: no "closest passages" hint
    from bot.prompts import messages
    asked = answer_blocks(make(messages(language)["nothing_asked"], [], language=language, abstained=True), None)
    assert [b["type"] for b in asked] == ["section"] and hint not in "\n".join(block_texts(asked))


# -- limits -----------------------------------------------------------------------------------------
def test_many_long_citations_fit_slacks_limits():
    quote = (JA_PASSAGE + " ") * 8  # ~700 characters: each is cut to the quote limit
    citations = [cite(n, quote, section=f"節{n} " + "見出し" * 30, page=n) for n in range(1, 81)]
    answer = make("The documents say:\n" + "\n".join(f"{JA_PASSAGE} [{n}]" for n in range(1, 81)), citations)
    blocks = answer_blocks(answer, FID)
    assert_within_limits(blocks, feedback=True)
    assert blocks[0]["type"] == "section" and blocks[0]["text"]["text"].startswith("The documents say:")
    assert blocks[-2] == {"type": "context", "elements": [{"type": "mrkdwn", "text": "…"}]}, "the cut is marked"


def test_fifty_short_citations_keep_the_block_count():
    citations = [cite(n, "短い。", section="") for n in range(1, 61)]
    for fid in (FID, None):
        blocks = answer_blocks(make("The documents say: " + " ".join(f"[{n}]" for n in range(1, 61)), citations), fid)
        assert_within_limits(blocks, feedback=fid is not None)
        assert len(blocks) == 50


def test_long_answer_is_split_into_sections_without_losing_text():
    lines = [f"{i}行目：" + JA_PASSAGE for i in range(60)]  # ~5,000 characters in lines
    long_line = "あ" * 4500  # one line longer than a section: cut hard
    text = "\n".join(lines[:30]) + "\n" + long_line + "\n" + "\n".join(lines[30:])
    blocks = answer_blocks(make(text, [cite(1)], language="ja"), FID)
    assert_within_limits(blocks, feedback=True)
    parts = answer_sections(blocks)
    assert len(parts) >= 3
    assert "".join(parts).replace("\n", "") == text.replace("\n", ""), "Japanese text is split, never altered"


def assert_messages_within_limits(messages: list[dict], feedback: bool) -> None:
    """Every message fits; the buttons are in the last one only; each has a plain-text fallback."""
    assert messages
    for i, message in enumerate(messages):
        assert_within_limits(message["blocks"], feedback=feedback and i == len(messages) - 1)
        assert 0 < len(message["text"]) <= 4000 and well_escaped(message["text"])


def answer_text_of(messages: list[dict]) -> str:
    """The answer sections of all messages (those before the sources), joined."""
    return "\n".join(part for m in messages for part in answer_sections(m["blocks"]))


def test_huge_answer_continues_in_more_messages_never_cut():
    text = "\n".join(f"{i}: " + JA_PASSAGE for i in range(700))  # ~60,000 characters
    messages = answer_messages(make(text, [cite(n) for n in range(1, 6)], language="ja"), FID)
    assert len(messages) >= 6
    assert_messages_within_limits(messages, feedback=True)
    assert answer_text_of(messages) == text, "every line of the answer, in order, nothing cut"
    last = messages[-1]["blocks"]
    assert sum(JA_QUOTE in t for t in block_texts(last)) == 5, "all five sources, after the answer"
    assert not any(b["type"] == "context" and b["elements"][0]["text"] == "…" for m in messages for b in m["blocks"])
    assert messages[0]["blocks"] == answer_blocks(make(text, [cite(n) for n in range(1, 6)], language="ja"), FID)


def test_long_answer_reaches_slack_whole():
    """Through the bot: an answer longer than one message is posted in the thread in order, whole."""
    from bot.config import Settings
    from tests.slack_double import FakePipeline, RecordingWebClient, offline_bot

    text = "\n".join(f"{i}行目：" + JA_PASSAGE for i in range(300))  # ~27,000 characters
    bot = offline_bot(Settings(slack_user_rate=0), FakePipeline(text))
    client = RecordingWebClient()
    bot.answer_message(client, {"channel": "C1", "ts": "1.0", "user": "U1", "text": "長い答えを"}, thread_ts="1.0")
    assert len(client.posts) >= 3 and all(p["thread_ts"] == "1.0" for p in client.posts)
    posted = "\n".join(part for p in client.posts for part in answer_sections(p["blocks"]))
    assert posted == text
    assert [b["type"] for b in client.posts[-1]["blocks"]][-1] == "actions"


def test_text_fallback_is_short_and_lists_sources():
    answer = make("The documents say:\n" + JA_QUOTE + " [1]", [cite(1), cite(2, JA_PASSAGE, "研究概要", page=2)])
    text = answer_text(answer)
    assert text == answer.answer + "\n[1] ncc-press-release-2014-07-02.txt — 本研究への期待\n[2] ncc-press-release-2014-07-02.txt p.2 — 研究概要"
    huge = answer_text(make("x" * 50000, [cite(1)]))
    assert len(huge) <= 4000 and huge.startswith("x" * 100) and huge.endswith("…")


# -- escaping -----------------------------------------------------------------------------------------
NASTY = "<!channel> <@U123> <!here|here> <#C1|general> <https://evil.example|click> a & b > c"


def test_everything_from_documents_and_questions_is_escaped():
    citations = [cite(1, f"{JA_QUOTE} {NASTY}", section=f"節 {NASTY}", source=f"/docs/a&b<{'!'}channel>.txt")]
    answer = make(f"The documents say: {NASTY} [1]", citations)
    blocks = answer_blocks(answer, FID)
    assert_within_limits(blocks, feedback=True)
    rendered = "\n".join(block_texts(blocks))
    for raw in ("<!channel>", "<@U123>", "<!here", "<#C1", "<https://"):
        assert raw not in rendered
    assert "&lt;!channel&gt;" in blocks[0]["text"]["text"] and "&lt;@U123&gt;" in blocks[0]["text"]["text"]
    assert "&lt;!channel&gt; &lt;@U123&gt;" in sections(blocks)[1]
    assert "a &amp; b &gt; c" in sections(blocks)[1]
    assert JA_QUOTE in sections(blocks)[1]
    text = answer_text(answer)
    assert "<" not in text and ">" not in text and well_escaped(text)
    assert "&lt;!channel&gt;" in text and "a&amp;b&lt;!channel&gt;.txt" in text


def test_abstention_echo_of_a_question_is_escaped():
    answer = make("The documents do not say: <!channel> <@U123> what is the weather?", abstained=True)
    blocks = answer_blocks(answer, FID)
    assert blocks[0]["text"]["text"] == "The documents do not say: &lt;!channel&gt; &lt;@U123&gt; what is the weather?"
    assert answer_text(answer) == blocks[0]["text"]["text"]


def test_escaping_survives_splitting_and_cutting():
    # hard cuts at 3,000 (sections), 600 (quotes) and the fallback's limit must not cut an entity in two
    line = "<&>x" * 2000  # expands to 13 characters per 4: every cut position is tried
    answer = make(f"{line}\n{line}", [cite(1, line), cite(2, "a" + line)])
    messages = answer_messages(answer, FID)
    assert_messages_within_limits(messages, feedback=True)
    for part in (p for m in messages for p in answer_sections(m["blocks"])):
        assert not part.endswith(("&", "&a", "&am", "&amp", "&l", "&lt", "&g", "&gt"))
    assert unescape(answer_text_of(messages)).replace("\n", "") == answer.answer.replace("\n", "")
    text = answer_text(answer)
    assert len(text) <= 4000 and well_escaped(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    answer=st.text(alphabet="ab &<>\n休眠が", max_size=9000),
    quotes=st.lists(st.text(alphabet="cd &<>\n抗剤", min_size=1, max_size=900), max_size=60),
    abstained=st.booleans(),
    with_feedback=st.booleans(),
)
def test_any_answer_fits_and_is_escaped(answer, quotes, abstained, with_feedback):
    answer = answer.strip() or "x"
    model = make(answer, [cite(n, q) for n, q in enumerate(quotes, 1)], abstained=abstained)
    messages = answer_messages(model, FID if with_feedback else None)
    assert_messages_within_limits(messages, feedback=with_feedback)
    assert unescape(answer_text_of(messages)).replace("\n", "") == answer.replace("\n", ""), "never cut"
    text = answer_text(model)
    assert 0 < len(text) <= 4000 and well_escaped(text)


# -- question_of ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, question",
    [
        ("<@UBOT> why are dormant cells drug resistant?", "why are dormant cells drug resistant?"),
        ("<@UBOT|qabot>   what is  <@W0AB12> doing?\n", "what is doing?"),
        ("is a &lt; b &amp;&amp; c &gt; d? <@UBOT>", "is a < b && c > d?"),
        ("&amp;lt;tag&amp;gt;", "&lt;tag&gt;"),  # typed literally as "&lt;tag&gt;"
        ("<@UBOT> 休眠状態のがん細胞は なぜ 抗がん剤が効かないの？", "休眠状態のがん細胞は なぜ 抗がん剤が効かないの？"),
        ("<@UBOT>", ""),
        ("", ""),
        (None, ""),
        ("<!channel> hi <#C1|general>", "<!channel> hi <#C1|general>"),  # only user mentions are removed
    ],
)
def test_question_of(text, question):
    assert question_of(text) == question


# -- fuzzing the event side: arbitrary payloads never crash the listeners' parsing ------------------
_json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=40))


@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_question_of_never_keeps_mentions(text):
    from bot.slack.app import question_of

    q = question_of(text)
    assert "<@U" not in q and "<@W" not in q
    assert q == q.strip() and "  " not in q


@given(
    st.dictionaries(
        st.sampled_from(["type", "user", "text", "ts", "channel", "thread_ts", "channel_type", "subtype", "bot_id"]),
        _json_scalars,
        max_size=9,
    )
)
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_event_handling_survives_any_payload(event):
    """answer_message on a malformed event either answers, declines, or raises a KeyError/TypeError
    that Bolt turns into an error log, never posts raw text, and never pings."""
    from bot.config import Settings
    from tests.slack_double import FakePipeline, RecordingWebClient, offline_bot

    bot = offline_bot(Settings(slack_user_rate=0), FakePipeline("echo: {question}", abstained=True))
    client = RecordingWebClient()
    try:
        bot.answer_message(client, event, thread_ts=str(event.get("ts")))
    except (KeyError, TypeError, AttributeError):
        return
    for post in client.posts:
        rendered = json.dumps(post, ensure_ascii=False)
        assert "<!channel>" not in rendered and "<!here>" not in rendered


def test_a_passage_cited_twice_is_shown_once_with_both_spans_marked():
    """Sources show each passage once, its cited spans in bold inside a short context window."""
    from bot.models import Passage

    text = "前置きの文です。" * 10 + "第一の引用文です。" + "間の文です。" + "第二の引用文です。" + "後ろの文です。" * 10
    first, second = text.index("第一"), text.index("第二")
    passage = Passage(source=SOURCE, section="背景", text=text, quote=text, start=100, end=100 + len(text), score=1.0)
    c1 = Citation(n=1, source=SOURCE, section="背景", text="第一の引用文です。", quote="第一の引用文です。", start=100 + first, end=100 + first + 9, score=1.0)
    c2 = Citation(n=2, source=SOURCE, section="背景", text="第二の引用文です。", quote="第二の引用文です。", start=100 + second, end=100 + second + 9, score=0.9)
    answer = Answer(question="q?", answer="x [1] y [2]", abstained=False, language="en", citations=[c1, c2], passages=[passage], timings_ms={})
    blocks = answer_blocks(answer)
    sources = [t for t in sections(blocks) if t.startswith("*[")]
    assert len(sources) == 1
    assert sources[0].startswith("*[1][2]* ncc-press-release-2014-07-02.txt — 背景")
    assert "*第一の引用文です。*間の文です。*第二の引用文です。*" in sources[0]
    assert len(sources[0]) < len(text)  # a window of context, not the whole passage again
    assert sources[0].count("前置きの文です。") <= 5
