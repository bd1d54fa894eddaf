"""Schema validation of loaded documents, with bilingual, located findings."""
