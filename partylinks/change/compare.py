"""What changed between two dates, or between two versions of a dataset.

Definitions (all on the unit projection, see :mod:`partylinks.graph.projection`):

- a **tie** is one row of the tie table, identified by ``(tie_type, u, v, via, role)``
  (``u``, ``v`` in id order for a symmetric type such as co_building); it is **new** when
  it is in the *after* state and not in the *before* state, **lapsed** the other way round
  (as multisets: of two identical ties before and one after, one lapsed);
- a unit **became isolated** when it has at least one tie before and none after, and was
  **tied in** when it had none before and has at least one after (units present in both
  states); units only in one state are listed as added or removed;
- a finding is **opened** when its key (:func:`partylinks.change.finding_key`: rule,
  node id and sorted related ids) is in the *after* audit and not in the *before* audit,
  **closed** the other way round;
- the **zone score** is the mean weak-linkage score of the zone's units
  (:func:`partylinks.metrics.zone_scores`, 1 = weakest); ``change = after - before``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..graph.dates import to_timestamp as _to_timestamp
from ..messages import check_lang, msg
from ..metrics import fragile_units, zone_scores
from ..rules import empty_findings
from ._diff import UNIT_COLUMNS, components_of, diff_ties, tie_rows, unit_state
from ._findings import audit_findings, default_as_of, diff_findings, keyed
from ._present import html_block, text_block, write

__all__ = ["Comparison", "compare", "SECTIONS"]

SECTIONS = ("metrics", "tie_counts", "ties_new", "ties_lapsed", "units_isolated",
            "units_tied_in", "units_added", "units_removed", "findings_opened",
            "findings_closed", "zone_scores")
"""The tables of a :class:`Comparison`, in the order they are shown and exported."""


@dataclass
class Comparison:
    """The result of :func:`compare`: what changed from ``before`` to ``after``.

    Attributes
    ----------
    before, after : str
        Labels of the two states (a date ``YYYY-MM-DD``, or the graph's role).
    metrics : DataFrame
        ``metric`` (units, ties, isolated, fragile, components, largest_share, findings),
        ``before``, ``after``, ``change``.
    tie_counts : DataFrame
        Per tie type (mechanism): ``tie_type``, ``before``, ``after``, ``new``,
        ``lapsed``, ``change``.
    ties_new, ties_lapsed : DataFrame
        ``tie_type``, ``u``, ``u_name``, ``v``, ``v_name``, ``via``, ``via_name``,
        ``role``, ``start``, ``end``; sorted by tie type, u, v, via, role.
    units_isolated, units_tied_in : DataFrame
        ``id``, ``type``, ``name``, ``zone``, ``sector``, ``ties_before``, ``ties_after``;
        sorted by id.
    units_added, units_removed : DataFrame
        The same columns (the missing side counts 0 ties).
    findings_opened, findings_closed : DataFrame
        ``key`` and the audit's finding columns, sorted by key (empty, and
        ``findings_checked`` False, when findings were not compared).
    zone_scores : DataFrame
        ``zone``, ``units_before``, ``units_after``, ``score_before``, ``score_after``,
        ``change``, ``isolated_before``, ``isolated_after``, ``findings_before``,
        ``findings_after``; sorted by zone.
    """

    before: str
    after: str
    metrics: pd.DataFrame
    tie_counts: pd.DataFrame
    ties_new: pd.DataFrame
    ties_lapsed: pd.DataFrame
    units_isolated: pd.DataFrame
    units_tied_in: pd.DataFrame
    units_added: pd.DataFrame
    units_removed: pd.DataFrame
    findings_opened: pd.DataFrame
    findings_closed: pd.DataFrame
    zone_scores: pd.DataFrame
    lang: str = "zh"
    findings_checked: bool = True
    title_key: str = field(default="chg_title_compare", repr=False)

    def sections(self) -> dict[str, pd.DataFrame]:
        """Section name -> table, in :data:`SECTIONS` order."""
        return {k: getattr(self, k) for k in SECTIONS}

    def _title(self) -> str:
        return msg(self.title_key, self.lang, before=self.before, after=self.after)

    def lines(self) -> list[str]:
        """The headline numbers as sentences in the result's language."""
        lang, m = self.lang, self.metrics.set_index("metric")
        out = [msg("chg_line_ties", lang, new=len(self.ties_new), lapsed=len(self.ties_lapsed)),
               msg("chg_line_units", lang, isolated=len(self.units_isolated),
                   tied_in=len(self.units_tied_in)),
               msg("chg_line_components", lang, before=m.loc["components", "before"],
                   after=m.loc["components", "after"])]
        if self.findings_checked:
            out.append(msg("chg_line_findings", lang, opened=len(self.findings_opened),
                           closed=len(self.findings_closed)))
        return out

    def __repr__(self) -> str:
        return text_block(self._title(), self.lines())

    def _repr_html_(self) -> str:
        return html_block(self._title(), self.lines(), self.sections(), self.lang)

    def write(self, path, lang: str | None = None):
        """Write every table to ``path`` (``.xlsx``: one sheet each, headers in ``lang``;
        ``.json``: one list of records each). Returns the path."""
        lang = check_lang(lang or self.lang)
        meta = {"before": self.before, "after": self.after, "summary": self.lines()}
        return write(path, self.sections(), meta, lang)

    def to_excel(self, path, lang: str | None = None):
        """Write an ``.xlsx`` workbook, one sheet per table (see :meth:`write`)."""
        return self.write(path, lang)

    def to_json(self, path, lang: str | None = None):
        """Write a ``.json`` file (see :meth:`write`)."""
        return self.write(path, lang)


