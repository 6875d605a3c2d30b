"""Pages to bring data and fix it: start, upload, samples, template, problems, names."""

from __future__ import annotations

import pandas as pd
from starlette.responses import FileResponse, RedirectResponse

import partylinks as pl
from partylinks.messages import msg

from . import adapters
from .app import UserError, page, render
from .shared import (
    MAX_ROWS,
    XLSX,
    attachment,
    problem_rows,
    run_blocking,
    sample_date,
    save_uploads,
    type_label,
    unit_total,
)


# -- bring data -----------------------------------------------------------------------------
@page
async def index(request, session, lang):
    loaded = session.loaded
    current = None
    if loaded is not None and loaded.graph is not None:
        g = loaded.graph
        current = msg("web_current", lang, name=loaded.name, nodes=len(g.nodes),
                      edges=len(g.edges), units=unit_total(g))
    return render(request, "index.html", samples=pl.datasets.list_samples(), current=current,
                  has_template=adapters.template_writer() is not None)


async def _take(request, session, lang, loaded):
    session.loaded = loaded
    session.reset_results()
    if loaded.graph is None:
        return render(request, "problems.html", **_problem_context(request, session, lang),
                      notice=msg("web_load_failed", lang, errors=loaded.n_errors), status=422,
                      nav="/problems")
    return RedirectResponse("/audit", status_code=303)


@page
async def upload(request, session, lang):
    folder = session.subfolder("data")
    path = await save_uploads(request, folder)
    try:
        loaded = await run_blocking(adapters.load_dataset, path, lang=lang, aliases=session.aliases,
                            name=path.name if path.is_file() else "、".join(
                                sorted(p.name for p in folder.iterdir())))
    except (OSError, ValueError, KeyError) as exc:
        raise UserError("web_error_unreadable", detail=str(exc)[:500]) from None
    return await _take(request, session, lang, loaded)


@page
async def sample(request, session, lang):
    name = str(request.state.form.get("name", ""))
    if name not in pl.datasets.list_samples():
        raise UserError("web_error_unknown_sample", name=name)
    loaded = await run_blocking(adapters.load_dataset, pl.datasets.sample_path(name), lang=lang,
                        name=name)
    loaded.extra["as_of"] = sample_date(name)
    return await _take(request, session, lang, loaded)


@page
async def template(request, session, lang):
    writer = adapters.template_writer()
    if writer is None:
        raise UserError("web_error_not_found", status=404)
    path = session.subfolder("template") / "台账模板.xlsx"
    await run_blocking(writer, path)
    return FileResponse(path, media_type=XLSX, filename=path.name)


# -- fix what is wrong ----------------------------------------------------------------------
def _problem_rows(session, lang) -> pd.DataFrame:
    return problem_rows(session.loaded, lang)


def _filter_problems(df: pd.DataFrame, q) -> pd.DataFrame:
    if q.get("severity"):
        df = df[df["severity"] == q["severity"]]
    if q.get("file"):
        df = df[df["file"] == q["file"]]
    if q.get("q"):
        text = q["q"]
        hit = df.apply(lambda r: any(text in str(v) for v in r.values), axis=1)
        df = df[hit.astype(bool)] if len(df) else df
    return df


def _problem_context(request, session, lang) -> dict:
    rows = _problem_rows(session, lang)
    q = request.query_params
    shown = _filter_problems(rows, q)
    return {"rows": shown.head(MAX_ROWS).to_dict("records"), "n": len(rows),
            "n_errors": int((rows["severity"] == "error").sum()),
            "n_warnings": int((rows["severity"] != "error").sum()),
            "n_shown": min(len(shown), MAX_ROWS), "files": sorted(set(rows["file"]) - {""}),
            "filters": {k: q.get(k, "") for k in ("severity", "file", "q")},
            "has_data": session.loaded is not None}


@page
async def problems(request, session, lang):
    return render(request, "problems.html", **_problem_context(request, session, lang))


@page
async def problems_xlsx(request, session, lang):
    rows = _filter_problems(_problem_rows(session, lang), request.query_params)
    rows.columns = [msg(f"web_col_{c}" if c != "severity" else "web_col_severity", lang)
                    if c != "problem" else msg("web_col_problem", lang) for c in rows.columns]
    data = adapters.frame_to_excel(rows, msg("web_problems_heading", lang))
    name = "数据问题.xlsx" if lang == "zh" else "problems.xlsx"
    return attachment(data, name, XLSX)

@page
async def names(request, session, lang):
    table = None
    saved = None
    if session.loaded is not None and session.loaded.graph is not None:
        table = adapters.name_resolution(session.loaded.graph)
    if request.method == "POST":
        form = request.state.form
        choices = {}
        for i in range(int(form.get("n", 0) or 0)):
            written = str(form.get(f"written_{i}", "")).strip()
            chosen = str(form.get(f"choice_{i}", "")).strip()
            if written and chosen:
                choices[written] = chosen
        session.aliases = adapters.write_aliases(choices, session.folder / "aliases.toml")
        saved = msg("web_names_saved", lang, n=len(choices))
    saved_choices = adapters.read_aliases(session.aliases)
    rows = [] if table is None else table.astype(object).where(table.notna(), "").astype(
        str).to_dict("records")
    for r in rows:
        r["choice"] = saved_choices.get(r["written"], r["resolved"] or r["written"])
        r["type"] = type_label(session.loaded.graph, r["type"], lang) if r["type"] else ""
    return render(request, "names.html", rows=rows, available=table is not None, saved=saved,
                  has_aliases=session.aliases is not None)

@page
async def names_toml(request, session, lang):
    if session.aliases is None or not session.aliases.exists():
        raise UserError("web_error_not_found", status=404)
    return FileResponse(session.aliases, media_type="application/toml", filename="aliases.toml")


