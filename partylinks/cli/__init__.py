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

COMMANDS = ["validate", "summary", "generate", "audit", "policy", "chart", "compare", "suggest"]
"""Command modules, in the order ``--help`` lists them."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command registered."""
    from .. import __version__

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


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # the reader went away (``partylinks audit ... | head``): stop quietly, as Unix tools do
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
