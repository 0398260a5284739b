"""claims step."""
