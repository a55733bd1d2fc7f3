#!/usr/bin/python3
"""Reference values for the statistics engine (src/stats), from SciPy/NumPy.

Run with Debian's Python (SciPy 1.10):  /usr/bin/python3 scripts/gen-scipy-fixtures.py
Writes test/fixtures/scipy/*.json; the vitest suites in test/stats/ compare against them at 1e-9 relative.

Independent references: DeLong by the O(m*n) pairwise kernel (not the rank algorithm under test),
clustered SE by the explicit double sum of Miller (2024) Appendix A, Holm/BH by direct loops,
Student t quantiles by mpmath at 40 digits (SciPy 1.10's t.ppf is only good to ~4e-10 in places).
"""
import json
import math
import os
import sys

import numpy as np
import scipy
from scipy import stats

try:
    import mpmath
except ImportError:  # pragma: no cover
    mpmath = None

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures', 'scipy')
os.makedirs(OUT, exist_ok=True)
rng = np.random.default_rng(20241129)


def f(x):
    """JSON-safe float (repr round-trips doubles exactly)."""
    x = float(x)
    if math.isnan(x):
        return None
    return x


def dump(name, obj):
    obj = {'generator': 'scripts/gen-scipy-fixtures.py', 'scipy': scipy.__version__, 'numpy': np.__version__, **obj}
    with open(os.path.join(OUT, name), 'w') as fh:
        json.dump(obj, fh, indent=1)
        fh.write('\n')
    print('wrote', name, file=sys.stderr)


# --- normal -------------------------------------------------------------------------------------
xs = sorted(set([round(v, 6) for v in np.linspace(-37.5, 8.25, 184)] +
                [-30, -20, -10, -8, -5.5, -5.65, -5.66, -3, -2, -1.96, -1, -0.674, -0.6745, -0.675, -0.5, -0.1,
                 -1e-8, 0, 1e-8, 0.1, 0.5, 0.6744, 0.6745, 1, 1.644853626951472, 1.959963984540054, 2.5, 3, 5,
                 5.66, 7, 8]))
ps = sorted(set([1e-300, 1e-200, 1e-100, 1e-50, 1e-20, 1e-16, 1e-10, 1e-8, 1e-6, 1e-4, 0.001, 0.01, 0.025,
                 0.05, 0.075, 0.0751, 0.1, 0.2, 0.3, 0.4, 0.425, 0.4999, 0.5, 0.5001, 0.6, 0.7, 0.8, 0.9, 0.925,
                 0.95, 0.975, 0.99, 0.999, 0.9999, 1 - 1e-6, 1 - 1e-10] +
                [float(v) for v in np.linspace(0.001, 0.999, 120)]))
dump('normal.json', {
    'cdf': [[x, f(stats.norm.cdf(x))] for x in xs],
    'sf': [[x, f(stats.norm.sf(x))] for x in xs],
    'pdf': [[x, f(stats.norm.pdf(x))] for x in xs if abs(x) < 37],
    'ppf': [[p, f(stats.norm.ppf(p))] for p in ps],
})

# --- binomial / McNemar ---------------------------------------------------------------------------
bt = []
for (k, n) in [(0, 0), (0, 1), (1, 1), (5, 5), (3, 10), (7, 10), (10, 10), (9, 20), (15, 20), (30, 40),
               (90, 140), (70, 140), (60, 140), (85, 140), (100, 140), (140, 140), (510, 1000), (560, 1000),
               (35200, 70000), (35500, 70000), (36000, 70000), (34000, 70000), (300000, 600000),
               (301500, 600000), (303000, 600000)]:
    p = 1.0 if n == 0 else stats.binomtest(k, n, 0.5, alternative='greater').pvalue
    bt.append([k, n, f(p)])
bsf = []
for (k, n, p) in [(3, 10, 0.3), (8, 10, 0.3), (1, 50, 0.01), (5, 50, 0.01), (400, 1000, 0.35), (300, 1000, 0.35),
                  (2, 2000, 0.001), (12, 2000, 0.001), (5000, 10000, 0.52), (5400, 10000, 0.52)]:
    bsf.append([k, n, p, f(stats.binom.sf(k - 1, n, p)), f(stats.binom.cdf(k, n, p)), f(stats.binom.pmf(k, n, p))])
dump('binomial.json', {'binomtest_greater_half': bt, 'binom': bsf})

