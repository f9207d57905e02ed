from click.testing import CliRunner

from reviewer.cli import cli


def run(*args, stdin=None):
    return CliRunner().invoke(cli, list(args), input=stdin)


def test_user_add_passwd_disable(tmp_path, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    inst = str(tmp_path / "inst")
    fresh = run("user", "add", "ani", "--role", "officer", "--instance", inst, stdin="rahasia-ani\n")
    assert fresh.exit_code == 1 and "reviewer db upgrade" in fresh.output  # migrating is an explicit step
    assert run("db", "upgrade", "--instance", inst).exit_code == 0
    assert run("user", "add", "ani", "--role", "officer", "--instance", inst, stdin="rahasia-ani\n").exit_code == 0
    again = run("user", "add", "ani", "--role", "officer", "--instance", inst, stdin="rahasia-ani\n")
    assert again.exit_code == 1 and "sudah ada" in again.output
    assert run("user", "passwd", "ani", "--instance", inst, stdin="sandi-baru-123\n").exit_code == 0
    assert run("user", "disable", "ani", "--instance", inst).exit_code == 0
    listing = run("user", "list", "--instance", inst)
    assert "ani" in listing.output and "nonaktif" in listing.output

    from reviewer.review import accounts
    from reviewer.store import records as store

    engine = store.make_engine(store.database_url(inst))
    with store.session_factory(engine)() as session:
        user = accounts.get(session, "ani")
        assert not user.active
        user.active = True
        assert accounts.authenticate(session, "ani", "sandi-baru-123") is user
        assert [e.action for e in store.events(session)][:3] == ["user_disabled", "password_changed", "user_added"]


def test_user_errors_are_clean(tmp_path, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    inst = str(tmp_path / "inst")
    assert run("db", "upgrade", "--instance", inst).exit_code == 0
    short = run("user", "add", "bo", "--role", "officer", "--instance", inst, stdin="x\n")
    assert short.exit_code == 1 and "minimal" in short.output and "Traceback" not in short.output
    assert run("user", "passwd", "nobody", "--instance", inst, stdin="whatever123\n").exit_code == 1
    assert run("user", "add", "bo", "--role", "boss", "--instance", inst, stdin="whatever123\n").exit_code == 2
