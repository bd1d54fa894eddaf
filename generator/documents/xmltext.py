"""Text of untrusted XML through defusedxml: no DTDs, entities or external references, bounded size.

A billion-laughs document declares entities; defusedxml refuses any DTD entity declaration before
expanding anything, so the refusal is immediate."""
from __future__ import annotations

import io
import xml.sax
import xml.sax.handler

import defusedxml.sax
from defusedxml import DefusedXmlException

from generator.documents.extract import Refused, Unreadable

MAX_XML_BYTES = 20 * 1024 * 1024
# Elements after which text stops joining the next text: paragraphs, cells, rows, list items,
# slides' text bodies, SVG text elements. Inside one, runs join without a space (Word splits a
# number across runs).
BLOCKS = frozenset({"p", "h", "tc", "c", "si", "tr", "td", "th", "li", "row", "text", "title", "desc", "table-cell",
                    "br", "tab", "metadata"})


class _Handler(xml.sax.handler.ContentHandler):
    def __init__(self, blocks: frozenset[str], on_element=None):
        super().__init__()
        self.blocks, self.on_element = blocks, on_element
        self.chunks: list[tuple[int, str]] = []  # (line, text) of each block
        self.current: list[str] = []
        self.line: int | None = None
        self.locator = None

    def setDocumentLocator(self, locator):
        self.locator = locator

    def _flush(self):
        text = "".join(self.current)
        if text.strip():
            self.chunks.append((self.line or 1, text))
        self.current, self.line = [], None

    def startElementNS(self, name, qname, attrs):
        if self.on_element is not None:
            self.on_element(name, attrs, self.locator.getLineNumber() if self.locator else None)
        if name[1] in self.blocks:
            self._flush()

    def endElementNS(self, name, qname):
        if name[1] in self.blocks:
            self._flush()

    def characters(self, content):
        if self.line is None and self.locator is not None:
            self.line = self.locator.getLineNumber()
        self.current.append(content)

    def endDocument(self):
        self._flush()


def _parse(data: bytes, handler) -> None:
    if len(data) > MAX_XML_BYTES:
        raise Refused(f"XML 部分超过 {MAX_XML_BYTES} 字节", f"an XML part is over {MAX_XML_BYTES} bytes")
    parser = defusedxml.sax.make_parser()
    parser.setFeature(xml.sax.handler.feature_namespaces, True)
    parser.setFeature(xml.sax.handler.feature_external_ges, False)
    parser.setContentHandler(handler)
    try:
        parser.parse(io.BytesIO(data))  # parse (not feed) hands the handler a locator, for line numbers
    except DefusedXmlException:
        raise Refused("XML 含有 DTD 实体声明或外部引用（可能是实体膨胀攻击）",
                      "the XML declares DTD entities or external references (a possible entity-expansion attack)") from None
    except (xml.sax.SAXException, ValueError, UnicodeError) as exc:
        raise Unreadable(f"XML 无法解析（{exc}）", f"the XML cannot be parsed ({exc})") from None


def xml_blocks(data: bytes, blocks: frozenset[str] = BLOCKS, on_element=None) -> list[tuple[int, str]]:
    """(line, text) of each block of text of an XML document; Refused for DTDs and entities."""
    handler = _Handler(blocks, on_element)
    _parse(data, handler)
    return handler.chunks


class _Elements(xml.sax.handler.ContentHandler):
    def __init__(self):
        super().__init__()
        self.stack: list[list] = []
        self.out: list[tuple[str, str]] = []

    def startElementNS(self, name, qname, attrs):
        self.stack.append([name[1], []])

    def endElementNS(self, name, qname):
        element, parts = self.stack.pop()
        text = "".join(parts)
        if text.strip():
            self.out.append((element, text))

    def characters(self, content):
        if self.stack:
            self.stack[-1][1].append(content)


def element_texts(data: bytes) -> list[tuple[str, str]]:
    """(local name, own text) of each element with text, in document order of their ends."""
    handler = _Elements()
    _parse(data, handler)
    return handler.out
