"""Messages of the findings that name the joint branch, the column a rule could not read,
and the concrete candidate of a suggestion."""

from __future__ import annotations

FINDINGS: dict[str, dict[str, str]] = {
    # joint branches
    "rule_branch_own_due": {
        "zh": "{name}有正式党员 {members} 名（不少于 {min_members} 名），仍在联合党支部{joint}中，"
              "未单独建立党支部",
        "en": "{name} has {members} formal party members ({min_members} or more) but is only "
              "in the joint branch {joint}, with no branch of its own"},
    "sugg_branch_own_due": {
        "zh": "{name}正式党员已有 {members} 名，应从联合党支部{joint}中分出，单独组建党支部",
        "en": "with {members} formal party members, {name} should leave the joint branch "
              "{joint} and set up its own branch"},
    # validation: an edge row repeated exactly
    "duplicate_edge": {
        "zh": "与第 {first} 行重复（起点、终点、关系类型、角色相同，日期重叠），只计一次",
        "en": "repeats row {first} (same ends, type and role, overlapping dates); counted "
              "once"},
    # a rule whose input column is absent
    "rule_unchecked": {
        "zh": "无法检查{what}：数据中没有“{columns}”列（或该列全部为空），这些单位和人员未被判定为不合格",
        "en": "{what} could not be checked: the data has no column {columns} (or it is empty); "
              "nobody is reported as failing it"},
    "sugg_unchecked": {
        "zh": "在节点表中补充“{columns}”列后重新审计",
        "en": "add the column {columns} to the nodes table and audit again"},
    "unchecked_team_coordinator": {"zh": "“1+1+1”统筹协调人选条件（涉企部门科级干部）",
                                   "en": "the 1+1+1 coordinator qualification (section rank, "
                                         "enterprise-facing department)"},
    "unchecked_team_policy": {"zh": "“1+1+1”对接政策人选条件（乡镇科级干部）",
                              "en": "the 1+1+1 policy qualification (section rank, township)"},
    "unchecked_team_support": {"zh": "“1+1+1”提供保障人选条件（机关年轻干部）",
                               "en": "the 1+1+1 support qualification (a young cadre of an "
                                     "agency)"},
    "unchecked_branch_members": {"zh": "正式党员 3 人以上单独建支部的要求",
                                 "en": "the 3-member rule for a branch of its own"},
    "unchecked_grid_level": {"zh": "网格党组织和挂钩联系（按网格层级）",
                             "en": "the branches and liaisons of the grids (by grid level)"},
    "team_served_unit": {"zh": "项目服务单位的人员", "en": "a person of the unit the project "
                                                          "serves"},
    "rule_team_served": {
        "zh": "{name}的{role}由{cadre}担任，但其是项目服务单位{unit}的人员",
        "en": "{cadre}, {role} of {name}, works at {unit}, the unit the project serves"},
    # concrete suggestions for fragile units and key persons
    "sugg_fragile_backup": {
        "zh": "由{home}的{cadre}也担任{other}的{tie}，使{name}不再只依靠{carrier}一人",
        "en": "have {cadre} of {home} also serve {other} as {tie}, so that {name} no longer "
              "depends on {carrier} alone"},
    "sugg_fragile_instructor": {
        "zh": "由{home}的{cadre}担任{name}党建指导员，不再只依靠{carrier}一人",
        "en": "appoint {cadre} of {home} as party-building instructor of {name}, so that it no "
              "longer depends on {carrier} alone"},
    "sugg_fragile_member": {
        "zh": "由{home}的党员{cadre}担任{name}兼职委员，不再只依靠{carrier}一人",
        "en": "appoint {cadre}, a party member of {home}, as part-time committee member of "
              "{name}, so that it no longer depends on {carrier} alone"},
    "sugg_fragile_council": {
        "zh": "吸纳{name}为{council}成员单位，不再只依靠{carrier}一人",
        "en": "admit {name} to {council}, so that it no longer depends on {carrier} alone"},
    "sugg_fragile_pair": {
        "zh": "安排{name}与{partner}结对共建，不再只依靠{carrier}一人",
        "en": "pair {name} with {partner} (co-building), so that it no longer depends on "
              "{carrier} alone"},
    "sugg_key_person_backup": {
        "zh": "由{home}的{cadre}也担任{targets}的{tie}，分担{name}的联系，避免只依靠{name}一人",
        "en": "have {cadre} of {home} also serve {targets} as {tie}, so that they do not "
              "depend on {name} alone"},
    "tie_generic": {"zh": "联系", "en": "tie"},
    # needs and resources lists
    "rule_need_unmet": {"zh": "{name}的需求“{need}”，在 {hops} 步联系内没有单位能提供",
                        "en": "{name}'s need '{need}' is met by no unit within {hops} steps "
                              "of ties"},
    "sugg_need_pair": {"zh": "安排{name}与{partner}结对共建（其资源清单有“{need}”）",
                       "en": "pair {name} with {partner} (co-building), whose resources "
                             "include '{need}'"},
    "sugg_need_none": {"zh": "将{name}的需求“{need}”列入片区需求清单，由协调委员会统筹解决",
                       "en": "put {name}'s need '{need}' on the zone's needs list for the "
                             "council to meet"},
    "unchecked_needs": {"zh": "需求清单与资源清单的对接", "en": "the matching of needs and "
                                                                  "resources lists"},
    "kind_needs": {"zh": "需求资源对接", "en": "needs and resources"},
    "rpt_rule_unmet_needs": {"zh": "需求未对接", "en": "unmet needs"},
    "chg_na_unchecked": {"zh": "数据缺少所需的列，先补充数据", "en": "the data lacks the column "
                                                          "it needs: complete the data first"},
    "rpt_rule_own_branch_due": {"zh": "单独建立党支部", "en": "own branch due"},
}
