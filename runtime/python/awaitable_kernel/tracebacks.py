"""Tracebacks and stacks that show the learner's code and not the kernel running it."""

import os
import sys
import traceback
import warnings

_KERNEL_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep
# Formatting a RecursionError's million frames takes a minute in WebAssembly. Keep the
# outermost frames (where the learner's code started) and the innermost ones.
_OUTER_FRAMES = 10
_INNER_FRAMES = 990


def _is_kernel_file(filename):
    return filename.startswith(_KERNEL_DIR)


def _is_kernel_frame(tb):
    return _is_kernel_file(tb.tb_frame.f_code.co_filename)


def _trim(exc, user_filenames):
    """Drop the frames before the learner's first frame, every kernel frame, and the
    middle of very deep tracebacks."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename not in user_filenames:
        tb = tb.tb_next
    kept = []
    while tb is not None:
        if not _is_kernel_frame(tb):
            kept.append(tb)
        tb = tb.tb_next
    if len(kept) > _OUTER_FRAMES + _INNER_FRAMES:
        omitted = len(kept) - _OUTER_FRAMES - _INNER_FRAMES
        kept = kept[:_OUTER_FRAMES] + kept[-_INNER_FRAMES:]
        exc.add_note(f"({omitted} frames in the middle of this traceback are not shown)")
    for current, following in zip(kept, kept[1:] + [None]):
        current.tb_next = following
    return kept[0] if kept else None


def _trim_all(exc, user_filenames, seen):
    if exc is None or id(exc) in seen:
        return
    seen.add(id(exc))
    exc.__traceback__ = _trim(exc, user_filenames)
    _trim_all(exc.__cause__, user_filenames, seen)
    _trim_all(exc.__context__, user_filenames, seen)
    if isinstance(exc, BaseExceptionGroup):
        for inner in exc.exceptions:
            _trim_all(inner, user_filenames, seen)


def type_name(exc):
    cls = type(exc)
    if cls.__module__ in ("builtins", "__main__"):
        return cls.__qualname__
    return f"{cls.__module__}.{cls.__qualname__}"


def _safe_str(exc):
    try:
        return str(exc)
    except BaseException:
        return f"<exception str() failed>"


def describe(exc, user_filenames):
    """Trim the exception's frames in place and return it as the protocol's error dict."""
    _trim_all(exc, frozenset(user_filenames), set())
    try:
        text = "".join(traceback.format_exception(exc))
    except BaseException as failure:
        text = f"{type_name(exc)}: {_safe_str(exc)}\n(formatting the traceback failed: {failure!r})\n"
    return {"type": type_name(exc), "message": _safe_str(exc), "traceback": text}


def _walk_stack(f):
    """traceback.walk_stack, ending where the kernel's frames begin (below the learner's
    outermost frame), as a stack in CPython ends at <module>."""
    if f is None:
        f = sys._getframe().f_back

    def walk_stack_generator(frame):
        while frame is not None and not _is_kernel_file(frame.f_code.co_filename):
            yield frame, frame.f_lineno
            frame = frame.f_back

    return walk_stack_generator(f)


def _warn_unawaited_coroutine(coro):
    """warnings._warn_unawaited_coroutine (3.14), without the kernel's frames in the
    coroutine's origin. When the kernel itself dropped the coroutine (clearing a script's
    globals, as CPython's shutdown does), the warning reads as CPython's does then:
    located at "sys:1", and without the tracemalloc hint (imports fail at shutdown)."""
    msg_lines = [f"coroutine '{coro.__qualname__}' was never awaited\n"]
    if coro.cr_origin is not None:
        import linecache

        origin = [entry for entry in coro.cr_origin if not _is_kernel_file(entry[0])]
        extracted = [(name, line, func, linecache.getline(name, line)) for name, line, func in reversed(origin)]
        msg_lines.append("Coroutine created at (most recent call last)\n")
        msg_lines += traceback.format_list(extracted)
    msg = "".join(msg_lines).rstrip("\n")
    caller = sys._getframe(1)
    if _is_kernel_file(caller.f_code.co_filename):
        warnings.warn_explicit(msg, RuntimeWarning, "sys", 1, module="sys")
    else:
        warnings.warn(msg, category=RuntimeWarning, stacklevel=2, source=coro)


def install():
    """Hide the kernel's frames from stacks that Python prints outside tracebacks:
    traceback.print_stack() and friends, asyncio's debug-mode "created at" stacks, and
    the origin of a never-awaited coroutine."""
    traceback.walk_stack = _walk_stack
    warnings._warn_unawaited_coroutine = _warn_unawaited_coroutine

