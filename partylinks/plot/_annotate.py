"""The legend and the unit labels of a network chart."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.lines import Line2D

from ._labels import place_labels, short_name
from ._relabel import Relabel
from .style import (
    FRAGILE_COLOR,
    WEAK_COLOR,
    fp,
    label,
    tie_handle,
    type_handle,
)

__all__ = ["CADRE_LINK", "network_legend", "unit_labels"]


#: Line from a cadre to their home unit.
CADRE_LINK = {"color": "#555555", "linestyle": "-", "linewidth": 0.7}


def _counted(text: str, n: int) -> str:
    """``"name: n"``, with a parenthetical explanation moved to a second line."""
    for open_ in ("（", " ("):
        if open_ in text and text.endswith(("）", ")")):
            head, tail = text.split(open_, 1)
            return f"{head}: {n}\n{open_.strip()}{tail}"
    return f"{text}: {n}"


def network_legend(ax, g, type_order, styles_used, ws, iso, fra, counts, cadres_shown,
                   lang, ego_shown: bool = False, *, where: str = "right", palette=None,
                   color_key=None, size_key=None) -> None:
    """One legend outside the right edge (``where="right"``) or under the drawing
    (``"below"``, in columns): unit types, tie types, weak spots with counts; with
    ``color_key``/``size_key`` what the colors and sizes of the units stand for."""
    schema = g.schema
    pal = dict(palette or {})
    blank = Line2D([], [], linestyle="none")
    handles, headers = [], []

    def header(text):
        headers.append(len(handles))
        handles.append(Line2D([], [], linestyle="none", label=text))

    header(label("legend_types", lang))
    for t in type_order:
        h = type_handle(schema, t, schema.sector(t), lang)
        if color_key is not None:
            h.set_markerfacecolor("#9a9a9a")
        elif schema.sector(t) in pal:
            h.set_markerfacecolor(pal[schema.sector(t)])
        handles.append(h)
    if color_key is not None and color_key[0] == "categories":
        handles.append(blank)
        header(color_key[1] or label("legend_colors", lang))
        handles += [Line2D([], [], linestyle="none", marker="o", markersize=7,
                           markerfacecolor=c, markeredgecolor="white", label=str(v))
                    for v, c in color_key[2].items()]
    if size_key is not None:
        name, lo, hi, lo_a, hi_a = size_key
        handles.append(blank)
        header(name or label("legend_sizes", lang))
        handles += [Line2D([], [], linestyle="none", marker="o", markersize=float(a) ** 0.5,
                           markerfacecolor="#bbbbbb", markeredgecolor="white",
                           label=f"{v:.3g}") for v, a in ((lo, lo_a), (hi, hi_a))]
    if cadres_shown:
        handles.append(Line2D([], [], linestyle="none", marker="o", markersize=4,
                              markerfacecolor="#555555", markeredgewidth=0,
                              label=label("cadre", lang)))
    if ego_shown:
        handles.append(Line2D([], [], linestyle="none", marker="o", markersize=13,
                              markerfacecolor="none", markeredgecolor="#111111",
                              markeredgewidth=1.2, label=label("ego", lang)))
    seen = list(dict.fromkeys(styles_used))
    tie_order = [t for t in schema.tie_types if t in seen] + ([None] if None in seen else [])
    if tie_order or cadres_shown:
        handles.append(blank)
        header(label("legend_ties", lang))
        handles += [tie_handle(schema, t, lang) for t in tie_order]
        if cadres_shown:
            handles.append(Line2D([], [], **CADRE_LINK, label=schema.label("works_at", lang)))
    if ws is not None:
        handles.append(blank)
        header(label("legend_weak", lang))
        handles.append(Line2D([], [], linestyle="none", marker="o", markersize=11,
                              markerfacecolor="none", markeredgecolor=WEAK_COLOR,
                              markeredgewidth=1.8,
                              label=_counted(label("isolated", lang), int(iso.sum()))))
        handles.append(Line2D([], [], linestyle="none", marker="o", markersize=11,
                              markerfacecolor="none", markeredgecolor=FRAGILE_COLOR,
                              markeredgewidth=1.8,
                              label=_counted(label("fragile", lang), int(fra.sum()))))
        handles.append(Line2D([], [], color=WEAK_COLOR, linewidth=3.5, alpha=0.4,
                              label=_counted(label("bridge", lang), counts["bridges"])))
        if cadres_shown:
            handles.append(Line2D([], [], linestyle="none", marker="o", markersize=7,
                                  markerfacecolor="white", markeredgecolor=WEAK_COLOR,
                                  markeredgewidth=1.8,
                                  label=_counted(label("key_cadre", lang),
                                                counts["key_cadres"])))
    if "findings" in counts:
        handles.append(Line2D([], [], linestyle="none", marker="o", markersize=7,
                              markerfacecolor=WEAK_COLOR, markeredgewidth=0,
                              label=_counted(label("findings", lang), counts["findings"])))
    if where == "below":
        width_pt = ax.get_position().width * ax.figure.get_figwidth() * 72
        ncol = int(max(1, min(5, width_pt // (fp(7.5).get_size() * 15))))
        leg = ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0),
                        prop=fp(7.5), frameon=False, borderaxespad=0.2, handlelength=2.2,
                        handletextpad=0.5, ncol=ncol, columnspacing=1.0)
    else:
        leg = ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0),
                        prop=fp(8), frameon=False, borderaxespad=0.2, handlelength=2.8,
                        handletextpad=0.6)
    texts = leg.get_texts()
    for i in headers:
        texts[i].set_fontproperties(fp(9.5 if where != "below" else 8))
        texts[i].set_color("#222222")


def unit_labels(ax, g, ug, xy, sel, size, labels, iso, fra, bridge_end, center, ws, cadres,
                degree, types, lang) -> None:
    """Label the units (and the key-person cadres shown), weak spots first."""
    if labels is False or labels is None:
        return
    name_of = pd.Series(g.nodes["name"].astype(object).to_numpy() if "name" in g.nodes
                        else g.node_index.to_numpy(), index=g.node_index)
    name_of = name_of.where(name_of.notna(), pd.Series(g.node_index, index=g.node_index))
    unit_names = name_of.to_numpy()[ug.node_code]
    if labels == "auto" or labels is True:
        cand = sel
    else:
        cand = np.flatnonzero(np.isin(ug.ids, list(labels)) & np.isin(np.arange(ug.n), sel))
    texts, colors = [], []
    for i in cand:
        text = short_name(unit_names[i])
        if ws is not None and ug.ids[i] in ws.fragile:
            cadre = ws.fragile[ug.ids[i]]
            text += "\n" + label("held_by", lang, name=name_of.get(cadre, cadre))
        texts.append(text)
        colors.append(WEAK_COLOR if iso[i] else "#9a4a00" if fra[i] else "#222222")
    weak = iso[cand] | fra[cand]
    prio = degree[cand].astype(float) + 1000.0 * weak + 100.0 * bridge_end[cand]
    prio += np.isin(types[cand], ["council", "park"]) * 50.0
    force = weak.copy() if labels == "auto" else np.ones(len(cand), bool)
    if center is not None:
        prio[cand == center] = 1e6
        force |= cand == center
    pts = xy[cand]
    offsets = np.sqrt(size[cand]) / 2 + 4
    if len(cadres) and ws is not None:
        key = cadres[cadres.index.isin(list(ws.key_cadres))]
        texts += [str(name_of.get(c, c)) for c in key.index]
        colors += [WEAK_COLOR] * len(key)
        pts = np.vstack([pts, key[["x", "y"]].to_numpy()])
        prio = np.concatenate([prio, np.full(len(key), 2000.0)])
        force = np.concatenate([force, np.ones(len(key), bool)])
        offsets = np.concatenate([offsets, np.full(len(key), 6.0)])
    obstacles = xy[sel]
    obstacle_pt = np.sqrt(size[sel]) / 2
    if len(cadres):
        obstacles = np.vstack([obstacles, cadres[["x", "y"]].to_numpy()])
        obstacle_pt = np.concatenate([obstacle_pt, np.full(len(cadres), 2.0)])
    avoid = [t for t in ax.texts if str(t.get_gid() or "").startswith(("badge:", "zone:"))]
    if ax.get_legend() is not None:
        avoid.append(ax.get_legend())
    drawn = place_labels(ax, pts, texts, prio, offsets, size=7.5, force=force, colors=colors,
                         limit=60 if labels == "auto" else None, obstacles=obstacles,
                         obstacle_pt=obstacle_pt, avoid=avoid)
    if drawn:
        # placed again if the figure's layout resizes the Axes (a panel of a grid)
        where = {tuple(np.round(p, 9)): i for i, p in enumerate(np.asarray(pts, float))}
        rows = [where.get(tuple(np.round(np.asarray(t.xy, float), 9)), 0) for t in drawn]
        ax.add_artist(Relabel(ax, drawn, np.asarray(offsets)[rows], np.asarray(force)[rows],
                              obstacles, obstacle_pt, avoid))
