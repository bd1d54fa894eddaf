"""``carbonreg import EVENT.zip --into registry/events/<year>/<id>/``: an event folder as the filing
page (or anyone) zipped it, checked before anything is written.

The zip is untrusted. Refused with a reason in both languages, before a byte is written: more than
``MAX_BYTES``, not a zip, encrypted entries, links, absolute or ``..`` paths, names outside the event
layout (plan.yaml, report.yaml, declaration.yaml, retirements/<id>.yaml, attachments/…), and the
zip bombs ``generator.documents.archive`` refuses (entries, sizes and ratio, checked on the declared
sizes and again while inflating). Every record file must load (the safe YAML loader) and pass its
schema, each problem named ``EVENT.zip!report.yaml:12:5``. Existing files are never replaced
without ``force``; a file whose bytes are already there is left as it is."""
from __future__ import annotations

import re
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.findings import Finding, Location, error
from generator.loading.yamlsafe import load_yaml_bytes
from generator.publishing.files import WriteRefused, write_atomic
from generator.validation.messages import schema_findings
from generator.validation.schemas import validator

MAX_BYTES = 60 * 1024 * 1024
RECORDS = {"plan.yaml": "plan", "report.yaml": "report", "declaration.yaml": "declaration"}
RETIREMENT = re.compile(r"^retirements/[a-z0-9]+(?:-[a-z0-9]+)*\.yaml$")
ATTACHMENT = re.compile(r"^attachments/[A-Za-z0-9._/-]+$")


@dataclass(frozen=True)
class Unzipped:
    files: dict[str, bytes]  # path inside the event folder -> bytes
    findings: tuple[Finding, ...]


def _refused(shown: str, zh: str, en: str) -> Unzipped:
    return Unzipped({}, (error("X201", Location(shown), zh, en),))


def _event_name(name: str, top: str) -> str:
    return name[len(top):] if top else name


def _bad_name(name: str) -> tuple[str, str] | None:
    path = PurePosixPath(name)
    if name.startswith("/") or "\\" in name or re.match(r"^[A-Za-z]:", name) or ".." in path.parts or "" in name.split("/"):
        return ("路径不允许（绝对路径、.. 或反斜杠）", "this path is not allowed (absolute, .. or a backslash)")
    if "\x00" in name or any(ord(c) < 32 for c in name):
        return ("文件名含控制字符", "the name holds control characters")
    return None


def read_zip(path: Path, shown: str | None = None) -> Unzipped:
    """The event folder's files from ``path`` (checked), or the findings that refuse it."""
    import zipfile

    from generator.documents.archive import open_archive, read_part
    from generator.documents.extract import Refused, Unreadable

    shown = shown or path.name
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return _refused(shown, f"文件有 {size} 字节，超过 {MAX_BYTES} 字节的上限", f"the file has {size} bytes, over the {MAX_BYTES}-byte limit")
        data = path.read_bytes()
    except OSError as exc:
        return _refused(shown, f"无法读取文件：{exc.strerror}", f"cannot read the file: {exc.strerror}")
    if not data.startswith(b"PK"):
        return _refused(shown, "不是 zip 文件", "not a zip file")
    try:
        archive = open_archive(data)
    except (Refused, Unreadable) as exc:
        return _refused(shown, exc.zh, exc.en)
    infos = [i for i in archive.infolist() if not i.filename.endswith("/")]
    findings: list[Finding] = []
    for info in archive.infolist():
        at = Location(f"{shown}!{info.filename}")
        bad = _bad_name(info.filename)
        if bad:
            findings.append(error("X202", at, *bad))
        if info.flag_bits & 0x1:
            findings.append(error("X203", at, "加密的条目不接受；请不设密码重新打包", "encrypted entries are not accepted; zip it again without a password"))
        if stat.S_ISLNK(info.external_attr >> 16):
            findings.append(error("X204", at, "符号链接不接受；请放入文件本身", "symbolic links are not accepted; put the file itself in the zip"))
    if findings:
        return Unzipped({}, tuple(findings))
    tops = {i.filename.split("/", 1)[0] for i in infos}
    top = f"{tops.pop()}/" if len(tops) == 1 and all("/" in i.filename for i in infos) and \
        not any(_event_name(i.filename, "").split("/", 1)[0] in ("retirements", "attachments") for i in infos) else ""
    files: dict[str, bytes] = {}
    for info in infos:
        name = _event_name(info.filename, top)
        at = Location(f"{shown}!{info.filename}")
        if name not in RECORDS and not RETIREMENT.match(name) and not ATTACHMENT.match(name):
            findings.append(error(
                "X205", at,
                "不属于活动文件夹的文件（只接受 plan.yaml、report.yaml、declaration.yaml、retirements/<编号>.yaml 和 attachments/ 下的文件）",
                "not a file of an event folder (only plan.yaml, report.yaml, declaration.yaml, retirements/<id>.yaml "
                "and files under attachments/)"))
            continue
        try:
            files[name] = read_part(archive, info)
        except (Refused, Unreadable, zipfile.BadZipFile) as exc:
            findings.append(error("X201", at, getattr(exc, "zh", str(exc)), getattr(exc, "en", str(exc))))
    if "plan.yaml" not in files and not findings:
        findings.append(error("X206", Location(shown), "zip 中没有 plan.yaml（活动文件夹的必备文件）", "the zip has no plan.yaml (every event folder has one)"))
    for name, body in sorted(files.items()):
        kind = RECORDS.get(name) or ("retirement" if RETIREMENT.match(name) else None)
        if kind is None:
            continue
        doc, found = load_yaml_bytes(body, f"{shown}!{name}")
        findings.extend(found)
        if doc is not None:
            findings.extend(schema_findings(doc, validator(kind).iter_errors(doc.data)))
    errors = tuple(f for f in findings if f.severity.value == "error")
    return Unzipped(files if not errors else {}, tuple(findings))


def write(unzipped: Unzipped, into: Path, force: bool) -> tuple[list[Path], list[Path]]:
    """Write the files into the event folder: (written, unchanged). Refuses every file if one
    exists with other bytes, unless ``force``."""
    targets = {into / name: body for name, body in sorted(unzipped.files.items())}
    same = [p for p, body in targets.items() if p.is_file() and not p.is_symlink() and p.read_bytes() == body]
    clash = [p for p in targets if (p.exists() or p.is_symlink()) and p not in same]
    if clash and not force:
        names = ", ".join(str(p) for p in clash)
        raise WriteRefused(f"已存在且内容不同，未写入任何文件（覆盖请加 --force）：{names}",
                           f"already there with other content, nothing was written (add --force to replace): {names}")
    written = [write_atomic(p, body, replace=force) for p, body in targets.items() if p not in same]
    return written, same
