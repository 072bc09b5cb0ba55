#!/usr/bin/env python3
"""Precision, recall and F1 of `castgraph audit --json` against a generated truth.

usage: audit_score.py AUDIT.json DATASET.truth/fraud.csv [DATASET/fans.csv]
The genuine-flag rate (flagged genuine fans / genuine fans) needs fans.csv.
"""
import csv
import json
import sys

audit = json.load(open(sys.argv[1]))
flagged = {fan for block in audit["blocks"] for fan in block["fans"]}
truth = set()
try:
    with open(sys.argv[2], newline="") as f:
        truth = {row["fan"] for row in csv.DictReader(f)}
except FileNotFoundError:
    pass
hits = len(flagged & truth)
precision = hits / len(flagged) if flagged else 1.0
recall = hits / len(truth) if truth else 1.0
f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
genuine = audit["fans"] - len(truth)
false_flags = len(flagged - truth)
print(json.dumps({"planted": len(truth), "flagged": len(flagged), "true_flags": hits,
                  "precision": round(precision, 4), "recall": round(recall, 4),
                  "f1": round(f1, 4), "genuine_flagged": false_flags,
                  "genuine_flagged_share": round(false_flags / genuine, 6) if genuine else 0,
                  "blocks": len(audit["blocks"]),
                  "unflagged_blocks": len(audit["unflagged_blocks"])}))
