"""Incremental checking: an event whose files (and the registry-wide files) have not changed since the
last check is not loaded again; its findings and facts come from the event memo.

``fileids`` gives every file a content id (SHA-256, with a stat cache like git's index);
``memo`` keeps one result per event, keyed by the SHA-256 of everything the result depends on;
``check`` runs the pipeline event by event and the registry-wide rules once over all facts."""
