"""text step."""
