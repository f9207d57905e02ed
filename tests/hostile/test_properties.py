"""Property-based tests (hypothesis) for validators, the offset→box map, and a bounded fuzz
run over the extractors: any bytes give a Document or a ReviewerError, never anything else."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewer.core.errors import ReviewerError
from reviewer.core.model import Box, TextMap, Word
from reviewer.detect import validators as v

REGIONS = sorted(v.region_codes())
# Generation speed is not what these tests are about: on a loaded CI machine hypothesis's too_slow health
# check (and the per-example deadline) fail them for reasons unrelated to the code under test.
PATIENT = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
FUZZ = settings(PATIENT, max_examples=60)


@st.composite
def niks(draw):
    region = draw(st.sampled_from(REGIONS))
    born = draw(st.dates(min_value=dt.date(1930, 1, 1), max_value=dt.date(2025, 12, 31)))
    female = draw(st.booleans())
    serial = draw(st.integers(1, 9999))
    day = born.day + (40 if female else 0)
    return f"{region}{day:02d}{born.month:02d}{born.year % 100:02d}{serial:04d}"


@PATIENT
@given(niks())
def test_every_well_formed_nik_validates_in_any_written_shape(nik):
    assert v.nik(nik)[0]
    assert v.nik(" ".join(nik[i:i + 4] for i in range(0, 16, 4)))[0]
    assert v.nik(f"{nik[:6]} {nik[6:12]} {nik[12:]}")[0]


@PATIENT
@given(niks())
def test_serial_zero_never_validates(nik):
    assert not v.nik(nik[:12] + "0000")[0]


@PATIENT
@given(st.text(alphabet="0123456789", min_size=8, max_size=8), st.text(alphabet="0123456789", min_size=6, max_size=6))
def test_npwp_check_digit(first8, rest):
    from stdnum import luhn

    check = luhn.calc_check_digit(first8)
    good = f"{first8[:2]}.{first8[2:5]}.{first8[5:8]}.{check}-{rest[:3]}.{rest[3:]}"
    bad = good[:11] + str((int(check) + 1) % 10) + good[12:]
    assert v.npwp(good)[0] and not v.npwp(bad)[0]


@PATIENT
@given(st.lists(st.text(alphabet="abcdefghij", min_size=1, max_size=8), min_size=1, max_size=40),
       st.integers(1, 6), st.data())
def test_offsets_map_to_boxes_of_exactly_the_words_in_range(words, per_line, data):
    text, out, x, line = "", [], 0.0, 0
    for i, w in enumerate(words):
        if i and i % per_line == 0:
            text += "\n"
            line, x = line + 1, 0.0
        elif i:
            text += " "
        top = 20.0 * line
        out.append(Word(w, len(text), len(text) + len(w), Box(x, top, x + 6 * len(w), top + 10)))
        text += w
        x += 6 * len(w) + 4
    tm = TextMap(out)
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    inside = [w for w in out if w.start < end and start < w.end]
    assert tm.words_in(start, end) == inside
    boxes = tm.boxes(start, end)
    assert len(boxes) == len({w.box.top for w in inside})  # one box per line touched
    for b in boxes:
        assert any(w.box.x0 <= b.x0 + 1e-6 and b.x1 <= max(u.box.x1 for u in inside) + 1e-6 for w in inside)


def _mutate(data: bytes, flips: list[tuple[int, int]]) -> bytes:
    buf = bytearray(data)
    for pos, value in flips:
        buf[pos % len(buf)] = value
    return bytes(buf)


def _extract_bytes(data: bytes, suffix: str):
    from reviewer.extract import extract

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            return extract(path)
        except ReviewerError:
            return None


SEEDS = {}


def seed(kind: str) -> bytes:
    if kind not in SEEDS:
        from tests.hostile.corpus import docx_bytes, pdf_bytes

        SEEDS[kind] = {"pdf": pdf_bytes, "docx": docx_bytes}[kind]()
    return SEEDS[kind]


@FUZZ
@given(st.sampled_from(["pdf", "docx"]), st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)),
                                                  min_size=1, max_size=12))
def test_fuzzed_documents_never_crash_the_extractor(kind, flips):
    _extract_bytes(_mutate(seed(kind), flips), "." + kind)


@FUZZ
@given(st.binary(max_size=4096), st.sampled_from([b"", b"%PDF-1.7\n", b"PK\x03\x04", b"\x89PNG\r\n\x1a\n", b"II*\x00"]))
def test_arbitrary_bytes_never_crash_the_extractor(data, prefix):
    _extract_bytes(prefix + data, ".bin")
