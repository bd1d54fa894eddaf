"""Attachments: inside the event's folder, regular files, of a kind the registry accepts, with
content of that kind, not too large, and matching their SHA-256."""
from __future__ import annotations

import os
import stat as statmod
from pathlib import Path

from generator.documents.kinds import ACCEPTED, content_matches, kind_of
from generator.findings import error
from generator.loading.safefile import open_regular, special_kind
from generator.rules.context import EventContext

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024


def attachment_problem(event_dir: Path, rel: str) -> tuple[str, str, str] | None:
    """Why ``rel`` is not a safe attachment path inside ``event_dir`` (code, zh, en), or None."""
    parts = rel.split("/")
    if rel.startswith("/") or any(p in ("", ".", "..") for p in parts):
        return ("R601", f"附件路径 {rel!r} 含有 ..、. 或空段；请写成 attachments/ 下的相对路径",
                f"attachment path {rel!r} contains '..', '.' or an empty segment; use a plain path under attachments/")
    base = (event_dir / "attachments").resolve()
    current = event_dir
    for part in parts:
        current = current / part
        if current.is_symlink():
            return ("R601", f"附件 {rel!r} 是符号链接；请放入文件本身",
                    f"attachment {rel!r} is a symbolic link; commit the file itself")
    target = (event_dir / rel).resolve()
    if base not in target.parents:
        return ("R601", f"附件 {rel!r} 不在本活动的 attachments/ 文件夹内",
                f"attachment {rel!r} is outside this event's attachments/ folder")
    try:
        mode = os.lstat(target).st_mode
    except OSError:
        mode = None
    special = special_kind(mode) if mode is not None else None
    if special is not None:
        return ("R601", f"附件 {rel!r} 是{special[1]}，不是普通文件；请提交文件本身",
                f"attachment {rel!r} is a {special[0]}, not a regular file; commit the file itself")
    if mode is None or not statmod.S_ISREG(mode):
        return ("R602", f"附件 {rel!r} 不存在；请把文件提交到该路径",
                f"attachment {rel!r} does not exist; commit the file at that path")
    return None


def _head(path: Path) -> bytes:
    with os.fdopen(open_regular(path), "rb") as handle:
        return handle.read(1024)


def attachments_safe_and_intact(ctx: EventContext):
    for event in ctx.registry.events:
        for rec, att in event.listed_attachments():
            where = rec.doc.at("attachments", att.index, "path")
            problem = attachment_problem(event.dir, att.path)
            if problem:
                yield error(problem[0], where, problem[1], problem[2])
                continue
            kind = kind_of(att.path)
            if kind is None:
                yield error("R606", where, f"附件 {att.path!r} 的类型不被接受；登记库只接受 {ACCEPTED[0]}（其文字可检查个人信息）；请转换为 PDF",
                            f"attachment {att.path!r} is not of a kind the registry accepts: {ACCEPTED[1]} (their text can be checked for personal "
                            "data); convert it to PDF")
                continue
            target = event.dir / att.path
            try:
                size = target.stat().st_size
                head = _head(target) if size <= MAX_ATTACHMENT_BYTES else b""
                actual = ctx.caches.sha256(target) if size <= MAX_ATTACHMENT_BYTES else ""
            except OSError as exc:
                yield error("R602", where, f"附件 {att.path!r} 无法读取（{exc.strerror or exc}）",
                            f"attachment {att.path!r} cannot be read ({exc.strerror or exc})")
                continue
            if size > MAX_ATTACHMENT_BYTES:
                yield error("R603", where, f"附件 {att.path!r} 有 {size} 字节，超过 {MAX_ATTACHMENT_BYTES} 字节上限；请压缩或拆分",
                            f"attachment {att.path!r} has {size} bytes, over the {MAX_ATTACHMENT_BYTES}-byte limit; compress or split it")
                continue
            if not content_matches(kind, head):
                yield error("R607", where, f"附件 {att.path!r} 的内容不是其扩展名所示的 {kind} 格式；请提交真正的 {kind} 文件或改正扩展名",
                            f"attachment {att.path!r} does not hold {kind} content as its extension says; file a real {kind} file or fix the extension")
            if actual != att.sha256:
                yield error("R604", rec.doc.at("attachments", att.index, "sha256"),
                            f"附件 {att.path!r} 的 SHA-256 为 {actual}，与记录中的 {att.sha256} 不符；文件被改动或摘要填错",
                            f"attachment {att.path!r} has SHA-256 {actual}, not {att.sha256} as recorded; the file changed or the digest is wrong")


def _references(rec):
    """(path, location path) of every attachment a record relies on outside its attachments list."""
    if hasattr(rec, "proof"):
        yield rec.proof, ("proof",)
    for line in getattr(rec, "lines", ()):
        if line.factor.evidence:
            yield line.factor.evidence, ("lines", line.index, "factor", "evidence")
        if line.evidence:
            yield line.evidence, ("lines", line.index, "activity", "evidence")
        if line.green_power is not None:
            yield line.green_power.evidence, ("lines", line.index, "green_power", "evidence")


def references_declared(ctx: EventContext):
    for event in ctx.registry.events:
        for rec in (r for r in (event.plan, event.report, *event.retirements) if r is not None):
            listed = {a.path for a in rec.attachments}
            for path, at in _references(rec):
                if path not in listed:
                    yield error("R605", rec.doc.at(*at),
                                f"引用的附件 {path!r} 未列入本文件的 attachments（须给出 SHA-256）",
                                f"referenced attachment {path!r} is not listed under attachments in this file (with its SHA-256)")
