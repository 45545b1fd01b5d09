"""Model stage: every page record in, the model out, and the model itself.

``ir`` is the model: frozen dataclasses, free of markdown, Jinja and output concerns
(``model_file`` reads it back from a ``model.json``). ``resolve`` makes it from the page
records, the only code that sees every page: ``index`` files every type by name, and
``readings`` concludes what the pages leave unsaid (the table, and a function per code);
with ``navigation`` (the navigation properties the paths imply), ``operations`` (what
each method does over HTTP; ``paths`` the segments of a request path), ``prose``
(descriptions apart from shape) and ``primitives`` (the Edm types). ``incremental``
fills a kept model in when pages changed in prose alone. ``names`` decides, once, every
name the outputs need.

May import: base, parse, runtime.
"""
