"""The HTML report: one self-contained file (inline CSS, charts as base64 PNG), which
needs no internet connection and prints cleanly on A4.

Every text that comes from the data (names, ids, zones, messages) is HTML-escaped.
Charts come from :func:`chart_images`, the hook that embeds
``partylinks.plot.plot_coverage(report)`` when that function exists.
"""

from __future__ import annotations

import base64
import html
import io
from pathlib import Path

import numpy as np
import pandas as pd

from ..messages import msg
from ._tables import label
from .excel import EXCEL_SKIP
from .labels import DECIMAL_COLUMNS, PERCENT_COLUMNS, people_frame

__all__ = ["render_html", "write_html", "chart_images", "notebook_html", "MAX_METRIC_ROWS",
           "MAX_HTML_ZONES", "MAX_NOTEBOOK_FINDINGS"]

MAX_METRIC_ROWS = 200
"""Rows of each metric table shown in the HTML report (all of them are in Excel and JSON)."""
MAX_HTML_ZONES = 50
"""Zones in the HTML summary table and chart: the ones with most findings, when there are
more (all of them are in the Excel and JSON reports)."""
MAX_NOTEBOOK_FINDINGS = 10
"""Findings shown in a notebook's view of a report."""

_CSS = """
body{font-family:"Noto Sans SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",
"WenQuanYi Micro Hei",sans-serif;margin:24px;color:#1d2733;font-size:14px;line-height:1.45}
h1{font-size:22px;margin:0 0 6px}h2{font-size:17px;margin:26px 0 8px;border-bottom:2px solid
#3b6ea5;padding-bottom:3px}h3{font-size:15px;margin:18px 0 6px}
.meta{color:#4a5866;margin:2px 0}.counts span{display:inline-block;margin-right:14px;
font-weight:600}.sev-error{color:#b3261e}.sev-warning{color:#a15c00}.sev-info{color:#33658a}
table{border-collapse:collapse;margin:6px 0 14px;font-size:12.5px;width:100%}
th,td{border:1px solid #c9d3dd;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#e6edf4}tr:nth-child(even) td{background:#f7f9fb}
td.num{text-align:right;font-variant-numeric:tabular-nums}.note{color:#4a5866;font-size:12px}
img.chart{max-width:100%;height:auto;display:block;margin:8px 0}
@page{size:A4 landscape;margin:12mm}
@media print{body{margin:0;font-size:10.5pt}table{font-size:9pt}
thead{display:table-header-group}tr,img{page-break-inside:avoid}
h2{page-break-after:avoid}.section{page-break-before:auto}
tr:nth-child(even) td{background:none}}
"""


def chart_images(report) -> list[tuple[str, bytes]]:
    """``(title, PNG bytes)`` of the charts embedded in the HTML report.

    The hook for :mod:`partylinks.plot`: when it provides ``plot_coverage(report)``
    (returning a matplotlib Axes), its figure is embedded; otherwise there is no chart.
    """
    try:
        from ..plot import plot_coverage
    except ImportError:
        return []
    import matplotlib.pyplot as plt

    many = len(report.summary) - 1 > MAX_HTML_ZONES
    ax = (plot_coverage(report, max_zones=MAX_HTML_ZONES) if many
          else plot_coverage(report))
    fig = ax.figure
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=130, bbox_inches="tight")
    plt.close(fig)
    return [(msg("report_charts", report.lang), buf.getvalue())]


def _esc(v) -> str:
    if v is None or (isinstance(v, float) and v != v) or v is pd.NA or v is pd.NaT:
        return ""
    return html.escape(str(v), quote=True)


