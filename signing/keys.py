"""Ed25519 private keys on disk: encrypted PKCS#8 PEM only, written atomically, never overwritten."""

from __future__ import annotations

import getpass
import os
import tempfile
from pathlib import Path
from typing import Callable

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from .errors import KeyFileError
from .secretscan import find_private_key_material, looks_like_private_key  # noqa: F401 (re-exported)

MIN_PASSPHRASE_LENGTH = 8
_ENCRYPTED_HEADER = b"-----BEGIN ENCRYPTED PRIVATE KEY-----"
_UNENCRYPTED_HEADER = b"-----BEGIN PRIVATE KEY-----"

Prompt = Callable[[str], str]


def generate_private_key() -> Ed25519PrivateKey:
    """A new random Ed25519 private key."""
    return Ed25519PrivateKey.generate()


def _check_passphrase(passphrase: bytes) -> bytes:
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise KeyFileError(
            f"口令至少需要 {MIN_PASSPHRASE_LENGTH} 个字符",
            f"passphrase must have at least {MIN_PASSPHRASE_LENGTH} characters",
        )
    return passphrase


def encrypt_private_key(key: Ed25519PrivateKey, passphrase: bytes) -> bytes:
    """The key as encrypted PKCS#8 PEM (the library's best available encryption)."""
    return key.private_bytes(
        encoding=serialization.Encoding.PEM,
        format=serialization.PrivateFormat.PKCS8,
        encryption_algorithm=serialization.BestAvailableEncryption(_check_passphrase(passphrase)),
    )


def _exists_error(path: Path) -> KeyFileError:
    return KeyFileError(f"文件已存在，拒绝覆盖：{path}", f"file exists, refusing to overwrite: {path}")


def write_private_key(path: str | Path, key: Ed25519PrivateKey, passphrase: bytes) -> Path:
    """Write ``key`` encrypted to ``path`` with mode 0600; never replace an existing file.

    The PEM goes to a temporary file in the same folder first, is flushed to disk, and is
    then linked into place (atomic and refused when the target exists); where hard links
    are unavailable, ``os.replace`` after a last existence check is used instead.
    """
    target = Path(path)
    pem = encrypt_private_key(key, passphrase)
    if target.exists():
        raise _exists_error(target)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=".key-", suffix=".tmp", dir=folder)
    except OSError as error:
        raise KeyFileError(
            f"无法在 {folder} 中创建文件：{error.strerror}", f"cannot create a file in {folder}: {error.strerror}"
        ) from None
    temp = Path(temp_name)
    try:
        os.fchmod(handle, 0o600)
        with os.fdopen(handle, "wb") as stream:
            stream.write(pem)
            stream.flush()
            os.fsync(stream.fileno())
        try:
            os.link(temp, target)
        except FileExistsError:
            raise _exists_error(target) from None
        except OSError:
            if target.exists():
                raise _exists_error(target) from None
            os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
    return target


def read_passphrase(
    env_name: str | None = None,
    *,
    prompt: Prompt | None = getpass.getpass,
    confirm: bool = False,
) -> bytes:
    """Take the passphrase from the environment variable ``env_name`` or else from a prompt."""
    if env_name:
        value = os.environ.get(env_name)
        if value:
            return value.encode("utf-8")
        if prompt is None:
            raise KeyFileError(
                f"环境变量 {env_name} 未设置或为空，且这里不是终端，无法提示输入口令：请在终端中运行以输入口令，"
                f"或先设置该变量（export {env_name}=…，口令不要写进仓库）",
                f"environment variable {env_name} is not set or empty, and this is not a terminal to ask in: run "
                f"the command in a terminal to type the passphrase, or set the variable first (export {env_name}=…; "
                "never commit the passphrase)",
            )
    if prompt is None:
        raise KeyFileError("没有提供口令", "no passphrase given")
    first = prompt("口令 / passphrase: ")
    if confirm and prompt("再次输入口令 / repeat passphrase: ") != first:
        raise KeyFileError("两次输入的口令不一致", "the two passphrases differ")
    return first.encode("utf-8")


def decrypt_private_key(pem: bytes, passphrase: bytes) -> Ed25519PrivateKey:
    """Decrypt an encrypted PKCS#8 PEM Ed25519 key; refuse unencrypted and other keys."""
    text = pem.strip()
    if text.startswith(_UNENCRYPTED_HEADER):
        raise KeyFileError(
            "私钥文件未加密，拒绝使用；请用 carbonreg keys generate 重新生成",
            "private key file is not encrypted, refusing it; generate a new one with carbonreg keys generate",
        )
    if not text.startswith(_ENCRYPTED_HEADER):
        raise KeyFileError("不是加密的 PKCS#8 PEM 私钥文件", "not an encrypted PKCS#8 PEM private key file")
    try:
        key = serialization.load_pem_private_key(text, password=passphrase)
    except ValueError:
        raise KeyFileError("口令错误或私钥文件已损坏", "wrong passphrase or damaged key file") from None
    except TypeError:
        raise KeyFileError("私钥文件未加密", "private key file is not encrypted") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFileError("私钥不是 Ed25519 密钥", "private key is not an Ed25519 key")
    return key


def load_private_key(
    path: str | Path,
    *,
    passphrase_env: str | None = None,
    prompt: Prompt | None = getpass.getpass,
) -> Ed25519PrivateKey:
    """Read and decrypt a key file; the passphrase comes from ``passphrase_env`` or a prompt."""
    try:
        pem = Path(path).read_bytes()
    except OSError as error:
        raise KeyFileError(
            f"无法读取私钥文件 {path}：{error.strerror}", f"cannot read key file {path}: {error.strerror}"
        ) from None
    return decrypt_private_key(pem, read_passphrase(passphrase_env, prompt=prompt))
