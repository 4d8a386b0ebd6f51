"""Machine-readable outputs: results.json (validated by the pydantic models) and an Excel-friendly CSV."""

from __future__ import annotations

import csv
import io
import json

from ..classify import STATUS_LABEL, fmt_value
from ..models import Results

CSV_COLUMNS = ["id", "government", "period", "document", "area", "kind", "quote", "indicator", "comparator", "value",
               "value_high", "unit", "entity", "stage", "status", "status_label", "rule", "unreported_kind",
               "explanation", "evidence_quote", "evidence_document", "evidence_value", "evidence_unit",
               "proxy_evidence", "repeated_in", "conflicts_with"]


def results_json(results: Results) -> str:
    data = results.model_dump(mode="json")
    # Round-trip through the model: what we write is exactly what the schema promises.
    Results.model_validate(data)
    return json.dumps(data, ensure_ascii=False, indent=1)


def commitments_csv(results: Results) -> bytes:
    docs = {d.id: d.path for d in results.documents}
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    for c in results.commitments:
        ev = c.evidence[0] if c.evidence else None
        w.writerow([
            c.id, c.government, c.period, docs.get(c.document, c.document), c.area, c.kind, c.quote, c.indicator or "",
            c.comparator or "", fmt_value(c.value) if c.value is not None else "",
            fmt_value(c.value_high) if c.value_high is not None else "", c.unit or "", c.entity or "", c.stage or "",
            c.status, STATUS_LABEL.get(c.status or "", ""), c.rule, c.unreported_kind or "", c.explanation,
            ev.quote if ev else "", docs.get(ev.document, "") if ev else "",
            fmt_value(ev.value) if ev and ev.value is not None else "", ev.unit or "" if ev else "",
            " | ".join(f"{p.period}: {p.quote}" for p in c.proxy_evidence), " ".join(c.repeated_in),
            " ".join(c.conflicts_with),
        ])
    # UTF-8 with BOM so Excel opens Chinese text correctly.
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")
