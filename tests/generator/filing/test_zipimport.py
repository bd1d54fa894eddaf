"""Issue 13 §1: `carbonreg import EVENT.zip --into …` (the filing page's output, or a folder zipped by
hand). A good zip gives the event folder's exact files and checks; hostile zips (path traversal,
absolute paths, links, encrypted entries, bombs, oversized members, stray files) are refused with a
bilingual reason and nothing is written; existing files are never replaced without --force."""
import io
import re
import shutil
import stat
import time
import zipfile
from datetime import date
from pathlib import Path

import pytest
from gentestkit import copy_sample

from generator.cli import main
from generator.pipeline import check

CJK = re.compile(r"[\u4e00-\u9fff]")
FORUM = "events/2026/2026-pujiang-low-carbon-forum"


def _zip_folder(folder: Path, top: str | None, method=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as z:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                rel = path.relative_to(folder).as_posix()
                z.writestr(f"{top}/{rel}" if top else rel, path.read_bytes())
    return out.getvalue()


def _zip(entries: list[tuple[zipfile.ZipInfo | str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in entries:
            z.writestr(info, data)
    return out.getvalue()


@pytest.fixture
def moved(tmp_path):
    """A copy of the sample whose forum event folder is moved out: (registry, the folder's files). The
    forum's certificate.json stays: the agency's signed file is no part of what an organizer files."""
    root = copy_sample(tmp_path)
    saved = tmp_path / "forum"
    shutil.move(root / FORUM, saved)
    (root / FORUM).mkdir()
    shutil.move(saved / "certificate.json", root / FORUM / "certificate.json")
    return root, saved


def _run(capsys, *args) -> tuple[int, str]:
    code = main(["import", *map(str, args)])
    out = capsys.readouterr()
    return code, out.out + out.err


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("top", ["2026-pujiang-low-carbon-forum", None])
def test_a_zipped_event_folder_imports_exactly_and_checks(moved, tmp_path, capsys, top):
    root, saved = moved
    source = tmp_path / "forum.zip"
    source.write_bytes(_zip_folder(saved, top))
    code, out = _run(capsys, source, "--into", root / FORUM)
    assert code == 0, out
    assert _files(root / FORUM) == {**_files(saved), "certificate.json": (root / FORUM / "certificate.json").read_bytes()}
    assert check(root, date(2026, 11, 20)).errors == 0


def test_existing_files_are_kept_unless_forced_and_same_bytes_are_left_alone(moved, tmp_path, capsys):
    root, saved = moved
    shutil.copytree(saved, root / FORUM, dirs_exist_ok=True)
    source = tmp_path / "forum.zip"
    source.write_bytes(_zip_folder(saved, None))
    code, out = _run(capsys, source, "--into", root / FORUM)
    assert code == 0 and "unchanged" in out and "wrote" not in out
    plan = root / FORUM / "plan.yaml"
    plan.write_bytes(plan.read_bytes() + b"# edited\n")
    code, out = _run(capsys, source, "--into", root / FORUM)
    assert code == 1 and "--force" in out and CJK.search(out)
    assert plan.read_bytes().endswith(b"# edited\n")
    code, out = _run(capsys, source, "--into", root / FORUM, "--force")
    assert code == 0 and plan.read_bytes() == (saved / "plan.yaml").read_bytes()


def _symlink(name: str, target: str) -> tuple[zipfile.ZipInfo, bytes]:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info, target.encode()


@pytest.mark.parametrize("entries,code,words", [
    ([("../evil.yaml", b"x: 1\n"), ("plan.yaml", b"id: x\n")], "X202", "not allowed"),
    ([("/etc/evil.yaml", b"x: 1\n")], "X202", "not allowed"),
    ([("attachments/../../../evil.txt", b"x")], "X202", "not allowed"),
    ([("attachments\\evil.txt", b"x")], "X202", "not allowed"),
    ([_symlink("attachments/link.pdf", "/etc/passwd")], "X204", "symbolic links"),
    ([("plan.yaml", b"id: x\n"), ("certificate.json", b"{}")], "X205", "not a file of an event folder"),
    ([("report.yaml", b"event: x\n")], "X206", "no plan.yaml"),
])
def test_hostile_zips_are_refused_and_nothing_is_written(tmp_path, capsys, entries, code, words):
    into = tmp_path / "registry" / "events" / "2026" / "2026-x"
    source = tmp_path / "bad.zip"
    source.write_bytes(_zip(entries))
    rc, out = _run(capsys, source, "--into", into)
    assert rc == 1, out
    assert code in out and words in out and CJK.search(out) and "nothing was written" in out
    assert not into.exists()
    assert not (tmp_path / "evil.yaml").exists() and not (tmp_path / "registry" / "evil.txt").exists()


def test_an_encrypted_entry_is_refused(tmp_path, capsys):
    data = bytearray(_zip([("plan.yaml", b"id: x\n")]))
    for sig, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # set the "encrypted" flag bit in both headers
        at = data.find(sig)
        data[at + offset] |= 1
    source = tmp_path / "enc.zip"
    source.write_bytes(bytes(data))
    rc, out = _run(capsys, source, "--into", tmp_path / "into")
    assert rc == 1 and "X203" in out and "encrypted" in out and CJK.search(out)


def test_a_zip_bomb_is_refused_quickly(tmp_path, capsys):
    source = tmp_path / "bomb.zip"
    with zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("plan.yaml", b"id: x\n")
        z.writestr("attachments/zeros.txt", b"\0" * (200 * 1024 * 1024))
    assert source.stat().st_size < 1024 * 1024
    start = time.perf_counter()
    rc, out = _run(capsys, source, "--into", tmp_path / "into")
    assert time.perf_counter() - start < 2
    assert rc == 1 and "X201" in out and "zip bomb" in out and CJK.search(out)
    assert not (tmp_path / "into").exists()


def test_an_oversized_member_is_refused(tmp_path, capsys):
    source = tmp_path / "big.zip"
    with zipfile.ZipFile(source, "w", zipfile.ZIP_STORED) as z:
        z.writestr("plan.yaml", b"id: x\n")
        z.writestr("attachments/big.txt", b"a" * (21 * 1024 * 1024))
    rc, out = _run(capsys, source, "--into", tmp_path / "into")
    assert rc == 1 and "attachments/big.txt" in out and CJK.search(out)


def test_a_record_with_a_bad_field_is_named_with_its_file_and_line(moved, tmp_path, capsys):
    root, saved = moved
    report = (saved / "report.yaml").read_text(encoding="utf-8")
    assert report.count("prepared_on: 2026-05-15") == 1
    (saved / "report.yaml").write_text(report.replace("prepared_on: 2026-05-15", "prepared_on: 2026-15-05"), encoding="utf-8")
    line = report.splitlines().index("prepared_on: 2026-05-15") + 1
    source = tmp_path / "forum.zip"
    source.write_bytes(_zip_folder(saved, "2026-pujiang-low-carbon-forum"))
    rc, out = _run(capsys, source, "--into", root / FORUM)
    assert rc == 1, out
    assert f"forum.zip!report.yaml:{line}:" in out and "prepared_on" in out and CJK.search(out)
    assert [p.name for p in (root / FORUM).iterdir()] == ["certificate.json"]  # nothing was written
