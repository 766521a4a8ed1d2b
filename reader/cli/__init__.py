"""Command-line sub-commands that need no window (and import no Qt)."""
