"""The records of a verification: each named :class:`Step` and the :class:`Verdict` with its exit code.

Typed and frozen; shared by the steps (``verify_steps.py``), the entry points (``verify.py``,
``barecredential.py``) and the CLI, so that none of them imports another to name a result.
The message id of a step (``Step.message_id``) is the same in the browser verifier.
"""

from __future__ import annotations

from typing import Any, Mapping

from .records import fresh, record

TIME_FROM_LOG = "log checkpoint"
TIME_UNTRUSTED = "proof.created (untrusted)"
EXIT_VALID, EXIT_INVALID, EXIT_STATUS_UNKNOWN, EXIT_INPUT = 0, 1, 2, 66


@record
class Step:
    """One named verification step and its bilingual outcome.

    ``warning`` marks a step that did not pass but does not make the credential invalid (exit
    code 2): the status list stale or missing (revocation unknown), no log receipt (no trusted
    time), or a bare credential without its bundle. ``id`` is the message id when more specific
    than ``<step>.<outcome>``.
    """

    name: str
    ok: bool
    zh: str
    en: str
    skipped: bool = False
    warning: bool = False
    id: str = ""

    @property
    def message_id(self) -> str:
        """The message's stable id (the same in the browser verifier): ``<step>.<what>``, by
        default ``<step>.<outcome>`` for a message without a more specific one."""
        return self.id or f"{self.name}.{self.outcome}"

    @property
    def outcome(self) -> str:
        if self.skipped:
            return "skipped"
        return "passed" if self.ok else "warning" if self.warning else "failed"

    def as_json(self) -> dict[str, Any]:
        return {"name": self.name, "ok": self.ok, "outcome": self.outcome, "skipped": self.skipped,
                "warning": self.warning, "id": self.message_id, "zh": self.zh, "en": self.en}


@record
class Verdict:
    """The outcome of verifying one bundle.

    ``valid``: every step passed, the status list is fresh (exit 0). ``genuine``: every step
    passed or only warned (exit 0 or 2). :attr:`exit_code` is what ``verify`` exits with.
    """

    valid: bool
    steps: tuple[Step, ...]
    unreadable: bool = False
    genuine: bool = False
    kind: str | None = None
    credential_id: str | None = None
    registry: str | None = None
    issuer_id: str | None = None
    issuer_name_zh: str | None = None
    issuer_name_en: str | None = None
    key_fingerprint: str | None = None
    trusted_time: str | None = None
    time_source: str | None = None
    revocation: str = "unknown"  # not-revoked | revoked | unknown
    revocation_reason: str | None = None
    status_as_of: str | None = None
    status_fresh: bool | None = None
    status_version: int | None = None
    status_expires: str | None = None
    status_source: str | None = None
    status_site: str | None = None
    root_fingerprint: str | None = None
    root_version: int | None = None
    root_pinned: bool = True
    root_source_zh: str | None = None
    root_source_en: str | None = None
    evidence_checked: int | None = None
    seen_versions: Mapping[str, int] = fresh(default_factory=dict)
    subject: Mapping[str, Any] | None = None

    @property
    def failed(self) -> tuple[Step, ...]:
        return tuple(step for step in self.steps if not step.ok and not step.skipped and not step.warning)

    @property
    def warnings(self) -> tuple[Step, ...]:
        return tuple(step for step in self.steps if step.warning)

    @property
    def exit_code(self) -> int:
        if self.unreadable:
            return EXIT_INPUT
        if self.valid:
            return EXIT_VALID
        return EXIT_STATUS_UNKNOWN if self.genuine else EXIT_INVALID

    @property
    def outcome(self) -> str:
        """``valid``, ``revocation-unknown``, ``unlogged`` (genuine, never logged: no trusted time),
        ``bare-credential`` (a credential without its bundle, outside a registry: signature intact),
        ``revoked``, ``invalid`` or ``input-error``."""
        if self.unreadable:
            return "input-error"
        if self.valid:
            return "valid"
        if self.genuine:
            if any(s.name == "bundle" and s.warning for s in self.steps):
                return "bare-credential"
            return "unlogged" if any(s.name == "publication" and s.warning for s in self.steps) else "revocation-unknown"
        return "revoked" if self.revocation == "revoked" else "invalid"

    def as_json(self) -> dict[str, Any]:
        return {
            "valid": self.valid, "genuine": self.genuine, "outcome": self.outcome, "exitCode": self.exit_code,
            "unreadable": self.unreadable, "kind": self.kind, "credentialId": self.credential_id,
            "registry": self.registry,
            "issuer": {"id": self.issuer_id, "name": {"zh": self.issuer_name_zh, "en": self.issuer_name_en},
                       "keyFingerprint": self.key_fingerprint},
            "time": {"trusted": self.trusted_time, "source": self.time_source},
            "revocation": {"state": self.revocation, "reason": self.revocation_reason,
                           "asOf": self.status_as_of, "statusFresh": self.status_fresh,
                           "statusVersion": self.status_version, "statusExpires": self.status_expires,
                           "statusSource": self.status_source, "statusSite": self.status_site},
            "root": {"fingerprint": self.root_fingerprint, "version": self.root_version, "pinned": self.root_pinned,
                     "source": {"zh": self.root_source_zh, "en": self.root_source_en}},
            "evidence": {"checked": self.evidence_checked},
            "seenVersions": dict(self.seen_versions),
            "subject": None if self.subject is None else dict(self.subject),
            "steps": [step.as_json() for step in self.steps],
        }
