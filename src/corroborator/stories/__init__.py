"""stories step."""
