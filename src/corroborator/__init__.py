"""corroborator: what several news reports of one event actually agree on."""

__version__ = "0.1.0"
