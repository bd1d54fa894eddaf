"""Issue 13, section 2: hostile or broken workbooks are refused quickly with a clear bilingual
reason, and nothing is written: oversized, macro-enabled, encrypted, malformed, zip and XML bombs."""
import io
import re
import time
import zipfile
from pathlib import Path

import pytest
from gentestkit import MARATHON, copy_sample

from generator.cli import main

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> bytes:
    tmp = tmp_path_factory.mktemp("good")
    root = copy_sample(tmp)
    out = tmp / "m.xlsx"
    assert main(["export", str(root / MARATHON), "--to", str(out), "--registry", str(root)]) == 0
    return out.read_bytes()


def _rezip(data: bytes, replace: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, replace.pop(info.filename, src.read(info)))
        for name, body in replace.items():
            dst.writestr(name, body)
    return out.getvalue()


def _refused(tmp_path: Path, name: str, data: bytes | None, capsys, *words: str) -> None:
    book = tmp_path / name
    if data is not None:
        book.write_bytes(data)
    into = tmp_path / "into"
    start = time.monotonic()
    assert main(["import", str(book), "--into", str(into)]) == 1
    took = time.monotonic() - start
    out = capsys.readouterr().out
    [line] = [x for x in out.splitlines() if " X101 " in x]
    assert took < 2, f"took {took:.1f} s"
    zh, en = line.split(" error: ", 1)[1].split(" / ", 1)
    assert CJK.search(zh) and not CJK.search(en)
    for word in words:
        assert word in en, en
    assert not into.exists()


def test_zip_bomb(tmp_path, good, capsys):
    bomb = _rezip(good, {"xl/worksheets/sheet2.xml": b" " * (200 * 1024 * 1024)})
    assert len(bomb) < 1024 * 1024
    _refused(tmp_path, "bomb.xlsx", bomb, capsys, "zip bomb")


def test_xml_entity_bomb(tmp_path, good, capsys):
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10))
              + b']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
              + b'<c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>')
    _refused(tmp_path, "laughs.xlsx", _rezip(good, {"xl/worksheets/sheet2.xml": laughs}), capsys, "XML bomb")


def test_macros_inside(tmp_path, good, capsys):
    _refused(tmp_path, "macro.xlsx", _rezip(good, {"xl/vbaProject.bin": b"\x00" * 64}), capsys, "macros")


def test_macro_enabled_name(tmp_path, good, capsys):
    _refused(tmp_path, "macro.xlsm", good, capsys, "macro-enabled")


def test_encrypted(tmp_path, capsys):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096  # how a password-protected workbook starts
    _refused(tmp_path, "secret.xlsx", ole, capsys, "encrypted")


@pytest.mark.parametrize("name, cut", [("notzip.xlsx", None), ("truncated.xlsx", 0.5)])
def test_malformed(tmp_path, good, capsys, name, cut):
    data = b"just some text, not a workbook\n" if cut is None else good[: int(len(good) * cut)]
    _refused(tmp_path, name, data, capsys)


def test_a_zip_that_is_not_a_workbook(tmp_path, capsys):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("hello.txt", "hi")
    _refused(tmp_path, "other.xlsx", out.getvalue(), capsys, "not an Excel workbook")


def test_oversized(tmp_path, capsys):
    big = tmp_path / "big.xlsx"
    with big.open("wb") as f:
        f.write(b"PK\x03\x04")
        f.truncate(11 * 1024 * 1024)
    _refused(tmp_path, "big.xlsx", None, capsys, "limit")
