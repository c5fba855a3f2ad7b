"""Engagement reads: each returns what one page or endpoint needs in a fixed number of
queries, scoped by what the person may see."""
