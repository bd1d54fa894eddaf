"""``carbonreg serve``: build, serve on localhost, rebuild when a registry, theme or docs file changes."""
from __future__ import annotations

import functools
import http.server
import sys
import threading
import time
from datetime import date
from pathlib import Path

from generator.site.commands import run_build
from generator.site.render import THEME_DIR


def _snapshot(*roots: Path) -> dict[str, int]:
    return {str(p): p.stat().st_mtime_ns for root in roots for p in root.rglob("*") if p.is_file()}


def serve(registry: str, out: str, port: int, today: date | None) -> int:
    run_build(registry, out, today or date.today())
    handler = functools.partial(_QuietHandler, directory=str(Path(out).resolve()))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
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
                run_build(registry, out, today or date.today())
                # The published folder changed (a new build behind the symlink): serve the new one.
                server.RequestHandlerClass = functools.partial(_QuietHandler, directory=str(Path(out).resolve()))
    except KeyboardInterrupt:
        server.shutdown()
    return 0


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        sys.stderr.write("%s\n" % (format % args))
