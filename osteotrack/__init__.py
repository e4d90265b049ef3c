"""osteotrack: a private, offline pain diary for people with osteoporosis."""

__version__ = "0.1.0"
