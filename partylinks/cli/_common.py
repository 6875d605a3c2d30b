"""Shared pieces of the commands: dataset arguments, loading, printing tables."""

from __future__ import annotations

import argparse
import re
import sys
import warnings
from pathlib import Path

import pandas as pd

from ..datasets import list_samples, sample_path
from ..graph import ValidationError, ValidationWarning, load
from ..messages import msg
from ..report._tables import display_width, label

EXIT_OK, EXIT_FINDINGS, EXIT_INVALID = 0, 1, 2


def add_dataset_args(p: argparse.ArgumentParser) -> None:
    """``PATH``, ``--sample NAME``, ``--schema FILE``."""
    p.add_argument("path", nargs="?", metavar="PATH",
                   help="数据目录或 .xlsx 工作簿 / a dataset folder or .xlsx workbook")
    p.add_argument("--sample", choices=list_samples(), metavar="NAME",
                   help=f"使用内置样例 / use a bundled sample: {', '.join(list_samples())}")
    p.add_argument("--schema", metavar="FILE",
                   help="扩展类型与别名的 TOML 文件 / TOML file extending types and aliases")


def add_lang_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", choices=["zh", "en"], default="zh",
                   help="输出语言 / output language (default zh)")


def dataset_path(args: argparse.Namespace):
    if args.sample and args.path:
        sys.exit("partylinks: give PATH or --sample, not both")
    if args.sample:
        return sample_path(args.sample)
    if not args.path:
        sys.exit("partylinks: give a dataset PATH or --sample NAME")
    return args.path


_NUMBER = re.compile(r"^[-+]?[\d,]*\.?\d+%?$")


def _cell(v) -> str:
    if v is None or (not isinstance(v, list | tuple | dict) and pd.isna(v)):
        return ""
    if isinstance(v, float):
        return f"{v:.2f}"
    return str(v)


def format_table(df: pd.DataFrame, max_rows: int | None = None) -> str:
    """``df`` as a plain-text table aligned for Chinese text: wide characters count as two
    columns, text is left-aligned, numbers right-aligned, the last column is never padded.
    """
    shown = df if max_rows is None else df.head(max_rows)
    cols = [str(c) for c in df.columns]
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
            return load(path, schema=args.schema, lang=lang)
    except ValidationError as exc:
        print(exc.args[0].splitlines()[0], file=sys.stderr)
        print_table(issue_table(exc.issues, lang), file=sys.stderr, max_rows=200)
        sys.exit(EXIT_INVALID)
    except (FileNotFoundError, ValueError) as exc:
        print(f"partylinks: {exc}", file=sys.stderr)
        sys.exit(EXIT_INVALID)


__all__ = ["add_dataset_args", "add_lang_arg", "dataset_path", "print_table", "format_table",
           "issue_table", "load_or_exit",
           "EXIT_OK", "EXIT_FINDINGS", "EXIT_INVALID"]
