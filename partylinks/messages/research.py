"""Labels of the research outputs: restyled charts and the interactive network view."""

RESEARCH: dict[str, dict[str, str]] = {
    "chart_all_dates": {"zh": "（全部日期的联系）", "en": " (ties of all dates)"},
    "chart_legend_colors": {"zh": "颜色", "en": "Color"},
    "chart_legend_sizes": {"zh": "大小", "en": "Size"},
    "interactive_title": {"zh": "单位联系网络（交互）：{n_units} 个单位，{n_pairs} 对有联系",
                          "en": "Unit network (interactive): {n_units} units, "
                                "{n_pairs} tied pairs"},
    "interactive_zone": {"zh": "片区", "en": "Zone"},
    "interactive_all_zones": {"zh": "全部片区", "en": "All zones"},
    "interactive_search": {"zh": "查找单位", "en": "Find a unit"},
    "interactive_type": {"zh": "类型", "en": "Type"},
    "interactive_sector": {"zh": "类别", "en": "Sector"},
    "interactive_ties": {"zh": "联系", "en": "Ties"},
    "interactive_findings": {"zh": "审计问题", "en": "Findings"},
    "interactive_none": {"zh": "无", "en": "none"},
    "interactive_isolated": {"zh": "孤立单位（无跨组织联系）",
                             "en": "isolated unit (no cross-organization tie)"},
    "interactive_fragile": {"zh": "仅靠一名干部联系：{name}",
                            "en": "tied only through one cadre: {name}"},
    "interactive_hint": {"zh": "滚轮缩放，拖动平移，悬停或点击单位查看其联系与问题",
                         "en": "Scroll to zoom, drag to pan, hover or click a unit to see "
                               "its ties and findings"},
    "interactive_as_of": {"zh": "截至 {date}", "en": "as of {date}"},
    "interactive_all_dates": {"zh": "全部日期的联系", "en": "ties of all dates"},
}
