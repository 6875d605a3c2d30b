"""``python -m partylinks.cli``: the same as the ``partylinks`` command."""

import sys

from . import main

sys.exit(main())
