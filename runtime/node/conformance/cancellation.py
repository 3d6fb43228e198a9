# conformance: cpython311
"""Cancellation with messages, cancelling()/uncancel() (docs: Task Cancellation)."""
import asyncio


async def sleeper(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as error:
        print(f"{name} inside: {error!r} args={error.args}")
        raise


async def main():
    task = asyncio.create_task(sleeper("first"))
    await asyncio.sleep(0)
    print("cancel() returned", task.cancel("stop now"))
    try:
        await task
    except asyncio.CancelledError as error:
        print(f"outside: {error!r} args={error.args}")
    print("cancelled:", task.cancelled(), "| cancel again:", task.cancel())

    early = asyncio.create_task(sleeper("never started"))
    early.cancel("before it ran")
    try:
        await early
    except asyncio.CancelledError as error:
        print(f"early: {error!r}")

    async def suppresses():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            task = asyncio.current_task()
            print("cancelling() while handled:", task.cancelling())
            task.uncancel()
            return "suppressed"

    task = asyncio.create_task(suppresses())
    await asyncio.sleep(0)
    task.cancel()
    print("result:", await task, "| cancelled:", task.cancelled(), "| cancelling:", task.cancelling())

    plain = asyncio.get_running_loop().create_future()
    plain.cancel(msg="future message")
    try:
        plain.result()
    except asyncio.CancelledError as error:
        print(f"future: {error!r}")
    print("is BaseException, not Exception:", issubclass(asyncio.CancelledError, Exception))


asyncio.run(main())
