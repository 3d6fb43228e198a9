"""Tracebacks that show the learner's code and not the kernel running it."""

import os
import traceback

_KERNEL_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep
# Formatting a RecursionError's million frames takes a minute in WebAssembly. Keep the
# outermost frames (where the learner's code started) and the innermost ones.
_OUTER_FRAMES = 10
_INNER_FRAMES = 990


def _is_kernel_frame(tb):
    return tb.tb_frame.f_code.co_filename.startswith(_KERNEL_DIR)


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
