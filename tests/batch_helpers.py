"""Batch test helpers. A scanner: documents whose text asks for trouble misbehave, the rest are scanned.

Loaded by name (`tests.batch_helpers:scan_file`) inside worker processes, as the real scanner is.
"""

import os
import signal
import time
import zipfile
from pathlib import Path

from reviewer.detect.pipeline import scan_file as real_scan_file


def scan_file(path, settings, detectors=None):
    text = open(path, "rb").read(64)
    if b"LAMBAT" in text:  # slow, but in Python code: the worker's own guard stops it
        while True:
            time.sleep(0.01)
    if b"MACET" in text:  # stuck inside one C call: only the parent can stop it
        time.sleep(3600)
    if b"RAKUS" in text:  # grows without end
        hog = []
        while True:
            hog.append(bytearray(8 << 20))
            time.sleep(0.005)
    if b"MATI" in text:  # the worker process dies
        os.kill(os.getpid(), signal.SIGKILL)
    return real_scan_file(path, settings, detectors)


def letter(i: int) -> str:
    return (f"PEMERINTAH KABUPATEN SUKAMAJU\nSurat keterangan nomor {i:04d}/PPID/2025\n"
            f"Nama: Warga Contoh {i}\nNIK 3209121503870004\nTelepon 0812-2345-{i % 10000:04d}\n")


def make_archive(folder: Path, n: int, in_zip: int = 0) -> int:
    """n letters, the last `in_zip` of them inside arsip.zip; returns the number of documents."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n - in_zip):
        sub = folder / f"{2020 + i % 5}"
        sub.mkdir(exist_ok=True)
        (sub / f"surat-{i:04d}.txt").write_text(letter(i))
    if in_zip:
        with zipfile.ZipFile(folder / "arsip.zip", "w", zipfile.ZIP_DEFLATED) as zf:
            for i in range(n - in_zip, n):
                zf.writestr(f"unit/surat-{i:04d}.txt", letter(i))
    return n