def _label(date) -> str | None:
    return None if date is None else _to_timestamp(date).date().isoformat()


def state(g, as_of=None, *, policy=None, lang: str = "zh", findings: bool = True) -> dict:
    """Everything :func:`compare` compares, for one graph on one date."""
    units = unit_state(g, as_of)
    st = {"ties": tie_rows(g, as_of), "units": units, "schema": g.schema,
          "fragile": len(fragile_units(g, as_of=as_of)), "scores": zone_scores(g, as_of)}
    st["findings"] = (audit_findings(g, policy=policy, as_of=as_of, lang=lang) if findings
                      else keyed(empty_findings()))
    return st


def _unit_rows(units: pd.DataFrame, ids, before: pd.Series, after: pd.Series) -> pd.DataFrame:
    d = units.set_index("id").loc[list(ids)].reset_index()[UNIT_COLUMNS]
    d["ties_before"] = before.reindex(d["id"]).fillna(0).astype(np.int64).to_numpy()
    d["ties_after"] = after.reindex(d["id"]).fillna(0).astype(np.int64).to_numpy()
    return d.sort_values("id", kind="stable").reset_index(drop=True)


def _zone_table(sb: dict, sa: dict) -> pd.DataFrame:
    b = sb["scores"].set_index("group")
    a = sa["scores"].set_index("group")
    z = pd.DataFrame({"units_before": b["units"], "units_after": a["units"],
                      "score_before": b["mean_score"], "score_after": a["mean_score"]})
    z["change"] = z["score_after"] - z["score_before"]
    z["isolated_before"], z["isolated_after"] = b["isolated"], a["isolated"]
    for side, s in (("before", sb), ("after", sa)):
        z[f"findings_{side}"] = (s["findings"]["zone"].value_counts() if len(s["findings"])
                                 else pd.Series(dtype=np.int64))
    for c in ("units_before", "units_after", "isolated_before", "isolated_after",
              "findings_before", "findings_after"):
        z[c] = z[c].fillna(0).astype(np.int64)
    z.index.name = "zone"
    z = z.reset_index()
    order = np.lexsort([z["zone"].astype(str).to_numpy(), z["zone"].isna().to_numpy()])
    return z.iloc[order].reset_index(drop=True)


