# conformance: 3.14 (messages name asyncio's own lines), so the expected output is derived
"""Debug mode (docs: Developing with asyncio): slow callbacks, never-awaited coroutines,
and task exceptions that nobody retrieved.

How debug_mode.expected was derived, from CPython 3.14's Lib/asyncio, Lib/_py_warnings.py
and Modules/_asynciomodule.c:
- base_events._run_once times each callback in debug mode and logs "Executing %s took
  %.3f seconds" (logger "asyncio", printed by logging's last-resort handler as the bare
  message) when it took >= loop.slow_callback_duration; the callback is slow()'s Task step, formatted by
  base_tasks._task_repr: state, name, coro (done: "defined at" the `async def` line),
  result, and "created at" the last entry of the task's source traceback;
- the C Task records that source traceback with traceback.extract_stack() from the
  innermost Python frame, loop.create_task(); BaseEventLoop.create_task deletes that
  entry, so the last one is asyncio.tasks.create_task's `return loop.create_task(...)`
  (tasks.py:395) - this is CPython's own (odd) output;
- debug mode tracks coroutine origins (10 frames); an unawaited coroutine dropped at once
  warns from _warn_unawaited_coroutine: "FILE:LINE: RuntimeWarning: coroutine 'forgotten'
  was never awaited", "Coroutine created at (most recent call last)" and the origin frames
  from <module> through the loop (runners.py:204/127, base_events.py:706/677/2038,
  events.py:94) to main, then the warning's source line, then warnings' tracemalloc hint;
- deleting the last reference to a failed task whose exception nobody retrieved calls the
  loop's exception handler at once: "Task exception was never retrieved", "future: <Task
  ...>", "source_traceback: Object created at (most recent call last):" (the full stack,
  ending in tasks.py's create_task) and the exception's own traceback.
Stacks end at <module>: the kernel's frames below it are hidden, as CPython has none.
"""
import asyncio
import time


async def slow():
    time.sleep(0.3)


async def fails():
    raise ValueError("never retrieved")


async def forgotten():
    pass


async def main():
    # 0.25 s rather than the default 0.1 s: on a busy machine an ordinary step in debug mode
    # (which records stacks, reading asyncio's sources) can take 0.1 s.
    asyncio.get_running_loop().slow_callback_duration = 0.25
    await asyncio.create_task(slow(), name="slow")
    forgotten()
    task = asyncio.create_task(fails(), name="fails")
    await asyncio.sleep(0.01)
    del task
    print("main: done")


asyncio.run(main(), debug=True)
