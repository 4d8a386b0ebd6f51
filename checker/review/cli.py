"""`checker review …`: queue, decide, history, export, import, serve."""

from __future__ import annotations

import csv
import io
import json
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from pydantic import ValidationError
from rich.console import Console
from ruamel.yaml import YAML

from ..errors import CheckerError, InputError

app = typer.Typer(no_args_is_help=True, help="Auditor review: queue, decisions, review page.")
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)
DB = typer.Option(Path("reviews.db"), "--db", help="Review database (SQLite).")


class Fmt(str, Enum):
    text = "text"
    json = "json"


class FileFmt(str, Enum):
    yaml = "yaml"
    csv = "csv"


def _fail(e: CheckerError):
    err.print(f"checker: error: {e}", markup=False, highlight=False)
    raise typer.Exit(e.exit_code)


@app.command()
def queue(
    inputs: list[Path] = typer.Argument(None, help="Report files or folders (default: seeds/)."),
    rules: Path = typer.Option(Path("rules"), "--rules"),
    db: Path = DB,
    government: Optional[str] = typer.Option(None, "--government"),
    period: Optional[str] = typer.Option(None, "--period"),
    area: Optional[str] = typer.Option(None, "--area"),
    status: Optional[str] = typer.Option(None, "--status"),
    kind: Optional[str] = typer.Option(None, "--kind", help="conflict, near_threshold, unmatched, proxy_only, "
                                                            "uncommitted_outcome"),
    limit: int = typer.Option(50, "--limit"),
    fmt: Fmt = typer.Option(Fmt.text, "--format"),
):
    """List what needs a human, most uncertain first."""
    from ..pipeline import run
    from ..rules import load_rules
    from .queue import KIND_ZH, build_queue, counts
    from .store import ReviewStore

    try:
        decisions = ReviewStore(db).all() if db.exists() else []
        r = run(inputs or [Path("seeds")], load_rules(rules), decisions=decisions)
    except CheckerError as e:
        _fail(e)
    items = build_queue(r, government, period, area, status)
    if kind:
        items = [i for i in items if i.kind == kind]
    if fmt is Fmt.json:
        out.print_json(json.dumps({"counts": counts(items), "total": len(items),
                                   "items": [i.model_dump() for i in items]}, ensure_ascii=False))
        return
    out.print(f"{len(items)} 项待审核: " + ", ".join(f"{KIND_ZH[k]} {n}" for k, n in counts(items).items()), markup=False)
    for i in items[:limit]:
        out.print(f"{i.uncertainty:.2f} {KIND_ZH[i.kind]:8} {i.target} {i.government} {i.period} {i.area} "
                  f"{i.status or ''} “{i.quote[:50]}” — {i.reason}", markup=False)
    if r.results.orphaned_decisions:
        out.print(f"{len(r.results.orphaned_decisions)} orphaned decision(s): "
                  + "; ".join(f"#{o.seq} {o.target} ({o.reason})" for o in r.results.orphaned_decisions), markup=False)


@app.command()
def decide(
    target: str = typer.Argument(..., help="Commitment or outcome id."),
    action: str = typer.Option(..., "--action", help="accept_match, reject_match, pick_evidence, set_status, "
                                                    "not_a_commitment, unratable (commitments); set_period, "
                                                    "not_an_outcome (outcomes); withdraw"),
    note: str = typer.Option(..., "--note"),
    reviewer: str = typer.Option(..., "--reviewer"),
    outcome: Optional[str] = typer.Option(None, "--outcome"),
    status: Optional[str] = typer.Option(None, "--status"),
    period: Optional[str] = typer.Option(None, "--period"),
    db: Path = DB,
):
    """Record one decision (appended; history is kept)."""
    from .store import Decision, ReviewStore

    kind = "outcome" if target.startswith("O") else "commitment"
    try:
        d = Decision(target=target, target_kind=kind, action=action, outcome=outcome, status=status, period=period,
                     note=note, reviewer=reviewer)
    except ValidationError as e:
        err.print("checker: error: " + "; ".join(x["msg"] for x in e.errors(include_url=False)), markup=False)
        raise typer.Exit(2)
    try:
        with ReviewStore(db) as store:
            saved = store.add(d)
    except CheckerError as e:
        _fail(e)
    out.print(f"decision #{saved.seq} saved for {target} in {db}", markup=False)


