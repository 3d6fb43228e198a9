"""Hooks on the real loop that record what it runs, as tuples in one bounded list.

Recording is the hot path (a cell may create 10,000 tasks): the hooks are closures with
everything they use bound locally, and `Handle._run` and `BaseEventLoop._call_soon` are
replaced by timed copies of their few lines rather than wrapped. Each event costs about one
`perf_counter()` (~0.6 us in WebAssembly, where perf_counter_ns() costs ~1 us: times are kept
as float seconds and turned into ns when the trace is written) and one append; handles run
back to back share a reading; a task's name and coroutine are read once, when it is created.
Events past the cap are counted, not kept. docs/TRACE.md has the measurements.

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
from .steps import StepRecorder
from .task_facts import has_started, task_step_type
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

    def __init__(self, max_events, slow_seconds, max_steps=None):
        """max_steps: record loop steps (steps.py) for that many iterations; None: no steps."""
        self.max_events = max_events
        self.slow_ns = int(slow_seconds * 1e9)
        self.events = []
        self.overflow = []  # one item per dropped event (appending is cheaper than counting)
        self.started = self.ended = 0.0  # perf_counter() readings, as every time recorded
        # perf_counter() - loop.time(): puts timers' due times on the trace's clock.
        self.loop_offset = 0.0
        self.numbers = {}  # id(task) -> task number, while the task lives
        self.cancelling = {}  # task number -> task.cancelling() last recorded
        self.next_number = itertools.count(1).__next__
        self._restore = []
        self.steps = None if max_steps is None else StepRecorder(self, max_steps)

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
        return number if number is not None else self.first_sighting(task, _running_loop(), time.perf_counter())

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
        events, overflow, numbers, cancel_counts = self.events, self.overflow, self.numbers, self.cancelling
        append, overflow_append = events.append, overflow.append
        cap = self.max_events
        perf = time.perf_counter
        record, first_sighting, note_cancel = self.record, self.first_sighting, self.note_cancel
        task_number = self.task_number
        loop_class = event_loop.AwaitableEventLoop
        offset = self.loop_offset = time.perf_counter() - time.monotonic()
        running = running_number = None  # the task whose slice is running, and its number
        # When the last clock reading (the selector's wait ending, the previous handle ending) is
        # as good as a fresh one: handles run back to back in one loop iteration, so a slice
        # starts when the one before it ended. One reading per handle instead of two.
        chained = None
        next_number = self.next_number
        select = event_loop._InterruptibleSelector.select
        step_type = task_step_type()
        blocking_sleep = time.sleep

        def traced_run(handle):
            # Handle._run, timed: a task's step or wakeup is a slice of that task.
            nonlocal running, running_number, chained
            callback = handle._callback
            loop = handle._loop
            # Only our loop's selector marks where its iterations start; debug mode logs between handles.
            start = chained if chained is not None and type(loop) is loop_class and not loop._debug else perf()
            callback_type = type(callback)
            if callback_type is step_type:  # a task's step: no need to ask what __self__ is
                task = callback.__self__
            elif callback_type is _FunctionType or not isinstance(task := getattr(callback, "__self__", None), _Task):
                task = None
            if task is not None:
                key = id(task)  # id() makes an int each time: ~0.3 us in WebAssembly
                number = numbers.get(key)
                if number is None:
                    number = first_sighting(task, handle._loop, start)
                if task.cancelling():
                    note_cancel(task, number, start)
                running, running_number = task, number
            try:
                handle._context.run(callback, *handle._args)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                _report_callback_error(handle, exc)
            finally:
                end = chained = perf()
                if task is None:
                    if type(callback) is _FunctionType:
                        name = callback.__qualname__
                    else:
                        name = getattr(callback, "__qualname__", None) or type(callback).__qualname__
                    event = ("callback", start, end, name)
                else:
                    running = running_number = None
                    waiter = task._fut_waiter
                    if waiter is not None:
                        event = ("slice", number, start, end, "wait", describe_wait(task, waiter, task_number))
                    elif task.done():  # Recorder.finished, inlined: this is the hot path
                        del numbers[key]
                        if cancel_counts:
                            cancel_counts.pop(number, None)
                        if task.cancelled():
                            event = ("slice", number, start, end, "cancelled", None)
                        elif task._exception is not None:  # not .exception(): that marks it retrieved
                            event = ("slice", number, start, end, "exception", type(task._exception).__qualname__)
                        else:
                            event = ("slice", number, start, end, "result", None)
                    else:
                        event = ("slice", number, start, end, "yield", None)
                if len(events) < cap:
                    append(event)
                else:
                    overflow_append(event)
            handle = None  # as Handle._run: breaks cycles when an exception occurs

        def traced_call_soon(loop, callback, args, context):
            # BaseEventLoop._call_soon; scheduling a task's step or wakeup makes it ready.
            handle = _Handle(callback, args, loop, context)
            if handle._source_traceback:
                del handle._source_traceback[-1]
            loop._ready.append(handle)
            # A task's step is scheduled by its own __init__ (create_task records the task) or by
            # its own running slice (sleep(0): ready when the slice ends): neither is news. Any
            # other callback bound to a task (its wakeup, when what it waited for is done) is.
            callback_type = type(callback)
            if (callback_type is not _FunctionType and callback_type is not step_type
                    and (task := getattr(callback, "__self__", None)) is not running and isinstance(task, _Task)):
                now = perf()
                number = numbers.get(id(task))
                if number is None:
                    number = first_sighting(task, loop, now)
                event = ("ready", now, number)
                if len(events) < cap:
                    append(event)
                else:
                    overflow_append(event)
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
            (events if len(events) < cap else overflow).append(("timer", perf(), when + offset, name))
            return timer

        def traced_create_task(loop, coro, **kwargs):
            # BaseEventLoop.create_task, recording the task's creation.
            loop._check_closed()
            factory = loop._task_factory
            # Only a factory or eager_start can run a first step here: time only those.
            start = perf() if factory is not None or kwargs else 0.0
            if factory is not None:
                task = factory(loop, coro, **kwargs)
            else:
                task = _Task(coro, loop=loop, **kwargs)
                if task._source_traceback:
                    del task._source_traceback[-1]
            if isinstance(task, _Task) and (key := id(task)) not in numbers:
                now = perf()
                number = numbers[key] = next_number()
                # A factory or eager_start may have run its first step in here: a slice too.
                ran = start and has_started(coro)
                # Only a task's slice (or a callback: no parent) creates tasks on this loop.
                event = ("create", start if ran else now, number, task.get_name(),
                         getattr(coro, "__qualname__", None) or type(coro).__qualname__, running_number)
                if len(events) < cap:
                    append(event)
                else:
                    overflow_append(event)
                if ran:
                    record(recorder.slice_event(task, number, start, now) + ("eager",))
            try:
                return task
            finally:
                del task  # as create_task: no cycle through an exception's traceback

        def traced_select(selector, timeout=None):
            nonlocal chained
            start = perf()
            try:
                return select(selector, timeout)
            finally:
                chained = perf()
                record(("select", start, chained, None if timeout is None else int(timeout * 1e9)))

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
        self.started = perf()
        if self.steps is not None:
            self.steps.install(loop_class)
        self._patch(_Handle, "_run", traced_run)
        self._patch(loop_class, "_call_soon", traced_call_soon)
        self._patch(loop_class, "call_at", traced_call_at)
        self._patch(loop_class, "create_task", traced_create_task)
        self._patch(event_loop._InterruptibleSelector, "select", traced_select)
        self._patch(time, "sleep", traced_sleep)

    def stop(self):
        self.ended = time.perf_counter()
        while self._restore:
            owner, name, original = self._restore.pop()
            if original is None:
                delattr(owner, name)
            else:
                setattr(owner, name, original)
