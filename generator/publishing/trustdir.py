"""The registry's trust folder: signed roots, authorizations, status list, publication log, checkpoint.

    registry/trust/1.root.json, 2.root.json, …   signed root versions (TUF naming; never deleted)
    registry/trust/authorizations.json            agencies and their keys, signed by the authorizations role
    registry/trust/status.json                    revocation status list, signed by the status role
    registry/trust/log.json                       publication log leaves, append-only
    registry/trust/checkpoint.json                the log's latest signed checkpoint
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.publishing.files import dump_json, read_json, write_atomic

_ROOT = re.compile(r"^([1-9][0-9]*)\.root\.json$")


@dataclass(frozen=True)
class TrustDir:
    path: Path

    @classmethod
    def of(cls, registry: Path) -> "TrustDir":
        return cls(registry / "trust")

    def exists(self) -> bool:
        return (self.path / "1.root.json").is_file()

    def root_chain(self) -> list[dict[str, Any]]:
        versions = sorted((int(m.group(1)), p) for p in self.path.glob("*.root.json") if (m := _ROOT.match(p.name)))
        return [read_json(p) for _, p in versions]

    def latest_root(self) -> dict[str, Any]:
        return self.root_chain()[-1]

    def read(self, name: str) -> Any:
        path = self.path / name
        if not path.is_file():
            return None
        from generator.loading.signed import LOG_MAX_BYTES

        return read_json(path, LOG_MAX_BYTES if name == "log.json" else None)

    def write(self, name: str, obj: Any, *, replace: bool = True) -> Path:
        return write_atomic(self.path / name, dump_json(obj), replace=replace)

    def log_leaves(self) -> tuple[dict[str, str], ...]:
        data = self.read("log.json")
        return tuple(data["leaves"]) if data else ()

    def registry_name(self) -> str:
        return self.latest_root()["signed"].get("registry", "carbonreg")
