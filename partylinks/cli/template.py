"""``partylinks template``: the blank ledger workbook a department hands out."""

from __future__ import annotations

import sys
from pathlib import Path

from ..graph.ledger import LayoutError, default_layout_path, load_layout, write_template
from ..messages import msg
from ._common import EXIT_INVALID, EXIT_OK, add_lang_arg


def register(sub) -> None:
    p = sub.add_parser(
        "template", help="台账模板：下发给各乡镇填写的 Excel / the ledger workbook to hand out",
        description="写出按办公室习惯排版的台账模板：每类事项一张工作表（社区、企业、党组织、党员、兼职情况、"
        "1+1+1挂钩服务、结对共建、协调委员会成员单位、网格、双报到、活动），"
        "带填表说明和下拉选项；填好后可直接 "
        "partylinks audit 台账.xlsx。--layout-out 另存一份台账版式文件以便修改。 / Write the "
        "office-layout ledger workbook: one sheet per kind of thing and per mechanism, with "
        "an instructions sheet and drop-down lists; filled in, it loads with `partylinks "
        "audit 台账.xlsx`. --layout-out also writes the layout file for editing.")
    p.add_argument("--out", metavar="FILE.xlsx", default=None,
                   help="模板文件名（默认 台账模板.xlsx）/ the workbook to write "
                   "(default 台账模板.xlsx)")
    p.add_argument("--example", action="store_true",
                   help="填入一个示例镇的数据 / fill in a small example town")
    p.add_argument("--layout", metavar="FILE",
                   help="按此版式检查表头 / check the headers against this layout file")
    p.add_argument("--layout-out", metavar="FILE",
                   help="把内置台账版式复制到 FILE 以便修改 / copy the built-in ledger "
                   "layout to FILE")
    p.add_argument("--force", action="store_true",
                   help="覆盖已有文件 / overwrite existing files")
    add_lang_arg(p)
    p.set_defaults(func=run)


def run(args) -> int:
    lang = args.lang
    out = Path(args.out or "台账模板.xlsx")
    targets = [out] + ([Path(args.layout_out)] if args.layout_out else [])
    for t in targets:
        if t.exists() and not args.force:
            print(msg("template_exists", lang, path=t), file=sys.stderr)
            return EXIT_INVALID
    try:
        layout = load_layout(args.layout)
        write_template(out, example=args.example, layout=layout)
    except (LayoutError, ValueError, OSError) as exc:
        print(msg("cli_error", lang, detail=str(exc)), file=sys.stderr)
        return EXIT_INVALID
    print(msg("template_written", lang, path=out))
    if args.layout_out:
        Path(args.layout_out).write_text(default_layout_path().read_text(encoding="utf-8"),
                                         encoding="utf-8")
        print(msg("layout_written", lang, path=args.layout_out))
    return EXIT_OK