def compare_states(sb: dict, sa: dict, before: str, after: str, lang: str,
                   findings: bool) -> Comparison:
    """The :class:`Comparison` of two :func:`state` dicts."""
    tie_types = list(dict.fromkeys(list(sb["schema"].tie_types) + list(sa["schema"].tie_types)))
    new, lapsed, counts = diff_ties(sb["ties"], sa["ties"], tie_types)
    ub, ua = sb["units"], sa["units"]
    tb, ta = ub.set_index("id")["ties"], ua.set_index("id")["ties"]
    both = ub[ub["id"].isin(ua["id"])]["id"]
    deg_b, deg_a = ub.set_index("id")["degree"], ua.set_index("id")["degree"]
    db, da = deg_b.reindex(both).to_numpy(), deg_a.reindex(both).to_numpy()
    isolated = both[(db > 0) & (da == 0)]
    tied_in = both[(db == 0) & (da > 0)]
    added = ua[~ua["id"].isin(ub["id"])]
    removed = ub[~ub["id"].isin(ua["id"])]
    opened, closed = diff_findings(sb["findings"], sa["findings"])
    cb, ca = components_of(ub), components_of(ua)
    rows = [("units", cb["n_units"], ca["n_units"]), ("ties", len(sb["ties"]), len(sa["ties"])),
            ("isolated", cb["n_isolated"], ca["n_isolated"]),
            ("fragile", sb["fragile"], sa["fragile"]),
            ("components", cb["n_components"], ca["n_components"]),
            ("largest_share", round(cb["largest_share"], 4), round(ca["largest_share"], 4))]
    if findings:
        rows.append(("findings", len(sb["findings"]), len(sa["findings"])))
    metrics = pd.DataFrame(rows, columns=["metric", "before", "after"], dtype=object)
    change = [a - b for b, a in zip(metrics["before"], metrics["after"], strict=True)]
    metrics["change"] = pd.Series([round(c, 4) if isinstance(c, float) else c for c in change],
                                  dtype=object)
    return Comparison(
        before=before, after=after, metrics=metrics, tie_counts=counts, ties_new=new,
        ties_lapsed=lapsed,
        units_isolated=_unit_rows(ua, isolated, tb, ta),
        units_tied_in=_unit_rows(ua, tied_in, tb, ta),
        units_added=_unit_rows(ua, added["id"], tb, ta),
        units_removed=_unit_rows(ub, removed["id"], tb, ta),
        findings_opened=opened, findings_closed=closed, zone_scores=_zone_table(sb, sa),
        lang=lang, findings_checked=findings)


def compare(g, before=None, after=None, *, other=None, policy=None, lang: str = "zh",
            findings: bool = True) -> Comparison:
    """What changed: new and lapsed ties by mechanism, units isolated or tied in, findings
    opened and closed, and the change of every zone's weak-linkage score.

    Two forms:

    - **one graph, two dates**: ``compare(g, before="2024-06-30", after="2025-06-30")``
      compares ``g`` on ``before`` with ``g`` on ``after`` (edges active on each day, both
      ends inclusive, as in :meth:`LinkGraph.at`; each audit is run ``as_of`` its date).
      ``after`` defaults to the latest date in the data
      (:func:`partylinks.metrics.window_end`; today when the data has no date).
    - **two graphs**: ``compare(g_before, other=g_after)`` compares two versions of a
      dataset (for example two yearly submissions). ``before`` and ``after``, when given,
      are the dates at which ``g`` and ``other`` are taken; one date given applies to
      both; none: each graph on the latest date in its own data (as its audit would).

    The exact definitions of new and lapsed ties, isolated and tied-in units, opened and
    closed findings and the zone score are in :mod:`partylinks.change.compare`.

    Parameters
    ----------
    g : LinkGraph
    before, after : date-like, optional
    other : LinkGraph, optional
        The second graph (the *after* state).
    policy : path, Policy or None
        The audit policy (None: the default policy).
    lang : {"zh", "en"}
        Language of the finding messages and of the summary.
    findings : bool
        Run the audit on both states and compare findings (default True).

    Returns
    -------
    Comparison
        The tables are described in :class:`Comparison`.

    Examples
    --------
    >>> import partylinks as pl
    >>> g = pl.datasets.house()
    >>> c = pl.compare(g, before="2023-06-30", after="2024-06-30", lang="en")
    >>> c.ties_new[["tie_type", "u", "v", "via", "role"]]
             tie_type   u   v via        role
    0  part_time_post  C1  E1  K1  instructor
    >>> c.tie_counts.set_index("tie_type").loc["part_time_post", ["before", "after"]].tolist()
    [1, 2]
    """
    check_lang(lang)
    if other is None:
        if before is None:
            raise ValueError("give the date 'before' (and optionally 'after'), or a second "
                             "graph as other=")
        if after is None:
            after = default_as_of(g)
        gb, ga, db, da = g, g, before, after
        lb, la = _label(before), _label(after)
    else:
        db = before if before is not None else after
        da = after if after is not None else before
        gb, ga = g, other
        lb = _label(db) or msg("chg_graph_before", lang)
        la = _label(da) or msg("chg_graph_after", lang)
        db = db if db is not None else default_as_of(g)
        da = da if da is not None else default_as_of(other)
    # dates as midnight Timestamps, as the audit reads them: one snapshot per graph and date
    db, da = (None if d is None else _to_timestamp(d).normalize() for d in (db, da))
    sb = state(gb, db, policy=policy, lang=lang, findings=findings)
    sa = state(ga, da, policy=policy, lang=lang, findings=findings)
    return compare_states(sb, sa, lb, la, lang, findings)
