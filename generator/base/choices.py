"""Which readings of the pages a run applies: all of them, unless the user turns some off.

A reading is a conclusion graphdoc draws that a page does not state outright (a type
keyed by id derives from entity, ...); each has a diagnostic code, and the table of them
is ``generator.model.readings``. ``[tool.graphdoc] readings-off`` and ``--readings-off``
name the codes of those to skip: the model is then built from what the pages state.
The choice travels down the pipeline as a ``Readings`` value (markdown-it-py's
``Ruler.disable``, ruff's ``ignore``), and is part of every cache key that depends on it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Readings:
    """The readings a run applies: every one but those in ``off`` (codes)."""

    off: frozenset[str] = frozenset()

    def on(self, code: str) -> bool:
        """Whether the reading reported by ``code`` is applied."""
        return code not in self.off

    @property
    def stamp(self) -> str:
        """What cache keys add for this choice: nothing with every reading on, so that the
        default run's keys are what they always were."""
        return ",".join(sorted(self.off))


ALL = Readings()
