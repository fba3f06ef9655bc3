#!/usr/bin/env python3
"""make scale: memory and time of `jsna referrals` as extracts grow to 20M rows.

Generates 1M, 5M and 10M-row extracts with ../shared/bench/gen_referrals.py (seed 7, cached
in .bench-cache/ as scale_N.csv; the 10M file takes about 5 minutes to make) and a 20M-row
file that is the 10M file's rows twice over (so every second row is a duplicate: it shows
memory and time, not new figures). Each is read with the default linking memory and again in
one pass (`--memory 100000`); the two JSON outputs must be equal. Peak RSS comes from wait4,
not a timer. Appends a table, with the date and machine, to BENCHMARKS.md. Measurement only,
never part of the tests.
"""
import datetime
import os
import pathlib
import subprocess
import sys
import threading
import time

from bench import BENCH, CACHE, JSNA, ROOT, YEAR, machine

SIZES = [1_000_000, 5_000_000, 10_000_000, 20_000_000]


def extract(rows):
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"scale_{rows}.csv"
    if path.exists():
        return path
    if rows == 20_000_000:
        ten = extract(10_000_000)
        with open(path, "wb") as out, open(ten, "rb") as f:
            data_start = len(f.readline())
            f.seek(0)
            out.write(f.read())
            f.seek(data_start)
            out.write(f.read())
        return path
    print(f"generating {path.name} (slow, cached)...", flush=True)
    with open(path, "w") as f:
        subprocess.run([sys.executable, str(BENCH / "gen_referrals.py"), "--rows", str(rows), "--seed", "7"], stdout=f, check=True)
    return path


def measure(args):
    """Wall seconds, peak RSS (MB), stdout and stderr of one whole jsna process. wait4 gives
    the kernel's own high-water mark for this child alone (RUSAGE_CHILDREN would give the
    largest of every child so far)."""
    started = time.monotonic()
    process = subprocess.Popen([JSNA] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out_chunks, err_chunks = [], []
    def drain(stream, into):
        for block in iter(lambda: stream.read(1 << 16), b""):
            into.append(block)
    readers = [threading.Thread(target=drain, args=(process.stdout, out_chunks)),
               threading.Thread(target=drain, args=(process.stderr, err_chunks))]
    for t in readers:
        t.start()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - started
    for t in readers:
        t.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    stderr = b"".join(err_chunks).decode()
    if process.returncode != 0:
        sys.exit(f"failed: jsna {' '.join(args)}\n{stderr[-2000:]}")
    return seconds, usage.ru_maxrss / 1024, b"".join(out_chunks), stderr


def main():
    if not BENCH.exists():
        sys.exit(f"{BENCH} is absent: make scale needs ../shared/bench")
    rows_out = []
    for rows in SIZES:
        path = extract(rows)
        with open(path, "rb") as f:  # warm the page cache; in blocks, so this process stays small
            while f.read(1 << 24):  # (a child's peak RSS starts from its parent's at fork)
                pass
        s, rss, out, err = measure(["referrals", str(path), "--year", YEAR])
        s1, rss1, out1, _ = measure(["referrals", str(path), "--year", YEAR, "--memory", "100000"])
        passes = next((int(l.split(" in ")[1].split()[0]) for l in err.splitlines() if l.startswith("jsna: note: read ")), 1)
        progress = sum(1 for l in err.splitlines() if l.startswith("jsna: reading "))
        rows_out.append((rows, path.stat().st_size, passes, s, rss, progress, s1, rss1, out == out1))
        print(f"{rows:>10,} rows: {passes} pass(es) {s:.2f} s {rss:.0f} MB; one pass {s1:.2f} s {rss1:.0f} MB; same JSON: {out == out1}", flush=True)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    lines = [f"\n## {datetime.date.today().isoformat()} — scale (`make scale`) — {machine()}\n",
             f"Commit {commit}, release build. `jsna referrals FILE --year {YEAR}` with the default linking memory "
             "(128 MB), then in one pass (`--memory 100000`); one run each; peak RSS from wait4. Files from "
             "gen_referrals.py --seed 7; the 20M file is the 10M file's rows twice.\n",
             "| rows | MB | passes | s | max RSS MB | progress lines | one pass s | one pass RSS MB | same JSON |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for rows, size, passes, s, rss, progress, s1, rss1, same in rows_out:
        lines.append(f"| {rows:,} | {size / 1e6:,.0f} | {passes} | {s:.2f} | {rss:.0f} | {progress} | {s1:.2f} | {rss1:.0f} | {'yes' if same else 'NO'} |")
    with open(ROOT / "BENCHMARKS.md", "a") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))
    if not all(r[-1] for r in rows_out):
        sys.exit("passes and one pass gave different figures")


if __name__ == "__main__":
    main()
