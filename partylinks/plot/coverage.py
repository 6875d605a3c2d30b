"""Coverage by zone: an audit's rates and finding counts as one scorecard."""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import Patch
from matplotlib.transforms import blended_transform_factory, offset_copy

from ..messages import check_lang, msg
from ._frame import add_source, chart_title, scaled
from ._labels import plain_texts
from .style import chart_rc, fp, get_axes, label

__all__ = ["plot_coverage", "coverage_table"]

#: Rate columns of the scorecard, from the report's summary.
RATES = ("tied_share", "branch_coverage", "largest_share")
#: Colormap of the finding counts of a rule, by the rule's severity.
SEVERITY_CMAPS = {"error": "Reds", "warning": "Oranges", "info": "Blues"}


def _rule_label(rule: str, kind: str, lang: str) -> str:
    from ..messages.names import rule_name

    return rule_name(rule, kind, lang)


def coverage_table(report) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The numbers behind :func:`plot_coverage`: rates and finding counts per zone.

    Parameters
    ----------
    report : AuditReport

    Returns
    -------
    rates : DataFrame
        Indexed by zone (the zones of ``report.summary``, its total row last):
        ``tied_share`` = 1 - isolated / units, ``branch_coverage`` and ``largest_share``
        (as in the summary; NaN when undefined).
    counts : DataFrame
        Same index; one column per rule of the policy that ran, in policy order: the
        number of findings of that rule about a node of the zone (all zones in the total
        row).

    Examples
    --------
    >>> import partylinks as pl
    >>> r = pl.audit(pl.datasets.house(), as_of="2025-06-30", lang="en")
    >>> rates, counts = coverage_table(r)
    >>> rates.round(2)
           tied_share  branch_coverage  largest_share
    zone
    Z1           1.00              1.0           1.00
    Z2           0.00              NaN           1.00
    Total        0.75              1.0           0.75
    >>> int(counts.loc["Z2", "isolated_units"]), int(counts.loc["Total"].sum())
    (1, 4)
    """
    s = report.summary.set_index("zone")
    units = s["units"].astype(float)
    rates = pd.DataFrame({
        "tied_share": 1 - s["isolated"].astype(float) / units.where(units > 0),
        "branch_coverage": s["branch_coverage"].astype(float),
        "largest_share": s["largest_share"].astype(float),
    }, index=s.index)
    rules = report.rules
    ran = rules.loc[rules["status"].astype(str) == "ran", "rule"].astype(str).tolist()
    f = report.findings
    none = msg("report_no_zone", report.lang)
    zone = f["zone"].astype(object).where(f["zone"].notna(), none).astype(str)
    counts = pd.crosstab(zone, f["rule"].astype(str)).reindex(index=s.index[:-1],
                                                              columns=ran, fill_value=0)
    counts.loc[s.index[-1]] = f["rule"].astype(str).value_counts().reindex(ran, fill_value=0)
    counts.index.name = "zone"
    return rates, counts.astype(np.int64)


def _rgba(values: np.ndarray, cmap, norm) -> np.ndarray:
    out = cmap(norm(np.nan_to_num(values, nan=0.0)))
    out[np.isnan(values)] = (0.95, 0.95, 0.95, 1.0)
    return out


def plot_coverage(report, ax: Axes | None = None, lang: str | None = None, *,
                  cmap="RdYlGn", title: str | bool | None = None,
                  source: str | None = None, max_zones: int | None = None) -> Axes:
    """Draw an audit's coverage scorecard: one row per zone, the total row last.

    The left columns are rates (:func:`coverage_table`): the share of units with at least
    one cross-organization tie, the branch coverage of enterprises and the largest
    connected part's share of the zone's units, colored from red (50% or less) to green
    (100%). The right columns are the number of findings of each rule that ran, in red,
    orange or blue for a rule of severity error, warning or info, darker for larger
    counts; empty cells mean the rule found nothing there.

    Parameters
    ----------
    report : AuditReport
        The result of :func:`partylinks.audit`.
    ax : Axes, optional
        Axes to draw on; a new figure is created when None.
    lang : {"zh", "en"}, optional
        Language of the labels; the report's language by default.
    cmap : str or Colormap, default "RdYlGn"
        Colormap of the rates, from 50% (its low end) to 100%.
    title : str or False, optional
        The chart's title instead of its own; False or "" for none.
    source : str, optional
        A note under the chart (e.g. the data source).
    max_zones : int, optional
        Draw at most this many zones: the ones with most errors, then warnings (and the
        total row); the title says how many were left out. All zones when None.

    Returns
    -------
    Axes

    Examples
    --------
    >>> import partylinks as pl
    >>> r = pl.audit(pl.datasets.house(), as_of="2025-06-30", lang="en")
    >>> ax = pl.plot.plot_coverage(r)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['Z1', 'Z2', 'total']
    """
    lang = check_lang(lang or report.lang)
    rates, counts = coverage_table(report)
    n_zones = len(rates) - 1
    if max_zones is not None and n_zones > max_zones:
        s = report.summary.iloc[:-1]
        keep = s.assign(_e=-s["findings_error"], _w=-s["findings_warning"]).sort_values(
            ["_e", "_w", "zone"], kind="stable").head(max_zones).index
        rows = [*sorted(keep), len(rates) - 1]
        rates, counts = rates.iloc[rows], counts.iloc[rows]
    kinds = dict(zip(report.rules["rule"].astype(str), report.rules["kind"].astype(str),
                     strict=True))
    n_rows, n_rates, n_rules = len(rates), len(RATES), counts.shape[1]
    rate_vals = rates[list(RATES)].to_numpy(dtype=float)
    count_vals = counts.to_numpy(dtype=float)
    rgba = np.ones((n_rows, n_rates + n_rules, 4))
    rgba[:, :n_rates] = _rgba(rate_vals, mpl.colormaps[cmap] if isinstance(cmap, str) else cmap,
                                 mpl.colors.Normalize(0.5, 1))
    col_max = np.maximum(count_vals[:-1].max(axis=0) if n_rows > 1 else count_vals.max(axis=0),
                         1)
    shade = np.where(count_vals > 0, 0.25 + 0.4 * count_vals / col_max, 0.0)
    shade[-1] = np.where(count_vals[-1] > 0, 0.25, 0.0)
    severity = dict(zip(report.rules["rule"].astype(str),
                        report.rules["severity"].astype(str), strict=True))
    for j, rule in enumerate(counts.columns):
        cmap = mpl.colormaps[SEVERITY_CMAPS.get(severity.get(rule, ""), "Greys")]
        rgba[:, n_rates + j] = cmap(shade[:, j])
    rgba[:, n_rates:][count_vals == 0] = (1, 1, 1, 1)
    zone_names = [_zone_name(z, report, lang) for z in rates.index]
    with chart_rc():
        width = float(np.clip(2.4 + 0.62 * (n_rates + n_rules), 6.0, 16.0))
        height = float(np.clip(2.3 + 0.36 * n_rows, 3.0, 14.0))
        given = ax is not None
        ax = get_axes(ax, (width, height))
        ax.imshow(rgba, aspect="auto", interpolation="nearest")
        size = 8.5 if n_rows <= 20 else 7
        # a narrow panel: cell numbers that fit their cell, upright column headers
        col_pt = (ax.get_position().width * ax.figure.get_figwidth() * 72 * 0.85
                  / max(n_rates + n_rules, 1))
        fs = mpl.rcParams["font.size"] / 10.0
        size = min(size, col_pt / 3.2 / fs)   # "100%" is about 2.7 em wide
        narrow = given or col_pt < 2.4 * 8 * fs   # a panel: upright headers never collide
        dark = (rgba[..., :3] @ np.array([0.299, 0.587, 0.114])) < 0.5
        for i in range(n_rows):
            for j in range(n_rates):
                v = rate_vals[i, j]
                ax.text(j, i, "–" if np.isnan(v) else f"{100 * v:.0f}%", ha="center",
                        va="center", fontproperties=fp(size),
                        color="white" if dark[i, j] else "#1d1d1d")
            for j in range(n_rules):
                v = int(count_vals[i, j])
                if v:
                    ax.text(n_rates + j, i, str(v), ha="center", va="center",
                            fontproperties=fp(size),
                            color="white" if dark[i, n_rates + j] else "#1d1d1d")
        cols = [label(c, lang) for c in RATES]
        cols += [_rule_label(r, kinds.get(r, ""), lang) for r in counts.columns]
        ax.set_xticks(range(n_rates + n_rules), cols, fontproperties=fp(8),
                      rotation=90 if narrow else 40,
                      ha="left", rotation_mode="anchor")
        ax.xaxis.tick_top()
        ax.set_yticks(range(n_rows), zone_names, fontproperties=fp(9))
        ax.tick_params(length=0)
        ax.set_xticks(np.arange(n_rates + n_rules + 1) - 0.5, minor=True)
        ax.set_yticks(np.arange(n_rows + 1) - 0.5, minor=True)
        ax.grid(which="minor", color="#d0d0d0", linewidth=0.6)
        ax.tick_params(which="minor", length=0)
        ax.axvline(n_rates - 0.5, color="#333333", linewidth=1.6)
        ax.axhline(n_rows - 1.5, color="#333333", linewidth=1.2)
        for spine in ax.spines.values():
            spine.set_visible(False)
        below = blended_transform_factory(ax.transData, ax.transAxes)
        ax.text((n_rates - 1) / 2, -0.02, label("rates", lang), transform=below, ha="center",
                va="top", fontproperties=fp(9), color="#333333")
        if n_rules:
            ax.text(n_rates + (n_rules - 1) / 2, -0.02, label("counts", lang), transform=below,
                    ha="center", va="top", fontproperties=fp(9), color="#333333")
        used = [v for v in ("error", "warning", "info") if v in set(severity.values())]
        handles = [Patch(facecolor=mpl.colormaps[SEVERITY_CMAPS[v]](0.55), label=msg(
            f"severity_{v}", lang)) for v in used]
        if handles:
            ax.legend(handles=handles, loc="upper right", bbox_to_anchor=(1.0, 0.0),
                      bbox_transform=offset_copy(ax.transAxes, fig=ax.figure,
                                                 y=-scaled(13), units="points"),
                      ncol=len(handles), prop=fp(8), frameon=False, borderaxespad=0.3,
                      handlelength=1.2)
        text = label("coverage_title", lang)
        as_of = getattr(report, "as_of", None)
        if as_of is not None:
            text += label("as_of", lang, date=pd.Timestamp(as_of).date().isoformat())
        if len(rates) - 1 < n_zones:
            text += "\n" + msg("rpt_zones_cut", lang, n=n_zones, shown=len(rates) - 1)
        chart_title(ax, text, title, pad=12)
        add_source(ax, source)
    return plain_texts(ax)


def _zone_name(zone: str, report, lang: str) -> str:
    if zone == msg("report_total", report.lang):
        return label("total", lang)
    if zone == msg("report_no_zone", report.lang):
        return label("no_zone", lang)
    return str(zone)
