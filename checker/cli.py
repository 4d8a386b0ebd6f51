"""Command line: a thin skin over the library.

Exit codes: 0 success; 1 unexpected failure; 2 invalid rules or usage; 3 bad input file; 4 output error.
"""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from . import __version__
from .errors import CheckerError

app = typer.Typer(add_completion=False, no_args_is_help=True, help="checker: 政府工作报告承诺兑现核查 / commitment checker.")
rules_app = typer.Typer(no_args_is_help=True, help="Check and document the rule files.")
app.add_typer(rules_app, name="rules")


def _review_app():
    from .review.cli import app as review

    return review


app.add_typer(_review_app(), name="review")
err = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2
STAGE_ZH = {"ingest": "读取", "extract": "抽取", "render": "生成记分卡"}


class Format(str, Enum):
    text = "text"
    json = "json"


def _fail(e: CheckerError) -> None:
    from .errors import RulesError

    if isinstance(e, RulesError):
        for line in e.errors:
            err.print(line, markup=False, highlight=False)
        err.print(f"checker: {len(e.errors)} error(s) in rules; nothing was written", markup=False)
    else:
        err.print(f"checker: error: {e}", markup=False, highlight=False)
    raise typer.Exit(e.exit_code)


@contextmanager
def _progress(enabled: bool):
    if not enabled or not err.is_terminal:
        yield None
        return
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True) as p:
        tasks: dict[str, int] = {}

        def update(stage: str, i: int, n: int) -> None:
            if stage not in tasks:
                tasks[stage] = p.add_task(STAGE_ZH.get(stage, stage), total=n)
            p.update(tasks[stage], completed=i + 1, total=n)

        yield update


