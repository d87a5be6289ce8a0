"""Generator of a Dutch explainer microsite from news articles."""
