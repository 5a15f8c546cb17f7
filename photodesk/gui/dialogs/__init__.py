"""Dialogs: export, the pre-flight report of a write, settings."""
