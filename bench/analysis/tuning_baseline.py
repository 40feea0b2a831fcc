#!/usr/bin/env python3
"""scikit-learn reference figures (the same code as ../shared/bench/baseline.py `quality`) on the
NHS phase 2 tuning set written by `bench/analysis/tune.ts` (JSONL with "text" and "labels").

  /usr/bin/python3 bench/analysis/tuning_baseline.py FILE.jsonl NAME
"""
import importlib.util, json, os, sys

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("baseline", os.path.join(here, "../../../shared/bench/baseline.py"))
baseline = importlib.util.module_from_spec(spec)
spec.loader.exec_module(baseline)

rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
baseline.quality(sys.argv[2], [r["text"] for r in rows], [r["labels"][0] for r in rows])
