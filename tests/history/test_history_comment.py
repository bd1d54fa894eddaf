"""The sticky-comment job (``carbonreg comment``) on a recorded ``workflow_run`` payload, against a
GitHub API stand-in served on 127.0.0.1 (no network): one comment, created then updated; an artifact
that names another pull request, or a pull request that moved on, posts nothing."""
from __future__ import annotations

import http.server
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from generator.formats.markdown import MARKER

PAYLOAD = Path(__file__).with_name("payloads") / "workflow_run.json"
HEAD = json.loads(PAYLOAD.read_text(encoding="utf-8"))["workflow_run"]["head_sha"]


class FakeGitHub:
    """The four endpoints the job uses, with state: pull requests and issue comments."""

    def __init__(self):
        self.pulls = {7: HEAD, 8: "0" * 40}
        self.comments: list[dict] = [{"id": 11, "user": {"login": "organizer"}, "body": f"{MARKER}\nquoted by a person"}]
        self.calls: list[tuple[str, str]] = []
        self.auth: set[str] = set()

    def handle(self, method: str, path: str, body: dict | None):
        self.calls.append((method, path))
        parts = path.split("?")[0].strip("/").split("/")
        assert parts[:3] == ["repos", "example", "registry"], path
        rest = parts[3:]
        if method == "GET" and rest[0] == "pulls" and int(rest[1]) in self.pulls:
            return 200, {"number": int(rest[1]), "head": {"sha": self.pulls[int(rest[1])]}}
        if method == "GET" and rest[0] == "issues" and rest[2] == "comments":
            return 200, [c for c in self.comments if c.get("issue", 7) == int(rest[1])]
        if method == "POST" and rest[0] == "issues" and rest[2] == "comments":
            comment = {"id": 100 + len(self.comments), "issue": int(rest[1]), "user": {"login": "github-actions[bot]"},
                       "body": body["body"]}
            self.comments.append(comment)
            return 201, comment
        if method == "PATCH" and rest[:2] == ["issues", "comments"]:
            [comment] = [c for c in self.comments if c["id"] == int(rest[2])]
            comment["body"] = body["body"]
            return 200, comment
        return 404, {"message": "Not Found"}


@pytest.fixture
def api():
    fake = FakeGitHub()

    class Handler(http.server.BaseHTTPRequestHandler):
        def _serve(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length)) if length else None
            fake.auth.add(self.headers.get("Authorization", ""))
            status, answer = fake.handle(self.command, self.path, body)
            data = json.dumps(answer).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PATCH = _serve

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    yield fake
    server.shutdown()
    server.server_close()


def artifact(folder: Path, number: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pr-number").write_text(number + "\n", encoding="ascii")
    (folder / "comment.md").write_text(text, encoding="utf-8")
    return folder


def comment(api, folder: Path, event: Path = PAYLOAD) -> subprocess.CompletedProcess:
    env = {**os.environ, "GITHUB_TOKEN": "test-token", "GITHUB_REPOSITORY": "example/registry", "GITHUB_API_URL": api.url}
    return subprocess.run([sys.executable, "-m", "generator.cli", "comment", "--event", str(event), "--artifact", str(folder)],
                          env=env, capture_output=True, text=True, timeout=60)


def bot_comments(api) -> list[dict]:
    return [c for c in api.comments if c["user"]["login"] == "github-actions[bot]"]


def test_one_sticky_comment_created_then_updated_on_the_next_push(api, tmp_path):
    first = comment(api, artifact(tmp_path / "a", "7", f"{MARKER}\n## ❌ carbonreg check：1 个错误须修正 / 1 errors to fix\n"))
    assert first.returncode == 0, first.stderr
    assert "comment created" in first.stdout
    second = comment(api, artifact(tmp_path / "b", "7", f"{MARKER}\n## ✅ carbonreg check：通过 / passed\n"))
    assert second.returncode == 0, second.stderr
    assert "comment updated" in second.stdout
    [mine] = bot_comments(api)
    assert "passed" in mine["body"] and "errors to fix" not in mine["body"]
    assert api.comments[0]["body"].endswith("quoted by a person")     # a person's comment is never edited
    assert ("PATCH", f"/repos/example/registry/issues/comments/{mine['id']}") in api.calls
    assert api.auth == {"Bearer test-token"}


def test_an_artifact_naming_another_pull_request_posts_nothing(api, tmp_path):
    proc = comment(api, artifact(tmp_path / "a", "8", f"{MARKER}\nhello\n"))   # #8's head is another commit
    assert proc.returncode == 1
    assert "not at the commit that was checked" in proc.stderr and "不发表评论" in proc.stderr
    assert not bot_comments(api)
    assert not [c for c in api.calls if c[0] in ("POST", "PATCH")]


@pytest.mark.parametrize("number", ["7; rm -rf /", "-1", "../../7", "", "7 8"])
def test_a_forged_number_is_refused(api, tmp_path, number):
    proc = comment(api, artifact(tmp_path / "a", number, f"{MARKER}\nhello\n"))
    assert proc.returncode == 1 and "invalid pull-request number" in proc.stderr
    assert api.calls == []


def test_an_oversized_summary_is_capped(api, tmp_path):
    proc = comment(api, artifact(tmp_path / "a", "7", MARKER + "\n" + "x" * 200_000))
    assert proc.returncode == 0, proc.stderr
    [mine] = bot_comments(api)
    assert len(mine["body"]) < 65_536 and mine["body"].startswith(MARKER)


def test_only_pull_request_checks_are_commented_on(api, tmp_path):
    event = json.loads(PAYLOAD.read_text(encoding="utf-8"))
    event["workflow_run"]["event"] = "push"
    path = tmp_path / "push.json"
    path.write_text(json.dumps(event), encoding="utf-8")
    proc = comment(api, artifact(tmp_path / "a", "7", f"{MARKER}\nhello\n"), event=path)
    assert proc.returncode == 1 and api.calls == []
