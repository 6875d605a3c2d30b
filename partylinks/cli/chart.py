"""``partylinks chart``: draw one chart of a dataset to a PNG, SVG or PDF file."""

from __future__ import annotations

import sys
from pathlib import Path

from ..messages import msg
from ._common import EXIT_INVALID, EXIT_OK, add_dataset_args, add_lang_arg, load_or_exit

KINDS = ("network", "matrix", "coverage", "score")
FORMATS = ("png", "svg", "pdf")


def register(sub) -> None:
    p = sub.add_parser(
        "chart", help="画图：单位联系网络、联系矩阵、覆盖情况、薄弱度 / draw a chart: network, "
        "linkage matrix, coverage or weak-linkage score",
        description="把数据画成一张图并保存为 PNG、SVG 或 PDF：network 单位联系网络（按片区分组，"
        "标出孤立单位、桥和关键人物；单位超过 400 个时画片区概览，可用 --zone 或 --ego 看细节），"
        "matrix 部门类别或片区之间的联系矩阵，coverage 审计得出的各片区覆盖率和问题数，score "
        "各片区单位的联系薄弱度。中文无需安装字体。 / Draw one chart of a dataset and save it "
        "as PNG, SVG or PDF: the unit network grouped by zone with the weak spots "
        "highlighted (a zone overview above 400 units; use --zone or --ego for detail), the "
        "sector or zone linkage matrix, the coverage scorecard of an audit, or the "
        "weak-linkage score by zone. Chinese labels need no installed font.")
    add_dataset_args(p)
    add_lang_arg(p)
    p.add_argument("--kind", choices=KINDS, default="network",
                   help="图的种类（默认 network）/ the chart to draw (default network)")
    p.add_argument("--out", metavar="FILE", required=True,
                   help="输出文件，按后缀决定格式 / output file: .png, .svg or .pdf")
    p.add_argument("--zone", metavar="Z", action="append",
                   help="只画这个片区（可重复）/ network: draw only this zone (repeatable)")
    p.add_argument("--ego", metavar="ID",
                   help="只画这个单位（或干部、党组织所在单位）周围 / network: draw the "
                   "neighbourhood of this unit (or of a cadre's or branch's unit)")
    p.add_argument("--radius", metavar="K", type=int, default=1,
                   help="--ego 的步数（默认 1）/ network: steps around --ego (default 1)")
    p.add_argument("--show-cadres", action="store_true", dest="show_cadres",
                   help="画出承担联系的党员干部 / network: draw the cadres who carry the ties")
    p.add_argument("--by", metavar="COLUMN",
                   help="分组：sector 部门类别或 zone 片区（matrix 默认 sector，score 默认 zone）/ "
                   "grouping for matrix (default sector) and score (default zone)")
    p.add_argument("--density", action="store_true",
                   help="矩阵显示密度而非数量 / matrix: densities instead of counts")
    p.add_argument("--policy", metavar="FILE",
                   help="coverage 使用的审计策略 / coverage: audit policy TOML file")
    p.add_argument("--as-of", metavar="DATE", dest="as_of",
                   help="按该日期有效的联系画图（样例默认其审计日）/ draw the ties active on "
                   "DATE (a sample's audit date by default)")
    p.add_argument("--dpi", metavar="N", type=int, default=150,
                   help="PNG 分辨率（默认 150）/ PNG resolution (default 150)")
    p.set_defaults(func=run)


def draw(g, args):
    """Draw the chart ``args.kind`` of ``g``; return the matplotlib Axes."""
    from .. import plot

    lang = args.lang
    if args.kind == "network":
        return plot.plot_network(g, zone=args.zone, ego=args.ego, radius=args.radius,
                                 show_cadres=args.show_cadres, lang=lang, as_of=args.as_of)
    if args.kind == "matrix":
        return plot.plot_linkage_matrix(g, by=args.by or "sector", density=args.density,
                                        lang=lang, as_of=args.as_of)
    if args.kind == "score":
        return plot.plot_score_distribution(g, lang=lang, as_of=args.as_of,
                                            by=args.by or "zone")
    from ..report import audit

    report = audit(g, policy=args.policy, as_of=args.as_of, lang=lang)
    return plot.plot_coverage(report, lang=lang)


def run(args) -> int:
    out = Path(args.out)
    fmt = out.suffix.lstrip(".").lower()
    if fmt not in FORMATS:
        print(f"partylinks: cannot tell the chart format from {args.out!r}; end it in "
              f"{', '.join('.' + f for f in FORMATS)}", file=sys.stderr)
        return EXIT_INVALID
    if args.radius < 0 or args.dpi <= 0:
        print("partylinks: --radius must be 0 or more and --dpi more than 0", file=sys.stderr)
        return EXIT_INVALID
    g = load_or_exit(args)
    if args.as_of is None and args.sample:
        from .audit import sample_date

        args.as_of = sample_date(args.sample)
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from ..plot import chinese_rc

    try:
        ax = draw(g, args)
    except (KeyError, ValueError) as exc:  # unknown zone, ego, column, date; bad policy
        print(f"partylinks: {exc.args[0] if exc.args else exc}", file=sys.stderr)
        return EXIT_INVALID
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with chinese_rc():  # fonts embedded as TrueType in PDF, text as paths in SVG
            ax.figure.savefig(out, format=fmt, dpi=args.dpi, bbox_inches="tight")
    except OSError as exc:
        print(f"partylinks: cannot write {out}: {exc}", file=sys.stderr)
        return EXIT_INVALID
    finally:
        plt.close(ax.figure)
    print(msg("chart_written", args.lang, path=out))
    return EXIT_OK
