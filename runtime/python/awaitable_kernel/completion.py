"""Completion of names for the editor, from the live namespace the cells share.

Uses the standard library's rlcompleter (what the Python REPL uses), so attribute
completion evaluates the dotted name before the last dot, as the REPL does.
"""

import re
import rlcompleter

_NAME_BEFORE_CURSOR = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*\.?$")


def complete(source, cursor, namespace, limit=200):
    """Return {'from': offset, 'matches': [...]} for the name that ends at cursor."""
    before = source[: max(0, min(cursor, len(source)))]
    found = _NAME_BEFORE_CURSOR.search(before)
    text = found.group(0) if found else ""
    if not text:
        return {"from": len(before), "matches": []}
    completer = rlcompleter.Completer(namespace)
    matches = []
    seen = set()
    state = 0
    while len(matches) < limit:
        try:
            match = completer.complete(text, state)
        except Exception:
            break  # A property or __getattr__ raised while looking: offer nothing more.
        if match is None:
            break
        state += 1
        # The REPL adds "(" (or "()" when there are no parameters) after callables and " "
        # after keywords; the editor inserts only the name.
        match = match.removesuffix("()").rstrip("( ")
        if match not in seen:
            seen.add(match)
            matches.append(match)
    start = len(before) - len(text)
    return {"from": start, "matches": matches}
