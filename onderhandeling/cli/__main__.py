"""`python -m onderhandeling.cli …` runs the command line, as `onderhandeling …` does."""

import sys

from onderhandeling.cli import main

sys.exit(main())
