"""QR codes come from the content-addressed cache (generator/site/qr.py): a cached code is the one its
own URL and title give, whatever was cached before it, in this process or another (issue 18: no test
covered the cache path, so a key that left out the URL would have put one event's QR code on every page)."""
from __future__ import annotations

import subprocess
import sys

from generator.caches import Caches
from generator.site.qr import _encode, qr_svg

URLS = ("https://carbonreg.org/events/2026-pujiang-low-carbon-forum/",
        "https://carbonreg.org/events/2025-yrd-green-building-expo/")


def test_each_url_gets_its_own_code_from_a_shared_cache(tmp_path):
    cache = Caches(tmp_path / "cache").derived("qr")
    first = [qr_svg(url, "证书网页", cache) for url in URLS]
    assert first[0] != first[1]
    again = [qr_svg(url, "证书网页", cache) for url in reversed(URLS)]  # now from the cache
    assert again == first[::-1]
    assert first == [_encode.__wrapped__(url, "证书网页") for url in URLS]  # what an empty cache computes
    assert qr_svg(URLS[0], "Web page", cache) != first[0]  # the title is part of the SVG, so of the key


def test_a_code_cached_by_another_process_is_the_same(tmp_path):
    """Another process (a build worker, an earlier build) fills the cache; this one reads it back."""
    folder = tmp_path / "cache"
    script = ("import sys; from pathlib import Path; from generator.caches import Caches; from generator.site.qr import qr_svg; "
              "c = Caches(Path(sys.argv[1])).derived('qr'); [qr_svg(u, 't', c) for u in sys.argv[2:]]")
    subprocess.run([sys.executable, "-c", script, str(folder), *URLS], check=True)
    assert any((folder / "qr").rglob("*.json")), "the other process wrote no cache entry"
    cache = Caches(folder).derived("qr")
    assert [qr_svg(url, "t", cache) for url in reversed(URLS)] == [_encode.__wrapped__(url, "t") for url in reversed(URLS)]
