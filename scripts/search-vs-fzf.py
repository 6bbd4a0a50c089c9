#!/usr/bin/env python3
"""Whole-process `partners search` against `fzf --filter`, in interleaved rounds.

Each round runs every program once; prints the wall and CPU (user + system) time, min and
median, and the largest max RSS. Programs are partners binaries, or `fzf` for
`fzf --filter QUERY < DATA.txt` (the records file next to the RON one).

    python3 scripts/search-vs-fzf.py 6 /tmp/big.ron ugap /tmp/partners-old target/release/partners fzf
"""

import os
import statistics
import subprocess
import sys
import time


def main():
    rounds, data, query, programs = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4:]
    fzf = os.environ.get("FZF", "/tmp/fzfenv/bin/fzf")
    home = os.environ.get("PARTNERS_BENCH_HOME", "/tmp/phome")
    os.makedirs(home, exist_ok=True)
    results = {p: [] for p in programs}
    for _ in range(rounds):
        for program in programs:
            if program == "fzf":
                argv, stdin = [fzf, "--filter", query], open(data.replace(".ron", ".txt"), "rb")
            else:
                argv = [program, "--home", home, "--data", data, "search", query]
                stdin = subprocess.DEVNULL
            start = time.monotonic()
            child = subprocess.Popen(argv, stdin=stdin, stdout=subprocess.DEVNULL)
            _, _, usage = os.wait4(child.pid, 0)
            wall = time.monotonic() - start
            results[program].append((wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss))
    print("load average", " ".join(open("/proc/loadavg").read().split()[:3]))
    for program, runs in results.items():
        walls, cpus = [r[0] for r in runs], [r[1] for r in runs]
        print(
            f"{os.path.basename(program):16} wall min {min(walls):.3f} med {statistics.median(walls):.3f}"
            f"  cpu min {min(cpus):.3f} med {statistics.median(cpus):.3f}"
            f"  max rss {max(r[2] for r in runs)} KB"
        )


if __name__ == "__main__":
    main()
