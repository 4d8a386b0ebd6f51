"""Replay two rule sets on the same inputs and list every verdict that changes (and the effect on eval scores)."""

from __future__ import annotations

from pathlib import Path

from .evaluate import evaluate
from .ingest import collect, load
from .pipeline import analyse
from .rules import RuleSet
from .structure import structure


def _verdicts(run) -> dict[str, dict]:
    docs = {d.id: d.path for d in run.results.documents}
    return {c.id: {"quote": c.quote, "government": c.government, "period": c.period, "document": docs[c.document],
                   "status": c.status, "rule": c.rule, "explanation": c.explanation,
                   "evidence": [e.quote for e in c.evidence]}
            for c in run.results.commitments}


def diff(old: RuleSet, new: RuleSet, inputs: list[str | Path], labels: list[Path] | None = None,
         corpus: Path | None = None, seeds: Path | None = None) -> dict:
    structured = [structure(load(shown, path)) for shown, path in collect(inputs)]
    a = _verdicts(analyse(structured, old))
    b = _verdicts(analyse(structured, new))
    changed = []
    for cid in sorted(set(a) & set(b), key=lambda k: (a[k]["government"], a[k]["period"], k)):
        x, y = a[cid], b[cid]
        if (x["status"], x["rule"], x["evidence"]) != (y["status"], y["rule"], y["evidence"]):
            changed.append({"id": cid, "government": x["government"], "period": x["period"],
                            "document": x["document"], "quote": x["quote"],
                            "old": {k: x[k] for k in ("status", "rule", "explanation", "evidence")},
                            "new": {k: y[k] for k in ("status", "rule", "explanation", "evidence")}})
    result = {
        "old_rules": old.directory, "new_rules": new.directory, "old_digest": old.digest, "new_digest": new.digest,
        "commitments": len(a), "changed": changed,
        "only_old": [{"id": k, "quote": a[k]["quote"]} for k in sorted(set(a) - set(b))],
        "only_new": [{"id": k, "quote": b[k]["quote"]} for k in sorted(set(b) - set(a))],
    }
    if labels:
        eo = evaluate(labels, old, corpus, seeds)
        en = evaluate(labels, new, corpus, seeds)
        if eo["overall"] and en["overall"]:
            def pick(e):
                s = e["overall"]
                return {"recall": s["extraction"]["recall"], "precision": s["extraction"]["precision"],
                        "status_accuracy": s["status"]["accuracy"], "macro_f1": s["status"]["macro_f1"],
                        "claimed_where_label_unreported": s["status"]["claimed_where_label_unreported"]}
            result["eval"] = {"old": pick(eo), "new": pick(en)}
            result["eval_by_file"] = {
                name: {"old": eo["by_file"][name], "new": en["by_file"].get(name)}
                for name in eo["by_file"]
                if eo["by_file"][name] != en["by_file"].get(name)
            }
    return result
