"""``python -m assistant.cli`` is the ``assistant`` command."""

import sys

from assistant.cli.main import main

sys.exit(main())
