"""The linkage matrix as an annotated heatmap: which sectors or zones are tied to which."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import PercentFormatter

from ..messages import resolve_lang
from ._fonts import cjk_font_families
from ._frame import add_source, chart_title, scaled
from ._labels import plain_texts
from .style import WEAK_COLOR, chart_rc, fp, get_axes, label, sector_label

__all__ = ["plot_linkage_matrix"]


def _group_labels(groups: pd.Index, by: str, lang: str) -> list[str]:
    from ..metrics import MISSING_GROUP

    out = []
    for grp in groups:
        if grp == MISSING_GROUP:
            out.append(label("no_zone", lang) if by == "zone" else str(grp))
        elif by == "sector":
            out.append(sector_label(grp, lang))
        else:
            out.append(str(grp))
    return out


def _percent(v: float) -> str:
    if v == 0:
        return "0"
    return "<0.1%" if v < 0.001 else f"{100 * v:.1f}%"


def plot_linkage_matrix(g, by: str = "sector", density: bool = False, ax: Axes | None = None,
                        lang: str | None = None, *, as_of=None, cmap="Blues",
                        title: str | bool | None = None, source: str | None = None) -> Axes:
    """Draw the group x group linkage matrix as a heatmap with every cell annotated.

    The matrix is :func:`partylinks.metrics.linkage_matrix`: cell (i, j) is the number of
    distinct unit pairs joined by at least one tie with one unit in group i and the other
    in group j (the diagonal counts pairs inside a group); with ``density=True``, that
    number divided by the number of possible pairs, written as a percentage. Unless
    ``by="zone"``, off-diagonal cells of two groups that both have units but no tie
    between them are written in red: a sector cut off from another.

    Parameters
    ----------
    g : LinkGraph
    by : str, default "sector"
        ``"sector"``, ``"zone"`` or any node column.
    density : bool, default False
        Show densities instead of counts.
    ax : Axes, optional
        Axes to draw on; a new figure is created when None.
    lang : {"zh", "en"}, optional
        Language of the labels (:func:`partylinks.messages.resolve_lang` when None).
    as_of : date-like, optional
        Use the ties active on this date; None uses every tie whatever its dates.
    cmap : str or Colormap, default "Blues"
        Colormap of the cells.
    title : str or False, optional
        The chart's title instead of its own; False or "" for none.
    source : str, optional
        A note under the chart (e.g. the data source).

    Returns
    -------
    Axes

    Notes
    -----
    Text sizes follow ``rcParams["font.size"]`` (nominal at 10).

    Examples
    --------
    >>> import partylinks as pl
    >>> ax = pl.plot.plot_linkage_matrix(pl.datasets.house(), lang="en")
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['community', 'enterprise', 'government']
    >>> sorted(t.get_text() for t in ax.texts)
    ['0', '0', '0', '0', '0', '1', '1', '1', '1']
    """
    from ..metrics import linkage_matrix

    lang = resolve_lang(lang)
    m = linkage_matrix(g, by=by, density=density, as_of=as_of)
    counts = linkage_matrix(g, by=by, density=True, as_of=as_of) if not density else m
    values = m.to_numpy(dtype=float)
    possible = np.isfinite(counts.to_numpy(dtype=float))
    names = _group_labels(m.index, by, lang)
    k = len(names)
    with chart_rc():
        side = float(np.clip(0.62 * k + 2.4, 4.5, 14.0))
        ax = get_axes(ax, (side + 1.4, side))
        shown = np.where(np.isfinite(values), values, np.nan)
        vmax = np.nanmax(shown) if np.isfinite(shown).any() else 1.0
        im = ax.imshow(shown, cmap=cmap, vmin=0, vmax=vmax if vmax > 0 else 1.0)
        size = float(np.clip(11 - 0.25 * k, 6, 10))
        for i in range(k):
            for j in range(k):
                v = values[i, j]
                if not np.isfinite(v):
                    text, color = "–", "#999999"
                else:
                    text = _percent(v) if density else f"{int(v)}"
                    r_, g_, b_, _ = im.cmap(im.norm(v))
                    dark = 0.299 * r_ + 0.587 * g_ + 0.114 * b_ < 0.5
                    color = "white" if dark else "#222222"
                    if v == 0 and i != j and possible[i, j] and by != "zone":
                        color = WEAK_COLOR
                ax.text(j, i, text, ha="center", va="center", color=color,
                        fontproperties=fp(size))
        ax.set_xticks(range(k), names, fontproperties=fp(9),
                      rotation=45 if k > 4 or by != "sector" else 0,
                      ha="right" if k > 4 or by != "sector" else "center",
                      rotation_mode="anchor")
        ax.set_yticks(range(k), names, fontproperties=fp(9))
        ax.tick_params(length=0)
        ax.set_xticks(np.arange(k + 1) - 0.5, minor=True)
        ax.set_yticks(np.arange(k + 1) - 0.5, minor=True)
        ax.grid(which="minor", color="white", linewidth=1.5)
        ax.tick_params(which="minor", length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
        by_label = label(f"by_{by}", lang) if by in ("sector", "zone") else by
        chart_title(ax, label("matrix_title", lang, by=by_label), title)
        cbar = ax.figure.colorbar(im, ax=ax, shrink=0.8, pad=0.02)
        cbar.set_label(label("density" if density else "tied_pairs", lang), fontproperties=fp(9))
        cbar.ax.tick_params(labelfontfamily=cjk_font_families(), labelsize=scaled(8))
        if density:
            cbar.ax.yaxis.set_major_formatter(PercentFormatter(1.0))
        add_source(ax, source)
    return plain_texts(ax)
