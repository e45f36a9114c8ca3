"""The ``assistant`` command. Compiled patterns are kept between its runs (assistant.compiled_patterns)."""

from assistant import compiled_patterns

compiled_patterns.install()
