"""What every view reads: the app's settings, store and templates, and `render`.

Apart from tracker.web.app so that the views can import it while the app imports them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import current_app

from storage import Store
from tracker.config import Settings


@dataclass(frozen=True)
class WebContext:
    settings: Settings
    store: Store
    templates: Any  # the overlay jinja2 Environment


def context() -> WebContext:
    found: WebContext = current_app.extensions["tracker"]
    return found


def render(name: str, **values: Any) -> str:
    from flask import session, url_for

    from tracker.web.auth import csrf_token, signed_in

    template = context().templates.get_template(name)
    reading = bool(session.get("reader"))
    return str(
        template.render(url_for=url_for, signed_in=signed_in(), reading=reading, csrf_token=csrf_token, **values)
    )


def templates() -> Any:
    """The reports' Jinja2 environment with the web's templates in front of its own."""
    from jinja2 import ChoiceLoader, PackageLoader

    from tracker.reports.html import environment

    base = environment()
    return base.overlay(loader=ChoiceLoader([PackageLoader("tracker.web", "templates"), base.loader]))
