"""`python -m corroborator ...`: the same command line as the `corroborator` script."""

from corroborator.cli import main

if __name__ == "__main__":
    main()
