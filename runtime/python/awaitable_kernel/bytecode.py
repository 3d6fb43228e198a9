"""The bytecode of the functions a cell (or script) defines, for the bytecode view.

`describe(source, filename, mode)` compiles the code exactly as the cell runner does and
returns, in the format docs/TRACE.md describes ("Bytecode"), `dis` of every function the
code defines at top level (methods of its classes included), each with the code objects
nested in it. The opcodes that make a coroutine a coroutine carry a role and one sentence
for a learner. PEP 649's generated `__annotate__` functions are left out: nobody wrote them.
"""

import dis
import inspect
import sys

FORMAT = "awaitable-bytecode"
VERSION = 1
# A trace's JSON is capped at 32 MiB; an instruction is ~150 bytes of it.
MAX_INSTRUCTIONS = 50_000

_FLAG_NAMES = {flag: f"CO_{name}" for flag, name in dis.COMPILER_FLAG_NAMES.items()}


class TooMuchCode(Exception):
    pass


def _kind(code):
    flags = code.co_flags
    if flags & inspect.CO_COROUTINE:
        return "coroutine"
    if flags & inspect.CO_ASYNC_GENERATOR:
        return "async generator"
    if flags & inspect.CO_GENERATOR:
        return "generator"
    return "function"


def _flags(code):
    return [name for flag, name in sorted(_FLAG_NAMES.items()) if code.co_flags & flag]


def _is_generated(code):
    return code.co_name.startswith("__annotate")


def _nested(code):
    """The code objects in `code`'s constants, in source order, generated ones left out."""
    found = [const for const in code.co_consts if inspect.iscode(const) and not _is_generated(const)]
    return sorted(found, key=lambda const: const.co_firstlineno)


def _top_level(code):
    """Functions defined by module (or class body) code; class bodies are looked through."""
    functions = []
    for const in _nested(code):
        if const.co_flags & inspect.CO_OPTIMIZED:
            functions.append(const)
        else:  # a class body: its methods
            functions.extend(_top_level(const))
    return functions


_AWAITED = {0: "the value being awaited", 1: "what __aenter__ returned", 2: "what __aexit__ returned"}
_RESUMED = {
    1: "after a `yield`, with the value the caller sent in",
    2: "after a `yield from`, when the inner generator finished",
    3: "when the awaited object is done: the event loop woke the task and drove the coroutine again",
}
_OBJECT = {"coroutine": "a coroutine object", "async generator": "an async generator object",
           "generator": "a generator object", "function": "a generator object"}


def _on(line):
    return "" if line is None else f" (line {line})"


def _role(instruction, previous, kind):
    """(role, note) for an instruction, or (None, None)."""
    op, arg, line = instruction.opname, instruction.arg, instruction.line_number
    on = _on(line)
    if op == "RETURN_GENERATOR":
        return "setup", (f"Calling the function stops here and returns {_OBJECT[kind]}: "
                         "none of its body runs until something drives it (an await, a task, a loop).")
    if op == "POP_TOP" and previous is not None and previous.opname == "RETURN_GENERATOR":
        return "setup", "Drops the None sent in to start it: the body begins after this."
    if op == "RESUME":
        where = (arg or 0) & 3
        if where == 0:
            if kind == "function":
                return "resume", "The function's body starts here."
            driven = "driven" if kind == "coroutine" else "iterated"
            return "resume", f"The body starts here, the first time the {kind} is {driven}."
        return "resume", f"Execution continues here{on} {_RESUMED[where]}."
    if op == "GET_AWAITABLE":
        return "await", (f"The start of an `await`{on}: turns {_AWAITED.get(arg, 'the value')} into an "
                         "iterator to drive (calls its __await__).")
    if op == "GET_AITER":
        return "await", f"`async for`{on}: calls __aiter__ on the object to loop over."
    if op == "GET_ANEXT":
        return "await", f"`async for`{on}: calls __anext__, an awaitable for the next item, awaited next."
    if op in ("BEFORE_ASYNC_WITH", "LOAD_SPECIAL") and (op == "BEFORE_ASYNC_WITH" or instruction.argrepr in ("__aenter__", "__aexit__")):
        method = "__aenter__" if op == "BEFORE_ASYNC_WITH" else instruction.argrepr
        return "await", f"`async with`{on}: looks up {method}, whose result is awaited."
    if op == "SEND":
        return "send", (f"Drives the awaited object one step{on}: sends it a value; if it finishes, "
                        "its result is the await's value, otherwise what it yields goes up to the event loop.")
    if op == "YIELD_VALUE":
        if arg and kind in ("coroutine", "async generator"):
            return "suspend", (f"Suspends the coroutine{on}: what the awaited object yielded (for asyncio, a future) "
                               "goes up to the task, and the loop runs other tasks until that future is done.")
        if arg:
            return "suspend", f"Pauses here{on}: passes on what the inner generator yielded to whoever drives this one."
        return "suspend", f"`yield`{on}: hands a value to the caller and pauses here until it asks for the next."
    if op == "END_SEND":
        return "cleanup", f"The awaited object finished{on}: drops it and keeps its result, the value of the `await`."
    if op == "CLEANUP_THROW":
        return "cleanup", ("If an exception thrown in while suspended (CancelledError from task.cancel()) ended "
                           "the awaited object, takes its result; otherwise the exception goes on from the `await`.")
    if op == "END_ASYNC_FOR":
        return "cleanup", f"`async for`{on} ends here: its iterator raised StopAsyncIteration."
    if op in ("RETURN_VALUE", "RETURN_CONST"):
        if kind == "coroutine":
            return "return", f"Returns{on}: the coroutine finishes, and its value is the await's result (or the task's)."
        if kind == "function":
            return "return", f"Returns the value to the caller{on}."
        return "return", f"Ends the {kind}{on}."
    return None, None


class _Budget:
    def __init__(self):
        self.left = MAX_INSTRUCTIONS

    def spend(self, count):
        self.left -= count
        if self.left < 0:
            raise TooMuchCode(f"This code is too big to show as bytecode (more than {MAX_INSTRUCTIONS:,} instructions).")


def _instructions(code, kind, budget):
    instructions = []
    previous = None
    for instruction in dis.get_instructions(code):
        role, note = _role(instruction, previous, kind)
        described = {
            "offset": instruction.offset,
            "opname": instruction.opname,
            "arg": instruction.arg,
            "argrepr": instruction.argrepr,
            "line": instruction.line_number,
            "isJumpTarget": instruction.is_jump_target,
            "role": role,
        }
        if note is not None:
            described["note"] = note
        instructions.append(described)
        previous = instruction
    budget.spend(len(instructions))
    return instructions


def _code_object(code, budget):
    kind = _kind(code)
    return {
        "name": code.co_name,
        "qualname": code.co_qualname,
        "firstLine": code.co_firstlineno,
        "kind": kind,
        "flags": _flags(code),
        "instructions": _instructions(code, kind, budget),
        "children": [_code_object(child, budget) for child in _nested(code)],
    }


def describe(codes, source, filename):
    """The bytecode of the functions `codes` (a run's compiled module code objects) define."""
    budget = _Budget()
    functions = [function for code in codes if code is not None for function in _top_level(code)]
    functions.sort(key=lambda code: code.co_firstlineno)
    return {
        "format": FORMAT,
        "version": VERSION,
        "python": sys.version.split()[0],
        "filename": filename,
        "source": [{"line": number, "text": text} for number, text in enumerate(source.splitlines(), start=1)],
        "functions": [_code_object(code, budget) for code in functions],
    }
