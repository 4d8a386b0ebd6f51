"""`checker review serve`: a local review page over the queue (stdlib HTTP server, jinja2, no external assets).

Bound to 127.0.0.1 by default. Every form carries a per-server CSRF token and POSTs are refused without it
or from another origin. Decisions go into the same SQLite store the CLI uses; the run is recomputed when
the store changes, so the page always shows verdicts with every decision applied.
"""

from __future__ import annotations

import secrets
import threading
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import jinja2
from pydantic import ValidationError

from ..classify import STATUS_LABEL, describe_target
from ..pipeline import Run, reapply, run
from ..rules import RuleSet
from .queue import KIND_ZH, build_queue, counts
from .store import ACTION_ZH, Decision, ReviewStore


class ReviewApp:
    def __init__(self, inputs: list[Path], rules: RuleSet, db: Path):
        self.inputs = inputs
        self.rules = rules
        self.store = ReviewStore(db)
        self.lock = threading.RLock()
        self.csrf = secrets.token_urlsafe(24)
        self._run: Run | None = None
        self._base: Run | None = None
        self._base_key: tuple = ()
        self._seen = -1
        self.env = jinja2.Environment(loader=jinja2.PackageLoader("checker", "review/templates"),
                                      autoescape=jinja2.select_autoescape(default=True),
                                      undefined=jinja2.StrictUndefined)

    def current(self) -> Run:
        """The run with every decision applied. Outcome decisions change matching, so they re-run the
        pipeline; commitment decisions are applied to copies of the cached base run (fast)."""
        with self.lock:
            n = self.store.count()
            if self._run is None or n != self._seen:
                decisions = self.store.all()
                outcome_ds = [d for d in decisions if d.target_kind == "outcome"]
                key = tuple(d.seq for d in outcome_ds)
                if self._base is None or key != self._base_key:
                    self._base = run(self.inputs, self.rules, decisions=outcome_ds)
                    self._base_key = key
                self._run = reapply(self._base, decisions)
                self._seen = n
            return self._run

    def render(self, name: str, **ctx) -> bytes:
        return self.env.get_template(name).render(csrf=self.csrf, status_label=STATUS_LABEL, action_zh=ACTION_ZH,
                                                  kind_zh=KIND_ZH, **ctx).encode("utf-8")

    # ------------------------------------------------------------ pages
    def queue_page(self, q: dict[str, str]) -> bytes:
        r = self.current()
        items = build_queue(r, government=q.get("government") or None, period=q.get("period") or None,
                            area=q.get("area") or None, status=q.get("status") or None)
        kind = q.get("kind") or ""
        shown = [i for i in items if not kind or i.kind == kind]
        res = r.results
        return self.render("queue.html.j2", items=shown[:300], total=len(shown), counts=counts(items), filters=q,
                           governments=sorted({c.government for c in res.commitments}),
                           periods=sorted({c.period for c in res.commitments}),
                           areas=sorted({c.area for c in res.commitments}),
                           decided=sum(1 for c in res.commitments if c.review), store=str(self.store.path),
                           orphans=res.orphaned_decisions)

    def item_page(self, rid: str, saved: str | None) -> bytes | None:
        r = self.current()
        res = r.results
        docs = {d.id: d for d in res.documents}
        structured = {s.document.id: s for s in r.structured}
        c = next((x for x in res.commitments if x.id == rid), None)
        o = None if c else next((x for x in res.outcomes if x.id == rid), None)
        rec = c or o
        if rec is None:
            return None
        s = structured[rec.document]
        para = next((p for p in s.paragraphs if p.start <= rec.span.start <= p.end), None)
        context = {"before": "", "quote": rec.quote, "after": ""}
        if para:
            context = {"before": s.source.text.text[para.start:rec.span.start],
                       "quote": s.source.text.text[rec.span.start:rec.span.end],
                       "after": s.source.text.text[rec.span.end:para.end]}
        cands, choices = [], []
        if c:
            for k in r.candidates.get(c.id, []):
                cands.append({"id": k.outcome.id, "quote": k.outcome.quote, "value": k.outcome.value,
                              "unit": k.outcome.unit, "period": k.outcome.period, "stage": k.outcome.stage,
                              "document": docs[k.outcome.document].path, "score": k.score, "text": k.text_score,
                              "entity": k.entity_score, "level": k.level, "label": k.label,
                              "evidence": any(e.outcome == k.outcome.id for e in c.evidence)})
            later = {d.id for d in res.documents if d.government == c.government and d.is_later_than(docs[c.document])}
            choices = [{"id": x.id, "text": f"{x.period} · {x.quote[:60]}"} for x in res.outcomes
                       if x.document in later and not x.partial_year][:2000]
        return self.render("item.html.j2", c=c, o=o, rec=rec, doc=docs[rec.document], context=context,
                           candidates=cands, choices=choices, target=describe_target(rec) if c else "",
                           history=self.store.history(rec.id), saved=saved)

    def decide(self, form: dict[str, str]) -> tuple[int, str]:
        if not secrets.compare_digest(form.get("csrf", ""), self.csrf):
            return HTTPStatus.FORBIDDEN, "missing or wrong CSRF token"
        action = form.get("action", "")
        keep = {"outcome": action in ("accept_match", "reject_match", "pick_evidence"),
                "status": action == "set_status", "period": action == "set_period"}
        try:
            d = Decision(target=form.get("target", ""), target_kind=form.get("target_kind", "commitment"),
                         action=action, outcome=(form.get("outcome") or None) if keep["outcome"] else None,
                         status=(form.get("status") or None) if keep["status"] else None,
                         period=(form.get("period") or None) if keep["period"] else None,
                         note=form.get("note", ""), reviewer=form.get("reviewer", ""),
                         rules_digest=self.rules.digest, verdict_before=form.get("verdict_before") or None)
        except ValidationError as e:
            return HTTPStatus.BAD_REQUEST, "; ".join(x["msg"] for x in e.errors(include_url=False))
        with self.lock:
            saved = self.store.add(d)
        return HTTPStatus.SEE_OTHER, f"/item/{urllib.parse.quote(d.target)}?saved={saved.seq}"


