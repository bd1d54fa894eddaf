"""The verify page (``verify/``, ``assets/verify/*.js``) gives the same verdict as the ``verify`` command.

Each bundle is verified twice at the same fixed time: by ``verify BUNDLE --root trust/1.root.json
--json --at TIME`` and by Debian's Chromium on the built site's verify page (WebCrypto, no
server-side code). The outcome and the outcome of every named step must agree.
"""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sitetestkit import REPO

AT = "2026-12-10T00:00:00Z"      # the sample status list is fresh then (issued 2026-12-01, it expires 2027-01-01)
STEPS = ("json", "bundle", "shape", "root", "authorizations", "proof", "publication", "issuer", "status", "revocation")
REVOKED = "2025-harbour-esports-showcase"
CERTIFICATE = "events/2025-yrd-green-building-expo/certificate.json"

pytestmark = pytest.mark.browser


def cli_verdict(site_root: Path, bundle: Path, at: str) -> dict:
    """What the command line says (``--json``), as {outcome, steps: {name: outcome}, reason}."""
    script = Path(sys.executable).with_name("verify")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "signing.cli"]
    proc = subprocess.run(command + [str(bundle), "--root", str(site_root / "trust" / "1.root.json"), "--json", "--at", at],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert proc.returncode in (0, 1, 2, 66), proc.stderr
    verdict = json.loads(proc.stdout)
    assert verdict["exitCode"] == proc.returncode
    if verdict["outcome"] == "input-error":  # nothing verified: the one step that says why
        return {"outcome": "input-error", "exit": 66, "steps": {"json": "failed"}, "ids": {}, "reason": None}
    return {"outcome": verdict["outcome"], "exit": proc.returncode,
            "steps": {s["name"]: s["outcome"] for s in verdict["steps"]},
            "ids": {s["name"]: s["id"] for s in verdict["steps"] if s["outcome"] in ("failed", "warning")},
            "reason": verdict["revocation"]["reason"]}


def browser_verdict(page, bundle: Path, at: str) -> dict:
    """What the verify page says for ``bundle`` as of ``at``, once its run has finished."""
    page.fill("#verify-at", at)
    before = int(page.get_attribute("#verify-result", "data-run") or 0)
    page.set_input_files("#verify-file", str(bundle))
    page.wait_for_function(
        "n => { const r = document.getElementById('verify-result');"
        " return r.dataset.state === 'done' && Number(r.dataset.run) > n; }", arg=before, timeout=30_000)
    result = page.locator("#verify-result")
    steps, ids = {}, {}
    items = page.locator("#verify-steps li")
    for i in range(items.count()):
        name, outcome = items.nth(i).get_attribute("data-step"), items.nth(i).get_attribute("data-outcome")
        steps[name] = outcome
        if outcome in ("failed", "warning"):
            ids[name] = items.nth(i).get_attribute("data-message-id")
    reason = page.locator("#verify-revocation-reason")
    return {"outcome": result.get_attribute("data-outcome"), "exit": int(result.get_attribute("data-exit-code")),
            "steps": steps, "ids": ids, "reason": reason.inner_text() if reason.count() else None,
            "text": result.inner_text()}


def assert_same(cli: dict, seen: dict) -> None:
    """Same outcome, exit code, step outcomes and message ids of every failed or warning step (an
    input error: same outcome and exit code; nothing was verified)."""
    assert (seen["outcome"], seen["exit"]) == (cli["outcome"], cli["exit"]), seen["text"]
    if cli["outcome"] == "input-error":
        return
    assert set(seen["steps"]) == set(STEPS), seen["steps"]
    assert (seen["steps"], seen["ids"]) == (cli["steps"], cli["ids"]), seen["text"]


def bundles(site_root: Path) -> list[Path]:
    found = sorted(site_root.glob("events/*/certificate.json")) + sorted(site_root.glob("events/*/declaration.json"))
    assert any(p.name == "certificate.json" for p in found) and len(found) >= 3
    return found


@pytest.fixture
def verify_page(base_url, open_page):
    watched = open_page()
    watched.page.goto(base_url + "verify/")
    return watched


def test_every_sample_bundle_gets_the_cli_verdict(site, verify_page):
    page = verify_page.page
    outcomes = {}
    for bundle in bundles(site.root):
        cli = cli_verdict(site.root, bundle, AT)
        seen = browser_verdict(page, bundle, AT)
        assert_same(cli, seen)
        outcomes[bundle.parent.name] = seen["outcome"]
        if cli["outcome"] == "revoked":
            assert cli["reason"] and cli["reason"] in seen["reason"]
            assert [n for n, o in seen["steps"].items() if o == "failed"] == ["revocation"]
    assert outcomes.pop(REVOKED) == "revoked"
    assert set(outcomes.values()) == {"valid"}, outcomes
    assert not verify_page.page_errors and not verify_page.console_errors, (verify_page.page_errors, verify_page.console_errors)


def test_the_english_page_says_valid_with_the_signed_facts(site, base_url, open_page):
    page = open_page().page
    page.goto(base_url + "en/verify/")
    seen = browser_verdict(page, site.root / CERTIFICATE, AT)
    assert seen["outcome"] == "valid"
    assert "Valid" in seen["text"] and "2025 Yangtze River Delta Green Building Expo" in seen["text"]
    assert all(o == "passed" for o in seen["steps"].values())
    assert page.locator("#verify-steps li.step-passed .mark").first.inner_text() == "✓"


def _edited(site_root: Path, tmp_path: Path, name: str, edit) -> Path:
    text = (site_root / CERTIFICATE).read_text(encoding="utf-8")
    out = tmp_path / name
    out.write_text(edit(text), encoding="utf-8")
    return out


def test_a_tampered_certificate_is_invalid_at_the_proof_step(site, verify_page, tmp_path):
    def tamper(text: str) -> str:
        bundle = json.loads(text)
        name = bundle["credential"]["credentialSubject"]["event"]["name"]
        name["en"] = name["en"].replace("Expo", "Expa", 1)
        return json.dumps(bundle, ensure_ascii=False)
    bundle = _edited(site.root, tmp_path, "tampered.json", tamper)
    cli = cli_verdict(site.root, bundle, AT)
    seen = browser_verdict(verify_page.page, bundle, AT)
    assert_same(cli, seen)
    assert seen["outcome"] == "invalid" and seen["steps"]["proof"] == "failed"
    assert [n for n, o in seen["steps"].items() if o == "failed"] == ["proof"]


def test_a_float_quantity_is_invalid(site, verify_page, tmp_path):
    def floaty(text: str) -> str:
        bundle = json.loads(text)
        emissions = bundle["credential"]["credentialSubject"]["emissions"]
        emissions["total"] = float(emissions["total"])
        return json.dumps(bundle, ensure_ascii=False)
    bundle = _edited(site.root, tmp_path, "float.json", floaty)
    cli = cli_verdict(site.root, bundle, AT)
    seen = browser_verdict(verify_page.page, bundle, AT)
    assert_same(cli, seen)
    assert seen["outcome"] == "invalid" and seen["steps"]["json"] == "failed"


def test_duplicate_keys_are_refused(site, verify_page, tmp_path):
    bundle = _edited(site.root, tmp_path, "duplicate.json",
                     lambda text: text.replace('"scope": "full"', '"scope": "basic", "scope": "full"', 1))
    assert bundle.read_text(encoding="utf-8") != (site.root / CERTIFICATE).read_text(encoding="utf-8")
    cli = cli_verdict(site.root, bundle, AT)
    seen = browser_verdict(verify_page.page, bundle, AT)
    assert_same(cli, seen)
    assert seen["outcome"] == "invalid" and seen["steps"]["json"] == "failed"


def test_an_expired_status_list_is_stale_in_both(site, verify_page):
    bundle = site.root / CERTIFICATE
    expires = json.loads(bundle.read_text(encoding="utf-8"))["trust"]["status"]["signed"]["expires"]
    later = (datetime.strptime(expires, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc) + timedelta(days=1))
    at = later.strftime("%Y-%m-%dT%H:%M:%SZ")
    cli = cli_verdict(site.root, bundle, at)
    seen = browser_verdict(verify_page.page, bundle, at)
    assert_same(cli, seen)
    assert seen["outcome"] == "revocation-unknown" and seen["exit"] == 2
    assert seen["steps"]["status"] == "warning" and seen["steps"]["revocation"] == "warning"


def test_a_time_before_publication_is_invalid_in_both(site, verify_page):
    bundle = site.root / CERTIFICATE
    at = "2026-01-01T00:00:00Z"
    cli = cli_verdict(site.root, bundle, at)
    seen = browser_verdict(verify_page.page, bundle, at)
    assert_same(cli, seen)
    assert seen["outcome"] == "invalid" and seen["steps"]["publication"] == "failed"


def test_no_request_leaves_the_site(site, base_url, verify_page):
    page = verify_page.page
    browser_verdict(page, site.root / CERTIFICATE, AT)
    page.wait_for_load_state("networkidle")
    outside = [u for u in verify_page.requests if urlsplit(u).hostname != "127.0.0.1"]
    assert not outside, outside
    assert base_url + "trust/1.root.json" in verify_page.requests
    assert not verify_page.failed, verify_page.failed


def test_it_works_from_a_downloaded_copy_opened_as_a_file(site, open_page):
    """From file:// the page cannot fetch trust/1.root.json and uses the copy embedded in it."""
    watched = open_page()
    watched.page.goto((site.root / "verify" / "index.html").resolve().as_uri())
    seen = browser_verdict(watched.page, site.root / CERTIFICATE, AT)
    assert seen["outcome"] == "valid", seen["text"]
    assert all(urlsplit(u).scheme == "file" for u in watched.requests), watched.requests


# --- attacks and odd inputs: the page and the command line agree step by step -------------------

def _identity_multikey() -> str:
    """The Multikey of the Ed25519 identity point (a small-order key that verifies anything)."""
    import base58
    return "z" + base58.b58encode(b"\xed\x01" + b"\x01" + bytes(31)).decode("ascii")


def _set(path: str, value):
    def edit(bundle):
        *parents, last = path.split("/")
        node = bundle
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value
    return edit


def _flip_last_char(path: str):
    def edit(bundle):
        *parents, last = path.split("/")
        node = bundle
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        key = int(last) if isinstance(node, list) else last
        text = node[key]
        node[key] = text[:-1] + ("2" if text[-1] != "2" else "3")
    return edit


def _small_order_issuer(bundle):
    key = _identity_multikey()
    bundle["credential"]["issuer"]["id"] = "did:key:" + key
    bundle["credential"]["proof"]["verificationMethod"] = f"did:key:{key}#{key}"


def _extra_signature(bundle):
    bundle["trust"]["authorizations"]["signatures"].append({"keyid": "\ud800", "sig": "z1"})


def _demo_status_key():
    import os

    from signing.keys import load_private_key

    os.environ["CARBONREG_DEMO_PASSPHRASE"] = "carbonreg-demo-only"  # public: see demo-keys/README.md
    return load_private_key(REPO / "demo-keys" / "status.pem", passphrase_env="CARBONREG_DEMO_PASSPHRASE", prompt=None)


def _status_naming(**changes):
    """Re-sign the bundle's status list (with the sample's demo status key) naming other documents:
    the mix-and-match attack, with a list the verifier cannot tell from a real one."""
    def edit(bundle):
        from signing.trust import sign_metadata

        signed = json.loads(json.dumps(bundle["trust"]["status"]["signed"]))
        signed["version"] += 1
        for path, value in changes.items():
            part, member = path.split(".")
            signed["snapshot"][part][member] = value(signed["snapshot"][part][member])
        bundle["trust"]["status"] = sign_metadata(signed, [_demo_status_key()])
    return edit


def _issuer_names_another_did(bundle):
    """issuer.id names another DID; the proof is remade with the authorized agency's own (demo)
    key, so the signature is valid: only the issuer binding refuses it (issue 18)."""
    import os

    from signing.eddsa_jcs_2022 import sign_document
    from signing.keys import load_private_key

    os.environ["CARBONREG_DEMO_PASSPHRASE"] = "carbonreg-demo-only"  # public: see demo-keys/README.md
    key = load_private_key(REPO / "demo-keys" / "agency-hupu-carbon-services.pem",
                           passphrase_env="CARBONREG_DEMO_PASSPHRASE", prompt=None)
    credential = bundle["credential"]
    method = credential["proof"]["verificationMethod"]
    del credential["proof"]
    credential["issuer"]["id"] = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"
    bundle["credential"] = sign_document(credential, key, method, created="2026-04-10T09:00:00Z")
    bundle["publication"] = None


def _nested(bundle):
    bundle["credential"]["credentialSubject"]["event"]["venue"] = json.loads("[" * 600 + "]" * 600)


EXPECTED_IDS = {
    "no-receipt": "publication.unlogged",
    "older-authorizations-than-the-status-list-names": "status.snapshot-authorizations-older",
    "older-root-than-the-status-list-names": "status.snapshot-root-older",
    "other-authorizations-than-the-status-list-names": "status.snapshot-authorizations-differs",
    "forked-checkpoint": "status.snapshot-checkpoint-differs",
    "nested-too-deeply": "json.nested",
    "issuer-names-another-did": "proof.issuer-binding",
}

MUTATIONS = {
    "no-receipt": _set("publication", None),
    "older-authorizations-than-the-status-list-names": _status_naming(**{"authorizations.version": lambda v: v + 1}),
    "older-root-than-the-status-list-names": _status_naming(**{"root.version": lambda v: v + 1}),
    "other-authorizations-than-the-status-list-names": _status_naming(**{"authorizations.sha256": lambda h: "0" * 64}),
    "forked-checkpoint": _status_naming(**{"checkpoint.rootHash": lambda h: "0" * 64}),
    "nested-too-deeply": _nested,
    "issuer-names-another-did": _issuer_names_another_did,
    "no-status-list": _set("trust/status", None),
    "status-reason-changed": _set("trust/status/signed/entries", []),
    "proof-value-changed": _flip_last_char("credential/proof/proofValue"),
    "checkpoint-root-changed": _flip_last_char("publication/checkpoint/signed/rootHash"),
    "audit-path-changed": _flip_last_char("publication/auditPath/0"),
    "leaf-index-changed": _set("publication/index", 3),
    "authorizations-unsigned": _set("trust/authorizations/signatures", []),
    "pinned-root-differs": _set("trust/rootChain/0/signed/expires", "2031-01-01T00:00:00Z"),
    "extra-top-level-field": _set("note", "hello"),
    "small-order-issuer-key": _small_order_issuer,
    "not-nfc": _set("credential/credentialSubject/event/name/en", "Cafe\u0301 expo"),
    "lone-surrogate-in-an-unused-signature": _extra_signature,
    "created-after-publication": _set("credential/proof/created", "2026-05-01T00:00:00Z"),
}
RAW = {
    "bom": lambda text: "\ufeff" + text,
    "nan": lambda text: text.replace('"index": 4', '"index": NaN', 1),
    "huge-integer": lambda text: text.replace('"index": 4', '"index": 9007199254740993', 1),
    "exponent": lambda text: text.replace('"index": 4', '"index": 4e0', 1),
    "truncated": lambda text: text[: len(text) // 2],
}


@pytest.mark.parametrize("name", sorted(MUTATIONS) + sorted(RAW))
def test_odd_bundles_get_the_cli_verdict(name, site, verify_page, tmp_path):
    def edit(text: str) -> str:
        if name in RAW:
            changed = RAW[name](text)
            assert changed != text
            return changed
        bundle = json.loads(text)
        MUTATIONS[name](bundle)
        return json.dumps(bundle, ensure_ascii=name.startswith("lone"), indent=1)
    bundle = _edited(site.root, tmp_path, f"{name}.json", edit)
    cli = cli_verdict(site.root, bundle, AT)
    seen = browser_verdict(verify_page.page, bundle, AT)
    assert_same(cli, seen)
    if name == "lone-surrogate-in-an-unused-signature":
        assert seen["outcome"] == "valid"
    elif name == "no-receipt":
        assert seen["outcome"] == "unlogged" and seen["exit"] == 2
    elif name == "no-status-list":
        assert seen["outcome"] == "revocation-unknown"
    elif name in ("bom", "truncated"):
        assert seen["outcome"] == "input-error" and seen["exit"] == 66
    else:
        assert seen["outcome"] == "invalid"
    if name in EXPECTED_IDS:
        assert EXPECTED_IDS[name] in seen["ids"].values(), seen["ids"]


def test_the_result_fits_a_phone_screen(site, base_url, open_page, tmp_path):
    page = open_page(viewport={"width": 375, "height": 740}, device_scale_factor=2, is_mobile=True, has_touch=True).page
    page.goto(base_url + "verify/")
    seen = browser_verdict(page, site.root / "events" / REVOKED / "declaration.json", AT)
    assert seen["outcome"] == "revoked"
    width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= inner + 1, (width, inner)
    page.screenshot(path=str(tmp_path / "phone-verify-revoked.png"), full_page=True)


SMALL_ORDER = [  # the encodings listed in tests/signing/test_ed25519_point.py, and a non-canonical one
    "0100000000000000000000000000000000000000000000000000000000000000",
    "0000000000000000000000000000000000000000000000000000000000000000",
    "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
    "0000000000000000000000000000000000000000000000000000000000000080",
    "ee" + "ff" * 30 + "7f",
]


def test_the_pieces_agree_with_the_python_ones(site, verify_page):
    """Small-order keys refused, real keys accepted, JCS and base58 byte-equal to signing/'s."""
    from signing.jcs import canonicalize
    from signing.multikey import decode_public_key, multibase_decode

    page = verify_page.page
    weak = page.evaluate("keys => keys.map(k => window.carbonregVerify.weakKeyReason("
                         "Uint8Array.from(k.match(/../g), h => parseInt(h, 16))))", SMALL_ORDER)
    assert all(reason is not None for reason in weak), weak
    bundle = json.loads((site.root / CERTIFICATE).read_text(encoding="utf-8"))
    issuer_key = bundle["credential"]["issuer"]["id"][len("did:key:"):]
    real = decode_public_key(issuer_key).hex()
    assert page.evaluate("k => window.carbonregVerify.weakKeyReason(Uint8Array.from(k.match(/../g), h => parseInt(h, 16)))",
                         real) is None
    decoded = page.evaluate("t => Array.from(window.carbonregVerify.base58Decode(t.slice(1)))",
                            bundle["credential"]["proof"]["proofValue"])
    assert bytes(decoded) == multibase_decode(bundle["credential"]["proof"]["proofValue"])
    text = (site.root / CERTIFICATE).read_bytes()
    jcs = page.evaluate("t => window.carbonregVerify.jcsText(window.carbonregVerify.strictJson("
                        "new TextEncoder().encode(t)))", text.decode("utf-8"))
    assert jcs.encode("utf-8") == canonicalize(bundle)


# --- the PDF, pasted text and the plain sentence (issue 11 section 3, the page's part) -------------

def _pdf_with_a_changed_bundle_byte(pdf: Path, out: Path) -> Path:
    data = bytearray(pdf.read_bytes())
    at = data.find(b'"certificateNumber": "') + len(b'"certificateNumber": "')
    assert at > 100, "the embedded bundle is stored uncompressed"
    data[at] = ord("X") if data[at] != ord("X") else ord("Y")
    out.write_bytes(bytes(data))
    return out


def test_the_page_gives_the_cli_verdict_on_the_certificate_pdf(site, verify_page, tmp_path):
    pdf = site.root / CERTIFICATE.replace(".json", ".pdf")
    assert pdf.is_file()
    cli = cli_verdict(site.root, pdf, AT)
    seen = browser_verdict(verify_page.page, pdf, AT)
    assert_same(cli, seen)
    assert seen["outcome"] == "valid" and seen["exit"] == 0
    changed = _pdf_with_a_changed_bundle_byte(pdf, tmp_path / "changed.pdf")
    cli = cli_verdict(site.root, changed, AT)
    seen = browser_verdict(verify_page.page, changed, AT)
    assert_same(cli, seen)
    assert seen["exit"] == 1
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    broken = tmp_path / "no-attachment.pdf"  # a PDF, but not a certificate: an input error in both
    with open(broken, "wb") as handle:
        writer.write(handle)
    cli = cli_verdict(site.root, broken, AT)
    seen = browser_verdict(verify_page.page, broken, AT)
    assert (cli["outcome"], cli["exit"]) == (seen["outcome"], seen["exit"]) == ("input-error", 66)


def test_pasted_json_gets_the_same_verdict_as_the_file(site, verify_page):
    page = verify_page.page
    page.fill("#verify-at", AT)
    before = int(page.get_attribute("#verify-result", "data-run") or 0)
    page.fill("#verify-paste", (site.root / "events" / REVOKED / "declaration.json").read_text(encoding="utf-8"))
    page.click("#verify-paste-go")
    page.wait_for_function(
        "n => { const r = document.getElementById('verify-result');"
        " return r.dataset.state === 'done' && Number(r.dataset.run) > n; }", arg=before, timeout=30_000)
    assert page.get_attribute("#verify-result", "data-outcome") == "revoked"
    sentence = page.inner_text("#verify-sentence")
    assert sentence.startswith("") and "已被撤销" in sentence
    assert page.get_attribute("#verify-notices", "href").endswith("revocations/")


def test_the_result_leads_with_one_plain_sentence_in_the_readers_language(site, base_url, open_page, tmp_path):
    page = open_page().page
    page.goto(base_url + "en/verify/")
    browser_verdict(page, site.root / CERTIFICATE, AT)
    assert "is valid: signed by an authorized agency, unchanged since signing" in page.inner_text("#verify-sentence")

    def tamper(text: str) -> str:
        bundle = json.loads(text)
        bundle["credential"]["credentialSubject"]["event"]["name"]["en"] += "!"
        return json.dumps(bundle, ensure_ascii=False)
    browser_verdict(page, _edited(site.root, tmp_path, "changed.json", tamper), AT)
    assert page.inner_text("#verify-sentence").startswith("Invalid: it was changed after signing")
    stale_at = "2027-02-01T00:00:00Z"
    browser_verdict(page, site.root / CERTIFICATE, stale_at)
    assert "unknown: download the current certificate file" in page.inner_text("#verify-sentence")