def _table(shown: pd.DataFrame, raw_columns: list[str], n_rows: int | None = None,
           lang: str = "zh", where: str = "rpt_where_excel_json") -> str:
    """An HTML table of ``shown``; a note when the full table has ``n_rows`` > shown."""
    head = "".join(f"<th>{_esc(c)}</th>" for c in shown.columns)
    rows = []
    pct = {i for i, c in enumerate(raw_columns) if c in PERCENT_COLUMNS}
    dec = {i for i, c in enumerate(raw_columns) if c in DECIMAL_COLUMNS}
    for row in shown.itertuples(index=False):
        cells = []
        for i, v in enumerate(row):
            if isinstance(v, float | np.floating) and v == v:
                text = (f"{v:.1%}" if i in pct else f"{v:.2f}" if i in dec
                        else f"{v:.3g}")
                cells.append(f'<td class="num">{_esc(text)}</td>')
            elif isinstance(v, int | np.integer | np.floating):
                cells.append(f'<td class="num">{_esc(v)}</td>')
            else:
                cells.append(f"<td>{_esc(v)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    out = f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    if n_rows is not None and n_rows > len(shown):
        note = msg("rpt_rows_shown_xlsx", lang, n=n_rows, shown=len(shown),
                   where=msg(where, lang))
        out += f'<p class="note">{_esc(note)}</p>'
    return out


def _worst(summary: pd.DataFrame, n: int) -> pd.DataFrame:
    """The summary's ``n`` zones with most errors, then warnings (in their own order), and
    the total row; the whole summary when it has at most ``n`` zones."""
    zones = summary.iloc[:-1]
    if len(zones) <= n:
        return summary
    keep = zones.assign(_e=-zones["findings_error"], _w=-zones["findings_warning"]).sort_values(
        ["_e", "_w", "zone"], kind="stable").head(n).index
    return pd.concat([zones.loc[sorted(keep)], summary.iloc[-1:]])


def notebook_html(report, n_findings: int = MAX_NOTEBOOK_FINDINGS) -> str:
    """The notebook view of a report: title, date, counts, the per-zone summary (shares as
    percentages, at most :data:`MAX_HTML_ZONES` zones) and the first ``n_findings``
    findings, in the report's language, every text escaped.

    Examples
    --------
    >>> import partylinks as pl
    >>> text = notebook_html(pl.audit(pl.datasets.house(), as_of="2025-06-30"))
    >>> "100.0%" in text, "县商务局没有任何跨组织联系" in text, "0.5" in text
    (True, True, False)
    """
    lang = report.lang
    s = _worst(report.summary, MAX_HTML_ZONES)
    kinds = dict(zip(report.rules["rule"], report.rules["kind"], strict=True))
    out = [f"<div><strong>{_esc(msg('report_title', lang))}</strong> &nbsp; "
           f"{_esc(msg('report_as_of', lang))}: {report.as_of.date().isoformat()}<br>"
           f"{_esc(msg('report_counts', lang, **report.counts))}",
           _table(people_frame(s, lang, report.labels), list(s.columns))]
    f = report.findings
    if len(f):
        cols = ["severity", "rule", "zone", "name", "message", "suggestion"]
        out.append(f"<b>{_esc(msg('report_top_findings', lang, n=min(n_findings, len(f))))}"
                   "</b>")
        out.append(_table(people_frame(f[cols].head(n_findings), lang, report.labels, kinds),
                          cols))
        if len(f) > n_findings:
            more = msg("report_more_findings", lang, n=len(f) - n_findings)
            out.append(f'<p class="note">{_esc(more)}</p>')
    else:
        out.append(f"<p>{_esc(msg('report_no_findings', lang))}</p>")
    return "".join(out) + "</div>"


def render_html(report) -> str:
    """The report as one HTML document (a string).
    Examples
    --------
    >>> import partylinks as pl
    >>> text = render_html(pl.audit(pl.datasets.house(), as_of="2025-06-30"))
    >>> text.startswith("<!DOCTYPE html>"), "县商务局没有任何跨组织联系" in text
    (True, True)
    """
    from ..version import __version__

    lang = report.lang
    c = report.counts
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_esc(msg('report_title', lang))}</title><style>{_CSS}</style></head><body>",
        f"<h1>{_esc(msg('report_title', lang))}</h1>",
        f'<p class="meta">{_esc(msg("report_dataset", lang))}: '
        f'{_esc(report.graph.get("source", ""))}</p>',
        f'<p class="meta">{_esc(msg("report_as_of", lang))}: {report.as_of.date().isoformat()}'
        f' &nbsp; {_esc(msg("report_policy", lang))}: {_esc(report.policy.name)} '
        f'({_esc(report.policy.source)})</p>',
        f'<p class="meta">{_esc(msg("report_graph", lang, **report.graph_counts))}</p>',
    ]
    if report.anonymized:
        parts.append(f'<p class="meta">{_esc(msg("report_anonymized", lang))}</p>')
    parts.append('<p class="counts">' + "".join(
        f'<span class="sev-{s}">{_esc(label("severity_", s, lang))}: {c[s]}</span>'
        for s in ("error", "warning", "info")) + "</p>")
    parts.append(f'<h2>{_esc(msg("report_by_zone", lang))}</h2>')
    s = _worst(report.summary, MAX_HTML_ZONES)
    parts.append(_table(people_frame(s, lang, report.labels), list(s.columns)))
    if len(s) < len(report.summary):
        note = msg("rpt_zones_cut", lang, n=len(report.summary) - 1, shown=len(s) - 1)
        parts.append(f'<p class="note">{_esc(note)}</p>')
    for title, png in chart_images(report):
        b64 = base64.b64encode(png).decode("ascii")
        parts.append(f"<h2>{_esc(title)}</h2>"
                     f'<img class="chart" alt="{_esc(title)}" src="data:image/png;base64,{b64}">')
    parts.append(f'<h2>{_esc(msg("report_by_rule", lang))}</h2>')
    kinds = dict(zip(report.rules["rule"], report.rules["kind"], strict=True))
    parts.append(_table(people_frame(report.rules, lang, report.labels, kinds),
                        list(report.rules.columns)))
    parts.append(f'<h2>{_esc(msg("report_findings", lang))}</h2>')
    if len(report.findings):
        cols = ["severity", "rule", "zone", "node_id", "name", "message", "suggestion",
                "related_ids"]
        f = report.findings[cols]
        parts.append(_table(people_frame(f, lang, report.labels, kinds), cols))
    else:
        parts.append(f'<p>{_esc(msg("report_no_findings", lang))}</p>')
    parts.append(f'<h2>{_esc(msg("report_metrics", lang))}</h2>')
    for name, table in report.metrics.items():
        parts.append(f'<h3>{_esc(label("metric_", name, lang))}</h3>')
        shown = people_frame(table.head(MAX_METRIC_ROWS), lang, report.labels)
        where = "rpt_where_json" if name in EXCEL_SKIP else "rpt_where_excel_json"
        parts.append(_table(shown, list(table.columns), n_rows=len(table), lang=lang,
                            where=where))
    if getattr(report, "comparison", None) is not None:
        parts.append(f'<h2>{_esc(msg("chg_sec_comparison", lang))}</h2>')
        parts.append(report.comparison._repr_html_())
    parts.append(f'<p class="note">{_esc(msg("report_generated", lang, version=__version__))}'
                 "</p></body></html>")
    return "\n".join(parts)


def write_html(report, path: str | Path) -> Path:
    """Write :func:`render_html` to ``path`` (UTF-8)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(report), encoding="utf-8")
    return path
