"""A loaded document: plain data plus the source location of every value in it."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.findings import Location

# A path into a document, as JSON Schema reports it: keys and list indexes.
Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Document:
    """Data loaded from one file. ``values`` maps each path to where its value starts,
    ``keys`` maps each mapping entry's path to where its key starts."""

    path: str
    data: Any
    values: dict[Path, tuple[int, int]] = field(default_factory=dict, compare=False, repr=False)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict, compare=False, repr=False)
    sha256: str = ""

    def at(self, *path: str | int, key: bool = False) -> Location:
        """Location of the value at ``path`` (or of its key), falling back to the nearest ancestor."""
        table = self.keys if key else self.values
        probe: Path = tuple(path)
        while True:
            if probe in table:
                line, col = table[probe]
                return Location(self.path, line, col)
            if probe in self.values:
                line, col = self.values[probe]
                return Location(self.path, line, col)
            if not probe:
                return Location(self.path, 1, 1)
            probe = probe[:-1]

    def get(self, *path: str | int, default: Any = None) -> Any:
        node = self.data
        for step in path:
            try:
                node = node[step]
            except (KeyError, IndexError, TypeError):
                return default
        return node
