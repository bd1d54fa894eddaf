"""``carbonreg scrub FILE``: write a copy of an attachment without its metadata (never the file
itself unless ``--in-place``), atomically, and print what was removed and the new SHA-256."""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path


def add_parser(sub) -> None:
    s = sub.add_parser("scrub", help="去除附件元数据（作者、GPS 等）/ remove an attachment's metadata (author, GPS, …)")
    s.add_argument("file", metavar="FILE", help="附件文件 / the attachment")
    s.add_argument("--out", default=None, help="输出文件（默认 FILE 旁的 <名>.scrubbed.<扩展名>）/ output file (default: <name>.scrubbed.<ext> next to FILE)")
    s.add_argument("--in-place", action="store_true", help="直接替换原文件（原子写入）/ replace FILE itself (atomically)")


def _fail(zh: str, en: str) -> int:
    print(f"carbonreg scrub: {zh} / {en}", file=sys.stderr)
    return 1


def run_scrub(args) -> int:
    from generator.documents.extract import MAX_BYTES, Refused, Unreadable, extract_bytes
    from generator.documents.kinds import KINDS, kind_of
    from generator.documents.scrub import scrub_bytes
    from generator.loading.safefile import NotRegularFile, TooLarge, read_regular
    from generator.publishing.files import write_atomic

    source = Path(args.file)
    kind = kind_of(source.name)
    if kind is None:
        return _fail(f"{source}：不是登记库接受的附件类型（{'、'.join(sorted(KINDS))}）",
                     f"{source}: not an attachment kind the registry accepts ({', '.join(sorted(KINDS))})")
    if args.in_place and args.out:
        return _fail("--in-place 与 --out 只能选一个", "use either --in-place or --out, not both")
    target = source if args.in_place else Path(args.out) if args.out else source.with_name(f"{source.stem}.scrubbed{source.suffix}")
    if not args.in_place and target.exists():
        return _fail(f"{target} 已存在，不会覆盖；请用 --out 指定另一个文件", f"{target} exists and is never overwritten; name another file with --out")
    try:
        data = read_regular(source, MAX_BYTES)
        cleaned, removed = scrub_bytes(data, kind)
        left = extract_bytes(cleaned, kind).personal_metadata
    except FileNotFoundError:
        return _fail(f"找不到文件 {source}", f"no such file: {source}")
    except (NotRegularFile, TooLarge) as exc:
        return _fail(f"{source}：不是普通文件或太大（{exc}）", f"{source}: not a regular file or too large ({exc})")
    except (Refused, Unreadable) as exc:
        return _fail(f"{source}：{exc.zh}", f"{source}: {exc.en}")
    if not removed:
        print(f"{source}：没有可去除的元数据，未写入文件 / no metadata to remove, nothing written")
        return 0
    write_atomic(target, cleaned, replace=args.in_place)  # never over another file
    print(f"已去除 / removed: {', '.join(removed)}")
    print(f"已写入 / written: {target}")
    print(f"SHA-256: {hashlib.sha256(cleaned).hexdigest()}  请更新记录中该附件的 sha256 / update the attachment's sha256 in its record")
    if left:
        print(f"仍有元数据 / metadata left: {', '.join(left)}", file=sys.stderr)
        return 1
    return 0
