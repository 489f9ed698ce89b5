"""Provides `python -m facilitator`."""

from facilitator.cli import run

if __name__ == "__main__":
    run()
