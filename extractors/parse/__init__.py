"""Parsing a dispatch once into its zones (`parse_dispatch`), and the representation the extractors read:
`Dispatch` with its header, salutation, body items and footer; `Item` and the section polarities.

Modules, in the order they run: clean (line cleaning), appended (a second document set apart),
received (the incoming stamp), header, zones, body (items); marks holds the patterns they recognise.
"""
from extractors.parse.body import GOAL, NEUTRAL, RESULT, Item, join_lines
from extractors.parse.dispatch import Dispatch, parse_dispatch, parse_lines

__all__ = ["GOAL", "NEUTRAL", "RESULT", "Dispatch", "Item", "join_lines", "parse_dispatch", "parse_lines"]
