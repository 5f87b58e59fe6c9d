"""Compact storage of per-sentence vectors inside chunk metadata (float16, base64)."""

from __future__ import annotations

import base64

import numpy as np


def pack(vectors: np.ndarray) -> str:
    return base64.b64encode(np.asarray(vectors, dtype=np.float16).tobytes()).decode("ascii")


def unpack(text: str, dim: int) -> np.ndarray:
    if not text:
        return np.zeros((0, dim), dtype=np.float32)
    return np.frombuffer(base64.b64decode(text), dtype=np.float16).astype(np.float32).reshape(-1, dim)


def normalize(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return vectors / np.where(norms == 0, 1.0, norms)
