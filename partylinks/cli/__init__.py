"""The ``partylinks`` command line: a thin layer over the library, one module per command.

Every command calls one public function; ``partylinks COMMAND --help`` explains it in
Chinese and English.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

__all__ = ["main", "build_parser", "COMMANDS"]

COMMANDS = ["validate", "summary", "template", "generate", "audit", "policy", "chart", "compare",
            "suggest", "serve"]
"""Command modules, in the order ``--help`` lists them."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command registered."""
    from ..version import __version__

    parser = argparse.ArgumentParser(
        prog="partylinks",
        description="跨组织党建联系的网络分析与覆盖审计 / "
        "Cross-organization party-building ties: connectivity, isolated units, coverage gaps.",
    )
    parser.add_argument("--version", action="version", version=f"partylinks {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f".{name}", __name__).register(sub)
    return parser


EXIT_BROKEN_PIPE = 141
"""Exit status when the reader of standard output went away (``partylinks audit ... | head``):
128 + SIGPIPE, what a shell reports for Unix tools stopped the same way."""


def _silence_stdout() -> None:
    """Point standard output at /dev/null so that the interpreter's final flush cannot fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # stdout already closed or not a real file
        pass


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code.

    Output into a pipe whose reader stops early ends quietly with exit status 141, whether
    standard output is buffered or not: the last flush happens here, inside the guard, not at
    interpreter exit.

    Everything written to standard output and standard error passes through
    :func:`partylinks.safe.visible_text` (newlines kept), so that data can send no escape
    code to the terminal. A documented error of partylinks (a ``ValidationError``,
    ``PolicyError``, ...), a ``ValueError`` or an ``OSError`` (a missing file, an output
    path that is a folder) ends the command with one line in the user's language and
    exit status 2, never a traceback; ``PARTYLINKS_DEBUG=1`` shows the traceback.
    """
    from ._common import visible_streams

    args = None
    with visible_streams():
        try:
            parser = build_parser()
            args = parser.parse_args(argv)
            if not getattr(args, "func", None):
                parser.print_help()
                code = 0
            else:
                code = int(args.func(args) or 0)
            sys.stdout.flush()
            return code
        except KeyboardInterrupt:
            return 130
        except BrokenPipeError:
            _silence_stdout()
            return EXIT_BROKEN_PIPE
        except Exception as exc:  # noqa: BLE001  (one line instead of a traceback)
            if os.environ.get("PARTYLINKS_DEBUG"):
                raise
            from ._common import EXIT_INVALID, error_line

            print(error_line(exc, getattr(args, "lang", None)), file=sys.stderr)
            return EXIT_INVALID


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
