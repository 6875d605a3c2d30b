"""Shared pieces of the commands: dataset arguments, loading, printing tables."""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import re
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from ..datasets import list_samples, sample_path
from ..graph import ValidationError, ValidationWarning, load
from ..messages import msg, resolve_lang
from ..report._tables import display_width, label
from ..safe import visible_text

EXIT_OK, EXIT_FINDINGS, EXIT_INVALID = 0, 1, 2


def add_dataset_args(p: argparse.ArgumentParser) -> None:
    """``PATH``, ``--sample NAME``, ``--schema FILE``."""
    p.add_argument("path", nargs="?", metavar="PATH",
                   help="数据目录、台账工作簿（.xlsx .xls .ods .et）或表格文件 / a dataset folder, "
                   "a ledger workbook (.xlsx .xls .ods .et) or a table file")
    p.add_argument("--sample", choices=list_samples(), metavar="NAME",
                   help=f"使用内置样例 / use a bundled sample: {', '.join(list_samples())}")
    p.add_argument("--schema", metavar="FILE",
                   help="扩展类型与别名的 TOML 文件 / TOML file extending types and aliases")
    p.add_argument("--layout", metavar="FILE",
                   help="台账版式文件（哪张表、哪一列生成哪些节点和关系；默认内置版式）"
                   "/ ledger layout TOML file (which sheet and column make which node or edge; "
                   "default: built in)")


def add_lang_arg(p: argparse.ArgumentParser) -> None:
    env = os.environ.get("PARTYLINKS_LANG", "").strip().lower()
    p.add_argument("--lang", choices=["zh", "en"], default=env if env in ("zh", "en") else "zh",
                   help="输出语言（默认 zh，或环境变量 PARTYLINKS_LANG）/ output language "
                   "(default zh, or the PARTYLINKS_LANG environment variable)")


def dataset_path(args: argparse.Namespace):
    lang = getattr(args, "lang", None)
    if args.sample and args.path:
        sys.exit(msg("cli_error", lang, detail=msg("path_and_sample", lang)))
    if args.sample:
        return sample_path(args.sample)
    if not args.path:
        sys.exit(msg("cli_error", lang, detail=msg("no_path", lang)))
    return args.path


_NUMBER = re.compile(r"^[-+]?[\d,]*\.?\d+%?$")


def _cell(v) -> str:
    if v is None or (not isinstance(v, list | tuple | dict) and pd.isna(v)):
        return ""
    if isinstance(v, float):
        return f"{v:.2f}"
    return visible_text(v)


def format_table(df: pd.DataFrame, max_rows: int | None = None) -> str:
    """``df`` as a plain-text table aligned for Chinese text: wide characters count as two
    columns, text is left-aligned, numbers right-aligned, the last column is never padded.
    """
    shown = df if max_rows is None else df.head(max_rows)
    cols = [visible_text(c) for c in df.columns]
    cells = [[_cell(v) for v in row] for row in shown.itertuples(index=False, name=None)]
    numeric = [all(_NUMBER.match(r[i]) for r in cells if r[i]) and any(r[i] for r in cells)
               for i in range(len(cols))]
    widths = [max([display_width(c)] + [display_width(r[i]) for r in cells])
              for i, c in enumerate(cols)]

    def line(values: list[str]) -> str:
        out = []
        for i, v in enumerate(values):
            pad = " " * (widths[i] - display_width(v))
            last = i == len(values) - 1
            out.append(pad + v if numeric[i] else (v if last else v + pad))
        return "  ".join(out).rstrip()
    lines = [line(cols)] + [line(r) for r in cells]
    if max_rows is not None and len(df) > max_rows:
        lines.append(f"... ({len(df) - max_rows} more)")
    return "\n".join(lines)


def print_table(df: pd.DataFrame, file=None, max_rows: int | None = None) -> None:
    """Print :func:`format_table` of ``df`` (to ``sys.stdout`` as it is at call time)."""
    print(format_table(df, max_rows), file=file if file is not None else sys.stdout)


_ISSUE_COLUMNS = ["severity", "file", "row", "column", "value", "message"]


