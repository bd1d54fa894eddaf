"""``carbonreg serve``: build, serve on localhost, rebuild when a registry, theme or docs file changes.

The port is taken before the first build, so a busy port is said at once and nothing is built.
While the registry has errors the last good site stays published and every page served carries a
banner listing them, until a rebuild succeeds (the files on disk are never changed for it)."""
from __future__ import annotations

import errno
import html
import http.server
import sys
import threading
import time
from datetime import date
from pathlib import Path

from generator.site.commands import run_build
from generator.site.render import THEME_DIR

BANNER_ID = "carbonreg-serve-errors"


def _snapshot(*roots: Path) -> dict[str, int]:
    return {str(p): p.stat().st_mtime_ns for root in roots if root.exists() for p in root.rglob("*") if p.is_file()}


class Preview:
    """What the server shows: the published folder, and the errors of the last refused build."""

    def __init__(self, out: Path):
        self.out = out
        self.errors: tuple[str, ...] = ()

    def banner(self) -> bytes:
        items = "".join(f"<li>{html.escape(line)}</li>" for line in self.errors[:50])
        more = f"<li>… +{len(self.errors) - 50}</li>" if len(self.errors) > 50 else ""
        return (f'<div id="{BANNER_ID}" role="alert" style="position:sticky;top:0;z-index:9999;background:#fde8e8;'
                'color:#7a0b0b;border-bottom:2px solid #c00;padding:.6em 1em;font:14px/1.4 system-ui,sans-serif">'
                f"<strong>登记库有 {len(self.errors)} 个错误，显示的是上次成功生成的网站；修正后自动重建 / "
                f"the registry has {len(self.errors)} errors: this is the last good site; it rebuilds once they "
                f"are fixed</strong><ul style=\"margin:.3em 0 0 1.2em;padding:0\">{items}{more}</ul></div>").encode("utf-8")


def handler_for(preview: Preview):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(preview.out), **kwargs)

        def send_head(self):
            if not preview.errors:
                return super().send_head()
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                if not self.path.split("?", 1)[0].endswith("/"):
                    return super().send_head()  # the redirect to the folder's "/"
                path = path / "index.html"
            if path.suffix != ".html" or not path.is_file():
                if not preview.out.is_dir() and self.path in ("/", "/index.html"):
                    return self._page(b"<!doctype html><meta charset=utf-8><title>carbonreg</title><body></body>")
                return super().send_head()
            return self._page(path.read_bytes())

        def _page(self, body: bytes):
            import io

            marker = body.find(b"<body")
            at = body.find(b">", marker) + 1 if marker >= 0 else 0
            body = body[:at] + preview.banner() + body[at:]
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            return io.BytesIO(body)

        def log_message(self, format, *args):  # noqa: A002 - signature of the base class
            sys.stderr.write("%s\n" % (format % args))

    return Handler


def serve(registry: str, out: str, port: int, today: date | None) -> int:
    preview = Preview(Path(out).resolve())
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler_for(preview))
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            print(f"carbonreg: 端口 {port} 已被占用，未生成网站；请换一个端口，如 carbonreg serve --port {port + 1} / "
                  f"port {port} is busy, nothing was built; choose another, e.g. carbonreg serve --port {port + 1}",
                  file=sys.stderr)
        else:
            print(f"carbonreg: 无法在 127.0.0.1:{port} 上提供服务：{exc.strerror} / cannot serve on 127.0.0.1:{port}: "
                  f"{exc.strerror}", file=sys.stderr)
        return 2

    def rebuild() -> None:
        refused: list[str] = []
        code = run_build(registry, out, today or date.today(), refused=refused)
        preview.errors = tuple(refused) if code == 1 else ()

    rebuild()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"预览 / preview: http://127.0.0.1:{port}/  (Ctrl-C 退出 / to stop)")
    watched = (Path(registry), THEME_DIR.parent)
    seen = _snapshot(*watched)
    try:
        while True:
            time.sleep(1)
            now = _snapshot(*watched)
            if now != seen:
                seen = now
                rebuild()
    except KeyboardInterrupt:
        server.shutdown()
    finally:
        server.server_close()
    return 0
