"""Every per-unit metric in one table, and a writer for R, Stata, SPSS and Excel users.

:func:`unit_table` joins the per-unit results of :mod:`partylinks.metrics` on the unit
id, one row per unit; :func:`write_unit_table` writes it as CSV (UTF-8 with BOM, which
Excel and SPSS read as Unicode), Stata ``.dta`` (version 118, Unicode) or Parquet.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

__all__ = ["unit_table", "write_unit_table", "UNIT_TABLE_COLUMNS"]

#: Column -> definition, in the column order of :func:`unit_table` (the brokerage roles
#: and E-I columns follow the grouping, ``by``).
UNIT_TABLE_COLUMNS: dict[str, str] = {
    "id": "unit id",
    "type": "node type",
    "name": "unit name",
    "zone": "zone",
    "sector": "sector of the type (community, park, enterprise, government, project, grid)",
    "degree": "distinct units tied to the unit",
    "n_ties": "ties of the unit (rows of the tie table)",
    "n_carriers": "distinct carriers of those ties (cadres, or the edge for unit-to-unit)",
    "isolated": "no tie at all (isolated_units)",
    "fragile": "ties, all held by one carrier, a cadre or a unit-to-unit edge "
               "(fragile_units)",
    "sole_carrier": "that one carrier when fragile",
    "sole_carrier_kind": "cadre or edge, when fragile",
    "on_bridge": "an end of a bridge of the unit graph (bridges)",
    "components_added": "components added when the unit is removed (articulation_units); "
                        "0 when not a cut unit",
    "component": "component number, by decreasing size (components)",
    "mean_strength": "mean tie strength of its pairs (unit_strength); missing when isolated",
    "max_strength": "largest tie strength of its pairs",
    "score": "weak-linkage score, 1 = weakest (weak_linkage_score)",
    "constraint": "Burt's constraint (constraint); missing when isolated",
    "effective_size": "Burt's effective size (effective_size); missing when isolated",
    "brokerage_<role>": "Gould-Fernandez counts by role and total (brokerage)",
    "brokerage_total_z": "z-score of the total against Gould-Fernandez's baseline "
                         "(brokerage_z)",
    "ei_E, ei_I, ei": "external and internal tied pairs and the unit's E-I index (unit_ei)",
}


def unit_table(g, *, by: str = "sector", as_of=None) -> pd.DataFrame:
    """Every per-unit metric of ``g`` in one DataFrame, one row per unit.

    Definition. One row per unit of the unit graph (on ``as_of``), sorted by id, with
    the columns of :data:`UNIT_TABLE_COLUMNS`: the unit's ``id``, ``type``, ``name``,
    ``zone``, ``sector``; its ``degree`` (distinct units tied), ``n_ties`` and
    ``n_carriers``; ``isolated``, ``fragile`` (all of its ties held by one carrier,
    cadre or unit-to-unit edge, exactly as :func:`partylinks.metrics.fragile_units`) with
    ``sole_carrier`` and ``sole_carrier_kind``, ``on_bridge``, ``components_added``,
    ``component``; ``mean_strength``, ``max_strength``, ``score`` (weak-linkage score);
    Burt's ``constraint`` and ``effective_size``; the Gould-Fernandez brokerage counts
    ``brokerage_coordinator`` ... ``brokerage_total`` by the grouping ``by`` and
    ``brokerage_total_z``; the unit's E-I counts ``ei_E``, ``ei_I`` and ``ei`` by ``by``.
    Each value is the one the named metric function returns for that unit.

    Parameters
    ----------
    g : LinkGraph
    by : str, default "sector"
        Grouping of the brokerage roles and the E-I index: ``"sector"``, ``"zone"`` or
        any node column.
    as_of : date-like, optional
        Only ties active on that date; None uses every tie whatever its dates (as every
        metric does).

    Returns
    -------
    DataFrame

    Examples
    --------
    >>> import partylinks as pl
    >>> t = pl.unit_table(pl.datasets.house())
    >>> t[["id", "degree", "isolated", "brokerage_liaison", "ei"]]
       id  degree  isolated  brokerage_liaison   ei
    0  A1       0      True                  0  NaN
    1  C1       2     False                  1  1.0
    2  E1       1     False                  0  1.0
    3  W1       1     False                  0  1.0
    """
    from ..graph.unitgraph import unit_graph
    from . import (
        articulation_units,
        brokerage,
        brokerage_z,
        components,
        constraint,
        effective_size,
        fragile_units,
        unit_ei,
        unit_strength,
        weak_linkage_score,
    )

    ug = unit_graph(g, as_of)
    score = weak_linkage_score(g, as_of=as_of).set_index("id")
    ids = pd.Index(sorted(ug.ids.tolist()), name="id")
    out = score.reindex(ids)[["type", "name", "zone", "sector"]].copy()
    out["type"] = out["type"].astype(object)
    deg = pd.Series(ug.degree(), index=ug.ids)
    out["degree"] = deg.reindex(ids).to_numpy().astype(np.int64)
    t = ug.ties
    ends = pd.DataFrame({
        "unit": np.concatenate([ug.ids[t["a"].to_numpy()], ug.ids[t["b"].to_numpy()]]),
        "carrier": np.concatenate([t["carrier"].to_numpy(), t["carrier"].to_numpy()]),
    })
    per = ends.groupby("unit")
    out["n_ties"] = per.size().reindex(ids, fill_value=0).to_numpy().astype(np.int64)
    out["n_carriers"] = per["carrier"].nunique().reindex(ids, fill_value=0).to_numpy()
    out["isolated"] = out["degree"] == 0
    fr = fragile_units(g, as_of=as_of).set_index("id")
    out["fragile"] = ids.isin(fr.index)
    out["sole_carrier"] = fr["sole_carrier"].reindex(ids).astype(object).to_numpy()
    out["sole_carrier_kind"] = fr["sole_carrier_kind"].reindex(ids).astype(object).to_numpy()
    out["on_bridge"] = score["on_bridge"].reindex(ids).astype(bool).to_numpy()
    cut = articulation_units(g, as_of=as_of).set_index("id")["components_added"]
    out["components_added"] = cut.reindex(ids, fill_value=0).to_numpy().astype(np.int64)
    out["component"] = components(g, as_of=as_of).reindex(ids).to_numpy()
    st = unit_strength(g, as_of=as_of)
    out["mean_strength"] = st["mean_strength"].reindex(ids).to_numpy(dtype=float)
    out["max_strength"] = st["max_strength"].reindex(ids).to_numpy(dtype=float)
    out["score"] = score["score"].reindex(ids).to_numpy(dtype=float)
    out["constraint"] = constraint(g, as_of=as_of).reindex(ids).to_numpy(dtype=float)
    out["effective_size"] = effective_size(g, as_of=as_of).reindex(ids).to_numpy(dtype=float)
    br = brokerage(g, by=by, as_of=as_of).set_index("id").reindex(ids)
    for col in ["coordinator", "gatekeeper", "representative", "itinerant", "liaison",
                "total"]:
        out[f"brokerage_{col}"] = br[col].to_numpy().astype(np.int64)
    bz = brokerage_z(g, by=by, as_of=as_of)
    bz = bz[bz["role"] == "total"].set_index("id")["z"]
    out["brokerage_total_z"] = bz.reindex(ids).to_numpy(dtype=float)
    ei = unit_ei(g, by=by, as_of=as_of).set_index("id").reindex(ids)
    out["ei_E"] = ei["E"].to_numpy().astype(np.int64)
    out["ei_I"] = ei["I"].to_numpy().astype(np.int64)
    out["ei"] = ei["ei"].to_numpy(dtype=float)
    return out.reset_index()


def _definition(column: str) -> str:
    """The definition of a column of :func:`unit_table` ("" for a column of the user's)."""
    if column in UNIT_TABLE_COLUMNS:
        return UNIT_TABLE_COLUMNS[column]
    if column.startswith("brokerage_"):
        return UNIT_TABLE_COLUMNS["brokerage_<role>"]
    if column in ("ei_E", "ei_I"):
        return UNIT_TABLE_COLUMNS["ei_E, ei_I, ei"]
    return ""


def _stata_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Booleans as 0/1 bytes, text columns as str with missing as "" (Stata has no
    missing string), categoricals as text."""
    out = df.copy()
    for col in out.columns:
        s = out[col]
        if pd.api.types.is_bool_dtype(s):
            out[col] = s.astype(np.int8)
        elif isinstance(s.dtype, pd.CategoricalDtype) or s.dtype == object \
                or pd.api.types.is_string_dtype(s):
            out[col] = s.astype(object).where(s.notna(), "").map(str)
    return out


def write_unit_table(table, path: str | Path, *, format: str | None = None,  # noqa: A002
                     as_of=None, by: str = "sector") -> Path:
    """Write :func:`unit_table` as CSV (UTF-8 with BOM), Stata ``.dta`` or Parquet.

    Parameters
    ----------
    table : DataFrame or LinkGraph
        A table from :func:`unit_table`, or a graph, whose table is made with ``by`` and
        ``as_of``.
    path : str or Path
    format : {"csv", "dta", "parquet"}, optional
        Taken from the file suffix when None (``.csv``, ``.dta``, ``.parquet``).
    as_of, by
        Passed to :func:`unit_table` when ``table`` is a graph.

    Returns
    -------
    Path
        The file written.

    Notes
    -----
    CSV: UTF-8 with a byte-order mark, so that Excel and SPSS open Chinese names
    correctly; booleans as ``True``/``False``, missing values empty. Stata: format 118
    (Stata 14 or later, Unicode), booleans as 0/1, missing text as empty strings, the
    column definitions as variable labels (at most 80 characters). Parquet: needs
    pyarrow (``pip install "partylinks[parquet]"``).

    Examples
    --------
    >>> import tempfile, pandas as pd, partylinks as pl
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = pl.metrics.write_unit_table(pl.datasets.house(), f"{d}/units.csv")
    ...     raw = p.read_bytes()[:3]
    ...     back = pd.read_csv(p, encoding="utf-8-sig")
    >>> raw == b"\\xef\\xbb\\xbf", back["name"].iloc[1]
    (True, '桃源社区')
    """
    path = Path(path)
    if not isinstance(table, pd.DataFrame):
        table = unit_table(table, by=by, as_of=as_of)
    fmt = (format or path.suffix.lstrip(".")).lower()
    if fmt == "csv":
        table.to_csv(path, index=False, encoding="utf-8-sig")
    elif fmt == "dta":
        labels = {c: _definition(c)[:80] for c in table.columns if _definition(c)}
        _stata_frame(table).to_stata(path, write_index=False, version=118,
                                     variable_labels=labels)
    elif fmt == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError as err:  # pragma: no cover - depends on the environment
            raise ImportError('writing Parquet needs pyarrow: pip install '
                              '"partylinks[parquet]"') from err
        table.to_parquet(path, index=False)
    else:
        raise ValueError(f"unknown format {fmt!r} for {path}: use .csv, .dta or .parquet "
                         "(or format='csv', 'dta', 'parquet')")
    return path
