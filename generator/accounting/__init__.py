"""Emission accounting (Art. 11): units, factors in force and exact totals."""
