"""QR codes as inline SVG (segno: a well-kept, dependency-free QR encoder)."""
from __future__ import annotations

import io


def qr_svg(url: str, title: str) -> str:
    import segno

    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="svg", scale=3, border=2, xmldecl=False, svgns=True,
                                   title=title, svgclass="qrcode", lineclass=None, omitsize=True)
    return out.getvalue().decode("utf-8")
