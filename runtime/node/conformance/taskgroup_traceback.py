# conformance: 3.14 (traceback layout of 3.13+), so the expected output is derived
"""An ExceptionGroup nobody catches: the nested traceback CPython prints, and exit status 1.

How taskgroup_traceback.expected was derived, from CPython 3.14's Lib/traceback.py and
Lib/asyncio (the frames are asyncio's own code path; none of it is the kernel's loop):
- TracebackException.format() prints a group as "  + Exception Group Traceback (most
  recent call last):" with its frames behind "  | ", then each sub-exception in a box
  opened by "+-+---------------- 1 ----------------" (the first) or
  "+---------------- 2 ----------------", closed by "+------------------------------------";
- the group's frames: <module> (asyncio.run), runners.py:204 run, runners.py:127 Runner.run,
  base_events.py:719 run_until_complete (`return future.result()`), main's `async with`
  line, taskgroups.py:72 __aexit__ and taskgroups.py:174 _aexit, whose
  `raise BaseExceptionGroup(...) from None` spans four lines: 3.13+ print the first and
  the last with "...<2 lines>..." between;
- 3.13+ underline a call with ~ (the callee) and ^ (its arguments) when it is part of the
  line; the __aexit__ call of an `async with` is located at its context expression;
- each sub-exception's traceback is its task's coroutine frame only (the Task's step is C);
- the message counts the sub-exceptions: "unhandled errors in a TaskGroup (2 sub-exceptions)";
- an uncaught exception makes the exit status 1.
"""
import asyncio


async def fail(error):
    await asyncio.sleep(0)
    raise error


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail(ValueError("first")))
        tg.create_task(fail(KeyError("second")))


asyncio.run(main())
