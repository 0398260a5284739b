"""embed step."""
