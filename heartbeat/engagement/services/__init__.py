"""Engagement writes. Each function checks who may act and the rules, runs in a
transaction, and queues any email or notification with ``transaction.on_commit``."""
