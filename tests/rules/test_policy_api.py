"""The policy edited from Python: the same checks as the file, and a faithful save."""

import pytest

import partylinks as pl
from partylinks.rules import PolicyError, edit_policy, load_policy, parse_policy


def test_set_enable_disable_and_save_round_trip(tmp_path):
    ed = edit_policy().set("compound_registration", min=10, severity="warning")
    ed.disable("council_meetings", "key_persons").rename("我的政策", "县委组织部 2025")
    p = ed.save(tmp_path / "my.toml")
    back = load_policy(p)
    assert back.name == "我的政策" and back.description == "县委组织部 2025"
    r = back.rule("compound_registration")
    assert (r.params["min"], r.severity) == (10, "warning")
    assert not back.rule("council_meetings").enabled and not back.rule("key_persons").enabled
    default = load_policy()
    assert [x.id for x in back.rules] == [x.id for x in default.rules]
    for a, b in zip(back.rules, ed.policy.rules, strict=True):
        assert a.to_dict() == b.to_dict()
    # untouched rules keep every parameter of the default
    assert back.rule("mutual_appointments").to_dict() == \
        default.rule("mutual_appointments").to_dict()
    ed.enable("key_persons")
    assert ed.policy.rule("key_persons").enabled


@pytest.mark.parametrize("change, message", [
    ({"mni": 3}, "unknown parameter 'mni'"),
    ({"min": "ten"}, "'min'"),
    ({"severity": "fatal"}, "severity must be one of"),
    ({"enabled": "yes"}, "'enabled'"),
])
def test_invalid_changes_raise_and_change_nothing(change, message):
    ed = edit_policy()
    before = ed.policy
    with pytest.raises(PolicyError, match=message):
        ed.set("compound_registration", **change)
    assert ed.policy is before
    assert ed.to_toml() == edit_policy().to_toml()


def test_unknown_rule_and_copy():
    ed = edit_policy()
    with pytest.raises(PolicyError, match="no rule 'nope'"):
        ed.disable("nope")
    other = ed.copy().disable("isolated_units")
    assert ed.policy.rule("isolated_units").enabled
    assert not other.policy.rule("isolated_units").enabled


def test_add_remove_reset_and_text_values(tmp_path):
    ed = edit_policy(parse_policy('[[rules]]\nid = "iso"\nkind = "isolated"\n'
                                  'severity = "error"\n'))
    ed.add("big", "branch_coverage", "info", max_branch_members=30, checks=["branch_size"])
    assert ed.policy.rule("big").params["max_branch_members"] == 30
    ed.set("iso", zones=['桃城"片区', "a\\b"], description="换行\n之后")
    back = load_policy(ed.save(tmp_path / "p.toml"))
    assert back.rule("iso").zones == ('桃城"片区', "a\\b")
    assert back.rule("iso").description == "换行\n之后"
    ed.reset("big", "max_branch_members")
    assert ed.policy.rule("big").params["max_branch_members"] == 50
    ed.remove("big")
    assert [r.id for r in ed.policy.rules] == ["iso"]


def test_audit_takes_the_edited_policy():
    g = pl.datasets.house()
    ed = edit_policy().disable(*[r.id for r in load_policy().rules if r.id != "isolated_units"])
    report = pl.audit(g, policy=ed.policy, as_of="2025-06-30")
    assert set(report.findings["rule"]) == {"isolated_units"}
