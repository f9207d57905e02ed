"""Every route × every parameter any view reads × hostile values: never a 500 (a clear 4xx instead).

The parameter names are read from the views' source (`request.args.get("x")`, `form.get("x")`,
`form["x"]`…), so a parameter added tomorrow is fuzzed too. Path arguments get huge numbers, negative
numbers and garbage. Logged in as the instance admin (who reaches every route) and as an officer.
A hostile path value is not crossed with every hostile parameter value unless the route accepts the path (a
refused one stops before the parameters matter); that cross product was three quarters of the requests.
"""

import re
from pathlib import Path
from urllib.parse import quote

import pytest
from sqlalchemy import select

from reviewer.review import workflow
from reviewer.store import records as store
from tests.webui_helpers import csrf, login, make_app, upload

VIEWS = Path(__file__).resolve().parent.parent / "webui" / "views"
HOSTILE = ["99999999999999999999999", "-99999", "0", "1e309", "\r\nX-Injected: 1", "/%09/evil.example",
           "' OR 1=1 --", "\x00", "a" * 3000, "", "..%2F..%2Fetc%2Fpasswd", "ﬁ𝕏\u202e", "2024-13-45", "[]"]
PATH_VALUES = ["99999999999999999999999", "0", "x" * 64, "../../etc/passwd", "%00", "ÿ"]


def parameter_names() -> list[str]:
    names: set[str] = set()
    pattern = re.compile(r"""(?:args|form|\bf|files)(?:\.get|\.getlist)?[\(\[]\s*["']([a-z_0-9-]+)["']""")
    for path in VIEWS.glob("*.py"):
        text = path.read_text()
        names |= set(pattern.findall(text))
        for line in text.splitlines():  # {k: request.args.get(k) for k in ("status", "q")}
            if "request.args" in line or "request.form" in line or line.startswith("FILTERS = "):
                names |= set(re.findall(r"""["']([a-z_]+)["']""", line))
    return sorted(names)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("fuzz")
    app = make_app(tmp / "instance", PROPAGATE_EXCEPTIONS=False)
    client = app.test_client()
    login(client, "ani")
    doc = tmp / "surat.txt"
    doc.write_text("Pemohon Sutrisno, NIK 3209120708750001, telepon 0812-2345-6789.\n")
    sha = upload(app, client, doc)
    with app.extensions["reviewer.sessions"]() as s:
        finding = s.scalar(select(store.FindingRecord.id).where(store.FindingRecord.document_sha == sha))
        other = tmp / "b.txt"
        other.write_text("Surat kedua, NIK 3209120708750002.\n")
    sha2 = upload(app, client, other)
    with app.extensions["reviewer.sessions"]() as s:
        from reviewer.review import accounts

        workflow.submit(s, accounts.get(s, "ani"), s.get(store.DocumentRecord, sha2))
        s.commit()
    return app, {"sha": sha, "finding_id": finding, "approved": sha2}


def _urls(app, rule, values: dict) -> list[str]:
    """The rule with good path values, then with each hostile value in each path argument."""
    from flask import url_for

    good = {}
    for name in rule.arguments:
        converter = rule._converters.get(name)
        choices = sorted(getattr(converter, "items", ()) or ())
        good[name] = choices[0] if choices else values.get(name, 1 if "Integer" in type(converter).__name__ else "x")
    with app.test_request_context():
        base = url_for(rule.endpoint, **good)
    urls = [base]
    for name in rule.arguments:
        if getattr(rule._converters.get(name), "items", None):
            continue
        for bad in PATH_VALUES:
            if "Integer" in type(rule._converters.get(name)).__name__ and not bad.isdigit():
                continue
            urls.append(base.replace(quote(str(good[name]), safe=""), quote(bad, safe=""), 1))
    return urls


def _requests(app, values: dict):
    """(method, URL, hostile value, whether the URL has a hostile path value) to send. The rule's URL with good
    path values gets every hostile value in every parameter; a URL with a hostile path value gets one of them (in
    turn, so that every value meets bad paths), and the others too when the route accepts that path after all."""
    for index, rule in enumerate(sorted(app.url_map.iter_rules(), key=lambda r: r.rule)):
        if rule.endpoint in ("auth.logout", "static"):
            continue
        methods = sorted(rule.methods - {"HEAD", "OPTIONS"})
        base, *bad_paths = _urls(app, rule, values)
        for value in HOSTILE:
            for method in methods:
                yield method, base, value, False
        for turn, url in enumerate(bad_paths, start=index):
            for method in methods:
                yield method, url, HOSTILE[turn % len(HOSTILE)], True


def _send(client, token, names, method, url, value):
    params = dict.fromkeys(names, value)
    if method == "GET":
        return client.get(url, query_string=params)
    return client.post(url, data={**params, "csrf_token": token}, query_string={"next": value})


@pytest.mark.slow
@pytest.mark.parametrize("who", ["root", "ani"])
def test_no_route_answers_500_whatever_the_parameters(world, who):
    app, values = world
    client = app.test_client()
    login(client, who)
    token = csrf(client, "/")
    names = parameter_names()
    assert {"page", "q", "status", "next", "verdict", "basis", "year"} <= set(names), names
    failures = []
    for method, url, value, bad_path in _requests(app, values):
        status = _send(client, token, names, method, url, value).status_code
        others = [v for v in HOSTILE if v != value] if bad_path and status < 300 else []
        statuses = [(value, status)] + [(v, _send(client, token, names, method, url, v).status_code) for v in others]
        failures += [(method, url[:90], repr(v[:30]), code) for v, code in statuses if code >= 500]
    assert failures == [], "\n".join(map(str, sorted({(m, u, v) for m, u, v, _ in failures})))