# --- Student t and paired t test ------------------------------------------------------------------
tcdf = []
for (t, df) in [(-3, 5), (-1.5, 10), (2, 3), (-40, 30), (-5, 1e6), (0.3, 1e5), (-2, 1), (-1, 2.5), (-8, 2000),
                (-2.2, 19), (1.7, 99), (-0.01, 7), (-12, 4), (-4.5, 200), (3.3, 1999), (-25, 3)]:
    tcdf.append([t, df, f(stats.t.cdf(t, df))])
tppf = []
if mpmath is not None:
    mpmath.mp.dps = 40

    def tcdf_mp(t, df):
        t = mpmath.mpf(t)
        df = mpmath.mpf(df)
        x = df / (df + t * t)
        tail = mpmath.betainc(df / 2, mpmath.mpf(1) / 2, 0, x, regularized=True) / 2
        return tail if t < 0 else 1 - tail

    for (p, df) in [(0.025, 1), (0.025, 2), (0.025, 5), (0.025, 10), (0.025, 30), (0.025, 99), (0.025, 1999),
                    (0.025, 1e5), (0.05, 7), (1e-6, 3), (0.3, 1), (0.001, 50)]:
        q = mpmath.findroot(lambda t: tcdf_mp(t, df) - mpmath.mpf(p), stats.t.ppf(p, df))
        tppf.append([p, df, f(q)])
ttests = []
for (n, shift, sd) in [(2, 0.1, 1), (3, -0.5, 1), (10, 0.0, 1), (10, -0.3, 0.5), (25, 0.2, 2), (50, -0.1, 1),
                       (200, -0.02, 0.3), (1000, 0.01, 0.5), (1000, -0.03, 0.5), (5000, -0.004, 0.2)]:
    base = rng.normal(0.5, 1, size=n)
    cur = base + rng.normal(shift, sd, size=n)
    cur = np.round(cur, 6)
    base = np.round(base, 6)
    less = stats.ttest_rel(cur, base, alternative='less')
    greater = stats.ttest_rel(cur, base, alternative='greater')
    d = cur - base
    se = d.std(ddof=1) / math.sqrt(n)
    # t quantile from mpmath when available: SciPy 1.10's t.ppf is off by up to ~4e-10 (e.g. df = 1, 5).
    q = float(mpmath.findroot(lambda t: tcdf_mp(t, n - 1) - mpmath.mpf('0.975'), stats.t.ppf(0.975, n - 1))) \
        if mpmath is not None else stats.t.ppf(0.975, n - 1)
    ttests.append({'base': [f(v) for v in base], 'cur': [f(v) for v in cur], 'statistic': f(less.statistic),
                   'p_less': f(less.pvalue), 'p_greater': f(greater.pvalue), 'mean': f(d.mean()), 'se': f(se),
                   'ci': [f(d.mean() - q * se), f(d.mean() + q * se)]})
dump('student-t.json', {'cdf': tcdf, 'ppf_mpmath': tppf, 'ttest_rel': ttests})

# --- Wilson, CLT, paired proportions ----------------------------------------------------------------
z = stats.norm.ppf(0.975)
wil = []
for (k, n) in [(0, 1), (1, 1), (0, 10), (10, 10), (3, 10), (81, 263), (50, 99), (1, 50), (49, 50), (500, 1000),
               (999, 1000)]:
    p = k / n
    den = 1 + z * z / n
    center = (p + z * z / (2 * n)) / den
    half = z / den * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    wil.append([k, n, f(max(0.0, center - half)), f(min(1.0, center + half))])
means = []
for n in [2, 5, 30, 1000]:
    x = rng.normal(3, 2, size=n)
    means.append({'x': [f(v) for v in x], 'mean': f(x.mean()), 'sd': f(x.std(ddof=1)),
                  'se': f(x.std(ddof=1) / math.sqrt(n)), 'sem': f(stats.sem(x))})
pp = []
for (n01, n10, m) in [(50, 90, 2000), (0, 0, 10), (3, 0, 10), (10, 10, 100), (700, 300, 1000000)]:
    d = (n01 - n10) / m
    se = math.sqrt(n01 + n10 - (n01 - n10) ** 2 / m) / m
    pp.append([n01, n10, m, f(d - z * se), f(d + z * se)])
dump('intervals.json', {'z975': f(z), 'wilson': wil, 'mean': means, 'paired_proportion_wald': pp})

