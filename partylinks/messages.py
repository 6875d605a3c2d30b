"""One table of user-facing messages and labels, in Chinese and English.

Every message a user reads (validation problems, report headers, chart labels) comes
from :data:`MESSAGES` through :func:`msg`, so the two languages stay in step.
"""

from __future__ import annotations

__all__ = ["MESSAGES", "LANGS", "msg", "check_lang"]

LANGS = ("zh", "en")

MESSAGES: dict[str, dict[str, str]] = {
    # -- validation: errors -------------------------------------------------------------
    "unreadable_file": {
        "zh": "无法读取文件：{detail}",
        "en": "cannot read the file: {detail}",
    },
    "missing_table": {
        "zh": "找不到{table}表（可用的文件或工作表名：{expected}）",
        "en": "no {table} table found (accepted file or sheet names: {expected})",
    },
    "missing_column": {
        "zh": "缺少必需的列“{column}”（可写作：{aliases}）",
        "en": "required column '{column}' is missing (accepted headers: {aliases})",
    },
    "empty_file": {"zh": "表中没有数据行", "en": "the table has no data rows"},
    "missing_value": {"zh": "必填项“{column}”为空", "en": "required value '{column}' is empty"},
    "duplicate_id": {
        "zh": "编号“{value}”重复（首次出现在第 {first} 行）",
        "en": "id '{value}' is used more than once (first at row {first})",
    },
    "unknown_node_type": {
        "zh": "未知的节点类型“{value}”（可用：{allowed}）",
        "en": "unknown node type '{value}' (known: {allowed})",
    },
    "unknown_edge_type": {
        "zh": "未知的关系类型“{value}”（可用：{allowed}）",
        "en": "unknown edge type '{value}' (known: {allowed})",
    },
    "dangling_endpoint": {
        "zh": "“{value}”不是节点表中的编号",
        "en": "'{value}' is not an id in the nodes table",
    },
    "forbidden_endpoint": {
        "zh": "关系“{edge_type_zh}”（{edge_type}）不能从{source_type_zh}连到{target_type_zh}"
        "（允许：{allowed_zh}）",
        "en": "edge type '{edge_type}' cannot join {source_type} -> {target_type} (allowed: {allowed})",
    },
    "self_loop": {
        "zh": "关系的起点和终点是同一个节点“{value}”",
        "en": "the edge starts and ends at the same node '{value}'",
    },
    "reports_to_cycle": {
        "zh": "上级党组织关系形成环路：{value}",
        "en": "reports_to edges form a cycle: {value}",
    },
    "bad_date": {
        "zh": "无法识别的日期“{value}”（请写作 2024-06-30 或 2024年6月30日）",
        "en": "unreadable date '{value}' (write it as 2024-06-30)",
    },
    "end_before_start": {
        "zh": "结束日期 {value} 早于开始日期 {start}",
        "en": "end date {value} is before start date {start}",
    },
    "bad_integer": {
        "zh": "“{value}”不是整数",
        "en": "'{value}' is not a whole number",
    },
    "bad_number": {"zh": "“{value}”不是数字", "en": "'{value}' is not a number"},
    "bad_boolean": {
        "zh": "“{value}”不是是/否",
        "en": "'{value}' is not a yes/no value (是/否, true/false, 1/0)",
    },
    # -- validation: warnings ------------------------------------------------------------
    "no_home_unit": {
        "zh": "党员干部“{value}”没有工作单位（无“任职”关系，所在党组织也无依托单位），其关系不计入单位间联系",
        "en": "cadre '{value}' has no home unit (no works_at, and no branch with a host); "
        "their ties are left out of the unit projection",
    },
    "no_host": {
        "zh": "党组织“{value}”没有依托单位（无“设立于”关系），其关系不计入单位间联系",
        "en": "branch '{value}' has no host unit (no hosted_by); its ties are left out of the "
        "unit projection",
    },
    "multiple_hosts": {
        "zh": "党组织“{value}”有多个依托单位，按最新的一条（{chosen}）计算",
        "en": "branch '{value}' has several hosted_by edges; the latest one ({chosen}) is used",
    },
    "multiple_home_units": {
        "zh": "党员干部“{value}”有多个工作单位，按最新的一条（{chosen}）计算",
        "en": "cadre '{value}' has several works_at edges; the latest one ({chosen}) is used",
    },
    "events_unknown_unit": {
        "zh": "活动的参与单位“{value}”不是节点表中的编号",
        "en": "event participant '{value}' is not an id in the nodes table",
    },
    # -- validation summary ------------------------------------------------------------
    "validation_failed": {
        "zh": "数据校验发现 {n_errors} 个错误、{n_warnings} 个警告",
        "en": "validation found {n_errors} error(s) and {n_warnings} warning(s)",
    },
    "more_problems": {"zh": "……另有 {n} 个问题", "en": "... and {n} more"},
    # -- change over time, what-if and repair (partylinks.change) ----------------------
    "chg_title_compare": {"zh": "变化对比：{before} → {after}",
                          "en": "Change: {before} -> {after}"},
    "chg_title_whatif": {"zh": "情景推演：{what}", "en": "What-if: {what}"},
    "chg_graph_before": {"zh": "原数据", "en": "first graph"},
    "chg_graph_after": {"zh": "对比数据", "en": "second graph"},
    "chg_line_ties": {"zh": "联系：新增 {new} 条，失效 {lapsed} 条",
                      "en": "ties: {new} new, {lapsed} lapsed"},
    "chg_line_units": {"zh": "单位：新孤立 {isolated} 个，新联通 {tied_in} 个",
                       "en": "units: {isolated} became isolated, {tied_in} tied in"},
    "chg_line_components": {"zh": "连通片：{before} → {after}",
                            "en": "components: {before} -> {after}"},
    "chg_line_findings": {"zh": "审计问题：新增 {opened} 个，解决 {closed} 个",
                          "en": "findings: {opened} opened, {closed} closed"},
    "chg_line_orphans": {
        "zh": "失去依托单位的党组织 {branches} 个，失去工作单位的党员干部 {cadres} 个"
        "（其联系不再计入）",
        "en": "{branches} branch(es) lost their host unit and {cadres} cadre(s) their home unit "
        "(their ties no longer count)",
    },
    "chg_label_now": {"zh": "现状", "en": "as is"},
    "chg_label_whatif": {"zh": "推演后", "en": "what-if"},
    "chg_what_cadres": {"zh": "调离干部 {ids}", "en": "transfer cadre(s) {ids}"},
    "chg_what_units": {"zh": "撤销单位 {ids}", "en": "close unit(s) {ids}"},
    "chg_what_mechanism": {"zh": "取消联系机制 {ids}", "en": "drop mechanism(s) {ids}"},
    "chg_what_added": {"zh": "新增 {n} 条关系", "en": "add {n} edge(s)"},
    "chg_what_nothing": {"zh": "不作改动", "en": "no change"},
    "chg_sec_metrics": {"zh": "总体指标", "en": "overview"},
    "chg_sec_tie_counts": {"zh": "按联系类型", "en": "ties by type"},
    "chg_sec_ties_new": {"zh": "新增联系", "en": "new ties"},
    "chg_sec_ties_lapsed": {"zh": "失效联系", "en": "lapsed ties"},
    "chg_sec_units_isolated": {"zh": "新孤立单位", "en": "units isolated"},
    "chg_sec_units_tied_in": {"zh": "新联通单位", "en": "units tied in"},
    "chg_sec_units_added": {"zh": "新增单位", "en": "units added"},
    "chg_sec_units_removed": {"zh": "移除单位", "en": "units removed"},
    "chg_sec_findings_opened": {"zh": "新增问题", "en": "findings opened"},
    "chg_sec_findings_closed": {"zh": "已解决问题", "en": "findings closed"},
    "chg_sec_zone_scores": {"zh": "片区薄弱度变化", "en": "zone scores"},
    "chg_sec_removed": {"zh": "推演改动", "en": "changes made"},
    "chg_sec_orphans": {"zh": "失去依托的组织和人员", "en": "orphaned branches and cadres"},
    "chg_sec_plan": {"zh": "补链建议", "en": "suggested ties"},
    "chg_act_council_member": {"zh": "{source}加入{target}", "en": "{source} joins {target}"},
    "chg_act_co_building": {"zh": "{source}与{target}结对共建",
                            "en": "{source} and {target} pair up (co-building)"},
    "chg_act_part_time_post": {"zh": "{source}到{target}任{role}",
                               "en": "{source} becomes {role} at {target}"},
    "chg_act_service_pairing": {"zh": "{source}任{target}的{role}",
                                "en": "{source} serves {target} as {role}"},
    "chg_act_convenes": {"zh": "{source}任{target}召集人", "en": "{source} convenes {target}"},
    "chg_act_liaison": {"zh": "{source}挂钩联系{target}", "en": "{source} liaises with {target}"},
    "chg_act_grid_staff": {"zh": "{source}任{target}网格员", "en": "{source} staffs grid {target}"},
    "chg_act_registers_at": {"zh": "{source}到{target}双报到",
                             "en": "{source} registers at {target}"},
    "chg_act_other": {"zh": "{source}→{target}（{type}）", "en": "{source} -> {target} ({type})"},
    "chg_eff_closes": {"zh": "解决{n}个问题（{rules}）", "en": "closes {n} finding(s) ({rules})"},
    "chg_eff_joins": {"zh": "把原本不相连的单位连起来",
                      "en": "joins parts of the network that were apart"},
    "chg_eff_opens": {"zh": "但新增{n}个问题（{rules}）", "en": "but opens {n} ({rules})"},
    "chg_eff_none": {"zh": "增加一条联系", "en": "adds a tie"},
    "chg_sep": {"zh": "；", "en": "; "},
    "chg_colon": {"zh": "：", "en": ": "},
    "chg_na_meeting": {"zh": "需召开联席会议，新增联系解决不了",
                       "en": "needs a joint meeting, not a new tie"},
    "chg_na_split": {"zh": "需拆分党组织", "en": "needs a party organization split"},
    "chg_na_replace": {"zh": "需调整现有任职", "en": "needs an existing appointment changed"},
    "chg_na_branch": {"zh": "需新建党支部或党小组", "en": "needs a new branch or party group"},
    "chg_na_no_candidate": {"zh": "没有符合条件且有余量的人选或单位",
                            "en": "no qualifying candidate with spare capacity"},
    "chg_na_budget": {"zh": "超出本次建议数量", "en": "beyond the budget"},
    "chg_na_not_closed": {"zh": "建议实施后仍未解决", "en": "still open after the plan"},
    "chg_col_opens": {"zh": "新增的问题", "en": "opens"},
    "chg_col_source_name": {"zh": "起点名称", "en": "source name"},
    "chg_col_target_name": {"zh": "终点名称", "en": "target name"},
    "chg_col_why": {"zh": "未解决原因", "en": "why not addressed"},
    "chg_sec_not_addressed": {"zh": "未解决的问题", "en": "not addressed"},
    "chg_title_plan": {"zh": "补链建议：{n} 条（审计日期 {as_of}）",
                       "en": "Suggested ties: {n} (audit date {as_of})"},
    "chg_line_plan": {
        "zh": "审计问题 {findings_before} 个；实施后解决 {closed} 个、新增 {opened} 个；"
        "连通片 {components_before} → {components_after}",
        "en": "{findings_before} findings; with the plan {closed} closed, {opened} opened; "
        "components {components_before} -> {components_after}",
    },
    "chg_sec_comparison": {"zh": "变化对比", "en": "Change over time"},
    "chg_sheet_prefix": {"zh": "变化-", "en": "change-"},
    "chg_col_metric": {"zh": "指标", "en": "metric"},
    "chg_col_before": {"zh": "之前", "en": "before"},
    "chg_col_after": {"zh": "之后", "en": "after"},
    "chg_col_change": {"zh": "变化", "en": "change"},
    "chg_col_new": {"zh": "新增", "en": "new"},
    "chg_col_lapsed": {"zh": "失效", "en": "lapsed"},
    "chg_col_tie_type": {"zh": "联系类型", "en": "tie type"},
    "chg_col_u": {"zh": "单位编号", "en": "unit"},
    "chg_col_u_name": {"zh": "单位名称", "en": "unit name"},
    "chg_col_v": {"zh": "对方单位编号", "en": "other unit"},
    "chg_col_v_name": {"zh": "对方单位名称", "en": "other unit name"},
    "chg_col_via": {"zh": "经由干部", "en": "via cadre"},
    "chg_col_via_name": {"zh": "干部姓名", "en": "cadre name"},
    "chg_col_role": {"zh": "角色", "en": "role"},
    "chg_col_start": {"zh": "开始", "en": "start"},
    "chg_col_end": {"zh": "结束", "en": "end"},
    "chg_col_id": {"zh": "编号", "en": "id"},
    "chg_col_type": {"zh": "类型", "en": "type"},
    "chg_col_name": {"zh": "名称", "en": "name"},
    "chg_col_zone": {"zh": "片区", "en": "zone"},
    "chg_col_sector": {"zh": "类别", "en": "sector"},
    "chg_col_ties_before": {"zh": "之前联系数", "en": "ties before"},
    "chg_col_ties_after": {"zh": "之后联系数", "en": "ties after"},
    "chg_col_key": {"zh": "问题标识", "en": "finding key"},
    "chg_col_rule": {"zh": "规则", "en": "rule"},
    "chg_col_kind": {"zh": "规则类型", "en": "rule kind"},
    "chg_col_severity": {"zh": "严重程度", "en": "severity"},
    "chg_col_node_id": {"zh": "编号", "en": "id"},
    "chg_col_node_type": {"zh": "类型", "en": "type"},
    "chg_col_related_ids": {"zh": "相关编号", "en": "related ids"},
    "chg_col_detail": {"zh": "详情", "en": "detail"},
    "chg_col_message": {"zh": "问题", "en": "finding"},
    "chg_col_suggestion": {"zh": "建议", "en": "suggestion"},
    "chg_col_units_before": {"zh": "之前单位数", "en": "units before"},
    "chg_col_units_after": {"zh": "之后单位数", "en": "units after"},
    "chg_col_score_before": {"zh": "之前薄弱度", "en": "score before"},
    "chg_col_score_after": {"zh": "之后薄弱度", "en": "score after"},
    "chg_col_isolated_before": {"zh": "之前孤立单位", "en": "isolated before"},
    "chg_col_isolated_after": {"zh": "之后孤立单位", "en": "isolated after"},
    "chg_col_findings_before": {"zh": "之前问题数", "en": "findings before"},
    "chg_col_findings_after": {"zh": "之后问题数", "en": "findings after"},
    "chg_col_what": {"zh": "改动", "en": "change"},
    "chg_col_count": {"zh": "数量", "en": "count"},
    "chg_col_source": {"zh": "起点", "en": "source"},
    "chg_col_target": {"zh": "终点", "en": "target"},
    "chg_col_closes": {"zh": "可解决的问题", "en": "closes"},
    "chg_col_joins_components": {"zh": "连通孤岛", "en": "joins components"},
    "chg_col_gain": {"zh": "收益", "en": "gain"},
    "chg_col_reason": {"zh": "理由", "en": "reason"},
    # -- charts (partylinks.plot) ----------------------------------------------------------
    "chart_sector_community": {"zh": "社区", "en": "community"},
    "chart_sector_park": {"zh": "园区", "en": "park"},
    "chart_sector_enterprise": {"zh": "企业", "en": "enterprise"},
    "chart_sector_government": {"zh": "党政机关", "en": "government"},
    "chart_sector_project": {"zh": "重点项目", "en": "project"},
    "chart_sector_grid": {"zh": "网格", "en": "grid"},
    "chart_no_zone": {"zh": "（未填片区）", "en": "(no zone)"},
    "chart_legend_types": {"zh": "单位类型", "en": "Unit type"},
    "chart_legend_ties": {"zh": "联系类型", "en": "Tie type"},
    "chart_legend_weak": {"zh": "薄弱环节", "en": "Weak spots"},
    "chart_multi_tie": {"zh": "多种联系", "en": "several tie types"},
    "chart_isolated": {
        "zh": "孤立单位（无跨组织联系）",
        "en": "isolated unit (no cross-organization tie)",
    },
    "chart_fragile": {"zh": "仅靠一名干部联系的单位", "en": "unit tied only through one cadre"},
    "chart_bridge": {"zh": "桥（断开即分裂）", "en": "bridge (its loss splits the network)"},
    "chart_key_cadre": {
        "zh": "关键人物（调离会孤立单位或割裂网络）",
        "en": "key person (transfer isolates a unit or splits the network)",
    },
    "chart_cadre": {"zh": "党员干部", "en": "cadre"},
    "chart_ego": {"zh": "中心单位", "en": "the unit in focus"},
    "chart_findings": {
        "zh": "有审计问题的单位（数字 = 错误和警告数）",
        "en": "unit with findings (number of errors and warnings)",
    },
    "chart_held_by": {"zh": "仅靠{name}", "en": "only via {name}"},
    "chart_network_title": {
        "zh": "单位联系网络：{n_units} 个单位，{n_pairs} 对有联系",
        "en": "Unit network: {n_units} units, {n_pairs} tied pairs",
    },
    "chart_zone_title": {
        "zh": "{zone}：{n_units} 个单位，{n_pairs} 对有联系",
        "en": "{zone}: {n_units} units, {n_pairs} tied pairs",
    },
    "chart_ego_title": {
        "zh": "{name} 的 {radius} 步以内联系：{n_units} 个单位",
        "en": "Within {radius} step(s) of {name}: {n_units} units",
    },
    "chart_as_of": {"zh": "（截至 {date}）", "en": " (as of {date})"},
    "chart_quotient_title": {
        "zh": "片区概览：{n_units} 个单位（超过 {limit} 个）按片区汇总；"
        "用 zone= 或 ego= 查看单个片区或单位",
        "en": "Zone overview: {n_units} units (over {limit}) summed by zone; "
        "use zone= or ego= for detail",
    },
    "chart_quotient_title_asked": {
        "zh": "片区概览：{n_units} 个单位按片区汇总",
        "en": "Zone overview: {n_units} units summed by zone",
    },
    "chart_quotient_node": {
        "zh": "{units} 个单位，孤立 {isolated}",
        "en": "{units} units, {isolated} isolated",
    },
    "chart_quotient_strongest": {
        "zh": "只画每个片区联系最多的 {k} 条（共 {total} 条中的 {shown} 条）",
        "en": "only each zone's {k} strongest links ({shown} of {total})",
    },
    "chart_quotient_size": {"zh": "圆面积 = 单位数", "en": "circle area = units"},
    "chart_quotient_width": {
        "zh": "线宽、数字 = 片区间联系数",
        "en": "line width, number = ties between zones",
    },
    "chart_isolated_share": {"zh": "孤立单位占比", "en": "share of isolated units"},
    "chart_empty": {"zh": "没有可绘制的单位", "en": "no units to draw"},
    "chart_written": {"zh": "已写出图表：{path}", "en": "chart written to {path}"},
    "chart_matrix_title": {"zh": "联系矩阵（按{by}）", "en": "Linkage matrix by {by}"},
    "chart_by_sector": {"zh": "部门类别", "en": "sector"},
    "chart_by_zone": {"zh": "片区", "en": "zone"},
    "chart_by_type": {"zh": "单位类型", "en": "unit type"},
    "chart_ties": {"zh": "联系数", "en": "ties"},
    "chart_tied_pairs": {"zh": "有联系的单位对数", "en": "tied unit pairs"},
    "chart_density": {
        "zh": "联系密度（实际/可能的单位对）",
        "en": "density (tied pairs / possible pairs)",
    },
    "chart_coverage_title": {
        "zh": "各片区覆盖情况与审计问题",
        "en": "Coverage and findings by zone",
    },
    "chart_rates": {"zh": "覆盖率", "en": "coverage rates"},
    "chart_counts": {"zh": "问题数（按规则）", "en": "findings by rule"},
    "chart_tied_share": {"zh": "有联系单位占比", "en": "units tied in"},
    "chart_branch_coverage": {"zh": "党组织覆盖率", "en": "branch coverage"},
    "chart_largest_share": {"zh": "最大连通片占比", "en": "largest component share"},
    "chart_total": {"zh": "合计", "en": "total"},
    "chart_score_title": {
        "zh": "单位联系薄弱度（按{by}）",
        "en": "Weak-linkage score of units by {by}",
    },
    "chart_score_axis": {
        "zh": "联系薄弱度（0 = 紧密，1 = 最薄弱）",
        "en": "weak-linkage score (0 = well tied, 1 = weakest)",
    },
    "chart_weak_count": {"zh": "薄弱 {n}/{total}", "en": "weak {n}/{total}"},
    "chart_weak_threshold": {"zh": "薄弱线（{t}）", "en": "weak threshold ({t})"},
}


