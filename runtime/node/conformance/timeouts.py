# conformance: cpython311 timed
"""asyncio.timeout, timeout_at, reschedule and wait_for (docs: Coroutines and Tasks > Timeouts)."""
import asyncio


async def main():
    loop = asyncio.get_running_loop()

    started = loop.time()
    try:
        async with asyncio.timeout(0.2) as cm:
            await asyncio.sleep(10)
    except TimeoutError:
        print("timeout: TimeoutError, expired:", cm.expired())
    print(f"elapsed {loop.time() - started:.3f}s")

    try:
        async with asyncio.timeout(None) as cm:
            cm.reschedule(loop.time() + 0.1)
            await asyncio.sleep(10)
    except TimeoutError:
        print("rescheduled timeout expired:", cm.expired())

    async with asyncio.timeout_at(loop.time() + 10) as cm:
        print("in time:", await asyncio.sleep(0.01, result="done"))
    print("expired:", cm.expired())

    started = loop.time()
    try:
        await asyncio.wait_for(asyncio.sleep(10), timeout=0.3)
    except TimeoutError as error:
        print("wait_for:", type(error).__name__, isinstance(error, asyncio.TimeoutError))
    print(f"elapsed {loop.time() - started:.3f}s")

    print("wait_for in time:", await asyncio.wait_for(asyncio.sleep(0.01, result=42), timeout=1))


asyncio.run(main())
