# conformance: 3.12+ behaviour, so the expected output is derived
"""What changed in asyncio after 3.11, as CPython 3.14 does it.

How changes_since_311.expected was derived, from CPython 3.14's Lib/asyncio:
- events.get_event_loop() without a current loop raises RuntimeError "There is no current
  event loop in thread 'MainThread'." (3.14; 3.12-3.13 warned and created one);
- runners.Runner.run() wraps any awaitable (3.12+), and raises TypeError "An
  asyncio.Future, a coroutine or an awaitable is required" for anything else;
- timeouts.Timeout.__aexit__ raises TimeoutError `from` the CancelledError it converted
  (3.12+), so the error's __cause__ is that CancelledError;
- tasks.wait_for() is built on timeouts.timeout() (3.12+): same cause;
- TaskGroup.create_task() on a finished group closes the coroutine and raises
  RuntimeError "TaskGroup <repr> is finished" (3.13+).
"""
import asyncio

try:
    asyncio.get_event_loop()
except RuntimeError as error:
    print("get_event_loop:", error)


class Awaitable:
    def __await__(self):
        return (yield from asyncio.sleep(0, result="awaited").__await__())


print("asyncio.run(awaitable):", asyncio.run(Awaitable()))
try:
    asyncio.run(42)
except TypeError as error:
    print("asyncio.run(42):", error)


async def main():
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(10)
    except TimeoutError as error:
        print("timeout cause:", type(error.__cause__).__name__)
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.01)
    except TimeoutError as error:
        print("wait_for cause:", type(error.__cause__).__name__)
    async with asyncio.TaskGroup() as group:
        pass
    coro = asyncio.sleep(0)
    try:
        group.create_task(coro)
    except RuntimeError as error:
        print("finished group:", str(error).replace(repr(group), "<group>"), "| coroutine closed:", coro.cr_frame is None)


asyncio.run(main())
