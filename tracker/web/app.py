"""The app factory: one Flask app over one Store, with the pages, the API and the feeds.

The templates are rendered by an overlay of the reports' Jinja2 environment: the same
autoescaping, the same globals (`view`, `css`), and the report templates themselves
(`story.html.j2`, `change.html.j2`) behind the web's own, so a page extends or imports
the report instead of copying it.
"""

from __future__ import annotations

from flask import Flask, request
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response

from storage import Store
from storage.errors import NotFound
from tracker.config import Settings
from tracker.web.context import WebContext, render, templates
from tracker.web.errors import MAX_ID, WebError


def _error(status: int, message: str) -> Response:
    if request.path.startswith("/api/"):
        from flask import jsonify

        response = jsonify({"error": {"status": status, "message": message}})
        response.status_code = status
        return response
    html = render("web_error.html.j2", status=status, message=message)
    return Response(html, status=status, mimetype="text/html")


def create_app(settings: Settings, store: Store) -> Flask:
    from tracker.web import api, auth, feeds, pages

    app = Flask("tracker.web")
    app.config.update(
        SECRET_KEY=auth.session_key(settings),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        # behind a TLS proxy (public_url https://...) the cookie never travels in clear
        SESSION_COOKIE_SECURE=settings.public_url.startswith("https://"),
        JSON_SORT_KEYS=False,
        MAX_CONTENT_LENGTH=1024 * 1024,
    )
    app.json.sort_keys = False  # type: ignore[attr-defined]
    app.extensions["tracker"] = WebContext(settings, store, templates())
    app.register_blueprint(pages.blueprint)
    app.register_blueprint(api.blueprint)
    app.register_blueprint(feeds.blueprint)

    @app.before_request
    def ids_in_range() -> None:
        # a number in a path bigger than any id a column holds is no such page (404), not an
        # integer overflow in the database driver (500)
        for value in (request.view_args or {}).values():
            if isinstance(value, int) and value > MAX_ID:
                raise WebError(404, f"{value} is larger than any id")

    @app.errorhandler(WebError)
    def web_error(exc: WebError) -> Response:
        return _error(exc.status, exc.message)

    @app.errorhandler(NotFound)
    def not_found(exc: NotFound) -> Response:
        return _error(404, str(exc))

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Response:
        response = _error(exc.code or 500, exc.description or exc.name)
        # what the exception says besides its body, e.g. `Allow` on a 405 (RFC 9110)
        for name, value in exc.get_headers():
            if name.lower() not in {"content-type", "content-length"}:
                response.headers[name] = value
        return response

    @app.after_request
    def headers(response: Response) -> Response:
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response

    return app
