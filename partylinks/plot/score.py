"""The weak-linkage score of every unit, zone by zone."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.transforms import offset_copy

from ..messages import resolve_lang
from ._fonts import cjk_font_families
from ._frame import add_source, chart_title, scaled
from ._labels import plain_texts
from .style import (
    SECTOR_COLORS,
    WEAK_COLOR,
    chart_rc,
    fp,
    get_axes,
    label,
    sector_color,
    sector_label,
)

__all__ = ["plot_score_distribution", "scores_of"]


def scores_of(g_or_report, as_of=None) -> pd.DataFrame:
    """The table of :func:`partylinks.metrics.weak_linkage_score` behind a chart.

    For a LinkGraph it is computed (on ``as_of``); for an AuditReport it is the report's
    own ``score`` table when it has one, else computed on the report's graph and date.

    Parameters
    ----------
    g_or_report : LinkGraph or AuditReport
    as_of : date-like, optional
        Date of the ties, for a LinkGraph.

    Returns
    -------
    DataFrame
        The columns of :func:`partylinks.metrics.weak_linkage_score`.

    Examples
    --------
    >>> import partylinks as pl
    >>> scores_of(pl.datasets.house())[["id", "score"]].head(1)
       id  score
    0  A1    1.0
    """
    from ..metrics import weak_linkage_score

    obj = g_or_report
    tables = getattr(obj, "metrics", None)
    if isinstance(tables, dict) and tables.get("score") is not None:
        return tables["score"]
    if hasattr(obj, "nodes") and hasattr(obj, "ties"):
        return weak_linkage_score(obj, as_of=as_of)
    graph = getattr(obj, "graph", None)
    if graph is None:
        raise TypeError("expected a LinkGraph or an AuditReport, got "
                        f"{type(obj).__name__}")
    return weak_linkage_score(graph, as_of=as_of or getattr(obj, "as_of", None))


def plot_score_distribution(g_or_report, ax: Axes | None = None, lang: str | None = None, *,
                            as_of=None, by: str = "zone", label_top: int = 3,
                            palette: dict[str, str] | None = None,
                            title: str | bool | None = None,
                            source: str | None = None) -> Axes:
    """Draw the weak-linkage score of every unit, one row per zone, weakest zone on top.

    Each unit is a dot at its score (:func:`partylinks.metrics.weak_linkage_score`: 1 when
    isolated, else 0.4 * fragile + 0.2 * on_bridge + 0.4 * (1 - mean tie strength); 1 is
    weakest), colored by sector, spread vertically by a fixed jitter; isolated units have
    a red ring. Each row has a box from the first to the third quartile with the median
    as a bar; rows are sorted by mean score, highest first. The dashed line is the
    threshold :data:`partylinks.metrics.WEAK_THRESHOLD` (0.5: a structural weak spot);
    the right margin gives the number of units at or above it. The ``label_top``
    highest-scoring units that are not isolated are named.

    Parameters
    ----------
    g_or_report : LinkGraph or AuditReport
    ax : Axes, optional
        Axes to draw on; a new figure is created when None.
    lang : {"zh", "en"}
        Language of the labels.
    as_of : date-like, optional
        Date of the ties (a report's own date by default).
    by : str, default "zone"
        Column of the score table to make rows of (``"zone"``, ``"sector"``, ``"type"``).
    label_top : int, default 3
        How many of the weakest non-isolated units to name.
    palette : dict, optional
        Sector -> color, overriding :data:`partylinks.plot.style.SECTOR_COLORS`.
    title : str or False, optional
        The chart's title instead of its own; False or "" for none.
    source : str, optional
        A note under the chart (e.g. the data source).

    Returns
    -------
    Axes

    Examples
    --------
    >>> import partylinks as pl
    >>> ax = pl.plot.plot_score_distribution(pl.datasets.house(), lang="en")
    >>> [t.get_text() for t in ax.get_yticklabels()]  # from the bottom up: Z2 is weaker
    ['Z1 (3)', 'Z2 (1)']
    """
    from ..metrics import WEAK_THRESHOLD

    lang = resolve_lang(lang)
    colors_of = {**SECTOR_COLORS, **(palette or {})}
    s = scores_of(g_or_report, as_of).copy()
    none = label("no_zone", lang)
    s["group"] = s[by].astype(object).where(s[by].notna(), none).astype(str)
    if by == "sector":
        s["group"] = [sector_label(v, lang) if v != none else v for v in s["group"]]
    elif by == "type":
        schema = getattr(g_or_report, "schema", None) or g_or_report.graph.schema
        s["group"] = [schema.label(v, lang) if v != none else v for v in s["group"]]
    stats = s.groupby("group", sort=True)["score"].agg(["mean", "size"])
    stats["weak"] = s.assign(w=s["score"] >= WEAK_THRESHOLD).groupby("group")["w"].sum()
    order = stats.sort_values(["mean"], ascending=True, kind="stable").index.tolist()
    row = {grp: i for i, grp in enumerate(order)}
    y0 = s["group"].map(row).to_numpy(dtype=float)
    rng = np.random.default_rng(0)
    jitter = rng.uniform(-0.28, 0.28, len(s))
    x = s["score"].to_numpy(dtype=float)
    with chart_rc():
        ax = get_axes(ax, (9.5, max(3.0, 0.62 * len(order) + 1.6)))
        for grp, i in row.items():
            vals = s.loc[s["group"] == grp, "score"].to_numpy(dtype=float)
            q1, med, q3 = np.quantile(vals, [0.25, 0.5, 0.75])
            ax.add_patch(_box(q1, q3, i))
            ax.plot([med, med], [i - 0.36, i + 0.36], color="#444444", linewidth=1.6,
                    zorder=2)
        colors = [colors_of.get(v, sector_color(v)) for v in s["sector"]]
        ax.scatter(x, y0 + jitter, s=22, c=colors, edgecolors="white", linewidths=0.4,
                   zorder=3)
        iso = s["isolated"].to_numpy(dtype=bool)
        ax.scatter(x[iso], (y0 + jitter)[iso], s=70, facecolors="none", edgecolors=WEAK_COLOR,
                   linewidths=1.4, zorder=4)
        ax.axvline(WEAK_THRESHOLD, color="#777777", linestyle="--", linewidth=1, zorder=1)
        top = np.flatnonzero(~iso)[:label_top]  # the table is sorted: highest score first
        _name_points(ax, x[top], (y0 + jitter)[top], s["name"].to_numpy(dtype=object)[top])
        ax.set_yticks(range(len(order)),
                      [f"{grp} ({int(stats.at[grp, 'size'])})" for grp in order],
                      fontproperties=fp(9))
        for i, grp in enumerate(order):
            ax.text(1.02, i, label("weak_count", lang, n=int(stats.at[grp, "weak"]),
                                   total=int(stats.at[grp, "size"])),
                    transform=ax.get_yaxis_transform(), va="center", fontproperties=fp(8),
                    color="#444444")
        ax.set_xlim(-0.03, 1.03)
        ax.set_xticks(np.linspace(0, 1, 6))
        ax.set_ylim(-0.6, len(order) - 0.4)
        ax.set_xlabel(label("score_axis", lang), fontproperties=fp(9))
        ax.tick_params(axis="x", labelfontfamily=cjk_font_families(), labelsize=scaled(8))
        ax.tick_params(axis="y", length=0)
        ax.grid(axis="x", color="#eeeeee", zorder=0)
        for side in ("top", "right", "left"):
            ax.spines[side].set_visible(False)
        by_label = label(f"by_{by}", lang) if by in ("zone", "sector", "type") else by
        chart_title(ax, label("score_title", lang, by=by_label), title)
        sectors = [v for v in ("community", "park", "enterprise", "government", "project",
                               "grid") if v in set(s["sector"])]
        handles = [Line2D([], [], linestyle="none", marker="o", markersize=6,
                          markerfacecolor=colors_of.get(v, sector_color(v)),
                          markeredgecolor="white",
                          label=sector_label(v, lang)) for v in sectors]
        handles += [
            Line2D([], [], linestyle="none", marker="o", markersize=9, markerfacecolor="none",
                   markeredgecolor=WEAK_COLOR, markeredgewidth=1.4,
                   label=label("isolated", lang)),
            Line2D([], [], color="#777777", linestyle="--",
                   label=label("weak_threshold", lang, t=WEAK_THRESHOLD)),
        ]
        below = offset_copy(ax.transAxes, fig=ax.figure, y=-scaled(34), units="points")
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.0, 0.0),
                  bbox_transform=below, ncol=4, prop=fp(8), frameon=False)
        add_source(ax, source)
    return plain_texts(ax)


def _name_points(ax: Axes, x: np.ndarray, y: np.ndarray, names: np.ndarray) -> None:
    """Name the points left of them, the names stacked at least 1.7 lines apart."""
    if not len(x):
        return
    ax.figure.draw_without_rendering()
    to_pt = 72.0 / ax.figure.dpi
    py = ax.transData.transform(np.column_stack([x, y]))[:, 1] * to_pt
    order = np.argsort(-py, kind="stable")
    slot = py[order].copy()
    for k in range(1, len(slot)):
        # 1.7 lines apart: room to spare when a layout engine later shrinks the Axes
        slot[k] = min(slot[k], slot[k - 1] - 1.7 * fp(7.5).get_size())
    for k, i in enumerate(order):
        ax.annotate(str(names[i]), (x[i], y[i]), xytext=(-14, slot[k] - py[i] + 8),
                    textcoords="offset points", ha="right", va="center",
                    fontproperties=fp(7.5), color="#333333",
                    arrowprops={"arrowstyle": "-", "color": "#999999", "lw": 0.6,
                                "shrinkA": 1, "shrinkB": 3})


def _box(q1: float, q3: float, i: int):
    from matplotlib.patches import Rectangle

    return Rectangle((q1, i - 0.36), max(q3 - q1, 0.004), 0.72, facecolor="#eeeeee",
                     edgecolor="#bbbbbb", linewidth=0.8, zorder=1)
