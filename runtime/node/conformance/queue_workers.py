# conformance: cpython311
"""The docs' Queue example (asyncio > Queues), made deterministic.

The docs' workers sleep for random times, so the order of their lines changes from run to
run (and on a busy machine even fixed times can swap two workers). Here a work item is a
number of event loop iterations (`await asyncio.sleep(0)`), so the interleaving depends on
the scheduler alone: the same on every run and in every faithful event loop.
"""
import asyncio

WORK_ITEMS = [4, 2, 3, 3, 3, 10, 2, 2, 2, 4]


async def work(steps):
    for _ in range(steps):
        await asyncio.sleep(0)


async def worker(name, queue):
    while True:
        # Get a "work item" out of the queue.
        steps = await queue.get()

        # Work for that many loop iterations.
        await work(steps)

        # Notify the queue that the "work item" has been processed.
        queue.task_done()

        print(f'{name} has worked for {steps} steps')


async def main():
    # Create a queue that we will use to store our "workload".
    queue = asyncio.Queue()

    # Put the work items into the queue.
    total_steps = 0
    for steps in WORK_ITEMS:
        total_steps += steps
        queue.put_nowait(steps)

    # Create three worker tasks to process the queue concurrently.
    tasks = []
    for i in range(3):
        task = asyncio.create_task(worker(f'worker-{i}', queue))
        tasks.append(task)

    # Wait until the queue is fully processed.
    await queue.join()

    # Cancel our worker tasks.
    for task in tasks:
        task.cancel()
    # Wait until all worker tasks are cancelled.
    results = await asyncio.gather(*tasks, return_exceptions=True)

    print('====')
    print(f'total work: {total_steps} steps')
    print('workers ended with:', [type(result).__name__ for result in results])

    bounded = asyncio.Queue(maxsize=1)
    await bounded.put("a")
    print("full:", bounded.full(), "| qsize:", bounded.qsize())
    try:
        bounded.put_nowait("b")
    except asyncio.QueueFull:
        print("QueueFull")
    print("got:", bounded.get_nowait())
    try:
        bounded.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")

    priorities = asyncio.PriorityQueue()
    for item in [(3, "low"), (1, "high"), (2, "medium")]:
        priorities.put_nowait(item)
    print("priority order:", [priorities.get_nowait()[1] for _ in range(3)])


asyncio.run(main())
