"""``carbonreg new``: new records from the standard templates (Art. 7)."""
