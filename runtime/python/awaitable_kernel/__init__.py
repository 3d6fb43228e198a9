"""The Python side of the Awaitable kernel.

`event_loop` makes asyncio behave as in CPython on top of Pyodide, `cell_runner`
runs learner code (notebook cells and whole scripts), and `tracebacks` keeps the
kernel's own frames out of what the learner sees.
"""
