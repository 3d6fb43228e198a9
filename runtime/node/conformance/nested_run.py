# conformance: cpython311
"""asyncio.run inside a running loop fails fast, and the coroutine is never awaited."""
import asyncio


async def inner():
    return "inner"


async def outer():
    try:
        asyncio.run(inner())
    except RuntimeError as error:
        print("nested asyncio.run:", error)
    try:
        asyncio.Runner().run(asyncio.sleep(0))
    except RuntimeError as error:
        print("nested Runner.run:", error)
    loop = asyncio.get_running_loop()
    try:
        loop.run_until_complete(asyncio.sleep(0))
    except RuntimeError as error:
        print("run_until_complete:", error)


asyncio.run(outer())