@app.command()
def history(target: str = typer.Argument(...), db: Path = DB, fmt: Fmt = typer.Option(Fmt.text, "--format")):
    """Every decision ever recorded for one record."""
    from .store import ReviewStore

    with ReviewStore(db) as store:
        rows = store.history(target)
    if fmt is Fmt.json:
        out.print_json(json.dumps([json.loads(r.model_dump_json()) for r in rows], ensure_ascii=False))
        return
    for r in rows:
        out.print(f"#{r.seq} {r.created_at} {r.reviewer} {r.action} {r.outcome or ''}{r.status or ''}"
                  f"{r.period or ''} — {r.note}", markup=False)


@app.command("export")
def export_(file: Path = typer.Argument(...), db: Path = DB,
            fmt: Optional[FileFmt] = typer.Option(None, "--format", help="yaml or csv (default: from the suffix)")):
    """Write every decision (full history) to YAML or CSV."""
    from ..fileio import atomic_write
    from .store import ReviewStore, export_rows

    fmt = fmt or (FileFmt.csv if file.suffix.lower() == ".csv" else FileFmt.yaml)
    with ReviewStore(db) as store:
        rows = export_rows(store.all())
    if fmt is FileFmt.csv:
        buf = io.StringIO()
        cols = list(rows[0]) if rows else ["seq", "target", "target_kind", "action", "outcome", "status", "period",
                                           "note", "reviewer", "created_at", "verdict_before", "rules_digest"]
        w = csv.DictWriter(buf, fieldnames=cols, lineterminator="\r\n")
        w.writeheader()
        w.writerows(rows)
        atomic_write(file, b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))
    else:
        yaml = YAML()
        yaml.allow_unicode = True
        buf = io.StringIO()
        yaml.dump({"schema": 1, "decisions": rows}, buf)
        atomic_write(file, buf.getvalue())
    out.print(f"exported {len(rows)} decision(s) to {file}", markup=False)


@app.command("import")
def import_(file: Path = typer.Argument(...), db: Path = DB):
    """Append decisions from a YAML or CSV export (exact duplicates are skipped; nothing is overwritten)."""
    from .store import Decision, ReviewStore

    try:
        text = file.read_text(encoding="utf-8-sig")
    except OSError as e:
        _fail(InputError(f"{file}: cannot read ({e.strerror})"))
    try:
        if file.suffix.lower() == ".csv":
            rows = list(csv.DictReader(io.StringIO(text)))
        else:
            data = YAML(typ="safe").load(text) or {}
            rows = data.get("decisions", []) if isinstance(data, dict) else []
        decisions = []
        for i, row in enumerate(rows, 1):
            row = {k: (v if v not in ("", None) else None) for k, v in dict(row).items()}
            row.pop("seq", None)
            decisions.append(Decision(**{k: v for k, v in row.items() if v is not None}))
    except (ValidationError, TypeError, ValueError) as e:
        _fail(InputError(f"{file}: invalid decision at row {i}: {str(e).splitlines()[0]}"))
    with ReviewStore(db) as store:
        n = store.add_many(decisions)
    out.print(f"imported {n} new decision(s) from {file} ({len(decisions) - n} already present)", markup=False)


@app.command()
def serve(
    inputs: list[Path] = typer.Argument(None, help="Report files or folders (default: seeds/)."),
    rules: Path = typer.Option(Path("rules"), "--rules"),
    db: Path = DB,
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to bind (default: local only)."),
    port: int = typer.Option(8765, "--port"),
):
    """Start the local review page."""
    from ..rules import load_rules
    from .server import ReviewApp
    from .server import serve as make_server

    try:
        app_ = ReviewApp(inputs or [Path("seeds")], load_rules(rules), db)
        app_.current()
    except CheckerError as e:
        _fail(e)
    httpd = make_server(app_, host, port)
    out.print(f"review page on http://{host}:{httpd.server_address[1]}/  (database {db}; Ctrl-C to stop)",
              markup=False)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()
