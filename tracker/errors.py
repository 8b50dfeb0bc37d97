"""Every error tracker raises on purpose, in one tree.

Normal outcomes of a check (the page was not modified, the article did not change) are
return values, never exceptions. What is left here is what went wrong, and each message
names the offending value and says what to do about it.

    TrackerError
    ├── ConfigError            a setting in the config file or the environment is invalid
    ├── UsageError             the command line asks for something that cannot be done
    │   ├── InvalidURL         not an http(s) URL we can fetch
    │   └── StoryNotFound      no story with that id or URL
    ├── FetchError             the page could not be fetched (recorded on the story)
    │   ├── BlockedAddress     the host resolves to a private, loopback or link-local address
    │   ├── FetchTimeout       connect, read or total time ran out
    │   ├── ConnectError       DNS, refused connection, TLS
    │   ├── TooLarge           the body exceeds the size cap
    │   ├── NotAnArticle       the response is not HTML or text (a PDF, an image, binary)
    │   ├── HTTPStatusError    4xx or 5xx after retries
    │   │   └── Gone           404 or 410: the article was taken down
    │   ├── TooManyRedirects
    │   ├── BadResponse        the response breaks HTTP (unusable redirect, corrupt compression)
    │   └── Abandoned          tracker is shutting down: the fetch was given up (nothing recorded)
    ├── ExtractError           the page holds no article text we can find
    ├── SchedulerBusy          another `tracker run` holds this database
    └── AlertError             an alert channel is misconfigured (sending failures are recorded, not raised)
"""

from __future__ import annotations

from tracker.redact import redact_url


class TrackerError(Exception):
    """Root of every error tracker raises on purpose."""


class ConfigError(TrackerError):
    """A setting in the config file or environment is invalid."""


class UsageError(TrackerError):
    """The command line asks for something that cannot be done."""


class InvalidURL(UsageError):
    def __init__(self, url: str, why: str) -> None:
        super().__init__(f"{redact_url(url)!r} is not a URL tracker can follow: {why}")  # a password is not shown
        self.url = url
        self.why = why


class StoryNotFound(UsageError):
    def __init__(self, ref: str) -> None:
        super().__init__(f"no story {ref!r}: name a story by the id or URL that `tracker list` shows")
        self.ref = ref


class FetchError(TrackerError):
    """The page could not be fetched. `retryable` says whether trying again soon may help."""

    retryable = False

    def __init__(self, url: str, message: str) -> None:
        super().__init__(f"{url}: {message}")
        self.url = url


class BlockedAddress(FetchError):
    pass


class FetchTimeout(FetchError):
    retryable = True


class ConnectError(FetchError):
    retryable = True


class TooLarge(FetchError):
    pass


class NotAnArticle(FetchError):
    pass


class TooManyRedirects(FetchError):
    pass


class BadResponse(FetchError):
    """The response breaks HTTP: a redirect to nowhere usable, a body that fails to decompress."""


class Abandoned(FetchError):
    """The fetch was given up because tracker is shutting down: not the site's fault, so a
    check that meets it records nothing and the story stays due for the next start."""


class HTTPStatusError(FetchError):
    def __init__(self, url: str, status: int, message: str | None = None, retry_after: float | None = None) -> None:
        super().__init__(url, message or f"the server answered HTTP {status}")
        self.status = status
        self.retryable = status >= 500 or status == 429
        self.retry_after = retry_after  # seconds the server asked us to wait (Retry-After)


class Gone(HTTPStatusError):
    """404 or 410: once a story has versions, this is recorded as its removal."""


class ExtractError(TrackerError):
    pass


class SchedulerBusy(TrackerError):
    pass


class AlertError(TrackerError):
    pass
