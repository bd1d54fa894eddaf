from certfixtures import NOW, World, dump

from signing.bundle import BUNDLE_FORMAT, parse_bundle
from signing.issue import create_platform, refresh_receipt
from signing.trust import load_trusted_root
from signing.verify import verify_bundle


def test_fresh_platform_has_distinct_keys_for_each_role():
    platform = create_platform()
    root = load_trusted_root(platform.root())
    assert set(root.roles) == {"root", "authorizations", "status", "log"}
    assert root.roles["root"].threshold == 2 and len(root.roles["root"].keyids) == 3
    every = [k for role in root.roles.values() for k in role.keyids]
    assert len(every) == len(set(every)) == 6


def test_issue_bundle_appends_to_the_log_and_assembles_the_bundle():
    world = World()
    first = world.issue()
    second = world.issue(number="CN-2026-0002", published="2026-03-03T00:00:00Z")
    assert world.log.size == 2 and first["format"] == BUNDLE_FORMAT
    assert parse_bundle(second)[0].publication["treeSize"] == 2
    assert verify_bundle(dump(second), world.root(), at=NOW).valid


def test_receipts_refreshed_against_a_newer_checkpoint_still_verify():
    world = World()
    first = world.issue()
    world.issue(number="CN-2026-0002", published="2026-03-03T00:00:00Z")
    refreshed = refresh_receipt(first, world.log, world.platform.checkpoint(world.log, "2026-03-04T00:00:00Z"))
    assert refreshed["publication"]["treeSize"] == 2 and refreshed["publication"]["index"] == 0
    verdict = verify_bundle(dump(refreshed), world.root(), at=NOW)
    assert verdict.valid and verdict.trusted_time == "2026-03-02T00:00:00Z"


def test_bundle_outer_shape_problems_are_collected():
    bundle, reasons = parse_bundle({"format": "other", "credential": [], "trust": {"rootChain": []}})
    assert bundle is None and len(reasons) >= 4 and all(zh and en for zh, en in reasons)
