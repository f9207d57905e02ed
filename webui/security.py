"""Response headers that keep the browser from being turned against the reviewer.

Scripts only from our own static files (no inline script anywhere), no framing (clickjacking on the
approve button), no MIME sniffing of downloads and page images, no referrer leaking document URLs.
Inline style attributes stay allowed: the boxes on a page image are positioned with them. Nothing but
the static files may be cached (`private, no-store`): page images and exports stay readable in a
shared office PC's browser cache after logout otherwise.
"""

from __future__ import annotations

CSP = "; ".join((
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
))
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


def init_app(app) -> None:
    app.after_request(add_headers)


def add_headers(response):
    from flask import request

    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if request.endpoint != "static":  # everything else holds documents' contents: never kept anywhere, not
        response.headers["Cache-Control"] = "private, no-store"  # even in the browser of a shared office PC
    return response
