"""The bundle bytes made with the shared trust part serialized once equal the plain JSON dump."""
from __future__ import annotations

from datetime import date

from samplekit import pristine_sample  # the sample as test data, not the working tree's registry/

from generator.model.bundles import bundle_bytes, bundle_for, dump_json
from generator.pipeline import check_whole

SAMPLE = pristine_sample()


def test_bundle_bytes_equal_the_plain_dump_for_every_sample_credential():
    registry = check_whole(SAMPLE, date(2026, 11, 25)).registry
    signed = [doc for e in registry.events for doc in (e.certificate, e.declaration_credential) if doc]
    assert len(signed) >= 4
    for doc in signed * 2:  # the second round uses the memoized trust part
        assert bundle_bytes(registry.trust, doc) == dump_json(bundle_for(registry.trust, doc))
