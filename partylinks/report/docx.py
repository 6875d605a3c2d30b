"""The Word report (``.docx``): the narrative an organization department files.

Sections: the title and audit facts; 一、总体情况 (the overview in sentences, with the
figures, :func:`partylinks.report.cover.overview_sentences`, and what to do first);
二、各片区情况 (the per-zone summary, the :data:`MAX_DOC_ZONES` zones with most findings
when there are more); 三、图表 (the coverage chart); 四、主要问题 (findings by severity,
at most :data:`MAX_DOC_FINDINGS` per severity); 五、整改清单 (the rectification list by
zone, one table per zone, with empty 责任人 / 完成时限 / 完成情况 columns; at most
:data:`MAX_DOC_ZONES` zones and :data:`MAX_DOC_RECTIFY` rows); 六、说明. A4 landscape, editable in
Word and WPS. The same content rules as the other outputs: labels in the reader's language,
pseudonyms when the audit was anonymized, text that XML cannot hold made visible
(:func:`partylinks.report.safetext.xml_text`).
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from ..messages import msg
from .cover import cover_facts, first_actions, overview_sentences
from .labels import column_header, people_frame
from .rectify import rectification_frame
from .safetext import fit_cell

__all__ = ["write_docx", "MAX_DOC_FINDINGS", "MAX_DOC_ZONES", "MAX_DOC_RECTIFY"]

MAX_DOC_FINDINGS = 50
"""Findings of each severity listed in the Word report (all are in Excel)."""
MAX_DOC_ZONES = 30
"""Zones in the Word report's summary table (the ones with most findings)."""
MAX_DOC_RECTIFY = 300
"""Rows of the rectification list in the Word report (all are in Excel)."""

_FONT = "SimSun"
_EAST_ASIA = "宋体"


def _t(v, lang) -> str:
    if v is None or (isinstance(v, float) and v != v) or v is pd.NA or v is pd.NaT:
        return ""
    if isinstance(v, float):
        return f"{v:.2f}"
    return fit_cell(str(v), lang)


def _set_font(doc) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    style = doc.styles["Normal"]
    style.font.name = _FONT
    style.font.size = Pt(10.5)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), _EAST_ASIA)


def _landscape(doc) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin"):
        setattr(sec, side, Mm(18))
    sec.top_margin = sec.bottom_margin = Mm(16)


