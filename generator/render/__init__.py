"""Renderers that turn the extracted corpus into site pages and assets."""
