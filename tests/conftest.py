"""Fixtures shared by every test module (each lives in tests/fixtures and is registered here)."""

pytest_plugins = [
    "tests.fixtures.databases",
    "tests.fixtures.web",
    "tests.fixtures.smtp",
    "tests.fixtures.seeds",
    "tests.fixtures.trickle",
]
