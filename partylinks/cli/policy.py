"""``partylinks policy``: copy, show, check and explain audit policies."""

from __future__ import annotations

import sys
from pathlib import Path

from ..messages import msg
from ..rules import RULE_KINDS, PolicyError, default_policy_path, load_policy
from ._common import EXIT_INVALID, EXIT_OK


def register(sub) -> None:
    p = sub.add_parser(
        "policy", help="审计策略：复制、查看、检查 / audit policy: copy, show, check",
        description="审计策略是一个 TOML 文件，列出要检查的规则及其阈值、严重程度和适用范围。"
        "用 --init 复制内置策略后修改，审计时用 partylinks audit --policy FILE。 / An audit "
        "policy is a TOML file listing the rules to check with their thresholds, severities "
        "and scope. Copy the default with --init, edit it, and pass it to "
        "`partylinks audit --policy FILE`.")
    act = p.add_mutually_exclusive_group(required=True)
    act.add_argument("--init", metavar="FILE",
                     help="把内置策略复制到 FILE / copy the default policy to FILE")
    act.add_argument("--show", action="store_true",
                     help="打印内置策略 / print the default policy")
    act.add_argument("--check", metavar="FILE",
                     help="检查策略文件并列出规则 / check a policy file and list its rules")
    act.add_argument("--kinds", action="store_true",
                     help="列出规则类型及参数 / list the rule kinds and their parameters")
    p.add_argument("--force", action="store_true",
                   help="--init 时覆盖已有文件 / let --init overwrite an existing file")
    p.add_argument("--lang", choices=["zh", "en"], default="zh",
                   help="输出语言 / output language (default zh)")
    p.set_defaults(func=run)


def run(args) -> int:
    lang = args.lang
    if args.show:
        sys.stdout.write(default_policy_path().read_text(encoding="utf-8"))
        return EXIT_OK
    if args.init:
        dest = Path(args.init)
        if dest.exists() and not args.force:
            print(msg("policy_exists", lang, path=dest), file=sys.stderr)
            return EXIT_INVALID
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(default_policy_path().read_text(encoding="utf-8"), encoding="utf-8")
        print(msg("policy_written", lang, path=dest))
        return EXIT_OK
    if args.kinds:
        for kind, (fn, params) in RULE_KINDS.items():
            first = (fn.__doc__ or "").strip().splitlines()[0]
            print(f"{kind}: {first}")
            for name, ps in params.items():
                print(f"    {name} ({ps.type}, default {ps.default!r}): {ps.doc}")
        return EXIT_OK
    try:
        pol = load_policy(args.check)
    except PolicyError as exc:
        print(f"partylinks: {exc}", file=sys.stderr)
        return EXIT_INVALID
    print(msg("policy_ok", lang, path=args.check, n=len(pol.rules),
              enabled=sum(r.enabled for r in pol.rules)))
    for r in pol.rules:
        state = "" if r.enabled else " (off)"
        print(f"  line {r.line}: {r.id} [{r.kind}, {r.severity}]{state}")
    return EXIT_OK
