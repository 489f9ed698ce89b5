"""Provides the method cards shipped with facilitator, as the package facilitator.methods."""
