"""Cost of the certificate PDF: time and size per PDF, measured on the bundles of a built site.

    .venv/bin/python bench/pdf.py SITE [--limit N]

For every ``certificate.json`` / ``declaration.json`` bundle under SITE (a folder ``carbonreg
build`` wrote), builds its PDF as the build does (``generator/site/pdf/``) in this one process, as a
build worker would: the first PDF pays for opening the font; each later one pays for the glyphs it
is the first to use, then for its layout and embedding. Prints CPU and wall time per PDF (first,
median, mean, max over the rest) and the sizes (PDF, embedded bundle, the rest). Asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def views(site: Path, limit: int | None):
    from generator.site.credentials import CredentialView

    paths = sorted(p for name in ("certificate.json", "declaration.json") for p in site.glob(f"events/*/{name}"))
    for path in paths[:limit]:
        bundle = path.read_bytes()
        document = json.loads(bundle)
        credential = document["credential"]
        subject = credential["credentialSubject"]
        published = (document.get("publication") or {}).get("leaf", {}).get("published")
        yield path, CredentialView(path.stem, subject.get("certificateNumber") or subject.get("declarationId"), credential,
                                   bundle, credential["issuer"]["name"]["zh"], credential["issuer"]["name"]["en"],
                                   "", credential["proof"]["verificationMethod"], credential["proof"]["created"], published)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    from generator.site.pdf.certificate import certificate_pdf

    started = time.process_time()
    import fpdf  # noqa: F401  (imported once per worker, as in a build)
    imports = time.process_time() - started
    cpu, wall, sizes, bundles = [], [], [], []
    for path, view in views(args.site, args.limit):
        c0, w0 = time.process_time(), time.perf_counter()
        data = certificate_pdf(view, f"https://example.org/{path.parent.name}/{view.kind}/", "https://example.org/")
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
        sizes.append(len(data))
        bundles.append(len(view.bundle))
    if not cpu:
        print(f"no bundles under {args.site}/events/*/", file=sys.stderr)
        return 1
    rest, rest_wall = cpu[1:] or cpu, wall[1:] or wall
    print(f"PDFs: {len(cpu)}  (import fpdf2: {imports * 1000:.0f} ms CPU, once per process)")
    print(f"first PDF (opens the font): {cpu[0] * 1000:.0f} ms CPU, {wall[0] * 1000:.0f} ms wall")
    print(f"the others: CPU median {statistics.median(rest) * 1000:.0f} ms, mean {statistics.mean(rest) * 1000:.0f} ms, "
          f"max {max(rest) * 1000:.0f} ms; wall median {statistics.median(rest_wall) * 1000:.0f} ms")
    print(f"size: mean {statistics.mean(sizes) / 1024:.1f} KiB, max {max(sizes) / 1024:.1f} KiB; of which the embedded "
          f"bundle mean {statistics.mean(bundles) / 1024:.1f} KiB (the rest: font subset, page, QR code)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
