"""What the hooks need to know about tasks, found once rather than on every call."""

import asyncio
import types

_Task = asyncio.Task


def has_started(coro):
    """Did a coroutine run (an eager task's first step)? False for other awaitables."""
    if type(coro) is not types.CoroutineType:
        return False
    return coro.cr_frame is None or coro.cr_suspended


def task_step_type():
    """The type of a C task's step callback (TaskStepMethWrapper), or None: a task's step
    scheduled by call_soon is recognised by its type, without reading its __self__."""
    loop = asyncio.BaseEventLoop()
    coro = _probe()
    try:
        task = _Task(coro, loop=loop)
        task._log_destroy_pending = False
        callback = loop._ready[0]._callback
        step_type = type(callback)
        # A bound method's type (the pure-Python Task's step) is shared by other callbacks.
        return None if step_type is types.MethodType or getattr(callback, "__self__", None) is not task else step_type
    except Exception:
        return None
    finally:
        coro.close()
        loop._ready.clear()
        loop.close()


async def _probe():
    pass
