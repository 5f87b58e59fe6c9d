"""Unit tests for index.load: decoding text files, reading PDFs and refusing what cannot be indexed."""

from __future__ import annotations

import hashlib
import io
import random
import struct
import zlib
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from index.errors import QabotError
from index.load import decode_text, find_files, load_document
from tests.pdfs import text_pdf

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "ncc-press-release-2014-07-02.txt"
MB = 2**20
JA = "乳がん細胞の休眠にエクソソームが関与。\n東京都中央区築地 5-1-1\n「テスト」です。\n"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(data)
    return p


def load_error(path: Path, max_bytes: int = 10 * MB) -> str:
    with pytest.raises(QabotError) as e:
        load_document(path, max_bytes)
    message = str(e.value)
    assert message and "\n" not in message, "QabotError messages are one line"
    return message


def pdf_bytes(writer: PdfWriter) -> bytes:
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"".join(b"\x00" + b"\xff\x00\x00" * 4 for _ in range(4)))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


# --------------------------------------------------------------------------- decoding text files


@pytest.mark.parametrize(
    "encode,encoding",
    [
        (lambda t: t.encode("utf-8"), "utf-8"),
        (lambda t: t.encode("utf-8-sig"), "utf-8"),
        (lambda t: t.encode("utf-16"), "utf-16"),  # BOM, native (little-endian) order
        (lambda t: b"\xfe\xff" + t.encode("utf-16-be"), "utf-16"),
        (lambda t: b"\xff\xfe" + t.encode("utf-16-le"), "utf-16"),
        (lambda t: t.encode("utf-16-le"), "utf-16-le"),  # no BOM
        (lambda t: t.encode("utf-16-be"), "utf-16-be"),  # no BOM
        (lambda t: t.encode("shift_jis"), "cp932"),
        (lambda t: t.encode("cp932"), "cp932"),
        (lambda t: t.encode("euc_jp"), "euc_jp"),
        (lambda t: t.encode("iso2022_jp"), "iso2022_jp"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16be-bom", "utf16le-bom", "utf16le", "utf16be", "sjis", "cp932",
         "eucjp", "iso2022jp"],
)
@pytest.mark.parametrize("text", [JA, "sample"], ids=["short", "press-release"])
def test_decodes_japanese_encodings(tmp_path, encode, encoding, text):
    if text == "sample":
        text = SAMPLE.read_text(encoding="utf-8")
    data = encode(text)
    path = write(tmp_path, "doc.txt", data)
    doc = load_document(path, 10 * MB)
    assert doc.text == text
    assert doc.encoding == encoding
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert doc.source == str(path.resolve())
    assert doc.pages == ()


def test_cp932_only_characters(tmp_path):
    text = "①～⑩の項目、髙橋さん、﨑さん、NEC特殊文字 ㈱ ℡\n"
    doc = load_document(write(tmp_path, "a.txt", text.encode("cp932")), MB)
    assert doc.text == text and doc.encoding == "cp932"


def test_euc_jp_is_not_mistaken_for_shift_jis(tmp_path):
    text = "こんにちは、世界。日本語の文書です。\n"
    doc = load_document(write(tmp_path, "a.md", text.encode("euc_jp")), MB)
    assert doc.text == text and doc.encoding == "euc_jp"


def test_markdown_and_uppercase_suffix_load(tmp_path):
    assert load_document(write(tmp_path, "a.md", b"# Title\n"), MB).text == "# Title\n"
    assert load_document(write(tmp_path, "b.TXT", b"hello\n"), MB).text == "hello\n"
    assert load_document(write(tmp_path, "c.markdown", b"hi\n"), MB).text == "hi\n"


def test_decode_text_direct():
    assert decode_text("abc".encode("utf-8"), "x") == ("abc", "utf-8")
    assert decode_text("日本語です".encode("iso2022_jp"), "x") == ("日本語です", "iso2022_jp")
    assert decode_text("\ufeffabc".encode("utf-8"), "x") == ("abc", "utf-8")


def test_bad_utf16_after_bom_is_an_error():
    with pytest.raises(QabotError, match="cannot decode"):
        decode_text(b"\xff\xfe" + b"\x00\xd8" + b"a\x00", "x")  # lone high surrogate


# --------------------------------------------------------------------------- refusing text files


@pytest.mark.parametrize(
    "data",
    [b"", b"   \n\t\r\n  ", "\u3000\u3000\n".encode("utf-8"), b"\xef\xbb\xbf", b"\xff\xfe \x00\n\x00"],
    ids=["empty", "ascii-whitespace", "ideographic-space", "bom-only", "utf16-whitespace"],
)
def test_empty_or_whitespace_file(tmp_path, data):
    path = write(tmp_path, "empty.txt", data)
    message = load_error(path)
    assert "empty" in message and str(path) in message


def test_png_renamed_txt_is_binary(tmp_path):
    path = write(tmp_path, "image.txt", tiny_png())
    message = load_error(path)
    assert "binary" in message and str(path) in message


@pytest.mark.parametrize("seed", range(5))
def test_random_bytes_with_nuls_are_binary(tmp_path, seed):
    data = bytearray(random.Random(seed).randbytes(4096))
    data[100] = data[2000] = 0
    assert "binary" in load_error(write(tmp_path, "blob.txt", bytes(data)))


def test_control_characters_are_binary(tmp_path):
    data = bytes(range(1, 9)) * 50 + b"some text"
    assert "binary" in load_error(write(tmp_path, "ctl.txt", data))


def test_small_random_blob_with_nul_is_binary(tmp_path):
    data = bytearray(random.Random(0).randbytes(64))
    data[32] = 0
    assert "binary" in load_error(write(tmp_path, "blob.txt", bytes(data)))


def test_shift_jis_tie_prefers_cp932(tmp_path):
    doc = load_document(write(tmp_path, "name.txt", "Name: 凜\n".encode("shift_jis")), MB)
    assert doc.text == "Name: 凜\n"


def test_file_over_max_bytes(tmp_path):
    path = write(tmp_path, "big.txt", b"a" * 2048)
    message = load_error(path, max_bytes=2047)
    assert "too large" in message and str(path) in message
    assert load_document(path, max_bytes=2048).text == "a" * 2048  # exactly at the limit is fine


def test_missing_file_and_directory(tmp_path):
    assert "cannot read" in load_error(tmp_path / "nope.txt")
    (tmp_path / "dir.txt").mkdir()
    assert "cannot read" in load_error(tmp_path / "dir.txt")


# --------------------------------------------------------------------------- PDFs


def test_pdf_with_text_layer(tmp_path):
    path = write(tmp_path, "paper.pdf", text_pdf(["Hello world", "Second page"]))
    data = path.read_bytes()
    doc = load_document(path, MB)
    assert doc.encoding == "pdf"
    assert doc.text == "Hello world\n\nSecond page"
    assert doc.pages == (0, len("Hello world") + 2)
    assert doc.text[doc.pages[1] :].startswith("Second page")
    assert doc.sha256 == hashlib.sha256(data).hexdigest()


def test_pdf_suffix_but_not_a_pdf(tmp_path):
    path = write(tmp_path, "fake.pdf", "これはPDFではありません。\n".encode("utf-8"))
    message = load_error(path)
    assert "not a PDF" in message and str(path) in message


def test_damaged_pdf(tmp_path):
    path = write(tmp_path, "broken.pdf", b"%PDF-1.4\ngarbage garbage\n")
    assert "cannot read PDF" in load_error(path)


def test_pdf_without_text_layer(tmp_path):
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_blank_page(width=595, height=842)
    path = write(tmp_path, "scan.pdf", pdf_bytes(writer))
    message = load_error(path)
    assert "no text layer" in message and str(path) in message


def test_encrypted_pdf(tmp_path):
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf(["Top secret text"]))))
    writer.encrypt("secret")
    path = write(tmp_path, "locked.pdf", pdf_bytes(writer))
    message = load_error(path)
    assert "encrypted" in message and str(path) in message


