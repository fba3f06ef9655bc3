#!/usr/bin/env python3
"""make bench: jsna side by side with the pandas and duckdb peers, in one run.

Generates cached extracts with ../shared/bench/gen_referrals.py (fixed seeds: 100k to 20M
rows), then times, as whole processes and alternating, `jsna referrals FILE --year 2024`,
peer_pandas.py and peer_duckdb.py; checks their JSON is equal; times the 20M-row read
against jsna's parser alone (`jsna bench-parse`, one core and all cores); measures raw parse
throughput against a C program on libcsv; times `jsna build` for one authority and for all; and times `jsna annex-a`
on the Annex A lists of 200,000 generated children against the annexa kit's peers. Appends the results,
with the date and machine, to BENCHMARKS.md (earlier rows are kept).
"""
import datetime
import json
import os
import pathlib
import platform
import shutil
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"
CACHE = ROOT / ".bench-cache"
PY = os.environ.get("BENCH_PYTHON", str(ROOT / ".venv-bench" / "bin" / "python"))
JSNA = str(ROOT / ".build" / "release" / "jsna")
# (rows, runs): 20M rows is issue 20's size. pandas at 20M needs about 5 GB and four minutes
# a run, so it runs once there (PANDAS_RUNS); the others run `runs` times.
SIZES = [(100_000, 3), (1_000_000, 5), (5_000_000, 3), (20_000_000, 3)]
PANDAS_RUNS = {20_000_000: 1}
YEAR = "2024"


def run(cmd, capture=True, cpu=False):
    """Wall seconds, peak RSS in KB and stdout of a whole process (GNU time); with `cpu`,
    also its CPU seconds (user + system)."""
    out = subprocess.run(["/usr/bin/time", "-f", "%e %M %U %S"] + cmd, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{out.stderr[-2000:]}")
    seconds, rss, user, system = out.stderr.strip().splitlines()[-1].split()
    if cpu:
        return float(seconds), int(rss), out.stdout, float(user) + float(system)
    return float(seconds), int(rss), out.stdout


def extract(rows):
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"referrals_{rows}.csv"
    if not path.exists():
        print(f"generating {path.name} (slow, cached)...", flush=True)
        with open(path, "w") as f:
            subprocess.run([sys.executable, str(BENCH / "gen_referrals.py"), "--rows", str(rows), "--seed", "1"], stdout=f, check=True)
    return path


def referrals():
    results = []
    peers = {
        "jsna": lambda f: [JSNA, "referrals", str(f), "--year", YEAR],
        "pandas": lambda f: [PY, str(BENCH / "peer_pandas.py"), str(f), "--year", YEAR],
        "duckdb": lambda f: [PY, str(BENCH / "peer_duckdb.py"), str(f), "--year", YEAR],
    }
    for rows, repeats in SIZES:
        path = extract(rows)
        path.read_bytes()  # warm the page cache
        times = {k: [] for k in peers}
        rss = {k: 0 for k in peers}
        outputs = {}
        for i in range(repeats):
            for name, cmd in peers.items():
                if name == "pandas" and i >= PANDAS_RUNS.get(rows, repeats):
                    continue
                s, r, out = run(cmd(path))
                times[name].append(s)
                rss[name] = max(rss[name], r)
                outputs[name] = json.loads(out)
        same = outputs["jsna"] == outputs["pandas"] == outputs["duckdb"]
        med = {k: statistics.median(v) for k, v in times.items()}
        results.append((rows, path.stat().st_size, {k: len(v) for k, v in times.items()}, med, times, rss, same))
        print(f"{rows:>9} rows: jsna {med['jsna']:.2f} s, pandas {med['pandas']:.2f} s, duckdb {med['duckdb']:.2f} s; same JSON: {same}", flush=True)
    return results


ANNEXA_CHILDREN, ANNEXA_RUNS, ANNEXA_YEAR = 200_000, 3, "2025"


def annexa():
    """Issue 19: the Annex A lists of 200,000 generated children (about 950,000 rows),
    `jsna annex-a` against the kit's pandas and duckdb peers, alternating."""
    folder = CACHE / f"annexa_{ANNEXA_CHILDREN}"
    if not (folder / "list8.csv").exists():
        print(f"generating {folder.name} (slow, cached)...", flush=True)
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(BENCH / "annexa" / "gen_annexa.py"), "--children", str(ANNEXA_CHILDREN), "--seed", "1",
                        "--start", "2021-04-01", "--end", "2025-03-31", "--out", str(folder) + "/"], stdout=subprocess.DEVNULL, check=True)
    size = sum(f.stat().st_size for f in folder.glob("*.csv"))
    rows = sum(sum(1 for _ in open(f, "rb")) - 1 for f in folder.glob("*.csv"))
    for f in folder.glob("*.csv"):
        f.read_bytes()  # warm the page cache
    peers = {
        "jsna": [JSNA, "annex-a", str(folder), "--year", ANNEXA_YEAR],
        "pandas": [PY, str(BENCH / "annexa" / "peer_annexa_pandas.py"), str(folder), "--year", ANNEXA_YEAR],
        "duckdb": [PY, str(BENCH / "annexa" / "peer_annexa_duckdb.py"), str(folder), "--year", ANNEXA_YEAR],
    }
    times = {k: [] for k in peers}
    rss = {k: 0 for k in peers}
    outputs = {}
    for _ in range(ANNEXA_RUNS):
        for name, cmd in peers.items():
            s, r, out = run(cmd)
            times[name].append(s)
            rss[name] = max(rss[name], r)
            outputs[name] = json.loads(out)
    same = outputs["jsna"] == outputs["pandas"] == outputs["duckdb"]
    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"annex-a {ANNEXA_CHILDREN} children: jsna {med['jsna']:.2f} s, pandas {med['pandas']:.2f} s, duckdb {med['duckdb']:.2f} s; same JSON: {same}", flush=True)
    return rows, size, med, rss, same


