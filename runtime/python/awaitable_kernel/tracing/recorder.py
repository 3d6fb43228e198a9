"""Hooks on the real loop that record what it runs, as tuples in one bounded list.

Recording is the hot path (a cell may create 10,000 tasks): the hooks are closures with
everything they use bound locally, and `Handle._run` and `BaseEventLoop._call_soon` are
replaced by timed copies of their few lines rather than wrapped. Each event costs one
`perf_counter_ns()` (~0.3 us in WebAssembly) and one append; a task's name and coroutine
are read once, when it is first seen. Events past the cap are counted, not kept.

Nothing here keeps a task alive: a task is known by `id()` while it lives, and a finished
task's id is forgotten, so a new task at the same address gets a new number.
"""

import asyncio
import heapq
import itertools
import time
import types
from asyncio import events as asyncio_events
from asyncio import format_helpers

from .. import event_loop
from .frames import dress_as
from .waits import describe_wait

_Task = asyncio.Task
_Handle = asyncio_events.Handle
_TimerHandle = asyncio_events.TimerHandle
_heappush = heapq.heappush
_current_task = asyncio.current_task
_running_loop = asyncio_events._get_running_loop
_FunctionType = types.FunctionType


def _report_callback_error(handle, exc):
    """What Handle._run does with an exception from its callback."""
    callback = format_helpers._format_callback_source(handle._callback, handle._args, debug=handle._loop.get_debug())
    context = {"message": f"Exception in callback {callback}", "exception": exc, "handle": handle}
    if handle._source_traceback:
        context["source_traceback"] = handle._source_traceback
    handle._loop.call_exception_handler(context)


