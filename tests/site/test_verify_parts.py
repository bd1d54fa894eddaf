"""Each part of the browser verifier (``site/theme/assets/verify/<part>.js``) held equal to its
Python counterpart in ``signing/`` on a blank page in Chromium: strict JSON, JCS, multibase /
Multikey, timestamps, the credential shape and the bundle's outer shape. (Trust, proof and the
steps are held equal by the conformance vectors, test_verify_vectors_browser.py.)"""
from __future__ import annotations

import copy
import json
import sys

import pytest
from sitetestkit import REPO

sys.path.insert(0, str(REPO / "tests" / "site"))
from test_verify_vectors_browser import ORDER, PARTS, SPEC_ELEMENT, VECTORS  # noqa: E402

pytestmark = pytest.mark.browser
BUNDLE = json.loads((VECTORS / "valid-certificate" / "bundle.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def parts(browser, tmp_path_factory):
    folder = tmp_path_factory.mktemp("parts")
    for name in ORDER:
        (folder / f"{name}.js").write_bytes((PARTS / f"{name}.js").read_bytes())
    scripts = SPEC_ELEMENT + "".join(f"<script src='{name}.js'></script>" for name in ORDER)
    (folder / "blank.html").write_text(f"<!doctype html><meta charset='utf-8'><body>{scripts}</body>", encoding="utf-8")
    page = browser.new_page()
    page.goto((folder / "blank.html").as_uri())
    page.wait_for_function("() => window.carbonregVerifyParts && window.carbonregVerifyParts.verifyInput")
    yield page
    page.close()


def js(page, body: str, arg):
    return page.evaluate(f"(arg) => {{ const P = window.carbonregVerifyParts; {body} }}", arg)


def python_json(text: str):
    from signing.errors import SigningError, UnreadableJSONError
    from signing.jcs import canonicalize
    from signing.strictjson import NESTED_EN, loads

    try:
        return ["ok", canonicalize(loads(text.encode("utf-8"))).decode("utf-8")]
    except UnreadableJSONError:
        return ["unreadable", None]
    except SigningError as error:
        return ["nested" if error.en == NESTED_EN else "refused", None]


JSON_CASES = ['{"a": 1}', '[1, 2, "x"]', '{"a": 1, "a": 2}', '{"a": 1.5}', '{"a": 1e3}', '[NaN]', '[9007199254740993]',
              '[9007199254740991]', '{"a": "Cafe\\u0301"}', '{"a": ', '[1,]', '"\\ud800"', '[' * 500 + ']' * 500,
              '[' * 501 + ']' * 501, '{"__proto__": {"x": 1}}', '  {"b": [true, false, null]}  ', '{"a": "\\u0000"}']


@pytest.mark.parametrize("text", JSON_CASES, ids=range(len(JSON_CASES)))
def test_strictjson_part_accepts_and_refuses_as_strictjson_py(parts, text):
    seen = js(parts, """try { const v = P.strictJson(new TextEncoder().encode(arg)); return ['ok', P.jcsText(v)]; }
                        catch (e) { return [e.kind === 'unreadable' ? 'unreadable' : e.kind === 'nested' ? 'nested' : 'refused', null]; }""", text)
    assert seen == python_json(text)


BAD_UTF8 = [b'{"a": "\xff"}', b'["\xe2\x82"]', b'["\xe2\x82A"]', b'["\xe0\x80\x80"]', b'["\xed\xa0\x80"]',
            b'["\xf0\x90\x80"]', b'["\xf0\x90A"]', b'["\xf4\x90\x80\x80"]', b'["\xc0\xaf"]', b'["\xc3"]', b'["\xf0\x9f\x98',
            b'["\xf0\x9f\x98A"]', b'["\xf8"]']


def _python_refusal(call, *args):
    from signing.errors import SigningError

    try:
        call(*args)
    except SigningError as error:
        return [error.zh, error.en]
    return None


REFUSAL = "try { %s; return null; } catch (e) { if (e instanceof P.Refusal) return [e.zh, e.en]; throw e; }"


@pytest.mark.parametrize("raw", [t.encode("utf-8") for t in JSON_CASES] + BAD_UTF8, ids=range(len(JSON_CASES) + len(BAD_UTF8)))
def test_strictjson_part_refuses_in_strictjson_pys_words(parts, raw):
    """The JS prints exactly the Python text (signing/verifier.json), the UTF-8 decoder's detail included."""
    from signing.strictjson import loads

    assert js(parts, REFUSAL % "P.strictJson(new Uint8Array(arg))", list(raw)) == _python_refusal(loads, raw)


def test_key_and_time_parts_refuse_in_the_python_words(parts):
    from signing.multikey import decode_public_key, parse_did_key_method
    from signing.timefmt import parse_timestamp

    good = BUNDLE["credential"]["issuer"]["id"][len("did:key:"):]
    for key in (good[:-1], "z" + good[2:], "not-a-key", "f" + good[1:], "z0OIl", None, 5):
        assert js(parts, REFUSAL % "P.decodePublicKey(arg)", key) == _python_refusal(decode_public_key, key), key
    for url in ("did:key:" + good, "did:key:" + good + "#" + good[:-1] + "x", None, "did:web:x#y", "did:key:a#b#c"):
        assert js(parts, REFUSAL % "P.parseDidKeyMethod(arg)", url) == _python_refusal(parse_did_key_method, url), url
    for text in ("2026-02-29T00:00:00Z", "2026-03-10 00:00:00Z", "x", None, 7):
        assert js(parts, REFUSAL % "P.parseTimestamp(arg)", text) == _python_refusal(parse_timestamp, text), text


def test_jcs_part_canonicalizes_as_jcs_py(parts):
    from signing.jcs import canonicalize

    for value in (BUNDLE, BUNDLE["credential"], {"z": [1, {"b": "é", "a": "\u2028"}], "a": -0, "€": "\u00e9"}):
        text = json.dumps(value, ensure_ascii=False)
        assert js(parts, "return P.jcsText(P.strictJson(new TextEncoder().encode(arg)));", text).encode("utf-8") == canonicalize(value)


def test_multikey_part_decodes_and_refuses_as_multikey_py(parts):
    from signing.errors import SigningError
    from signing.multikey import decode_public_key

    good = BUNDLE["credential"]["issuer"]["id"][len("did:key:"):]
    cases = [good, good[:-1], "z" + good[2:], "not-a-key<script>", "f" + good[1:],
             "z6MkeXATEjyXENzBXBxgC5EHk2JE5aqd7qMGGtDpLUH1e2Sj"]  # the identity point
    for key in cases:
        try:
            expected = decode_public_key(key).hex()
        except SigningError:
            expected = None
        seen = js(parts, "try { return P.toHex(P.decodePublicKey(arg)); } catch (e) { if (e instanceof P.Refusal) return null; throw e; }", key)
        assert seen == expected, key


@pytest.mark.parametrize("text", ["2026-03-10T00:00:00Z", "2026-02-29T00:00:00Z", "2024-02-29T23:59:59Z", "2026-03-10T24:00:00Z",
                                  "2026-03-10 00:00:00Z", "2026-03-10T00:00:00+00:00", "0001-01-01T00:00:00Z", "2026-3-10T00:00:00Z"])
def test_timefmt_part_parses_as_timefmt_py(parts, text):
    from signing.errors import SigningError
    from signing.timefmt import parse_timestamp

    try:
        expected = int(parse_timestamp(text).timestamp())
    except SigningError:
        expected = None
    seen = js(parts, "try { return P.parseTimestamp(arg); } catch (e) { if (e instanceof P.Refusal) return null; throw e; }", text)
    assert seen == expected


DISCLOSURES = {
    "exclusions": [{"category": "event_vehicles", "reason": {"zh": "无", "en": "none"}}],
    "indicators": {"placeholderShare": "0.84", "estimatedShare": "0.12",
                   "intensity": {"perParticipant": "0.0015", "perVisit": "0.2"}},
    "verification": {"assuranceLevel": "limited", "materiality": "5", "siteVisit": "2026-04-22",
                     "opinion": {"zh": "无重大错报", "en": "no material misstatement"},
                     "qualifications": [{"zh": "差旅为抽样估算", "en": "travel is estimated from a survey"}]},
}


def _credential_mutations():
    base = BUNDLE["credential"]
    cases = {"as-signed": copy.deepcopy(base)}
    for name, edit in {
        "no-issuer": lambda c: c.pop("issuer"),
        "extra-field": lambda c: c.__setitem__("note", "x"),
        "bad-decimal": lambda c: c["credentialSubject"]["emissions"].__setitem__("total", "1.2.3"),
        "bad-event-id": lambda c: c["credentialSubject"]["event"].__setitem__("id", "Expo!"),
        "type-wrong": lambda c: c.__setitem__("type", ["VerifiableCredential"]),
        "serials-reversed": lambda c: c["credentialSubject"]["offsets"]["retirements"][0]["serials"][0].__setitem__("first", "999999999"),
        # issue 12: the optional disclosures, well formed and not
        "disclosures": lambda c: c["credentialSubject"].update(DISCLOSURES),
        "disclosures-bad": lambda c: c["credentialSubject"].update({
            "exclusions": [], "indicators": {"estimatedShare": "1.2.3", "intensity": {"perSeat": "1"}},
            "verification": {"assuranceLevel": "high", "materiality": 5, "siteVisit": "2026-02-30",
                             "opinion": {"zh": "是"}, "qualifications": [{"en": "x"}], "extra": 1}}),
    }.items():
        changed = copy.deepcopy(base)
        edit(changed)
        cases[name] = changed
    return cases


@pytest.mark.parametrize("name, credential", sorted(_credential_mutations().items()))
def test_credential_shape_part_finds_the_problems_credential_shape_py_finds(parts, name, credential):
    from signing.credential_shape import check_shape

    expected = sorted(p.path for p in check_shape(credential))
    seen = js(parts, "return P.checkShape(P.strictJson(new TextEncoder().encode(arg))).map((p) => p.path).sort();",
              json.dumps(credential, ensure_ascii=False))
    assert seen == expected


@pytest.mark.parametrize("edit", ["as-is", "no-format", "extra", "chain-empty", "status-string"])
def test_bundle_part_gives_the_reasons_bundle_py_gives(parts, edit):
    from signing.bundle import parse_bundle

    bundle = copy.deepcopy(BUNDLE)
    if edit == "no-format":
        del bundle["format"]
    elif edit == "extra":
        bundle["x"] = 1
    elif edit == "chain-empty":
        bundle["trust"]["rootChain"] = []
    elif edit == "status-string":
        bundle["trust"]["status"] = "fresh"
    expected = [en for _, en in parse_bundle(bundle)[1]]
    seen = js(parts, "return P.parseBundle(P.strictJson(new TextEncoder().encode(arg)))[1].map((r) => r[1]);",
              json.dumps(bundle, ensure_ascii=False))
    assert seen == expected


def test_the_browser_verifier_takes_limits_and_texts_from_the_embedded_file(browser, tmp_path):
    """values.js reads signing/verifier.json from the page: change the file, and the browser verifier's
    texts and limits change with it (here the json step's text and the nesting limit)."""
    spec = json.loads((REPO / "signing" / "verifier.json").read_text(encoding="utf-8"))
    spec["messages"]["json.passed"] = {"zh": "已解析（来自文件）", "en": "parsed (text from the file)"}
    spec["limits"]["jsonDepth"] = 3
    for name in ORDER:
        (tmp_path / f"{name}.js").write_bytes((PARTS / f"{name}.js").read_bytes())
    element = ("<script type='application/json' id='carbonreg-verifier-spec'>"
               + json.dumps(spec, ensure_ascii=False).replace("<", "\\u003c") + "</script>")
    scripts = element + "".join(f"<script src='{name}.js'></script>" for name in ORDER)
    (tmp_path / "blank.html").write_text(f"<!doctype html><meta charset='utf-8'><body>{scripts}</body>", encoding="utf-8")
    page = browser.new_page()
    try:
        page.goto((tmp_path / "blank.html").as_uri())
        page.wait_for_function("() => window.carbonregVerifyParts && window.carbonregVerifyParts.verifyInput")
        seen = page.evaluate("""() => { const P = window.carbonregVerifyParts; const run = new P.Run(0);
            P.stepJson(run, new TextEncoder().encode('[[[[1]]]]')); P.stepJson(run, new TextEncoder().encode('[[1]]'));
            return run.steps.map((s) => [s.outcome, s.zh, s.en, s.id]); }""")
    finally:
        page.close()
    assert seen == [["failed", "JSON 嵌套过深", "JSON is nested too deeply", "json.nested"],
                    ["passed", "已解析（来自文件）", "parsed (text from the file)", "json.passed"]]


def _pdf(attachments: list[bytes]) -> bytes:
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    for index, data in enumerate(attachments):
        writer.add_attachment(f"file{index}.json", data)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("attachments", [[], [b"{}", b"[]"], [b"[" + b" " * 1_000_000 + b"]"], [b"{}"]],
                         ids=["none", "two", "too-large", "one"])
def test_pdf_part_refuses_a_pdf_in_pdfbundle_pys_words(parts, attachments):
    from signing.pdfbundle import bundle_from_pdf

    data = _pdf(attachments)
    expected = _python_refusal(bundle_from_pdf, data)
    assert (expected is None) == (attachments == [b"{}"])
    seen = parts.evaluate("""async (arg) => { const P = window.carbonregVerifyParts;
        try { await P.bundleFromPdf(new Uint8Array(arg)); return null; }
        catch (e) { if (e instanceof P.Refusal) return [e.zh, e.en]; throw e; } }""", list(data))
    assert seen == expected
