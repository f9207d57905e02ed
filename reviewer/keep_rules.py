"""Public-by-nature information: letterhead, institutional contacts, officials in office.

`judge` looks at a finding in its surroundings and, when the information is public by nature,
turns it into `keep` with the reason. It never drops a finding.
"""

from __future__ import annotations

from reviewer.model import Document, Finding, Page
from reviewer.settings import Settings


def judge(document: Document, page: Page, finding: Finding, settings: Settings) -> Finding:
    return finding