def issue_table(issues: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """The validation problems as a table to print: file names without their folder."""
    t = issues[_ISSUE_COLUMNS].copy()
    t["severity"] = t["severity"].map(lambda v: label("severity_", v, lang))
    t["file"] = t["file"].map(lambda f: Path(str(f)).name if f else "")
    t["row"] = t["row"].map(lambda r: "" if r is None or pd.isna(r) else str(r))
    return t.rename(columns={c: msg(f"issue_col_{c}", lang) for c in _ISSUE_COLUMNS})


def load_or_exit(args: argparse.Namespace):
    """Load the dataset; on errors print the validation table and exit 2."""
    path = dataset_path(args)
    lang = getattr(args, "lang", "zh")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ValidationWarning)
            return load(path, schema=args.schema, layout=getattr(args, "layout", None),
                        lang=lang)
    except ValidationError as exc:
        print(exc.args[0].splitlines()[0], file=sys.stderr)
        print_table(issue_table(exc.issues, lang), file=sys.stderr, max_rows=200)
        sys.exit(EXIT_INVALID)
    except (FileNotFoundError, ValueError) as exc:
        print(f"partylinks: {exc}", file=sys.stderr)
        sys.exit(EXIT_INVALID)


class VisibleWriter(io.TextIOBase):
    r"""A text stream that writes through :func:`partylinks.safe.visible_text` (newlines
    kept) to ``raw``: control characters, bidi marks and invisible characters from the
    data reach the terminal as visible escapes, never as escape codes.

    Examples
    --------
    >>> raw = io.StringIO()
    >>> _ = VisibleWriter(raw).write("C1\u200b \x1b]0;title\x07\n")
    >>> print(raw.getvalue(), end="")
    C1\u200b \x1b]0;title\x07
    """

    def __init__(self, raw) -> None:
        self.raw = raw

    def write(self, s: str) -> int:
        self.raw.write(visible_text(s, keep="\n"))
        return len(s)

    def writable(self) -> bool:
        return True

    def flush(self) -> None:
        self.raw.flush()

    def fileno(self) -> int:
        return self.raw.fileno()

    def isatty(self) -> bool:
        return bool(getattr(self.raw, "isatty", lambda: False)())

    @property
    def encoding(self):  # type: ignore[override]
        return getattr(self.raw, "encoding", "utf-8")


@contextlib.contextmanager
def visible_streams() -> Iterator[None]:
    """Standard output and standard error as :class:`VisibleWriter` inside the block."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = VisibleWriter(out), VisibleWriter(err)
    try:
        yield
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
        sys.stdout, sys.stderr = out, err


def error_line(exc: BaseException, lang: str | None = None) -> str:
    r"""The one line the command line prints for ``exc``, in the user's language.

    A folder given as a file, a missing file and other ``OSError`` name the path and the
    reason; documented partylinks errors (``ValidationError``, ``PolicyError``, ...) and
    ``ValueError`` give the first line of their message; anything else is an internal
    error named with its kind. Invisible characters are shown as escapes.

    Examples
    --------
    >>> error_line(IsADirectoryError(21, "Is a directory", "out"), "en")
    "partylinks: 'out' is a folder; give a file name"
    >>> print(error_line(ValueError("unknown id 'C1\u200b'\nmore"), "en"))
    partylinks: unknown id 'C1\u200b'
    """
    try:
        lang = resolve_lang(lang)
    except ValueError:
        lang = "zh"
    if isinstance(exc, IsADirectoryError):
        detail = msg("cli_not_a_file", lang, path=exc.filename)
        return msg("cli_error", lang, detail=visible_text(detail))
    if isinstance(exc, OSError) and exc.filename is not None:
        detail = msg("cli_cannot_read" if isinstance(exc, FileNotFoundError)
                     else "cli_cannot_write", lang, path=exc.filename,
                     reason=exc.strerror or type(exc).__name__)
        return msg("cli_error", lang, detail=visible_text(detail))
    text = str(exc).strip().splitlines()
    first = text[0] if text else type(exc).__name__
    if isinstance(exc, ValueError | OSError) or \
            type(exc).__module__.startswith("partylinks"):
        return msg("cli_error", lang, detail=visible_text(first))
    return msg("cli_error", lang, detail=msg("cli_unexpected", lang, kind=type(exc).__name__,
                                             detail=visible_text(first)))


__all__ = ["add_dataset_args", "add_lang_arg", "dataset_path", "print_table", "format_table",
           "issue_table", "load_or_exit",
           "EXIT_OK", "EXIT_FINDINGS", "EXIT_INVALID", "VisibleWriter", "visible_streams",
           "error_line"]
