"""Declared parameters of the rule kinds: type, default, allowed values."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Param", "TYPES"]

TYPES = ("int", "bool", "str", "list[str]", "list[int]", "table")
"""Parameter types: ``table`` is a TOML inline table of column -> value or list of values."""


@dataclass(frozen=True)
class Param:
    """One parameter of a rule kind.

    Attributes
    ----------
    type : str
        One of :data:`TYPES`.
    default : object
        The value used when the policy leaves the parameter out.
    choices : tuple or None
        Allowed values (for ``str``, or for each item of ``list[str]``).
    minimum : int or None
        Smallest allowed value for ``int``.
    doc : str
        What the parameter means (shown by ``partylinks policy --kinds``).
    """

    type: str
    default: object
    choices: tuple | None = None
    minimum: int | None = None
    doc: str = ""
