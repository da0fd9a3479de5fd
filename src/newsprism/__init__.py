"""newsprism: reconstruct a developing news event from many outlets as sourced, structured data."""

__version__ = "0.1.0"
