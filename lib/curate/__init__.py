"""Finding the figures in an article."""
