"""`python -m loaders ...`: see `loaders.cli`."""

import sys

from .cli import main

sys.exit(main())
