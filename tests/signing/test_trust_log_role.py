import pytest
from trustfixtures import kid, new_keys, root_signed

from signing.errors import TrustError
from signing.issue import create_platform
from signing.trust import load_trusted_root, parse_root, root_fingerprint, rotate_root, sign_metadata


@pytest.fixture
def keys():
    return {"root": new_keys(3), "auth": new_keys(1), "status": new_keys(1), "log": new_keys(1)}


def _with_log(keys, **extra):
    signed = root_signed(1, keys["root"], keys["auth"], keys["status"] + keys["log"])
    signed["roles"]["status"]["keyids"] = [kid(keys["status"][0])]
    signed["roles"]["log"] = {"keyids": [kid(keys["log"][0])], "threshold": 1}
    signed.update(extra)
    return signed


def test_optional_log_role(keys):
    root = parse_root(_with_log(keys))
    assert root.log_role == "log" and root.roles["log"].keyids == {kid(keys["log"][0])}
    old_style = parse_root(root_signed(1, keys["root"], keys["auth"], keys["status"]))
    assert old_style.log_role == "status" and "log" not in old_style.roles and old_style.registry is None


def test_unknown_roles_and_bad_log_roles_refused(keys):
    signed = _with_log(keys)
    signed["roles"]["mirror"] = signed["roles"]["log"]
    with pytest.raises(TrustError, match="exactly the roles"):
        parse_root(signed)
    signed = _with_log(keys)
    signed["roles"]["log"]["threshold"] = 2
    with pytest.raises(TrustError, match="role log: invalid threshold"):
        parse_root(signed)


def test_registry_name_is_kept_across_rotation():
    platform = create_platform("carbonreg:shanghai")
    trusted = load_trusted_root(platform.root(1))
    assert trusted.registry == "carbonreg:shanghai"
    renamed = create_platform("carbonreg:staging")
    signed = renamed.root_signed(2, "2035-01-01T00:00:00Z")
    signed["roles"]["root"] = platform.root_signed(2, "2035-01-01T00:00:00Z")["roles"]["root"]
    signed["keys"].update(platform.root_signed(2, "2035-01-01T00:00:00Z")["keys"])
    with pytest.raises(TrustError, match="may not change the registry name"):
        rotate_root(trusted, sign_metadata(signed, platform.root_keys))
    same = sign_metadata(platform.root_signed(2, "2035-01-01T00:00:00Z"), platform.root_keys)
    assert rotate_root(trusted, same).registry == "carbonreg:shanghai"


@pytest.mark.parametrize("registry", ["", 5])
def test_bad_registry_name_refused(keys, registry):
    with pytest.raises(TrustError, match="registry"):
        parse_root(_with_log(keys, registry=registry))


def test_root_fingerprint_names_the_signed_part():
    platform = create_platform()
    first, again = platform.root(1), platform.root(1, signers=platform.root_keys[:2])
    assert root_fingerprint(first) == root_fingerprint(again)  # signatures are not part of it
    assert root_fingerprint(first) != root_fingerprint(platform.root(1, expires="2034-01-01T00:00:00Z"))
