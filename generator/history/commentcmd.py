"""CLI for ``carbonreg comment``: the privileged job's only step (see ``comment.py``)."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def add_parser(sub) -> None:
    p = sub.add_parser("comment", help="在拉取请求上发布或更新检查摘要（CI 用）/ post or update the check's summary "
                                       "on the pull request (for CI)")
    p.add_argument("--event", required=True, help="workflow_run 事件文件（$GITHUB_EVENT_PATH）/ the workflow_run event file")
    p.add_argument("--artifact", required=True, help="检查上传的文件夹（comment.md、pr-number）/ the check's artifact folder")
    p.add_argument("--repo", default=os.environ.get("GITHUB_REPOSITORY"),
                   help="仓库 owner/name（默认 $GITHUB_REPOSITORY）/ the repository (default: $GITHUB_REPOSITORY)")
    p.add_argument("--api-url", default=os.environ.get("GITHUB_API_URL", "https://api.github.com"),
                   help="GitHub 接口地址（默认 $GITHUB_API_URL）/ the GitHub API (default: $GITHUB_API_URL)")
    p.set_defaults(handler=run_comment)


def run_comment(args) -> int:
    from generator.history.comment import CommentError, GitHub, post

    token = os.environ.get("GITHUB_TOKEN", "")
    if not token or not args.repo:
        print("carbonreg: 需要环境变量 GITHUB_TOKEN 和 --repo / needs $GITHUB_TOKEN and --repo", file=sys.stderr)
        return 2
    try:
        event = json.loads(Path(args.event).read_text(encoding="utf-8"))
        done = post(event, Path(args.artifact), GitHub(args.api_url, args.repo, token))
    except (OSError, ValueError) as exc:
        print(f"carbonreg: 无法读取事件文件 / cannot read the event file: {exc}", file=sys.stderr)
        return 2
    except CommentError as exc:
        print(f"carbonreg: {exc.zh} / {exc.en}", file=sys.stderr)
        return 1
    print({"created": "已发表评论 / comment created", "updated": "已更新评论 / comment updated"}[done])
    return 0
