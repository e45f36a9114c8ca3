"""Questions in Chinese or English, answered from the figures or the passages, with citations."""

from .answer import Answer
from .engine import ask

__all__ = ["Answer", "ask"]
