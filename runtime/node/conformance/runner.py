# conformance: cpython311
"""asyncio.Runner: several runs on one loop, debug flag, closing (docs: Runners)."""
import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="none")


async def where():
    return asyncio.get_running_loop()


async def read_var():
    return request_id.get()


async def set_var(value):
    request_id.set(value)


with asyncio.Runner() as runner:
    first = runner.run(where())
    second = runner.run(where())
    print("same loop:", first is second, "| runner's loop:", runner.get_loop() is first)
    print("closed inside:", first.is_closed())
    runner.run(set_var("changed"))
    print("context is kept between runs:", runner.run(read_var()))
print("closed after:", first.is_closed())

try:
    runner.run(where())
except RuntimeError as error:
    print("after close:", error)

with asyncio.Runner(debug=True) as runner:
    print("debug:", runner.get_loop().get_debug())

print("asyncio.run returns:", asyncio.run(asyncio.sleep(0, result="value")))
