"""The pages: the story list, a story (the story report with navigation), a version's
change report (against the one before, or any two), its raw page, and the forms that
write (sign in first; see tracker.web.auth).

Every page works without JavaScript; forms post and redirect back (post/redirect/get).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

from flask import Blueprint, redirect, request, session, url_for
from werkzeug.wrappers import Response

from tracker.config import Settings
from tracker.web import actions
from tracker.web.auth import check_csrf, require_form_writer, require_reader, sign_in, signed_in
from tracker.web.context import context, render
from tracker.web.data import change_between, info_of, int_arg, stored_versions, story_or_404, time_arg
from tracker.web.errors import bad_request

blueprint = Blueprint("pages", __name__)
PAGE = 200
STATUSES = ("active", "failing", "paused", "archived", "removed")


@blueprint.before_request
def _reader() -> None:
    if request.endpoint not in {"pages.signin", "pages.favicon"}:
        require_reader(context().settings)


def _flash() -> str | None:
    message = session.pop("flash", None)
    return str(message) if message else None


def _back(endpoint: str, message: str, **values: Any) -> Response:
    session["flash"] = message
    return redirect(url_for(endpoint, **values), code=303)


@blueprint.get("/")
def stories() -> str:
    q = request.args.get("q", "").strip() or None
    status = request.args.get("status") or None
    if status is not None and status not in STATUSES:
        raise bad_request(f"status must be one of {', '.join(STATUSES)}")
    changed_raw = request.args.get("changed_since", "").strip() or None
    changed = time_arg(changed_raw, "changed_since")
    offset = int_arg(request.args.get("offset"), "offset") or 0
    rows = context().store.search_stories(query=q, status=status, changed_since=changed, limit=PAGE + 1, offset=offset)
    more = None
    if len(rows) > PAGE:
        rows = rows[:PAGE]
        args = {k: v for k, v in request.args.items() if k != "offset"}
        more = url_for("pages.stories") + "?" + urlencode({**args, "offset": offset + PAGE})
    return render(
        "web_stories.html.j2",
        rows=rows,
        q=q,
        status=status,
        changed_since=changed_raw,
        statuses=STATUSES,
        more=more,
        flash_message=_flash(),
        # one url_for for the page, not one per row (a third of the time of a long page)
        story_prefix=request.script_root + "/stories/",
    )


@blueprint.get("/stories/<int:story_id>")
def story(story_id: int) -> str:
    from tracker.reports.charts import line_chart
    from tracker.reports.story import story_context

    store = context().store
    row = story_or_404(store, story_id)
    versions = stored_versions(store, story_id)
    values = story_context(info_of(row, versions), versions, int_arg(request.args.get("version"), "version"))
    return render("web_story.html.j2", chart=line_chart, row=row, flash_message=_flash(), **values)


@blueprint.get("/stories/<int:story_id>/diff")
def diff(story_id: int) -> Response:
    """`?from=&to=`: any two versions, on the version page of the newer."""
    row = story_or_404(context().store, story_id)
    to_seq = int_arg(request.args.get("to"), "to", minimum=1) or row.latest_seq
    from_seq = int_arg(request.args.get("from"), "from", minimum=1)
    values: dict[str, Any] = {"from": from_seq} if from_seq else {}
    return redirect(url_for("pages.version", story_id=story_id, seq=to_seq, **values), code=302)


@blueprint.get("/stories/<int:story_id>/versions/<int:seq>")
def version(story_id: int, seq: int) -> str:
    from tracker.reports.phrases import summary

    store = context().store
    row = story_or_404(store, story_id)
    shown = store.get_version(story_id, seq)
    from_seq = int_arg(request.args.get("from"), "from", minimum=1)
    report = None
    frm = seq
    if seq > 1 or from_seq is not None:
        frm, _, report = change_between(store, row, from_seq, seq)
    return render(
        "web_version.html.j2",
        row=row,
        version=shown,
        report=report,
        from_seq=frm,
        to_seq=seq,
        summary=summary(report) if report else "First version captured.",
        title=f"Story {row.id}, version {seq}: {shown.headline or row.url}",
        flash_message=_flash(),
    )


@blueprint.get("/stories/<int:story_id>/versions/<int:seq>/raw")
def raw(story_id: int, seq: int) -> Response:
    """The page as fetched, as text: a browser shows its source and runs none of it (and the
    sandbox policy stops scripts should a browser sniff it as HTML anyway)."""
    html = context().store.get_html(story_id, seq)
    response = Response(html, mimetype="text/plain")
    response.headers["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response.headers["Content-Disposition"] = f'inline; filename="story-{story_id}-v{seq}.html.txt"'
    return response


@blueprint.get("/favicon.ico")
def favicon() -> Response:
    """No icon, said so: browsers ask for one on every site, and a 404 is a console error."""
    return Response(status=204, headers={"Cache-Control": "public, max-age=86400"})


@blueprint.get("/feeds")
def feeds() -> str:
    return render("web_feeds.html.j2", feeds=context().store.list_feeds(), flash_message=_flash())


@blueprint.get("/subscriptions")
def subscriptions() -> str:
    from tracker.web.data import subscription_json

    subs = [subscription_json(s) for s in context().store.list_subscriptions()]
    return render("web_subscriptions.html.j2", subscriptions=subs, flash_message=_flash())


# --- signing in and the forms that write -------------------------------------------------------


@blueprint.route("/signin", methods=["GET", "POST"])
def signin() -> Response | str:
    settings = context().settings
    if request.method == "POST":
        if sign_in(settings, request.form.get("token", "")):
            return _back("pages.stories", "Signed in." if signed_in() else "Signed in to read.")
        return Response(render("web_signin.html.j2", error="That is not the token.", **_tokens(settings)), status=401)
    return render("web_signin.html.j2", error=None, **_tokens(settings))


def _tokens(settings: Settings) -> dict[str, bool]:
    return {"enabled": bool(settings.web_token), "read_token": bool(settings.web_read_token)}


@blueprint.post("/signout")
def signout() -> Response:
    if not signed_in() and not session.get("reader"):
        return _back("pages.stories", "Signed out.")
    check_csrf()
    session.clear()
    return _back("pages.stories", "Signed out.")


@blueprint.post("/stories")
def add_story() -> Response:
    require_form_writer()
    row, created = actions.add_story(
        context().settings, context().store, request.form.get("url", ""), request.form.get("every") or None
    )
    message = f"Story {row.id} added: its first check is due now." if created else f"Already tracked as story {row.id}."
    return _back("pages.story", message, story_id=row.id)


@blueprint.post("/stories/<int:story_id>/<any(pause, resume, remove):action>")
def story_action(story_id: int, action: str) -> Response:
    require_form_writer()
    store = context().store
    story_or_404(store, story_id)
    if action == "remove":
        store.remove_story(story_id)
        return _back("pages.stories", f"Story {story_id} and its history were deleted.")
    actions.set_paused(store, story_id, action == "pause", datetime.now(UTC))
    return _back("pages.story", f"Story {story_id} {'paused' if action == 'pause' else 'resumed'}.", story_id=story_id)


@blueprint.post("/feeds")
def add_feed() -> Response:
    require_form_writer()
    row, created = actions.add_feed(context().store, request.form.get("url", ""), request.form.get("match") or None)
    return _back("pages.feeds", f"Feed {row.id} {'added' if created else 'was already followed'}.")


@blueprint.post("/subscriptions")
def add_subscription() -> Response:
    require_form_writer()
    form = request.form
    row, secret = actions.add_subscription(
        context().settings,
        context().store,
        channel=form.get("channel", ""),
        target=form.get("target", ""),
        keywords=[k.strip() for k in form.get("keywords", "").split(",") if k.strip()],
        stories=[],
    )
    if not secret:
        return _back("pages.subscriptions", f"Alert {row.id} added.")
    # the secret goes in this one response, never in the (signed, not encrypted) session cookie
    from tracker.web.data import subscription_json

    subs = [subscription_json(s) for s in context().store.list_subscriptions()]
    message = f"Alert {row.id} added. Its signing secret, shown this once: {secret}"
    return Response(render("web_subscriptions.html.j2", subscriptions=subs, flash_message=message), status=201)
