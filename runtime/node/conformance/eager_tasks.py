# conformance: 3.12+ (eager tasks), so the expected output is derived, not measured
"""Eager task execution (docs: Coroutines and Tasks > Eager Task Factory).

How eager_tasks.expected was derived, from CPython 3.14's Lib/asyncio/tasks.py and the docs:
- a lazy task (the default) only starts at the loop's next iteration, so "lazy created" is
  printed before the task's first line;
- with `eager_task_factory`, `Task.__init__(..., eager_start=True)` runs the coroutine
  synchronously inside create_task() up to its first blocking await ("eager: started" comes
  before "eager created"), and the rest runs from the loop as usual;
- a coroutine that returns without blocking completes inside create_task(): the task is
  done() at once, and its result is there;
- `loop.create_task(..., eager_start=True)` (3.14) starts a single task eagerly without the
  factory; the factory can be removed with set_task_factory(None).
- asyncio.sleep(0) yields once ("resumed" lines follow the caller's next await).
"""
import asyncio


async def child(name):
    print(f"{name}: started")
    await asyncio.sleep(0)
    print(f"{name}: resumed")
    return name


async def no_await():
    return "finished without awaiting"


async def main():
    loop = asyncio.get_running_loop()

    task = asyncio.create_task(child("lazy"))
    print("lazy created, done:", task.done())
    await task

    loop.set_task_factory(asyncio.eager_task_factory)
    task = asyncio.create_task(child("eager"))
    print("eager created, done:", task.done())
    await task

    task = asyncio.create_task(no_await())
    print("eager without await, done:", task.done(), "| result:", task.result())

    loop.set_task_factory(None)
    task = loop.create_task(child("eager_start"), eager_start=True)
    print("eager_start created, done:", task.done())
    await task

    tasks = [asyncio.create_task(child(f"lazy-{i}")) for i in range(2)]
    print("two lazy tasks created")
    await asyncio.gather(*tasks)


asyncio.run(main())
