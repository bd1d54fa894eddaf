"""Rules on a change against its base branch: one small function each, yielding findings.

A registry is append-only where it matters: published certificates, declarations, retirement
proofs and revocation notices are never edited or deleted (a correction is a new record that
supersedes), published ids are never reused, and nothing secret enters the history."""
from __future__ import annotations

from typing import Callable, Iterator

from generator.findings import Finding, Location, error, warning
from generator.history import git
from generator.history.context import ChangeContext, ChangedFile, home
from generator.history.records import ID_EN, ID_ZH, IMMUTABLE, KIND_EN
from generator.rules.secrets import MAX_SCAN_BYTES, scan_text

HistoryRule = Callable[[ChangeContext], Iterator[Finding]]

_SUPERSEDE_ZH = "更正应以新记录发布并取代原记录（如新的注销证明或声明；撤销由平台发布撤销公告）"
_SUPERSEDE_EN = ("a correction is a new record that supersedes the old one (a new retirement proof or declaration; "
                 "a revocation is a notice the platform publishes)")
# Which id kinds share one namespace: record ids are unique across retirements, declarations and notices.
_NAMESPACE = {"event": ("event",), "certificate": ("certificate",),
              "retirement": ("retirement", "declaration", "revocation"),
              "declaration": ("retirement", "declaration", "revocation"),
              "revocation": ("retirement", "declaration", "revocation")}


def _old(f: ChangedFile):
    """The registry path a change removes or rewrites (renames remove their old path)."""
    return f.old_registry if f.change.status == "R" else f.registry


def published_records_unchanged(ctx: ChangeContext) -> Iterator[Finding]:
    """H101/H102: a published record in the base is neither edited nor deleted (nor renamed)."""
    for f in ctx.files:
        status = f.change.status
        old = _old(f)
        if old is None or old.kind not in IMMUTABLE:
            continue
        what_zh, what_en = IMMUTABLE[old.kind], KIND_EN[old.kind]
        if status in ("M", "T"):
            yield error("H101", ctx.location(f.change.path, ctx.first_changed_line(f.change.path)),
                        f"已发布的{what_zh}不得修改；{_SUPERSEDE_ZH}",
                        f"a published {what_en} must not be edited; {_SUPERSEDE_EN}")
        elif status in ("D", "R"):
            path = (f.change.old or f.change.path) if status == "R" else f.change.path
            moved_zh = f"（被重命名为 {f.shown}）" if status == "R" else ""
            moved_en = f" (renamed to {f.shown})" if status == "R" else ""
            related = (ctx.location(f.change.path),) if status == "R" else ()
            yield error("H102", ctx.location(path),
                        f"已发布的{what_zh}不得删除或移动{moved_zh}；{_SUPERSEDE_ZH}",
                        f"a published {what_en} must not be deleted or moved{moved_en}; {_SUPERSEDE_EN}", related)


def certified_events_frozen(ctx: ChangeContext) -> Iterator[Finding]:
    """H103: no existing file of an event that had a certificate in the base changes (new
    records such as a superseding retirement may be added; revocations live in revocations/)."""
    for f in ctx.files:
        old = _old(f)
        if f.change.status not in ("M", "T", "D", "R") or old is None or old.event_dir not in ctx.certified_in_base:
            continue
        if old.kind in IMMUTABLE:
            continue  # H101/H102 already say it
        path = (f.change.old or f.change.path) if f.change.status in ("R",) else f.change.path
        line = ctx.first_changed_line(path) if f.change.status in ("M", "T") else 1
        yield error("H103", ctx.location(path, line),
                    f"活动 {old.event_id} 已有证书，其已有文件不得修改、删除或移动；{_SUPERSEDE_ZH}",
                    f"event {old.event_id} already has a certificate, so its existing files must not be edited, deleted "
                    f"or moved; {_SUPERSEDE_EN}")


def _reused(ctx: ChangeContext, kind: str, value: str, own_home: str) -> tuple[str, ...]:
    homes: list[str] = []
    for other in _NAMESPACE[kind]:
        homes.extend(ctx.base_ids.get((other, value), ()))
    return tuple(h for h in homes if h != own_home)


def _reuse_finding(ctx: ChangeContext, kind: str, value: str, location: Location, homes) -> Finding:
    where = ", ".join(ctx.shown(ctx.repo_path(h)) for h in homes)
    return error("H104", location,
                 f"{ID_ZH[kind]} {value} 已在基准分支中发布（{where}）；已发布的编号永不复用，请换一个新编号",
                 f"{ID_EN[kind]} {value} was already published in the base ({where}); published ids are never "
                 f"reused, choose a new one",
                 tuple(ctx.location(ctx.repo_path(h)) for h in homes))


