"""The shipped sample registry as test data, never the working tree's ``registry/`` as it happens to be.

A user may file an event in a clone of this repository (or the date may move on): the tests must not
see it. Every test reads the sample through :data:`SAMPLE`, a copy made once per session in a
temporary folder from the repository's ``registry/`` **less every event folder not named in
``SAMPLE_EVENTS``** (an organizer's extra event is an event folder; rules, factors, agencies, offers,
notices and trust documents are the sample's own). Adding an event to the sample is adding its id
below.
"""
from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# The sample's events: events/<year>/<id>. Any other event folder in registry/ is a user's, ignored.
SAMPLE_EVENTS = frozenset({
    "2025-campus-sustainability-salon",
    "2025-harbour-esports-showcase",
    "2025-pujiang-city-marathon",
    "2025-west-bank-lawn-music-festival",
    "2025-yrd-green-building-expo",
    "2026-pujiang-low-carbon-forum",
    "2026-riverside-light-art-festival",
})


def extra_events(registry: Path) -> list[str]:
    """Event folders in ``registry`` that are not the sample's (what the tests leave out)."""
    events = registry / "events"
    if not events.is_dir():
        return []
    return sorted(f"{year.name}/{event.name}" for year in events.iterdir() if year.is_dir()
                  for event in year.iterdir() if event.name not in SAMPLE_EVENTS)


def copy_sample_from(registry: Path, dest: Path) -> Path:
    """Copy the sample part of ``registry`` to ``dest`` (which must not exist)."""
    events = (registry / "events").resolve()

    def ignore(folder: str, names: list[str]) -> list[str]:
        here = Path(folder).resolve()
        if here == events:  # events/: a year folder with none of the sample's events is left out whole
            return [name for name in names if (here / name).is_dir()
                    and not any((here / name / event).is_dir() for event in SAMPLE_EVENTS)]
        if here.parent == events:  # events/<year>/: keep the sample's events only
            return [name for name in names if name not in SAMPLE_EVENTS]
        return []

    shutil.copytree(registry, dest, symlinks=True, ignore=ignore)
    return dest


@functools.lru_cache(maxsize=1)
def pristine_sample() -> Path:
    """One read-only-by-convention copy of the sample for the whole session (removed at exit)."""
    folder = Path(tempfile.mkdtemp(prefix="carbonreg-sample-"))
    atexit.register(shutil.rmtree, folder, True)
    return copy_sample_from(REPO / "registry", folder / "registry")


SAMPLE = pristine_sample()


DEMO_PASSPHRASE = b"carbonreg-demo-only"  # demo-keys/README.md: public, for the sample only


def unpublish(registry: Path, event_dir: str | Path, name: str = "certificate.json") -> None:
    """The registry as it was before an event's signed ``name`` was published, so that a test may edit
    what it binds: the file removed and its log entry with it, the log checkpoint and the status list
    re-signed with the demo keys at their own times. Deleting the file alone leaves a logged credential
    the registry no longer holds (C108). Nothing happens when the event has no such file."""
    from datetime import date

    from generator.publishing.ops import sign_status
    from generator.publishing.trustdir import TrustDir
    from signing.keys import decrypt_private_key
    from signing.strictjson import load_path
    from signing.transparency import PublicationLog, sign_checkpoint

    path = registry / event_dir / name
    if not path.is_file():
        return
    credential_id = load_path(path)["id"]
    path.unlink()

    def key(file: str):
        return decrypt_private_key((REPO / "demo-keys" / file).read_bytes(), DEMO_PASSPHRASE)

    trust = TrustDir.of(registry)
    leaves = tuple(leaf for leaf in trust.log_leaves() if leaf["id"] != credential_id)
    checkpoint = trust.read("checkpoint.json")["signed"]
    trust.write("log.json", {"leaves": [dict(leaf) for leaf in leaves]})
    trust.write("checkpoint.json", sign_checkpoint(PublicationLog(leaves), checkpoint["issued"], [key("log.pem")],
                                                   registry=checkpoint.get("registry")))
    status = trust.read("status.json")["signed"]
    sign_status(registry, key("status.pem"), at=status["issued"], expires=status["expires"],
                today=date.fromisoformat(status["issued"][:10]))
