"""What the templates read from the registry: the registry-wide records, the rules and factor set
in force on a date, and one event with its account (loaded alone, without the other events)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from generator.accounting.compute import EventAccount, compute_event
from generator.accounting.in_force import factor_set_in_force, rules_in_force
from generator.loading.cache import RecordCache
from generator.loading.registry import load_event, load_globals
from generator.loading.walk import walk_event, walk_top
from generator.model.records import Event, FactorSet, Registry, Rules


def registry_wide(root: Path) -> Registry:
    """Rules, factor sets, agencies and the other registry-wide records (no events)."""
    shown = str(root)
    registry, _ = load_globals(root, shown, walk_top(root, shown), RecordCache(None))
    return registry


def in_force(registry: Registry, day: date) -> tuple[Rules | None, FactorSet | None]:
    return rules_in_force(registry, day), factor_set_in_force(registry, day)


def event_and_account(root: Path, event_dir: Path, today: date) -> tuple[Registry, Event, EventAccount | None]:
    """One event folder loaded and accounted exactly as ``carbonreg check`` does."""
    registry = registry_wide(root)
    shown = str(root)
    files, _ = walk_event(event_dir, root, shown)
    event, _ = load_event(root, shown, event_dir.parent.name, event_dir.name, event_dir, files, RecordCache(None))
    account, _ = compute_event(registry, event, today)
    return registry, event, account
