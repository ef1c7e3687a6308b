#!/usr/bin/env python3
# make_profiles.py — writes N varied, realistic profiles as JSON Lines for the
# benchmarks.  Each record starts from one of the real profiles in examples/
# and tests/cases/ and changes some of its answers to values other profiles
# give at the same place; the seed is fixed, so every run writes the same file.
#
# usage: bench/make_profiles.py N [REPO] > big.jsonl
import copy, json, pathlib, random, sys

n = int(sys.argv[1])
repo = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else pathlib.Path(__file__).resolve().parent.parent)
bases = []
for d in ("examples", "tests/cases"):
    for f in sorted((repo / d).glob("*.json")):
        bases.append(json.loads(f.read_text()))
if not bases:
    sys.exit("make_profiles: no profiles under examples/ or tests/cases/")

# Every value seen at every place (array positions folded together), so a
# changed answer is always one a real profile gives there.
seen = {}
def collect(v, path):
    if isinstance(v, dict):
        for k, x in v.items():
            collect(x, path + "." + k)
    elif isinstance(v, list) and all(isinstance(x, (dict, list)) for x in v):
        for x in v:
            collect(x, path + "[]")
    else:
        seen.setdefault(path, [])
        if v not in seen[path]:
            seen[path].append(v)
for b in bases:
    collect(b, "")
for k in seen:
    seen[k].sort(key=lambda v: json.dumps(v, sort_keys=True))

rng = random.Random(14)
def vary(v, path):
    if isinstance(v, dict):
        out = {}
        for k, x in v.items():
            p = path + "." + k
            if p in (".schema", ".label") or (p.endswith(".share") and rng.random() < 0.7):
                out[k] = x
            elif p in seen and rng.random() < 0.25:
                out[k] = copy.deepcopy(rng.choice(seen[p]))
            else:
                out[k] = vary(x, p)
        return out
    if isinstance(v, list) and all(isinstance(x, (dict, list)) for x in v):
        return [vary(x, path + "[]") for x in v]
    return v

for i in range(n):
    doc = vary(bases[rng.randrange(len(bases))], "")
    doc["label"] = f"{doc.get('label', 'Profile')} #{i}"
    for t in doc.get("role", {}).get("tasks", []):
        if rng.random() < 0.3:
            t["share"] = rng.randint(5, 60)
    print(json.dumps(doc, separators=(",", ":"), ensure_ascii=False))