def published_ids_not_reused(ctx: ChangeContext) -> Iterator[Finding]:
    """H104: an id, certificate number or event id published in the base is not used again
    elsewhere (at another path, or after its record was deleted)."""
    new_events: dict[str, ChangedFile] = {}
    for f in ctx.files:
        if f.registry is None or f.change.status == "D":
            continue
        for pid in ctx.head_ids.get(f.change.path, ()):
            homes = _reused(ctx, pid.kind, pid.value, home(f.registry, pid.kind))
            if homes:
                yield _reuse_finding(ctx, pid.kind, pid.value, ctx.location(f.change.path, pid.line), homes)
        d = f.registry.event_dir
        if d and d not in ctx.base_event_dirs and (d not in new_events or f.registry.kind == "plan"):
            new_events[d] = f
    for d, f in sorted(new_events.items()):
        reg = f.registry
        assert reg is not None and reg.event_id is not None  # new_events holds files of event folders
        homes = _reused(ctx, "event", reg.event_id, d)
        if homes:
            line = 2 if reg.kind == "plan" else 1
            try:
                text = (ctx.repo / f.change.path).read_text("utf-8", "replace")
                line = next((n for n, t in enumerate(text.splitlines(), 1) if t.startswith("id:")), line)
            except OSError:
                pass
            yield _reuse_finding(ctx, "event", reg.event_id, ctx.location(f.change.path, line), homes)


def _secret(code: str, location: Location, zh: str, en: str, commit: str | None = None) -> Finding:
    code = "H105" if code == "R901" else "H106"
    if commit is None:
        return error(code, location, f"{zh}：本次变更包含密钥或令牌，请删除并立即作废（轮换）它",
                     f"{en}: this change contains a secret; remove it and revoke (rotate) it at once")
    return error(code, location,
                 f"{zh}（在提交 {commit[:12]} 中，之后虽已删除，但仍留在分支历史里）：请改写分支历史去掉它，并立即作废（轮换）它",
                 f"{en} (in commit {commit[:12]}; removed later but still in the branch history): rewrite the branch "
                 f"without it and revoke (rotate) it at once")


def no_secrets_in_change(ctx: ChangeContext) -> Iterator[Finding]:
    """H105/H106: no private key or token in a changed file outside the registry folder (inside
    it, R901/R902 scan every file), nor in any commit of the change, even if removed later."""
    seen: set[tuple[str, str]] = set()
    for f in ctx.files:
        if f.change.status == "D":
            continue
        path = ctx.repo / f.change.path
        try:
            if path.is_symlink() or not path.is_file() or path.stat().st_size > MAX_SCAN_BYTES:
                continue
            text = path.read_bytes().decode("utf-8", errors="replace")
        except OSError:
            continue
        for line, code, zh, en in scan_text(text):
            seen.add((f.change.path, code))
            if f.registry is None:
                yield _secret(code, ctx.location(f.change.path, line), zh, en)
    for commit in git.commits_since(ctx.repo, ctx.base):
        paths = git.files_changed_in(ctx.repo, commit)
        for rel, raw in sorted(git.read_at(ctx.repo, commit, paths, MAX_SCAN_BYTES).items()):
            for line, code, zh, en in scan_text(raw.decode("utf-8", errors="replace")):
                if (rel, code) not in seen:
                    seen.add((rel, code))
                    yield _secret(code, ctx.location(rel, line), zh, en, commit)


def one_event_per_change(ctx: ChangeContext) -> Iterator[Finding]:
    """H107 (warning): a pull request should touch one event folder, so that each event's owner
    reviews their own change; the reviewer may accept a deliberate exception."""
    first: dict[str, ChangedFile] = {}
    for f in ctx.files:
        for p in (f.registry, f.old_registry):
            if p is not None and p.event_dir and p.event_dir not in first:
                first[p.event_dir] = f
    if len(first) < 2:
        return
    dirs = sorted(first)
    names = "、".join(d.rsplit("/", 1)[1] for d in dirs)
    names_en = ", ".join(d.rsplit("/", 1)[1] for d in dirs)
    at = first[dirs[1]]
    yield warning("H107", ctx.location(at.change.path),
                  f"本次变更涉及 {len(dirs)} 个活动文件夹（{names}）；每个拉取请求应只改一个活动，审核人可确认后接受",
                  f"this change touches {len(dirs)} event folders ({names_en}); a pull request should change one "
                  f"event, a reviewer may accept it deliberately",
                  tuple(ctx.location(first[d].change.path) for d in dirs if d != dirs[1]))


HISTORY_RULES: tuple[HistoryRule, ...] = (
    published_records_unchanged,
    certified_events_frozen,
    published_ids_not_reused,
    no_secrets_in_change,
    one_event_per_change,
)
