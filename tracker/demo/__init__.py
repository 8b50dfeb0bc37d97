"""The demo: a local HTTP server replaying the revisions in `seeds/`.

`server` (the threaded HTTP server and its routes), `pages` (the served stories, index and
feeds) and `faults` (the failure modes it can play: slow, 5xx, soft-404 and the like).
"""
