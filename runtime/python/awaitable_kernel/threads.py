"""Threads cannot start in WebAssembly: say so, once, and name the kernel where they can."""

import _thread
import threading

MESSAGE = (
    "can't start new thread: threads cannot run in the browser kernel "
    "(Python compiled to WebAssembly has a single thread). "
    'Cells marked kernel="server" run on the server kernel, which has threads.'
)


def _refuse(*args, **kwargs):
    raise RuntimeError(MESSAGE)


def install():
    """Every way of starting a thread (threading, _thread, executors, to_thread) ends here."""
    _thread.start_new_thread = _refuse
    _thread.start_new = _refuse
    _thread.start_joinable_thread = _refuse
    threading._start_joinable_thread = _refuse
