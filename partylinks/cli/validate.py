"""``partylinks validate``: check a dataset; a bounded summary of the problems on the
terminal, every problem in a CSV file on request."""

from __future__ import annotations

import sys

import pandas as pd

from ..graph import validate
from ..messages import msg
from ..report._tables import label
from ._common import (
    EXIT_INVALID,
    EXIT_OK,
    add_dataset_args,
    add_lang_arg,
    dataset_path,
    issue_table,
    print_table,
)

SHOWN_PER_KIND = 10
"""Rows of each kind of problem printed on the terminal by default."""


def register(sub) -> None:
    p = sub.add_parser(
        "validate", help="校验数据，列出全部问题 / check a dataset and list every problem",
        description="校验数据：重复编号、悬空关系、未知类型、不允许的端点类型、上级党组织环路、"
        "日期错误等，逐条给出文件、行号、列和值。终端上按类型统计，每类列出前几行；"
        "--out 保存全部问题。有错误时退出码为 2。 / Check a dataset: the problems are "
        "counted by kind and the first rows of each kind are printed with file, row, column "
        "and value; --out saves every problem. Exit 2 when there are errors.")
    add_dataset_args(p)
    add_lang_arg(p)
    p.add_argument("--out", metavar="FILE.csv",
                   help="另存全部问题为 CSV（UTF-8 BOM）/ write every problem as CSV")
    p.add_argument("--show", metavar="N", type=int, default=SHOWN_PER_KIND,
                   help=f"每类问题在终端列出的行数（默认 {SHOWN_PER_KIND}）/ rows of each kind "
                   f"printed (default {SHOWN_PER_KIND})")
    p.add_argument("--show-notices", action="store_true",
                   help="也逐行列出提示（跳过的标题行、表尾等）/ also list the notices (skipped "
                   "title rows, footers, ...) row by row")
    p.set_defaults(func=run)


def first_rows(issues: pd.DataFrame, n: int) -> pd.DataFrame:
    """The first ``n`` problems of each ``code``, in the order of ``issues``.

    Examples
    --------
    >>> df = pd.DataFrame({"code": ["a", "a", "b", "a"], "row": [2, 3, 4, 5]})
    >>> first_rows(df, 2)["row"].tolist()
    [2, 3, 4]
    """
    return issues[issues.groupby("code", sort=False).cumcount() < max(n, 0)]


def run(args) -> int:
    lang = args.lang
    try:
        issues = validate(dataset_path(args), schema=args.schema,
                          layout=getattr(args, "layout", None), lang=lang)
    except (FileNotFoundError, ValueError) as exc:
        print(msg("cli_error", lang, detail=str(exc).splitlines()[0]), file=sys.stderr)
        return EXIT_INVALID
    n_err = int((issues["severity"] == "error").sum())
    n_warn = int((issues["severity"] == "warning").sum())
    if args.out:
        from ..safe import safe_frame

        # every problem, with its headers and severity words in the user's language
        full = issues.assign(severity=issues["severity"].map(
            lambda v: label("severity_", v, lang)))
        full = full.rename(columns={c: msg(f"issue_col_{c}", lang) for c in full.columns})
        safe_frame(full).to_csv(args.out, index=False, encoding="utf-8-sig",
                                lineterminator="\r\n")
    if len(issues):
        listed = issues if args.show_notices else issues[issues["severity"] != "info"]
        shown = first_rows(listed, args.show)
        if len(shown):
            print_table(issue_table(shown, lang))
        print(msg("validate_by_kind", lang))
        for _, group in issues.groupby("code", sort=False):
            first = group.iloc[0]
            print(msg("validate_kind_line", lang, n=len(group),
                      severity=label("severity_", first["severity"], lang),
                      example=str(first["message"])[:80]))
        n_info = int((issues["severity"] == "info").sum())
        if n_info and not args.show_notices:
            print(msg("validate_notices_hidden", lang, n=n_info))
        if len(shown) < len(listed):
            print(msg("validate_saved", lang, path=args.out) if args.out else
                  msg("validate_first_rows", lang, n=args.show, total=len(issues)))
    ledger = issues.attrs.get("ledger")
    if ledger is not None:
        print(msg("ledger_map_title", lang))
        print_table(ledger.mapping(lang))
        if len(ledger.implied) or len(ledger.matches):
            print(msg("ledger_implied_title", lang, n=len(ledger.implied),
                      m=len(ledger.matches)))
    if lang == "zh":
        print(f"错误 {n_err} 个，警告 {n_warn} 个")
    else:
        print(f"{n_err} error(s), {n_warn} warning(s)")
    return EXIT_INVALID if n_err else EXIT_OK
