"""The base of every error that is the user's to fix (exit 2, one line)."""


class UsageError(Exception):
    pass
