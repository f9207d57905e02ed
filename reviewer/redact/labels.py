"""What is printed on a box or put in place of redacted text: a fixed marker and the basis label.

The marker has the same length whatever was removed, so it reveals nothing about the length of
the text; in a PDF the box reveals what the box already shows, and no more.
"""

from __future__ import annotations

from reviewer.core.settings import Settings

BLOCK = "█████"
ASCII_BLOCK = "XXXXX"  # for legacy text encodings that have no block character


def box_label(basis: str, settings: Settings) -> str:
    """The label for a basis code: the agency's own code if configured, e.g. "Ps.17 h" for 17h2."""
    labels = settings.box_labels or {}
    if basis in labels:
        return labels[basis]
    if basis[:3] in labels:
        return labels[basis[:3]]
    return f"Ps.17 {basis[2:3]}".strip()


def short_label(basis: str) -> str:
    """The shortest form, for boxes too small for the full label: the huruf alone."""
    return basis[2:3] or "x"


def marker(basis: str, settings: Settings, block: str = BLOCK) -> str:
    return f"{block} [{box_label(basis, settings)}]"
