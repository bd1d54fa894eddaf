"""The totals a signed certificate or declaration states, compared with what the registry computes:
one comparison for the check (C103, ``rules/certificates.py``) and ``carbonreg verify --registry``
(``publishing/verifycmd.py``)."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from generator.accounting.compute import EventAccount

SCOPES = ("basic", "full")


def _decimal(value) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def differing_totals(subject: dict, account: EventAccount) -> list[tuple[str, object, Decimal | int]]:
    """(field, signed value as written, computed value) for each signed total (emissions basic,
    extended and total, offsets retired and, for a basic or full scope, needed) that is not equal,
    as a number, to the account's."""
    emissions, offsets, scope = subject.get("emissions", {}), subject.get("offsets", {}), subject.get("scope")
    pairs: list[tuple[str, object, Decimal | int]] = [
        ("emissions.basic", emissions.get("basic"), account.basic),
        ("emissions.extended", emissions.get("extended"), account.extended),
        ("emissions.total", emissions.get("total"), account.total),
        ("offsets.retired", offsets.get("retired"), account.retired)]
    if scope in SCOPES:
        pairs.append(("offsets.needed", offsets.get("needed"), account.needed(scope)))
    return [(name, signed, computed) for name, signed, computed in pairs if _decimal(signed) != Decimal(computed)]
