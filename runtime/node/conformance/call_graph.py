# conformance: 3.14+ (call graph introspection), so the expected output is derived, not measured
"""asyncio.print_call_graph and capture_call_graph (docs: Call Graph Introspection).

How call_graph.expected was derived, from CPython 3.14's Lib/asyncio/graph.py:
- format_call_graph() renders each task as "* Task(name=..., id=0x...)", then
  "  + Call stack:" with one "  |   File '...', line N, in [async ]QUALNAME()" line per
  frame, then "  + Awaited by:" with the awaiting tasks rendered 4 spaces deeper;
- for the current task the stack is taken from live frames: print_call_graph() passes
  depth=1 to format_call_graph(), which asks capture_call_graph() for depth + 1 = 2, so
  sys._getframe(2) is print_call_graph's own frame: it is the first line (graph.py:276,
  its `print(...)` line), followed by the coroutine that called it; the walk stops at the
  first coroutine frame called from a non-coroutine frame (the Task's step);
- an awaiting task's stack is its coroutine chain (cr_await), outermost first:
  main() awaits TaskGroup.__aexit__() (taskgroups.py:72, `return await self._aexit(...)`),
  which awaits TaskGroup._aexit() (taskgroups.py:121, `await self._on_completed_fut`); the
  list is reversed before rendering, so _aexit comes first and main last.
- Line numbers in asyncio are 3.14.2's; paths are normalised to <stdlib>/ and <dir>/.
"""
import asyncio


async def test():
    asyncio.print_call_graph()
    graph = asyncio.capture_call_graph()
    print("captured:", graph.future.get_name(), [entry.frame.f_code.co_qualname for entry in graph.call_stack])
    print("awaited by:", [parent.future.get_name() for parent in graph.awaited_by])


async def main():
    # Named, because Task-N counts every task the process (here: the kernel) created.
    asyncio.current_task().set_name("main")
    async with asyncio.TaskGroup() as group:
        group.create_task(test(), name="test")
    print("outside a task:", asyncio.capture_call_graph(asyncio.get_running_loop().create_future()).call_stack)


asyncio.run(main())
