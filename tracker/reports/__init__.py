"""Reports: a ChangeReport rendered for a reader.

`phrases` (the shared wording: summary line, figure values, change phrases), `text`
(plain text and Markdown), `html` (Jinja2 pages from `templates/`), `terminal` (rich),
`wire` (the JSON form, also what is stored), `render` (one entry point per format), and
the story-level views: `story`, `timeline`, `charts`, `digest`. Reports read the engine's
model; they never import the service or storage.
"""
