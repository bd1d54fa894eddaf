import pytest
from trustfixtures import new_keys

from signing.authorizations import authorization_at, parse_authorizations, platform_authorization_at, update_reasons
from signing.errors import TrustError
from signing.issue import agency_entry, create_platform, key_entry, verification_method_of
from signing.timefmt import parse_timestamp as ts

AT = ts("2026-03-01T00:00:00Z")
NAMES = {"zh": "绿色认证中心", "en": "Green Certification Centre"}


@pytest.fixture
def setting():
    platform, (agency_key,) = create_platform(), new_keys(1)
    agency = agency_entry("agency-green", NAMES, [key_entry(agency_key, "2025-01-01T00:00:00Z", "2027-01-01T00:00:00Z")],
                          accredited=("2024-01-01T00:00:00Z", "2028-01-01T00:00:00Z"))
    return platform, agency_key, agency


def _document(platform, agency, version=1, compromised=None, with_platform=True):
    entry = platform.platform_entry("2024-01-01T00:00:00Z", "2030-01-01T00:00:00Z", compromised) if with_platform else None
    return parse_authorizations(platform.authorizations([agency], version=version, expires="2027-01-01T00:00:00Z",
                                                        platform=entry)["signed"])


def test_platform_key_signs_declarations_only(setting):
    platform, agency_key, agency = setting
    document = _document(platform, agency)
    declaration = verification_method_of(platform.declaration_key)
    assert platform_authorization_at(document, declaration, AT, time_is_trusted=True).authorized
    assert not authorization_at(document, declaration, AT, time_is_trusted=True).authorized
    agency_method = verification_method_of(agency_key)
    assert authorization_at(document, agency_method, AT, time_is_trusted=True).authorized
    assert not platform_authorization_at(document, agency_method, AT, time_is_trusted=True).authorized


def test_platform_key_compromise_follows_the_agency_rules(setting):
    platform, _, agency = setting
    document = _document(platform, agency, compromised="2026-02-01T00:00:00Z")
    method = verification_method_of(platform.declaration_key)
    assert platform_authorization_at(document, method, ts("2026-01-01T00:00:00Z"), time_is_trusted=True).authorized
    assert not platform_authorization_at(document, method, AT, time_is_trusted=True).authorized
    assert not platform_authorization_at(document, method, ts("2026-01-01T00:00:00Z"), time_is_trusted=False).authorized


def test_without_a_platform_entry_no_declaration_key(setting):
    platform, _, agency = setting
    document = _document(platform, agency, with_platform=False)
    verdict = platform_authorization_at(document, verification_method_of(platform.declaration_key), AT, time_is_trusted=True)
    assert not verdict.authorized and "not a signing key of the platform" in verdict.reasons[0][1]


def test_platform_key_may_not_double_as_an_agency_key(setting):
    platform, _, agency = setting
    agency["keys"].append(key_entry(platform.declaration_key, "2025-01-01T00:00:00Z", "2027-01-01T00:00:00Z"))
    with pytest.raises(TrustError, match="listed twice"):
        _document(platform, agency)


def test_platform_entry_and_its_keys_may_not_be_removed_or_uncompromised(setting):
    platform, _, agency = setting
    old = _document(platform, agency, compromised="2026-02-01T00:00:00Z")
    assert any("platform entry" in r[1] for r in update_reasons(old, _document(platform, agency, 2, with_platform=False)))
    assert any("compromise mark" in r[1] for r in update_reasons(old, _document(platform, agency, 2)))
    assert update_reasons(old, _document(platform, agency, 2, compromised="2026-01-01T00:00:00Z")) == ()
