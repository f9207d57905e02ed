import json

from click.testing import CliRunner

from reviewer.cli import cli


def run(*args):
    return CliRunner().invoke(cli, list(args))


def test_scan_jsonl_contract(samples):
    result = run("scan", "--format", "jsonl", "--no-ner", "--no-passages", str(samples / "formulir-permohonan.docx"))
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows
    keys = {"file", "page", "start", "end", "text", "label", "basis", "score", "action", "source", "reasons"}
    additions = {"reasons_structured", "entity", "boxes"}  # added since; the contract only ever grows
    for row in rows:
        assert keys <= set(row) and set(row) - keys <= additions
        assert len(row["reasons_structured"]) == len(row["reasons"])
        assert row["action"] in ("redact", "review", "keep")
        assert 0 <= row["score"] <= 1
    assert any(r["label"] == "EMAIL" and r["text"] == "rudi.hartono87@gmail.com" for r in rows)


def test_scan_reports_unreadable_file_and_goes_on(tmp_path, samples):
    bad = tmp_path / "rusak.pdf"
    bad.write_bytes(b"%PDF-1.7\n garbage")
    good = samples / "laporan-kejadian.txt"
    result = run("scan", "--format", "jsonl", "--no-ner", "--no-passages", str(bad), str(good))
    assert result.exit_code == 1
    rows = [json.loads(line) for line in result.output.splitlines()]
    errors = [r for r in rows if "error" in r]
    assert errors == [{"file": str(bad), "error": errors[0]["error"]}]
    assert "rusak" in errors[0]["error"].lower() or "corrupt" in errors[0]["error"].lower()


def test_usage_error_exit_code():
    assert run("scan").exit_code == 2
    assert run("scan", "--format", "xml", "x").exit_code == 2


def test_serving_on_a_busy_port_is_a_clear_error():
    import socket

    from webui.cli import _serve

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        import click
        import pytest

        with pytest.raises(click.ClickException, match="port"):
            _serve(object(), "127.0.0.1", port, 1)
