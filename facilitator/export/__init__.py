"""Provides the exports: protocol and fact sheet (.docx, .md), JSON, calendar, QR code."""
