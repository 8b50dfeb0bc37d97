"""A change report in the terminal, in colour (rich): the `tracker diff` view.

Same content and order as the plain text report (headline, figures table, statements,
edited sentences), so it reads the same without colour.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tracker.engine.model import ChangeReport, Diff
from tracker.reports.phrases import change_phrase, format_figure, summary


def _diff_text(diff: Diff) -> Text:
    out = Text()
    for op, text in diff:
        if op > 0:
            out.append(text, style="bold green")
        elif op < 0:
            out.append(text, style="red strike")
        else:
            out.append(text)
    return out


def print_report(report: ChangeReport, title: str, console: Console | None = None) -> None:
    console = console or Console()
    console.print(Text(title, style="bold"))
    if report.is_empty:
        console.print("No change.")
        return
    console.print(Text(summary(report), style="bold cyan"))
    if report.headline:
        console.print()
        console.print(Text("Headline", style="bold underline"))
        console.print(Text("- " + report.headline.old, style="red"))
        console.print(Text("+ " + report.headline.new, style="green"))
    changed = report.changed_figures
    if changed:
        table = Table(title="Figures", title_justify="left", title_style="bold underline", show_edge=False)
        table.add_column("What")
        table.add_column("Old", justify="right")
        table.add_column("New", justify="right")
        table.add_column("Change", justify="right")
        for c in changed:
            delta = change_phrase(c).split(" (", 1)[1].rstrip(")") if " (" in change_phrase(c) else ""
            table.add_row(c.label or "(unlabelled)", format_figure(c.old), format_figure(c.new), delta)
        console.print()
        console.print(table)
    reworded = {id(r.new) for r in report.statements_reworded}
    for heading, items, style, mark in (
        ("New statements", report.statements_added, "green", "+"),
        ("Removed statements", report.statements_removed, "red", "-"),
    ):
        if items:
            console.print()
            console.print(Text(heading, style="bold underline"))
            for s in items:
                line = Text(f"{mark} ")
                line.append(s.speaker or "unattributed", style=f"bold {style}")
                if id(s) in reworded:
                    line.append(" (reworded)", style="dim")
                line.append(": " + s.text)
                console.print(line)
    edits = [e for e in report.sentences if e.kind in ("edited", "split", "merged")]
    if edits:
        console.print()
        console.print(Text("Edited sentences", style="bold underline"))
        for e in edits:
            console.print(Text("• ") + _diff_text(e.diff))
