"""The web app: server-rendered pages, a JSON API under /api/v1 and Atom feeds.

`create_app(settings, store)` builds the Flask app; tracker.web.serve runs it under
waitress (`tracker web`). Pages reuse the report templates of tracker.reports (the story report and
the change-report macros), so there is one HTML report, not two. Nothing below the CLI
imports this package.
"""

from tracker.web.app import create_app

__all__ = ["create_app"]
