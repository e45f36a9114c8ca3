"""Read Chinese government information disclosure annual reports (政府信息公开工作年度报告)."""

from assistant import compiled_patterns

__version__ = "0.1.0"

compiled_patterns.install()
