"""Parse stage: one page's text in, one page record out, plus diagnostics."""

from .page import key_of_path, parse_page

__all__ = ["key_of_path", "parse_page"]
