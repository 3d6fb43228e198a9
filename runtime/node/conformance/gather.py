# conformance: cpython311
"""asyncio.gather, with and without return_exceptions (docs: Running Tasks Concurrently)."""
import asyncio


async def factorial(name, number):
    f = 1
    for i in range(2, number + 1):
        print(f"Task {name}: Compute factorial({number}), currently i={i}...")
        await asyncio.sleep(0.01)
        f *= i
    print(f"Task {name}: factorial({number}) = {f}")
    return f


async def fails(error, delay=0):
    await asyncio.sleep(delay)
    raise error


async def main():
    results = await asyncio.gather(factorial("A", 2), factorial("B", 3), factorial("C", 4))
    print(results)

    results = await asyncio.gather(factorial("D", 2), fails(ValueError("no")), fails(KeyError("k")), return_exceptions=True)
    print(results)

    survivor = asyncio.create_task(factorial("E", 3))
    try:
        await asyncio.gather(survivor, fails(ZeroDivisionError("first error wins")))
    except ZeroDivisionError as error:
        print("gather raised:", repr(error), "| survivor still running:", not survivor.done())
    print("survivor:", await survivor)

    outer = asyncio.gather(asyncio.sleep(10), asyncio.sleep(10))
    await asyncio.sleep(0)
    outer.cancel()
    results = await asyncio.gather(outer, return_exceptions=True)
    print("cancelled gather:", results, outer.cancelled())

    print("empty:", await asyncio.gather())


asyncio.run(main())
