"""Names that look like other names: a word mixing Latin with Cyrillic or Greek letters (homoglyphs)
is flagged, so that "Shаnghai" with a Cyrillic "а" cannot pass for "Shanghai" unnoticed."""
from __future__ import annotations

import re
import unicodedata

from generator.findings import warning
from generator.rules.context import EventContext, RegistryContext
from generator.rules.personal import _documents, _strings

_WORD = re.compile(r"\w+", re.UNICODE)
_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")


def _scripts(word: str) -> set[str]:
    found: set[str] = set()
    for ch in word:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            found.update(s for s in _SCRIPTS if name.startswith(s))
    return found


_NON_LATIN_LOOKALIKES = re.compile("[\u0370-\u03ff\u0400-\u04ff\u0500-\u052f\u1f00-\u1fff]")


def mixed_script_word(text: str) -> str | None:
    if text.isascii() or not _NON_LATIN_LOOKALIKES.search(text):
        return None  # no Greek or Cyrillic letter at all: nothing can be mixed
    for word in _WORD.findall(text):
        if len(_scripts(word)) > 1:
            return word
    return None


def no_homoglyph_names(ctx: EventContext | RegistryContext):
    """T101, as an event rule and as a registry rule (the records of each, see ``personal._documents``)."""
    for doc in _documents(ctx):
        for path, text in _strings(doc.data):
            word = mixed_script_word(text)
            if word:
                yield warning("T101", doc.at(*path),
                              f"词语 {word!r} 混用了拉丁字母与西里尔/希腊字母（形近字），可能冒充其他名称；请只用一种文字",
                              f"the word {word!r} mixes Latin with Cyrillic or Greek letters (look-alikes) and may pass for another name; use one script")
