"""Dutch language: sentences, time expressions, numbers, attribution cues."""
