"""The guides in docs/ and the README stay true: every picture they show is made by
tests/test_docs_screenshots.py and is in docs/img, every page of docs/ is linked from the README, every
relative link points at a file of the repository, and every message quoted in the troubleshooting page is
still printed by the code."""

import re
from pathlib import Path

from tests.test_docs_screenshots import SHOTS

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]


def test_every_picture_is_made_by_the_screenshot_script():
    used = {m for p in PAGES for m in re.findall(r"img/([\w-]+)\.png", p.read_text(encoding="utf-8"))}
    assert used, "the guides show no pictures"
    assert used <= set(SHOTS), f"pictures no script makes: {sorted(used - set(SHOTS))}"
    missing = sorted(name for name in used if not (DOCS / "img" / f"{name}.png").is_file())
    assert missing == [], f"run `make screenshots`: {missing}"


def test_every_guide_is_linked_from_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    unlinked = [p.name for p in DOCS.glob("*.md") if f"docs/{p.name}" not in readme]
    assert unlinked == []


def test_relative_links_point_at_files_of_the_repository():
    broken = []
    for page in PAGES:
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            if not re.match(r"[a-z]+:", target) and not (page.parent / target).exists():
                broken.append(f"{page.relative_to(ROOT)}: {target}")
    assert broken == []


def test_no_references_outside_the_repository():
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        assert "../shared" not in text and "/work/" not in text, page.name


def _source_text() -> str:
    """The code and the data it prints from (reason texts live in reviewer/data/reasons.yaml)."""
    return "\n".join(p.read_text(encoding="utf-8") for folder in ("reviewer", "webui") for ext in ("py", "yaml")
                     for p in (ROOT / folder).rglob(f"*.{ext}"))


def test_troubleshooting_messages_are_printed_by_the_code():
    source = _source_text()
    page = (DOCS / "pemecahan-masalah.md").read_text(encoding="utf-8")
    quoted = [re.findall(r"`([^`]+)`", row.split("|")[1]) for row in page.splitlines() if row.startswith("| `")]
    messages = [m for row in quoted for m in row]
    assert len(messages) > 40
    gone = [m for m in messages if m not in source]
    assert gone == [], f"messages the code no longer prints: {gone}"
