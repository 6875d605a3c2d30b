"""``python -m partylinks``: the same as the ``partylinks`` command."""

import sys

from .cli import main

sys.exit(main())
