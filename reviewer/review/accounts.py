"""User accounts: add, change password, disable, authenticate, API tokens. Passwords are hashed
(scrypt, through Werkzeug); API tokens are stored only as their SHA-256."""

from __future__ import annotations

import hashlib
import re
import secrets
from functools import cache
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer.core.errors import ReviewerError
from reviewer.store.records import ROLES, User, log_event

ROLE_NAMES = {"officer": "petugas", "reviewer": "penyetuju", "admin": "admin"}
MIN_PASSWORD = 8
# Werkzeug's scrypt cost (N=2**15, r=8, p=1). The test suite lowers N for its throw-away accounts, as
# Django's guide advises for its hashers; nothing else should change it.
PASSWORD_METHOD = "scrypt:32768:8:1"


class AccountError(ReviewerError):
    """A user name, role or password that cannot be used."""


def get(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == username))


def add_user(session: Session, username: str, password: str, role: str, full_name: str = "",
             by: User | None = None) -> User:
    username = username.strip()
    if not username or len(username) > 80 or any(c.isspace() for c in username):
        raise AccountError("nama pengguna tidak sah / invalid user name")
    if role not in ROLES:
        raise AccountError(f"peran harus salah satu dari {', '.join(ROLES)} / role must be one of {ROLES}")
    if get(session, username) is not None:
        raise AccountError(f"pengguna '{username}' sudah ada / user already exists")
    user = User(username=username, full_name=full_name.strip(), role=role, active=True,
                password_hash=_hash(password, username))
    session.add(user)
    session.flush()
    log_event(session, by, "user_added", target=f"user:{username}", after={"role": role})
    return user


def set_password(session: Session, user: User, password: str, by: User | None = None) -> None:
    user.password_hash = _hash(password, user.username)
    log_event(session, by, "password_changed", target=f"user:{user.username}")


def set_active(session: Session, user: User, active: bool, by: User | None = None) -> None:
    before = user.active
    user.active = active
    if not active:
        user.api_token_hash = None
    log_event(session, by, "user_enabled" if active else "user_disabled", target=f"user:{user.username}",
              before={"active": before}, after={"active": active})


def set_role(session: Session, user: User, role: str, by: User | None = None) -> None:
    if role not in ROLES:
        raise AccountError(f"peran tidak dikenal / unknown role: {role}")
    before, user.role = user.role, role
    log_event(session, by, "role_changed", target=f"user:{user.username}", before={"role": before},
              after={"role": role})


def authenticate(session: Session, username: str, password: str) -> User | None:
    from werkzeug.security import check_password_hash

    user = get(session, username.strip())
    if user is None or not user.active:
        check_password_hash(f"{PASSWORD_METHOD}$dummysaltdummys${'0' * 128}", password)  # same time either way
        return None
    return user if check_password_hash(user.password_hash, password) else None


def token_digest(token: str) -> str:
    """What is stored of a secret token (API token, login session): its SHA-256, never the token."""
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(session: Session, user: User, by: User | None = None) -> str:
    """A new API token for the user (replacing the old one). Shown once; only its hash is kept."""
    token = secrets.token_urlsafe(32)
    user.api_token_hash = token_digest(token)
    log_event(session, by, "api_token_issued", target=f"user:{user.username}")
    return token


def by_token(session: Session, token: str) -> User | None:
    if not token:
        return None
    user = session.scalar(select(User).where(User.api_token_hash == token_digest(token)))
    return user if user is not None and user.active else None


def _hash(password: str, username: str = "") -> str:
    from werkzeug.security import generate_password_hash

    reason = weak_password(password, username)
    if reason:
        raise AccountError(reason)
    return generate_password_hash(password, method=PASSWORD_METHOD)


COMMON_PASSWORDS = Path(__file__).resolve().parent.parent / "data" / "common-passwords.txt"


@cache
def common_passwords() -> frozenset[str]:
    lines = COMMON_PASSWORDS.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().casefold() for w in lines if w.strip() and not w.startswith("#"))


def weak_password(password: str, username: str = "") -> str | None:
    """Why a password may not be used, or None: too short, a common password (`data/common-passwords.txt`,
    also with digits or punctuation added at the end), the user name itself, or one or two characters repeated."""
    if len(password) < MIN_PASSWORD:
        return (f"kata sandi minimal {MIN_PASSWORD} karakter / password needs at least {MIN_PASSWORD} "
                "characters")
    folded = password.casefold()
    stem = re.sub(r"[\d\W_]+$", "", folded)
    if folded in common_passwords() or stem in common_passwords() or len(set(folded)) <= 2:
        return "kata sandi terlalu umum; pilih yang lain / password is too common; choose another"
    if username and folded == username.casefold():
        return "kata sandi tidak boleh sama dengan nama pengguna / password must not be the user name"
    return None

