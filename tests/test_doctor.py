"""`reviewer doctor`: each missing piece is reported with its fix, and a required one fails the command."""

import json
import os
import shutil
import stat
from datetime import timedelta
from importlib.metadata import version
from pathlib import Path

import pytest
from click.testing import CliRunner

from reviewer.cli import cli
from reviewer.core.settings import DEFAULT_MODELS, Settings
from reviewer.review import health

GOOD_KEY = "f3b1c0de" * 8


def run(*args):
    return CliRunner().invoke(cli, ["doctor", *args])


def fake_tesseract(folder: Path, langs: list[str]) -> Path:
    """A `tesseract` program that answers --version and --list-langs like the real one."""
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "tesseract"
    listing = "\\n".join(langs)
    script.write_text(f'#!/bin/sh\ncase "$1" in\n --version) echo "tesseract 5.9.9";;\n'
                      f' --list-langs) printf "List of available languages (x):\\n{listing}\\n";;\nesac\n')
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


@pytest.fixture
def migrated(tmp_path, monkeypatch):
    from reviewer.store import records as store

    monkeypatch.delenv("DATABASE_URL", raising=False)
    folder = tmp_path / "inst"
    folder.mkdir()
    engine = store.make_engine(store.database_url(folder))
    store.upgrade(engine)
    engine.dispose()
    return folder


def target(folder, url=None, server=True, **env):
    from reviewer.store import records as store

    return health.Target(folder, url or store.database_url(folder), Settings(), server=server, env=env)


def by_name(checks):
    return {c.name: c for c in checks}


@pytest.mark.skipif(os.name == "nt", reason="shell script as a fake program")
def test_tesseract_without_indonesian_data_fails_with_the_package_to_install(tmp_path):
    check = health.tesseract(Settings(), str(fake_tesseract(tmp_path / "bin", ["eng", "osd"])))
    assert check.status == "fail" and "ind" in check.found and "tesseract-ocr-ind" in check.fix
    assert health.tesseract(Settings(), str(fake_tesseract(tmp_path / "b2", ["eng", "ind"]))).status == "ok"


def test_tesseract_missing_from_path_fails_the_command(migrated, monkeypatch, tmp_path):
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    result = run("--instance", str(migrated))
    assert result.exit_code == 1, result.output
    line = next(x for x in result.output.splitlines() if "tesseract" in x)
    assert "GAGAL" in line and "tidak terpasang" in line
    assert "apt-get install tesseract-ocr" in result.output and "Traceback" not in result.output


def test_unreachable_database_fails_and_hides_the_password(migrated):
    url = "postgresql+psycopg://ppid:sangat-rahasia@127.0.0.1:1/ppid"
    result = run("--instance", str(migrated), "--db", url)
    assert result.exit_code == 1
    line = next(x for x in result.output.splitlines() if " database " in x)
    assert "GAGAL" in line and "tidak dapat dihubungi" in line and "unreachable" in line
    assert "sangat-rahasia" not in result.output and "ppid:***@" in result.output


def test_missing_and_unmigrated_database_say_run_db_upgrade(tmp_path):
    from sqlalchemy import text

    from reviewer.store import records as store

    folder = tmp_path / "inst"
    missing = health.database(target(folder, server=False))[0]
    assert missing.status == "fail" and "reviewer db upgrade" in missing.fix
    assert not (folder / "reviewer.sqlite3").exists()  # the check created nothing
    folder.mkdir()
    engine = store.make_engine(store.database_url(folder))
    with engine.begin() as conn:
        conn.execute(text("create table placeholder (x int)"))
    old = health.database(target(folder, server=False))[0]
    assert old.status == "fail" and "belum diperbarui" in old.found and old.fix == "reviewer db upgrade"
    store.upgrade(engine)
    assert health.database(target(folder, server=False))[0].status == "ok"


def test_demo_and_weak_secret_keys_fail_in_server_mode(migrated):
    for weak in ("test", "ganti-dengan-kunci-rahasia-yang-panjang-sekali", "x" * 20):
        check = health.secret_key(target(migrated, REVIEWER_SECRET_KEY=weak))
        assert check.status == "fail" and "token_hex" in check.fix, weak
    assert health.secret_key(target(migrated, REVIEWER_SECRET_KEY=GOOD_KEY)).status == "ok"
    demo = health.secret_key(target(health.ROOT / "instance" / "demo", REVIEWER_SECRET_KEY=GOOD_KEY))
    assert demo.status == "fail" and "demo" in demo.found
    (migrated / "secret_key").write_text(GOOD_KEY)
    assert health.secret_key(target(migrated)).status == "ok"


