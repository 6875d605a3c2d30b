"""``partylinks suggest``: at most K new ties that close the most audit findings."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from ..change import suggest
from ..change._findings import audit_findings
from ..change._present import export_frames
from ..change._world import DEFAULT_CAPACITY
from ..messages import msg
from ..rules import PolicyError
from ..safe import safe_frame
from ._common import (
    EXIT_INVALID,
    EXIT_OK,
    add_dataset_args,
    add_lang_arg,
    load_or_exit,
    print_table,
)


def register(sub) -> None:
    caps = ", ".join(f"{k}={v}" for k, v in DEFAULT_CAPACITY.items())
    p = sub.add_parser(
        "suggest", help="补链建议：最多 K 条能解决最多审计问题的新联系 / at most K new ties "
        "that close the most findings",
        description="按审计结果提出最多 K 条新联系（互派兼职、1+1+1 人选、协调委员会成员、"
        "挂钩联系、结对共建），每条说明能解决哪些问题；遵守关系类型的端点规则、片区和人员负荷上限，并用审计"
        "复核。 / Propose at most K new ties (appointments, 1+1+1 cadres, council members, "
        "liaisons, co-building) that close the most findings and join the most components, "
        "each with the findings it closes; respects the schema, zones and capacity limits, "
        "and is checked by re-running the audit.")
    add_dataset_args(p)
    add_lang_arg(p)
    p.add_argument("--budget", type=int, default=5, metavar="K",
                   help="最多建议几条（默认 5）/ the most ties to propose (default 5)")
    p.add_argument("--policy", metavar="FILE",
                   help="审计策略 TOML 文件（默认内置策略）/ audit policy TOML file")
    p.add_argument("--as-of", metavar="DATE", dest="as_of",
                   help="审计日期（默认数据中最晚的日期；用 --sample 时为样例的参照日期）/ "
                   "audit date (default: the latest date in the data; with --sample, the "
                   "sample's reference date)")
    p.add_argument("--capacity", metavar="KEY=N", action="append", default=[],
                   help=f"人员或单位的负荷上限，可重复 / a capacity limit, repeatable "
                   f"(defaults: {caps})")
    p.add_argument("--out", metavar="FILE",
                   help="写出建议：.xlsx、.json 或 .csv / write the plan to .xlsx, .json or .csv")
    p.set_defaults(func=run)


def _capacity(items: list[str]) -> dict[str, int]:
    out = {}
    for item in items:
        key, sep, val = item.partition("=")
        if not sep or not val.strip().isdigit():
            raise ValueError(f"--capacity {item!r}: write KEY=N, e.g. instructor=2")
        out[key.strip()] = int(val)
    return out


def _write(plan, path: Path, lang: str) -> Path:
    sections = {"plan": plan, "not_addressed": plan.attrs["not_addressed"]}
    suffix = path.suffix.lower()
    if suffix == ".csv":
        frame = export_frames({"plan": plan}, lang)
        next(iter(frame.values())).to_csv(path, index=False, encoding="utf-8-sig")
        return path
    from ..change._present import write

    return write(path, {k: safe_frame(v) for k, v in sections.items()}, plan.attrs["summary"],
                 lang)


def run(args) -> int:
    if args.out and Path(args.out).suffix.lower() not in (".xlsx", ".json", ".csv"):
        print(f"partylinks: cannot write {args.out!r}: use .xlsx, .json or .csv", file=sys.stderr)
        return EXIT_INVALID
    g = load_or_exit(args)
    as_of = args.as_of
    if as_of is None and args.sample:
        from .audit import sample_date

        as_of = sample_date(args.sample)
    try:
        plan = suggest(g, budget=args.budget, policy=args.policy, as_of=as_of,
                       capacity=_capacity(args.capacity), lang=args.lang)
    except (PolicyError, ValueError) as exc:
        print(f"partylinks: {exc}", file=sys.stderr)
        return EXIT_INVALID
    s = plan.attrs["summary"]
    # findings are shown as the sentences the audit writes, not by their matching keys
    found = audit_findings(g, args.policy, s["as_of"], args.lang)
    said = dict(zip(found["key"], found["message"], strict=True))
    print(msg("chg_title_plan", args.lang, n=len(plan), as_of=s["as_of"]))
    print(msg("chg_line_plan", args.lang, **s))
    for i, r in enumerate(plan.itertuples(index=False), start=1):
        print(f"{i:>3}. {r.reason}")
        for k in r.closes:
            print(f"       - {said.get(k, k)}")
    na = plan.attrs["not_addressed"]
    if len(na):
        print(f"\n{msg('chg_sec_not_addressed', args.lang)}")
        shown = pd.DataFrame({"message": na["key"].map(lambda k: said.get(k, k)),
                              "why": na["why"]})
        print_table(next(iter(export_frames({"not_addressed": shown},
                                            args.lang, safe=False).values())), file=sys.stdout)
    if args.out:
        print(f"\n-> {_write(plan, Path(args.out), args.lang)}")
    return EXIT_OK
