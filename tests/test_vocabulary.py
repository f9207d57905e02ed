"""One vocabulary: every label, action and basis is named from one table, the same at every edge.

The tables are `reviewer/data/vocabulary.yaml` and `reviewer/data/pasal17.yaml`, read through
`reviewer.core.vocabulary`. These tests check the tables are complete, that no module keeps a table of
its own, and that the web UI (both languages), the HTML report, the CLI table and the redaction log
print the same names for the same findings.
"""

import ast
import csv
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from reviewer.core import vocabulary
from reviewer.core.model import ACTIONS, LABELS, Decision
from reviewer.core.settings import Settings
from reviewer.detect.pipeline import scan_file

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = Settings(use_ner=False, use_passages=False, use_ocr=False)
# Dicts keyed by label or basis that are not names: per-agency box texts (a setting the admin edits) and
# the other laws suggested beside huruf j (legal hints, not names).
NOT_NAME_TABLES = {("reviewer/core/settings.py", "DEFAULT_BOX_LABELS"), ("reviewer/core/legal.py", "OTHER_LAWS_HINT")}


def test_every_label_action_and_basis_has_a_name_in_both_languages():
    for lang in vocabulary.LANGS:
        for label in LABELS:
            assert vocabulary.label_name(label, lang) not in ("", label) or label in ("NIK", "NPWP", "NIP")
            assert vocabulary.label_description(label, lang)
        for action in ACTIONS:
            assert vocabulary.action_name(action, lang) != "" and vocabulary.action_name(action, "id") != action
        for code in vocabulary.BASES:
            assert vocabulary.basis_name(code, lang)
    assert vocabulary.label_name("PERSON", "en") != vocabulary.label_name("PERSON", "id")
    assert len({vocabulary.label_name(label) for label in LABELS}) == len(LABELS), "two labels share a name"


def test_a_basis_is_a_huruf_or_an_angka_the_statute_has():
    assert vocabulary.is_basis("17a") and vocabulary.is_basis("17h2") and vocabulary.is_basis("17c7")
    for bad in ("", "17", "17k", "17h9", "17b1", "17z", "h2", "17H2"):
        assert not vocabulary.is_basis(bad), bad
    assert vocabulary.basis_name("17h2") == "kesehatan" and vocabulary.basis_name("17a1") == "penegakan hukum"
    assert vocabulary.basis_label("17h") == "17h — rahasia pribadi"


def _name_tables(path: Path):
    codes = set(LABELS) | set(vocabulary.BASES) | set(ACTIONS)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Assign) or not isinstance(node.value, ast.Dict):
            continue
        keys = [k.value for k in node.value.keys if isinstance(k, ast.Constant)]
        strings = all(isinstance(v, ast.Constant) and isinstance(v.value, str) for v in node.value.values)
        if strings and sum(k in codes for k in keys) >= 3:
            yield ", ".join(t.id for t in node.targets if isinstance(t, ast.Name))


def test_no_module_keeps_its_own_table_of_names():
    found = set()
    for path in [*ROOT.joinpath("reviewer").rglob("*.py"), *ROOT.joinpath("webui").rglob("*.py")]:
        rel = path.relative_to(ROOT).as_posix()
        found |= {(rel, name) for name in _name_tables(path)}
    assert found <= NOT_NAME_TABLES, f"label/basis/action names belong in reviewer/data/vocabulary.yaml: {found}"


@pytest.fixture(scope="module")
def acting(tmp_path_factory):
    """A text whose findings cover several labels; the labels suggested for redaction."""
    folder = tmp_path_factory.mktemp("vocab")
    path = folder / "surat.txt"
    path.write_text("Laporan warga atas nama Sdr. Siti Aminah, NIK 3209124506870003, alamat Jalan Melati "
                    "Nomor 7 RT 02 RW 03 Desa Sukamaju, nomor HP 0812-2345-6781.\n", encoding="utf-8")
    findings = scan_file(str(path), SETTINGS).findings
    labels = {f.label for f in findings if f.action == "redact"}
    assert {"ADDRESS", "NIK", "PHONE"} <= labels
    return path, findings, labels


def test_cli_table_names_labels_and_actions_from_the_vocabulary(acting):
    from reviewer.cli import cli

    path, findings, labels = acting
    out = CliRunner().invoke(cli, ["scan", "--no-ner", "--no-passages", str(path)]).output
    for label in labels:
        assert re.search(rf"\s{re.escape(vocabulary.label_name(label))}\s", out), (label, out)
    assert vocabulary.action_name("redact") in out


def test_redaction_log_names_labels_as_the_ui_does(acting, tmp_path):
    from reviewer.extract import extract
    from reviewer.redact import redact_document
    from reviewer.redact.report import write_all

    path, findings, labels = acting
    decisions = [Decision(f.page, f.start, f.end, f.text, f.label, f.basis, reason="uji") for f in findings
                 if f.action == "redact"]
    report = redact_document(path, decisions, tmp_path / "surat.publik.txt", SETTINGS)
    paths = write_all(report, SETTINGS)
    with open(paths["csv"], newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))
    assert {r["jenis_informasi"] for r in rows} == {vocabulary.label_name(label) for label in labels}
    assert extract(tmp_path / "surat.publik.txt").pages


@pytest.mark.parametrize("lang", ["id", "en"])
def test_web_ui_names_labels_and_bases_in_the_users_language(acting, tmp_path, lang):
    from tests.webui_helpers import login, make_app, upload

    path, findings, labels = acting
    app = make_app(tmp_path / "instance")
    client = app.test_client()
    login(client, "ani")
    client.set_cookie("lang", lang)
    sha = upload(app, client, path)
    import html as markup

    html = markup.unescape(client.get(f"/documents/{sha}").get_data(as_text=True))  # "Person&#39;s name"
    for label in labels:
        assert vocabulary.label_name(label, lang) in html, label
    assert vocabulary.basis_label("17h2", lang) in html
    other = "en" if lang == "id" else "id"
    assert vocabulary.label_name("PERSON", other) not in html


def test_html_report_names_labels_and_huruf_from_the_vocabulary(acting, tmp_path):
    from reviewer.batch.run import BatchOptions, run_batch
    from reviewer.report.summary import render_summary
    from reviewer.store.records import make_engine

    path, findings, labels = acting
    url = f"sqlite:///{tmp_path / 'batch.sqlite3'}"
    totals = run_batch([path.parent], url, SETTINGS, BatchOptions(workers=1))
    from sqlalchemy.orm import Session

    with Session(make_engine(url)) as session:
        html = render_summary(session, totals.run, "https://ppid.example.go.id/")
    for label in labels:
        assert vocabulary.label_name(label) in html, label
    assert f"huruf h — {vocabulary.basis_name('17h')}" in html
