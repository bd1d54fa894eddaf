"""Open an untrusted workbook, or refuse it with a clear reason before it costs time or memory:
too large, macro-enabled (xlsm, vbaProject.bin), encrypted (password-protected workbooks are OLE
containers, not zip), old binary .xls, malformed zip or XML, zip bombs and XML entity bombs.

The zip limits are the attachments' (``generator.documents.archive``: entries, sizes and expansion
ratio, checked before inflating and while inflating). openpyxl reads through defusedxml, and only
the values saved in cells are read: formulas are never evaluated, macros never loaded."""
from __future__ import annotations

import io
import warnings
from pathlib import Path

from generator.errors import CarbonregError

MAX_BYTES = 10 * 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MACRO_SUFFIXES = (".xlsm", ".xltm", ".xlam", ".xlsb")


class WorkbookRefused(CarbonregError):
    """A workbook refused before or while reading it (the reason in both languages)."""


def open_workbook(path: Path):
    """The openpyxl workbook (read-only, cached values), or WorkbookRefused."""
    from generator.documents.archive import open_archive, read_part
    from generator.documents.extract import Refused, Unreadable

    if path.suffix.lower() in MACRO_SUFFIXES:
        raise WorkbookRefused(f"{path.suffix} 是可含宏的工作簿格式，不接受；请另存为 .xlsx（Excel 工作簿）",
                              f"{path.suffix} is a macro-enabled workbook format and is not accepted; save as .xlsx (Excel Workbook)")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise WorkbookRefused(f"文件有 {size} 字节，超过 {MAX_BYTES} 字节的上限", f"the file has {size} bytes, over the {MAX_BYTES}-byte limit")
        data = path.read_bytes()
    except OSError as exc:
        raise WorkbookRefused(f"无法读取文件：{exc.strerror}", f"cannot read the file: {exc.strerror}") from None
    if data.startswith(OLE_MAGIC):
        raise WorkbookRefused("这是加密（设有打开密码）的工作簿或旧的 .xls 格式；请取消密码并另存为 .xlsx",
                              "this workbook is encrypted (password to open) or in the old .xls format; remove the password and save as .xlsx")
    if not data.startswith(b"PK\x03\x04"):
        raise WorkbookRefused("不是 .xlsx 工作簿（文件不是 zip 格式）", "not an .xlsx workbook (the file is not a zip)")
    try:
        archive = open_archive(data)
        names = {info.filename for info in archive.infolist()}
        if any(n.lower().endswith("vbaproject.bin") or n.lower().startswith("xl/activex") for n in names):
            raise WorkbookRefused("工作簿含有宏（VBA）或 ActiveX 控件，不接受；请另存为不含宏的 .xlsx",
                                  "the workbook holds macros (VBA) or ActiveX controls and is not accepted; save it as an .xlsx without macros")
        for info in archive.infolist():
            if info.filename.endswith((".xml", ".rels")):
                part = read_part(archive, info)
                if b"<!DOCTYPE" in part or b"<!ENTITY" in part:
                    raise WorkbookRefused(f"{info.filename} 含有 DTD 或实体声明（可能是 XML 炸弹），不接受",
                                          f"{info.filename} declares a DTD or entities (a possible XML bomb) and is not accepted")
                if info.filename == "[Content_Types].xml" and b"macroEnabled" in part:
                    raise WorkbookRefused("工作簿声明为可含宏格式，不接受；请另存为 .xlsx",
                                          "the workbook declares a macro-enabled format and is not accepted; save as .xlsx")
    except (Refused, Unreadable) as exc:
        raise WorkbookRefused(exc.zh, exc.en) from None
    if "xl/workbook.xml" not in names:
        raise WorkbookRefused("zip 中没有 xl/workbook.xml，不是 Excel 工作簿", "the zip has no xl/workbook.xml: not an Excel workbook")
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_vba=False, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds on malformed parts; none may reach the user raw
        raise WorkbookRefused(f"工作簿无法解析（{type(exc).__name__}）；请在 Excel 中打开后另存为 .xlsx 再试",
                              f"the workbook cannot be parsed ({type(exc).__name__}); open it in Excel, save as .xlsx and try again") from None
