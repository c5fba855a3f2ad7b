"""Heartbeat: the delivery platform for a digital partnership."""
