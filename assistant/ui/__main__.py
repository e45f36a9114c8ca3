"""``python -m assistant.ui [--host H] [--port P] [--store FILE]`` (the same as ``python ui.py``)."""

from assistant.ui import main

main()
