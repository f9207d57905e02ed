import pytest

from reviewer.batch.executors import LocalRunner
from reviewer.batch.worker import Task, WorkerConfig
from reviewer.core.settings import Settings
from reviewer.detect.pipeline import scan_file
from reviewer.extract.archive import sha256_path

SETTINGS = Settings(use_ner=False, use_passages=False, use_ocr=False)
HELPER = "tests.batch_helpers:scan_file"


def _tasks(paths):
    return [Task(i, str(p), sha256_path(str(p)), str(p), suffix=p.suffix) for i, p in enumerate(paths)]


def _by_name(results):
    return {r.name: r for r in results}


def test_local_runner_gives_the_same_findings_as_scanning_directly(samples):
    paths = sorted(samples.iterdir())
    results = _by_name(LocalRunner(WorkerConfig(SETTINGS), workers=2).run(_tasks(paths)))
    assert set(results) == {str(p) for p in paths}
    for path in paths:
        expected = scan_file(str(path), SETTINGS)
        got = results[str(path)]
        assert got.status == "ok"
        assert got.scan.findings == expected.findings
        assert got.scan.document.sha256 == expected.document.sha256


@pytest.fixture
def troublemakers(tmp_path, samples):
    files = {}
    for word in ("LAMBAT", "MACET", "RAKUS", "MATI"):
        files[word] = tmp_path / f"{word.lower()}.txt"
        files[word].write_text(f"{word} dokumen bermasalah")
    files["rusak"] = tmp_path / "rusak.pdf"
    files["rusak"].write_bytes(b"%PDF-1.7\n sampah")
    files["baik"] = samples / "formulir-permohonan.docx"
    return files


@pytest.mark.slow
def test_one_bad_document_never_stops_the_run(troublemakers):
    config = WorkerConfig(SETTINGS, timeout=6.0, max_memory_mb=400, scanner=HELPER)
    runner = LocalRunner(config, workers=2, grace=2.0)
    results = _by_name(runner.run(_tasks(list(troublemakers.values()))))
    kind = {word: results[str(path)].error_kind for word, path in troublemakers.items()}
    assert kind == {"LAMBAT": "timeout", "MACET": "timeout", "RAKUS": "memory", "MATI": "crash",
                    "rusak": "corrupt", "baik": None}
    assert results[str(troublemakers["baik"])].status == "ok"
    assert "batas waktu" in results[str(troublemakers["MACET"])].error
    assert all(r.status == "failed" for n, r in results.items() if n != str(troublemakers["baik"]))
