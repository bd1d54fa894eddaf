import stat

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ec import SECP256R1, generate_private_key as ec_key

from signing.eddsa_jcs_2022 import public_key_of
from signing.errors import KeyFileError
from signing.keys import (
    decrypt_private_key,
    generate_private_key,
    load_private_key,
    read_passphrase,
    write_private_key,
)

PASS = b"correct horse battery"


def test_write_then_load_with_environment_passphrase(tmp_path, monkeypatch):
    key = generate_private_key()
    path = write_private_key(tmp_path / "agency.key", key, PASS)
    assert path.read_bytes().startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    monkeypatch.setenv("CARBONREG_TEST_PASSPHRASE", PASS.decode())
    loaded = load_private_key(path, passphrase_env="CARBONREG_TEST_PASSPHRASE", prompt=None)
    assert public_key_of(loaded) == public_key_of(key)


def test_no_temporary_file_left_behind(tmp_path):
    write_private_key(tmp_path / "a.key", generate_private_key(), PASS)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.key"]


def test_never_overwrites(tmp_path):
    path = tmp_path / "agency.key"
    path.write_bytes(b"precious")
    with pytest.raises(KeyFileError, match="refusing to overwrite"):
        write_private_key(path, generate_private_key(), PASS)
    assert path.read_bytes() == b"precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["agency.key"]


def test_short_passphrase_refused(tmp_path):
    with pytest.raises(KeyFileError, match="at least 8"):
        write_private_key(tmp_path / "a.key", generate_private_key(), b"short")
    assert not (tmp_path / "a.key").exists()


def test_wrong_passphrase_is_a_clear_bilingual_error(tmp_path):
    path = write_private_key(tmp_path / "a.key", generate_private_key(), PASS)
    with pytest.raises(KeyFileError) as caught:
        load_private_key(path, prompt=lambda _: "wrong passphrase")
    assert caught.value.en == "wrong passphrase or damaged key file"
    assert caught.value.zh == "口令错误或私钥文件已损坏"


def test_prompt_is_used_when_no_environment_variable(tmp_path, monkeypatch):
    key = generate_private_key()
    path = write_private_key(tmp_path / "a.key", key, PASS)
    monkeypatch.delenv("CARBONREG_UNSET_VARIABLE", raising=False)
    asked = []
    loaded = load_private_key(
        path, passphrase_env="CARBONREG_UNSET_VARIABLE", prompt=lambda text: asked.append(text) or PASS.decode()
    )
    assert public_key_of(loaded) == public_key_of(key)
    assert asked == ["口令 / passphrase: "]


def test_missing_environment_variable_without_prompt(monkeypatch):
    monkeypatch.delenv("CARBONREG_UNSET_VARIABLE", raising=False)
    with pytest.raises(KeyFileError, match="CARBONREG_UNSET_VARIABLE") as caught:
        read_passphrase("CARBONREG_UNSET_VARIABLE", prompt=None)
    # what to do about it, in both languages: a terminal to type it in, or the variable
    assert "export CARBONREG_UNSET_VARIABLE=" in caught.value.zh and "在终端中运行" in caught.value.zh
    assert "export CARBONREG_UNSET_VARIABLE=" in caught.value.en and "in a terminal" in caught.value.en


def test_confirmation_must_match():
    answers = iter(["first passphrase", "second passphrase"])
    with pytest.raises(KeyFileError, match="differ"):
        read_passphrase(prompt=lambda _: next(answers), confirm=True)


def test_unencrypted_key_refused(tmp_path):
    pem = generate_private_key().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    path = tmp_path / "plain.key"
    path.write_bytes(pem)
    with pytest.raises(KeyFileError, match="not encrypted"):
        load_private_key(path, prompt=lambda _: PASS.decode())


def test_other_algorithms_and_garbage_refused():
    pem = ec_key(SECP256R1()).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.BestAvailableEncryption(PASS)
    )
    with pytest.raises(KeyFileError, match="not an Ed25519"):
        decrypt_private_key(pem, PASS)
    with pytest.raises(KeyFileError, match="not an encrypted PKCS#8"):
        decrypt_private_key(b"hello", PASS)


def test_unreadable_file(tmp_path):
    with pytest.raises(KeyFileError, match="cannot read"):
        load_private_key(tmp_path / "missing.key", prompt=lambda _: PASS.decode())


def test_unwritable_folder(tmp_path):
    (tmp_path / "not-a-folder").write_text("x")
    with pytest.raises(KeyFileError, match="cannot create"):
        write_private_key(tmp_path / "not-a-folder" / "a.key", generate_private_key(), PASS)
