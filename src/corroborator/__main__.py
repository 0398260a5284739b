"""`python -m corroborator ...`: the same command line as the `corroborator` script."""

import sys

from corroborator.cli import main

if __name__ == "__main__":
    sys.exit(main())