def read_once(rows=20_000_000, runs=5):
    """Issue 20: `jsna referrals` on the largest file against reading it once with jsna's
    parser alone (`jsna bench-parse`), on one core and on all cores, alternating. Besides the
    medians, the median of each round's own ratio: this machine's speed drifts over minutes,
    and runs side by side share it."""
    path = extract(rows)
    cores = str(os.cpu_count() or 2)
    commands = {"referrals": [JSNA, "referrals", str(path), "--year", YEAR], "parse 1": [JSNA, "bench-parse", str(path)],
                "parse all": [JSNA, "bench-parse", str(path), "--parts", cores]}
    wall = {k: [] for k in commands}
    cpu = {k: [] for k in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            w, _, _, c = run(cmd, cpu=True)
            wall[name].append(w)
            cpu[name].append(c)
    med = {k: statistics.median(v) for k, v in wall.items()}
    med["cpu"] = {k: statistics.median(v) for k, v in cpu.items()}
    med["round all"] = statistics.median(r / p for r, p in zip(wall["referrals"], wall["parse all"]))
    med["round 1"] = statistics.median(r / p for r, p in zip(wall["referrals"], wall["parse 1"]))
    print(f"{rows:,} rows read once: referrals {med['referrals']:.2f} s; bench-parse one core {med['parse 1']:.2f} s, all cores {med['parse all']:.2f} s; "
          f"per-round ratio to all cores {med['round all']:.2f}", flush=True)
    return rows, med


def parse_throughput():
    ceiling = CACHE / "csv_ceiling"
    subprocess.run(["cc", "-O2", "-o", str(ceiling), str(ROOT / "bench" / "csv_ceiling.c"), "-lcsv"], check=True)
    path = extract(1_000_000)
    c = [json.loads(subprocess.run([str(ceiling), str(path)], capture_output=True, text=True, check=True).stdout)["mb_per_s"] for _ in range(3)]
    j = [json.loads(subprocess.run([JSNA, "bench-parse", str(path)], capture_output=True, text=True, check=True).stdout)["mb_per_s"] for _ in range(3)]
    cores = str(os.cpu_count() or 2)
    a = [json.loads(subprocess.run([JSNA, "bench-parse", str(path), "--parts", cores], capture_output=True, text=True, check=True).stdout)["mb_per_s"] for _ in range(3)]
    return statistics.median(c), statistics.median(j), statistics.median(a)


def chapters():
    dfe = ROOT.parent / "shared" / "data" / "dfe"
    one = [run([JSNA, "build", "--data", str(dfe), "--la", "Bolton", "--out", str(CACHE / "bolton")])[0] for _ in range(3)]
    # Into new, empty folders (removed only after all three, since ext4 is slow to create
    # files just after many were deleted), then rebuilding over an existing run, where
    # unchanged files are left alone.
    fresh = [run([JSNA, "build", "--all", "--data", str(dfe), "--out", str(CACHE / f"all-new-{i}")])[0] for i in range(3)]
    for i in range(3):
        shutil.rmtree(CACHE / f"all-new-{i}", ignore_errors=True)
    every = [run([JSNA, "build", "--all", "--data", str(dfe), "--out", str(CACHE / "all")])[0] for _ in range(3)]
    return statistics.median(one), statistics.median(fresh), statistics.median(every)


def machine():
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
    mem = next((int(l.split()[1]) // 1024 // 1024 for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0)
    return f"{os.cpu_count()} cores ({cpu}), {mem} GiB, {platform.system()} {platform.release()}"


def main():
    if not BENCH.exists():
        sys.exit(f"{BENCH} is absent: make bench needs ../shared/bench")
    started = time.time()
    results = referrals()
    once_rows, once = read_once()
    annexa_result = annexa()
    ceiling, parse, parallel = parse_throughput()
    one, fresh, every = chapters()
    today = datetime.date.today().isoformat()
    lines = [f"\n## {today} — {machine()}\n",
             f"Commit {subprocess.run(['git', 'rev-parse', '--short', 'HEAD'], capture_output=True, text=True, cwd=ROOT).stdout.strip()}; "
             f"`make bench` took {time.time() - started:.0f} s. `jsna referrals FILE --year {YEAR}` against "
             f"`peer_pandas.py` and `peer_duckdb.py` (whole processes, alternating, median of the runs; GNU time).\n",
             "| rows | MB | runs (jsna, pandas, duckdb) | jsna s | pandas s | duckdb s | jsna/pandas | jsna/duckdb | jsna RSS MB | pandas RSS MB | duckdb RSS MB | same JSON |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for rows, size, runs, med, _, rss, same in results:
        lines.append(f"| {rows:,} | {size / 1e6:,.0f} | {runs['jsna']}, {runs['pandas']}, {runs['duckdb']} | {med['jsna']:.2f} | {med['pandas']:.2f} | {med['duckdb']:.2f} | "
                     f"{med['jsna'] / med['pandas']:.3f} | {med['jsna'] / med['duckdb']:.3f} | {rss['jsna'] / 1024:.0f} | "
                     f"{rss['pandas'] / 1024:.0f} | {rss['duckdb'] / 1024:.0f} | {'yes' if same else 'NO'} |")
    lines += ["", f"Read once, {once_rows:,} rows (5 rounds, each command once a round, medians): `jsna referrals` {once['referrals']:.2f} s; "
              f"`jsna bench-parse` (the parser alone) {once['parse 1']:.2f} s on one core, {once['parse all']:.2f} s on all {os.cpu_count()} cores: "
              f"{once['referrals'] / once['parse 1']:.2f}× the one-core parse, {once['referrals'] / once['parse all']:.2f}× the all-core parse "
              f"(median of each round's own ratio: {once['round 1']:.2f}× and {once['round all']:.2f}×). CPU seconds (user + system): "
              f"referrals {once['cpu']['referrals']:.2f}, parse {once['cpu']['parse 1']:.2f} on one core and {once['cpu']['parse all']:.2f} on all "
              f"({once['cpu']['referrals'] / once['cpu']['parse all']:.2f}×)."]
    lines += ["", f"CSV parse, 1M-row file, one core: jsna reader {parse:.0f} MB/s; libcsv alone in C {ceiling:.0f} MB/s "
              f"(jsna at {parse / ceiling:.0%} of the ceiling); all {os.cpu_count()} cores (file split at record boundaries): jsna {parallel:.0f} MB/s. Chapters from ../shared/data/dfe: one authority (Bolton) {one:.2f} s; "
              f"all authorities (`--all`) {fresh:.2f} s into a new folder, {every:.2f} s rebuilding over the last run.\n"]
    a_rows, a_size, a_med, a_rss, a_same = annexa_result
    lines += [f"Annex A lists 1, 3-8 of {ANNEXA_CHILDREN:,} generated children (`gen_annexa.py --seed 1`), `jsna annex-a FOLDER --year {ANNEXA_YEAR}` "
              f"against `peer_annexa_pandas.py` and `peer_annexa_duckdb.py` ({ANNEXA_RUNS} runs each, alternating, medians):\n",
              "| rows | MB | jsna s | pandas s | duckdb s | jsna/pandas | jsna/duckdb | jsna RSS MB | pandas RSS MB | duckdb RSS MB | same JSON |",
              "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
              f"| {a_rows:,} | {a_size / 1e6:.0f} | {a_med['jsna']:.2f} | {a_med['pandas']:.2f} | {a_med['duckdb']:.2f} | "
              f"{a_med['jsna'] / a_med['pandas']:.3f} | {a_med['jsna'] / a_med['duckdb']:.3f} | {a_rss['jsna'] / 1024:.0f} | "
              f"{a_rss['pandas'] / 1024:.0f} | {a_rss['duckdb'] / 1024:.0f} | {'yes' if a_same else 'NO'} |", ""]
    by_rows = {r[0]: r for r in results}
    if 1_000_000 in by_rows and 20_000_000 in by_rows:
        small, large = by_rows[1_000_000][5]["jsna"] / 1024, by_rows[20_000_000][5]["jsna"] / 1024
        lines += [f"Memory: 20M-row RSS / 1M-row RSS = {large / small:.2f} (linking records held to 96 MB by default; "
                  "beyond that they are spilled to a temporary file as the extract is read once).\n"]
    bench_md = ROOT / "BENCHMARKS.md"
    if not bench_md.exists():
        bench_md.write_text("# Benchmarks\n\nWritten by `make bench` (scripts/bench.py). Each run adds a section; earlier runs are kept so progress shows.\n")
    with open(bench_md, "a") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))
    if not all(r[6] for r in results) or not a_same:
        sys.exit("the three JSON outputs differ")


if __name__ == "__main__":
    main()
