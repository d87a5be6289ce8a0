"""Extraction: from sentences to mentions, events and facts."""
