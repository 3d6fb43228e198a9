# conformance: cpython311
"""get_running_loop() outside a loop, and what is current inside one."""
import asyncio

try:
    asyncio.get_running_loop()
except RuntimeError as error:
    print("outside:", error)
print("_get_running_loop():", asyncio._get_running_loop())
print("current_task() needs a loop:", end=" ")
try:
    asyncio.current_task()
except RuntimeError as error:
    print(error)


async def main():
    loop = asyncio.get_running_loop()
    print("inside: running", loop.is_running(), "| same as get_event_loop:", loop is asyncio.get_event_loop())
    # Not the names: Task-N counts every task the process (here: the kernel) created.
    print("current task:", asyncio.current_task() in asyncio.all_tasks(), len(asyncio.all_tasks()))


asyncio.run(main())
print("after: no running loop", asyncio._get_running_loop() is None)
