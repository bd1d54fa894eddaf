"""signing/verifier.json, the verifier's step names, limits and message texts: one file read by the
Python verifier (signing/verifier_spec.py) and by the browser verifier (values.js, the file embedded
in the verify page). Here: the Python side reads it, each text key used by either verifier exists,
and filling a text never expands a placeholder that came in with a value."""
from __future__ import annotations

import json
import re
from pathlib import Path

from signing import bundle, credential_shape, inputfile, strictjson, verify_steps
from signing.verifier_spec import SPEC_PATH, fill, text

REPO = Path(__file__).resolve().parents[2]
BROWSER = REPO / "site" / "theme" / "assets" / "verify"
SPEC = json.loads(SPEC_PATH.read_text(encoding="utf-8"))
# a text call's first argument: a key, or a choice of keys ("a" if c else "b", c ? 'a' : 'b')
CALL = re.compile(r"""\b(?:text|spec_text|specText)\(([^,()]*)""")
LITERAL = re.compile(r"""["']([a-z][\w.-]*)["']""")


def _keys_used(paths) -> set[str]:
    keys = set()
    for path in paths:
        for argument in CALL.findall(path.read_text(encoding="utf-8")):
            keys |= {k for k in LITERAL.findall(argument) if "." in k or k in SPEC["messages"]}
    return keys


def test_the_python_verifier_takes_steps_and_limits_from_the_file():
    assert verify_steps.STEP_NAMES == ("json", "bundle", "shape", "root", "authorizations", "proof", "publication",
                                       "issuer", "status", "revocation")
    assert (strictjson.MAX_BYTES, strictjson.MAX_DEPTH) == (1_000_000, 500)
    assert (credential_shape.MAX_STRING, inputfile.MAX_PDF_BYTES, bundle.MAX_ROOT_CHAIN) == (2000, 20_000_000, 100)
    assert SPEC["limits"] == {"jsonBytes": 1_000_000, "jsonDepth": 500, "stringLength": 2000, "pdfBytes": 20_000_000,
                              "rootChain": 100}


def test_every_text_either_verifier_asks_for_is_in_the_file_and_none_is_unused():
    python = _keys_used((REPO / "signing").glob("*.py"))
    browser = _keys_used(BROWSER.glob("*.js"))
    assert python and browser
    assert python <= set(SPEC["messages"]), python - set(SPEC["messages"])
    assert browser <= set(SPEC["messages"]), browser - set(SPEC["messages"])
    assert set(SPEC["messages"]) == python | browser
    shared = python & browser
    assert {"json.passed", "proof.issuer-binding", "publication.unlogged", "revocation.revoked", "skipped",
            "issuer.when-trusted", "issuer.when-untrusted", "shape.kind.declaration", "trust.missing-or-wrong-field"} <= shared


CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# the verify path's modules whose texts are all in verifier.json (the others keep texts only they print:
# cli.py, keys.py, issue.py, credential.py, inputfile.py, trustdir.py, barecredential.py; transparency.py and
# authorizations.py keep the texts of building a log and of an authorization update)
TEXTLESS_PYTHON = ("bundle", "credential_shape", "eddsa_jcs_2022", "ed25519_point", "jcs", "multikey", "statuslist",
                   "strictjson", "timefmt", "trust", "verdict", "verify", "verify_steps", "verify_trust", "pdfbundle")
# the browser page's own sentences (the verdict in one line, where the root came from) stay in page.js
BROWSER_WITH_TEXTS = ("page",)


def _lines_with_chinese(path: Path) -> list[str]:
    return [f"{path.name}:{n}" for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if CJK.search(line)]


def test_no_message_text_is_written_into_the_verifiers_code():
    """Both verifiers print verifier.json's texts: no Chinese (so no bilingual pair) in the browser
    verifier's parts nor in the verify path's Python modules listed above."""
    parts = sorted(BROWSER.glob("*.js"))
    assert {p.stem for p in parts} >= {"values", "strictjson", "trust", "steps", "pdf", "page"}
    found = [line for p in parts if p.stem not in BROWSER_WITH_TEXTS for line in _lines_with_chinese(p)]
    found += [line for name in TEXTLESS_PYTHON for line in _lines_with_chinese(REPO / "signing" / f"{name}.py")]
    assert found == []


# the texts where one language names a field the other leaves out, as the verifiers always printed them
ONE_LANGUAGE_FIELDS = {"root.differs-from-the-pinned-root": {"pinned"}, "issuer.key-belongs-to-another-agency": {"agency"}}


def test_each_text_has_both_languages_and_the_same_fields_in_each():
    for key, message in SPEC["messages"].items():
        assert set(message) == {"zh", "en"}, key
        # a field may come in two languages (where_zh, where_en): each text names the same fields
        zh, en = ({re.sub(r"_(zh|en)$", "", f) for f in re.findall(r"\{(\w+)\}", message[lang])} for lang in ("zh", "en"))
        assert zh ^ en == ONE_LANGUAGE_FIELDS.get(key, set()), key


def test_a_value_is_filled_in_once_never_read_as_a_template():
    assert fill("revoked as of {at}: {reason}", {"at": "2026-01-01T00:00:00Z", "reason": "{at} {reason}"}) \
        == "revoked as of 2026-01-01T00:00:00Z: {at} {reason}"
    assert text("revocation.revoked", at="2026-01-01T00:00:00Z", reason="证书有误 {at}") == (
        "截至 2026-01-01T00:00:00Z 已被撤销：证书有误 {at}", "revoked as of 2026-01-01T00:00:00Z: 证书有误 {at}")


def test_the_python_verifiers_step_texts_are_the_files():
    """A valid certificate's passing steps say exactly what verifier.json says (a text written back
    into the code, even a slightly different one, fails here)."""
    from signing.timefmt import parse_timestamp
    from signing.verify import verify_bundle

    folder = REPO / "tests" / "vectors" / "verify" / "valid-certificate"
    case = json.loads((folder / "case.json").read_text(encoding="utf-8"))
    root = json.loads((folder / "root.json").read_text(encoding="utf-8"))
    verdict = verify_bundle((folder / "bundle.json").read_bytes(), root, at=parse_timestamp(case["at"]))
    said = {s.name: (s.zh, s.en) for s in verdict.steps}
    assert said["json"] == text("json.passed")
    assert said["bundle"] == text("bundle.passed")
    assert said["shape"] == text("shape.passed", kind="certificate", kind_zh="证书")
    assert said["proof"] == text("proof.passed")
    assert said["revocation"] == text("revocation.passed", at=case["at"], version=verdict.status_version)
