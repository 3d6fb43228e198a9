"""Tracing the event loop: what each task did, what it waited for, what blocked the loop.

`start()` hooks the kernel's real loop (Handle._run, call_soon, call_at, create_task, the
selector's wait, time.sleep); `stop()` removes the hooks and returns the trace as data;
`dump()` stops and writes it to the process's stdout as JSON (the format in docs/TRACE.md).
"""

import json
import sys

from .export import FORMAT, VERSION, to_data
from .recorder import Recorder

__all__ = ["FORMAT", "VERSION", "start", "stop", "dump", "is_tracing"]

DEFAULT_MAX_EVENTS = 200_000
DEFAULT_SLOW_SECONDS = 0.1  # asyncio's slow_callback_duration
DEFAULT_MAX_STEPS = 300

_recorder = None


def is_tracing():
    return _recorder is not None


def start(max_events=DEFAULT_MAX_EVENTS, slow_seconds=DEFAULT_SLOW_SECONDS, steps=False, max_steps=DEFAULT_MAX_STEPS):
    """Begin recording every loop that runs until `stop()`; with `steps`, also a snapshot
    of the loop at the start of each of its first `max_steps` iterations."""
    global _recorder
    if _recorder is not None:
        raise RuntimeError("the event loop is already being traced")
    if not isinstance(max_events, int) or isinstance(max_events, bool) or max_events < 1:
        raise ValueError(f"max_events must be a positive int, not {max_events!r}")
    if not isinstance(slow_seconds, (int, float)) or slow_seconds < 0:
        raise ValueError(f"slow_seconds must be a non-negative number, not {slow_seconds!r}")
    if not isinstance(max_steps, int) or isinstance(max_steps, bool) or max_steps < 0:
        raise ValueError(f"max_steps must be a non-negative int, not {max_steps!r}")
    recorder = Recorder(max_events, slow_seconds, max_steps if steps else None)
    recorder.start()
    _recorder = recorder


def stop():
    """Stop recording; the trace as JSON-ready data."""
    global _recorder
    recorder, _recorder = _recorder, None
    if recorder is None:
        raise RuntimeError("the event loop is not being traced")
    recorder.stop()
    return to_data(recorder)


def dump():
    """Stop recording and write the trace to the process's stdout as one line of JSON."""
    text = json.dumps(stop(), separators=(",", ":"))
    sys.__stdout__.write(text + "\n")
    sys.__stdout__.flush()
