"""The JSON form of a change report: the contract of `tracker compare --format json`.

The keys the eval scorer reads are fixed by ../shared/eval/README.md: `headline` (null when
unchanged, else {old, new}), `figures` ([{old: {value, text} | null, new: ..., label,
old_sentence, new_sentence}]) and `statements` ({added: [{text, speaker}], removed: [...]}).
Everything else here is extra and welcome: units, qualifiers, deltas, reworded statements,
sentence changes and the word diff. `to_wire` and `from_wire` round-trip a ChangeReport, so
stored reports (JSON in the database) come back as values.
"""

from __future__ import annotations

from typing import Any, TypedDict

from tracker.engine.model import (
    ChangeReport,
    Diff,
    Figure,
    FigureChange,
    HeadlineChange,
    Rewording,
    SentenceChange,
    Statement,
)

WIRE_VERSION = 1


class WireFigure(TypedDict, total=False):
    value: float
    text: str
    unit: str | None
    qualifier: str | None
    label: str
    sentence: str
    role: str


class WireFigureChange(TypedDict):
    old: WireFigure | None
    new: WireFigure | None
    label: str
    old_sentence: str | None
    new_sentence: str | None
    delta: float | None
    ratio: float | None


class WireStatement(TypedDict, total=False):
    text: str
    speaker: str | None
    kind: str
    paragraph: int
    rewording_of: str | None  # on an added statement: the old wording it replaces
    reworded_as: str | None  # on a removed statement: the new wording


class WireReport(TypedDict):
    version: int
    headline: dict[str, Any] | None
    figures: list[WireFigureChange]
    statements: dict[str, list[WireStatement]]
    sentences: list[dict[str, Any]]
    diff: list[list[Any]]
    summary: str


def _num(v: float) -> float | int:
    return int(v) if float(v).is_integer() and abs(v) < 2**53 else v


def _figure(f: Figure | None) -> WireFigure | None:
    if f is None:
        return None
    out = WireFigure(
        value=_num(f.value), text=f.text, unit=f.unit, qualifier=f.qualifier, label=f.label, sentence=f.sentence
    )
    if f.role:
        out["role"] = f.role
    return out


def _statement(s: Statement, rewording_of: str | None = None) -> WireStatement:
    out = WireStatement(text=s.text, speaker=s.speaker, kind=s.kind, paragraph=s.paragraph)
    if rewording_of is not None:
        out["rewording_of"] = rewording_of
    return out


def _diff(d: Diff) -> list[list[Any]]:
    return [[op, text] for op, text in d]


def to_wire(report: ChangeReport, summary: str = "") -> WireReport:
    reworded_new = {id(r.new): r.old.text for r in report.statements_reworded}
    reworded_old = {id(r.old): r.new.text for r in report.statements_reworded}
    removed: list[WireStatement] = []
    for s in report.statements_removed:
        w = _statement(s)
        if id(s) in reworded_old:
            w["reworded_as"] = reworded_old[id(s)]
        removed.append(w)
    return WireReport(
        version=WIRE_VERSION,
        headline=None
        if report.headline is None
        else {"old": report.headline.old, "new": report.headline.new, "diff": _diff(report.headline.diff)},
        figures=[
            WireFigureChange(
                old=_figure(c.old),
                new=_figure(c.new),
                label=c.label,
                old_sentence=c.old.sentence if c.old else None,
                new_sentence=c.new.sentence if c.new else None,
                delta=None if c.delta is None else _num(round(c.delta, 6)),
                ratio=None if c.ratio is None else round(c.ratio, 4),
            )
            for c in report.figures
        ],
        statements={
            "added": [_statement(s, reworded_new.get(id(s))) for s in report.statements_added],
            "removed": removed,
        },
        sentences=[
            {"kind": c.kind, "old": list(c.old), "new": list(c.new), "diff": _diff(c.diff)} for c in report.sentences
        ],
        diff=_diff(report.diff),
        summary=summary,
    )


def _figure_back(w: dict[str, Any] | None) -> Figure | None:
    if w is None:
        return None
    return Figure(
        value=float(w["value"]),
        text=w.get("text", ""),
        unit=w.get("unit"),
        qualifier=w.get("qualifier"),
        label=w.get("label", ""),
        sentence=w.get("sentence", ""),
        role=w.get("role"),
    )


def _statement_back(w: dict[str, Any]) -> Statement:
    return Statement(
        text=w["text"], speaker=w.get("speaker"), kind=w.get("kind", "quote"), paragraph=w.get("paragraph", 0)
    )


def _diff_back(d: list[list[Any]] | None) -> Diff:
    return tuple((int(op), str(text)) for op, text in (d or []))


def from_wire(data: dict[str, Any]) -> ChangeReport:
    """A ChangeReport from its JSON form (as stored with a version)."""
    head = data.get("headline")
    statements = data.get("statements") or {}
    added = [_statement_back(s) for s in statements.get("added", [])]
    removed = [_statement_back(s) for s in statements.get("removed", [])]
    by_text = {s.text: s for s in removed}
    reworded = tuple(
        Rewording(by_text[w["rewording_of"]], s)
        for w, s in zip(statements.get("added", []), added, strict=True)
        if w.get("rewording_of") in by_text
    )
    return ChangeReport(
        headline=None if not head else HeadlineChange(head["old"], head["new"], _diff_back(head.get("diff"))),
        figures=tuple(
            FigureChange(_figure_back(f.get("old")), _figure_back(f.get("new")), f.get("label", ""))
            for f in data.get("figures", [])
        ),
        statements_added=tuple(added),
        statements_removed=tuple(removed),
        statements_reworded=reworded,
        sentences=tuple(
            SentenceChange(s["kind"], tuple(s.get("old", [])), tuple(s.get("new", [])), _diff_back(s.get("diff")))
            for s in data.get("sentences", [])
        ),
        diff=_diff_back(data.get("diff")),
    )
