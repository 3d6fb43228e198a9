# conformance: cpython311
"""Lock, Event, Semaphore and Condition (docs: Synchronization Primitives)."""
import asyncio


async def with_lock(name, lock, log):
    async with lock:
        log.append(f"{name} acquired")
        await asyncio.sleep(0.01)
        log.append(f"{name} released")


async def waiter(name, event):
    print(f"{name} waits for the event")
    await event.wait()
    print(f"{name} saw the event")


async def limited(name, semaphore, running, peak):
    async with semaphore:
        running.add(name)
        peak.append(len(running))
        await asyncio.sleep(0.01)
        running.discard(name)


async def consumer(name, condition, items):
    async with condition:
        await condition.wait_for(lambda: items)
        print(f"{name} consumed {items.pop(0)}")


async def main():
    lock = asyncio.Lock()
    log = []
    await asyncio.gather(*(with_lock(name, lock, log) for name in "abc"))
    print(log)
    print("locked after:", lock.locked())

    event = asyncio.Event()
    waiters = [asyncio.create_task(waiter(f"waiter-{i}", event)) for i in range(3)]
    await asyncio.sleep(0.01)
    print("setting the event")
    event.set()
    await asyncio.gather(*waiters)
    print("is_set:", event.is_set())

    semaphore = asyncio.Semaphore(2)
    running, peak = set(), []
    await asyncio.gather(*(limited(i, semaphore, running, peak) for i in range(5)))
    print("most at once:", max(peak))

    bounded = asyncio.BoundedSemaphore(1)
    await bounded.acquire()
    bounded.release()
    try:
        bounded.release()
    except ValueError as error:
        print("BoundedSemaphore:", error)

    condition = asyncio.Condition()
    items = []
    consumers = [asyncio.create_task(consumer(f"consumer-{i}", condition, items)) for i in range(3)]
    await asyncio.sleep(0.01)
    async with condition:
        items.append("first")
        condition.notify(1)
    await asyncio.sleep(0.01)
    async with condition:
        items.extend(["second", "third"])
        condition.notify_all()
    await asyncio.gather(*consumers)

    try:
        lock.release()
    except RuntimeError as error:
        print("release unlocked:", error)


asyncio.run(main())
