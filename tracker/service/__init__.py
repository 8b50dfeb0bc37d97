"""The service: checking stories, scheduling them, and running the scheduler.

`check` (one check of one story: fetch, extract, compare, store), `schedule` (when the
next check is due), `run` (the long-running Service and its lease), `feedjob` (polling
feeds for new stories) and `bootstrap` (the one place that wires settings, store, fetcher
and extraction together).
"""
