"""Terminal rendering of an Answer: the answer, then numbered sources with the quoted passage."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from bot.models import Answer, source_label
from bot.prompts import messages
from bot.qa.sources import source_views


def print_answer(answer: Answer, console: Console | None = None, streamed: bool = False) -> None:
    """`streamed`: the answer text was already printed token by token (LLM mode)."""
    console = console or Console(soft_wrap=True)  # no hard breaks inside sentences when piped
    msg = messages(answer.language)
    if not streamed:
        console.print(escape(answer.answer), highlight=False)
    for warning in answer.warnings:
        Console(stderr=True, soft_wrap=True).print(f"[yellow]note:[/yellow] {escape(warning)}", highlight=False)
    if answer.abstained:
        if answer.passages:  # (none when nothing was asked)
            console.print(f"[dim]{escape(msg['abstain_hint'])}[/dim]")
        for i, p in enumerate(answer.passages[:3], start=1):
            console.print(f"[dim]  · {escape(source_label(p.source, p.section, p.page))}: {escape(_short(p.quote))}[/dim]")
        return
    if answer.glossary:
        console.print()
        console.print(f"[bold]{escape(messages('en')['glossary_heading'])}[/bold]")
        for g in answer.glossary:
            reading = f" ({escape(g.reading)})" if g.reading and g.reading != g.term else ""
            console.print(f"  {escape(g.term)}{reading}: {escape('; '.join(g.en))}", highlight=False)
    console.print()
    console.print(f"[bold]{escape(msg['sources_heading'])}[/bold]")
    for view in source_views(answer):
        numbers = "".join(f"[{n}]" for n in view.numbers)
        console.print(f"[bold cyan]{escape(numbers)}[/bold cyan] {escape(view.label)}  [dim](chars {view.start}–{view.end})[/dim]")
        body = "".join(f"[bold underline]{escape(t)}[/bold underline]" if marked else f"[dim]{escape(t)}[/dim]" for t, marked in view.segments)
        console.print(f"    {body}", highlight=False)


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def print_sources(records) -> None:
    """`qabot sources`: one row per indexed document."""
    import time

    from rich.table import Table

    table = Table("source", "sha256", "chunks", "ingested at")
    for r in records:
        table.add_row(r.source, r.sha256[:12], str(r.chunks), time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(r.ingested_at)))
    Console().print(table)


def print_votes(votes: list[dict]) -> None:
    """`qabot feedback`: the Slack votes, newest last."""
    import time

    from rich.table import Table

    table = Table("time", "user", "vote", "question", "answer")
    for v in votes:
        table.add_row(time.strftime("%Y-%m-%d %H:%M", time.localtime(v["time"])), v["user"], "👍" if v["vote"] == "up" else "👎", v["question"][:60], v["answer"][:60])
    Console().print(table)
