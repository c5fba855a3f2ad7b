"""Synthetic partnerships of any size for benchmarks and load tests (``heartbeat generate``):
a whole-site tool above every app. ``runner`` runs the per-app generators in order."""