def test_demo_secret_through_the_command(migrated, monkeypatch):
    monkeypatch.setenv("REVIEWER_SECRET_KEY", "demo")
    monkeypatch.setenv("REVIEWER_USE_OCR", "0")
    result = run("--instance", str(migrated), "--server")
    assert result.exit_code == 1 and "secret-key" in result.output and "milik demo" in result.output


def test_secure_cookies_behind_plain_http_fail(migrated):
    http = health.cookies(target(migrated, REVIEWER_UI_URL="http://10.0.0.5:8080"))
    assert http.status == "fail" and "HTTPS" in http.fix
    assert health.cookies(target(migrated, REVIEWER_UI_URL="https://ppid.kota.go.id")).status == "ok"
    assert health.cookies(target(migrated, REVIEWER_UI_URL="http://127.0.0.1:5000")).status == "ok"
    assert health.cookies(target(migrated, REVIEWER_SECURE_COOKIES="0")).status == "warn"


def test_unknown_time_zone_fails(migrated):
    assert health.timezone(target(migrated, REVIEWER_TIMEZONE="Asia/Bandung")).status == "fail"
    assert health.timezone(target(migrated, REVIEWER_TIMEZONE="Asia/Makassar")).status == "ok"


def test_queued_scans_with_no_worker_fail(migrated):
    from reviewer.store import jobs
    from reviewer.store import records as store

    engine = store.make_engine(store.database_url(migrated))
    with store.session_factory(engine)() as session:
        doc = store.add_document(session, "a" * 64, "surat.pdf", 10)
        session.flush()
        job = jobs.enqueue(session, doc.sha256)
        job.created_at = store.utcnow() - timedelta(minutes=30)
        session.commit()
    check = health.worker(engine)
    assert check.status == "fail" and "ppid-reviewer-worker" in check.fix
    with store.session_factory(engine)() as session:
        assert jobs.claim(session, "w:1") is not None
    assert health.worker(engine).status == "ok"
    assert health.worker(engine, now=store.utcnow() - timedelta(hours=1)).status == "ok"
    engine.dispose()


def test_changed_model_fails_and_a_stale_card_warns(tmp_path):
    models = tmp_path / "models"
    shutil.copytree(DEFAULT_MODELS / "passages", models / "passages")
    settings = Settings(models_dir=models)
    (models / "README.md").write_text("no card here")
    assert health.passage_model(settings).status == "ok"
    (models / "passages" / "README.md").write_text("# card of another artifact\n- created: 1999-01-01\n")
    stale = health.passage_model(settings)
    assert stale.status == "warn" and "kartu" in stale.found
    data = bytearray((models / "passages" / "model.npz").read_bytes())
    data[len(data) // 2] ^= 0xFF
    (models / "passages" / "model.npz").write_bytes(bytes(data))
    broken = health.passage_model(settings)
    assert broken.status == "fail" and "train passages" in broken.fix
    assert health.ner_model(settings).status == "fail"  # no ner-id folder in this models dir


def test_packages_missing_or_at_other_versions():
    assert health.packages({"click": version("click")}).status == "ok"
    assert health.packages({"click": "0.0.1"}).status == "warn"
    missing = health.packages({"tidak-ada-paket-ini": "1.0"})
    assert missing.status == "fail" and "pip install" in missing.fix


def test_unwritable_instance_folder_fails(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root writes everywhere")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        assert health.instance_folder(folder).status == "fail"
    finally:
        folder.chmod(0o700)


def test_ready_machine_exits_zero_with_json(migrated, monkeypatch):
    monkeypatch.setenv("REVIEWER_USE_OCR", "0")  # OCR off is a warning, so the test does not need Tesseract
    result = run("--instance", str(migrated), "--format", "json", "--skip", "libreoffice")
    assert result.exit_code == 0, result.output
    checks = {c["name"]: c for c in json.loads(result.output)}
    assert {"python", "packages", "tesseract", "ner-model", "passage-model", "database", "instance",
            "timezone"} <= set(checks)
    assert checks["database"]["status"] == "ok" and checks["tesseract"]["status"] == "warn"
    assert "secret-key" not in checks and "libreoffice" not in checks  # server checks only with --server
