"""The hooks' frames, dressed as the asyncio functions they replace.

Stacks the learner sees stop at the kernel's first frame (tracebacks.py), and asyncio's
debug mode records where each callback was scheduled. A hook that replaces
`Handle._run` would otherwise cut `traceback.print_stack()` inside a task short, and one
that replaces `_call_soon` would empty debug mode's "created at" stacks. So each hook's
code takes the replaced function's file and name, its lines shifted so that the line that
does the work is the original's line that does it: a stack reads as CPython's does.
"""

import inspect
import linecache


def _line_of(text, lines, first_line):
    for index, line in enumerate(lines):
        if text in line:
            return first_line + index
    return None


def dress_as(hook, original, our_line, their_line):
    """Give `hook` the file, name and line numbers of `original` (a no-op if its source is missing).

    our_line / their_line: text found on the line of each that does the work.
    """
    try:
        their_lines, their_first = inspect.getsourcelines(original)
    except (OSError, TypeError):
        return hook
    code = hook.__code__
    our_lines = linecache.getlines(code.co_filename)[code.co_firstlineno - 1:]
    ours = _line_of(our_line, our_lines, code.co_firstlineno)
    theirs = _line_of(their_line, their_lines, their_first)
    if ours is None or theirs is None or theirs - (ours - code.co_firstlineno) < 1:
        return hook
    original_code = original.__code__
    hook.__code__ = code.replace(
        co_filename=original_code.co_filename,
        co_name=original_code.co_name,
        co_qualname=original_code.co_qualname,
        co_firstlineno=theirs - (ours - code.co_firstlineno),
    )
    return hook