def _footer(doc, report) -> None:
    """Title and audit date in the page header; the page number in the footer."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    sec = doc.sections[0]
    lang = report.lang
    sec.header.paragraphs[0].text = fit_cell(
        f"{msg('report_title', lang)}    {msg('report_as_of', lang)}: "
        f"{report.as_of.date().isoformat()}", lang)
    p = sec.footer.paragraphs[0]
    p.alignment = 1
    run = p.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def _table(doc, df: pd.DataFrame, lang: str, percent: set[int] | None = None,
           widths: list[float] | None = None) -> None:
    from docx.shared import Cm, Pt

    percent = percent or set()
    t = doc.add_table(rows=1, cols=len(df.columns))
    t.style = "Table Grid"
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    head = OxmlElement("w:tblHeader")   # the header row repeats on every page
    head.set(qn("w:val"), "true")
    t.rows[0]._tr.get_or_add_trPr().append(head)
    for j, col in enumerate(df.columns):
        cell = t.rows[0].cells[j]
        cell.text = ""
        cell.paragraphs[0].paragraph_format.keep_with_next = True
        run = cell.paragraphs[0].add_run(_t(col, lang))
        run.bold = True
        run.font.size = Pt(9)
    for row in df.itertuples(index=False):
        cells = t.add_row().cells
        for j, v in enumerate(row):
            if j in percent and isinstance(v, float) and v == v:
                text = f"{100 * v:.1f}%"
            else:
                text = _t(v, lang)
            cells[j].text = ""
            cells[j].paragraphs[0].add_run(text).font.size = Pt(9)
    if widths:
        t.autofit = False
        grid = t._tbl.tblGrid
        for j, gc in enumerate(grid.gridCol_lst):
            gc.w = Cm(widths[j])
        for row in t.rows:
            for j, w in enumerate(widths):
                row.cells[j].width = Cm(w)


def _chart(report) -> bytes | None:
    from .html import chart_images

    imgs = chart_images(report)
    return imgs[0][1] if imgs else None


def write_docx(report, path: str | Path, charts: bool = True) -> Path:
    """Write ``report`` as a Word document (see the module docstring).

    Parameters
    ----------
    report : AuditReport
    path : str or Path
    charts : bool
        Embed the coverage chart (a PNG, drawn with matplotlib).

    Returns
    -------
    Path

    Examples
    --------
    >>> import tempfile, pathlib, docx, partylinks as pl
    >>> r = pl.audit(pl.datasets.house(), as_of="2025-06-30")
    >>> with tempfile.TemporaryDirectory() as d:
    ...     doc = docx.Document(write_docx(r, pathlib.Path(d) / "r.docx", charts=False))
    >>> doc.paragraphs[0].text, [p.text for p in doc.paragraphs if p.style.name
    ...                          == "Heading 1"][:2]
    ('跨组织党建联系覆盖审计报告', ['一、总体情况', '二、各片区情况'])
    """
    import docx
    from docx.shared import Cm

    lang = report.lang
    doc = docx.Document()
    _set_font(doc)
    _landscape(doc)
    _footer(doc, report)
    doc.add_heading(fit_cell(msg("report_title", lang), lang), level=0)
    for k, v in cover_facts(report)[1:4]:
        doc.add_paragraph(fit_cell(f"{k}：{v}" if lang == "zh" else f"{k}: {v}", lang))
    doc.add_heading(msg("rpt_docx_overview", lang), level=1)
    for s in overview_sentences(report):
        doc.add_paragraph(fit_cell(s, lang))
    doc.add_paragraph(msg("rpt_cover_first", lang)).runs[0].bold = True
    for line in first_actions(report):
        doc.add_paragraph(fit_cell(line, lang))

    doc.add_heading(msg("rpt_docx_zones", lang), level=1)
    s = report.summary
    zones, total = s.iloc[:-1], s.iloc[-1:]
    extra = 0
    if len(zones) > MAX_DOC_ZONES:
        weak = zones.assign(_e=-zones["findings_error"], _w=-zones["findings_warning"])
        keep = weak.sort_values(["_e", "_w", "zone"], kind="stable").head(MAX_DOC_ZONES)
        extra = len(zones) - MAX_DOC_ZONES
        zones = zones.loc[sorted(keep.index)]
        doc.add_paragraph(msg("report_weakest_zones", lang, n=MAX_DOC_ZONES))
    cols = ["zone", "units", "isolated", "fragile", "components", "largest_share",
            "branch_coverage", "findings_error", "findings_warning", "findings_info", "score"]
    shown = people_frame(pd.concat([zones, total])[cols], lang, report.labels)
    _table(doc, shown, lang, percent={5, 6})
    if extra:
        doc.add_paragraph(msg("rpt_docx_zone_more", lang, n=extra))

    doc.add_heading(msg("rpt_docx_charts", lang), level=1)
    png = _chart(report) if charts else None
    if png:
        doc.add_picture(io.BytesIO(png), width=Cm(24))

    doc.add_heading(msg("rpt_docx_findings", lang), level=1)
    f = report.findings
    if not len(f):
        doc.add_paragraph(msg("report_no_findings", lang))
    kinds = dict(zip(report.rules["rule"], report.rules["kind"], strict=True))
    n = 0
    for sev in ("error", "warning", "info"):
        part = f[f["severity"] == sev]
        if not len(part):
            continue
        n += 1
        sev_label = msg(f"severity_{sev}", lang)
        doc.add_heading(msg("rpt_docx_sev_head", lang, n=n, severity=sev_label,
                            count=len(part)), level=2)
        t = part.head(MAX_DOC_FINDINGS)[["rule", "zone", "name", "message", "suggestion"]]
        _table(doc, people_frame(t, lang, report.labels, kinds), lang,
               widths=[3.2, 2.6, 3.6, 7.8, 8.2])
        if len(part) > MAX_DOC_FINDINGS:
            doc.add_paragraph(msg("rpt_docx_more", lang, n=len(part) - MAX_DOC_FINDINGS,
                                  severity=sev_label))

    doc.add_heading(msg("rpt_docx_rectify", lang), level=1)
    doc.add_paragraph(msg("rpt_docx_rectify_note", lang))
    if len(f):
        from .rectify import rectification_zones

        zones = rectification_zones(report)
        rows = 0
        for k, zone in enumerate(zones):
            if k >= MAX_DOC_ZONES or rows >= MAX_DOC_RECTIFY:
                doc.add_paragraph(msg("rpt_docx_zone_more", lang, n=len(zones) - k))
                break
            rect = rectification_frame(report, zone).drop(columns=[
                column_header("node_type", lang)])
            doc.add_heading(msg("rpt_rectify_title", lang, zone=zone), level=2)
            _table(doc, rect.head(MAX_DOC_RECTIFY - rows), lang,
                   widths=[1.0, 1.3, 2.4, 3.0, 5.4, 5.4, 2.2, 1.8, 1.8, 1.8])
            rows += len(rect)
    else:
        doc.add_paragraph(msg("report_no_findings", lang))

    doc.add_heading(msg("rpt_docx_notes", lang), level=1)
    for k, v in cover_facts(report)[4:]:
        doc.add_paragraph(fit_cell(f"{k}：{v}" if (k and lang == "zh") else
                                   (f"{k}: {v}" if k else v), lang))
    from ..version import __version__

    doc.add_paragraph(msg("report_generated", lang, version=__version__))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)
    return path
