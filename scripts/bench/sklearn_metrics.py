"""Point metrics of one per-example JSONL file with pandas + scikit-learn, as a user would write them.

Used by `npm run bench` as the hand-written baseline evalgate is timed against (scripts/bench.ts).
Prints one JSON object {metric: value} on stdout. Class names are integer-encoded before scikit-learn
sees them (scikit-learn 1.2 is several times slower on string labels).
"""
import json
import sys

import numpy as np
import pandas as pd
from sklearn import metrics as M


def main(path: str) -> None:
    df = pd.read_json(path, lines=True, dtype=False)
    labels = df["label"].astype(str)
    preds = df["prediction"].astype(str)
    first = df["probabilities"].iloc[0]
    if isinstance(first, dict):
        classes = sorted(set(labels) | set(preds) | set(first.keys()))
        code = {c: i for i, c in enumerate(classes)}
        y = labels.map(code).to_numpy()
        p = preds.map(code).to_numpy()
        proba = pd.DataFrame(df["probabilities"].tolist())[classes].to_numpy()
        k = len(classes)
        out = {
            "accuracy": M.accuracy_score(y, p),
            "balanced_accuracy": M.balanced_accuracy_score(y, p),
            "mcc": M.matthews_corrcoef(y, p),
            "cohen_kappa": M.cohen_kappa_score(y, p),
            "roc_auc_ovr": M.roc_auc_score(y, proba, multi_class="ovr", average="macro", labels=list(range(k))),
            "log_loss": M.log_loss(y, proba, labels=list(range(k))),
            "top_k_accuracy": M.top_k_accuracy_score(y, proba, k=5, labels=list(range(k))),
        }
        for avg in ("macro", "micro", "weighted"):
            pr, rc, f1, _ = M.precision_recall_fscore_support(y, p, average=avg, zero_division=0)
            out[f"precision_{avg}"] = pr
            out[f"recall_{avg}"] = rc
            out[f"f1_{avg}"] = f1
    else:
        y = (labels == "1").to_numpy().astype(int)
        p = (preds == "1").to_numpy().astype(int)
        s = df["probabilities"].to_numpy(dtype=float)
        out = {
            "accuracy": M.accuracy_score(y, p),
            "balanced_accuracy": M.balanced_accuracy_score(y, p),
            "precision": M.precision_score(y, p, zero_division=0),
            "recall": M.recall_score(y, p, zero_division=0),
            "f1": M.f1_score(y, p, zero_division=0),
            "mcc": M.matthews_corrcoef(y, p),
            "cohen_kappa": M.cohen_kappa_score(y, p),
            "roc_auc": M.roc_auc_score(y, s),
            "average_precision": M.average_precision_score(y, s),
            "log_loss": M.log_loss(y, s),
            "brier": M.brier_score_loss(y, s),
        }
    json.dump({k: float(v) for k, v in out.items()}, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
