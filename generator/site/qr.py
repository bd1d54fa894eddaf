"""QR codes as inline SVG (segno: a well-kept, dependency-free QR encoder)."""
from __future__ import annotations

import functools
import io


@functools.lru_cache(maxsize=4096)
def qr_svg(url: str, title: str) -> str:
    """A fixed mask (0) instead of segno trying all eight: ~13x faster, still a valid QR code."""
    import segno

    out = io.BytesIO()
    segno.make(url, error="m", mask=0, boost_error=False).save(out, kind="svg", scale=3, border=2, xmldecl=False, svgns=True,
                                   title=title, svgclass="qrcode", lineclass=None, omitsize=True)
    return out.getvalue().decode("utf-8")
