"""Systems compared by `qabot eval --baselines`, all in one process on the same store.

- qabot:       hybrid retrieval + extractive answers (what `qabot ask` does)
- bm25:        the same, with BM25 only
- dense:       the same, with the dense (language-centred) retriever only
- llamaindex:  the plain llama-index pipeline on the same chunks as ours (so the comparison is
               about retrieval, not chunking): in-memory VectorStoreIndex + the same embedder,
               no language centring, no lexical side. Retrieval only: no answer or citations.
"""

from __future__ import annotations

import time
from typing import Any, Callable

from bot.config import Settings

Progress = Callable[[str, int, int], None] | None


def answer_rows(pipeline, items: list[dict[str, Any]], k: int, progress: Progress, label: str) -> list[dict[str, Any]]:
    rows = []
    for i, item in enumerate(items):
        if progress:
            progress(label, i, len(items))
        answer = pipeline.ask(str(item["question"]), k=k)
        rows.append({"id": item["id"], **answer.model_dump()})
    if progress:
        progress(label, len(items), len(items))
    return rows


def llamaindex_rows(pipeline, items: list[dict[str, Any]], k: int, progress: Progress) -> list[dict[str, Any]]:
    from llama_index.core import VectorStoreIndex
    from llama_index.core.schema import TextNode

    from index.rows import parse

    live = {source: record.version for source, record in pipeline.store.sources().items()}
    rows = [parse(cid, text, meta) for cid, text, meta in pipeline.store.iter_chunks()]
    nodes = [
        TextNode(id_=r.id, text=r.text, metadata={"file_path": r.source, "start": r.start, "end": r.end, "raw": r.raw or r.text},
                 excluded_embed_metadata_keys=["file_path", "start", "end", "raw"], excluded_llm_metadata_keys=["file_path", "start", "end", "raw"])
        for r in rows
        if live.get(r.source) == r.version
    ]
    if progress:
        progress("llamaindex (indexing)", 0, 1)
    index = VectorStoreIndex(nodes, embed_model=pipeline.embedding)
    retriever = index.as_retriever(similarity_top_k=k)
    if progress:
        progress("llamaindex (indexing)", 1, 1)
    rows = []
    for i, item in enumerate(items):
        if progress:
            progress("llamaindex", i, len(items))
        t0 = time.perf_counter()
        nodes = retriever.retrieve(str(item["question"]))
        ms = (time.perf_counter() - t0) * 1000
        passages = [
            {
                "source": n.node.metadata.get("file_path", ""),
                "section": "",
                "text": n.node.metadata.get("raw", ""),
                "quote": n.node.get_content(),
                "start": n.node.metadata.get("start"),
                "end": n.node.metadata.get("end"),
                "score": n.score,
                "rank": rank,
            }
            for rank, n in enumerate(nodes, start=1)
        ]
        rows.append(
            {
                "id": item["id"],
                "question": item["question"],
                "answer": "",
                "abstained": False,
                "language": "",
                "citations": [],
                "passages": passages,
                "timings_ms": {"total": round(ms, 1)},
                "mode": "retrieval-only",
            }
        )
    if progress:
        progress("llamaindex", len(items), len(items))
    return rows


def run_systems(settings: Settings, items: list[dict[str, Any]], k: int, baselines: bool, progress: Progress) -> dict[str, list[dict[str, Any]]]:
    from bot.qa.pipeline import Pipeline

    main = Pipeline.from_settings(settings)
    systems = {"qabot": answer_rows(main, items, k, progress, "qabot" if not main.streams else "qabot (llm)")}
    if baselines:
        for mode in ("lexical", "dense"):
            other = Pipeline.sharing(main, mode=mode)
            systems["bm25" if mode == "lexical" else "dense"] = answer_rows(other, items, k, progress, mode)
        systems["llamaindex"] = llamaindex_rows(main, items, k, progress)
    return systems
