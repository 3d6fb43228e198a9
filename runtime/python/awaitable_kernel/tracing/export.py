"""The trace as JSON-ready data, in the format docs/TRACE.md describes (version 2)."""

import sys

from .steps import steps_note

FORMAT = "awaitable-trace"
VERSION = 2


def _wait(wait):
    kind, label, task, seconds = wait
    described = {"kind": kind, "label": label}
    if task is not None:
        described["task"] = task
    if seconds is not None:
        described["seconds"] = seconds
    return described


def _event(raw, ns, slow_ns):
    """One raw event as data; ns(t) turns a perf_counter() reading into ns since the trace began."""
    kind = raw[0]
    if kind == "slice":
        _, task, start, end, outcome, wait, *eager = raw  # wait: what it waits for, or the exception's class
        start, end = ns(start), ns(end)
        event = {"type": "slice", "task": task, "start": start, "end": end,
                 "blocking": end - start >= slow_ns, "outcome": outcome}
        if eager:
            event["eager"] = True
        if outcome == "wait":
            event["wait"] = _wait(wait)
        elif outcome == "exception":
            event["exception"] = wait
        return event
    if kind == "callback":
        _, start, end, name = raw
        start, end = ns(start), ns(end)
        return {"type": "callback", "name": name, "start": start, "end": end, "blocking": end - start >= slow_ns}
    if kind == "ready" or kind == "cancel":
        return {"type": kind, "task": raw[2], "t": ns(raw[1])}
    if kind == "create":
        _, t, task, name, coro, parent = raw
        return {"type": "create", "task": task, "t": ns(t), "name": name, "coro": coro, "parent": parent}
    if kind == "timer":
        _, t, due, name = raw
        return {"type": "timer", "t": ns(t), "due": ns(due), "name": name}
    if kind == "step":
        _, n, t, ready, ready_more, timers, timers_more, tasks, tasks_more = raw
        timers = [{**timer, "due": ns(timer["due"])} for timer in timers]
        return {"type": "step", "n": n, "t": ns(t), "ready": ready, "readyMore": ready_more,
                "timers": timers, "timersMore": timers_more, "tasks": tasks, "tasksMore": tasks_more}
    if kind == "select":
        _, start, end, timeout = raw
        return {"type": "select", "start": ns(start), "end": ns(end), "timeout": timeout}
    _, start, end, task, call = raw  # "block"
    start, end = ns(start), ns(end)
    return {"type": "block", "call": call, "task": task, "start": start, "end": end, "blocking": end - start >= slow_ns}


def to_data(recorder):
    origin = recorder.started

    def ns(t):
        return round((t - origin) * 1e9)

    data = {
        "format": FORMAT,
        "version": VERSION,
        "python": sys.version.split()[0],
        "duration": ns(recorder.ended),
        "slowThreshold": recorder.slow_ns,
        "maxEvents": recorder.max_events,
        "dropped": recorder.dropped,
        "steps": recorder.steps is not None,
        "maxSteps": 0 if recorder.steps is None else recorder.steps.max_steps,
        "events": [_event(raw, ns, recorder.slow_ns) for raw in recorder.events],
    }
    notes = []
    if recorder.dropped:
        notes.append(f"{recorder.dropped:,} events were dropped: a trace keeps its first "
                     f"{recorder.max_events:,} events.")
    step_note = steps_note(recorder.steps)
    if step_note:
        notes.append(step_note)
    if notes:
        data["note"] = " ".join(notes)
    return data
