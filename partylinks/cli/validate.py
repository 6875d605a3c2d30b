"""``partylinks validate``: check a dataset and list every problem."""

from __future__ import annotations

import sys

from ..graph import validate
from ._common import (
    EXIT_INVALID,
    EXIT_OK,
    add_dataset_args,
    add_lang_arg,
    dataset_path,
    issue_table,
    print_table,
)


def register(sub) -> None:
    p = sub.add_parser(
        "validate", help="校验数据，列出全部问题 / check a dataset and list every problem",
        description="校验数据：重复编号、悬空关系、未知类型、不允许的端点类型、上级党组织环路、"
        "日期错误等，逐条给出文件、行号、列和值。有错误时退出码为 2。 / Check a dataset and "
        "list every problem with file, row, column and value; exit 2 when there are errors.")
    add_dataset_args(p)
    add_lang_arg(p)
    p.add_argument("--out", metavar="FILE.csv",
                   help="另存问题清单为 CSV（UTF-8 BOM）/ also write the problems as CSV")
    p.set_defaults(func=run)


def run(args) -> int:
    try:
        issues = validate(dataset_path(args), schema=args.schema, lang=args.lang)
    except (FileNotFoundError, ValueError) as exc:
        print(f"partylinks: {exc}", file=sys.stderr)
        return EXIT_INVALID
    n_err = int((issues["severity"] == "error").sum())
    n_warn = int((issues["severity"] == "warning").sum())
    if args.out:
        from ..safe import safe_frame

        safe_frame(issues).to_csv(args.out, index=False, encoding="utf-8-sig")
    if len(issues):
        print_table(issue_table(issues, args.lang))
    if args.lang == "zh":
        print(f"错误 {n_err} 个，警告 {n_warn} 个")
    else:
        print(f"{n_err} error(s), {n_warn} warning(s)")
    return EXIT_INVALID if n_err else EXIT_OK
