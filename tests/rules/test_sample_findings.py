"""The bundled samples: the default policy finds exactly their documented weak spots.

The ids are copied from each sample's README ("Planted weak spots / expected findings"
and "Everything else is clean"), as of 2025-06-30. Every rule of the default policy is
listed for every sample, so a rule that starts firing elsewhere fails the test.
"""

from __future__ import annotations

import warnings

import pytest

import partylinks as pl

AS_OF = "2025-06-30"


def audit(name: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pl.ValidationWarning)
        g = pl.datasets.load_sample(name)
    return pl.audit(g, as_of=AS_OF, lang="en")


def found(report) -> dict[str, list]:
    """rule -> sorted (node_id, issue, related ids) of its findings, for every rule."""
    out = {r: [] for r in report.rules["rule"]}
    for r in report.findings.itertuples():
        d = r.detail
        issue = (d.get("issue") or "") + ":" + str(d.get("missing_role") or d.get("role")
                                                    or d.get("missing_sector") or "")
        out[r.rule].append((r.node_id, issue.strip(":"), tuple(r.related_ids)))
    return {k: sorted(v) for k, v in out.items()}


@pytest.fixture(scope="module")
def yongchun():
    return audit("yongchun")


@pytest.fixture(scope="module")
def quanzhou():
    return audit("quanzhou_etdz")


@pytest.fixture(scope="module")
def shishi():
    return audit("shishi_pengtian")


def test_yongchun_findings(yongchun):
    assert found(yongchun) == {
        # 1 isolation
        "isolated_units": [("Y-E013", "", ()), ("Y-E025", "", ())],
        # 9 branch_coverage
        "enterprise_branch": [("Y-E029", "no_coverage", ())],
        # 4, 5, 6 team
        "project_team": [("Y-J04", "missing_role:support", ()),
                         ("Y-J07", "duplicate_cadre", ("Y-K0025",)),
                         ("Y-J13", "expired_role:support", ("Y-K0080",))],
        # 2 composition
        "council_composition": [("Y-U06", "missing_sector:park", ())],
        # 3 reciprocal: Y-C04->Y-E008, Y-C07->Y-E019, Y-C16->Y-E032
        "mutual_appointments": [("Y-C04", "", ("Y-E008", "Y-K0102")),
                                ("Y-C07", "", ("Y-E019", "Y-K0115")),
                                ("Y-C16", "", ("Y-E032", "Y-K0157"))],
        "grid_organization": [],
        # 10 meeting frequency
        "council_meetings": [("Y-U04", "", ())],
        # 7, 8 fragile units / sole carriers
        "fragile_units": [("Y-A20", "", ("Y-K0010",)), ("Y-E007", "", ("Y-K0010",)),
                          ("Y-E019", "", ("Y-K0115",))],
        # 7, 8 key persons
        "key_persons": [("Y-K0010", "", ("Y-A20", "Y-E007")), ("Y-K0115", "", ("Y-E019",))],
        "branch_size": [],
        "joint_branch_size": [],
        "own_branch_due": [],
        # 5: "the policy slot is not held by a township cadre"
        "team_qualification": [("Y-J07", "unqualified:policy", ("Y-K0025",))],
        # not in the README's table: Y-E007's only tie is to Y-A20 (spot 8), which is in no
        # council, so its zone council Y-U01 is 4 steps away
        "council_reach": [("Y-E007", "", ("Y-U01",))],
        "grid_staffed": [],
        "compound_registration": [],
        "unmet_needs": [],
    }
    expired = yongchun.findings[yongchun.findings["node_id"] == "Y-J13"].iloc[0]
    assert expired["detail"]["end"] == "2025-03-31"


def test_yongchun_team_is_complete_before_the_support_appointment_ended():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pl.ValidationWarning)
        g = pl.datasets.load_sample("yongchun")
    r = pl.audit(g, as_of="2025-03-31", lang="en")
    assert "Y-J13" not in r.findings.loc[r.findings["rule"] == "project_team", "node_id"].tolist()


def test_quanzhou_findings(quanzhou):
    assert found(quanzhou) == {
        "isolated_units": [("Q-E033", "", ()), ("Q-E069", "", ()), ("Q-E105", "", ())],
        "enterprise_branch": [("Q-E017", "no_coverage", ()), ("Q-E018", "no_coverage", ())],
        "project_team": [],
        "council_composition": [],
        "mutual_appointments": [],
        "grid_organization": [("Q-G010", "missing_department", ()),
                               ("Q-G013", "missing_leader", ()),
                               ("Q-G055", "missing_branch_or_group", ())],
        "council_meetings": [],
        "fragile_units": [],
        "key_persons": [],
        "branch_size": [("Q-B113", "too_many_members", ())],
        "joint_branch_size": [("Q-B051", "joint_too_many_units",
                               ("Q-E003", "Q-E004", "Q-E005", "Q-E006", "Q-E007", "Q-E008"))],
        "own_branch_due": [],
        "team_qualification": [],
        "council_reach": [],
        "grid_staffed": [],
        "compound_registration": [],
        "unmet_needs": [],
    }
    big = quanzhou.findings[quanzhou.findings["node_id"] == "Q-B113"].iloc[0]
    assert big["detail"]["count"] == 55
    status = quanzhou.rules.set_index("rule")["status"]
    assert status["council_meetings"] == "skipped_no_events"


def test_shishi_findings(shishi):
    expected = {r: [] for r in shishi.rules["rule"]}
    expected["isolated_units"] = [("S-E012", "", ())]
    assert found(shishi) == expected
    assert set(shishi.rules["status"]) == {"ran"}


@pytest.mark.parametrize("name, components, share, coverage", [
    ("yongchun", 3, 100 / 102, 35 / 37),
    ("quanzhou_etdz", 4, 223 / 226, 120 / 122),
    ("shishi_pengtian", 2, 32 / 33, 1.0),
])
def test_sample_totals(name, components, share, coverage, yongchun, quanzhou, shishi):
    r = {"yongchun": yongchun, "quanzhou_etdz": quanzhou, "shishi_pengtian": shishi}[name]
    total = r.summary.iloc[-1]
    assert total["zone"] == "Total"
    assert total["components"] == components
    assert total["largest_share"] == pytest.approx(share)
    assert total["branch_coverage"] == pytest.approx(coverage)
    assert total["isolated"] == {"yongchun": 2, "quanzhou_etdz": 3, "shishi_pengtian": 1}[name]
