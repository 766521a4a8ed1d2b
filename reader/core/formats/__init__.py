"""Readers that turn file bytes into a Document."""
