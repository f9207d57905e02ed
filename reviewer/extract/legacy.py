"""Legacy binary Office files (DOC, XLS, PPT) through LibreOffice headless.

The file is copied into a private temporary folder under a plain name and converted there by
`soffice --headless --convert-to`, with a throw-away user profile (`-env:UserInstallation`, so
a running LibreOffice, its macros and its settings are never touched), in its own process group
and with a timeout (`REVIEWER_OFFICE_TIMEOUT` seconds, default 120): a file that makes
LibreOffice hang costs that long and no more. The converted copy lives only as long as the scan
or the redaction that needs it; it is handled as that format, and the redacted copy is written
in it. Redaction converts again and refuses to go on if the text is not the one scanned.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from contextlib import contextmanager

from reviewer.core.errors import CorruptFile, UnsupportedFormat

MODERN = {"doc": "docx", "xls": "xlsx", "ppt": "pptx"}
DEFAULT_TIMEOUT = 120
MISSING = ("format Office lama (.doc/.xls/.ppt) perlu LibreOffice untuk dibaca; pasang LibreOffice "
           "(scripts/system-deps.sh) atau simpan sebagai .docx/.xlsx/.pptx / legacy Office file needs LibreOffice: "
           "install it or save as .docx/.xlsx/.pptx")


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def timeout() -> float:
    try:
        return max(float(os.environ.get("REVIEWER_OFFICE_TIMEOUT", DEFAULT_TIMEOUT)), 1.0)
    except ValueError:
        return DEFAULT_TIMEOUT


@contextmanager
def converted(path: str, legacy: str):
    """The DOCX/XLSX/PPTX copy of a legacy file, in a private temporary folder removed afterwards
    (no copy of the document outlives the scan or the redaction that needed it)."""
    program = soffice()
    if program is None:
        raise UnsupportedFormat(MISSING)
    modern = MODERN[legacy]
    with tempfile.TemporaryDirectory(prefix="reviewer-office-") as work:
        source = os.path.join(work, f"input.{legacy}")
        shutil.copyfile(path, source)
        command = [program, f"-env:UserInstallation=file://{os.path.join(work, 'profile')}", "--headless",
                   "--norestore", "--nolockcheck", "--nodefault", "--convert-to", modern, "--outdir",
                   os.path.join(work, "out"), source]
        _run(command, work)
        produced = os.path.join(work, "out", f"input.{modern}")
        if not os.path.exists(produced) or not os.path.getsize(produced):
            raise CorruptFile(f"LibreOffice gagal mengubah berkas .{legacy} (rusak atau terenkripsi?) / "
                              f"LibreOffice could not convert the .{legacy} file")
        yield produced


def _run(command: list[str], work: str) -> None:
    limit = timeout()
    env = {**os.environ, "HOME": work, "TMPDIR": work, "TMP": work, "TEMP": work}
    with subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=work, env=env,
                          start_new_session=True) as proc:
        try:
            proc.wait(limit)
        except subprocess.TimeoutExpired:
            _kill(proc)
            raise CorruptFile(f"LibreOffice tidak selesai mengubah berkas dalam {limit:g} detik; berkas dilewati / "
                              f"LibreOffice did not finish converting within {limit:g} s") from None


def _kill(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, AttributeError):
        proc.kill()
    proc.wait()
