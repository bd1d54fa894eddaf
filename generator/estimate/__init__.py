"""``carbonreg estimate EVENT``: the plan's estimate of one event folder (Art. 9), printed."""
