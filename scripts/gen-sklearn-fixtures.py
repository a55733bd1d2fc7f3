#!/usr/bin/env python3
"""Write scikit-learn parity fixtures for the metric engine to test/fixtures/sklearn/.

Run with Debian's Python, which has scikit-learn 1.2.1, numpy and scipy:

    /usr/bin/python3 scripts/gen-sklearn-fixtures.py

Each fixture is {name, task, options, records, expected}: `records` are ExampleRecord-like objects fed to
buildDataset, `options` the MetricOptions, `expected` every metric computeMetrics must produce
(null = undefined for the data). References: scikit-learn for every metric it has; numpy for ECE and for
the numeric-field summaries (np.mean, np.percentile linear); the SQuAD v2 evaluation script's
normalize_answer / compute_f1 for token_f1. Deterministic (seeded).
"""
import json
import math
import os
import re
import string
import sys
import warnings
from collections import Counter

import numpy as np
import sklearn
from sklearn import metrics as M
from sklearn.preprocessing import MultiLabelBinarizer

SEED = 20240611
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "test", "fixtures", "sklearn")

rng = np.random.default_rng(SEED)
fixtures = []


# ---------------------------------------------------------------------------------------------- helpers


def py(v):
    """numpy scalars → plain Python values for JSON."""
    if isinstance(v, (np.bool_,)):
        return bool(v)
    if isinstance(v, np.integer):
        return int(v)
    if isinstance(v, np.floating):
        return float(v)
    if isinstance(v, np.str_):
        return str(v)
    if isinstance(v, (list, tuple)):
        return [py(x) for x in v]
    if isinstance(v, dict):
        return {str(k): py(x) for k, x in v.items()}
    return v


