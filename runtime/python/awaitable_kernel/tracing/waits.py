"""What a suspended task waits for: a sleep, a lock, a queue, another task, a future."""

import asyncio
import types
from asyncio import locks, queues, taskgroups, tasks

# The innermost coroutine of a suspended task names what it waits in.
_KINDS = {
    tasks.sleep.__code__: "sleep",
    locks.Lock.acquire.__code__: "lock",
    locks.Semaphore.acquire.__code__: "semaphore",
    locks.Event.wait.__code__: "event",
    locks.Condition.wait.__code__: "condition",
    queues.Queue.get.__code__: "queue",
    queues.Queue.put.__code__: "queue",
    tasks._wait.__code__: "wait",
    taskgroups.TaskGroup._aexit.__code__: "taskgroup",
}
_Task = asyncio.Task
_GatheringFuture = tasks._GatheringFuture
_MAX_DEPTH = 200
_CoroutineType = types.CoroutineType
_GeneratorType = types.GeneratorType


def _innermost(coro):
    """The innermost coroutine (or generator) in the chain of awaits from `coro`, or None."""
    innermost = None
    for _ in range(_MAX_DEPTH):
        kind = type(coro)
        if kind is _CoroutineType:
            innermost, coro = coro, coro.cr_await
        elif kind is _GeneratorType:
            innermost, coro = coro, coro.gi_yieldfrom
        else:
            break
    return innermost


def describe_wait(task, waiter, task_number):
    """(kind, label, awaited task's number or None, seconds or None) for a suspended task."""
    if isinstance(waiter, _Task):
        return ("task", waiter.get_name(), task_number(waiter), None)
    if isinstance(waiter, _GatheringFuture):
        return ("gather", "gather", None, None)
    innermost = _innermost(task.get_coro())
    if innermost is None:
        return ("future", type(waiter).__qualname__, None, None)
    code = innermost.cr_code if type(innermost) is _CoroutineType else innermost.gi_code
    kind = _KINDS.get(code, "future")
    if kind != "sleep":
        return (kind, code.co_qualname, None, None)
    delay = innermost.cr_frame.f_locals.get("delay")
    return ("sleep", "sleep", None, delay if isinstance(delay, (int, float)) else None)