def make_handler(app: ReviewApp):
    class Handler(BaseHTTPRequestHandler):
        server_version = "checker-review"
        protocol_version = "HTTP/1.1"  # keep-alive; every response carries Content-Length

        def log_message(self, fmt, *args):  # quiet by default
            pass

        def _send(self, code: int, body: bytes, ctype: str = "text/html; charset=utf-8", extra: dict | None = None):
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
                                                        "form-action 'self'; img-src 'none'")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Cache-Control", "no-store")
            for k, v in (extra or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):  # noqa: N802
            url = urllib.parse.urlsplit(self.path)
            q = {k: v[0] for k, v in urllib.parse.parse_qs(url.query).items()}
            try:
                if url.path == "/":
                    return self._send(200, app.queue_page(q))
                if url.path.startswith("/item/"):
                    body = app.item_page(urllib.parse.unquote(url.path[6:]), q.get("saved"))
                    if body is None:
                        return self._send(404, "no such record".encode(), "text/plain; charset=utf-8")
                    return self._send(200, body)
                if url.path == "/health":
                    return self._send(200, b"ok", "text/plain")
                return self._send(404, b"not found", "text/plain")
            except Exception as e:  # a page error must not kill the server
                return self._send(500, f"error: {e}".encode(), "text/plain; charset=utf-8")

        def do_POST(self):  # noqa: N802
            url = urllib.parse.urlsplit(self.path)
            origin = self.headers.get("Origin")
            host = self.headers.get("Host", "")
            if origin and urllib.parse.urlsplit(origin).netloc != host:
                return self._send(403, b"cross-origin request refused", "text/plain")
            if url.path != "/decide":
                return self._send(404, b"not found", "text/plain")
            n = int(self.headers.get("Content-Length") or 0)
            if n > 100_000:
                return self._send(413, b"too large", "text/plain")
            form = {k: v[0] for k, v in urllib.parse.parse_qs(self.rfile.read(n).decode("utf-8", "replace"),
                                                               keep_blank_values=True).items()}
            try:
                code, where = app.decide(form)
            except Exception as e:
                return self._send(500, f"error: {e}".encode(), "text/plain; charset=utf-8")
            if code == HTTPStatus.SEE_OTHER:
                return self._send(303, b"", extra={"Location": where})
            return self._send(int(code), where.encode("utf-8"), "text/plain; charset=utf-8")

    return Handler


class _Server(ThreadingHTTPServer):
    request_queue_size = 128  # many auditors' browsers (or a load test) connecting at once
    daemon_threads = True


def serve(app: ReviewApp, host: str = "127.0.0.1", port: int = 8765) -> ThreadingHTTPServer:
    httpd = _Server((host, port), make_handler(app))
    httpd.daemon_threads = True
    return httpd
