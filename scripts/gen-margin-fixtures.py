#!/usr/bin/python3
"""Reference values for the margin (non-inferiority) tests, the randomization test and the corpus
metrics (src/stats/margin.ts, randomization.ts, corpus-test.ts, src/metrics/corpus.ts).

Run with Debian's Python:  /usr/bin/python3 scripts/gen-margin-fixtures.py
(needs python3-scipy, python3-sklearn, python3-statsmodels). Writes test/fixtures/scipy/margin.json.

Independent references:
- paired t with a margin: scipy.stats.ttest_1samp(w, popmean=t, alternative="greater") and its
  one-sided confidence_interval();
- exact McNemar: scipy.stats.binomtest(lost, lost + gained, 0.5, alternative="greater"); its bound by
  brute force over the binomial support;
- Tango's score test: the restricted maximum-likelihood estimate found numerically
  (scipy.optimize.minimize_scalar on the multinomial log-likelihood), not the closed form under test;
- cluster-robust t: statsmodels OLS on an intercept with cov_type="cluster", use_t=True (CR1, G − 1 df);
- randomization test: brute-force enumeration of all 2^D swaps, metric by sklearn.metrics.f1_score;
- corpus metrics: sklearn f1_score / matthews_corrcoef / multilabel f1_score (zero_division=0) on the
  real lm-eval samples in test/fixtures/real/lm-eval/pr3936-negotiationtom-qwen3-8b/.
"""
import glob
import itertools
import json
import math
import os

import numpy as np
import scipy
import sklearn
import statsmodels
import statsmodels.api as sm
from scipy import optimize, stats
from sklearn.metrics import f1_score, matthews_corrcoef
from sklearn.preprocessing import MultiLabelBinarizer

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
OUT = os.path.join(ROOT, 'test', 'fixtures', 'scipy')
rng = np.random.default_rng(20261202)


def f(x):
    x = float(x)
    return None if math.isnan(x) else x


# --- paired t with a margin -------------------------------------------------------------------------
ttests = []
for n, mu, sd, t, alpha in [(30, 0.02, 0.1, 0.01, 0.05), (12, 0.5, 1.0, 0.0, 0.05), (200, -0.01, 0.3, 0.02, 0.01),
                            (5, 1.0, 2.0, 0.5, 0.1)]:
    w = rng.normal(mu, sd, n)
    r = stats.ttest_1samp(w, popmean=t, alternative='greater')
    lo = r.confidence_interval(confidence_level=1 - alpha).low
    ttests.append({'w': [f(x) for x in w], 't': t, 'alpha': alpha, 'p': f(r.pvalue), 'bound': f(lo)})

# --- exact McNemar (t = 0) ----------------------------------------------------------------------------
mcnemar = []
for lost, gained, n, alpha in [(4, 0, 40, 0.05), (10, 3, 100, 0.05), (30, 12, 2000, 0.05), (0, 0, 50, 0.05),
                               (7, 7, 300, 0.05), (140, 100, 2000, 0.01)]:
    s = lost + gained
    p = 1.0 if s == 0 else stats.binomtest(lost, s, 0.5, alternative='greater').pvalue
    # Bound: largest k with P(X >= k) >= alpha; bound = 2 (lost - k) / n (sign-flip inversion).
    k = max(kk for kk in range(0, s + 1) if (stats.binom.sf(kk - 1, s, 0.5) if s else 1.0) >= alpha) if s else 0
    mcnemar.append({'lost': lost, 'gained': gained, 'n': n, 'alpha': alpha, 'p': f(p),
                    'bound': None if s == 0 else f(2 * (lost - k) / n)})


# --- Tango's score test with margin ------------------------------------------------------------------
def tango_numeric(lost, gained, n, delta):
    """Z with the restricted MLE of P(gained) under theta = delta found numerically."""
    rest = n - lost - gained

    def nll(q):
        pl = q + delta
        pr = 1 - 2 * q - delta
        if q <= 0 or pl <= 0 or pr <= 0:
            return 1e300
        return -(lost * math.log(pl) + gained * math.log(q) + rest * math.log(pr))

    hi = (1 - delta) / 2
    lo = max(0.0, -delta)
    res = optimize.minimize_scalar(nll, bounds=(lo + 1e-15, hi - 1e-15), method='bounded',
                                   options={'xatol': 1e-14, 'maxiter': 10000})
    q = res.x
    return (lost - gained - n * delta) / math.sqrt(n * (2 * q + delta * (1 - delta)))


tango = []
for lost, gained, n, delta in [(30, 12, 2000, 0.01), (80, 60, 2000, 0.01), (80, 60, 2000, 0.02), (12, 3, 300, 0.02),
                               (5, 9, 100, 0.05), (200, 150, 5000, 0.005)]:
    z = tango_numeric(lost, gained, n, delta)
    tango.append({'lost': lost, 'gained': gained, 'n': n, 'delta': delta, 'z': f(z), 'p': f(stats.norm.sf(z))})

