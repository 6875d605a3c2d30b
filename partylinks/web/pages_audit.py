"""Pages to read the audit and take it away: findings, policy, charts, network, downloads."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
from starlette.responses import FileResponse, JSONResponse, RedirectResponse, Response

import partylinks as pl

from . import adapters
from .app import UserError, page, render
from .network import ZONE_LIMIT, network_data, zones_of
from .shared import (
    MAX_ROWS,
    XLSX,
    as_of_param,
    attachment,
    audit_report,
    require_graph,
    rule_label,
    run_blocking,
    safe_name,
)


# -- read the audit -------------------------------------------------------------------------
def _finding_filters(q) -> dict:
    return {k: q.get(k, "") for k in ("zone", "severity", "rule")}


def _filter_findings(f: pd.DataFrame, flt: dict) -> pd.DataFrame:
    if flt["zone"]:
        f = f[f["zone"].astype(str) == flt["zone"]]
    if flt["severity"]:
        f = f[f["severity"] == flt["severity"]]
    if flt["rule"]:
        f = f[f["rule"] == flt["rule"]]
    return f


@page
async def audit(request, session, lang):
    require_graph(session)
    as_of = as_of_param(request, session)
    report = await audit_report(session, as_of, lang)
    flt = _finding_filters(request.query_params)
    f = _filter_findings(report.findings, flt)
    summary = report.summary.copy()
    columns = [c for c in summary.columns]
    findings = [{"severity": r.severity, "rule": rule_label(r.rule, r.kind, lang),
                 "name": r.name, "zone": r.zone, "message": r.message,
                 "suggestion": r.suggestion}
                for r in f.head(MAX_ROWS).itertuples(index=False)]
    kinds = dict(zip(report.findings["rule"], report.findings["kind"], strict=True))
    rules = [(rule, rule_label(rule, kinds[rule], lang)) for rule in sorted(kinds)]
    names = adapters.name_resolution(session.loaded.graph)
    pending = 0 if names is None else len(names)
    return render(request, "audit.html", as_of=as_of, counts=report.counts, pending=pending,
                  summary_columns=columns, summary=summary.to_dict("records"),
                  findings=findings, n_findings=len(report.findings), n_filtered=len(f),
                  filters=flt, zones=zones_of(report),
                  rules=rules, percent=("largest_share", "branch_coverage"),
                  policy_name=session.policy.name if session.policy else None)


@page
async def policy(request, session, lang):
    form = request.state.form
    if form.get("reset"):
        session.policy = None
    else:
        f = form.get("policy")
        if not getattr(f, "filename", ""):
            raise UserError("web_error_no_file")
        target = session.subfolder("policy") / (safe_name(f.filename).rsplit(".", 1)[0]
                                                 + ".toml")
        target.write_bytes(await f.read())
        try:
            pl.load_policy(target)
        except (pl.rules.PolicyError, ValueError) as exc:
            raise UserError("web_error_policy", detail=str(exc)[:500]) from None
        session.policy = target
    session.reset_results()
    return RedirectResponse("/audit", status_code=303)


@page
async def default_policy(request, session, lang):
    path = pl.default_policy_path()
    return FileResponse(path, media_type="application/toml", filename=Path(path).name)


@page
async def chart(request, session, lang):
    kind = request.path_params["kind"]
    if kind not in ("coverage", "score"):
        raise UserError("web_error_not_found", status=404)
    g = require_graph(session)
    as_of = as_of_param(request, session)
    report = await audit_report(session, as_of, lang)

    def draw() -> bytes:
        import matplotlib

        matplotlib.use("Agg", force=False)
        import matplotlib.pyplot as plt

        plot = pl.plot
        if kind == "coverage":
            ax = plot.plot_coverage(report, lang=lang)
        else:
            ax = plot.plot_score_distribution(g, as_of=as_of, lang=lang)
        buf = io.BytesIO()
        ax.figure.savefig(buf, format="png", dpi=90, bbox_inches="tight")
        plt.close(ax.figure)
        return buf.getvalue()

    return Response(await run_blocking(draw), media_type="image/png")


@page
async def network(request, session, lang):
    g = require_graph(session)
    as_of = as_of_param(request, session)
    report = await audit_report(session, as_of, lang)
    zone = request.query_params.get("zone") or None
    zones = zones_of(report)
    if zone is not None and zone not in zones:
        raise UserError("web_error_unknown_zone", zone=zone)
    n_units = len(report.metrics["score"])
    if zone is None and n_units > ZONE_LIMIT and zones:
        zone = zones[0]
    return render(request, "network.html", as_of=as_of, zone=zone, zones=zones,
                  n_units=n_units, limit=ZONE_LIMIT, large=n_units > ZONE_LIMIT,
                  name=session.loaded.name, n_nodes=len(g.nodes))


@page
async def network_json(request, session, lang):
    g = require_graph(session)
    as_of = as_of_param(request, session)
    report = await audit_report(session, as_of, lang)
    zone = request.query_params.get("zone") or None
    try:
        data = await run_blocking(network_data, g, report, zone=zone, lang=lang)
    except KeyError:
        raise UserError("web_error_unknown_zone", zone=zone) from None
    return JSONResponse(data)


# -- take it away ---------------------------------------------------------------------------
@page
async def downloads(request, session, lang):
    require_graph(session)
    as_of = as_of_param(request, session)
    report = await audit_report(session, as_of, lang)
    return render(request, "downloads.html", as_of=as_of,
                  formats=adapters.report_formats(report), has_key=session.key is not None)


@page
async def download(request, session, lang):
    fmt = request.path_params["fmt"]
    if fmt == "key":
        if session.key is None:
            raise UserError("web_error_not_found", status=404)
        return attachment(session.key.encode() + b"\n", "pseudonym.key", "text/plain")
    if fmt not in ("xlsx", "docx", "html", "json", "zip"):
        raise UserError("web_error_not_found", status=404)
    require_graph(session)
    as_of = as_of_param(request, session)
    anonymize = request.query_params.get("anonymize") == "1"
    report = await audit_report(session, as_of, lang, anonymize=anonymize)
    if not adapters.report_formats(report)[fmt]:
        raise UserError("web_error_not_found", status=404)
    folder = session.subfolder("out")
    stem = ("审计报告" if lang == "zh" else "audit") + f"-{as_of}"
    if fmt == "zip":
        stem = ("整改清单" if lang == "zh" else "rectification") + f"-{as_of}"
    path = await run_blocking(adapters.write_report, report, fmt, folder, stem)
    media = {"xlsx": XLSX, "html": "text/html; charset=utf-8", "json": "application/json",
             "zip": "application/zip",
             "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
    return attachment(path.read_bytes(), path.name, media[fmt])


