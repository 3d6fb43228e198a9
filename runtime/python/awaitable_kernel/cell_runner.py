"""Runs learner code: notebook cells (shared namespace, top-level await) and scripts."""

import ast
import asyncio
import atexit
import builtins
import gc
import inspect
import linecache
import sys

from . import tracebacks

_user_filenames = set()
_cell_namespace = {"__name__": "__main__", "__builtins__": builtins}


def _register_source(source, filename):
    lines = source.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    linecache.cache[filename] = (len(source), None, lines, filename)
    _user_filenames.add(filename)


def _compile_cell(source, filename):
    """Compile a cell into its body and its trailing expression (or None)."""
    flags = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
    tree = compile(source, filename, "exec", flags | ast.PyCF_ONLY_AST, dont_inherit=True)
    trailing = None
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        trailing = ast.Expression(tree.body.pop().value)
        trailing = compile(trailing, filename, "eval", flags, dont_inherit=True)
    body = compile(tree, filename, "exec", flags, dont_inherit=True)
    return body, trailing


def _is_coroutine_code(code):
    return code is not None and bool(code.co_flags & inspect.CO_COROUTINE)


def _evaluate_cell(body, trailing, namespace):
    """Run a cell; if it awaits at top level, run it as the main task of a fresh loop."""
    if not (_is_coroutine_code(body) or _is_coroutine_code(trailing)):
        exec(body, namespace)
        return None if trailing is None else eval(trailing, namespace)

    async def cell():
        if _is_coroutine_code(body):
            await eval(body, namespace)
        else:
            exec(body, namespace)
        if trailing is None:
            return None
        value = eval(trailing, namespace)
        return (await value) if _is_coroutine_code(trailing) else value

    # A trace names the task by its coroutine: the cell's top level, not this wrapper.
    cell.__name__ = cell.__qualname__ = body.co_filename
    with asyncio.Runner() as runner:
        return runner.run(cell())


def _flush_streams():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BaseException:
            pass


def _failure(exc):
    sys.last_exc = exc
    sys.last_type, sys.last_value, sys.last_traceback = type(exc), exc, exc.__traceback__
    status = "interrupted" if isinstance(exc, KeyboardInterrupt) else "error"
    return {"status": status, "error": tracebacks.describe(exc, _user_filenames)}


def run_cell(source, filename):
    """Run one notebook cell; the trailing expression's repr is its value."""
    _register_source(source, filename)
    try:
        body, trailing = _compile_cell(source, filename)
        value = _evaluate_cell(body, trailing, _cell_namespace)
        if value is None:
            return {"status": "ok"}
        _cell_namespace["_"] = value
        return {"status": "ok", "value": repr(value)}
    except BaseException as exc:
        return _failure(exc)
    finally:
        _flush_streams()


def complete(source, cursor):
    """Names for the editor, completing the one that ends at cursor."""
    from .completion import complete as complete_in

    return complete_in(source, cursor, _cell_namespace)


def _exit_code(exc):
    """The process exit status CPython gives a SystemExit, printing its message if any."""
    code = exc.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def run_script(source, filename, argv):
    """Run a whole file as `python FILE` would, in a namespace of its own.

    filename is the absolute path (tracebacks, __file__); argv is sys.argv, whose
    first item is the path as the user typed it. Like `python FILE`, it prints an
    uncaught exception's traceback to stderr, runs atexit handlers, then drops the
    script's globals, so that finalizers run (and warn) within the run.
    """
    _register_source(source, filename)
    namespace = {"__name__": "__main__", "__file__": filename, "__builtins__": builtins}
    sys.argv = [str(arg) for arg in argv] or [filename]
    result = {"status": "ok", "exit_code": 0}
    try:
        exec(compile(source, filename, "exec", dont_inherit=True), namespace)
    except SystemExit as exc:
        result["exit_code"] = _exit_code(exc)
    except BaseException as exc:
        interrupted = isinstance(exc, KeyboardInterrupt)
        error = tracebacks.describe(exc, _user_filenames)
        print(error["traceback"], end="", file=sys.stderr)
        result = {"status": "interrupted" if interrupted else "error", "error": error, "exit_code": 130 if interrupted else 1}
    try:
        atexit._run_exitfuncs()
    finally:
        namespace.clear()
        gc.collect()
        _flush_streams()
    return result
