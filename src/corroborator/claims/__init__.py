"""Claim extraction: atomic, normalised claims (durations, counts, money, percentages, dates,
quotes, attributions) from one article's clean text.

Public API: `extract_claims(text, sentences, language, published)` and `supported_languages()`.
Each language is a `Lexicon` in `claims/lang/<code>.py`, registered in `claims/lang/__init__.py`.
"""

from corroborator.claims.extract import extract_claims
from corroborator.claims.lang import supported_languages

__all__ = ["extract_claims", "supported_languages"]
