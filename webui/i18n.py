"""Indonesian by default, English available (Flask-Babel). Message ids are the Indonesian texts;
the English catalog is compiled from its .po into the instance folder when it changes."""

from __future__ import annotations

import os
from pathlib import Path

from flask import Blueprint, current_app, redirect, request
from flask_babel import Babel

LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}
HERE = Path(__file__).parent / "translations"

bp = Blueprint("i18n", __name__)


def init_app(app) -> None:
    out = Path(app.instance_path) / "translations"
    compile_catalogs(HERE, out)
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(out)
    app.config["BABEL_DEFAULT_LOCALE"] = "id"
    Babel(app, locale_selector=select_locale, timezone_selector=lambda: app.config["TIMEZONE"])
    app.register_blueprint(bp)
    app.add_template_filter(one_language)
    app.context_processor(lambda: {"LANGUAGES": LANGUAGES, "current_language": select_locale()})


def one_language(text) -> str:
    """The user's half of a message from `reviewer`: the library writes its messages for the CLI as
    "Indonesian / English" (one sentence each side); the UI shows one language only."""
    indonesian, sep, english = str(text).partition(" / ")
    return english if sep and select_locale() == "en" else indonesian


def select_locale() -> str:
    lang = request.cookies.get("lang", "")
    return lang if lang in LANGUAGES else "id"


@bp.route("/lang/<code>", methods=["POST"])
def set_language(code: str):
    target = request.referrer if request.referrer and request.referrer.startswith(request.host_url) else "/"
    response = redirect(target)
    if code in LANGUAGES:
        response.set_cookie("lang", code, max_age=365 * 24 * 3600, samesite="Lax",
                            secure=current_app.config["SESSION_COOKIE_SECURE"], httponly=True)
    return response


def compile_catalogs(src: Path, out: Path) -> None:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for po in src.glob("*/LC_MESSAGES/messages.po"):
        mo = out / po.relative_to(src).with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        mo.parent.mkdir(parents=True, exist_ok=True)
        with po.open("rb") as fh:
            catalog = read_po(fh)
        tmp = mo.with_suffix(f".{os.getpid()}.part")  # the web UI and a worker may start side by side
        with tmp.open("wb") as fh:
            write_mo(fh, catalog)
        tmp.replace(mo)