def check_lang(lang: str) -> str:
    """Return ``lang`` if it is a supported language, else raise ``ValueError``.

    Examples
    --------
    >>> check_lang("zh")
    'zh'
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
    return lang


def msg(code: str, lang: str = "zh", /, **fields: object) -> str:
    """The message ``code`` in ``lang``, with ``fields`` filled in.

    Examples
    --------
    >>> msg("duplicate_id", "en", value="E01", first=3)
    "id 'E01' is used more than once (first at row 3)"
    >>> msg("empty_file", "zh")
    '表中没有数据行'
    """
    check_lang(lang)
    return MESSAGES[code][lang].format(**fields)


# -- coverage audit: rules, suggestions, report ------------------------------------------
MESSAGES.update({
    # labels
    "role_coordinator": {"zh": "统筹协调", "en": "coordinator"},
    "role_policy": {"zh": "对接政策", "en": "policy liaison"},
    "role_support": {"zh": "提供保障", "en": "support"},
    "role_instructor": {"zh": "党建指导员", "en": "party-building instructor"},
    "role_part_time_member": {"zh": "兼职委员", "en": "part-time committee member"},
    "role_first_secretary": {"zh": "第一书记", "en": "first secretary"},
    "role_head": {"zh": "网格长", "en": "grid head"},
    "role_full_time": {"zh": "专职网格员", "en": "full-time grid worker"},
    "role_part_time": {"zh": "兼职网格员", "en": "part-time grid worker"},
    "sector_community": {"zh": "社区", "en": "community"},
    "sector_park": {"zh": "园区", "en": "park"},
    "sector_enterprise": {"zh": "企业", "en": "enterprise"},
    "sector_government": {"zh": "机关", "en": "government"},
    "sector_project": {"zh": "项目", "en": "project"},
    "sector_grid": {"zh": "网格", "en": "grid"},
    "team_expect_coordinator": {"zh": "涉企部门科级干部",
                                "en": "a section-rank cadre of an enterprise-facing department"},
    "team_expect_policy": {"zh": "乡镇科级干部", "en": "a section-rank township cadre"},
    "team_expect_support": {"zh": "优秀年轻干部", "en": "a young cadre"},
    "grid_item_branch": {"zh": "党支部", "en": "party branch"},
    "grid_item_branch_or_group": {"zh": "党支部或党小组", "en": "party branch or party group"},
    "grid_item_leader": {"zh": "挂钩区领导", "en": "district-leader liaison"},
    "grid_item_department": {"zh": "挂钩部门", "en": "department liaison"},
    "kind_min_ties": {"zh": "最少联系", "en": "minimum ties"},
    "kind_reciprocal": {"zh": "双向互派", "en": "mutual appointments"},
    "kind_team": {"zh": "1+1+1团队", "en": "1+1+1 team"},
    "kind_composition": {"zh": "协调委员会组成", "en": "council composition"},
    "kind_branch_coverage": {"zh": "党组织覆盖", "en": "branch coverage"},
    "kind_grid_coverage": {"zh": "网格覆盖", "en": "grid coverage"},
    "kind_reach": {"zh": "与协调委员会距离", "en": "reach"},
    "kind_isolated": {"zh": "孤立单位", "en": "isolated units"},
    "kind_fragile": {"zh": "脆弱单位", "en": "fragile units"},
    "kind_key_person": {"zh": "关键人员", "en": "key persons"},
    "kind_meeting_frequency": {"zh": "联席会议频次", "en": "meeting frequency"},
    "what_any_tie": {"zh": "跨组织", "en": "cross-organization"},
    "what_roles": {"zh": "（{roles}）", "en": " ({roles})"},
    "what_with": {"zh": "与{others}之间的{ties}联系", "en": "{ties} ties with {others}"},
    "what_plain": {"zh": "{ties}联系", "en": "{ties} ties"},
    "none_on_record": {"zh": "无记录", "en": "none on record"},
    "sugg_candidate": {"zh": "（如 {name}）", "en": " (for example {name})"},
    # findings: messages
    "rule_min_ties": {"zh": "{name}的{what}只有 {count} 条，少于要求的 {threshold} 条",
                      "en": "{name} has {count} {what}, fewer than the required {threshold}"},
    "rule_reciprocal": {
        "zh": "{name}与{partner}只有单向互派：{from_name}的{carriers}在{to_name}兼职，"
              "{miss_from}没有党员在{miss_to}兼职",
        "en": "one-way appointment between {name} and {partner}: {carriers} of {from_name} "
              "holds a post at {to_name}, but nobody from {miss_from} holds one at {miss_to}"},
    "rule_reach": {"zh": "{name}距本片区协调委员会{council}超过 {k} 步联系",
                   "en": "{name} is more than {k} steps of ties from its zone council {council}"},
    "rule_team_missing": {"zh": "{name}的“1+1+1”服务团队缺少{role}人员",
                          "en": "the 1+1+1 team of {name} has no {role}"},
    "rule_team_expired": {
        "zh": "{name}的{role}人员{cadre}已于 {end} 到期，审计日无人在任",
        "en": "the {role} appointment of {cadre} on {name} ended on {end}; nobody holds the "
              "role on the audit date"},
    "rule_team_duplicate": {
        "zh": "{name}的{roles}由同一名干部{cadre}兼任，团队不足三名不同干部",
        "en": "{cadre} holds {roles} on {name}: the team lacks three distinct cadres"},
    "rule_team_qualification": {"zh": "{name}的{role}由{cadre}担任，但其不是{expected}",
                                "en": "{cadre}, {role} of {name}, is not {expected}"},
    "rule_composition_sector": {"zh": "{name}没有{sector}方面的成员单位",
                                "en": "{name} has no member unit from the {sector} sector"},
    "rule_composition_convenor": {"zh": "{name}没有召集人", "en": "{name} has no convenor"},
    "rule_branch_uncovered_big": {
        "zh": "{name}有正式党员 {members} 名（不少于 {min_members} 名），但未单独建立党组织，"
              "也未纳入联合党支部",
        "en": "{name} has {members} formal party members ({min_members} or more) but neither "
              "a branch of its own nor a joint branch"},
    "rule_branch_uncovered_small": {
        "zh": "{name}（正式党员 {members} 名）既无党组织覆盖，也无党建指导员（工作覆盖）",
        "en": "{name} ({members} party members) is covered neither by a branch (own or joint) "
              "nor by an instructor"},
    "rule_branch_size": {"zh": "{name}有党员 {count} 名，超过 {threshold} 名",
                         "en": "{name} has {count} members, more than {threshold}"},
    "rule_joint_size": {"zh": "联合党支部{name}覆盖 {count} 个单位，超过 {threshold} 个",
                        "en": "the joint branch {name} covers {count} units, more than "
                              "{threshold}"},
    "rule_grid_missing": {"zh": "{level}级网格{name}缺少{item}",
                          "en": "level-{level} grid {name} has no {item}"},
    "rule_isolated": {"zh": "{name}没有任何跨组织联系", "en": "{name} has no cross-organization tie"},
    "rule_fragile": {"zh": "{name}的 {n_ties} 条联系全部依靠{carrier}一人",
                     "en": "all {n_ties} ties of {name} run through {carrier}"},
    "rule_key_person": {"zh": "{name}一旦调动，{isolates}将失去全部跨组织联系",
                        "en": "if {name} is transferred, {isolates} lose every "
                              "cross-organization tie"},
    "rule_key_person_split": {
        "zh": "{name}一旦调动，单位联系网将多断开成 {components_added} 个部分",
        "en": "if {name} is transferred, the unit graph falls into {components_added} more "
              "part(s)"},
    "rule_meeting": {"zh": "{name}近 {days} 天未召开联席会议（最近一次：{last}）",
                     "en": "{name} held no joint meeting in the last {days} days (last: {last})"},
    # findings: suggestions
    "sugg_min_ties": {"zh": "为{name}增加{what}，至少达到 {threshold} 条",
                      "en": "add {what} for {name} to reach at least {threshold}"},
    "sugg_reciprocal": {"zh": "由{miss_from}选派党员到{miss_to}担任{role_missing}{cand}",
                        "en": "have {miss_from} appoint a party member as {role_missing} at "
                              "{miss_to}{cand}"},
    "sugg_reach": {"zh": "吸纳{name}为{council}成员单位，或与其成员单位结对共建",
                   "en": "admit {name} to {council}, or pair it with one of the council's "
                         "member units"},
    "sugg_team_role": {"zh": "为{name}选派{expected}担任{role}{cand}",
                       "en": "appoint {expected} as {role} of {name}{cand}"},
    "sugg_team_renew": {"zh": "为{name}续聘或另选{expected}担任{role}{cand}",
                        "en": "renew the appointment, or appoint {expected} as {role} of "
                              "{name}{cand}"},
    "sugg_team_duplicate": {"zh": "保留{cadre}的{keep}职责，另选{expected}担任{role}{cand}",
                            "en": "keep {cadre} as {keep} and appoint {expected} as "
                                  "{role}{cand}"},
    "sugg_composition_sector": {"zh": "吸纳{candidate}为{name}成员单位",
                                "en": "admit {candidate} as a member unit of {name}"},
    "sugg_composition_sector_none": {
        "zh": "本片区没有{sector}单位，可吸纳相邻片区的{sector}单位加入{name}",
        "en": "the zone has no {sector} unit; admit one from a neighbouring zone to {name}"},
    "sugg_composition_convenor": {"zh": "由一名县处级领导干部担任{name}召集人{cand}",
                                  "en": "appoint a county-rank leader as convenor of "
                                        "{name}{cand}"},
    "sugg_branch_own": {"zh": "在{name}单独组建党支部", "en": "set up a party branch in {name}"},
    "sugg_branch_joint": {"zh": "将{name}纳入联合党支部{joint}",
                          "en": "bring {name} into the joint branch {joint}"},
    "sugg_branch_instructor": {"zh": "由{unit}的{cadre}担任{name}党建指导员",
                               "en": "appoint {cadre} of {unit} as party-building instructor "
                                     "of {name}"},
    "sugg_branch_generic": {"zh": "为{name}选派党建指导员，或将其纳入联合党支部",
                            "en": "appoint a party-building instructor for {name}, or bring "
                                  "it into a joint branch"},
    "sugg_branch_size": {"zh": "将{name}按车间、班组等拆分为几个党支部，或按程序成立党总支",
                         "en": "split {name} into several branches (by workshop or team), "
                               "or form a general branch"},
    "sugg_joint_size": {"zh": "按地域或行业拆分{name}，每个联合党支部覆盖不超过 {threshold} 个单位",
                        "en": "split {name} by area or industry so that each joint branch "
                              "covers at most {threshold} units"},
    "sugg_grid_branch": {"zh": "在{name}建立党支部（支部建在网格上）",
                         "en": "set up a party branch on {name}"},
    "sugg_grid_branch_or_group": {"zh": "在{name}建立党支部或党小组",
                                  "en": "set up a party branch or party group on {name}"},
    "sugg_grid_leader": {"zh": "安排一名区领导挂钩联系{name}{cand}",
                         "en": "assign a district leader as liaison of {name}{cand}"},
    "sugg_grid_department": {"zh": "安排一个区直部门挂钩联系{name}{cand}",
                             "en": "assign a department as liaison of {name}{cand}"},
    "sugg_isolated_council": {"zh": "吸纳{name}为{council}成员单位，并与本片区单位结对共建",
                              "en": "admit {name} to {council} and pair it with a unit of "
                                    "its zone"},
    "sugg_isolated_pair": {"zh": "安排{name}与{partner}结对共建",
                           "en": "pair {name} with {partner} (co-building)"},
    "sugg_isolated_none": {"zh": "为{name}建立至少一条跨组织联系（结对共建、互派兼职或挂钩联系）",
                           "en": "give {name} at least one cross-organization tie "
                                 "(co-building, a part-time post or a liaison)"},
    "sugg_fragile": {"zh": "为{name}增加一条不经过{carrier}的联系，如再选派一名党建指导员，"
                           "或吸纳为片区协调委员会成员单位",
                     "en": "give {name} a tie that does not run through {carrier}: a second "
                           "instructor, or membership of the zone council"},
    "sugg_key_person": {"zh": "为{isolates}再安排一名联系人或一种联系，避免只依靠{name}",
                        "en": "give {isolates} a second contact or kind of tie, so they do not "
                              "depend on {name} alone"},
    "sugg_key_person_split": {"zh": "在{name}联系的各方之间增加直接联系，避免只依靠{name}",
                              "en": "add direct ties between the parties {name} connects, so "
                                    "they do not depend on {name} alone"},
    "sugg_meeting": {"zh": "尽快召开{name}联席会议，每季度至少 1 次",
                     "en": "convene a joint meeting of {name}; at least one per quarter"},
    # report
    "report_title": {"zh": "跨组织党建联系覆盖审计报告",
                     "en": "Cross-organization party-building coverage audit"},
    "report_total": {"zh": "合计", "en": "Total"},
    "report_no_zone": {"zh": "（无片区）", "en": "(no zone)"},
    "report_as_of": {"zh": "审计日期", "en": "Audit date"},
    "report_policy": {"zh": "审计策略", "en": "Policy"},
    "report_dataset": {"zh": "数据", "en": "Dataset"},
    "report_graph": {"zh": "节点 {n_nodes} 个，关系 {n_edges} 条，单位 {n_units} 个，单位间联系 {n_ties} 条",
                     "en": "{n_nodes} nodes, {n_edges} edges, {n_units} units, {n_ties} ties "
                           "between units"},
    "report_counts": {"zh": "问题：错误 {error} 条，警告 {warning} 条，提示 {info} 条",
                      "en": "findings: {error} error(s), {warning} warning(s), {info} info"},
    "report_anonymized": {"zh": "干部姓名已替换为密钥化假名",
                          "en": "cadre names are replaced by keyed pseudonyms"},
    "report_by_zone": {"zh": "按片区", "en": "By zone"},
    "report_by_rule": {"zh": "按规则", "en": "By rule"},
    "report_top_findings": {"zh": "主要问题（前 {n} 条）", "en": "Top findings (first {n})"},
    "report_more_findings": {"zh": "……另有 {n} 条，见完整报告", "en": "... and {n} more in the full "
                                                                   "report"},
    "report_no_findings": {"zh": "未发现问题", "en": "no findings"},
    "report_more_zones": {"zh": "……另有 {n} 个片区（问题较少），见完整报告",
                          "en": "... and {n} more zones (fewer findings) in the full report"},
    "report_weakest_zones": {"zh": "按片区（问题最多的 {n} 个）", "en": "By zone (the {n} with "
                                                                    "most findings)"},
    "report_findings": {"zh": "问题清单", "en": "Findings"},
    "report_metrics": {"zh": "指标", "en": "Metrics"},
    "report_charts": {"zh": "图表", "en": "Charts"},
    "report_generated": {"zh": "由 partylinks {version} 生成", "en": "generated by partylinks "
                                                                    "{version}"},
    "report_rows_shown": {"zh": "共 {n} 行，此处显示前 {shown} 行；完整表见 Excel 或 JSON 报告",
                          "en": "{n} rows, the first {shown} shown; see the Excel or JSON "
                                "report for all"},
    "report_hint_out": {"zh": "写出完整报告：{command} --out 审计报告.xlsx（也可写 .html、.json、.csv）",
                        "en": "write the full report: {command} --out report.xlsx (or .html, "
                              ".json, .csv)"},
    "report_written": {"zh": "报告已写入 {path}", "en": "report written to {path}"},
    "report_key_written": {"zh": "假名密钥已写入 {path}（请妥善保管，勿随报告外发）",
                           "en": "pseudonym key written to {path} (keep it; do not send it "
                                 "with the report)"},
    "report_excel_too_big": {
        "zh": "问题清单有 {n} 行，超过 Excel 每个工作表 {limit} 行的上限，不能写入 Excel 而不截断；"
              "请改写 CSV（--format csv）或 JSON",
        "en": "the findings have {n} rows, more than Excel's limit of {limit} rows per "
              "sheet; they cannot be written to Excel without truncation: write CSV "
              "(--format csv) or JSON instead"},
    "report_csv_instead": {"zh": "问题清单超过 Excel 行数上限，已改为写出 CSV：{path}",
                           "en": "the findings exceed Excel's row limit; CSV written instead: "
                                 "{path}"},
    "report_metric_omitted": {"zh": "指标表“{name}”有 {n} 行，超过 Excel 上限，未写入本工作簿；见 JSON 报告",
                              "en": "metric table '{name}' has {n} rows, more than Excel's "
                                    "limit; it is not in this workbook: see the JSON report"},
    "report_validation_warnings": {"zh": "数据有 {n} 个校验警告（不影响审计），可用 partylinks validate 查看",
                                   "en": "the data have {n} validation warning(s) (the audit "
                                         "ran); see them with partylinks validate"},
    "policy_written": {"zh": "已将内置审计策略复制到 {path}；修改后用 --policy {path} 审计",
                       "en": "default policy copied to {path}; edit it and audit with "
                             "--policy {path}"},
    "policy_exists": {"zh": "{path} 已存在；加 --force 覆盖",
                      "en": "{path} exists; add --force to overwrite it"},
    "policy_ok": {"zh": "{path}：策略有效，{n} 条规则，其中 {enabled} 条启用",
                  "en": "{path}: valid policy, {n} rules, {enabled} enabled"},
    "sheet_summary": {"zh": "概览", "en": "Summary"},
    "sheet_findings": {"zh": "问题清单", "en": "Findings"},
    "sheet_rules": {"zh": "规则", "en": "Rules"},
    "sheet_about": {"zh": "说明", "en": "About"},
    "severity_error": {"zh": "错误", "en": "error"},
    "severity_warning": {"zh": "警告", "en": "warning"},
    "severity_info": {"zh": "提示", "en": "info"},
    "status_ran": {"zh": "已运行", "en": "ran"},
    "status_disabled": {"zh": "未启用", "en": "disabled"},
    "status_skipped_no_events": {"zh": "跳过：数据中没有活动表",
                                 "en": "skipped: the dataset has no events table"},
    "status_skipped_no_metric": {"zh": "跳过：所需指标尚不可用",
                                 "en": "skipped: the metric it needs is not available"},
    "metric_isolated": {"zh": "孤立单位", "en": "isolated units"},
    "metric_fragile": {"zh": "脆弱单位", "en": "fragile units"},
    "metric_key_person": {"zh": "关键人员", "en": "key persons"},
    "metric_components": {"zh": "连通块", "en": "components"},
    "metric_zones": {"zh": "片区连通", "en": "zone connectivity"},
    "metric_bridges": {"zh": "桥", "en": "bridges"},
    "metric_tie_strength": {"zh": "联系强度", "en": "tie strength"},
    "metric_score": {"zh": "薄弱度评分", "en": "weak-linkage score"},
    "metric_coverage": {"zh": "企业党组织覆盖", "en": "enterprise coverage"},
    "pseudonym_prefix": {"zh": "干部", "en": "cadre"},
    # column headers of the report tables
    "col_rule": {"zh": "规则", "en": "rule"},
    "col_kind": {"zh": "规则类型", "en": "kind"},
    "col_severity": {"zh": "严重程度", "en": "severity"},
    "col_node_id": {"zh": "编号", "en": "node_id"},
    "col_node_type": {"zh": "类型", "en": "node_type"},
    "col_name": {"zh": "名称", "en": "name"},
    "col_zone": {"zh": "片区", "en": "zone"},
    "col_related_ids": {"zh": "相关编号", "en": "related_ids"},
    "col_detail": {"zh": "详情", "en": "detail"},
    "col_message": {"zh": "问题", "en": "message"},
    "col_suggestion": {"zh": "建议", "en": "suggestion"},
    "col_units": {"zh": "单位数", "en": "units"},
    "col_community": {"zh": "社区", "en": "community"},
    "col_park": {"zh": "园区", "en": "park"},
    "col_enterprise": {"zh": "企业", "en": "enterprise"},
    "col_government": {"zh": "机关", "en": "government"},
    "col_project": {"zh": "项目", "en": "project"},
    "col_grid": {"zh": "网格", "en": "grid"},
    "col_isolated": {"zh": "孤立", "en": "isolated"},
    "col_fragile": {"zh": "脆弱", "en": "fragile"},
    "col_components": {"zh": "连通块数", "en": "components"},
    "col_largest_share": {"zh": "最大连通块占比", "en": "largest_share"},
    "col_branch_coverage": {"zh": "企业党组织覆盖率", "en": "branch_coverage"},
    "col_findings_error": {"zh": "错误", "en": "findings_error"},
    "col_findings_warning": {"zh": "警告", "en": "findings_warning"},
    "col_findings_info": {"zh": "提示", "en": "findings_info"},
    "col_score": {"zh": "薄弱度评分", "en": "score"},
    "col_enabled": {"zh": "启用", "en": "enabled"},
    "col_status": {"zh": "状态", "en": "status"},
    "col_findings": {"zh": "问题数", "en": "findings"},
    "col_id": {"zh": "编号", "en": "id"},
    "col_type": {"zh": "类型", "en": "type"},
    "col_sector": {"zh": "领域", "en": "sector"},
    "col_n_ties": {"zh": "联系数", "en": "n_ties"},
    "col_n_carriers": {"zh": "承载人数", "en": "n_carriers"},
    "col_sole_carrier": {"zh": "唯一联系人", "en": "sole_carrier"},
    "col_cadre": {"zh": "干部", "en": "cadre"},
    "col_isolates": {"zh": "将失联单位", "en": "isolates"},
    "col_n_isolated": {"zh": "失联单位数", "en": "n_isolated"},
    "col_components_added": {"zh": "新增断开部分", "en": "components_added"},
    "col_rank": {"zh": "排名", "en": "rank"},
    "col_component": {"zh": "连通块", "en": "component"},
    "col_party_members": {"zh": "党员数", "en": "party_members"},
    "col_own": {"zh": "单独建支部", "en": "own"},
    "col_joint": {"zh": "联合党支部", "en": "joint"},
    "col_instructor": {"zh": "党建指导员", "en": "instructor"},
    "col_key": {"zh": "项目", "en": "key"},
    "col_value": {"zh": "内容", "en": "value"},
})
