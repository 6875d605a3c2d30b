"""Drawing the units of a network chart: zone discs, tie lines, markers, weak spots."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.colors import to_rgba
from matplotlib.patches import Circle

from ._annotate import CADRE_LINK, network_legend, unit_labels
from ._frame import add_source
from ._labels import plain_texts
from ._weak import finding_counts, report_weak_spots, weak_spots
from .layout import zone_cells, zone_layout, zone_of_units
from .style import (
    FRAGILE_COLOR,
    OTHER_COLOR,
    WEAK_COLOR,
    fixed_axes,
    fp,
    get_axes,
    label,
    sector_color,
    tie_style,
    type_marker,
)

__all__ = ["draw_units"]


def _segments(xy: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.stack([xy[a], xy[b]], axis=1)


def _add_lines(ax, segs, style, alpha, gid: str, zorder=1.0) -> None:
    if not len(segs):
        return
    colors = np.tile(to_rgba(style["color"]), (len(segs), 1))
    colors[:, 3] = alpha
    ax.add_collection(LineCollection(segs, colors=colors, linestyles=[style["linestyle"]],
                                     linewidths=style["linewidth"], zorder=zorder, gid=gid))


def _pair_styles(ties: pd.DataFrame, tie_types: list[str]) -> pd.DataFrame:
    """One row per unit pair: ``lo``, ``hi``, ``style`` (tie type, or None for several)."""
    lo = np.minimum(ties["a"].to_numpy(), ties["b"].to_numpy())
    hi = np.maximum(ties["a"].to_numpy(), ties["b"].to_numpy())
    df = pd.DataFrame({"lo": lo, "hi": hi, "t": ties["tie_type"].cat.codes.to_numpy()})
    grp = df.groupby(["lo", "hi"], sort=True)["t"]
    out = pd.DataFrame({"n": grp.nunique(), "t": grp.first()}).reset_index()
    out["style"] = [tie_types[t] if n == 1 else None for t, n in
                    zip(out["t"], out["n"], strict=True)]
    return out


def _cadre_positions(ties: pd.DataFrame, xy: np.ndarray, seed: int) -> pd.DataFrame:
    """Position of each cadre that carries a drawn tie: 30% of the way from the home unit
    towards the mean of its tie targets, spread around the home unit."""
    home = ties.groupby("via", sort=True)["a"].first()
    target = pd.DataFrame(xy[ties["b"].to_numpy()], columns=["x", "y"]).assign(
        via=ties["via"].to_numpy()).groupby("via", sort=True)[["x", "y"]].mean()
    hxy = xy[home.to_numpy()]
    txy = target.loc[home.index].to_numpy()
    rank = home.groupby(home).cumcount().to_numpy()
    angle = rank * 2.399963 + (seed % 7)
    spread = 0.018 * np.sqrt(rank + 1)
    p = hxy + 0.3 * (txy - hxy) + spread[:, None] * np.column_stack([np.cos(angle),
                                                                      np.sin(angle)])
    return pd.DataFrame({"home": home.to_numpy(), "x": p[:, 0], "y": p[:, 1]}, index=home.index)


def _sizes(degree: np.ndarray) -> np.ndarray:
    return np.minimum(40 + 20 * np.sqrt(degree), 240.0)


def _fit_legend(ax) -> None:
    """Grow a figure made here to the right and downwards until its legend fits in it;
    the Axes keeps its size and place in inches."""
    fig = ax.figure
    fig.draw_without_rendering()
    bb = ax.get_legend().get_window_extent(fig.canvas.get_renderer())
    width, height = fig.get_size_inches()
    right = max(0.0, bb.x1 / fig.dpi - width + 0.1)
    below = max(0.0, 0.1 - bb.y0 / fig.dpi)
    if right or below:
        pos = ax.get_position()
        new_w, new_h = width + right, height + below
        fig.set_size_inches(new_w, new_h)
        ax.set_position((pos.x0 * width / new_w, (pos.y0 * height + below) / new_h,
                         pos.width * width / new_w, pos.height * height / new_h))


def _badges(ax, g, report, ug, keep, xy, size) -> int:
    """Write each drawn unit's number of errors and warnings in a small disc at its upper
    right (red with an error, orange otherwise); return the number of such units."""
    per_unit, errors = finding_counts(g, report)
    index = pd.Index(ug.ids)
    n = 0
    for uid, count in per_unit.items():
        i = index.get_indexer([uid])[0]
        if i < 0 or not keep[i]:
            continue
        d = np.sqrt(size[i]) / 2
        ax.annotate(str(count), xy[i], xytext=(d * 0.9, d * 0.9), textcoords="offset points",
                    ha="center", va="center", fontproperties=fp(6.5), color="white",
                    zorder=7, gid=f"badge:{uid}",
                    bbox={"boxstyle": "circle,pad=0.18", "linewidth": 0,
                          "fc": WEAK_COLOR if uid in errors else FRAGILE_COLOR})
        n += 1
    return n


def _unit_values(values, ug, name: str) -> pd.Series:
    """A per-unit Series (or dict) aligned on the units of ``ug``; KeyError for ids that
    are not units, so that a misspelt index is not drawn silently as missing."""
    ser = values if isinstance(values, pd.Series) else pd.Series(values)
    ser.index = ser.index.astype(str)
    unknown = sorted(set(ser.index) - set(ug.ids.tolist()))
    if unknown:
        raise KeyError(f"{name}: {len(unknown)} id(s) that are not units of the graph, "
                       f"e.g. {unknown[:3]}; index the Series by unit id")
    return ser.reindex(ug.ids)


def _panel_scale(ax, width_in: float, x0: float, x1: float, y0: float, y1: float) -> float:
    """Points per data unit of an equal-aspect Axes (as it will be drawn)."""
    pos = ax.get_position()
    w = pos.width * ax.figure.get_figwidth() * 72
    h = pos.height * ax.figure.get_figheight() * 72
    return float(min(w / (x1 - x0), h / (y1 - y0))) if w > 0 and h > 0 else width_in * 72


def _colors(g, ug, sel, types, node_color, cmap, palette, schema):
    """Face colors of the units, and what the legend needs to explain them."""
    import matplotlib as mpl

    facec = np.empty(ug.n, dtype=object)
    sectors = np.array([schema.sector(t) for t in types], dtype=object)
    pal = dict(palette or {})
    if node_color is None:
        facec[:] = [pal.get(s_, sector_color(s_)) for s_ in sectors]
        return facec, None
    vals = _unit_values(node_color, ug, "node_color")
    name = str(vals.name) if vals.name is not None else ""
    if pd.api.types.is_numeric_dtype(vals) and not pd.api.types.is_bool_dtype(vals):
        v = vals.to_numpy(dtype=float)
        finite = np.isfinite(v[sel])
        lo = float(np.nanmin(v[sel])) if finite.any() else 0.0
        hi = float(np.nanmax(v[sel])) if finite.any() else 1.0
        norm = mpl.colors.Normalize(lo, hi if hi > lo else lo + 1)
        cm = mpl.colormaps[cmap or "viridis"] if cmap is None or isinstance(cmap, str) \
            else cmap
        rgba = cm(norm(np.nan_to_num(v, nan=lo)))
        facec[:] = [mpl.colors.to_hex(c) for c in rgba]
        facec[~np.isfinite(v)] = OTHER_COLOR
        return facec, ("continuous", name, cm, norm)
    cats = vals.astype(object)
    present = [c for c in pd.unique(cats.iloc[sel]) if pd.notna(c)]
    try:
        present = sorted(present)
    except TypeError:
        present = sorted(present, key=str)
    base = mpl.colormaps["tab10"].colors
    colors = {c: pal.get(c, mpl.colors.to_hex(base[i % len(base)]))
              for i, c in enumerate(present)}
    facec[:] = [colors.get(c, OTHER_COLOR) if pd.notna(c) else OTHER_COLOR for c in cats]
    return facec, ("categories", name, colors)


def _node_sizes(node_size, ug, sel, base: np.ndarray) -> tuple[np.ndarray, tuple | None]:
    """Marker areas: ``base`` (by degree), or ``node_size`` mapped linearly onto the
    areas 0.25 to 2.5 times the median of ``base`` (missing values: the smallest)."""
    if node_size is None:
        return base, None
    vals = _unit_values(node_size, ug, "node_size")
    v = vals.to_numpy(dtype=float)
    lo_a, hi_a = 0.25 * float(np.median(base[sel])), 2.5 * float(np.median(base[sel]))
    finite = np.isfinite(v[sel])
    lo = float(np.nanmin(v[sel])) if finite.any() else 0.0
    hi = float(np.nanmax(v[sel])) if finite.any() else 1.0
    frac = (np.nan_to_num(v, nan=lo) - lo) / (hi - lo) if hi > lo else np.full(len(v), 0.5)
    out = lo_a + (hi_a - lo_a) * frac
    name = str(vals.name) if vals.name is not None else ""
    return out, (name, lo, hi, lo_a, hi_a)


def draw_units(g, ug, ax: Axes | None, keep: np.ndarray, center: int | None, *,
               title: Callable[[int, int], str], show_cadres: bool, highlight: bool,
               labels, lang: str, seed: int, as_of, report=None, node_size=None,
               node_color=None, cmap=None, palette=None, legend="auto",
               source=None) -> Axes:
    """Draw the units of ``keep`` (see :func:`partylinks.plot.plot_network`)."""
    sel = np.flatnonzero(keep)
    if not len(sel):
        ax = get_axes(ax, (6, 4))
        ax.set_axis_off()
        ax.set_title(label("empty", lang), fontproperties=fp(12), loc="left")
        return ax
    pos = zone_layout(g, units=ug.ids[sel], seed=seed, as_of=as_of)
    xy = np.full((ug.n, 2), np.nan)
    xy[sel] = pos[["x", "y"]].to_numpy()
    zones_sel = pos["zone"].to_numpy()
    order = pd.unique(zones_sel)
    cells = zone_cells(pd.Series(zones_sel).value_counts().reindex(order))
    x0 = (cells["cx"] - cells["r"]).min() - 0.12
    x1 = (cells["cx"] + cells["r"]).max() + 0.12
    y0 = (cells["cy"] - cells["r"]).min() - 0.08
    y1 = (cells["cy"] + cells["r"]).max() + 0.14
    width = float(np.clip(0.9 * np.sqrt(len(sel)), 8.0, 14.0)) if len(cells) > 1 else 7.0
    height = width * (y1 - y0) / (x1 - x0)
    if height > 9.0:
        width, height = width * 9.0 / height, 9.0
    created = ax is None
    if legend == "auto":
        # on a given Axes, the legend takes the side the drawing leaves free: under a
        # drawing wider than its panel, at the right of one narrower
        legend = "right"
        if not created:
            pos = ax.get_position()
            panel = (pos.width * ax.figure.get_figwidth()) / max(
                pos.height * ax.figure.get_figheight(), 1e-9)
            legend = "below" if (x1 - x0) / (y1 - y0) >= 0.9 * panel else "right"
    ax = fixed_axes(ax, width, height, right=3.2 if legend == "right" else 0.05,
                    top=0.45, bottom=0.05 if legend != "below" else 1.6, left=0.05)
    ax.set_aspect("equal")
    ax.set_axis_off()
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    for z, (cx, cy, r, _) in cells.iterrows():
        ax.add_patch(Circle((cx, cy), r + 0.035, facecolor="#f4f4f4", edgecolor="#d6d6d6",
                            linewidth=0.8, zorder=0))
        ax.text(cx, cy + r + 0.05, z or label("no_zone", lang), ha="center", va="bottom",
                fontproperties=fp(10), color="#444444", zorder=5, gid=f"zone:{z}")
    zone_code = pd.Index(order).get_indexer(zone_of_units(g, as_of).to_numpy())

    ties = ug.ties[keep[ug.ties["a"].to_numpy()] & keep[ug.ties["b"].to_numpy()]]
    tie_types = list(ug.ties["tie_type"].cat.categories)
    schema = g.schema
    styles_used: list[str | None] = []
    ws = None
    if highlight and report is not None and pd.Timestamp(as_of) == pd.Timestamp(report.as_of):
        ws = report_weak_spots(report)   # the audit's own tables, on the audit date
    elif highlight:
        ws = weak_spots(g, as_of, cadres=show_cadres)
    is_cadre_tie = ties["via"].notna().to_numpy() if show_cadres else np.zeros(len(ties), bool)

    pairs = _pair_styles(ties[~is_cadre_tie], tie_types)
    for style_key, grp in pairs.groupby(pairs["style"].fillna("\0"), sort=True):
        key = None if style_key == "\0" else style_key
        a, b = grp["lo"].to_numpy(), grp["hi"].to_numpy()
        same = zone_code[a] == zone_code[b]
        st = tie_style(key)
        gid = f"ties:{key or 'several'}"
        _add_lines(ax, _segments(xy, a[same], b[same]), st, 0.85, gid)
        _add_lines(ax, _segments(xy, a[~same], b[~same]), st, 0.22, gid + ":between_zones")
        styles_used.append(key)

    cadres = pd.DataFrame()
    if show_cadres and is_cadre_tie.any():
        ct = ties[is_cadre_tie]
        cadres = _cadre_positions(ct, xy, seed)
        cxy = cadres[["x", "y"]].to_numpy()
        home = xy[cadres["home"].to_numpy()]
        _add_lines(ax, np.stack([home, cxy], axis=1), CADRE_LINK, 0.8, "cadre_links")
        cpos = cadres.index.get_indexer(ct["via"].to_numpy())
        for t, grp_idx in pd.Series(np.arange(len(ct))).groupby(
                ct["tie_type"].astype(str).to_numpy(), sort=True):
            idx = grp_idx.to_numpy()
            segs = np.stack([cxy[cpos[idx]], xy[ct["b"].to_numpy()[idx]]], axis=1)
            _add_lines(ax, segs, tie_style(t), 0.8, f"ties:{t}:cadres")
            styles_used.append(t)
        ax.scatter(cxy[:, 0], cxy[:, 1], s=10, c="#555555", marker="o", linewidths=0,
                   zorder=3.5, gid="cadres")

    counts = {"bridges": 0, "key_cadres": 0}
    bridge_end = np.zeros(ug.n, bool)
    if ws is not None and ws.bridges:
        bp = [tuple(sorted(p)) for p in ws.bridges]
        idx = pd.Index(ug.ids).get_indexer(np.array(bp, dtype=object).ravel()).reshape(-1, 2)
        idx = idx[keep[idx[:, 0]] & keep[idx[:, 1]]]
        bridge_end[idx.ravel()] = True
        counts["bridges"] = len(idx)
        if len(idx):
            segs = _segments(xy, idx[:, 0], idx[:, 1])
            ax.add_collection(LineCollection(segs, colors=WEAK_COLOR, linewidths=3.5,
                                             alpha=0.4, zorder=0.9, capstyle="round",
                                             gid="bridges"))

    degree = ug.degree()
    size = _sizes(degree) * float(np.clip(np.sqrt(80 / len(sel)), 1.0, 2.0))
    # markers cover at most about a third of their zone's disc, as drawn
    pt = _panel_scale(ax, width, x0, x1, y0, y1)
    disc = pd.Series(np.pi * (cells["r"].to_numpy() * pt) ** 2
                     / np.maximum(cells["units"].to_numpy(), 1), index=cells.index)
    cap = np.full(ug.n, np.inf)
    cap[sel] = np.nan_to_num(0.35 * disc.reindex(zones_sel).to_numpy(dtype=float),
                             nan=np.inf)
    size = np.maximum(np.minimum(size, cap), 6.0)
    types = g.nodes["type"].astype(object).to_numpy()[ug.node_code]
    size, size_key = _node_sizes(node_size, ug, sel, size)
    facec, color_key = _colors(g, ug, sel, types, node_color, cmap, palette, schema)
    type_order = [t for t in schema.unit_types if t in set(types[sel])]
    for t in type_order:
        m = sel[types[sel] == t]
        boost = 1.8 if type_marker(t) == "*" else 1.0
        ax.scatter(xy[m, 0], xy[m, 1], s=size[m] * boost, marker=type_marker(t),
                   c=list(facec[m]), edgecolors="white", linewidths=0.6,
                   zorder=3, gid=f"units:{t}")

    ids = ug.ids
    iso = fra = np.zeros(ug.n, bool)
    if ws is not None:
        iso = np.isin(ids, list(ws.isolated)) & keep
        fra = np.isin(ids, list(ws.fragile)) & keep
        ring = (np.sqrt(size) + 8) ** 2
        ax.scatter(xy[iso, 0], xy[iso, 1], s=ring[iso], facecolors="none",
                   edgecolors=WEAK_COLOR, linewidths=1.8, zorder=4, gid="isolated")
        ax.scatter(xy[fra, 0], xy[fra, 1], s=ring[fra], facecolors="none",
                   edgecolors=FRAGILE_COLOR, linewidths=1.8, linestyles="--", zorder=4,
                   gid="fragile")
        if len(cadres):
            key = cadres.index.isin(list(ws.key_cadres))
            counts["key_cadres"] = int(key.sum())
            ax.scatter(cadres["x"][key], cadres["y"][key], s=60, facecolors="white",
                       edgecolors=WEAK_COLOR, linewidths=1.8, zorder=4.5, gid="key_cadres")
    if center is not None:
        ax.scatter(*xy[center], s=(np.sqrt(size[center]) + 12) ** 2, facecolors="none",
                   edgecolors="#111111", linewidths=1.2, zorder=4, gid="ego")
    if report is not None:
        counts["findings"] = _badges(ax, g, report, ug, keep, xy, size)

    n_pairs = int(len(_pair_styles(ties, tie_types)))
    ax.set_title(title(len(sel), n_pairs), fontproperties=fp(12), loc="left")
    if legend:
        network_legend(ax, g, type_order, styles_used, ws, iso, fra, counts, len(cadres) > 0,
                       lang, ego_shown=center is not None, where=legend,
                       palette=None if color_key else palette, color_key=color_key,
                       size_key=size_key)
    if color_key is not None and color_key[0] == "continuous":
        import matplotlib as mpl

        _, name, cm, norm = color_key
        # inside the lower left corner, which the zone discs leave free: the legend and
        # the layout of a grid of panels stay as they are
        cax = ax.inset_axes((0.02, 0.035, 0.28, 0.02))
        cbar = ax.figure.colorbar(mpl.cm.ScalarMappable(norm=norm, cmap=cm), cax=cax,
                                  orientation="horizontal")
        cbar.ax.xaxis.set_label_position("top")
        cbar.set_label(name, fontproperties=fp(8))
        cbar.ax.tick_params(labelsize=fp(7).get_size(), length=2)
    if created and legend == "right":
        _fit_legend(ax)
    add_source(ax, source)
    unit_labels(ax, g, ug, xy, sel, size, labels, iso, fra, bridge_end, center, ws, cadres,
                degree, types, lang)
    return plain_texts(ax)
