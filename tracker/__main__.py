"""`python -m tracker` runs the CLI."""

import sys

from tracker.cli import main

sys.exit(main())
