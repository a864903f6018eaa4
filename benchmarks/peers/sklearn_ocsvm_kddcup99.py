#!/usr/bin/env python3
"""scikit-learn's OneClassSVM on KDDCUP99 under PyOD's unsupervised holdout, the peer of

    ./aelab bench anomaly --protocol unsupervised_holdout --datasets kddcup99 \
        --detectors ocsvm,svdd --max-train-rows 10000 --seeds 10

aelab's `svdd` is the nu one-class SVM with nu = 1 / (n C) = 0.1 (see SvddDetector) and its
`ocsvm` the same model with nu = 0.5; both use gamma "scale". Under this protocol the training
rows hold the anomaly class (KDDCUP99's "normal" traffic, 20 %), and aelab's svdd ranks the
anomalies *below* the normal rows (ROC-AUC about 30). This script runs the reference
implementation at the same settings on the same kind of split (60/40 of all rows, z-scored on the
training part, 10,000 training rows drawn at random, every test row scored), so that an inversion
here too says it belongs to the model at nu = 0.1, not to aelab. It also prints which rows the
support vectors are: the decision function is a sum of kernels at them.

Reads the DAGMM one-hot encoding aelab reads (kddcup99_dagmm_onehot.npz, label in the last column,
1 = anomaly). Needs NumPy and scikit-learn (Debian: apt install python3-sklearn). Prints one JSON
object per line: {"seed", "nu", "roc_auc", "support_vectors", "anomaly_share_of_support_vectors",
"anomaly_share_of_training_sample", "seconds"}.
"""
import argparse
import json
import time

import numpy as np
from sklearn.metrics import roc_auc_score
from sklearn.svm import OneClassSVM


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default="../shared/data/anomaly/kddcup99_dagmm_onehot.npz")
    parser.add_argument("--seeds", type=int, default=2)
    parser.add_argument("--nu", default="0.1,0.5", help="comma-separated nu values")
    parser.add_argument("--max-train-rows", type=int, default=10000)
    args = parser.parse_args()

    archive = np.load(args.data)
    table = archive[archive.files[0]]
    x, y = table[:, :-1].astype(np.float64), table[:, -1].astype(int)
    for seed in range(args.seeds):
        rng = np.random.default_rng(seed)
        order = rng.permutation(len(x))
        train, test = order[: int(0.6 * len(x))], order[int(0.6 * len(x)):]
        mean, std = x[train].mean(0), x[train].std(0)
        std[std == 0] = 1  # constant columns stay 0 after centring, as aelab's z-score leaves them
        x_train, x_test = (x[train] - mean) / std, (x[test] - mean) / std
        sample = rng.choice(len(x_train), min(args.max_train_rows, len(x_train)), replace=False)
        sample_labels = y[train][sample]
        for nu in (float(v) for v in args.nu.split(",")):
            start = time.time()
            model = OneClassSVM(nu=nu, gamma="scale").fit(x_train[sample])
            scores = -model.decision_function(x_test)  # higher = more anomalous, as aelab's
            print(json.dumps({
                "seed": seed,
                "nu": nu,
                "roc_auc": round(100 * roc_auc_score(y[test], scores), 2),
                "support_vectors": int(len(model.support_)),
                "anomaly_share_of_support_vectors": round(float(sample_labels[model.support_].mean()), 3),
                "anomaly_share_of_training_sample": round(float(sample_labels.mean()), 3),
                "seconds": round(time.time() - start, 1),
            }), flush=True)


if __name__ == "__main__":
    main()
