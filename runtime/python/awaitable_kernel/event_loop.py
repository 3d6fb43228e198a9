"""A CPython-faithful asyncio event loop for Pyodide.

Pyodide's WebLoop defers work to the browser's event loop, so `asyncio.run`,
`time.sleep`, debug mode and interrupts do not behave as in CPython. This loop
is CPython's own `BaseEventLoop`; only the selector differs: it has no file
descriptors and waits with `Atomics.wait` on the interrupt buffer, so a wait
ends early when the page asks for an interrupt.
"""

import asyncio
import functools
import operator
import selectors
import signal
import sys
import time

_wait_for_signal = None
_original_sleep = time.sleep


def deliver_signal(signum, frame):
    """Run the Python handler for a signal, as CPython does when one arrives."""
    handler = signal.getsignal(signum)
    if handler is signal.SIG_IGN:
        return
    if callable(handler):
        handler(signum, frame)
    elif signum == signal.SIGINT:
        raise KeyboardInterrupt


def _wait(seconds):
    """Block for up to `seconds` (None: forever), ending early on a signal from the page.

    The signal is delivered here, rather than left to the interpreter's periodic
    check, so that KeyboardInterrupt is raised at the wait and not at a random
    later point inside asyncio's bookkeeping.
    """
    milliseconds = float("inf") if seconds is None else max(seconds, 0) * 1000
    signum = _wait_for_signal(milliseconds)
    if signum:
        deliver_signal(signum, sys._getframe(1))


class _InterruptibleSelector(selectors.BaseSelector):
    """A selector without file descriptors: `select` only waits for its timeout."""

    def __init__(self):
        self._map = {}

    def register(self, fileobj, events, data=None):
        raise NotImplementedError("file descriptors cannot be watched in this kernel")

    def unregister(self, fileobj):
        raise KeyError(fileobj)

    def select(self, timeout=None):
        _wait(timeout)
        return []

    def get_map(self):
        return self._map

    def close(self):
        self._map.clear()


class AwaitableEventLoop(asyncio.BaseEventLoop):
    def __init__(self):
        super().__init__()
        self._selector = _InterruptibleSelector()

    def _process_events(self, event_list):
        pass

    def _write_to_self(self):
        # Wakes a selector blocked in another thread; there are no other threads.
        pass

    async def shutdown_default_executor(self, timeout=None):
        # CPython joins the executor from a helper thread; no thread can start
        # here (nor could the executor have started one), so shut it down inline.
        self._executor_shutdown_called = True
        if self._default_executor is not None:
            self._default_executor.shutdown(wait=False)

    def close(self):
        super().close()
        self._selector.close()


class _AwaitableEventLoopPolicy(asyncio.events._BaseDefaultEventLoopPolicy):
    _loop_factory = AwaitableEventLoop


@functools.wraps(_original_sleep)
def sleep(secs):
    if not isinstance(secs, (int, float)):
        secs = operator.index(secs)
    if secs < 0:
        raise ValueError("sleep length must be non-negative")
    deadline = time.monotonic() + secs
    while (remaining := deadline - time.monotonic()) > 0:
        _wait(remaining)


def _install_loop_factory():
    # The policy API is deprecated in 3.14 (to be removed in 3.16) but is still
    # what asyncio.run, asyncio.Runner and new_event_loop consult. Use the
    # private setter so learners see no deprecation warning from the kernel.
    set_policy = getattr(asyncio.events, "_set_event_loop_policy", None)
    if set_policy is None:
        set_policy = asyncio.set_event_loop_policy
    set_policy(_AwaitableEventLoopPolicy())


def install(wait_for_signal):
    """Replace Pyodide's WebLoop with CPython's behaviour.

    wait_for_signal(ms) blocks on the interrupt buffer for up to ms milliseconds
    and returns the signal number it took from the buffer, or 0.
    """
    global _wait_for_signal
    _wait_for_signal = wait_for_signal

    asyncio.events._set_running_loop(None)
    sys.set_asyncgen_hooks(firstiter=None, finalizer=None)
    asyncio.run = asyncio.runners.run
    time.sleep = sleep
    _install_loop_factory()
