"""A scanner for batch tests: documents whose names ask for trouble misbehave, the rest are scanned.

Loaded by name (`tests.batch_helpers:scan_file`) inside worker processes, as the real scanner is.
"""

import os
import signal
import time

from reviewer.pipeline import scan_file as real_scan_file


def scan_file(path, settings, detectors=None):
    name = os.path.basename(path)
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
    del name
    return real_scan_file(path, settings, detectors)
