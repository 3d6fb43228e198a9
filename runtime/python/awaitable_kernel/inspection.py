"""Running learner code with the event loop traced and its bytecode described.

The kernel's `inspect` run option comes here: the code runs through the cell runner
exactly as an uninspected run does (same output, value and traceback), with tracing on
around it. What was inspected comes back as JSON text beside the outcome, or, when the
inspection itself failed, as an error worded for a learner; the run's outcome stands
either way.
"""

import json

from . import bytecode, cell_runner, tracing

# The protocol carries at most 32 MiB of JSON per inspection (runtime/protocol.ts).
MAX_JSON = 32 * 1024 * 1024


def _to_json(data, what):
    text = json.dumps(data, separators=(",", ":"))
    if len(text) > MAX_JSON:
        mib = len(text) / (1024 * 1024)
        raise ValueError(f"The {what} is too large to show ({mib:.0f} MiB; at most {MAX_JSON // (1024 * 1024)} MiB).")
    return text


def _reason(exc):
    return str(exc) or type(exc).__name__


def _start_trace(options):
    """Start tracing; None, or the reason it could not start."""
    try:
        tracing.start(
            max_events=options.get("maxEvents", tracing.DEFAULT_MAX_EVENTS),
            slow_seconds=options.get("slowSeconds", tracing.DEFAULT_SLOW_SECONDS),
            steps=bool(options.get("steps", False)),
            max_steps=options.get("maxSteps", tracing.DEFAULT_MAX_STEPS),
        )
    except Exception as exc:
        return f"The event loop could not be traced: {_reason(exc)}"
    return None


def _stop_trace():
    try:
        return {"json": _to_json(tracing.stop(), "trace")}
    except BaseException as exc:  # an interrupt while writing it loses the trace, not the run
        return {"error": f"The trace could not be written: {_reason(exc)}"}


def _bytecode(source, filename, mode):
    try:
        if mode == "cell":
            codes = cell_runner._compile_cell(source, filename)
        else:
            codes = (compile(source, filename, "exec", dont_inherit=True),)
    except SyntaxError:
        return {"error": "The code has a syntax error, so it has no bytecode to show."}
    try:
        return {"json": _to_json(bytecode.describe(codes, source, filename), "bytecode")}
    except BaseException as exc:
        return {"error": f"The bytecode could not be read: {_reason(exc)}"}


def _inspected(run, source, filename, mode, options_json):
    options = json.loads(options_json)
    trace_options = options.get("trace")
    inspection = {}
    if trace_options is not None:
        error = _start_trace(trace_options)
        if error is not None:
            inspection["trace"] = {"error": error}
            trace_options = None
    try:
        outcome = run()
    finally:
        if trace_options is not None:
            inspection["trace"] = _stop_trace()
    if options.get("bytecode"):
        inspection["bytecode"] = _bytecode(source, filename, mode)
    outcome["inspection"] = inspection
    return outcome


def run_cell_inspected(source, filename, options_json):
    """cell_runner.run_cell, inspected; options_json: the run's `inspect` option as JSON."""
    return _inspected(lambda: cell_runner.run_cell(source, filename), source, filename, "cell", options_json)


def run_script_inspected(source, filename, argv, options_json):
    """cell_runner.run_script, inspected."""
    return _inspected(lambda: cell_runner.run_script(source, filename, argv), source, filename, "script", options_json)
