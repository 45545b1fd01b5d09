"""Write stage: the only code that touches the output folder.

``write`` builds the new output beside the old and swaps it in whole, with its manifest;
``check`` compares files made in memory with the folder on disk (``graphdoc check``);
``runs`` keeps a record of each run, so a run whose inputs are unchanged costs little
more than reading them.

May import: base, parse.
"""