class Recorder:
    """Installs the hooks (`start`), removes them (`stop`), and keeps what they saw."""

    def __init__(self, max_events, slow_seconds):
        self.max_events = max_events
        self.slow_ns = int(slow_seconds * 1e9)
        self.events = []
        self.overflow = []  # one item per dropped event (appending is cheaper than counting)
        self.started_ns = self.ended_ns = 0
        # perf_counter_ns() - loop.time() in ns: puts timers' due times on the trace's clock.
        self.loop_offset_ns = 0
        self.numbers = {}  # id(task) -> task number, while the task lives
        self.cancelling = {}  # task number -> task.cancelling() last recorded
        self.next_number = itertools.count(1).__next__
        self._restore = []

    @property
    def dropped(self):
        return len(self.overflow)

    def record(self, event):
        (self.events if len(self.events) < self.max_events else self.overflow).append(event)

    def first_sighting(self, task, loop, now, coro=None):
        """Number a task the trace has not seen, and record its creation (traced_call_soon
        inlines this for the usual case, a task scheduled by its own __init__)."""
        number = self.next_number()
        numbers = self.numbers
        numbers[id(task)] = number
        parent = _current_task(loop) if loop is not None else None
        if coro is None:
            coro = task.get_coro()
        self.record(("create", now, number, task.get_name(), getattr(coro, "__qualname__", None) or type(coro).__qualname__,
                     None if parent is None else numbers.get(id(parent))))
        return number

    def task_number(self, task):
        number = self.numbers.get(id(task))
        return number if number is not None else self.first_sighting(task, _running_loop(), time.perf_counter_ns())

    def note_cancel(self, task, number, now):
        count = task.cancelling()
        if count > self.cancelling.get(number, 0):
            self.record(("cancel", now, number))
        self.cancelling[number] = count

    def slice_event(self, task, number, start, end):
        """The slice that just ran (traced_run inlines this)."""
        waiter = task._fut_waiter
        if waiter is not None:
            return ("slice", number, start, end, "wait", describe_wait(task, waiter, self.task_number))
        if task.done():
            return ("slice", number, start, end, *self.finished(task, number))
        return ("slice", number, start, end, "yield", None)

    def finished(self, task, number):
        """A task's last slice ended: forget its id; how it ended, as (outcome, detail)."""
        del self.numbers[id(task)]
        self.cancelling.pop(number, None)
        if task.cancelled():
            return "cancelled", None
        exception = task._exception  # not .exception(): that would mark it retrieved
        if exception is not None:
            return "exception", type(exception).__qualname__
        return "result", None

    def _patch(self, owner, name, replacement):
        self._restore.append((owner, name, owner.__dict__.get(name)))
        setattr(owner, name, replacement)

    def start(self):
        recorder = self
        events, overflow, numbers = self.events, self.overflow, self.numbers
        cap = self.max_events
        perf = time.perf_counter_ns
        record, first_sighting, note_cancel, finished = self.record, self.first_sighting, self.note_cancel, self.finished
        task_number = self.task_number
        loop_class = event_loop.AwaitableEventLoop
        offset = self.loop_offset_ns = time.perf_counter_ns() - int(time.monotonic() * 1e9)
        running = running_number = None  # the task whose slice is running, and its number
        next_number = self.next_number
        select = event_loop._InterruptibleSelector.select
        blocking_sleep = time.sleep

        def traced_run(handle):
            # Handle._run, timed: a task's step or wakeup is a slice of that task.
            nonlocal running, running_number
            callback = handle._callback
            task = None if type(callback) is _FunctionType else getattr(callback, "__self__", None)
            if task is not None and isinstance(task, _Task):
                number = numbers.get(id(task))
                start = perf()
                if number is None:
                    number = first_sighting(task, handle._loop, start)
                if task.cancelling():
                    note_cancel(task, number, start)
                running, running_number = task, number
            else:
                task = None
                start = perf()
            try:
                handle._context.run(callback, *handle._args)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                _report_callback_error(handle, exc)
            finally:
                end = perf()
                if task is None:
                    event = ("callback", start, end, getattr(callback, "__qualname__", None) or type(callback).__qualname__)
                else:
                    running = running_number = None
                    waiter = task._fut_waiter
                    if waiter is not None:
                        event = ("slice", number, start, end, "wait", describe_wait(task, waiter, task_number))
                    elif task.done():
                        event = ("slice", number, start, end, *finished(task, number))
                    else:
                        event = ("slice", number, start, end, "yield", None)
                (events if len(events) < cap else overflow).append(event)
            handle = None  # as Handle._run: breaks cycles when an exception occurs

        def traced_call_soon(loop, callback, args, context):
            # BaseEventLoop._call_soon; scheduling a task's step or wakeup makes it ready.
            handle = _Handle(callback, args, loop, context)
            if handle._source_traceback:
                del handle._source_traceback[-1]
            loop._ready.append(handle)
            if type(callback) is not _FunctionType:
                task = getattr(callback, "__self__", None)
                # A task that reschedules itself (sleep(0)) is ready when its slice ends.
                if task is not None and task is not running and isinstance(task, _Task):
                    now = perf()
                    number = numbers.get(id(task))
                    if number is None:  # from Task.__init__: a new task is ready at once
                        number = numbers[id(task)] = next_number()
                        coro = task.get_coro()
                        name = getattr(coro, "__qualname__", None) or type(coro).__qualname__
                        # Only a task's slice (or a callback: no parent) creates tasks on this loop.
                        event = ("create", now, number, task.get_name(), name, running_number)
                        (events if len(events) < cap else overflow).append(event)
                    else:
                        (events if len(events) < cap else overflow).append(("ready", now, number))
            return handle

        def traced_call_at(loop, when, callback, *args, context=None):
            # BaseEventLoop.call_at (call_later's too), recording the timer.
            if when is None:
                raise TypeError("when cannot be None")
            loop._check_closed()
            if loop._debug:
                loop._check_thread()
                loop._check_callback(callback, "call_at")
            timer = _TimerHandle(when, callback, args, loop, context)
            if timer._source_traceback:
                del timer._source_traceback[-1]
            _heappush(loop._scheduled, timer)
            timer._scheduled = True
            name = getattr(callback, "__qualname__", None) or type(callback).__qualname__
            (events if len(events) < cap else overflow).append(("timer", perf(), int(when * 1e9) + offset, name))
            return timer

        def traced_create_task(loop, coro, **kwargs):
            # BaseEventLoop.create_task; a task not scheduled by its __init__ ran its first
            # step eagerly (an eager task factory), inside this call: that is a slice too.
            loop._check_closed()
            factory, start = loop._task_factory, perf()
            if factory is not None:
                task = factory(loop, coro, **kwargs)
            else:
                task = _Task(coro, loop=loop, **kwargs)
                if task._source_traceback:
                    del task._source_traceback[-1]
            if id(task) not in numbers and isinstance(task, _Task):
                end = perf()
                number = first_sighting(task, loop, start, coro)
                record(recorder.slice_event(task, number, start, end) + ("eager",))
            try:
                return task
            finally:
                del task  # as create_task: no cycle through an exception's traceback

        def traced_select(selector, timeout=None):
            start = perf()
            try:
                return select(selector, timeout)
            finally:
                record(("select", start, perf(), None if timeout is None else int(timeout * 1e9)))

        def traced_sleep(seconds):
            loop = _running_loop()
            task = _current_task(loop) if loop is not None else None
            start = perf()
            try:
                blocking_sleep(seconds)
            finally:
                record(("block", start, perf(), None if task is None else task_number(task), "time.sleep"))

        dress_as(traced_run, _Handle._run, "handle._context.run(", "self._context.run(")
        dress_as(traced_call_soon, asyncio.BaseEventLoop._call_soon, "= _Handle(", "= events.Handle(")
        dress_as(traced_call_at, asyncio.BaseEventLoop.call_at, "= _TimerHandle(", "= events.TimerHandle(")
        dress_as(traced_create_task, asyncio.BaseEventLoop.create_task, "= factory(loop", "return self._task_factory(")
        self.started_ns = perf()
        self._patch(_Handle, "_run", traced_run)
        self._patch(loop_class, "_call_soon", traced_call_soon)
        self._patch(loop_class, "call_at", traced_call_at)
        self._patch(loop_class, "create_task", traced_create_task)
        self._patch(event_loop._InterruptibleSelector, "select", traced_select)
        self._patch(time, "sleep", traced_sleep)

    def stop(self):
        self.ended_ns = time.perf_counter_ns()
        while self._restore:
            owner, name, original = self._restore.pop()
            if original is None:
                delattr(owner, name)
            else:
                setattr(owner, name, original)
