/**
 * The Python program each sandbox runs (`python3 -I -u -B -c DRIVER`). It reads its request
 * from stdin (`encodeDriverInput`), then runs the setup cells and the cell (or script) in one
 * fresh `__main__` namespace, as a notebook would: top-level `await`, the repr of a trailing
 * expression, and tracebacks that show only the learner's frames (`<setup-N>`, and `<cell>` or the given file name).
 *
 * Exit status: 0 when every cell ran, 1 after an uncaught exception (traceback on stderr), 130
 * after KeyboardInterrupt, or what `sys.exit` asked for. A top-level MemoryError also writes
 * `memory` on fd 3, so the host can say the memory limit ended the run. The learner's code could
 * write there too: it can only mislabel its own run.
 *
 * Kept to Python 3.10 (Ubuntu 22.04's python3). Inside String.raw: no backticks, no dollar-brace.
 */
export const SANDBOX_DRIVER = String.raw`
import _ast, builtins, linecache, os, sys, types  # _ast: the ast module's C half, without its import cost

def _report_memory():
    try:
        os.write(3, b"memory\n")
    except OSError:
        pass

def _learner_tb(tb, filenames):
    while tb is not None and tb.tb_frame.f_code.co_filename not in filenames:
        tb = tb.tb_next
    return tb

def _run_source(source, filename, namespace, script):
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    tree = compile(source, filename, "exec", _ast.PyCF_ONLY_AST, dont_inherit=True)
    trailing = None
    if not script and tree.body and isinstance(tree.body[-1], _ast.Expr):
        trailing = _ast.Expression(tree.body.pop().value)
    flags = _ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
    for node, mode in ((tree, "exec"), (trailing, "eval")):
        if node is None:
            continue
        code = compile(node, filename, mode, flags=flags, dont_inherit=True)
        result = eval(code, namespace)
        if code.co_flags & 0x80:  # CO_COROUTINE: the cell awaits at top level
            import asyncio
            result = asyncio.run(result)
        if mode == "eval" and result is not None:
            print(repr(result))

def _main():
    data = sys.stdin.buffer.read()
    head, _, data = data.partition(b"\n")
    parts = []
    for size in map(int, head.split()):
        parts.append(data[:size].decode("utf-8"))
        data = data[size:]
    sys.stdin.close()
    sys.stdin = open(os.devnull, "r")
    try:
        os.set_inheritable(3, False)
    except OSError:
        pass
    module = types.ModuleType("__main__")
    module.__builtins__ = builtins
    sys.modules["__main__"] = module
    script = parts[0]  # a file run as a script (no trailing repr), or "" for a cell
    sys.argv = [script or "<cell>"]
    cells = [("<setup-%d>" % (i + 1), s) for i, s in enumerate(parts[1:-1])]
    cells.append((script or "<cell>", parts[-1]))
    filenames = set(name for name, _ in cells)
    for filename, source in cells:
        try:
            _run_source(source, filename, module.__dict__, bool(script) and filename == script)
        except SystemExit:
            raise
        except BaseException as error:
            if isinstance(error, MemoryError):
                _report_memory()
            try:
                import traceback
                traceback.print_exception(type(error), error, _learner_tb(error.__traceback__, filenames))
            except MemoryError:
                sys.stderr.write("MemoryError\n")
            sys.stderr.flush()
            raise SystemExit(130 if isinstance(error, KeyboardInterrupt) else 1)

_main()
`;

/** The driver's stdin: byte lengths of the parts on one line, then the parts (script name or "", setup cells..., code). */
export function encodeDriverInput(request: { code: string; setup: string[]; filename?: string }): Buffer {
  const parts = [request.filename ?? '', ...request.setup, request.code].map((part) => Buffer.from(part, 'utf8'));
  return Buffer.concat([Buffer.from(`${parts.map((part) => part.length).join(' ')}\n`), ...parts]);
}
