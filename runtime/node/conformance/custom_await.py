# conformance: cpython311
"""Awaitables other than coroutines: __await__, futures, generator-based coroutines."""
import asyncio
import inspect
import types


class Later:
    """Awaitable that waits, then produces a value: __await__ delegates to a coroutine."""

    def __init__(self, delay, value):
        self.delay = delay
        self.value = value

    def __await__(self):
        yield from asyncio.sleep(self.delay).__await__()
        return self.value


class Ticket:
    """Awaitable built on a future that a timer resolves."""

    def __await__(self):
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        loop.call_later(0.01, future.set_result, "ticket")
        return (yield from future)


class Broken:
    def __await__(self):
        return 42


class BadYield:
    def __await__(self):
        yield "not a future"


@types.coroutine
def old_style():
    value = yield from asyncio.sleep(0.01, result="generator-based")
    return value


async def main():
    print(await Later(0.01, "later"))
    print(await Ticket())
    print(await old_style())
    print("awaitable:", inspect.isawaitable(Later(0, 0)), inspect.isawaitable(42))
    print("gather of awaitables:", await asyncio.gather(Later(0.02, 1), Later(0.01, 2)))
    try:
        await Broken()
    except TypeError as error:
        print("TypeError:", error)
    try:
        await asyncio.ensure_future(BadYield())
    except RuntimeError as error:
        print("RuntimeError:", error)
    print("task of an awaitable:", await asyncio.ensure_future(Later(0, "wrapped")))


asyncio.run(main())
