"""A scanner whose worker process dies the first time it meets a document asking for it.

Loaded by name (`tests.hostile.fault_scanner:scan_file`) in batch worker processes. A document whose
first bytes are `MATI-SEKALI <path>` kills its worker unless `<path>` exists, and creates it first, so
the retry of the same document on another (or restarted) worker succeeds.
"""

import os
import signal

from reviewer.detect.pipeline import scan_file as real_scan_file


def scan_file(path, settings, detectors=None):
    head = open(path, "rb").read(512)
    if head.startswith(b"MATI-SEKALI "):
        marker = head.split(b"\n", 1)[0][len(b"MATI-SEKALI "):].decode()
        if not os.path.exists(marker):
            open(marker, "w").close()
            os.kill(os.getpid(), signal.SIGKILL)
    return real_scan_file(path, settings, detectors)