def value(fn):
    """A metric value: None when sklearn raises ValueError or returns nan."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            v = float(fn())
    except ValueError:
        return None
    return None if math.isnan(v) else v


def records(labels, preds, probas=None, numeric=None, file="fixture.jsonl"):
    out = []
    for i, (l, p) in enumerate(zip(labels, preds)):
        r = {"id": f"ex{i}", "label": py(l), "prediction": py(p), "slices": {}, "numeric": {}, "source": {"file": file, "line": i + 1}}
        if probas is not None:
            r["probabilities"] = py(probas[i])
        if numeric:
            for field, col in numeric.items():
                if col[i] is not None and not (isinstance(col[i], float) and math.isnan(col[i])):
                    r["numeric"][field] = float(col[i])
        out.append(r)
    return out


def numeric_expected(numeric):
    e = {}
    for field in sorted(numeric or {}):
        vals = np.array([v for v in numeric[field] if v is not None and not math.isnan(v)], dtype=float)
        if len(vals) == 0:
            e[field + "_mean"] = e[field + "_p50"] = e[field + "_p95"] = None
            continue
        e[field + "_mean"] = float(np.mean(vals))
        e[field + "_p50"] = float(np.percentile(vals, 50))
        e[field + "_p95"] = float(np.percentile(vals, 95))
    return e


def add(name, task, options, recs, expected):
    fixtures.append({"name": name, "task": task, "options": options, "records": recs, "expected": expected})


def numeric_fields(n, missing=0.1):
    lat = rng.lognormal(3, 0.5, n)
    lat[rng.random(n) < missing] = np.nan
    score = np.round(rng.random(n), 3)
    score[rng.random(n) < missing / 2] = np.nan
    return {"latency_ms": [float(x) for x in lat], "judge_score": [float(x) for x in score]}


# ---------------------------------------------------------------------------------------------- binary


def ece(yb, p, bins=15):
    """Binary ECE on the positive-class probability: 15 equal-width bins, p = 1 in the last bin."""
    yb = np.asarray(yb, dtype=float)
    p = np.asarray(p, dtype=float)
    idx = np.minimum(np.floor(p * bins).astype(int), bins - 1)
    total = 0.0
    for b in range(bins):
        m = idx == b
        if m.any():
            total += abs(yb[m].mean() - p[m].mean()) * m.sum() / len(p)
    return total


def binary_expected(y, yhat, pos, scores=None):
    y = np.array(y)
    yhat = np.array(yhat)
    e = {
        "accuracy": value(lambda: M.accuracy_score(y, yhat)),
        "balanced_accuracy": value(lambda: M.balanced_accuracy_score(y, yhat)),
        "precision": value(lambda: M.precision_score(y, yhat, pos_label=pos, zero_division=0)),
        "recall": value(lambda: M.recall_score(y, yhat, pos_label=pos, zero_division=0)),
        "f1": value(lambda: M.f1_score(y, yhat, pos_label=pos, zero_division=0)),
        "mcc": value(lambda: M.matthews_corrcoef(y, yhat)),
        "cohen_kappa": value(lambda: M.cohen_kappa_score(y, yhat)),
    }
    if scores is not None:
        s = np.asarray(scores, dtype=float)
        yb = np.array([1 if v == pos else 0 for v in y.tolist()])
        e["roc_auc"] = value(lambda: M.roc_auc_score(yb, s))
        e["average_precision"] = value(lambda: M.average_precision_score(yb, s))
        e["log_loss"] = value(lambda: M.log_loss(yb, s, labels=[0, 1]))
        e["brier"] = value(lambda: M.brier_score_loss(yb, s, pos_label=1))
        e["ece"] = float(ece(yb, s))
    return e


def binary_fixture(name, y, yhat, pos, scores=None, options=None, numeric=None, task="binary"):
    opts = {"task": "auto"}
    opts.update(options or {})
    e = binary_expected(y, yhat, pos, scores)
    e.update(numeric_expected(numeric))
    add(name, task, opts, records(y, yhat, scores, numeric), e)


n = 400
y = (rng.random(n) < 0.4).astype(int)
s = np.clip(y * 0.3 + rng.random(n) * 0.7, 0, 1)
binary_fixture("binary_random_int", y, (s >= 0.5).astype(int), 1, s, numeric=numeric_fields(n))

n = 300
yb = rng.random(n) < 0.5
s = np.round(np.clip(yb * 0.25 + rng.random(n) * 0.9 - 0.1, 0, 1), 1)  # heavy ties, exact 0.0 and 1.0
pred = np.where(rng.random(n) < 0.8, yb, ~yb)
binary_fixture(
    "binary_tied_scores_yes_no", ["yes" if v else "no" for v in yb], ["yes" if v else "no" for v in pred], "yes", s
)

n = 150
yb = rng.random(n) < 0.3
s = rng.random(n)
binary_fixture("binary_boolean_labels", [bool(v) for v in yb], [bool(v) for v in (s > 0.6)], True, s)

n = 200
yb = rng.random(n) < 0.5
s = np.clip(np.where(yb, 0.6, 0.4) + rng.normal(0, 0.25, n), 0, 1)
binary_fixture(
    "binary_positive_label_option_first_class",
    ["cat" if v else "dog" for v in yb],
    ["cat" if v > 0.5 else "dog" for v in s],
    "cat",
    s,
    options={"positiveLabel": "cat"},
)

n = 60
s = rng.random(n)
binary_fixture("binary_single_class_positive", [1] * n, (s > 0.3).astype(int), 1, s)

n = 60
s = rng.random(n)
binary_fixture("binary_single_class_negative", [0] * n, (s > 0.7).astype(int), 1, s)

n = 80
y = (rng.random(n) < 0.5).astype(int)
binary_fixture("binary_never_predicts_positive", y, [0] * n, 1, numeric=numeric_fields(n, missing=0.3))

binary_fixture("binary_one_class_everywhere", ["positive"] * 25, ["positive"] * 25, "positive")

n = 120
y = np.where(rng.random(n) < 0.5, 1, -1)
s = np.clip(np.where(y == 1, 0.65, 0.35) + rng.normal(0, 0.3, n), 0, 1)
pred = -y  # every prediction wrong
binary_fixture("binary_minus_one_all_wrong", y, pred, 1, s)

n = 100
y = (rng.random(n) < 0.5).astype(int)
s = rng.random(n)
s[:10] = 0.0
s[10:20] = 1.0
binary_fixture("binary_probabilities_exactly_0_and_1", y, (s > 0.5).astype(int), 1, s)

# ---------------------------------------------------------------------------------------------- multiclass


def multiclass_expected(y, yhat, P=None, universe=None, k=5):
    y = np.array(y)
    yhat = np.array(yhat)
    e = {
        "accuracy": value(lambda: M.accuracy_score(y, yhat)),
        "balanced_accuracy": value(lambda: M.balanced_accuracy_score(y, yhat)),
    }
    for avg in ["macro", "micro", "weighted"]:
        e[f"precision_{avg}"] = value(lambda: M.precision_score(y, yhat, average=avg, zero_division=0))
        e[f"recall_{avg}"] = value(lambda: M.recall_score(y, yhat, average=avg, zero_division=0))
        e[f"f1_{avg}"] = value(lambda: M.f1_score(y, yhat, average=avg, zero_division=0))
    e["mcc"] = value(lambda: M.matthews_corrcoef(y, yhat))
    e["cohen_kappa"] = value(lambda: M.cohen_kappa_score(y, yhat))
    if P is not None:
        universe = np.array(universe)
        assert list(universe) == sorted(universe.tolist())
        present = np.unique(y)
        per_class = [value(lambda: M.roc_auc_score((y == c).astype(int), P[:, list(universe).index(c)])) for c in present]
        if len(present) == len(universe):
            roc = value(lambda: M.roc_auc_score(y, P, multi_class="ovr", average="macro", labels=universe))
            assert abs(roc - float(np.mean(per_class))) < 1e-12
        elif len(present) >= 2:
            # sklearn raises when a class has no true examples; evalgate averages over the classes present.
            roc = float(np.mean(per_class))
        else:
            roc = None
        e["roc_auc_ovr"] = roc
        e["log_loss"] = value(lambda: M.log_loss(y, P, labels=universe))
        e["top_k_accuracy"] = value(lambda: M.top_k_accuracy_score(y, P, k=k, labels=universe))
    return e


def multiclass_fixture(name, y, yhat, P=None, universe=None, fmt="object", options=None, k=5, numeric=None, order=None):
    opts = {"task": "auto"}
    opts.update(options or {})
    probas = None
    if P is not None:
        if fmt == "object":
            probas = []
            for row in P:
                keys = list(range(len(universe)))
                rng.shuffle(keys)
                probas.append({str(py(universe[j])): float(row[j]) for j in keys})
        else:
            cols = [list(universe).index(c) for c in order]
            probas = [[float(row[j]) for j in cols] for row in P]
    e = multiclass_expected(y, yhat, P, universe, k)
    e.update(numeric_expected(numeric))
    add(name, "multiclass", opts, records(y, yhat, probas, numeric), e)


def sample_probs(y_idx, kk, sharp=2.0):
    alpha = np.ones(kk)
    P = rng.dirichlet(alpha, size=len(y_idx))
    P[np.arange(len(y_idx)), y_idx] += sharp * rng.random(len(y_idx))
    return P / P.sum(axis=1, keepdims=True)


U = ["bird", "cat", "dog", "fish"]
n = 500
yi = rng.choice(4, n, p=[0.1, 0.4, 0.3, 0.2])
P = sample_probs(yi, 4)
pred = P.argmax(axis=1)
multiclass_fixture(
    "multiclass_strings_object_probabilities", [U[i] for i in yi], [U[i] for i in pred], P, U, options={"topK": 2}, k=2,
    numeric=numeric_fields(n),
)

U = [0, 1, 2, 3, 4, 5]
order = [3, 0, 5, 1, 4, 2]
n = 400
yi = rng.choice(6, n)
P = sample_probs(yi, 6, sharp=1.0)
pred = np.where(rng.random(n) < 0.7, P.argmax(axis=1), rng.choice(6, n))
multiclass_fixture(
    "multiclass_numeric_array_probabilities", yi, pred, P, U, fmt="array", options={"classes": order}, k=5, order=order
)

U = ["a", "b", "c", "d"]
n = 250
yi = rng.choice(3, n)  # "d" never a label
P = sample_probs(yi, 4)
pred = np.where(rng.random(n) < 0.15, 3, P.argmax(axis=1))
multiclass_fixture("multiclass_class_only_in_predictions", [U[i] for i in yi], [U[i] for i in pred], P, U, options={"topK": 2}, k=2)

U = ["w", "x", "y", "z"]
order = ["x", "y", "z", "w"]
n = 200
yi = rng.choice([1, 2, 3], n)  # "w" neither label nor prediction: only a probability column
P = sample_probs(yi, 4)
P[:, 0] = P[:, 0] * 0.01
P = P / P.sum(axis=1, keepdims=True)
pred = np.array([1 + int(np.argmax(r[1:])) for r in P])
multiclass_fixture(
    "multiclass_empty_class_from_config", [U[i] for i in yi], [U[i] for i in pred], P, U, fmt="array",
    options={"classes": order, "topK": 3}, k=3, order=order,
)

U = ["c1", "c2", "c3", "c4", "c5"]
n = 300
yi = rng.choice(5, n)
counts = rng.multinomial(10, [0.2] * 5, size=n)
counts[:30] = 2  # uniform rows: every class tied
P = counts / 10.0
pred = P.argmax(axis=1)
multiclass_fixture("multiclass_tied_probabilities_top2", [U[i] for i in yi], [U[i] for i in pred], P, U, options={"topK": 2}, k=2)

n = 300
yi = rng.choice(5, n)
pred = np.where(yi == 4, 0, np.where(rng.random(n) < 0.6, yi, rng.choice(5, n)))  # class 4 always wrong
multiclass_fixture("multiclass_no_probabilities", yi, pred, numeric=numeric_fields(n, missing=0.5))

U = ["neg", "neu", "pos"]
n = 90
yi = rng.choice(3, n)
pi = np.where(rng.random(n) < 0.7, yi, rng.choice(3, n))
P = np.eye(3)[pi]  # exactly 0 and 1: log loss clipped at eps
multiclass_fixture("multiclass_one_hot_probabilities_k_ge_classes", [U[i] for i in yi], [U[i] for i in pi], P, U, k=5)

U = [10, 20, 30]
n = 60
yi = rng.choice(3, n)
pi = (yi + 1 + rng.choice(2, n)) % 3  # never right
P = sample_probs(pi, 3)
multiclass_fixture("multiclass_all_wrong", [U[i] for i in yi], [U[i] for i in pi], P, U, options={"topK": 1}, k=1)

U = ["a", "b", "c"]
n = 40
yi = np.zeros(n, dtype=int)  # one true class: no one-vs-rest AUC (roc_auc_ovr undefined)
P = sample_probs(rng.choice(3, n), 3)
multiclass_fixture("multiclass_single_true_class", [U[i] for i in yi], [U[i] for i in P.argmax(axis=1)], P, U, options={"topK": 2}, k=2)

# ---------------------------------------------------------------------------------------------- multilabel


def multilabel_fixture(name, labels, preds, numeric=None):
    classes = sorted(set(c for row in labels + preds for c in row))
    mlb = MultiLabelBinarizer(classes=classes)
    T = mlb.fit_transform(labels)
    Pm = mlb.transform(preds)
    e = {
        "subset_accuracy": value(lambda: M.accuracy_score(T, Pm)),
        "hamming_loss": value(lambda: M.hamming_loss(T, Pm)),
    }
    for avg in ["micro", "macro"]:
        e[f"precision_{avg}"] = value(lambda: M.precision_score(T, Pm, average=avg, zero_division=0))
        e[f"recall_{avg}"] = value(lambda: M.recall_score(T, Pm, average=avg, zero_division=0))
        e[f"f1_{avg}"] = value(lambda: M.f1_score(T, Pm, average=avg, zero_division=0))
    e["jaccard_samples"] = value(lambda: M.jaccard_score(T, Pm, average="samples", zero_division=0))
    e.update(numeric_expected(numeric))
    add(name, "multilabel", {"task": "auto"}, records(labels, preds, None, numeric), e)


def random_sets(n, classes, p):
    return [[c for c in classes if rng.random() < p] for _ in range(n)]


def noisy(sets, classes, flip):
    out = []
    for row in sets:
        s = set(row)
        for c in classes:
            if rng.random() < flip:
                s ^= {c}
        out.append([c for c in classes if c in s])
    return out


C = ["action", "comedy", "drama", "horror", "romance", "sci-fi"]
L = random_sets(300, C, 0.3)
multilabel_fixture("multilabel_random_strings", L, noisy(L, C, 0.15), numeric=numeric_fields(300))

C = [1, 2, 3, 5, 8, 13, 21]
L = random_sets(200, C, 0.25)
multilabel_fixture("multilabel_numeric_classes", L, noisy(L, C, 0.2))

C = ["x", "y", "z"]
L = random_sets(100, C, 0.1)  # many empty sets
Pm = noisy(L, C, 0.05)
L[0], Pm[0] = [], []  # both empty: jaccard 0 by zero_division
multilabel_fixture("multilabel_empty_sets", L, Pm)

C = ["a", "b", "c"]
L = random_sets(120, C, 0.4)
Pm = noisy(L, C, 0.1)
for i in range(0, 120, 7):
    Pm[i] = Pm[i] + ["z-only-predicted"]
multilabel_fixture("multilabel_class_only_in_predictions", L, Pm)

C = ["p", "q", "r", "s"]
L = [[c for c in C if rng.random() < 0.5] or ["p"] for _ in range(80)]
multilabel_fixture("multilabel_all_wrong", L, [[c for c in C if c not in row] for row in L])

C = ["red", "green", "blue"]
L = random_sets(50, C, 0.5)
multilabel_fixture("multilabel_perfect", L, [list(r) for r in L])

# ---------------------------------------------------------------------------------------------- regression


def regression_fixture(name, y, yhat, numeric=None, options=None):
    y = np.asarray(y, dtype=float)
    yhat = np.asarray(yhat, dtype=float)
    e = {
        "mae": value(lambda: M.mean_absolute_error(y, yhat)),
        "mse": value(lambda: M.mean_squared_error(y, yhat)),
        "rmse": value(lambda: M.mean_squared_error(y, yhat, squared=False)),
        "r2": value(lambda: M.r2_score(y, yhat)),
        "mape": value(lambda: M.mean_absolute_percentage_error(y, yhat)),
        "max_error": value(lambda: M.max_error(y, yhat)),
    }
    e.update(numeric_expected(numeric))
    opts = {"task": "auto"}
    opts.update(options or {})
    add(name, "regression", opts, records([float(v) for v in y], [float(v) for v in yhat], None, numeric), e)


n = 400
y = rng.normal(50, 20, n)
regression_fixture("regression_random", y, y + rng.normal(0, 5, n), numeric=numeric_fields(n))

n = 50
regression_fixture("regression_constant_target_imperfect", [2.5] * n, 2.5 + rng.normal(0, 1, n))
regression_fixture("regression_constant_target_perfect", [3.0] * 20, [3.0] * 20, options={"task": "regression"})

n = 60
y = np.round(rng.normal(0, 2, n), 1)
y[:8] = 0.0
regression_fixture("regression_zero_targets_mape", y, y + rng.normal(0, 0.5, n))

regression_fixture("regression_single_example", [4.0], [3.5])

n = 100
y = rng.integers(1, 6, n).astype(float)  # integer star ratings, real-valued predictions
regression_fixture("regression_integer_labels_float_predictions", y, np.clip(y + rng.normal(0, 0.8, n), 1, 5))

n = 100
y = rng.normal(0, 1e6, n)
regression_fixture("regression_large_and_negative", y, y * 0.9 + rng.normal(0, 1e5, n), options={"task": "regression"})

# ---------------------------------------------------------------------------------------------- generation

# SQuAD v2.0 official evaluation script (normalize_answer, get_tokens, compute_f1).


def normalize_answer(s):
    def remove_articles(text):
        regex = re.compile(r"\b(a|an|the)\b", re.UNICODE)
        return re.sub(regex, " ", text)

    def white_space_fix(text):
        return " ".join(text.split())

    def remove_punc(text):
        exclude = set(string.punctuation)
        return "".join(ch for ch in text if ch not in exclude)

    def lower(text):
        return text.lower()

    return white_space_fix(remove_articles(remove_punc(lower(s))))


def get_tokens(s):
    if not s:
        return []
    return normalize_answer(s).split()


def compute_f1(a_gold, a_pred):
    gold_toks = get_tokens(a_gold)
    pred_toks = get_tokens(a_pred)
    common = Counter(gold_toks) & Counter(pred_toks)
    num_same = sum(common.values())
    if len(gold_toks) == 0 or len(pred_toks) == 0:
        return int(gold_toks == pred_toks)
    if num_same == 0:
        return 0
    precision = 1.0 * num_same / len(pred_toks)
    recall = 1.0 * num_same / len(gold_toks)
    return (2 * precision * recall) / (precision + recall)


PUNCT = set(string.punctuation)


def em_normalize(s, o):
    """evalgate exact_match normalisation: case-fold, strip punctuation, collapse whitespace, trim."""
    if o.get("caseFold", True):
        s = s.lower()
    if o.get("stripPunctuation", False):
        s = "".join(ch for ch in s if ch not in PUNCT)
    if o.get("collapseWhitespace", False):
        s = re.sub(r"\s+", " ", s)  # Python's \s is str.isspace
    if o.get("trim", True):
        s = s.strip()
    return s


def generation_fixture(name, labels, preds, normalize=None, task="auto"):
    o = normalize or {}
    em, f1 = [], []
    for l, p in zip(labels, preds):
        refs = l if isinstance(l, list) else [l]
        em.append(max(1.0 if em_normalize(r, o) == em_normalize(p, o) else 0.0 for r in refs))
        f1.append(max(float(compute_f1(r, p)) for r in refs))
    opts = {"task": task}
    if normalize is not None:
        opts["normalize"] = normalize
    add(name, "generation", opts, records(labels, preds), {"exact_match": float(np.mean(em)), "token_f1": float(np.mean(f1))})


WORDS = "paris london the river a an of in denver broncos 1990 new york city blue whale einstein relativity quantum".split()


def phrase(k):
    return " ".join(rng.choice(WORDS, k))


def perturb(s):
    r = rng.random()
    if r < 0.3:
        return s
    if r < 0.45:
        return "  " + s.upper() + ". "
    if r < 0.6:
        return "The " + s + "!"
    if r < 0.75:
        return s + " " + phrase(1)
    if r < 0.85:
        return phrase(2)
    return s.replace(" ", ",  ", 1)


golds = [phrase(int(rng.integers(1, 5))) + f" {i}" for i in range(200)]
generation_fixture("generation_qa_random", golds, [perturb(g) for g in golds])

golds = [[phrase(int(rng.integers(1, 4))) for _ in range(int(rng.integers(1, 4)))] for _ in range(150)]
generation_fixture("generation_multiple_references", golds, [perturb(g[int(rng.integers(0, len(g)))]) for g in golds])

generation_fixture(
    "generation_empty_and_articles",
    ["", "", "the", "A cat", "an apple", "the the", "  ", "Denver", "!!", "a"],
    ["", "something", "", "cat", "apple", "", "", "", "", "an"],
    task="generation",
)

golds = ["Hello, world!", "New   York", "e.g. this", "state-of-the-art", "  tabs\tand\nnewlines ", "o'clock"]
preds = ["hello world", "new york", "eg this", "stateoftheart", "tabs and newlines", "oclock"]
generation_fixture(
    "generation_strip_punctuation_collapse_whitespace", golds, preds,
    normalize={"stripPunctuation": True, "collapseWhitespace": True}, task="generation",
)

golds = ["Paris", " Paris ", "paris", "London", "BIG apple", "x"]
preds = ["Paris", "Paris", "Paris", " London", "big apple", "x "]
generation_fixture("generation_no_trim_no_casefold", golds, preds, normalize={"trim": False, "caseFold": False}, task="generation")

golds = ["Über den Fluss", "café au lait", "東京 タワー", "é a b", "Ελλάδα Σ", "a\u00a0b\u3000c", "naïve the résumé"]
preds = ["über den fluss", "Cafe au lait", "東京\u3000タワー", "é b", "ελλάδα σ", "a b c", "Naïve résumé"]
generation_fixture("generation_unicode", golds, preds, task="generation")

# ---------------------------------------------------------------------------------------------- write

os.makedirs(OUT, exist_ok=True)
for old in os.listdir(OUT):
    if old.endswith(".json"):
        os.remove(os.path.join(OUT, old))
total = 0
for fx in fixtures:
    path = os.path.join(OUT, fx["name"] + ".json")
    text = json.dumps(fx, ensure_ascii=False, allow_nan=False, separators=(",", ":")) + "\n"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    total += len(text.encode("utf-8"))
counts = Counter(fx["task"] for fx in fixtures)
print(f"sklearn {sklearn.__version__}, numpy {np.__version__}, python {sys.version.split()[0]}")
print(f"wrote {len(fixtures)} fixtures ({total / 1e6:.2f} MB) to {os.path.relpath(OUT, ROOT)}: {dict(counts)}")
