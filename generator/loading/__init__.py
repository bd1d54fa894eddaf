"""Loading untrusted registry files: safe YAML with locations, and walking the registry folder."""
