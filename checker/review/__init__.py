"""Auditor review: the decision store, applying decisions, the queue and the review page."""
