#!/usr/bin/env python3
"""measure-exposure.py — why a task's measured exposure is half its GPTs-are-GPTs
beta and half Microsoft's measured AI use of its work activities (rescaled to
beta's scale): over every O*NET task, how well each source alone and each
combination predicts the other source's published occupation figure.

Usage: scripts/measure-exposure.py [build/occupations.db]

Reads the database aicert builds (tables tasks and occupations); needs only
Python's standard library.  Prints the figures the README quotes.
"""
import sqlite3
import statistics
import sys


def ranks(v):
    order = sorted(range(len(v)), key=lambda i: v[i])
    r = [0.0] * len(v)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and v[order[j + 1]] == v[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = (i + j) / 2
        i = j + 1
    return r


def spearman(x, y):
    return statistics.correlation(ranks(x), ranks(y))


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "build/occupations.db"
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    tasks = db.execute("SELECT code, task_type, beta, usage FROM tasks").fetchall()
    both = [(b, u) for _, _, b, u in tasks if b is not None and u is not None]
    mb, sb = statistics.fmean(b for b, _ in both), statistics.pstdev(b for b, _ in both)
    mu, su = statistics.fmean(u for _, u in both), statistics.pstdev(u for _, u in both)
    print(f"{len(tasks)} O*NET tasks: {sum(b is not None for _, _, b, _ in tasks)} with a GPTs-are-GPTs label, "
          f"{sum(u is not None for _, _, _, u in tasks)} with Microsoft's measured use of their work activities, "
          f"{len(both)} with both")
    print(f"task level, Spearman(beta, Microsoft measure) over {len(both)} tasks: "
          f"{spearman([b for b, _ in both], [u for _, u in both]):.3f}")

    published = dict(db.execute("SELECT code, beta FROM occupations WHERE beta IS NOT NULL"))
    applic = dict(db.execute("SELECT code, applicability FROM occupations WHERE applicability IS NOT NULL"))

    def occupations(task_exposure):
        acc = {}
        for code, ttype, b, u in tasks:
            e = task_exposure(b, u)
            if e is None:
                continue
            w = 2.0 if ttype == "Core" else 1.0
            s = acc.setdefault(code, [0.0, 0.0])
            s[0] += w * e
            s[1] += w
        return {c: s[0] / s[1] for c, s in acc.items()}

    def scaled(u):
        return None if u is None else min(1.0, max(0.0, (u - mu) / su * sb + mb))

    def combine(w, scale):
        def f(b, u):
            m = scale(u) if u is not None else None
            if b is None:
                return m
            if m is None:
                return b
            return w * b + (1 - w) * m
        return f

    candidates = [
        ("GPTs-are-GPTs beta alone", lambda b, u: b),
        ("Microsoft measure alone", lambda b, u: scaled(u)),
        ("0.25 beta + 0.75 Microsoft (rescaled)", combine(0.25, scaled)),
        ("0.50 beta + 0.50 Microsoft (rescaled)", combine(0.5, scaled)),
        ("0.75 beta + 0.25 Microsoft (rescaled)", combine(0.75, scaled)),
        ("0.50 beta + 0.50 Microsoft (not rescaled)", combine(0.5, lambda u: u)),
    ]
    codes = sorted(set(published) & set(applic))
    print(f"\noccupation level (Core 2, other 1), Spearman over {len(codes)} occupations with both published figures:")
    print(f"{'task measure':44s} {'vs published beta':>18s} {'vs MS applicability':>20s} {'mean':>6s}")
    for name, f in candidates:
        occ = occupations(f)
        cs = [c for c in codes if c in occ]
        x = [occ[c] for c in cs]
        rb = spearman(x, [published[c] for c in cs])
        ra = spearman(x, [applic[c] for c in cs])
        print(f"{name:44s} {rb:18.3f} {ra:20.3f} {(rb + ra) / 2:6.3f}")


if __name__ == "__main__":
    main()
