"""Offset matching (Art. 7): suppliers' offers and the shortfall of an event that they can cover."""
