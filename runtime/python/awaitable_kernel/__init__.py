"""The Python side of the Awaitable kernel.

`event_loop` makes asyncio behave as in CPython on top of Pyodide, `stdin` lets
`input()` and pdb read lines from the page, `threads` explains why threads
cannot start, `cell_runner` runs learner code (notebook cells and whole scripts),
and `tracebacks` keeps the kernel's own frames out of what the learner sees.
"""


def install(wait_for_signal, read_line):
    """Set the kernel up once, at boot; the arguments are the host's blocking waits."""
    from . import event_loop, stdin, threads, tracebacks

    event_loop.install(wait_for_signal)
    stdin.install(read_line)
    threads.install()
    tracebacks.install()
