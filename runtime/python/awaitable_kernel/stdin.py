"""sys.stdin for the kernel: a read blocks until the page provides a line, or end of file.

`input()` and pdb read through sys.stdin, so both work unchanged. The host's
`read_line()` returns the line (with its newline), "" for end of file, or the
number of a signal that arrived while it waited.
"""

import io
import sys

from .event_loop import deliver_signal

_read_line = None


class _StdinChannel(io.RawIOBase):
    name = "<stdin>"

    def __init__(self):
        super().__init__()
        self._pending = b""

    def readable(self):
        return True

    def readinto(self, buffer):
        while not self._pending:
            reply = _read_line()
            if isinstance(reply, int):
                # A handler that returns (or SIG_IGN) resumes the read, as PEP 475 has it.
                deliver_signal(reply, sys._getframe(1))
                continue
            if not reply:
                return 0
            self._pending = reply.encode("utf-8")
        count = min(len(buffer), len(self._pending))
        buffer[:count] = self._pending[:count]
        self._pending = self._pending[count:]
        return count


def install(read_line):
    """Make sys.stdin (and sys.__stdin__) read through the host's read_line()."""
    global _read_line
    _read_line = read_line
    stream = io.TextIOWrapper(io.BufferedReader(_StdinChannel()), encoding="utf-8")
    stream.mode = "r"
    sys.stdin = sys.__stdin__ = stream
