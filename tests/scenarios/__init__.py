"""Expected-output scenarios for the north_star marts (see README of this folder: harness.py)."""
