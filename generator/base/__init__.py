"""What every stage and side shares, knowing none of them.

``diagnostics`` is the one problem type and its codes, ``lint_output`` their text, JSON
and GitHub forms; ``usage`` the base of the user's errors; ``progress`` progress on
stderr; ``workers`` how many processes a step uses; ``cache`` the one cache, whose keys
hash graphdoc's own files (``package_files``, which also finds the templates); ``choices``
which readings of the pages a run applies.

May import: nothing of graphdoc.
"""
