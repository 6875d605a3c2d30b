"""``partylinks audit``: run the coverage audit, print a summary, write the report."""

from __future__ import annotations

import json
import sys
import warnings
from pathlib import Path

import pandas as pd

from ..datasets import sample_path
from ..graph import ValidationError, ValidationWarning, load
from ..graph.validate import format_issues
from ..messages import msg, resolve_lang
from ..progress import as_progress
from ..report import FORMATS, ExcelRowLimitError, audit, audit_date
from ..report.labels import people_frame
from ..rules import PolicyError
from ._common import (
    EXIT_FINDINGS,
    EXIT_INVALID,
    EXIT_OK,
    add_dataset_args,
    add_lang_arg,
    dataset_path,
    print_table,
)

TOP = 10
"""Findings listed in the terminal summary."""
MAX_ZONES = 20
"""Zones listed in the terminal summary (the ones with most findings, when there are more)."""


def register(sub) -> None:
    p = sub.add_parser(
        "audit", help="覆盖审计：逐条列出问题和整改建议 / coverage audit: every finding with a "
        "suggested fix",
        description="按审计策略检查数据（双向互派、1+1+1 团队、协调委员会组成、党组织覆盖、网格、"
        "孤立与脆弱单位、关键人员、联席会议），在终端打印概况，并可写出 Excel/HTML/JSON/CSV 报告。"
        "退出码：0 正常；1 有达到 --fail-on 级别的问题；2 数据或参数无效。 / Check a dataset "
        "against an audit policy, print a summary, and write an Excel, HTML, JSON or CSV report. "
        "Exit 0, or 1 when findings reach --fail-on, or 2 on invalid input.")
    add_dataset_args(p)
    add_lang_arg(p)
    p.add_argument("--out", metavar="FILE",
                   help="写出报告的文件 / write the report to FILE (.xlsx, .docx, .html, "
                   ".json, .csv)")
    p.add_argument("--format", choices=list(FORMATS),
                   help="报告格式（默认按文件后缀）/ report format (default: from the suffix)")
    p.add_argument("--split-by", choices=["zone"], dest="split_by",
                   help="另为每个片区写出一个整改清单 Excel 文件（<报告名>-<片区>.xlsx）/ also "
                   "write one rectification workbook per zone (<report>-<zone>.xlsx)")
    p.add_argument("--policy", metavar="FILE",
                   help="审计策略 TOML 文件（默认内置策略）/ policy TOML file (default: the "
                   "bundled one; see `partylinks policy --init`)")
    p.add_argument("--as-of", metavar="DATE", dest="as_of",
                   help="审计日期，如 2025-06-30（默认今天；用 --sample 时默认为样例的参照日期）/ "
                   "audit date (default: today; with --sample, the sample's reference date)")
    p.add_argument("--compare-to", metavar="DATE", dest="compare_to",
                   help="与较早日期对比，报告中增加变化对比部分 / add a section on what "
                   "changed since an earlier date (see `partylinks compare`)")
    p.add_argument("--fail-on", choices=["error", "warning"], dest="fail_on",
                   help="有该级别及以上问题时退出码为 1 / exit 1 when findings reach this level")
    p.add_argument("--anonymize", action="store_true",
                   help="用密钥化假名替换干部姓名 / replace cadre names by keyed pseudonyms")
    key = p.add_mutually_exclusive_group()
    key.add_argument("--key", metavar="KEY",
                     help="假名密钥（已弃用：会出现在进程列表中；请用 --key-file 或环境变量 "
                     "PARTYLINKS_KEY。不给则随机生成并写到报告旁的 .key 文件）/ pseudonym key "
                     "(deprecated: visible in the process list; use --key-file or "
                     "PARTYLINKS_KEY. Generated and saved as <report>.key when not given)")
    key.add_argument("--key-file", metavar="FILE", dest="key_file",
                     help="从文件读取假名密钥 / read the pseudonym key from FILE")
    p.add_argument("--quiet", "-q", action="store_true",
                   help="不在标准错误输出进度 / no progress on stderr")
    p.set_defaults(func=run)


def _load(args, prog):
    path = dataset_path(args)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ValidationWarning)
            g = load(path, schema=args.schema, layout=getattr(args, "layout", None),
                     lang=args.lang, progress=prog)
    except ValidationError as exc:
        print(exc.args[0].splitlines()[0], file=sys.stderr)
        print(format_issues(exc.issues, limit=200, lang=args.lang), file=sys.stderr)
        return None
    except (FileNotFoundError, ValueError) as exc:
        print(f"partylinks: {exc}", file=sys.stderr)
        return None
    n = int((g.issues["severity"] == "warning").sum()) if len(g.issues) else 0
    if n and caught:
        print(msg("report_validation_warnings", args.lang, n=n), file=sys.stderr)
    return g


def sample_date(name: str) -> str | None:
    """The reference date of a bundled sample (``audit_date`` in its expected.json)."""
    path = sample_path(name)
    meta = (path if path.is_dir() else path.parent) / "expected.json"
    if not meta.is_file():
        return None
    return json.loads(meta.read_text(encoding="utf-8")).get("audit_date")


def _command(args) -> str:
    src = f"--sample {args.sample}" if args.sample else str(args.path)
    return f"partylinks audit {src}"


