"""Synthetic annual reports made from the real ones: other agencies, places and years, figures varied so
that every identity of the tables still holds, the prose's numbers changed to match (``generate``)."""

from assistant.generate.core import Generated, generate

__all__ = ["Generated", "generate"]
