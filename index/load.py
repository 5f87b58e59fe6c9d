"""Read .txt, .md and .pdf files into Documents, refusing what cannot be read with a clear reason.

Document.text, what every source offset counts characters of (see index.models), is the decoded
text: no byte-order mark, line endings as they are in the file."""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Iterable
from pathlib import Path

from index.errors import QabotError
from index.models import Document

SUPPORTED = (".txt", ".md", ".markdown", ".pdf")
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Tried in order when the bytes are not UTF-8; Japanese legacy encodings first since that is our data.
_FALLBACKS = ("cp932", "euc_jp", "iso2022_jp")


def find_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand directories (recursively, sorted) into supported files; name what is wrong otherwise."""
    files: list[Path] = []
    for p in map(Path, paths):
        if not p.exists():
            raise QabotError(f"no such file or directory: {p}")
        if p.is_dir():
            found = sorted(
                f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
            if not found:
                raise QabotError(f"no .txt, .md or .pdf files in directory: {p}")
            files.extend(found)
        elif p.suffix.lower() not in SUPPORTED:
            raise QabotError(f"unsupported file type {p.suffix or '(none)'!r}: {p} (use .txt, .md or .pdf)")
        else:
            files.append(p)
    seen: set[Path] = set()
    return [f for f in files if not (f.resolve() in seen or seen.add(f.resolve()))]


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(sample) * 0.05


def _japanese_score(text: str) -> int:
    """Right decodings of Japanese give hiragana; wrong ones give half-width katakana soup."""
    hira = sum(1 for c in text if "\u3041" <= c <= "\u3096")
    half = sum(1 for c in text if "\uff61" <= c <= "\uff9f" or "\ue000" <= c <= "\uf8ff")
    return hira - 2 * half


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode bytes as UTF-8/UTF-16 (by BOM), else Shift_JIS/CP932, EUC-JP, ISO-2022-JP."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc.replace("-sig", "")
            except UnicodeDecodeError as e:
                raise QabotError(f"cannot decode {name} as {enc}: bad byte at offset {e.start}") from None
    if b"\x00" in data[:4096] and len(data) >= 4 and len(data) % 2 == 0:
        # UTF-16 without BOM: the high byte of every ASCII character (digits, newlines) is NUL,
        # always on the same side; a binary file has NULs on both sides or only a few.
        even, odd = data[0:4096:2].count(0), data[1:4096:2].count(0)
        half = len(data[:4096]) // 2
        if max(even, odd) >= 0.2 * half and min(even, odd) <= 0.02 * max(even, odd):
            enc = "utf-16-le" if odd > even else "utf-16-be"
            try:
                text = data.decode(enc)
                if not _looks_binary(text.encode("utf-8")):
                    return text, enc
            except UnicodeDecodeError:
                pass
    if _looks_binary(data):
        raise QabotError(f"not a text file (binary content): {name}")
    if b"\x1b$B" in data or b"\x1b$@" in data:  # ISO-2022-JP escapes look like valid ASCII
        try:
            return data.decode("iso2022_jp"), "iso2022_jp"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    decoded = []
    for enc in _FALLBACKS:
        try:
            decoded.append((_japanese_score(data.decode(enc)), enc))
        except UnicodeDecodeError:
            continue
    if decoded:
        _, enc = max(decoded, key=lambda d: d[0])  # ties: the first (most common) encoding
        return data.decode(enc), enc
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise QabotError(f"cannot detect the text encoding of {name}; save it as UTF-8")
    return str(best), best.encoding


def _read_pdf(data: bytes, name: str) -> tuple[str, tuple[int, ...]]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise QabotError(f"PDF is encrypted (password protected): {name}")
        texts: list[str] = []
        pages: list[int] = []
        pos = 0
        for page in reader.pages:
            t = (page.extract_text() or "").replace("\x00", "")
            pages.append(pos)
            texts.append(t)
            pos += len(t) + 2
    except QabotError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as e:
        message = str(e).splitlines()[0] if str(e) else type(e).__name__
        if "crypt" in message.lower() or "password" in message.lower():
            raise QabotError(f"PDF is encrypted (password protected): {name}") from None
        raise QabotError(f"cannot read PDF {name}: {message}") from None
    except Exception as e:  # pypdf raises assorted errors on damaged files
        raise QabotError(f"cannot read PDF {name}: {type(e).__name__}") from None
    text = "\n\n".join(texts)
    if not text.strip():
        raise QabotError(f"PDF has no text layer (scanned image?); run OCR first: {name}")
    return text, tuple(pages)


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{n / 1024:.1f} KB"


def load_document(path: Path, max_bytes: int) -> Document:
    """One file -> Document. Raises QabotError (one line) for anything we cannot index."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise QabotError(
                f"file too large: {name} is {_size(size)}, the limit is {_size(max_bytes)} (QABOT_MAX_FILE_MB)"
            )
        data = path.read_bytes()
    except OSError as e:
        raise QabotError(f"cannot read {name}: {e.strerror or e}") from None
    if not data.strip():
        raise QabotError(f"file is empty: {name}")
    sha = hashlib.sha256(data).hexdigest()
    source = str(path.resolve())
    if path.suffix.lower() == ".pdf":
        if not data.startswith(b"%PDF"):
            raise QabotError(f"not a PDF file: {name}")
        text, pages = _read_pdf(data, name)
        return Document(source, text, sha, "pdf", pages)
    text, encoding = decode_text(data, name)
    if not text.strip():
        raise QabotError(f"file is empty: {name}")
    return Document(source, text, sha, encoding)


def source_key(path: str | os.PathLike) -> str:
    """How a file is named in the store: its resolved path."""
    return str(Path(path).resolve())
