"""Fetching: a URL in, a Fetched page, NotModified or a FetchError out.

`client` (the Fetcher: conditional GET, retries, redirects), `transport` and `netguard`
(the private-network guard on every connection), `urls` (normalising), `bodies` and
`charsets` (capped reading, decoding), `extract` (trafilatura: HTML to an Article),
`workers` (extraction in a process pool) and `feeds` (RSS/Atom entries). It may use the
engine's text model, but never the service, reports or alerts.
"""
