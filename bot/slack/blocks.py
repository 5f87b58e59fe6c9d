"""Block Kit rendering of an Answer, within Slack's limits and safe against mentions.

Everything that comes from a document or a question is escaped (&, <, >) so that text such as
`<!channel>` or `<@U123>` is shown, never acted on. Slack's limits: section text <= 3,000 characters,
<= 50 blocks per message, and in practice ~12,000 characters of blocks (msg_blocks_too_long). An
answer longer than one message allows is split over several, never cut.
"""

from __future__ import annotations


from bot.models import Answer, source_label
from bot.prompts import messages
from bot.qa.sources import source_views

SECTION_LIMIT = 3000
MAX_BLOCKS = 50
MAX_BLOCK_CHARS = 11000  # stay well under the observed msg_blocks_too_long threshold
TEXT_LIMIT = 3900  # plain-text fallback (notifications, screen readers)
QUOTE_LIMIT = 600
FEEDBACK_UP = "feedback_up"
FEEDBACK_DOWN = "feedback_down"
FEEDBACK = "feedback"  # Slack's feedback_buttons element: the value says up or down
SHARE = "share_answer"
ESCALATE = "escalate"
NEED_HELP = "Still need help?"
DISMISS = "dismiss_answer"


def escape(text: str) -> str:
    """Slack's three control characters; https://api.slack.com/reference/surfaces/formatting#escaping"""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _entity_safe(text: str, end: int) -> int:
    """`end`, moved back so that escaped text[:end] does not stop inside &amp;, &lt; or &gt;."""
    amp = text.rfind("&", max(0, end - 4), end)
    return amp if amp != -1 and text.find(";", amp) >= end else end


def _cut_escaped(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: _entity_safe(text, limit - 1)] + "…"


