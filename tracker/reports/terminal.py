"""A change report in the terminal, in colour (rich): the `tracker diff` view.

The sections of `sections.view`, in the order and with the titles of the text report, so
it reads the same without colour. `console_for` decides colour: `always` forces ANSI
codes even into a pipe (for `less -R`), `never` turns them off, `auto` follows the terminal.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tracker.engine.model import ChangeReport, Diff
from tracker.reports import sections as sec


def console_for(color: str) -> Console:
    if color == "always":
        return Console(force_terminal=True, color_system="standard", soft_wrap=True)
    if color == "never":
        return Console(no_color=True, soft_wrap=True, highlight=False)
    return Console(soft_wrap=True)


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
    v = sec.view(report)
    if v.empty:
        console.print("No change.")
        return
    console.print(Text(v.summary, style="bold cyan"))
    for name in v.sections:
        console.print()
        if name == sec.FIGURES:
            console.print(_figures_table(v))
            continue
        console.print(Text(name, style="bold underline"))
        for line in _lines(v, name):
            console.print(line)
    if v.moved_note:
        console.print()
        console.print(Text(v.moved_note, style="dim"))


def _figures_table(v: sec.ReportView) -> Table:
    table = Table(title=sec.FIGURES, title_justify="left", title_style="bold underline", show_edge=False)
    table.add_column("What")
    table.add_column("Old", justify="right")
    table.add_column("New", justify="right")
    table.add_column("Change", justify="right")
    for f in v.figures:
        table.add_row(f.label, f.old, f.new, f.delta)
    return table


def _marked(mark: str, style: str, text: str, speaker: str | None = None, tag: str = "") -> Text:
    line = Text(f"{mark} ", style=style)
    if speaker is not None:
        line.append(speaker, style=f"bold {style}")
        if tag:
            line.append(f" ({tag})", style="dim")
        line.append(": ")
    line.append(text)
    return line


def _lines(v: sec.ReportView, name: str) -> list[Text]:
    if name == sec.HEADLINE:
        assert v.headline is not None
        return [Text("- " + v.headline.old, style="red"), Text("+ " + v.headline.new, style="green")]
    if name == sec.APPEARED:
        return [
            _marked("+" if f.added else "-", "green" if f.added else "red", f"{f.text} ({f.label})") for f in v.appeared
        ]
    if name == sec.NEW_STATEMENTS:
        return [_marked("+", "green", s.text, s.speaker, "reworded" if s.reworded else "") for s in v.statements_added]
    if name == sec.REMOVED_STATEMENTS:
        return [_marked("-", "red", s.text, s.speaker) for s in v.statements_removed]
    if name == sec.EDITS:
        return [Text("• ") + _diff_text(d) for d in v.edits]
    return [_marked("+", "green", t) for t in v.sentences_added] + [_marked("-", "red", t) for t in v.sentences_removed]