def test_pdf_encrypted_with_empty_user_password_is_readable(tmp_path):
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf(["Open text"]))))
    writer.encrypt(user_password="", owner_password="owner-secret")
    doc = load_document(write(tmp_path, "open.pdf", pdf_bytes(writer)), MB)
    assert doc.text == "Open text"


def test_pdf_over_max_bytes(tmp_path):
    data = text_pdf(["Hello"])
    assert "too large" in load_error(write(tmp_path, "a.pdf", data), max_bytes=len(data) - 1)


# --------------------------------------------------------------------------- find_files


def test_find_files_expands_directories_recursively_sorted(tmp_path):
    root = tmp_path / "docs"
    for name in ["b.txt", "a.md", "sub/c.pdf", "sub/deeper/d.markdown", "sub/e.TXT", "z/y.txt",
                 "notes.docx", "image.png", "sub/readme", ".hidden.txt", ".git/config.txt", "sub/.cache/x.md"]:
        write(root, name, b"x")
    found = find_files([root])
    rel = [str(p.relative_to(root)) for p in found]
    assert set(rel) == {"a.md", "b.txt", "sub/c.pdf", "sub/deeper/d.markdown", "sub/e.TXT", "z/y.txt"}
    assert found == sorted(found)
    assert rel[:2] == ["a.md", "b.txt"] and rel[-1] == "z/y.txt"


def test_find_files_keeps_argument_order_and_dedupes(tmp_path):
    a = write(tmp_path, "a.txt", b"x")
    b = write(tmp_path, "b.md", b"x")
    assert find_files([b, a]) == [b, a]
    assert find_files([a, tmp_path, a]) == [a, b]
    assert find_files([str(a)]) == [a]


def test_find_files_hidden_directory_given_explicitly(tmp_path):
    hidden = tmp_path / ".docs"
    f = write(hidden, "a.txt", b"x")
    assert find_files([hidden]) == [f]


def test_find_files_missing_path(tmp_path):
    with pytest.raises(QabotError, match="no such file or directory"):
        find_files([tmp_path / "missing.txt"])


@pytest.mark.parametrize("name", ["report.docx", "image.png", "README"])
def test_find_files_unsupported_suffix(tmp_path, name):
    path = write(tmp_path, name, b"x")
    with pytest.raises(QabotError, match="unsupported file type") as e:
        find_files([path])
    assert "\n" not in str(e.value)


def test_find_files_directory_without_supported_files(tmp_path):
    write(tmp_path, "image.png", b"x")
    write(tmp_path, ".hidden.txt", b"x")
    write(tmp_path, ".git/notes.md", b"x")
    with pytest.raises(QabotError, match="no .txt, .md or .pdf files"):
        find_files([tmp_path])
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(QabotError, match="no .txt, .md or .pdf files"):
        find_files([empty])
