"""Reading attachments: which kinds the registry accepts, their text (for the personal-data rule)
and their metadata, under the same limits as YAML, and removing metadata (``carbonreg scrub``)."""
