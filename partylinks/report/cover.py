"""What the first page of a report says: the facts of the audit and what to do first."""

from __future__ import annotations

import pandas as pd

from ..messages import msg
from .labels import rule_name

__all__ = ["cover_facts", "first_actions", "worst_zones", "overview_sentences",
           "FIRST_ACTIONS", "WORST_ZONES"]

FIRST_ACTIONS = 5
"""Findings listed under "what to do first"."""
WORST_ZONES = 5
"""Zones listed under "zones with most findings"."""


def _pct(v) -> str:
    return "–" if v is None or pd.isna(v) else f"{100 * float(v):.1f}%"


def _num(v, digits: int = 2) -> str:
    return "–" if v is None or pd.isna(v) else f"{float(v):.{digits}f}"


def cover_facts(report) -> list[tuple[str, str]]:
    """``(label, text)`` pairs: title, dataset, audit date, policy, data size, findings.

    Examples
    --------
    >>> import partylinks as pl
    >>> facts = cover_facts(pl.audit(pl.datasets.house(), as_of="2025-06-30"))
    >>> facts[2]
    ('审计日期', '2025-06-30')
    """
    lang = report.lang
    pol = report.policy
    facts = [
        (msg("report_title", lang), ""),
        (msg("report_dataset", lang), str(report.graph.get("source", "") or "")),
        (msg("report_as_of", lang), report.as_of.date().isoformat()),
        (msg("report_policy", lang), str(pol.name or pol.source)),
        (msg("rpt_cover_totals", lang), msg("report_graph", lang, **report.graph_counts)),
        (msg("rpt_cover_findings", lang), msg("report_counts", lang, **report.counts)),
    ]
    if report.anonymized:
        facts.append(("", msg("report_anonymized", lang)))
    return facts


def first_actions(report, n: int = FIRST_ACTIONS) -> list[str]:
    """The first ``n`` findings (most severe first, as the findings are sorted) as lines
    ``1. zone name: suggestion``; one line saying there is nothing to do when there is no
    finding.

    Examples
    --------
    >>> import partylinks as pl
    >>> first_actions(pl.audit(pl.datasets.house(), as_of="2025-06-30"), 1)
    ['1. Z2 县商务局：为县商务局建立至少一条跨组织联系（结对共建、互派兼职或挂钩联系）']
    """
    lang = report.lang
    f = report.findings
    if not len(f):
        return [msg("rpt_cover_none", lang)]
    out = []
    for i, row in enumerate(f.head(n).itertuples(index=False), start=1):
        zone = "" if pd.isna(row.zone) else f"{row.zone} "
        name = "" if pd.isna(row.name) else row.name
        out.append(msg("rpt_cover_first_line", lang, n=i, zone=zone, name=name,
                       suggestion=row.suggestion))
    return out


def worst_zones(report, n: int = WORST_ZONES) -> pd.DataFrame:
    """The ``n`` zones with most errors (then warnings), from the summary, without the
    total row; zones with no error and no warning are left out.

    Examples
    --------
    >>> import partylinks as pl
    >>> z = worst_zones(pl.audit(pl.datasets.house(), as_of="2025-06-30"))["zone"].tolist()
    >>> z.index("Z2") < z.index("Z1")
    True
    """
    s = report.summary.iloc[:-1]
    s = s[(s["findings_error"] + s["findings_warning"]).to_numpy() > 0]
    s = s.assign(_e=-s["findings_error"], _w=-s["findings_warning"])
    return s.sort_values(["_e", "_w", "zone"], kind="stable").head(n).drop(
        columns=["_e", "_w"]).reset_index(drop=True)


def overview_sentences(report) -> list[str]:
    """The overview in sentences, with the figures: what was audited, what was found,
    isolation, connectivity, coverage and score, the worst zones and rules.

    Examples
    --------
    >>> import partylinks as pl
    >>> s = overview_sentences(pl.audit(pl.datasets.house(), as_of="2025-06-30"))
    >>> s[1].startswith("共发现问题")
    True
    """
    lang = report.lang
    total = report.summary.iloc[-1]
    c = report.counts
    out = [
        msg("rpt_docx_para_data", lang, date=report.as_of.date().isoformat(),
            policy=report.policy.name or report.policy.source,
            source=report.graph.get("source", "") or "-", **report.graph_counts),
        msg("rpt_docx_para_counts", lang, total=sum(c.values()), **c),
        msg("rpt_docx_para_ties", lang,
            isolated="–" if pd.isna(total["isolated"]) else int(total["isolated"]),
            fragile="–" if pd.isna(total["fragile"]) else int(total["fragile"]),
            largest=_pct(total["largest_share"]), coverage=_pct(total["branch_coverage"]),
            score=_num(total["score"])),
    ]
    wz = worst_zones(report, 3)
    sep = msg("rpt_list_sep", lang)
    if len(wz):
        out.append(msg("rpt_docx_para_worst", lang, zones=sep.join(
            msg("rpt_cover_zone_line", lang, zone=r.zone, error=int(r.findings_error),
                warning=int(r.findings_warning)) for r in wz.itertuples())))
    r = report.rules[report.rules["findings"] > 0].sort_values("findings", ascending=False,
                                                               kind="stable").head(3)
    if len(r):
        out.append(msg("rpt_docx_para_rules", lang, rules=sep.join(
            msg("rpt_docx_rule_count", lang, rule=rule_name(x.rule, x.kind, lang),
                n=int(x.findings)) for x in r.itertuples())))
    return out