@app.command()
def scorecard(
    inputs: list[Path] = typer.Argument(None, help="Report files or folders (default: seeds/)."),
    rules: Path = typer.Option(Path("rules"), "--rules", help="Folder of rule files."),
    out_dir: Path = typer.Option(Path("reports"), "--out", help="Output folder."),
    fmt: Format = typer.Option(Format.text, "--format", help="Summary format."),
    pdf: bool = typer.Option(True, "--pdf/--no-pdf", help="Render PDF scorecards (HTML is always written)."),
    db: Path = typer.Option(Path("reviews.db"), "--db", help="Auditor decisions to apply (if the file exists)."),
    reviews: bool = typer.Option(True, "--reviews/--no-reviews", help="Apply auditor decisions."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes for PDF rendering."),
    cache_dir: Path = typer.Option(Path(".cache/checker"), "--cache-dir", help="Cache of parsed documents and runs."),
    use_cache: bool = typer.Option(True, "--cache/--no-cache", help="Reuse parsed documents and unchanged runs."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
):
    """Run the whole pipeline and write results.json, commitments.csv and scorecards."""
    from .cache import Cache
    from .pipeline import run
    from .report import Staged, render_all
    from .review.store import ReviewStore
    from .rules import load_rules

    inputs = inputs or [Path("seeds")]
    stage = Staged()
    try:
        ruleset = load_rules(rules)
        decisions = []
        if reviews and db.exists():
            with ReviewStore(db) as store:
                decisions = store.all()
        with _progress(not quiet) as prog:
            r = run(inputs, ruleset, prog, decisions=decisions, keep_text=False,
                    cache=Cache(cache_dir) if use_cache else None)
            render_all(r.results, ruleset, out_dir, stage, prog, pdf=pdf, run=r, jobs=jobs)
        written = stage.commit()
    except CheckerError as e:
        stage.abort()
        _fail(e)
    except BaseException:
        stage.abort()
        raise
    s = r.results.summary
    if fmt is Format.json:
        out.print_json(json.dumps({"summary": s.model_dump(), "files": [str(p) for p in written]}, ensure_ascii=False))
        return
    cards = sum(1 for p in written if p.name == "scorecard.html")
    out.print(f"{s.documents} 份文件 · {s.commitments} 项承诺（量化 {s.quantitative}）· {s.outcomes} 项结果", markup=False)
    out.print(f"达成 Met {s.status_counts['met']} · 未达成 Missed {s.status_counts['missed']} · "
              f"未报告 Unreported {s.status_counts['unreported']}", markup=False)
    out.print(f"{cards} 份记分卡 → {out_dir}/  (results.json, commitments.csv)", markup=False)
    if decisions:
        out.print(f"审核决定 {len(decisions)} 条，已应用 {r.results.decisions_applied} 条（{db}）", markup=False)
    for o in r.results.orphaned_decisions:
        err.print(f"checker: warning: orphaned decision #{o.seq} on {o.target} ({o.action} by {o.reviewer}): "
                  f"{o.reason}; it stays in {db}", markup=False)


@app.command()
def inspect(
    file: Path = typer.Argument(..., help="One report file."),
    rules: Path = typer.Option(Path("rules"), "--rules"),
    fmt: Format = typer.Option(Format.text, "--format"),
):
    """Show what was detected in one document, and why."""
    from .extract import Extractor
    from .ingest import load
    from .rules import load_rules
    from .structure import structure

    try:
        if not file.is_file():
            raise CheckerError(f"{file}: not a file")
        s = structure(load(str(file), file))
        e = Extractor(load_rules(rules)).extract(s)
    except CheckerError as ex:
        _fail(ex)
    d = s.document
    if fmt is Format.json:
        data = d.model_dump(mode="json")
        data["counts"] = {"commitments": len(e.commitments), "outcomes": len(e.outcomes)}
        out.print_json(json.dumps(data, ensure_ascii=False))
        return
    out.print(f"{d.path}", markup=False)
    out.print(f"  政府 government: {d.government} ({d.government_full})  类型 kind: {d.kind}  "
              f"日期 delivered: {d.delivered or '—'}  年份 year: {d.year}", markup=False)
    out.print(f"  回顾 reviews: {', '.join(d.reviews) or '—'}  计划 plans: {', '.join(d.plans) or '—'}", markup=False)
    out.print("  why:", markup=False)
    for det in d.detections:
        out.print(f"    {det.field} = {det.value}  [{det.source}] {det.reason}", markup=False)
    out.print("  sections:", markup=False)
    for sec in d.sections:
        flag = " (含主要预期目标)" if sec.targets_block else ""
        out.print(f"    {sec.kind:8} {sec.period or '':10} [{sec.start}:{sec.end}] {sec.heading[:40]}{flag}", markup=False)
    out.print(f"  extracted: {len(e.commitments)} commitments, {len(e.outcomes)} outcomes "
              f"({sum(o.partial_year for o in e.outcomes)} partial-year)", markup=False)


@app.command()
def explain(
    record_id: str = typer.Argument(..., help="Commitment id (from results.json or the CSV)."),
    inputs: list[Path] = typer.Argument(None, help="Inputs of the run (default: seeds/)."),
    rules: Path = typer.Option(Path("rules"), "--rules"),
    fmt: Format = typer.Option(Format.text, "--format"),
):
    """Print the whole decision for one commitment, step by step."""
    from .pipeline import run
    from .rules import load_rules

    try:
        r = run(inputs or [Path("seeds")], load_rules(rules))
    except CheckerError as e:
        _fail(e)
    match = [c for c in r.results.commitments if c.id == record_id]
    if not match:
        err.print(f"checker: error: no commitment with id {record_id}", markup=False)
        raise typer.Exit(EXIT_USAGE)
    c = match[0]
    if fmt is Format.json:
        from .classify import full_trace

        data = c.model_dump(mode="json")
        doc_path = next(d.path for d in r.results.documents if d.id == c.document)
        data["trace"] = [s.model_dump() for s in full_trace(c, doc_path)]
        out.print_json(json.dumps(data, ensure_ascii=False))
        return
    out.print(f"{c.id} · {c.government} · {c.period} · {c.area}", markup=False)
    from .classify import full_trace

    doc_path = next(d.path for d in r.results.documents if d.id == c.document)
    for i, step in enumerate(full_trace(c, doc_path), 1):
        mark = "" if step.passed is None or step.step == "rules" else (" ✓" if step.passed else " ✗")
        first, *rest = step.detail.split("\n")
        out.print(f"{i:2}. [{step.step}]{mark} {first}", markup=False)
        for line in rest:
            out.print(f"      {line}", markup=False)


class Split(str, Enum):
    all = "all"
    dev = "dev"
    holdout = "holdout"


@app.command("eval")
def eval_(
    labels: list[Path] = typer.Argument(..., help="Label files (tests/labels/*.yaml)."),
    rules: Path = typer.Option(Path("rules"), "--rules"),
    corpus: Path = typer.Option(Path("../shared/corpus"), "--corpus", help="Root for corpus: references."),
    seeds: Path = typer.Option(Path("seeds"), "--seeds", help="Root for seeds: references."),
    split: Split = typer.Option(Split.all, "--split", help="Score only dev or holdout files."),
    fmt: Format = typer.Option(Format.text, "--format"),
    mistakes: int = typer.Option(30, "--mistakes", help="How many mistakes to list (text format)."),
):
    """Score extraction and verdicts against labelled report pairs."""
    from .evaluate import evaluate
    from .rules import load_rules

    try:
        result = evaluate(labels, load_rules(rules), corpus, seeds, split.value)
    except CheckerError as e:
        _fail(e)
    if fmt is Format.json:
        out.print_json(json.dumps(result, ensure_ascii=False, default=str))
        return
    _print_eval(result, mistakes)


def _f(x: float | None, digits: int = 3) -> str:
    return "n/a" if x is None else f"{x:.{digits}f}"


def _print_eval(r: dict, n_mistakes: int) -> None:
    if not r["overall"]:
        out.print(f"no label file could be evaluated (skipped: {', '.join(r['skipped']) or 'none'})", markup=False)
        return
    def block(title: str, s: dict) -> None:
        e, f, st = s["extraction"], s["fields"], s["status"]
        out.print(f"== {title}", markup=False)
        out.print(f"  extraction  items {e['items']}  found {e['found']}  recall {e['recall']:.3f}  "
                  f"precision {_f(e['precision'])} (exhaustively labelled zones, {e['predicted_in_exact_zones']} "
                  f"predicted; exhaustive spans alone {_f(e['precision_exhaustive_spans'])} of "
                  f"{e['predicted_in_exhaustive_spans']})  F1 {_f(e['f1'])}  precision lower bound in all labelled "
                  f"sentences {e['precision_lower_bound_labelled_sentences']:.3f}", markup=False)
        out.print(f"  fields      comparator {f['comparator']:.3f}  value {f['value']:.3f}  unit {f['unit']:.3f}  "
                  f"period {f['period']:.3f}", markup=False)
        out.print(f"  status      accuracy {st['accuracy']:.3f}  macro-F1 {st['macro_f1']:.3f}  "
                  + "  ".join(f"{k} P{v['precision']:.2f}/R{v['recall']:.2f}/F{v['f1']:.2f}" for k, v in st['per_class'].items()),
                  markup=False)
        out.print("  confusion   label→pred  " + "  ".join(
            f"{a}:[" + " ".join(f"{b}={st['confusion'][a][b]}" for b in st['confusion'][a]) + "]" for a in st['confusion']),
            markup=False)
        out.print(f"  claims where label says unreported: {st['claimed_where_label_unreported']}   "
                  f"met/missed without same-period evidence: {st['claimed_without_same_period_evidence']} "
                  f"({100 * st['claimed_without_same_period_evidence_rate']:.1f}%)", markup=False)
        o = s["outcomes"]
        line = f"  outcomes    labelled {o['labelled']}  found {o['found']}  recall {o['recall']:.3f}"
        if "span_items" in o:
            line += (f"   exhaustive review spans: items {o['span_items']}  predicted {o['span_predicted']}  "
                     f"precision {o['span_precision']:.3f}  recall {o['span_recall']:.3f}  F1 {o['span_f1']:.3f}  "
                     f"period {o['span_period_accuracy']:.3f}")
        out.print(line, markup=False)
        if s["hard_cases"]:
            out.print("  hard cases  status accuracy " + "  ".join(
                f"{t} {h['status_accuracy']:.2f} ({h['items']})" for t, h in s["hard_cases"].items()), markup=False)
    block(f"overall ({r['files']} files)", r["overall"])
    for k, s in r["by_split"].items():
        block(k, s)
    out.print("== by file", markup=False)
    for name, b in r["by_file"].items():
        out.print(f"  {name:34} items {b['items']:3}  recall {b['recall']:.2f}  precision {_f(b['precision'], 2)}  "
                  f"value {b['value']:.2f}  status {b['status_accuracy']:.2f}  macro-F1 {b['macro_f1']:.2f}  "
                  f"false claims {b['claimed_where_label_unreported']}", markup=False)
    if r["skipped"]:
        out.print(f"skipped (documents absent): {', '.join(r['skipped'])}", markup=False)
    out.print(f"== mistakes ({len(r['mistakes'])}, first {min(n_mistakes, len(r['mistakes']))})", markup=False)
    for m in r["mistakes"][:n_mistakes]:
        detail = "; ".join(m.get("errors", [])) or m.get("expected", "")
        out.print(f"  {m['item']} {m['kind']} {m.get('id', '')} “{m['quote']}” {detail}", markup=False)


@app.command()
def schema():
    """Print the JSON Schema of results.json."""
    from .models import Results

    out.print_json(json.dumps(Results.model_json_schema(), ensure_ascii=False))


@rules_app.command("check")
def rules_check(directory: Path = typer.Argument(Path("rules"))):
    """Validate every rule file; report all errors at once (exit 2 when invalid)."""
    from .rules import load_rules

    try:
        r = load_rules(directory)
    except CheckerError as e:
        _fail(e)
    out.print(f"{directory}: ok ({len(r.status.levels)} status levels, {len(r.matching.levels)} matching levels, "
              f"{len(r.indicators.indicators)} indicators; digest {r.digest})", markup=False)


@rules_app.command("docs")
def rules_docs(
    directory: Path = typer.Argument(Path("rules")),
    output: Path = typer.Option(Path("docs/rules.md"), "--output", "-o"),
    check: bool = typer.Option(False, "--check", help="Exit 1 if the file is stale instead of writing it."),
):
    """Generate docs/rules.md from the rule files (--check: fail when it is stale)."""
    from .fileio import atomic_write
    from .ruledocs import render
    from .rules import load_rules

    try:
        text = render(load_rules(directory))
    except CheckerError as e:
        _fail(e)
    if check:
        current = output.read_text(encoding="utf-8") if output.exists() else ""
        if current != text:
            err.print(f"checker: {output} is stale; run `checker rules docs` and commit it", markup=False)
            raise typer.Exit(EXIT_FAIL)
        out.print(f"{output}: up to date", markup=False)
        return
    atomic_write(output, text)
    out.print(f"wrote {output}", markup=False)


@rules_app.command("diff")
def rules_diff(
    old: Path = typer.Argument(..., help="Old rules folder."),
    new: Path = typer.Argument(..., help="New rules folder."),
    inputs: list[Path] = typer.Argument(None, help="Report files or folders (default: seeds/)."),
    labels: list[Path] = typer.Option(None, "--labels", help="Label files: also show the effect on eval scores."),
    corpus: Path = typer.Option(Path("../shared/corpus"), "--corpus"),
    seeds: Path = typer.Option(Path("seeds"), "--seeds"),
    fmt: Format = typer.Option(Format.text, "--format"),
):
    """Replay two rule sets on the same inputs and list every verdict that changes."""
    from .rulediff import diff
    from .rules import load_rules

    try:
        r = diff(load_rules(old), load_rules(new), inputs or [Path("seeds")], labels or None, corpus, seeds)
    except CheckerError as e:
        _fail(e)
    if fmt is Format.json:
        out.print_json(json.dumps(r, ensure_ascii=False))
        return
    out.print(f"{r['old_rules']} ({r['old_digest']}) → {r['new_rules']} ({r['new_digest']}): "
              f"{len(r['changed'])} of {r['commitments']} verdicts change", markup=False)
    for c in r["changed"]:
        out.print(f"{c['id']} {c['government']} {c['period']} “{c['quote']}” ({c['document']})", markup=False)
        out.print(f"  - {c['old']['status']} {c['old']['rule']}: {c['old']['explanation']}", markup=False)
        out.print(f"  + {c['new']['status']} {c['new']['rule']}: {c['new']['explanation']}", markup=False)
    for k in ("only_old", "only_new"):
        if r[k]:
            out.print(f"{k.replace('_', ' ')}: {len(r[k])} commitments (extraction changed)", markup=False)
    if "eval" in r:
        o, n = r["eval"]["old"], r["eval"]["new"]
        out.print("eval: " + "  ".join(f"{k} {o[k]} → {n[k]}" for k in o), markup=False)
        for name, v in r.get("eval_by_file", {}).items():
            out.print(f"  {name}: macro-F1 {v['old']['macro_f1']} → {v['new']['macro_f1'] if v['new'] else '—'}, "
                      f"status {v['old']['status_accuracy']} → {v['new']['status_accuracy'] if v['new'] else '—'}",
                      markup=False)


@rules_app.command("schema")
def rules_schema(name: Optional[str] = typer.Argument(None, help="One rule file name, e.g. status.yaml")):
    """Print the JSON Schema of the rule files."""
    from .rules import schemas

    s = schemas()
    if name:
        if name not in s:
            err.print(f"checker: error: unknown rule file {name}; one of {', '.join(s)}", markup=False)
            raise typer.Exit(EXIT_USAGE)
        s = s[name]
    out.print_json(json.dumps(s, ensure_ascii=False))


@app.callback(invoke_without_command=True)
def _main(version: bool = typer.Option(False, "--version", help="Print the version.")):
    if version:
        out.print(f"checker {__version__}")
        raise typer.Exit(0)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err.print("checker: interrupted; previous outputs left as they were", markup=False)
        sys.exit(130)


if __name__ == "__main__":
    main()
