"""Chart labels and legends (:mod:`partylinks.plot`)."""

CHARTS = {
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
