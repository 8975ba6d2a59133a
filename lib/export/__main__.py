"""``python -m lib.export``: see lib.export.cli."""
import sys

from lib.export.cli import main

sys.exit(main())
