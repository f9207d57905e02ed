"""`reviewer unit`, `reviewer dik` and `reviewer figures` from the command line."""

from click.testing import CliRunner

from reviewer.cli import cli


def run(*args, stdin=None):
    return CliRunner().invoke(cli, list(args), input=stdin)


def test_units_dik_and_figures_from_the_command_line(tmp_path, monkeypatch, data_dir):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    inst = ["--instance", str(tmp_path / "inst")]
    assert run("db", "upgrade", *inst).exit_code == 0
    assert run("unit", "add", "kota", "Pemerintah Kota Contoh", "--kind", "pemkot", "--ppid", "utama", *inst) \
        .exit_code == 0
    assert run("unit", "add", "dinkes", "Dinas Kesehatan", "--parent", "kota", *inst).exit_code == 0
    assert run("user", "add", "sehat", "--role", "officer", *inst, stdin="sandi-sehat-1\n").exit_code == 0
    assert run("unit", "member", "sehat", "dinkes", "--role", "reviewer", *inst).exit_code == 0
    assert run("unit", "term", "kota", "official", "Wali Kota Budi", *inst).exit_code == 0
    assert run("unit", "label", "dinkes", "17h2", "KES", *inst).exit_code == 0
    listing = run("unit", "list", *inst).output
    assert "kota" in listing and "  dinkes" in listing and "sehat (reviewer)" in listing
    settings = run("unit", "settings", "dinkes", *inst).output
    assert "Wali Kota Budi  ← kota" in settings and "17h2=KES  ← dinkes" in settings

    imported = run("dik", "import", "dinkes", str(data_dir / "dik" / "layout-a-dinkes.csv"), *inst)
    assert imported.exit_code == 0 and "4 baris DIK diimpor" in imported.output
    assert "PERINGATAN" in imported.output  # the whole-document procurement row
    assert "440/125/DINKES/2024" in run("dik", "list", "dinkes", *inst).output
    out = tmp_path / "dik.xlsx"
    assert run("dik", "export", "dinkes", str(out), *inst).exit_code == 0 and out.stat().st_size > 0
    check = run("dik", "check", str(data_dir / "dik" / "layout-c-rsj.xlsx"), *inst)
    assert check.exit_code == 1 and "HPS" in check.output
    due = run("dik", "due", "--date", "2030-01-01", *inst)
    assert due.exit_code == 0
    figures = tmp_path / "angka.json"
    assert run("figures", "2025", "-o", str(figures), *inst).exit_code == 0
    assert '"name": "Dinas Kesehatan"' in figures.read_text()


def test_cli_errors_are_clean(tmp_path, monkeypatch, data_dir):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    inst = ["--instance", str(tmp_path / "inst")]
    assert run("db", "upgrade", *inst).exit_code == 0
    for args in (("unit", "add", "dinkes", "Dinas", "--parent", "hilang"),
                 ("unit", "member", "nobody", "dinkes", "--role", "officer"),
                 ("dik", "import", "dinkes", str(data_dir / "dik" / "not-a-dik.csv")),
                 ("dik", "list", "hilang"),
                 ("dik", "import", "dinkes", str(data_dir / "dik" / "layout-a-dinkes.csv"), "--decree-date", "besok")):
        result = run(*args, *inst)
        assert result.exit_code in (1, 2) and "Traceback" not in result.output, args
