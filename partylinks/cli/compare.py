"""``partylinks compare``: what changed between two dates, or between two datasets."""

from __future__ import annotations

import sys
import warnings

from ..change import compare
from ..change._present import export_frames, for_display
from ..graph import ValidationError, ValidationWarning, load
from ..rules import PolicyError
from ._common import (
    EXIT_INVALID,
    EXIT_OK,
    add_dataset_args,
    add_lang_arg,
    load_or_exit,
    print_table,
)

SHOWN = ("metrics", "tie_counts", "ties_new", "ties_lapsed", "units_isolated", "units_tied_in",
         "units_added", "units_removed", "findings_opened", "findings_closed", "zone_scores")
"""Tables printed in the terminal (when not empty), in this order."""


def register(sub) -> None:
    p = sub.add_parser(
        "compare", help="变化对比：两个日期或两份数据之间的变化 / what changed between two "
        "dates or two datasets",
        description="对比同一数据的两个日期（--before、--after），或两份数据（--other）：新增和失效的"
        "联系（按联系类型）、新孤立和新联通的单位、新增和已解决的审计问题、各片区薄弱度变化。 / "
        "Compare a dataset on two dates (--before, --after), or two datasets (--other): new and "
        "lapsed ties by mechanism, units isolated or tied in, findings opened and closed, and "
        "the change of every zone's weak-linkage score.")
    add_dataset_args(p)
    add_lang_arg(p)
    p.add_argument("--before", metavar="DATE",
                   help="较早的日期，如 2024-06-30 / the earlier date")
    p.add_argument("--after", metavar="DATE",
                   help="较晚的日期（默认数据中最晚的日期）/ the later date (default: the "
                   "latest date in the data)")
    p.add_argument("--other", metavar="PATH2",
                   help="与之对比的第二份数据（较新的一份）/ a second dataset (the later one)")
    p.add_argument("--policy", metavar="FILE",
                   help="审计策略 TOML 文件（默认内置策略）/ audit policy TOML file")
    p.add_argument("--no-findings", action="store_true", dest="no_findings",
                   help="不比较审计问题（更快）/ do not compare audit findings (faster)")
    p.add_argument("--out", metavar="FILE",
                   help="写出全部表格：.xlsx（每表一页）或 .json / write every table to "
                   ".xlsx (one sheet each) or .json")
    p.set_defaults(func=run)


def _load_other(path: str, args):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ValidationWarning)
            return load(path, schema=args.schema, layout=getattr(args, "layout", None),
                        lang=args.lang)
    except ValidationError as exc:
        print(exc.args[0].splitlines()[0], file=sys.stderr)
        return None
    except (FileNotFoundError, ValueError) as exc:
        print(f"partylinks: {exc}", file=sys.stderr)
        return None


def run(args) -> int:
    if not args.other and not args.before:
        print("partylinks: give --before DATE (and --after DATE), or --other PATH2",
              file=sys.stderr)
        return EXIT_INVALID
    if args.out and not str(args.out).lower().endswith((".xlsx", ".json")):
        print(f"partylinks: cannot write {args.out!r}: use a .xlsx or .json file name",
              file=sys.stderr)
        return EXIT_INVALID
    g = load_or_exit(args)
    other = None
    if args.other:
        other = _load_other(args.other, args)
        if other is None:
            return EXIT_INVALID
    try:
        c = compare(g, before=args.before, after=args.after, other=other, policy=args.policy,
                    lang=args.lang, findings=not args.no_findings)
    except (PolicyError, ValueError) as exc:
        print(f"partylinks: {exc}", file=sys.stderr)
        return EXIT_INVALID
    print(repr(c))
    shown = {k: for_display(getattr(c, k)) for k in SHOWN}
    for k in ("findings_opened", "findings_closed"):
        shown[k] = shown[k][["key", "message"]]
    for title, df in export_frames(shown, args.lang, safe=False).items():
        if len(df):
            print(f"\n{title}")
            print_table(df, file=sys.stdout, max_rows=40)
    if args.out:
        path = c.write(args.out, args.lang)
        print(f"\n-> {path}")
    return EXIT_OK
