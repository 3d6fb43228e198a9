# conformance: cpython311 timed
"""Sleeping tasks run concurrently; time.sleep blocks the whole loop (docs: Coroutines)."""
import asyncio
import time


async def nap(name, seconds):
    await asyncio.sleep(seconds)
    return name


async def blocking(name, seconds):
    time.sleep(seconds)
    return name


async def main():
    loop = asyncio.get_running_loop()

    started = loop.time()
    print(await asyncio.gather(*(nap(f"task-{i}", 0.5) for i in range(5))))
    print(f"five concurrent 0.5 s sleeps: elapsed {loop.time() - started:.3f}s")

    started = loop.time()
    for i in range(3):
        await nap(i, 0.1)
    print(f"three sequential 0.1 s sleeps: elapsed {loop.time() - started:.3f}s")

    started = time.monotonic()
    print(await asyncio.gather(blocking("a", 0.15), blocking("b", 0.15)))
    print(f"two blocking 0.15 s sleeps: elapsed {time.monotonic() - started:.3f}s")

    order = []
    for delay in (0.03, 0.01, 0.02):
        loop.call_later(delay, order.append, delay)
    loop.call_soon(order.append, "soon")
    await asyncio.sleep(0.05)
    print("callbacks ran in order:", order)


asyncio.run(main())
