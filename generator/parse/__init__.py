"""Parse stage: pages in, page records out, plus diagnostics.

``page`` reads one page's text into one record (``records``), a pure function of the
page's text and path, from markdown-it-py's tokens (``blocks``, ``http``, ``types``,
``lenient_json``). ``load`` finds and reads the pages of a docs root and parses each, in
parallel, through ``page_cache``: the records kept between runs.

May import: base.
"""

from .page import key_of_path, parse_page

__all__ = ["key_of_path", "parse_page"]