def print_summary(report, file=None, command: str = "partylinks audit PATH",
                  hint: bool = True) -> None:
    """The terminal summary: counts, the per-zone table, findings by rule, top findings."""
    file = file if file is not None else sys.stdout
    lang = report.lang
    print(msg("report_title", lang), file=file)
    print(f"{msg('report_dataset', lang)}: {report.graph.get('source', '')}   "
          f"{msg('report_as_of', lang)}: {report.as_of.date().isoformat()}   "
          f"{msg('report_policy', lang)}: {report.policy.name or report.policy.source}",
          file=file)
    print(msg("report_graph", lang, **report.graph_counts), file=file)
    print(msg("report_counts", lang, **report.counts), file=file)
    if report.anonymized:
        print(msg("report_anonymized", lang), file=file)
    s = report.summary.copy()
    drop = [c for c in ("park", "project", "grid") if not s[c].any()]
    s = s.drop(columns=drop + ["largest_share"])
    s["branch_coverage"] = s["branch_coverage"].map(
        lambda v: "" if pd.isna(v) else f"{v:.0%}")
    s["score"] = s["score"].map(lambda v: "" if pd.isna(v) else f"{v:.2f}")
    zones, total = s.iloc[:-1], s.iloc[-1:]
    if len(zones) > MAX_ZONES:
        weak = zones.assign(_e=-zones["findings_error"], _w=-zones["findings_warning"])
        weak = weak.sort_values(["_e", "_w", "zone"], kind="stable").head(MAX_ZONES)
        shown = pd.concat([zones.loc[sorted(weak.index)], total])
        print(f"\n{msg('report_weakest_zones', lang, n=MAX_ZONES)}", file=file)
        print_table(people_frame(shown, lang), file=file)
        print(msg("report_more_zones", lang, n=len(zones) - MAX_ZONES), file=file)
    else:
        print(f"\n{msg('report_by_zone', lang)}", file=file)
        print_table(people_frame(s, lang), file=file)
    r = report.rules
    r = r[(r["findings"] > 0).to_numpy() | (r["status"] != "ran").to_numpy()]
    if len(r):
        print(f"\n{msg('report_by_rule', lang)}", file=file)
        kinds = dict(zip(report.rules["rule"], report.rules["kind"], strict=True))
        print_table(people_frame(r[["rule", "kind", "severity", "status", "findings"]], lang,
                                 report.labels, kinds), file=file)
    f = report.findings
    if len(f):
        print(f"\n{msg('report_top_findings', lang, n=min(TOP, len(f)))}", file=file)
        for row in f.head(TOP).itertuples(index=False):
            sev = msg(f"severity_{row.severity}", lang)
            zone = "" if pd.isna(row.zone) else f"{row.zone} "
            print(f"[{sev}] {zone}{row.node_id} {row.message}", file=file)
            print(f"    -> {row.suggestion}", file=file)
        if len(f) > TOP:
            print(msg("report_more_findings", lang, n=len(f) - TOP), file=file)
    else:
        print(msg("report_no_findings", lang), file=file)
    if hint:
        print(f"\n{msg('report_hint_out', lang, command=command)}", file=file)


def run(args) -> int:
    args.lang = lang = resolve_lang(args.lang)
    prog = as_progress(sys.stderr.isatty() and not args.quiet)
    from ..report.anonymize import resolve_key  # key file (any bytes), PARTYLINKS_KEY

    anonymize, key = resolve_key(args.anonymize, args.key, args.key_file, args.out, args.lang,
                                 warn=lambda text: print(text, file=sys.stderr))
    if bool(args.sample) == bool(args.path):
        print(f"partylinks: {msg('rpt_cli_path_or_sample', lang)}", file=sys.stderr)
        return EXIT_INVALID
    if args.path and not Path(args.path).exists():
        print(f"partylinks: {msg('rpt_cli_no_file', lang, path=args.path)}", file=sys.stderr)
        return EXIT_INVALID
    if args.split_by and not args.out:
        print(f"partylinks: {msg('rpt_split_needs_out', lang)}", file=sys.stderr)
        return EXIT_INVALID
    if args.out and not args.format:
        suffix = Path(args.out).suffix.lstrip(".").lower()
        if suffix not in FORMATS:
            text = msg("rpt_cli_format", lang, path=args.out, formats=", ".join(FORMATS))
            print(f"partylinks: {text}", file=sys.stderr)
            return EXIT_INVALID
    g = _load(args, prog)
    if g is None:
        return EXIT_INVALID
    as_of = args.as_of or (sample_date(args.sample) if args.sample else None)
    try:
        audit_date(as_of)
    except ValueError:
        print(f"partylinks: {msg('rpt_cli_bad_date', lang, value=as_of)}", file=sys.stderr)
        return EXIT_INVALID
    try:
        report = audit(g, policy=args.policy, as_of=as_of, lang=args.lang,
                       progress=prog, anonymize=anonymize, key=key,
                       compare_to=args.compare_to)
    except PolicyError as exc:
        print(f"partylinks: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except ValueError as exc:  # an unreadable --as-of date or an empty key
        print(f"partylinks: {exc}", file=sys.stderr)
        return EXIT_INVALID
    print_summary(report, command=_command(args), hint=not args.out)
    if report.comparison is not None:
        print(f"\n{report.comparison!r}")
    if args.out:
        out = Path(args.out)
        with prog.phase("write"):
            try:
                written = report.write(out, args.format)
            except ExcelRowLimitError:
                written = report.to_csv(out.with_suffix(".csv"))
                print(msg("report_csv_instead", args.lang, path=written), file=sys.stderr)
        print(msg("report_written", args.lang, path=written))
        kp = report.key_path(written)
        if kp is not None:
            print(msg("report_key_written", args.lang, path=kp), file=sys.stderr)
        if args.split_by:
            with prog.phase("write"):
                files = report.to_rectification(out, split_by=args.split_by)
            where = files[0].parent if files else out.parent
            print(msg("rpt_rectify_written", args.lang, n=len(files), path=where))
    c = report.counts
    if args.fail_on == "error" and c["error"]:
        return EXIT_FINDINGS
    if args.fail_on == "warning" and (c["error"] or c["warning"]):
        return EXIT_FINDINGS
    return EXIT_OK
