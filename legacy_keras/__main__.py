"""``python -m legacy_keras run SCRIPT``: the same as the ``legacy-keras`` command."""
import sys

from legacy_keras.cli import main

sys.exit(main())
