"""Entry point: ``jingdu [FILE]`` opens the window; sub-commands work without one."""

from __future__ import annotations

import importlib
import os
import sys

#: Sub-commands that need no window; each module has ``main(argv) -> int`` and
#: must not import Qt, so they start fast and run on machines without a screen.
SUBCOMMANDS = {
    "outline": "reader.cli.outline",
    "search": "reader.cli.search",
    "annotations": "reader.cli.annotations",
}


def main(argv: list[str] | None = None) -> int:
    """Run Jingdu with ``argv`` (defaults to the process arguments)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in SUBCOMMANDS:
        module = importlib.import_module(SUBCOMMANDS[args[0]])
        try:
            return int(module.main(args[1:]))
        except BrokenPipeError:
            # The reader of our output went away (e.g. `jingdu search … | head`):
            # not an error; silence the flush at exit that would raise again.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
    if args and args[0] in ("--version", "-V"):
        from reader import __version__

        print(f"jingdu {__version__}")
        return 0
    if args and args[0] == "--self-test":
        from reader.selftest import run_self_test

        return run_self_test(args[1:])
    from reader.app import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
