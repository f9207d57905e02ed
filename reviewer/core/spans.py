"""Which stored spans of a text overlap a new one, found by lookup instead of a scan.

A sheet page holds thousands of findings and decisions; asking "does this overlap anything
taken?" by walking a list made redaction quadratic. Spans are filed under the 64-character
blocks they touch.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Generic, TypeVar

BLOCK = 64
K = TypeVar("K", bound=Hashable)


class SpanIndex(Generic[K]):
    """Spans with a key each (e.g. an index into the caller's list)."""

    def __init__(self) -> None:
        self._blocks: dict[int, list[tuple[int, int, K | None]]] = {}

    def add(self, start: int, end: int, key: K | None = None) -> None:
        for block in range(start // BLOCK, max(end - 1, start) // BLOCK + 1):
            self._blocks.setdefault(block, []).append((start, end, key))

    def overlapping(self, start: int, end: int) -> list[K | None]:
        """Keys of the stored spans that overlap the half-open range [start, end)."""
        return [key for block in range(start // BLOCK, max(end - 1, start) // BLOCK + 1)
                for a, b, key in self._blocks.get(block, ()) if a < end and start < b]

    def overlaps(self, start: int, end: int) -> bool:
        return any(a < end and start < b for block in range(start // BLOCK, max(end - 1, start) // BLOCK + 1)
                   for a, b, _ in self._blocks.get(block, ()))
