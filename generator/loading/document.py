"""A loaded document: plain data plus the source location of every value in it."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from generator.findings import Location

# A path into a document, as JSON Schema reports it: keys and list indexes.
Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Document:
    """Data loaded from one file. ``values`` maps each path to where its value starts,
    ``keys`` maps each mapping entry's path to where its key starts.

    The location tables take about three times the memory of the data, and are needed only to
    point at a problem; a document may therefore hold a ``locate`` function instead, which reads
    them again (from the file) the first time a location is asked for."""

    path: str
    data: Any
    values: dict[Path, tuple[int, int]] | None = field(default_factory=dict, compare=False, repr=False)
    keys: dict[Path, tuple[int, int]] | None = field(default_factory=dict, compare=False, repr=False)
    sha256: str = ""
    locate: Callable[[], tuple[dict, dict]] | None = field(default=None, compare=False, repr=False)

    def _tables(self) -> tuple[dict, dict]:
        values, keys = self.values, self.keys
        if values is None or keys is None:
            values, keys = self.locate() if self.locate is not None else ({}, {})
            object.__setattr__(self, "values", values)  # a cache of derivable data, filled once
            object.__setattr__(self, "keys", keys)
        return values, keys

    def slim(self, locate: Callable[[], tuple[dict, dict]]) -> "Document":
        """The same document without its location tables, which ``locate`` can read again."""
        return Document(self.path, self.data, None, None, self.sha256, locate)

    def at(self, *path: str | int, key: bool = False) -> Location:
        """Location of the value at ``path`` (or of its key), falling back to the nearest ancestor."""
        values, keys = self._tables()
        table = keys if key else values
        probe: Path = tuple(path)
        while True:
            if probe in table:
                line, col = table[probe]
                return Location(self.path, line, col)
            if probe in values:
                line, col = values[probe]
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
