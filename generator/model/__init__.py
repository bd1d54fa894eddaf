"""The typed, immutable model of a registry that every later stage reads."""
