"""carbonreg generator: load, validate, account, check and (later) build the registry."""