# --- clustered SE (Miller 2024, Appendix A), explicit double sum ------------------------------------
cl = []
for (n, nclusters) in [(6, 2), (40, 7), (300, 30), (500, 500)]:
    x = rng.integers(0, 2, size=n).astype(float) if n != 300 else rng.normal(size=n)
    c = rng.integers(0, nclusters, size=n)
    xbar = x.mean()
    total = 0.0
    for cid in np.unique(c):
        xs_ = x[c == cid] - xbar
        for i in range(len(xs_)):
            for j in range(len(xs_)):
                total += xs_[i] * xs_[j]
    cl.append({'x': [f(v) for v in x], 'cluster': [str(v) for v in c], 'se': f(math.sqrt(total / n ** 2))})
dump('clustered.json', {'cases': cl})


# --- multiple testing: direct loops -------------------------------------------------------------------
def holm(p):
    p = np.asarray(p, float)
    m = len(p)
    order = np.argsort(p, kind='stable')
    out = np.empty(m)
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p[i]))
        out[i] = running
    return out


def bh(p):
    p = np.asarray(p, float)
    m = len(p)
    order = np.argsort(p, kind='stable')
    out = np.empty(m)
    running = 1.0
    for rank in range(m - 1, -1, -1):
        i = order[rank]
        running = min(running, min(1.0, m * p[i] / (rank + 1)))
        out[i] = running
    return out


mt = []
for p in [[0.01, 0.04, 0.03, 0.005], [0.5], [0.2, 0.2, 0.2], list(rng.uniform(size=20)),
          list(rng.uniform(0, 0.05, size=12)), [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344,
                                              0.0459, 0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.0]]:
    mt.append({'p': [f(v) for v in p], 'holm': [f(v) for v in holm(p)], 'bh': [f(v) for v in bh(p)]})
if hasattr(stats, 'false_discovery_control'):  # SciPy ≥ 1.11
    for case in mt:
        case['bh_scipy'] = [f(v) for v in stats.false_discovery_control(case['p'])]
dump('multiple-testing.json', {'cases': mt})


# --- DeLong: O(m*n) kernel -----------------------------------------------------------------------------
def kernel(x, y):
    return (x[:, None] > y[None, :]).astype(float) + 0.5 * (x[:, None] == y[None, :])


def components(scores, labels):
    x = scores[labels == 1]
    y = scores[labels == 0]
    k = kernel(x, y)
    return k.mean(), k.mean(axis=1), k.mean(axis=0)


dl = []
for (n, prev, sep, rounding) in [(10, 0.5, 1.0, None), (60, 0.3, 0.8, 1), (300, 0.4, 1.2, 2), (1000, 0.1, 0.5, None),
                                 (5, 0.4, 0.0, 0)]:
    labels = (rng.uniform(size=n) < prev).astype(int)
    labels[0] = 1
    labels[1] = 0
    labels[2] = 1 if n > 2 else labels[2]
    labels[3] = 0 if n > 3 else labels[3]
    s1 = rng.normal(size=n) + sep * labels
    s2 = 0.7 * s1 + 0.5 * rng.normal(size=n) + 0.2 * sep * labels
    if rounding is not None:
        s1 = np.round(s1, rounding)
        s2 = np.round(s2, rounding)
    a1, v10a, v01a = components(s1, labels)
    a2, v10b, v01b = components(s2, labels)
    m = int(labels.sum())
    nn = n - m
    s10 = np.cov(np.vstack([v10a, v10b]))
    s01 = np.cov(np.vstack([v01a, v01b]))
    S = s10 / m + s01 / nn
    from sklearn.metrics import roc_auc_score
    dl.append({'labels': [int(v) for v in labels], 's1': [f(v) for v in s1], 's2': [f(v) for v in s2],
               'auc1': f(a1), 'auc2': f(a2), 'auc1_sklearn': f(roc_auc_score(labels, s1)),
               'var1': f(S[0, 0]), 'var2': f(S[1, 1]), 'cov': f(S[0, 1]),
               'var_diff': f(S[0, 0] + S[1, 1] - 2 * S[0, 1]),
               'p_worse': f(stats.norm.cdf((a2 - a1) / math.sqrt(S[0, 0] + S[1, 1] - 2 * S[0, 1])))})
dump('delong.json', {'cases': dl})
