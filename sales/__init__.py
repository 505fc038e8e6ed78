"""The domain of a sales-performance plan: models and rules. Pure Python, no I/O."""
