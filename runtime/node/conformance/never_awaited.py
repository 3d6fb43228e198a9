# conformance: cpython311
"""Forgetting `await`: CPython's RuntimeWarning, where and when CPython prints it."""
import asyncio
import atexit


async def greet():
    print("never printed")


atexit.register(print, "atexit: handlers run before the script's globals are dropped")
greet()  # dropped at once: the warning names this line
kept = greet()  # dropped at exit, with the script's globals: the warning comes from "sys:1"
print("end of script")
