"""``carbonreg comment``: post the pull-request check's summary as one sticky comment, from the
privileged ``workflow_run`` job (``.github/workflows/comment.yml``).

The check job runs the pull request's code with no secrets and uploads an artifact: the summary
(``comment.md``) and the pull request's number (``pr-number``). Everything in it is untrusted (a
pull request can change what its own check job writes), so this job runs none of it: it reads two
small files, accepts the number only if that pull request's head commit is the commit the check ran
on (from the ``workflow_run`` event, which GitHub writes), caps the text, and then edits the one
comment of the bot that starts with the marker line, or creates it. No git, no checkout, no build.
"""
from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from generator.errors import CarbonregError
from generator.formats.markdown import MARKER

MAX_BODY = 60_000          # GitHub's limit is 65,536 characters
BOT = "github-actions[bot]"


class CommentError(CarbonregError):
    pass


@dataclass(frozen=True)
class GitHub:
    api: str     # e.g. https://api.github.com
    repo: str    # owner/name
    token: str

    def call(self, method: str, path: str, body: dict | None = None):
        data = json.dumps(body).encode("utf-8") if body is not None else None
        request = urllib.request.Request(f"{self.api.rstrip('/')}/repos/{self.repo}/{path}", data=data, method=method,
                                         headers={"Authorization": f"Bearer {self.token}",
                                                  "Accept": "application/vnd.github+json",
                                                  "X-GitHub-Api-Version": "2022-11-28",
                                                  "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return json.loads(response.read() or b"null")
        except urllib.error.HTTPError as exc:
            raise CommentError(f"GitHub 接口返回 {exc.code}：{method} {path}",
                               f"the GitHub API answered {exc.code}: {method} {path}") from None
        except (urllib.error.URLError, TimeoutError) as exc:
            raise CommentError(f"无法连接 GitHub 接口：{exc}", f"cannot reach the GitHub API: {exc}") from None


def read_artifact(folder: Path) -> tuple[int, str]:
    """The pull-request number and the comment text from the check's artifact (untrusted)."""
    try:
        number_text = (folder / "pr-number").read_text(encoding="ascii", errors="strict").strip()
        body = (folder / "comment.md").read_bytes()[: MAX_BODY * 4].decode("utf-8", errors="replace")
    except (OSError, UnicodeDecodeError) as exc:
        raise CommentError(f"检查结果不完整：{exc}", f"the check's artifact is incomplete: {exc}") from None
    if not re.fullmatch(r"[1-9][0-9]{0,9}", number_text):
        raise CommentError(f"拉取请求编号无效：{number_text[:20]!r}", f"invalid pull-request number: {number_text[:20]!r}")
    if len(body) > MAX_BODY:
        body = body[:MAX_BODY] + "\n\n…（已截断 / truncated）\n"
    if not body.startswith(MARKER):
        body = f"{MARKER}\n{body}"
    return int(number_text), body


def post(event: dict, artifact: Path, github: GitHub) -> str:
    """Create or update the sticky comment; returns "created" or "updated"."""
    run = event.get("workflow_run") or {}
    if run.get("event") != "pull_request":
        raise CommentError("只处理拉取请求的检查", "only the checks of pull requests are commented on")
    head_sha = run.get("head_sha", "")
    if not re.fullmatch(r"[0-9a-f]{40}", head_sha or ""):
        raise CommentError("事件中没有有效的提交", "the event names no valid head commit")
    number, body = read_artifact(artifact)
    pull = github.call("GET", f"pulls/{number}")
    if not isinstance(pull, dict) or (pull.get("head") or {}).get("sha") != head_sha:
        raise CommentError(f"拉取请求 #{number} 的最新提交不是检查的提交，不发表评论",
                           f"pull request #{number} is not at the commit that was checked; nothing posted")
    existing = None
    page = 1
    while existing is None:
        comments = github.call("GET", f"issues/{number}/comments?per_page=100&page={page}")
        if not isinstance(comments, list):
            break
        existing = next((c for c in comments if (c.get("user") or {}).get("login") == BOT
                         and str(c.get("body", "")).startswith(MARKER)), None)
        if len(comments) < 100:
            break
        page += 1
    if existing is not None:
        github.call("PATCH", f"issues/comments/{int(existing['id'])}", {"body": body})
        return "updated"
    github.call("POST", f"issues/{number}/comments", {"body": body})
    return "created"
