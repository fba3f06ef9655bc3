#!/usr/bin/env python3
"""Reference values for jsna's overdispersion-adjusted funnel limits, computed independently
with numpy from the method as published (Spiegelhalter, Stat Med 2005; the additive
random-effects version used by NHS-R's FunnelPlotR):

    python3 make_overdispersion.py > overdispersion.csv        # (re)make the committed table
    python3 make_overdispersion.py --check overdispersion.csv   # recompute and compare

Three made-up sets of 150 authorities (a rate with much more variation than chance, a rate
with only chance variation, a percentage), drawn from a fixed seed. Each row is one
authority: dataset, scale, england (rate per child, or proportion), multiplier, count,
denominator, phi, tau2, the four limits (per 10,000 or per cent) and the position.
Percentiles are numpy's default ("linear"), which is R's type 7.
"""
import csv
import math
import sys

import numpy as np

Z95, Z998 = 1.959964, 3.090232


def datasets():
    rng = np.random.default_rng(20251130)
    sets = []
    pop = rng.integers(20_000, 250_000, 150).astype(float)
    theta = 0.052  # about 520 per 10,000
    spread = rng.lognormal(0.0, 0.25, 150)  # real differences between authorities
    sets.append(("rates-overdispersed", "rate", theta, 10_000.0, rng.poisson(pop * theta * spread).astype(float), pop))
    sets.append(("rates-chance-only", "rate", theta, 10_000.0, rng.poisson(pop * theta).astype(float), pop))
    n = rng.integers(300, 5_000, 150).astype(float)
    p = np.clip(0.22 * rng.lognormal(0.0, 0.15, 150), 0.01, 0.99)
    sets.append(("percentages", "percentage", 0.22, 100.0, rng.binomial(n.astype(int), p).astype(float), n))
    return sets


def funnel(scale, england, multiplier, counts, dens):
    if scale == "rate":
        e = dens * england
        y, s, target = np.sqrt(counts / e), 1 / (2 * np.sqrt(e)), 1.0
        back = lambda t: england * max(t, 0.0) ** 2 * multiplier
    else:
        y, s, target = np.arcsin(np.sqrt(counts / dens)), 1 / (2 * np.sqrt(dens)), math.asin(math.sqrt(england))
        back = lambda t: math.sin(min(max(t, 0.0), math.pi / 2)) ** 2 * 100
    z = (y - target) / s
    lo, hi = np.percentile(z, [10, 90])
    zw = np.clip(z, lo, hi)
    k = len(z)
    phi = float(np.mean(zw ** 2))
    w = 1 / s ** 2
    tau2 = 0.0 if k * phi <= k - 1 else (k * phi - (k - 1)) / (w.sum() - (w ** 2).sum() / w.sum())
    rows = []
    for yi, si in zip(y, s):
        sd = math.sqrt(si ** 2 + tau2)
        d = yi - target
        pos = ("high (above 99.8% limit)" if d > Z998 * sd else "high (above 95% limit)" if d > Z95 * sd
               else "low (below 99.8% limit)" if d < -Z998 * sd else "low (below 95% limit)" if d < -Z95 * sd
               else "within limits")
        rows.append((phi, tau2, back(target - Z95 * sd), back(target + Z95 * sd), back(target - Z998 * sd), back(target + Z998 * sd), pos))
    return rows


def table():
    out = [["dataset", "scale", "england", "multiplier", "count", "denominator", "phi", "tau2",
            "lower95", "upper95", "lower998", "upper998", "position"]]
    for name, scale, england, multiplier, counts, dens in datasets():
        for (c, d), r in zip(zip(counts, dens), funnel(scale, england, multiplier, counts, dens)):
            out.append([name, scale, repr(england), repr(multiplier), repr(float(c)), repr(float(d))] + [repr(float(x)) for x in r[:6]] + [r[6]])
    return out


def main():
    rows = table()
    if len(sys.argv) == 3 and sys.argv[1] == "--check":
        with open(sys.argv[2], newline="") as f:
            committed = list(csv.reader(f))
        bad = 0
        for a, b in zip(rows, committed):
            for x, y in zip(a, b):
                try:
                    same = math.isclose(float(x), float(y), rel_tol=1e-9, abs_tol=1e-9)
                except ValueError:
                    same = x == y
                bad += not same
        if bad or len(rows) != len(committed):
            print(f"overdispersion.csv: {bad} cells differ from a fresh numpy computation", file=sys.stderr)
            sys.exit(1)
        print(f"overdispersion.csv: {len(rows) - 1} rows agree with a fresh numpy computation")
        return
    csv.writer(sys.stdout, lineterminator="\n").writerows(rows)


main()
