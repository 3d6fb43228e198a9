# conformance: cpython311
"""TaskGroup and except* (docs: Coroutines and Tasks > Task Groups; Errors > ExceptionGroup)."""
import asyncio


async def fetch(name, delay, error=None):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"{name}: cancelled")
        raise
    if error:
        print(f"{name}: raising {error!r}")
        raise error
    print(f"{name}: done")
    return name


async def main():
    async with asyncio.TaskGroup() as tg:
        first = tg.create_task(fetch("first", 0.02))
        second = tg.create_task(fetch("second", 0.01))
    print("both finished:", first.result(), second.result())

    try:
        async with asyncio.TaskGroup() as tg:
            slow = tg.create_task(fetch("slow", 10))
            # Both fail in the same loop iteration, so both errors are in the group and
            # only "slow" is cancelled (the order of cancellations follows a set's order).
            tg.create_task(fetch("value", 0, ValueError("bad value")))
            tg.create_task(fetch("type", 0, TypeError("bad type")))
    except* ValueError as group:
        print("except* ValueError:", [str(error) for error in group.exceptions])
    except* TypeError as group:
        print("except* TypeError:", [str(error) for error in group.exceptions])
    print("slow was cancelled:", slow.cancelled())

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fetch("key", 0, KeyError("k")))
            tg.create_task(fetch("index", 0, IndexError("i")))
    except ExceptionGroup as group:
        print(repr(group))
        print(group.message, "|", len(group.exceptions), "sub-exceptions")
        matched, rest = group.split(KeyError)
        print("split:", repr(matched), repr(rest))

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fetch("late", 0.01))
            raise RuntimeError("body failed")
    except* RuntimeError as group:
        print("body error joins the group:", group.exceptions)


asyncio.run(main())
