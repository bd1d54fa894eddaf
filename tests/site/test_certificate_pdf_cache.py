"""Certificate PDFs come from the content-addressed cache on a rebuild (issue 17: a warm build laid
out every PDF again, 70 ms each): the bytes are those an empty cache gives, for this site's
addresses, and a damaged entry is computed again, never served."""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from samplekit import pristine_sample

from generator.caches import Caches
from generator.loading.cache import DerivedCache
from generator.site.build import build

TODAY = date(2026, 12, 1)
EPOCH = 1764000000
PDF = "events/2026-pujiang-low-carbon-forum/certificate.pdf"


def _build(registry: Path, out: Path, cache: Path | None) -> bytes:
    build(registry, out, TODAY, epoch=EPOCH, search=False, caches=Caches(cache))
    return (out / PDF).read_bytes()


def test_bytes_entries_round_trip_and_damage_is_recomputed(tmp_path):
    cache = DerivedCache(tmp_path, "pdf")
    key = cache.key("pdf", b"bundle", "url")
    calls = []

    def compute():
        calls.append(1)
        return b"%PDF-1.7 one"

    assert cache.bytes_or_compute(key, compute) == b"%PDF-1.7 one"
    assert cache.bytes_or_compute(key, compute) == b"%PDF-1.7 one" and len(calls) == 1  # the second from disk
    (entry,) = (tmp_path / "pdf").rglob("*.bin")
    entry.write_bytes(entry.read_bytes()[:-1] + b"X")  # a flipped byte: the checksum no longer matches
    assert cache.bytes_or_compute(key, compute) == b"%PDF-1.7 one" and len(calls) == 2


def test_a_rebuild_serves_the_same_pdf_an_empty_cache_gives(tmp_path):
    registry = shutil.copytree(pristine_sample(), tmp_path / "registry")
    fresh = _build(registry, tmp_path / "a", None)  # no cache at all
    cache = tmp_path / "cache"
    first = _build(registry, tmp_path / "b", cache)
    assert any((cache / "pdf").rglob("*.bin"))
    second = _build(registry, tmp_path / "c", cache)
    assert fresh == first == second


def test_another_site_address_is_another_pdf(tmp_path):
    """The PDF prints the site's address and its QR code: a cache filled by a site at one address
    must not hand its PDF to a site at another."""
    registry = shutil.copytree(pristine_sample(), tmp_path / "registry")
    cache = tmp_path / "cache"
    _build(registry, tmp_path / "a", cache)
    meta = registry / "registry.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("https://carbonreg.example.org/", "https://registry.example.net/"),
                    encoding="utf-8")
    moved = _build(registry, tmp_path / "b", cache)
    assert moved == _build(registry, tmp_path / "c", None)
