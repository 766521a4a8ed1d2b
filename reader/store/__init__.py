"""The local SQLite store: the only package that runs SQL."""
