"""Provides data files shipped with facilitator (places in Baden-Württemberg)."""
