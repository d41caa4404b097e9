"""Exceptions raised by cleannews."""

from __future__ import annotations

__all__ = ["CleannewsError", "InputError", "InputTooLarge"]


class CleannewsError(Exception):
    """Base class of every error cleannews raises on purpose."""


class InputError(CleannewsError, ValueError):
    """The input cannot be treated as a web page (wrong type, unusable bytes)."""


class InputTooLarge(InputError):
    """The input exceeds `Options.max_input_bytes`; it was not parsed."""
