"""What `reviewer doctor` checks: everything the tool needs on this machine, each with what to do.

Every check returns a `Check`: a status (`ok`, `warn`, `fail`), what was found in Indonesian and English,
and, when it is not ok, the fix. `fail` means something required is missing (the command exits non-zero);
`warn` means the tool works but less well or less safely. Checks never change anything: the database is
only read (never migrated), the instance folder gets one temporary file that is removed at once.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from dataclasses import asdict, dataclass
from datetime import timedelta
from pathlib import Path

from reviewer.core.settings import ROOT, Settings

OK, WARN, FAIL = "ok", "warn", "fail"
MIN_PYTHON = (3, 11)
FREE_FAIL, FREE_WARN = 500 * 2**20, 5 * 2**30  # bytes free in the instance folder
STUCK = timedelta(minutes=5)  # a queued job older than this with nothing running: no worker
WEAK_SECRETS = ("test", "dev", "secret", "changeme", "ganti", "demo", "contoh", "example")


@dataclass(frozen=True)
class Check:
    name: str
    status: str
    found: str  # "Indonesian / English"
    fix: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Target:
    """What to check: the instance folder, its database URL, the scan settings and the server mode."""

    instance: Path
    database_url: str
    settings: Settings
    server: bool = False
    env: dict | None = None

    def getenv(self, name: str, default: str = "") -> str:
        return (os.environ if self.env is None else self.env).get(name, default)


def run_all(target: Target) -> list[Check]:
    checks = [python_version(), packages(), tesseract(target.settings), poppler(), libreoffice(),
              ner_model(target.settings), passage_model(target.settings), *database(target),
              instance_folder(target.instance), timezone(target)]
    if target.server:
        checks += [secret_key(target), cookies(target), database_kind(target)]
    return checks


# --- programs and packages -------------------------------------------------------------------------------

def python_version(version: tuple = sys.version_info[:3]) -> Check:
    shown = ".".join(map(str, version))
    if tuple(version[:2]) >= MIN_PYTHON:
        return Check("python", OK, f"Python {shown}")
    need = ".".join(map(str, MIN_PYTHON))
    return Check("python", FAIL, f"Python {shown} terlalu lama / too old (perlu / needs ≥ {need})",
                 f"pasang Python {need} atau lebih baru / install Python {need}+ (Debian 12: apt-get install python3)")


def pinned_requirements() -> dict[str, str]:
    """name -> pinned version, from pyproject.toml when running from a checkout, else the installed metadata."""
    lines = _pyproject_dependencies()
    if lines is None:
        from importlib.metadata import PackageNotFoundError, requires

        try:
            lines = [r for r in requires("ppid-reviewer") or [] if "extra ==" not in r]
        except PackageNotFoundError:
            lines = []
    pins = {}
    for line in lines:
        match = re.match(r"\s*([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?\s*==\s*([^\s;,]+)", line)
        if match:
            pins[match.group(1)] = match.group(2)
    return pins


def _pyproject_dependencies() -> list[str] | None:
    import tomllib

    path = ROOT / "pyproject.toml"
    if not path.is_file():
        return None
    with open(path, "rb") as fh:
        return list(tomllib.load(fh).get("project", {}).get("dependencies", []))


def packages(pins: dict[str, str] | None = None) -> Check:
    from importlib.metadata import PackageNotFoundError, version

    pins = pinned_requirements() if pins is None else pins
    missing, other = [], []
    for name, wanted in sorted(pins.items()):
        try:
            have = version(name)
        except PackageNotFoundError:
            missing.append(name)
            continue
        if have != wanted:
            other.append(f"{name} {have} (≠ {wanted})")
    fix = "jalankan / run: .venv/bin/pip install -e . (atau / or `make setup`)"
    if missing:
        return Check("packages", FAIL, f"paket Python tidak terpasang / Python packages missing: "
                                       f"{', '.join(missing)}", fix)
    if other:
        return Check("packages", WARN, f"versi paket lain dari yang dipatok / package versions differ from the "
                                       f"pins: {', '.join(other)}", fix)
    return Check("packages", OK, f"{len(pins)} paket Python sesuai versi / Python packages at their pinned versions")


def tesseract(settings: Settings, command: str | None = None) -> Check:
    from reviewer.core.errors import OcrError
    from reviewer.ocr.engine import find_engine

    if not settings.use_ocr:
        return Check("tesseract", WARN, "OCR dimatikan (REVIEWER_USE_OCR=0): halaman pindaian ditandai tak "
                                        "terbaca / OCR switched off: scanned pages are marked unreadable",
                     "hapus / unset REVIEWER_USE_OCR")
    fix = ("Debian/Ubuntu: sudo apt-get install tesseract-ocr tesseract-ocr-ind tesseract-ocr-eng; Windows: "
           "https://github.com/UB-Mannheim/tesseract/wiki (centang / tick Indonesian), lalu tambahkan ke / then "
           "add it to PATH")
    try:
        engine = find_engine(command)
    except OcrError as exc:
        return Check("tesseract", FAIL, str(exc), fix)
    if "ind" not in engine.languages:
        return Check("tesseract", FAIL, f"Tesseract {engine.version} tanpa data bahasa 'ind' / without the "
                                        f"Indonesian 'ind' data", fix)
    return Check("tesseract", OK, f"Tesseract {engine.version} ({engine.lang})")


def poppler() -> Check:
    path = shutil.which("pdftotext")
    if path:
        return Check("poppler", OK, f"poppler-utils (pdftotext: {path})")
    return Check("poppler", WARN, "pdftotext (poppler-utils) tidak ada: hasil sensor PDF diperiksa dengan satu "
                                  "pembaca lebih sedikit / pdftotext missing: redacted PDFs are verified with one "
                                  "reader fewer", "sudo apt-get install poppler-utils")


def libreoffice(required: bool | None = None) -> Check:
    """LibreOffice converts legacy office files; required when REVIEWER_OFFICE_FORMATS=1."""
    required = os.environ.get("REVIEWER_OFFICE_FORMATS", "") == "1" if required is None else required
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path:
        return Check("libreoffice", OK, f"LibreOffice ({path})")
    found = ("LibreOffice tidak ada (untuk format Office lama .doc/.xls/.ppt) / LibreOffice missing (for legacy "
             "office formats)")
    return Check("libreoffice", FAIL if required else WARN, found,
                 "sudo apt-get install --no-install-recommends libreoffice-core libreoffice-writer "
                 "libreoffice-calc libreoffice-impress")


# --- models ----------------------------------------------------------------------------------------------

def ner_model(settings: Settings) -> Check:
    from reviewer.core.errors import ModelError
    from reviewer.detect.ner import artifact

    folder = Path(settings.models_dir) / "ner-id"
    if not settings.use_ner:
        return Check("ner-model", WARN, "NER dimatikan (REVIEWER_USE_NER=0) / NER switched off",
                     "hapus / unset REVIEWER_USE_NER")
    try:
        manifest = artifact.read_manifest(folder)
        artifact.check_compatible(manifest, folder)
        artifact.check_files(manifest, folder)
    except ModelError as exc:
        return Check("ner-model", FAIL, str(exc), artifact.RETRAIN)
    return _card("ner-model", f"model NER / NER model {folder}", manifest.get("created", ""),
                 Path(settings.models_dir) / "README.md")


def passage_model(settings: Settings) -> Check:
    from reviewer.core.errors import ModelError
    from reviewer.detect.passages import model

    folder = Path(settings.models_dir) / "passages"
    if not settings.use_passages:
        return Check("passage-model", WARN, "pengklasifikasi paragraf dimatikan (REVIEWER_USE_PASSAGES=0) / "
                                            "passage classifier switched off", "hapus / unset REVIEWER_USE_PASSAGES")
    try:
        loaded = model.load(folder)
    except ModelError as exc:
        return Check("passage-model", FAIL, str(exc), "reviewer train passages")
    return _card("passage-model", f"model paragraf / passage model {folder}", loaded.meta.get("created", ""),
                 folder / "README.md")


def _card(name: str, what: str, created: str, card: Path) -> Check:
    """The artifact is sound; its card must describe this artifact (the card names its creation time)."""
    text = card.read_text(encoding="utf-8") if card.is_file() else ""
    if created and created in text:
        return Check(name, OK, f"{what}, dibuat / built {created}, sesuai kartu / matches its card {card.name}")
    return Check(name, WARN, f"{what}: kartu model {card} tidak menyebut artefak ini ({created}) / the model card "
                             f"does not describe this artifact", "latih ulang agar kartunya ditulis ulang / retrain "
                                                                 "so that the card is rewritten")


# --- database, instance, worker --------------------------------------------------------------------------

def head_revision() -> str:
    from reviewer.store import records

    return records.head_revision()


def database(target: Target) -> list[Check]:
    """Reachable, migrated to the newest revision, and (server) the scan worker taking jobs."""
    from sqlalchemy import text
    from sqlalchemy.exc import SQLAlchemyError

    from reviewer.store import records

    shown = _hide_password(target.database_url)
    missing = _missing_sqlite_file(target.database_url)
    if missing:
        return [Check("database", FAIL, f"basis data belum dibuat / database not created yet: {missing}",
                      f"reviewer db upgrade --instance {missing.parent}")]
    try:
        engine = records.make_engine(target.database_url)
        with engine.connect() as conn:
            conn.execute(text("select 1"))
        current = records.current_revision(engine)
    except (SQLAlchemyError, ImportError, ValueError) as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0][:200]
        return [Check("database", FAIL, f"basis data tidak dapat dihubungi / database unreachable: {shown} "
                                        f"({reason})", "periksa / check DATABASE_URL; PostgreSQL: "
                                                       "sudo systemctl status postgresql")]
    checks = [_migrated(shown, current, head_revision())]
    if target.server and current is not None:
        checks.append(worker(engine))
    engine.dispose()
    return checks


def _missing_sqlite_file(url: str) -> Path | None:
    """The SQLite file a URL names when it does not exist (connecting would create it empty)."""
    if not url.startswith("sqlite:///") or ":memory:" in url:
        return None
    path = Path(url[len("sqlite:///"):].split("?")[0])
    return None if path.is_file() else path


def _migrated(shown: str, current: str | None, head: str) -> Check:
    if current == head:
        return Check("database", OK, f"basis data / database {shown}, skema / schema {current}")
    state = "kosong / empty" if current is None else f"revisi / revision {current}, terbaru / newest {head}"
    return Check("database", FAIL, f"skema basis data belum diperbarui / database schema not migrated: {shown} "
                                   f"({state})", "reviewer db upgrade")


def worker(engine, now=None) -> Check:
    """Queued scans older than STUCK while nothing runs mean that no worker is taking jobs."""
    from sqlalchemy import func, select

    from reviewer.store.records import Job, utcnow

    now = now or utcnow()
    with engine.connect() as conn:
        running = conn.scalar(select(func.count()).select_from(Job).where(Job.status == "running"))
        waiting = conn.scalar(select(func.count()).select_from(Job)
                              .where(Job.status == "queued", Job.created_at < now - STUCK))
    if waiting and not running:
        return Check("worker", FAIL, f"{waiting} pindaian menunggu lebih dari 5 menit, tidak ada yang berjalan: "
                                     f"pemindai tidak aktif / {waiting} scans queued for over 5 minutes and none "
                                     f"running: the scan worker is not running",
                     "sudo systemctl start ppid-reviewer-worker (lihat / see docs/pemasangan-server.md)")
    return Check("worker", OK, f"antrean pindai / scan queue: {running} berjalan / running, "
                               f"{waiting} menunggu lama / long-waiting")


def instance_folder(folder: Path) -> Check:
    folder = Path(folder)
    probe_dir = folder if folder.is_dir() else _existing_parent(folder)
    try:
        probe = probe_dir / f".doctor-{os.getpid()}"
        probe.write_bytes(b"x")
        probe.unlink()
    except OSError as exc:
        return Check("instance", FAIL, f"folder instance tidak dapat ditulis / instance folder not writable: "
                                       f"{folder} ({exc.strerror or exc})",
                     f"sudo chown -R ppid-reviewer: {folder} (pengguna layanan / the service user)")
    free = shutil.disk_usage(probe_dir).free
    shown = f"{free / 2**30:.1f} GiB"
    if free < FREE_FAIL:
        return Check("instance", FAIL, f"ruang disk hampir habis di / disk almost full at {folder}: {shown} bebas / "
                                       f"free", "kosongkan disk atau pindahkan REVIEWER_INSTANCE / free disk space")
    if free < FREE_WARN:
        return Check("instance", WARN, f"ruang disk tinggal / disk space left at {folder}: {shown}",
                     "siapkan ruang untuk berkas asli dan cadangan / plan space for originals and backups")
    return Check("instance", OK, f"folder instance / instance folder {folder} dapat ditulis / writable, {shown} "
                                 f"bebas / free")


def _existing_parent(path: Path) -> Path:
    path = path.resolve()
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


# --- server settings -------------------------------------------------------------------------------------

def timezone(target: Target) -> Check:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    name = target.getenv("REVIEWER_TIMEZONE", "Asia/Jakarta")
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return Check("timezone", FAIL, f"zona waktu tidak dikenal / unknown time zone REVIEWER_TIMEZONE={name!r}",
                     "mis. / e.g. Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT); "
                     "sudo apt-get install tzdata")
    return Check("timezone", OK, f"zona waktu / time zone {name}")


def secret_key(target: Target) -> Check:
    key, where = target.getenv("REVIEWER_SECRET_KEY"), "REVIEWER_SECRET_KEY"
    path = Path(target.instance) / "secret_key"
    if not key and path.is_file():
        key, where = path.read_text(encoding="utf-8", errors="replace").strip(), str(path)
    fix = "REVIEWER_SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_hex(32))') di / in " \
          "/etc/ppid-reviewer/env"
    if not key:
        return Check("secret-key", WARN, "kunci rahasia belum ada; dibuat saat server pertama kali berjalan / no "
                                         "secret key yet; generated into the instance folder on first start", fix)
    if _demo_key(key, target.instance) or len(key) < 32 or any(w in key.lower() for w in WEAK_SECRETS):
        return Check("secret-key", FAIL, f"kunci rahasia lemah atau milik demo ({where}) / secret key weak or the "
                                         f"demo one", fix)
    return Check("secret-key", OK, f"kunci rahasia / secret key dari / from {where}")


def _demo_key(key: str, instance: Path) -> bool:
    instance = Path(instance).resolve()
    demo = (ROOT / "instance" / "demo").resolve()
    demo_file = demo / "secret_key"
    return instance == demo or (demo_file.is_file() and demo_file.read_text(errors="replace").strip() == key)


def cookies(target: Target) -> Check:
    secure = target.getenv("REVIEWER_SECURE_COOKIES", "1") != "0"
    url = target.getenv("REVIEWER_UI_URL")
    plain = url.startswith("http://") and not re.match(r"http://(127\.0\.0\.1|localhost)([:/]|$)", url)
    if secure and plain:
        return Check("cookies", FAIL, f"cookie hanya-HTTPS tetapi alamat UI {url} memakai http: login tidak "
                                      f"akan berhasil / Secure-only cookies but the UI address is plain http: "
                                      f"login will fail", "pasang HTTPS (Caddy/nginx, docs/pemasangan-server.md) "
                                                          "atau / or REVIEWER_SECURE_COOKIES=0 untuk uji / for staging")
    if not secure:
        return Check("cookies", WARN, "REVIEWER_SECURE_COOKIES=0: login lewat http biasa, kata sandi terbaca di "
                                      "jaringan / login over plain http, passwords readable on the network",
                     "hanya untuk uji coba; pasang HTTPS lalu hapus variabel ini / staging only; add HTTPS")
    return Check("cookies", OK, "cookie hanya lewat HTTPS / cookies Secure-only (HTTPS)")


def database_kind(target: Target) -> Check:
    if target.database_url.startswith("sqlite"):
        return Check("database-kind", WARN, "SQLite: cukup untuk beberapa pengguna; untuk kantor pakai PostgreSQL / "
                                            "fine for a few users; use PostgreSQL for an office",
                     "DATABASE_URL=postgresql://... (docs/pemasangan-server.md)")
    return Check("database-kind", OK, "PostgreSQL")


def _hide_password(url: str) -> str:
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)

