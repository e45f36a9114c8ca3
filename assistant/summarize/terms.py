"""General report vocabulary the summaries need beyond :mod:`assistant.domain.vocabulary` (which is read first).

Terms here are the recurring themes of the narrative sections (employment, social insurance, platform
work …) with an English rendering that is safe to use in prose. A term with no entry in either table
is shown in Chinese, in parentheses.
"""

from __future__ import annotations

from functools import cache

from assistant.domain import vocabulary as glossary

EXTRA_TERMS: dict[str, str] = {
    # themes of the work
    "就业创业": "employment and entrepreneurship",
    "就业": "employment",
    "创业": "entrepreneurship",
    "社会保险": "social insurance",
    "社会保障": "social security",
    "人事人才": "personnel and talent",
    "劳动关系": "labour relations",
    "工伤保险": "work-injury insurance",
    "民生": "people's livelihood",
    "民生保障": "livelihood security",
    "科技创新": "scientific and technological innovation",
    "重大项目": "major projects",
    "重大建设项目": "major construction projects",
    "公共资源配置": "public resource allocation",
    "社会公益事业": "public welfare undertakings",
    "乡村振兴": "rural revitalisation",
    "生态环境": "ecology and environment",
    "安全生产": "work safety",
    "应急管理": "emergency management",
    "疫情防控": "epidemic prevention and control",
    "征地拆迁": "land acquisition and demolition",
    "依法行政": "law-based administration",
    "法治政府": "law-based government",
    "法治政府建设": "building law-based government",
    "财政": "public finance",
    "教育": "education",
    "医疗": "medical care",
    "住房": "housing",
    # the work of disclosure
    "政策文件": "policy documents",
    "办事指南": "service guides",
    "基层政务公开": "primary-level open government",
    "标准化": "standardisation",
    "规范化": "standardised practice",
    "意见征集": "public consultation",
    "政府门户网站": "government portal website",
    "公众号": "official accounts",
    "智能问答": "intelligent Q&A",
    "智能检索": "intelligent search",
    "信息发布": "information release",
    "审核": "review",
    "数据开放": "open data",
    "一网通办": "one-stop online services",
    "便民服务": "convenience services",
    "网上申请": "online applications",
    "在线咨询": "online consultation",
    "民意征集": "soliciting public opinion",
    "回应关切": "responding to public concerns",
    "舆情回应": "responding to public opinion",
    "解读材料": "interpretation materials",
    "图文解读": "graphic interpretations",
    "视频": "videos",
    "直播": "live streaming",
    "政务公开专栏": "open government column",
    "政府信息公开专栏": "disclosure column",
    "专栏": "columns",
    "栏目": "website sections",
    "公开渠道": "disclosure channels",
    "答复质量": "quality of replies",
    "队伍建设": "staff building",
    "业务培训": "professional training",
    "业务水平": "professional competence",
    "绩效管理": "performance management",
    "检查": "inspections",
    "整改": "rectification",
    "督查": "supervisory inspections",
    "监测": "monitoring",
    "网站": "websites",
    "新媒体": "new media",
    "安全防护": "security protection",
    "信息安全": "information security",
    "意见建议": "opinions and suggestions",
    "公众参与": "public participation",
    "政务公开": "open government affairs",
    "公开属性": "disclosure attribute",
    "源头认定": "designation at source",
    "动态更新": "dynamic updating",
    "清理": "clean-up",
    "政府工作报告": "government work report",
    "行政复议案件": "administrative reconsideration cases",
    "法律顾问": "legal advisers",
    "合法性审查": "legality review",
    "风险研判": "risk assessment",
    "档案": "archives",
    "统计": "statistics",
    "文件": "documents",
    "会议": "meetings",
    "人员培训": "staff training",
    "主动公开政府信息": "proactive disclosure of government information",
    "重点领域信息": "key-area information",
    "解读及回应信息": "interpretation and response items",
    "回应": "responses",
    "科室": "internal divisions",
    "负责人": "heads of units",
    "市场主体": "market entities",
    "岗位": "jobs",
    "待遇": "pay and benefits",
    "宣传": "publicity",
    "公众": "the public",
    "群众": "the public",
    "平台": "platforms",
    "企业": "enterprises",
    "政务信息": "government affairs information",
    "办结": "requests concluded",
    "结转": "carry-over",
    "人员编制": "staffing quotas",
    "公众查阅点": "public reading points",
    "查阅": "consultation of records",
}


@cache
def english_term(zh: str) -> str | None:
    """English for a Chinese term: the project's glossary first, then the summaries' own table."""
    return glossary.english(zh) or EXTRA_TERMS.get(zh)


@cache
def known_terms() -> tuple[str, ...]:
    """Every Chinese term with an English rendering, longest first (for matching inside sentences)."""
    words = {t.zh for t in glossary.TERMS} | set(EXTRA_TERMS)
    return tuple(sorted(words, key=lambda w: (-len(w), w)))
