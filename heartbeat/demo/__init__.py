"""The demo partnership that ``heartbeat demo`` loads: a whole-site tool above every app.

``loader`` runs the per-app loaders in ``DEMO_LOADERS`` in order; ``data`` holds what they
load, as plain data that reads without the code.
"""
