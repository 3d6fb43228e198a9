"""Loop steps: the loop's ready queue, timer heap and live tasks at the start of each iteration.

Opt-in (tracing's `steps=True`) and bounded: only the first `max_steps` iterations are
recorded, and each snapshot keeps at most 100 ready handles, 100 timers and 50 tasks
(counting the rest). The hook wraps `_run_once` only while steps are being recorded, so
a trace without steps pays nothing for it. A snapshot that fails stops the stepping (the
reason goes in the trace's note) and never the learner's loop.
"""

import asyncio
import heapq
import itertools
import os
import time

MAX_READY = 100
MAX_TIMERS = 100
MAX_TASKS = 50
_UNNUMBERED = float("inf")
_KERNEL_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_Task = asyncio.Task


# The C tasks' step and wakeup callbacks, named as asyncio's Python source names them.
_TASK_CALLBACKS = {"TaskStepMethWrapper": "Task.__step", "Task.task_wakeup": "Task.__wakeup"}


def _callback_name(callback):
    name = getattr(callback, "__qualname__", None) or type(callback).__qualname__
    return _TASK_CALLBACKS.get(name, name)


def _timer_task(timer):
    """The task a timer will wake: a sleep's timer resolves the future its task awaits."""
    task = _task_of(timer._callback)
    args = timer._args
    if task is None and args and isinstance(args[0], asyncio.Future):
        for waiter in args[0]._asyncio_awaited_by or ():
            if isinstance(waiter, _Task):
                return waiter
    return task


def _task_of(callback):
    """The task a handle's callback belongs to (its __step or __wakeup), or None."""
    owner = getattr(callback, "__self__", None)
    return owner if isinstance(owner, _Task) else None


class StepRecorder:
    """Takes the snapshots; `recorder` numbers tasks and keeps the events."""

    def __init__(self, recorder, max_steps):
        self.recorder = recorder
        self.max_steps = max_steps
        self.count = 0  # iterations seen (recorded or not)
        self.error = None

    def install(self, loop_class):
        steps = self
        run_once = loop_class._run_once

        def _run_once(loop):
            if steps.count < steps.max_steps and steps.error is None:
                steps.count += 1
                try:
                    steps.snapshot(loop, steps.count)
                except Exception as exc:  # never let the stepper break the learner's loop
                    steps.error = f"{type(exc).__name__}: {exc}"
            elif steps.count == steps.max_steps:
                steps.count += 1  # one past the cap: the trace's note says steps stopped
            return run_once(loop)

        _run_once.__qualname__ = run_once.__qualname__
        self.recorder._patch(loop_class, "_run_once", _run_once)

    @property
    def capped(self):
        return self.count > self.max_steps

    def snapshot(self, loop, n):
        recorder = self.recorder
        now = time.perf_counter()
        number = recorder.task_number

        ready = []
        handles = loop._ready
        for handle in itertools.islice(handles, MAX_READY):
            callback = handle._callback
            entry = {"name": _callback_name(callback)}
            task = _task_of(callback)
            if task is not None:
                entry["task"] = number(task)
            if handle._cancelled:
                entry["cancelled"] = True
            ready.append(entry)
        ready_more = max(0, len(handles) - MAX_READY)

        timers = []
        offset = recorder.loop_offset
        live = [timer for timer in loop._scheduled if not timer._cancelled]
        for timer in heapq.nsmallest(MAX_TIMERS, live):
            entry = {"due": timer._when + offset, "name": _callback_name(timer._callback)}
            task = _timer_task(timer)
            if task is not None:
                entry["task"] = number(task)
            timers.append(entry)
        timers_more = max(0, len(live) - MAX_TIMERS)

        # The 50 tasks the trace numbered first (O(tasks) dictionary lookups, no sorting of all).
        tasks = asyncio.all_tasks(loop)
        known = recorder.numbers.get
        first = heapq.nsmallest(MAX_TASKS, tasks, key=lambda task: known(id(task), _UNNUMBERED))
        nodes = sorted((self._node(task, number) for task in first), key=lambda node: node["task"])
        recorder.record(("step", n, now, ready, ready_more, timers, timers_more, nodes,
                         max(0, len(tasks) - MAX_TASKS)))

    def _node(self, task, number):
        if task.done():
            state = "done"
        elif task is asyncio.current_task(task.get_loop()):
            state = "running"
        elif task._fut_waiter is None or task._fut_waiter.done():  # its step or wakeup is scheduled
            state = "ready"
        else:
            state = "waiting"
        try:
            graph = asyncio.capture_call_graph(task)
        except Exception:
            graph = None
        awaited_by = []
        stack = []
        if graph is not None:
            _awaiting_tasks(graph.awaited_by, number, awaited_by, set())
            for entry in reversed(graph.call_stack):  # capture_call_graph lists innermost first
                code = entry.frame.f_code
                if code.co_filename.startswith(_KERNEL_DIR):
                    continue  # the cell runner's wrapper around a cell's top-level await
                stack.append({"name": code.co_qualname, "file": code.co_filename, "line": entry.frame.f_lineno})
        return {"task": number(task), "name": task.get_name(), "state": state,
                "awaitedBy": awaited_by, "stack": stack}


def _awaiting_tasks(graphs, number, found, seen):
    """The tasks in an awaited_by tree, looking through futures that are not tasks (gather's)."""
    for graph in graphs:
        future = graph.future
        if id(future) in seen:
            continue
        seen.add(id(future))
        if isinstance(future, _Task):
            task = number(future)
            if task not in found:
                found.append(task)
        else:
            _awaiting_tasks(graph.awaited_by, number, found, seen)


def steps_note(steps):
    """Why the trace's steps stop where they do, worded for people (or None)."""
    if steps is None:
        return None
    if steps.error is not None:
        return f"Loop steps stopped at step {steps.count}: the snapshot failed ({steps.error})."
    if steps.capped:
        return f"Only the first {steps.max_steps:,} loop steps were recorded."
    return None