# --- cluster-robust (CR1) t ------------------------------------------------------------------------------
clustered = []
for C, per, t in [(5, 8, 0.0), (10, 5, 0.01), (30, 3, 0.02)]:
    g = np.repeat(np.arange(C), per)
    effect = rng.normal(0, 0.05, C)[g]
    w = 0.01 + effect + rng.normal(0, 0.1, C * per)
    model = sm.OLS(w, np.ones_like(w)).fit(cov_type='cluster', cov_kwds={'groups': g}, use_t=True)
    se = float(model.bse[0])
    tstat = (float(model.params[0]) - t) / se
    p = stats.t.sf(tstat, C - 1)
    lo = float(model.params[0]) - stats.t.ppf(0.95, C - 1) * se
    clustered.append({'w': [f(x) for x in w], 'cluster': [f'c{int(c)}' for c in g], 't': t, 'se': se, 'df': C - 1,
                      'p': f(p), 'bound': f(lo)})

# --- randomization test, exact enumeration, binary F1 -------------------------------------------------
randomization = []
for n, flips, t in [(40, 4, 0.0), (30, 8, 0.0), (50, 10, 0.02)]:
    y = rng.integers(0, 2, n)
    base = y.copy()
    wrong = rng.choice(n, n // 5, replace=False)
    base[wrong] = 1 - base[wrong]
    cur = base.copy()
    # flips: mostly right -> wrong, one wrong -> right when there are enough
    right = np.flatnonzero(base == y)
    bad = rng.choice(right, flips - (1 if flips > 4 else 0), replace=False)
    cur[bad] = 1 - cur[bad]
    if flips > 4:
        wr = np.flatnonzero(base != y)
        cur[wr[0]] = 1 - cur[wr[0]]
    disc = np.flatnonzero(base != cur)
    obs = f1_score(y, base) - f1_score(y, cur)  # worsening (higher is better)
    vals = []
    for mask in itertools.product([0, 1], repeat=len(disc)):
        b2 = base.copy()
        c2 = cur.copy()
        for on, i in zip(mask, disc):
            if on:
                b2[i], c2[i] = cur[i], base[i]
        vals.append(f1_score(y, b2, zero_division=0) - f1_score(y, c2, zero_division=0))
    vals = np.array(vals)
    eps = 1e-12 * max(1, abs(obs))
    p = float(np.mean(vals >= obs - t - eps))
    # McNemar on the same flips (accuracy)
    lost = int(np.sum((base == y) & (cur != y)))
    gained = int(np.sum((base != y) & (cur == y)))
    p_acc = stats.binomtest(lost, lost + gained, 0.5, alternative='greater').pvalue
    randomization.append({'y': y.tolist(), 'base': base.tolist(), 'cur': cur.tolist(), 't': t, 'p': p,
                          'observed': f(obs), 'mcnemar_p': f(p_acc), 'discordant': int(len(disc))})

# --- corpus metrics ----------------------------------------------------------------------------------
corpus = []
real = os.path.join(ROOT, 'test', 'fixtures', 'real', 'lm-eval', 'pr3936-negotiationtom-qwen3-8b')
for path in sorted(glob.glob(os.path.join(real, 'samples_negotiationtom_intention_*.jsonl'))):
    gold, pred = [], []
    for line in open(path):
        o = json.loads(line)
        g, p = o['micro_f1']
        gold.append(g)
        pred.append(p)
    mlb = MultiLabelBinarizer().fit(gold + pred)
    G, P = mlb.transform(gold), mlb.transform(pred)
    corpus.append({'file': os.path.basename(path), 'kind': 'sets',
                   'micro_f1': f(f1_score(G, P, average='micro', zero_division=0)),
                   'macro_f1': f(f1_score(G, P, average='macro', zero_division=0))})
for k in range(3):
    n = 60
    gold = rng.integers(0, 2 if k == 0 else 4, n).tolist()
    pred = [g if rng.random() < 0.6 else int(rng.integers(0, 2 if k == 0 else 4)) for g in gold]
    entry = {'kind': 'scalars', 'gold': gold, 'pred': pred,
             'mcc': f(matthews_corrcoef(gold, pred)),
             'macro_f1': f(f1_score(gold, pred, average='macro', zero_division=0)),
             'micro_f1': f(f1_score(gold, pred, average='micro', zero_division=0))}
    if k == 0:
        entry['f1'] = f(f1_score(gold, pred))
    corpus.append(entry)

out = {'generator': 'scripts/gen-margin-fixtures.py', 'scipy': scipy.__version__, 'numpy': np.__version__,
       'sklearn': sklearn.__version__, 'statsmodels': statsmodels.__version__,
       'ttest': ttests, 'mcnemar': mcnemar, 'tango': tango, 'clustered': clustered,
       'randomization': randomization, 'corpus': corpus}
with open(os.path.join(OUT, 'margin.json'), 'w') as fh:
    json.dump(out, fh, indent=1)
    fh.write('\n')
print('wrote', os.path.join(OUT, 'margin.json'))
