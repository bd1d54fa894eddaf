"""Fuzz targets: each takes bytes from the fuzzer and must end in findings or a clear, known error.

Anything else (an unexpected exception, a hang) is a crash. Used by `fuzz/run.py` (on demand,
coverage-guided with atheris when installed) and by `tests/fuzz/` (a short seeded slice in CI)."""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

from generator.loading.yamlsafe import load_yaml_bytes
from generator.validation.messages import schema_findings
from generator.validation.schemas import KINDS, validator
from signing.errors import SigningError

SEED_BUNDLE = Path(__file__).resolve().parents[1] / "tests" / "fuzz" / "seeds" / "certificate.json"
AT = datetime(2026, 11, 25, tzinfo=timezone.utc)


def yaml_and_schema(data: bytes) -> None:
    """The YAML loader, then the schema layer for every record kind, on the same document."""
    doc, findings = load_yaml_bytes(data, "fuzz.yaml")
    assert doc is not None or findings, "a refused file must say why"
    if doc is None or not isinstance(doc.data, dict):
        return
    for kind in KINDS:
        for finding in schema_findings(doc, validator(kind).iter_errors(doc.data)):
            assert finding.zh and finding.en and finding.location.path == "fuzz.yaml"


def strict_json(data: bytes) -> None:
    from signing.strictjson import loads

    try:
        loads(data)
    except SigningError as exc:
        assert exc.zh and exc.en


def verify_bytes(data: bytes) -> None:
    """verify on arbitrary bytes: a verdict, never an exception."""
    from signing.verify import verify_bundle

    verdict = verify_bundle(data, None, at=AT, trust_on_first_use=True)
    assert verdict.exit_code in (0, 1, 2)


def verify_mutated(data: bytes) -> None:
    """verify on the sample bundle with bytes of it overwritten: must never be valid unless unchanged."""
    from signing.verify import verify_bundle

    seed = SEED_BUNDLE.read_bytes()
    if not data:
        return
    position = int.from_bytes(data[:4].ljust(4, b"\0"), "big") % len(seed)
    mutated = seed[:position] + data[4:12] + seed[position + len(data[4:12]):]
    root = json.loads(seed)["trust"]["rootChain"][0]
    verdict = verify_bundle(mutated, root, at=AT)
    if verdict.exit_code == 0 and mutated != seed:
        # Everything a signature covers must be unchanged. Changes nothing signs may keep a bundle
        # valid: whitespace, or a spoiled signature beyond a threshold (2 of 3 root keys still sign).
        assert _signed_content(json.loads(mutated)) == _signed_content(json.loads(seed)), "a changed certificate verified"


def _signed_content(bundle: dict) -> list:
    trust = bundle.get("trust") or {}
    publication = bundle.get("publication") or {}
    return [bundle.get("credential"), publication.get("leaf"), publication.get("auditPath"),
            (publication.get("checkpoint") or {}).get("signed"),
            [r.get("signed") for r in trust.get("rootChain", [])],
            (trust.get("authorizations") or {}).get("signed"), (trust.get("status") or {}).get("signed")]


def _document(kind: str):
    """The attachment reader of one kind on arbitrary bytes: content or a located refusal, and the
    personal-data scan and metadata scrubbing on whatever it reads."""
    def target(data: bytes) -> None:
        from generator.documents.extract import Refused, Unreadable, extract_bytes
        from generator.documents.scrub import scrub_bytes
        from generator.privacy.patterns import find_hits

        try:
            content = extract_bytes(data, kind)
        except (Refused, Unreadable) as exc:
            assert exc.zh and exc.en
            return
        for segment in content.segments:
            for hit in find_hits(segment.text):
                assert 0 <= hit.offset < len(segment.text)
        try:
            scrub_bytes(data, kind)
        except (Refused, Unreadable) as exc:
            assert exc.zh and exc.en

    target.__name__ = f"document_{kind}"
    return target


def personal_text(data: bytes) -> None:
    """The personal-data patterns on any text: hits point inside it and are masked."""
    from generator.privacy.patterns import find_hits

    text = data.decode("utf-8", errors="replace")
    for hit in find_hits(text):
        assert 0 <= hit.offset < len(text)
        if hit.code in ("P101", "P102"):
            assert "****" in hit.en


TARGETS = {"yaml": yaml_and_schema, "json": strict_json, "verify": verify_bytes, "verify-mutated": verify_mutated,
           "personal-text": personal_text,
           **{f"doc-{kind}": _document(kind) for kind in ("pdf", "ooxml", "odf", "svg", "png", "jpeg")}}
