"""Provides the pure domain logic: models, scheduling, timer, taxonomy, clocks, formats.

Nothing in core/ does I/O or imports from the other packages; time is passed in.
"""
