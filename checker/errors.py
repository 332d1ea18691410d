"""Errors that end a run with exit code 2 and one line naming the file (and line or key)."""


class InputError(Exception):
    """Bad input: a missing path, an unreadable or undecodable article, a bad config value."""
