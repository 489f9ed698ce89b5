"""Provides the agenda templates shipped with facilitator, as the package facilitator.agendas."""
