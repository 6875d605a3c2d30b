"""The ``meeting_frequency`` rule: councils meet at least once a quarter."""

from __future__ import annotations

import pandas as pd

from ._context import AuditContext, empty_raw, raw_findings
from ._params import Param

__all__ = ["meeting_frequency", "PARAMS", "NoEvents"]

PARAMS = {
    "meeting_frequency": {
        "node_type": Param("str", "council", doc="type of the units that must meet"),
        "event_kinds": Param("list[str]", ["joint_meeting"], doc="event kinds that count"),
        "days": Param("int", 92, minimum=1, doc="length of the window before the audit date"),
    },
}


class NoEvents(LookupError):
    """The graph has no events table, so the rule cannot be checked."""


def meeting_frequency(ctx: AuditContext, rule) -> pd.DataFrame:
    """Every council held a joint meeting in the last ``days`` days.

    Definition: an event counts for a unit when the unit is among its ``units`` and its
    ``kind`` is in ``event_kinds``. A finding for each ``node_type`` unit with no such
    event dated in (as_of - ``days`` days, as_of]; the detail gives the date of its last
    one on or before as_of (None when there is none). The default, 92 days, is a quarter
    (每季度至少召开1次联席会议). Without an events table the rule is skipped (the report
    says so) rather than reporting every council.

    Examples
    --------
    >>> import pandas as pd, partylinks as pl
    >>> from partylinks.rules import check
    >>> nodes = pd.DataFrame({"id": ["W1", "W2"], "type": "council", "zone": "Z"})
    >>> edges = pd.DataFrame(columns=["source", "target", "type"])
    >>> events = pd.DataFrame({"date": ["2025-05-20", "2025-01-10"], "kind": "联席会议",
    ...                        "units": ["W1", "W2"]})
    >>> g = pl.from_frames(nodes, edges, events)
    >>> check(g, "meeting_frequency", as_of="2025-06-30")[["node_id", "detail"]].values.tolist()
    [['W2', {'days': 92, 'last': '2025-01-10'}]]
    """
    p = rule.params
    ev = ctx.full.events
    if ev is None:
        raise NoEvents("no events table")
    units = ctx.of_type(p["node_type"])
    if len(units) == 0:
        return empty_raw()
    e = ev[ev["kind"].isin(p["event_kinds"]).to_numpy()][["date", "units"]]
    e = e[(e["date"] <= ctx.as_of).to_numpy()].explode("units")
    e = e[e["units"].isin(units).to_numpy()]
    last = e.groupby("units")["date"].max().reindex(units)
    start = ctx.as_of - pd.Timedelta(days=p["days"])
    bad = last[~(last > start).to_numpy()]
    days = p["days"]
    last_s = [None if pd.isna(d) else pd.Timestamp(d).date().isoformat() for d in bad]
    det = [{"days": days, "last": d} for d in last_s]
    fld = [{"days": days, "last": d or ctx.text("none_on_record")} for d in last_s]
    return raw_findings(bad.index, [[] for _ in det], det, "rule_meeting", "sugg_meeting", fld)
