"""The delivery pages: thin views over the selectors and services."""
