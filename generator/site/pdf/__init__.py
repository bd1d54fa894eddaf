"""The certificate PDF: layout (certificate.py) and its font subset (font.py)."""
