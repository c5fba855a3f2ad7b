"""Reads of the delivery records, each in a fixed number of queries."""
