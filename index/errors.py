"""One exception type for problems the user can fix: the CLI prints its message as one line."""


class QabotError(Exception):
    """A clear, one-line, secret-free message for the person at the keyboard (exit code 1)."""


class StoreMissing(QabotError):
    """The store (or its collection) has not been built yet."""


class EmbedderMismatch(QabotError):
    """The collection was built with another embedder: vectors from two models never mix."""


class ForeignCollection(QabotError):
    """The collection exists but another tool made it: qabot neither reads nor changes it."""
