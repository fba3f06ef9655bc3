#!/usr/bin/env python3
"""make scale: memory and time of `jsna referrals` as extracts grow to 20M rows, beside the
peers, in one run.

Uses the extracts `make bench` generates (../shared/bench/gen_referrals.py, seed 1, cached in
.bench-cache/; the 20M-row file takes about 8 minutes to make). Each is read by jsna with the
default linking memory (96 MB: records beyond it spilled to a temporary file), and again with
every record held (`--memory 100000`), then by the duckdb and pandas peers; one run each.
The four JSON outputs must be equal. Peak RSS comes from wait4, not a timer. Appends a table,
with the date, machine and commit, to BENCHMARKS.md. Measurement only, never part of the
tests.
"""
import datetime
import json
import os
import subprocess
import sys
import threading
import time

from bench import BENCH, JSNA, PY, ROOT, YEAR, extract, machine

SIZES = [1_000_000, 5_000_000, 20_000_000]


def measure(command):
    """Wall seconds, peak RSS (MB), stdout and stderr of one whole process. wait4 gives the
    kernel's own high-water mark for this child alone (RUSAGE_CHILDREN would give the
    largest of every child so far)."""
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
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
        sys.exit(f"failed: {' '.join(command)}\n{stderr[-2000:]}")
    return seconds, usage.ru_maxrss / 1024, b"".join(out_chunks), stderr


def spilled_mb(stderr):
    """The MB the note says were spilled (0: every record held)."""
    for line in stderr.splitlines():
        if line.startswith("jsna: note: linked each child's referrals through "):
            return float(line.split(" through ")[1].split()[0].replace(",", ""))
    return 0.0


def main():
    if not BENCH.exists():
        sys.exit(f"{BENCH} is absent: make scale needs ../shared/bench")
    rows_out = []
    for rows in SIZES:
        path = extract(rows)
        with open(path, "rb") as f:  # warm the page cache; in blocks, so this process stays small
            while f.read(1 << 24):  # (a child's peak RSS starts from its parent's at fork)
                pass
        jsna = [JSNA, "referrals", str(path), "--year", YEAR]
        s, rss, out, err = measure(jsna)
        s1, rss1, out1, _ = measure(jsna + ["--memory", "100000"])
        sd, rssd, outd, _ = measure([PY, str(BENCH / "peer_duckdb.py"), str(path), "--year", YEAR])
        sp, rssp, outp, _ = measure([PY, str(BENCH / "peer_pandas.py"), str(path), "--year", YEAR])
        same = json.loads(out) == json.loads(out1) == json.loads(outd) == json.loads(outp)
        progress = sum(1 for l in err.splitlines() if l.startswith("jsna: reading "))
        rows_out.append((rows, path.stat().st_size, s, rss, spilled_mb(err), progress, s1, rss1, sd, rssd, sp, rssp, same))
        print(f"{rows:>10,} rows: jsna {s:.2f} s {rss:.0f} MB (spilled {spilled_mb(err):.0f} MB); held {s1:.2f} s {rss1:.0f} MB; "
              f"duckdb {sd:.2f} s {rssd:.0f} MB; pandas {sp:.2f} s {rssp:.0f} MB; same JSON: {same}", flush=True)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    lines = [f"\n## {datetime.date.today().isoformat()} — scale (`make scale`) — {machine()}\n",
             f"Commit {commit}, release build. `jsna referrals FILE --year {YEAR}` with the default linking memory "
             "(96 MB; records beyond it spilled to a temporary file as the file is read once), then with every record "
             "held (`--memory 100000`), then the duckdb and pandas peers; one run each; peak RSS from wait4. "
             "Files from gen_referrals.py --seed 1 (as `make bench`).\n",
             "| rows | MB | jsna s | jsna RSS MB | spilled MB | progress lines | all held s | all held RSS MB | duckdb s | duckdb RSS MB | pandas s | pandas RSS MB | jsna/duckdb | jsna/pandas | same JSON |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for rows, size, s, rss, spilled, progress, s1, rss1, sd, rssd, sp, rssp, same in rows_out:
        lines.append(f"| {rows:,} | {size / 1e6:,.0f} | {s:.2f} | {rss:.0f} | {spilled:,.0f} | {progress} | {s1:.2f} | {rss1:.0f} | "
                     f"{sd:.2f} | {rssd:.0f} | {sp:.2f} | {rssp:,.0f} | {s / sd:.3f} | {s / sp:.3f} | {'yes' if same else 'NO'} |")
    with open(ROOT / "BENCHMARKS.md", "a") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))
    if not all(r[-1] for r in rows_out):
        sys.exit("the JSON outputs differ")


if __name__ == "__main__":
    main()
