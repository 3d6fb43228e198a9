# conformance: cpython311
"""asyncio.shield protects a task from cancellation (docs: Shielding From Cancellation)."""
import asyncio


async def precious(label):
    await asyncio.sleep(0.05)
    print(f"{label}: finished anyway")
    return label


async def main():
    inner = asyncio.create_task(precious("inner"))
    outer = asyncio.shield(inner)
    await asyncio.sleep(0.01)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled:", outer.cancelled(), "| inner cancelled:", inner.cancelled())
    print("inner result:", await inner)

    task = asyncio.create_task(precious("timed"))
    try:
        await asyncio.wait_for(asyncio.shield(task), timeout=0.01)
    except TimeoutError:
        print("wait_for timed out; task done:", task.done())
    print("task result:", await task)

    async def caller():
        return await asyncio.shield(precious("from caller"))

    calling = asyncio.create_task(caller())
    await asyncio.sleep(0.01)
    calling.cancel()
    try:
        await calling
    except asyncio.CancelledError:
        print("caller cancelled")
    await asyncio.sleep(0.06)


asyncio.run(main())
