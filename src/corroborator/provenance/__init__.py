"""provenance step."""
