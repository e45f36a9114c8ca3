"""Questions in Chinese or English, answered from the figures or the passages, with citations."""

from assistant.answer.answer import Answer
from assistant.answer.engine import ask

__all__ = ["Answer", "ask"]
