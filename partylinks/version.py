"""The version of partylinks, in one place."""

__version__ = "0.1.0"