def _split(text: str, limit: int) -> list[str]:
    """Split at line breaks where possible so no section exceeds Slack's limit."""
    parts, current = [], ""
    for line in text.split("\n"):
        while len(line) > limit:
            if current:
                parts.append(current)
                current = ""
            cut = _entity_safe(line, limit)
            parts.append(line[:cut])
            line = line[cut:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            parts.append(current)
            current = line
        else:
            current = candidate
    if current:
        parts.append(current)
    return parts or [""]


def _marked(text: str) -> str:
    """A cited span in bold; mrkdwn bold cannot hold an asterisk, so those become full-width."""
    text = escape(" ".join(text.split())).replace("*", "＊")
    return f"*{text}*" if text else ""


def _context(segments: list[tuple[str, bool]], limit: int) -> str:
    """The source's context line, cut to `limit` characters segment by segment, so that a cut
    never leaves a bold span open."""
    out, used = [], 0
    for text, marked in segments:
        text = " ".join(text.split())
        room = limit - used
        if room <= 1:
            break
        if len(text) > room:
            text = text[: room - 1] + "…"
        out.append(_marked(text) if marked else escape(text))
        used += len(text)
    return "".join(out)


def _section(text: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def feedback_buttons(feedback_id: str) -> dict:
    """Slack's own feedback element (a context_actions block holding feedback_buttons), for the
    surfaces of AI apps: one action, FEEDBACK, whose value says which button ("up:<id>", "down:<id>")."""
    from slack_sdk.models.blocks import ContextActionsBlock, FeedbackButtonsElement

    element = FeedbackButtonsElement(
        action_id=FEEDBACK,
        positive_button={"text": {"type": "plain_text", "text": "👍"}, "accessibility_label": "Good answer", "value": f"up:{feedback_id}"},
        negative_button={"text": {"type": "plain_text", "text": "👎"}, "accessibility_label": "Bad answer", "value": f"down:{feedback_id}"},
    )
    return ContextActionsBlock(block_id="feedback", elements=[element]).to_dict()


def answer_messages(answer: Answer, feedback_id: str | None = None, native_feedback: bool = False) -> list[dict]:
    """The answer as Slack messages ({"text", "blocks"}), each within Slack's limits: usually one.
    The answer is never cut: an answer too long for one message continues in the next ones. The
    sources (trimmed, marked "…", when they do not all fit) and the feedback buttons come last."""
    msg = messages(answer.language)
    parts = [_section(part) for part in _split(escape(answer.answer), SECTION_LIMIT)]
    tail: list[dict] = []
    if answer.abstained:
        if answer.answer != msg["nothing_asked"]:  # (a message that asked nothing yet is asked what is wanted)
            tail.append({"type": "context", "elements": [{"type": "mrkdwn", "text": escape(msg["abstain_hint"])}]})
    elif answer.citations:
        if answer.glossary:
            terms = "\n".join(
                f"{escape(g.term)}" + (f" ({escape(g.reading)})" if g.reading and g.reading != g.term else "") + f": {escape('; '.join(g.en))}"
                for g in answer.glossary
            )
            heading = escape(messages("en")["glossary_heading"])
            tail.append({"type": "context", "elements": [{"type": "mrkdwn", "text": _cut_escaped(f"*{heading}*\n{terms}", SECTION_LIMIT)}]})
        tail.append({"type": "divider"})
        tail.append({"type": "context", "elements": [{"type": "mrkdwn", "text": f"*{escape(msg['sources_heading'])}*"}]})
        for view in source_views(answer):
            numbers = "".join(f"[{n}]" for n in view.numbers)
            label = escape(view.label)
            tail.append(_section(_cut_escaped(f"*{numbers}* {label}\n>{_context(view.segments, QUOTE_LIMIT)}", SECTION_LIMIT)))
    actions = None
    if feedback_id and native_feedback:
        actions = feedback_buttons(feedback_id)
    elif feedback_id:
        actions = {
            "type": "actions",
            "block_id": "feedback",
            "elements": [
                {"type": "button", "action_id": FEEDBACK_UP, "value": feedback_id, "text": {"type": "plain_text", "text": "👍", "emoji": True}},
                {"type": "button", "action_id": FEEDBACK_DOWN, "value": feedback_id, "text": {"type": "plain_text", "text": "👎", "emoji": True}},
            ],
        }
    pages = _pack(parts)
    together = _fit(pages[-1] + tail, actions, keep=len(pages[-1]))
    alone = _fit(tail, actions, keep=0)
    if together is not None and (not together[1] or alone[1]):
        pages[-1] = together[0]
    elif alone[0]:  # the answer's last page leaves the sources too little room: a message of their own
        pages.append(alone[0])
    first = answer_text(answer)
    return [{"text": first if i == 0 else _cut_escaped(_plain(blocks), TEXT_LIMIT), "blocks": blocks} for i, blocks in enumerate(pages)]


def answer_blocks(answer: Answer, feedback_id: str | None = None) -> list[dict]:
    """The blocks of the first (and, for all but very long answers, only) message of the answer."""
    return answer_messages(answer, feedback_id)[0]["blocks"]


def _size(blocks: list[dict]) -> int:
    return sum(len(b.get("text", {}).get("text", "")) + sum(len(e.get("text", "")) for e in b.get("elements", []) if isinstance(e.get("text"), str)) for b in blocks)


def _plain(blocks: list[dict]) -> str:
    return "\n".join(b["text"]["text"] for b in blocks if b.get("type") == "section") or "…"


def _pack(parts: list[dict]) -> list[list[dict]]:
    """Answer sections, in order, into as many messages as Slack's block count and size need."""
    pages: list[list[dict]] = [[]]
    for part in parts:
        page = pages[-1]
        if page and (len(page) + 1 > MAX_BLOCKS or _size(page) + _size([part]) > MAX_BLOCK_CHARS):
            pages.append(page := [])
        page.append(part)
    return pages


def _fit(blocks: list[dict], actions: dict | None, keep: int) -> tuple[list[dict], bool] | None:
    """Drop trailing source blocks (never the first `keep`: the answer) until count and size fit,
    marking the cut; buttons stay last. (blocks, trimmed), or None when the kept blocks leave no
    room for what follows them."""
    reserve = 1 if actions else 0
    tail = len(blocks) - keep
    blocks = list(blocks)
    trimmed = False
    while len(blocks) + reserve > MAX_BLOCKS or _size(blocks) > MAX_BLOCK_CHARS:
        if len(blocks) <= max(keep + (1 if tail else 0), 1):
            return None
        blocks.pop()
        trimmed = True
    if trimmed:
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": "…"}]})
        if len(blocks) + reserve > MAX_BLOCKS:
            blocks.pop(-2)
    return blocks + ([actions] if actions else []), trimmed


def answer_text(answer: Answer) -> str:
    """Plain-text fallback: the answer and its sources, escaped, within the limit."""
    lines = [answer.answer]
    for c in answer.citations:
        lines.append(f"[{c.n}] {source_label(c.source, c.section, c.page)}")
    return _cut_escaped(escape("\n".join(lines)), TEXT_LIMIT)


def escalate_button(feedback_id: str) -> dict:
    return {"type": "button", "action_id": ESCALATE, "value": feedback_id, "text": {"type": "plain_text", "text": NEED_HELP}}


def with_escalation(message: dict, feedback_id: str) -> dict:
    """An answer's message with "Still need help?" next to its feedback buttons (or, under Slack's
    feedback element, which holds nothing else, in an actions block of its own)."""
    blocks = [dict(b) for b in message["blocks"]]
    for block in blocks:
        if block.get("type") == "actions" and block.get("block_id") == "feedback":
            block["elements"] = [*block["elements"], escalate_button(feedback_id)]
            return {**message, "blocks": blocks}
    if len(blocks) < MAX_BLOCKS:
        blocks.append({"type": "actions", "block_id": "escalate", "elements": [escalate_button(feedback_id)]})
    return {**message, "blocks": blocks}


def with_share(message: dict, feedback_id: str) -> dict:
    """A private (ephemeral) answer's message with "Share with channel" and "Dismiss" next to its
    feedback buttons (in the same actions block, so the message stays within Slack's block limit)."""
    blocks = [dict(b) for b in message["blocks"]]
    extra = [
        {"type": "button", "action_id": SHARE, "value": feedback_id, "style": "primary", "text": {"type": "plain_text", "text": "Share with channel"}},
        {"type": "button", "action_id": DISMISS, "value": feedback_id, "text": {"type": "plain_text", "text": "Dismiss"}},
    ]
    for block in blocks:
        if block.get("type") == "actions" and block.get("block_id") == "feedback":
            block["elements"] = [*block["elements"], *extra]
            break
    else:
        if len(blocks) >= MAX_BLOCKS:
            blocks = blocks[: MAX_BLOCKS - 1]
        blocks.append({"type": "actions", "block_id": "share", "elements": extra})
    return {**message, "blocks": blocks}


def asked_by(user: str, question: str) -> dict:
    """The context line a shared answer starts with: who asked, and what."""
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": _cut_escaped(f"<@{user}> asked: {escape(question)}", SECTION_LIMIT)}]}
