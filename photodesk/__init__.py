"""PhotoDesk: a desktop digital-asset manager for press photos."""

__version__ = "0.1.0"
