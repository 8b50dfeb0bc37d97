"""tracker: an update tracker for developing news stories."""

__version__ = "0.1.0"
