"""Helpers every app's API router shares: error bodies and handlers, and paging."""
