"""Provides the hostile values the protocol tests look for."""

SECRET_EMAIL = "geheim.ohne.zustimmung@example.org"
SHARED_EMAIL = "anna.schaefer@esslingen.de"
LONG_TEXT = "Schnittstellenprobleme zwischen Fachverfahren und E-Akte. " * 86  # ~5,000 chars
