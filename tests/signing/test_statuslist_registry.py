import pytest

from signing.errors import StaleStatusError, TrustError
from signing.issue import create_platform
from signing.statuslist import verify_status_list
from signing.timefmt import parse_timestamp as ts
from signing.trust import load_trusted_root

AT = ts("2026-03-10T00:00:00Z")


@pytest.fixture
def platform():
    return create_platform("carbonreg:shanghai")


def _list(platform, **options):
    values = {"version": 3, "issued": "2026-03-09T00:00:00Z", "expires": "2026-03-16T00:00:00Z"}
    values.update(options)
    return platform.status_list(**values)


def test_registry_named_by_the_root_must_match(platform):
    root = load_trusted_root(platform.root())
    assert verify_status_list(_list(platform), root, AT).registry == "carbonreg:shanghai"
    with pytest.raises(TrustError, match="another registry: carbonreg:staging"):
        verify_status_list(_list(platform, registry="carbonreg:staging"), root, AT)


def test_stale_is_its_own_error_and_comes_after_the_other_checks(platform):
    root = load_trusted_root(platform.root())
    with pytest.raises(StaleStatusError, match="has expired"):
        verify_status_list(_list(platform), root, ts("2026-03-16T00:00:00Z"))
    with pytest.raises(TrustError, match="rollback") as caught:
        verify_status_list(_list(platform), root, ts("2026-03-16T00:00:00Z"), last_seen_version=4)
    assert not isinstance(caught.value, StaleStatusError)
