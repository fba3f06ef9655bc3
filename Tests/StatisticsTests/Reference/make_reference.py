#!/usr/bin/env python3
"""Reference values for jsna's interval methods, computed independently with scipy.

    python3 make_reference.py > intervals.csv       # (re)make the committed table
    python3 make_reference.py --check intervals.csv  # recompute and compare (make test runs this)

Rows: method,count,denominator,level,lower,upper. For gamma_quantile, `count` is the shape,
`denominator` the probability and `lower` the quantile. Rates are per 10,000; percentages
are per 100. z values are the ones jsna uses (1.959964 and 3.090232); the chi-square and
gamma quantiles come from scipy.stats, not from jsna's own code.
"""
import csv
import math
import sys

from scipy.stats import chi2, gamma

Z = {"95": 1.959964, "99.8": 3.090232}
ALPHA = {"95": 0.05, "99.8": 0.002}


def byar(x, n, z):
    lo = x * (1 - 1 / (9 * x) - z / (3 * math.sqrt(x))) ** 3
    hi = (x + 1) * (1 - 1 / (9 * (x + 1)) + z / (3 * math.sqrt(x + 1))) ** 3
    return lo / n * 1e4, hi / n * 1e4


def exact(x, n, a):
    lo = chi2.ppf(a / 2, 2 * x) / 2 if x > 0 else 0.0
    hi = chi2.ppf(1 - a / 2, 2 * x + 2) / 2
    return lo / n * 1e4, hi / n * 1e4


def wilson(s, n, z):
    p = s / n
    centre = p + z * z / (2 * n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    scale = 1 + z * z / n
    return max(0.0, (centre - half) / scale) * 100, min(1.0, (centre + half) / scale) * 100


def funnel(target, n, a):
    e = target * n / 1e4
    lo = chi2.ppf(a / 2, 2 * e) / 2 if e > 0 else 0.0
    hi = chi2.ppf(1 - a / 2, 2 * e + 2) / 2
    return lo / n * 1e4, hi / n * 1e4


def rows():
    for level in ("95", "99.8"):
        for x in (10, 11, 25, 99, 500, 3000, 3803, 120000):
            for n in (20000, 49500, 75599, 12183016):
                yield ("byar", x, n, level) + byar(x, n, Z[level])
        for x in range(0, 10):
            for n in (300, 20000, 75599):
                yield ("exact_poisson", x, n, level) + exact(x, n, ALPHA[level])
        for s, n in ((0, 10), (1, 10), (60, 300), (778, 3803), (10, 10), (5, 1000), (142900, 632830)):
            yield ("wilson", s, n, level) + wilson(s, n, Z[level])
        for target, n in ((519.4, 75599), (519.4, 2000), (40.6, 52489), (12.0, 800)):
            yield ("funnel", target, n, level) + funnel(target, n, ALPHA[level])
    for shape in (0.5, 1, 4, 5, 9.5, 10, 37.3, 1000):
        for p in (0.001, 0.025, 0.5, 0.975, 0.999):
            yield ("gamma_quantile", shape, p, "", gamma.ppf(p, shape), "")


def write(out):
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["method", "count", "denominator", "level", "lower", "upper"])
    for r in rows():
        w.writerow([r[0], r[1], r[2], r[3]] + [repr(float(v)) if v != "" else "" for v in r[4:]])


def check(path):
    with open(path, newline="") as f:
        committed = list(csv.DictReader(f))
    fresh = list(rows())
    if len(committed) != len(fresh):
        print(f"{path}: {len(committed)} rows, expected {len(fresh)}")
        return 1
    bad = 0
    for c, r in zip(committed, fresh):
        for key, value in (("lower", r[4]), ("upper", r[5])):
            if value == "":
                continue
            if not math.isclose(float(c[key]), float(value), rel_tol=1e-9, abs_tol=1e-12):
                print(f"{c['method']} {c['count']} {c['denominator']} {c['level']}: {key} {c[key]} vs {value}")
                bad += 1
    print(f"interval reference table: {len(fresh) - bad} passed, {bad} failed")
    return 1 if bad else 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--check":
        sys.exit(check(sys.argv[2]))
    write(sys.stdout)
