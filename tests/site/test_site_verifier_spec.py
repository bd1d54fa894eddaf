"""The verify page carries signing/verifier.json (the verifier's step names, limits and texts) for the
browser verifier to read, and the site ships the same file at assets/verify/verifier.json."""
from __future__ import annotations

import json
import re
from types import SimpleNamespace

from generator.site import pages
from signing.verifier_spec import SPEC_PATH

ELEMENT = re.compile(r'<script type="application/json" id="carbonreg-verifier-spec">(.*?)</script>', re.S)


def test_the_verify_page_embeds_the_verifiers_file_and_the_site_ships_it():
    files = dict(pages.verify_page(SimpleNamespace(trust=None)))
    assert files["assets/verify/verifier.json"] == SPEC_PATH.read_bytes()
    pages_html = [data for rel, data in files.items() if rel.endswith("verify/index.html")]
    assert len(pages_html) == 2  # Chinese and English
    for html in pages_html:
        text = html.decode("utf-8") if isinstance(html, bytes) else html
        embedded = ELEMENT.findall(text)
        assert len(embedded) == 1
        assert "<" not in embedded[0]  # nothing in it can close the script element
        assert json.loads(embedded[0]) == json.loads(SPEC_PATH.read_text(encoding="utf-8"))
        assert text.index('id="carbonreg-verifier-spec"') < text.index("assets/verify/values.js")  # read by the first part
