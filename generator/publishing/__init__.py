"""The platform's and the agencies' write operations: keys, trust documents, certificates,
publication (log + checkpoint), status lists and revocation notices. Every write is atomic."""
