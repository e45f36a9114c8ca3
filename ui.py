"""The Gradio app citizens use: ``python ui.py [--host H] [--port P] [--store FILE]``.

Serves http://127.0.0.1:7860 by default; the app itself is built in ``assistant/ui/``.
"""

from assistant.ui import main

if __name__ == "__main__":
    main()
