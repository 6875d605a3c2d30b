"""``partylinks summary``: counts by type, zone and edge type."""

from __future__ import annotations

from ..messages import resolve_lang
from ._common import add_dataset_args, add_lang_arg, load_or_exit


def register(sub) -> None:
    p = sub.add_parser(
        "summary", help="数据概况：按类型、片区、关系统计 / counts by type, zone and edge type",
        description="加载数据并打印节点、关系和单位间联系的数量。 / Load a dataset and print "
        "node, edge and tie counts by type and zone.")
    add_dataset_args(p)
    add_lang_arg(p)
    p.set_defaults(func=run)


def run(args) -> int:
    g = load_or_exit(args)
    print(g.summary(lang=resolve_lang(args.lang)))
    return 0
