"""The trace as JSON-ready data, in the format docs/TRACE.md describes (version 1)."""

import sys

FORMAT = "awaitable-trace"
VERSION = 1


def _wait(wait):
    kind, label, task, seconds = wait
    described = {"kind": kind, "label": label}
    if task is not None:
        described["task"] = task
    if seconds is not None:
        described["seconds"] = seconds
    return described


def _event(raw, origin, slow_ns):
    kind = raw[0]
    if kind == "slice":
        _, task, start, end, outcome, wait, *eager = raw  # wait: what it waits for, or the exception's class
        event = {"type": "slice", "task": task, "start": start - origin, "end": end - origin,
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
        return {"type": "callback", "name": name, "start": start - origin, "end": end - origin,
                "blocking": end - start >= slow_ns}
    if kind == "ready" or kind == "cancel":
        return {"type": kind, "task": raw[2], "t": raw[1] - origin}
    if kind == "create":
        _, t, task, name, coro, parent = raw
        return {"type": "create", "task": task, "t": t - origin, "name": name, "coro": coro, "parent": parent}
    if kind == "timer":
        _, t, due, name = raw
        return {"type": "timer", "t": t - origin, "due": due - origin, "name": name}
    if kind == "select":
        _, start, end, timeout = raw
        return {"type": "select", "start": start - origin, "end": end - origin, "timeout": timeout}
    _, start, end, task, call = raw  # "block"
    return {"type": "block", "call": call, "task": task, "start": start - origin, "end": end - origin,
            "blocking": end - start >= slow_ns}


def to_data(recorder):
    origin = recorder.started_ns
    data = {
        "format": FORMAT,
        "version": VERSION,
        "python": sys.version.split()[0],
        "duration": recorder.ended_ns - origin,
        "slowThreshold": recorder.slow_ns,
        "maxEvents": recorder.max_events,
        "dropped": recorder.dropped,
        "events": [_event(raw, origin, recorder.slow_ns) for raw in recorder.events],
    }
    if recorder.dropped:
        data["note"] = (f"{recorder.dropped:,} events were dropped: a trace keeps its first "
                        f"{recorder.max_events:,} events.")
    return data
