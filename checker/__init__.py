"""checker: does a government keep the commitments of its annual work report?

Pipeline (one module per stage): ingest -> structure -> extract -> crosscheck/match -> classify -> report.
"""

__version__ = "0.1.0"
