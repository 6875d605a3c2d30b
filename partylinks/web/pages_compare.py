"""The comparison page: what changed since the last period, or between two dates."""

from __future__ import annotations

import pandas as pd

import partylinks as pl
from partylinks.messages import MESSAGES, msg

from . import adapters
from .app import UserError, page, render
from .shared import (
    MAX_ROWS,
    XLSX,
    as_of_param,
    attachment,
    default_date,
    parse_date,
    problem_rows,
    require_graph,
    run_blocking,
    save_uploads,
    text,
    type_label,
)


# -- compare --------------------------------------------------------------------------------
@page
async def compare(request, session, lang):
    notice = None
    if request.method == "POST":
        g = require_graph(session)
        folder = session.subfolder("previous")
        path = await save_uploads(request, folder)
        previous = await run_blocking(adapters.load_dataset, path, lang=lang,
                                      aliases=session.aliases)
        session.previous = previous
        if previous.graph is None:
            notice = msg("web_load_failed", lang, errors=previous.n_errors)
        else:
            session.comparison = await run_blocking(pl.compare, previous.graph, other=g,
                                            policy=session.policy, lang=lang)
    elif request.query_params.get("before"):
        g = require_graph(session)
        before = parse_date(request.query_params["before"])
        after = as_of_param(request, session)
        session.comparison = await run_blocking(pl.compare, g, before=before, after=after,
                                        policy=session.policy, lang=lang)
    c = session.comparison
    sections = []
    if c is not None:
        for key, table in (("web_compare_isolated", c.units_isolated),
                           ("web_compare_lapsed", c.ties_lapsed),
                           ("web_compare_opened", c.findings_opened),
                           ("web_compare_closed", c.findings_closed),
                           ("web_compare_zones", c.zone_scores)):
            sections.append(_compare_section(key, table, session, lang))
    issues = []
    if session.previous is not None and session.previous.graph is None:
        issues = problem_rows(session.previous, lang).head(MAX_ROWS).to_dict("records")
    has_data = session.loaded is not None and session.loaded.graph is not None
    return render(request, "compare.html", lines=c.lines() if c is not None else [],
                  as_of=default_date(session) if has_data else "",
                  sections=sections, notice=notice, issues=issues, has_data=has_data)


_HIDDEN = {"key", "related_ids", "detail", "kind", "u", "v", "via", "id", "node_id"}


def _compare_section(key: str, table: pd.DataFrame, session, lang: str) -> dict:
    """One table of a comparison for the page: no internal ids, headers in ``lang``, dates
    as days, tie and node types and severities as words."""
    g = session.loaded.graph
    cols = [c for c in table.columns if c not in _HIDDEN]
    head = table[cols].head(200).copy()
    for c in cols:
        if c in ("start", "end"):
            head[c] = pd.to_datetime(head[c], errors="coerce").dt.strftime("%Y-%m-%d")
        elif c in ("tie_type", "type", "node_type"):
            head[c] = head[c].map(lambda v: type_label(g, str(v), lang) if text(v) else "")
        elif c == "severity":
            head[c] = head[c].map(lambda v: msg(f"web_sev_{v}", lang))
        elif c == "sector":
            head[c] = head[c].map(
                lambda v: MESSAGES.get(f"sector_{v}", {}).get(lang, text(v)))
    head = head.astype(object).where(head.notna(), "")
    headers = [MESSAGES.get(f"chg_col_{c}", {}).get(lang) or c for c in cols]
    return {"title": msg(key, lang), "columns": cols, "headers": headers, "n": len(table),
            "rows": head.to_dict("records")}


@page
async def compare_xlsx(request, session, lang):
    if session.comparison is None:
        raise UserError("web_error_not_found", status=404)
    path = session.subfolder("out") / ("对比结果.xlsx" if lang == "zh" else "comparison.xlsx")
    await run_blocking(session.comparison.to_excel, path, lang)
    return attachment(path.read_bytes(), path.name, XLSX)

