"""Every file of the registry in focus, for the rules that look at all files (secrets, special files).

Links are never followed. FIFOs, devices and sockets are reported (L303) and never opened: reading a
FIFO blocks until a writer comes, so a check would hang."""
from __future__ import annotations

import os
import stat as statmod
from pathlib import Path

from generator.findings import Location, error
from generator.loading.safefile import special_kind
from generator.rules.context import EventContext, RegistryContext


def _walk(top: Path, skip: frozenset[str] = frozenset(), root: Path | None = None):
    """(path, mode) of every non-link entry that is not a folder below ``top``, sorted."""
    for folder, dirs, files in os.walk(top):  # os.walk does not follow symlinked folders
        rel = Path(folder).relative_to(root).as_posix() if root is not None else "."
        dirs[:] = sorted(d for d in dirs if d != ".git" and (d if rel == "." else f"{rel}/{d}") not in skip)
        for name in sorted(files):
            path = Path(folder, name)
            try:
                mode = os.lstat(path).st_mode
            except OSError:
                continue
            if not statmod.S_ISLNK(mode):
                yield path, mode


def entries(ctx: EventContext | RegistryContext):
    """(path, mode) of every file in focus: the event's folder for an event rule; for a registry
    rule, every file outside the events' folders."""
    if isinstance(ctx, EventContext):
        yield from _walk(ctx.event.dir)
    else:
        events = frozenset(f.rel_dir for f in ctx.facts)
        yield from _walk(ctx.registry.root, events, ctx.registry.root)


def regular_files(ctx: EventContext | RegistryContext):
    """Every regular file in focus (see :func:`entries`)."""
    for path, mode in entries(ctx):
        if statmod.S_ISREG(mode):
            yield path


def shown(ctx: EventContext | RegistryContext, path: Path) -> str:
    rel = path.relative_to(ctx.registry.root).as_posix()
    root = ctx.registry.shown_root
    return rel if root in ("", ".") else f"{root.rstrip('/')}/{rel}"


def no_special_files(ctx: EventContext | RegistryContext):
    """L303, as an event rule (the event's folder) and as a registry rule (everything else)."""
    for path, mode in entries(ctx):
        special = special_kind(mode)
        if special is not None:
            yield error("L303", Location(shown(ctx, path)),
                        f"这是{special[1]}，不是普通文件；登记库只能包含普通文件（读取它会使检查卡住），请删除它",
                        f"this is a {special[0]}, not a regular file; a registry holds regular files only (reading it would hang the check), remove it")
