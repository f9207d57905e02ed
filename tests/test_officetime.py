"""The office's time zone and Indonesian numbers: one setting (REVIEWER_TIMEZONE, default Asia/Jakarta)
for the UI, the HTML batch summary and the audit CSV, shown as WIB/WITA/WIT; stored times stay UTC."""

import csv
import io
from datetime import datetime

import pytest

from reviewer.core.errors import ReviewerError
from reviewer.core.officetime import format_moment, format_number, format_share, zone
from reviewer.core.settings import Settings, from_env
from reviewer.store import records as store
from tests.webui_helpers import login, make_app

NOON_UTC = datetime(2026, 12, 3, 5, 30)  # stored naive = UTC


@pytest.mark.parametrize(("name", "shown"), [("Asia/Jakarta", "3 Des 2026 12.30 WIB"),
                                             ("Asia/Pontianak", "3 Des 2026 12.30 WIB"),
                                             ("Asia/Makassar", "3 Des 2026 13.30 WITA"),
                                             ("Asia/Jayapura", "3 Des 2026 14.30 WIT"),
                                             ("Asia/Tokyo", "3 Des 2026 14.30 UTC+09:00")])
def test_times_are_shown_in_the_office_zone_with_its_name(name, shown):
    assert format_moment(NOON_UTC, name) == shown
    assert format_moment(NOON_UTC.isoformat() + "Z", name) == shown


def test_english_keeps_the_zone_and_the_clock():
    assert format_moment(NOON_UTC, "Asia/Makassar", "en") == "3 Dec 2026 13.30 WITA"
    assert format_moment(None, "Asia/Jakarta") == ""


def test_numbers_in_indonesian_and_english():
    assert format_number(0.8, "id", 2) == "0,80" and format_number(0.8, "en", 2) == "0.80"
    assert format_number(1234567, "id") == "1.234.567" and format_number(1234567, "en") == "1,234,567"
    assert format_number(2.5, "id") == "2,5" and format_number(None) == ""
    assert format_share(0.125, "id", 1) == "12,5%" and format_share(0.5, "en") == "50%"


def test_one_setting_read_at_the_edge(monkeypatch):
    assert Settings().timezone == "Asia/Jakarta"
    monkeypatch.setenv("REVIEWER_TIMEZONE", "Asia/Jayapura")
    assert from_env().timezone == "Asia/Jayapura"
    with pytest.raises(ReviewerError, match="Asia/Nowhere"):
        zone("Asia/Nowhere")


def test_an_unknown_zone_stops_the_app_with_a_clear_message(tmp_path):
    with pytest.raises(ReviewerError, match="zona waktu"):
        make_app(tmp_path / "instance", TIMEZONE="Mars/Olympus")


def test_ui_and_audit_csv_use_the_office_zone_while_the_database_keeps_utc(tmp_path):
    app = make_app(tmp_path / "instance", TIMEZONE="Asia/Makassar")
    client = app.test_client()
    login(client, "root")
    with app.extensions["reviewer.sessions"]() as s:
        event = s.query(store.Event).filter_by(action="login").one()
        stored = event.at
    expected = format_moment(stored, "Asia/Makassar")
    assert expected.endswith(" WITA") and stored.tzinfo is None  # naive: UTC
    assert expected in client.get("/audit").get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(client.get("/audit.csv").get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0][0] == "waktu" and expected in [r[0] for r in rows[1:]]
    client.set_cookie("lang", "en")
    rows = list(csv.reader(io.StringIO(client.get("/audit.csv").get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0][0] == "time" and any(r[0].endswith(" WITA") and r[2] == "login" for r in rows[1:]), rows


def test_the_batch_summary_uses_the_office_zone_and_indonesian_numbers(tmp_path, samples):
    from reviewer.batch.run import BatchOptions, run_batch
    from reviewer.report.summary import render_summary

    url = f"sqlite:///{tmp_path / 'batch.sqlite3'}"
    totals = run_batch([samples / "laporan-kejadian.txt"], url, Settings(use_ner=False, use_passages=False,
                                                                        use_ocr=False), BatchOptions(workers=1))
    engine = store.make_engine(url)
    with store.session_factory(engine)() as session:
        run = session.get(store.BatchRun, totals.run)
        html = render_summary(session, totals.run, "https://ppid.example.go.id/ui/", "Asia/Jayapura")
        started = format_moment(run.started_at, "Asia/Jayapura")
    engine.dispose()
    assert f"mulai {started}" in html and " WIT" in html and "UTC" not in html
    risks = [cell for cell in html.split('<td class="num">')[1:] if "," in cell.split("<")[0]]
    assert risks, "the risk figure is written with a decimal comma"
