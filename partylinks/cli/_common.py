"""Shared pieces of the commands: dataset arguments, loading, printing tables."""

from __future__ import annotations

import argparse
import sys
import warnings

import pandas as pd

from ..datasets import list_samples, sample_path
from ..graph import ValidationError, ValidationWarning, load, validate
from ..graph.validate import format_issues

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


def print_table(df: pd.DataFrame, file=sys.stdout, max_rows: int | None = None) -> None:
    with pd.option_context("display.unicode.east_asian_width", True,
                           "display.max_colwidth", 80, "display.width", 200,
                           "display.max_rows", max_rows or len(df) + 1):
        print(df.to_string(index=False, max_rows=max_rows), file=file)


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
        print(format_issues(exc.issues, limit=200, lang=lang), file=sys.stderr)
        sys.exit(EXIT_INVALID)
    except (FileNotFoundError, ValueError) as exc:
        print(f"partylinks: {exc}", file=sys.stderr)
        sys.exit(EXIT_INVALID)


__all__ = ["add_dataset_args", "add_lang_arg", "dataset_path", "print_table", "load_or_exit",
           "validate", "EXIT_OK", "EXIT_FINDINGS", "EXIT_INVALID"]
