"""A self-contained HTML report (inline CSS and JS, no fonts, CDNs or other external assets).

Per document: the source and the translation side by side, one row per alignment bead, every
finding highlighted with ``<mark>`` at its exact character spans on both sides (overlapping spans
are cut into flat segments, each ``<mark>`` listing all the findings it belongs to in
``data-fids``), and the findings of the row (severity, code, rule, category, message) beside it.
At the top: totals, severity and category filters (checkboxes that hide the findings, marks and
rows not matching; "rows without findings" hides the clean rows), a summary table (counts per
category x severity per document), the signature and the input errors.

Every text is escaped with ``html.escape``; text cells and messages carry ``dir="auto"`` and the
language's ``lang`` so Arabic or Hebrew render right to left. Output is deterministic.

Opening the file with ``#selftest`` makes the page exercise its own filters and write the
results as JSON into ``<pre id="selftest">`` (used by the headless-browser test).
"""
from __future__ import annotations

import html
from collections import Counter

from ..model import CATEGORIES, Document, DocumentResult, Finding, Report, Severity

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def _e(s) -> str:
    return html.escape(str(s), quote=True)


CSS = """
:root{--err:#ffc9c9;--errb:#c92a2a;--warn:#ffe8a3;--warnb:#b7791f;--info:#d0ebff;--infob:#1c7ed6;
color-scheme:light;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
body{margin:0 auto;max-width:1600px;padding:0 1.2em 3em;color:#212529;background:#fff}
h1{font-size:1.5em;margin:.6em 0 .2em}h2{font-size:1.15em;margin:1.6em 0 .3em}
code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.totals{color:#495057;margin:0 0 .8em}
#controls{position:sticky;top:0;z-index:2;background:#f8f9fa;border:1px solid #dee2e6;border-radius:6px;
padding:.4em .8em;display:flex;flex-wrap:wrap;gap:.3em 1.6em;align-items:center}
#controls fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.2em .8em;align-items:center}
#controls legend{float:left;font-weight:600;margin-right:.4em}
#controls label{white-space:nowrap;cursor:pointer}
#shown{color:#495057;margin-left:auto}
.meta{display:flex;flex-wrap:wrap;gap:1em 2.5em;align-items:flex-start;margin-top:1em}
table{border-collapse:collapse}
table.summary td,table.summary th,table.sig td,table.sig th{border:1px solid #dee2e6;padding:.15em .6em;text-align:left}
table.summary td.num{text-align:right;font-variant-numeric:tabular-nums}
table.summary tfoot td{font-weight:600}
.zero{color:#adb5bd}
.errors li{color:#c92a2a}
.files{color:#495057;margin:0 0 .4em}
table.align{width:100%;table-layout:fixed}
table.align th{background:#f1f3f5;text-align:start;padding:.3em .5em;border-bottom:2px solid #dee2e6}
table.align td{text-align:start;vertical-align:top;padding:.45em .5em;border-bottom:1px solid #e9ecef;overflow-wrap:anywhere}
table.align col.n{width:2.6em}table.align col.f{width:30%}
table.align td.n{color:#868e96;font-size:12px;text-align:end}
td.empty{color:#adb5bd;font-style:italic}
.s+.s{border-inline-start:2px solid #dee2e6;padding-inline-start:.35em;margin-inline-start:.25em}
mark.hl{background:none;color:inherit;border-radius:2px;cursor:pointer}
mark.hl[data-show=error]{background:var(--err);box-shadow:0 2px 0 var(--errb)}
mark.hl[data-show=warning]{background:var(--warn);box-shadow:0 2px 0 var(--warnb)}
mark.hl[data-show=info]{background:var(--info);box-shadow:0 2px 0 var(--infob)}
mark.hl.multi{text-decoration:underline double #495057}
mark.hl.off{background:none;box-shadow:none;text-decoration:none;cursor:auto}
mark.hl.pt::before{content:"\\2038";color:#c92a2a;font-weight:700}
mark.hl.focus{outline:2px solid #212529}
ul.fl{list-style:none;margin:0;padding:0}
li.finding{margin:0 0 .45em;padding:.1em .4em;border-inline-start:4px solid #ced4da}
li.finding.focus{background:#f1f3f5}
li.finding[data-sev=error]{border-color:var(--errb)}
li.finding[data-sev=warning]{border-color:var(--warnb)}
li.finding[data-sev=info]{border-color:var(--infob)}
.sev{font-size:11px;font-weight:700;text-transform:uppercase;padding:0 .3em;border-radius:3px}
.sev.error{background:var(--err);color:#8a1c1c}.sev.warning{background:var(--warn);color:#7a5200}
.sev.info{background:var(--info);color:#0b4f8a}
.cat,.rule{color:#495057;font-size:12px}
.hide{display:none!important}
#selftest{white-space:pre-wrap;border:1px dashed #adb5bd;padding:.5em}
"""

JS = r"""
(function(){
  var SEV = {error:3, warning:2, info:1};
  var sevOf = {};
  var items = Array.prototype.slice.call(document.querySelectorAll('li.finding'));
  items.forEach(function(li){ sevOf[li.dataset.fid] = li.dataset.sev; });
  function boxes(kind){ return Array.prototype.slice.call(document.querySelectorAll('input[data-filter="'+kind+'"]')); }
  function checked(kind){ var s = {}; boxes(kind).forEach(function(b){ if (b.checked) s[b.value] = true; }); return s; }
  function ids(el){ var v = el.getAttribute('data-fids'); return v ? v.split(' ') : []; }
  function apply(){
    var sevs = checked('sev'), cats = checked('cat'), clean = document.getElementById('show-clean').checked;
    var visible = {}, n = 0;
    items.forEach(function(li){
      var on = !!(sevs[li.dataset.sev] && cats[li.dataset.cat]);
      li.classList.toggle('hide', !on);
      if (on) { visible[li.dataset.fid] = true; n++; }
    });
    Array.prototype.forEach.call(document.querySelectorAll('mark.hl'), function(m){
      var on = ids(m).filter(function(id){ return visible[id]; });
      if (on.length) {
        var best = on.reduce(function(a, id){ return SEV[sevOf[id]] > SEV[a] ? sevOf[id] : a; }, sevOf[on[0]]);
        m.setAttribute('data-show', best); m.classList.remove('off');
        m.classList.toggle('multi', on.length > 1);
        m.title = on.map(function(id){ return document.getElementById(id).dataset.title; }).join('\n');
      } else {
        m.removeAttribute('data-show'); m.classList.add('off'); m.classList.remove('multi'); m.title = '';
      }
    });
    Array.prototype.forEach.call(document.querySelectorAll('tr.row'), function(tr){
      var f = ids(tr);
      var show = f.length ? f.some(function(id){ return visible[id]; }) : clean;
      tr.classList.toggle('hide', !show);
    });
    document.getElementById('shown').textContent = 'showing ' + n + ' of ' + items.length + ' findings';
  }
  function focus(fid, on){
    Array.prototype.forEach.call(document.querySelectorAll('mark.hl'), function(m){
      if (ids(m).indexOf(fid) >= 0) m.classList.toggle('focus', on);
    });
    var li = document.getElementById(fid); if (li) li.classList.toggle('focus', on);
  }
  items.forEach(function(li){
    li.addEventListener('mouseenter', function(){ focus(li.dataset.fid, true); });
    li.addEventListener('mouseleave', function(){ focus(li.dataset.fid, false); });
  });
  Array.prototype.forEach.call(document.querySelectorAll('mark.hl'), function(m){
    m.addEventListener('click', function(){
      var f = ids(m).filter(function(id){ return !document.getElementById(id).classList.contains('hide'); });
      if (f.length) document.getElementById(f[0]).scrollIntoView({block:'center'});
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll('#controls input'), function(b){
    b.addEventListener('change', apply);
  });
  apply();

  if (location.hash !== '#selftest') return;
  function state(){
    var st = {findings: [], marks: [], rows: []};
    items.forEach(function(li){ if (!li.classList.contains('hide')) st.findings.push(li.dataset.fid); });
    Array.prototype.forEach.call(document.querySelectorAll('mark.hl'), function(m){
      st.marks.push({fids: ids(m), show: m.classList.contains('off') ? null : m.getAttribute('data-show')});
    });
    Array.prototype.forEach.call(document.querySelectorAll('tr.row'), function(tr){
      if (!tr.classList.contains('hide')) st.rows.push(tr.id);
    });
    st.shown = document.getElementById('shown').textContent;
    return st;
  }
  function set(unchecked){
    Array.prototype.forEach.call(document.querySelectorAll('#controls input'), function(b){
      b.checked = unchecked.indexOf(b.id) < 0;
      b.dispatchEvent(new Event('change'));
    });
  }
  var out = {marks: {}, rows: {}, scenarios: []};
  Array.prototype.forEach.call(document.querySelectorAll('mark.hl'), function(m){
    var side = m.closest('td').dataset.side;
    ids(m).forEach(function(id){
      out.marks[id] = out.marks[id] || {};
      out.marks[id][side] = (out.marks[id][side] || '') + m.textContent;
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll('tr.row'), function(tr){ out.rows[tr.id] = ids(tr); });
  out.directions = Array.prototype.map.call(document.querySelectorAll('td[lang]'), function(td){
    return [td.getAttribute('lang'), getComputedStyle(td).direction];
  });
  var all = Array.prototype.map.call(document.querySelectorAll('#controls input'), function(b){ return b.id; });
  var scenarios = [[]];
  all.forEach(function(id){ scenarios.push([id]); });
  scenarios.push(all.filter(function(id){ return id.indexOf('sev-') === 0; }));
  scenarios.push(all.filter(function(id){ return id.indexOf('sev-') === 0 && id !== 'sev-error'; }));
  scenarios.forEach(function(unchecked){
    set(unchecked);
    var st = state(); st.unchecked = unchecked; out.scenarios.push(st);
  });
  set([]);
  var pre = document.createElement('pre'); pre.id = 'selftest';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
"""


class _Ids:
    def __init__(self):
        self.n = 0

    def next(self) -> str:
        self.n += 1
        return f"f{self.n}"


def _marked(text: str, start: int, end: int, spans: list[tuple[str, int, int]], sev: dict) -> str:
    """HTML of text[start:end] with <mark>s for the (fid, s, e) spans intersecting it.

    Overlaps are cut at every span boundary into flat segments; each segment's <mark> lists all
    the findings covering it. An empty span becomes an insertion-point mark.
    """
    inside = [(fid, max(s, start), min(e, end)) for fid, s, e in spans
              if (s < end and e > start) or (s == e and start <= s <= end)]
    cuts = sorted({start, end, *(s for _, s, _ in inside), *(e for _, _, e in inside)})
    out = []
    for i, pos in enumerate(cuts):
        points = [fid for fid, s, e in inside if s == e == pos]
        if points:
            out.append(f'<mark class="hl pt" data-fids="{" ".join(points)}" '
                       f'data-show="{_top(points, sev)}"></mark>')
        if i + 1 == len(cuts):
            break
        a, b = pos, cuts[i + 1]
        seg = _e(text[a:b])
        active = [fid for fid, s, e in inside if s <= a and e >= b and s < e]
        if active:
            out.append(f'<mark class="hl" data-fids="{" ".join(active)}" '
                       f'data-show="{_top(active, sev)}">{seg}</mark>')
        else:
            out.append(seg)
    return "".join(out)


def _top(fids: list[str], sev: dict) -> str:
    return str(max(sev[f] for f in fids))


def _cell(doc: Document, indices, spans, sev, side: str) -> str:
    if not indices:
        return f'<td class="{side} empty" data-side="{side}">nothing</td>'
    parts = []
    for i in indices:
        s = doc.sentences[i]
        parts.append(f'<span class="s">{_marked(doc.text, s.start, s.end, spans, sev)}</span>')
    return (f'<td class="{side}" data-side="{side}" lang="{_e(doc.lang)}" dir="auto">'
            + " ".join(parts) + "</td>")


def _finding_li(fid: str, f: Finding) -> str:
    title = f"{f.severity} {f.code} {f.rule}: {f.message}"
    return (f'<li class="finding" id="{fid}" data-fid="{fid}" data-sev="{f.severity}" '
            f'data-cat="{_e(f.category)}" data-code="{_e(f.code)}" data-title="{_e(title)}">'
            f'<span class="sev {f.severity}">{f.severity}</span> <code>{_e(f.code)}</code> '
            f'<span class="rule">{_e(f.rule)}</span> · <span class="cat">{_e(f.category)}</span>'
            f'<div class="msg" dir="auto">{_e(f.message)}</div></li>')


def _rows(res: DocumentResult):
    """(source indices, target indices) per displayed row: the beads, then any sentence no bead
    covers (so no text is ever missing from the page)."""
    rows = [(tuple(b.source), tuple(b.target)) for b in res.alignment]
    seen_s = {i for s, _ in rows for i in s}
    seen_t = {j for _, t in rows for j in t}
    rows += [((i,), ()) for i in range(len(res.source.sentences)) if i not in seen_s]
    rows += [((), (j,)) for j in range(len(res.target.sentences)) if j not in seen_t]
    return rows


def _row_of(rows, res: DocumentResult, f: Finding) -> int | None:
    def find(span, doc, side):
        if span is None:
            return None
        for r, idx in enumerate(rows):
            for i in idx[side]:
                s = doc.sentences[i]
                if s.start <= span.start < max(s.end, s.start + 1) or span.start == s.end == len(doc.text):
                    return r
        return None
    r = find(f.target, res.target, 1)
    return r if r is not None else find(f.source, res.source, 0)


def _document(n: int, res: DocumentResult, ids: _Ids) -> tuple[str, dict]:
    fids = [(ids.next(), f) for f in res.findings]
    src_spans = [(fid, f.source.start, f.source.end) for fid, f in fids if f.source is not None]
    tgt_spans = [(fid, f.target.start, f.target.end) for fid, f in fids if f.target is not None]
    rows = _rows(res)
    by_row: dict = {}
    for fid, f in fids:
        by_row.setdefault(_row_of(rows, res, f), []).append((fid, f))

    sevkey = {fid: f.severity for fid, f in fids}
    out = [f'<section class="doc" id="doc-{n}">',
           f'<h2>{_e(res.id)} <span class="cat">{_e(res.source.lang)} → {_e(res.target.lang)}</span></h2>']
    if res.source.name or res.target.name:
        out.append(f'<p class="files"><code>{_e(res.source.name)}</code> → <code>{_e(res.target.name)}</code></p>')
    out.append('<table class="align"><colgroup><col class="n"><col><col><col class="f"></colgroup>'
               f'<thead><tr><th>#</th><th>source ({_e(res.source.lang)})</th>'
               f'<th>translation ({_e(res.target.lang)})</th><th>findings</th></tr></thead><tbody>')
    display = [(r, rows[r]) for r in range(len(rows))]
    if None in by_row:
        display.append((None, ((), ())))
    for r, (si, ti) in display:
        here = by_row.get(r, [])
        rid = f"d{n}-r{'doc' if r is None else r + 1}"
        fl = "".join(_finding_li(fid, f) for fid, f in here)
        label = "doc" if r is None else str(r + 1)
        if r is None:
            src = '<td class="src empty" data-side="src">whole document</td>'
            tgt = '<td class="tgt empty" data-side="tgt">whole document</td>'
        else:
            src = _cell(res.source, si, src_spans, sevkey, "src")
            tgt = _cell(res.target, ti, tgt_spans, sevkey, "tgt")
        out.append(f'<tr class="row" id="{rid}" data-fids="{" ".join(fid for fid, _ in here)}">'
                   f'<td class="n">{label}</td>{src}{tgt}'
                   f'<td class="fl"><ul class="fl">{fl}</ul></td></tr>')
    out.append("</tbody></table></section>")
    return "\n".join(out), Counter((f.category, f.severity) for f in res.findings)


def _categories(report: Report) -> list[str]:
    present = {f.category for f in report.findings}
    return [c for c in CATEGORIES if c in present] + sorted(present - set(CATEGORIES))


def render(report: Report, title: str = "checker report", **_options) -> str:
    ids = _Ids()
    docs, counts = [], []
    for n, res in enumerate(report.results, 1):
        body, c = _document(n, res, ids)
        docs.append(body)
        counts.append(c)
    cats = _categories(report)
    total = Counter(f.severity for f in report.findings)
    catn = Counter(f.category for f in report.findings)

    head = [f'<h1>{_e(title)}</h1>',
            f'<p class="totals">{len(report.results)} document{"s" * (len(report.results) != 1)} · '
            f'{sum(total.values())} finding{"s" * (sum(total.values()) != 1)} ('
            + ", ".join(f"{total[s]} {s}" for s in SEVERITIES) + ")"
            + (f' · <a href="#input-errors">{len(report.errors)} input error'
               f'{"s" * (len(report.errors) != 1)}</a>' if report.errors else "") + "</p>"]

    ctl = ['<form id="controls" onsubmit="return false"><fieldset><legend>Severity</legend>']
    for s in SEVERITIES:
        ctl.append(f'<label><input type="checkbox" id="sev-{s}" data-filter="sev" value="{s}" checked> '
                   f'<span class="sev {s}">{s}</span> ({total[s]})</label>')
    ctl.append('</fieldset><fieldset><legend>Category</legend>')
    for c in cats:
        ctl.append(f'<label><input type="checkbox" id="cat-{_e(c)}" data-filter="cat" value="{_e(c)}" '
                   f'checked> {_e(c)} ({catn[c]})</label>')
    if not cats:
        ctl.append('<span class="zero">no findings</span>')
    ctl.append('</fieldset><label><input type="checkbox" id="show-clean" checked> rows without findings'
               '</label><span id="shown"></span></form>')

    summ = ['<section><h2>Summary</h2><table class="summary"><thead><tr><th>document</th><th>pair</th>'
            '<th>category</th>' + "".join(f"<th>{s}</th>" for s in SEVERITIES) + "</tr></thead><tbody>"]
    for n, (res, c) in enumerate(zip(report.results, counts), 1):
        dcats = [x for x in cats if any(c[(x, s)] for s in SEVERITIES)]
        span = max(len(dcats), 1)
        first = (f'<td rowspan="{span}"><a href="#doc-{n}">{_e(res.id)}</a></td>'
                 f'<td rowspan="{span}">{_e(res.source.lang)} → {_e(res.target.lang)}</td>')
        if not dcats:
            summ.append(f'<tr>{first}<td class="zero">clean</td>'
                        + '<td class="num zero">0</td>' * 3 + "</tr>")
        for k, x in enumerate(dcats):
            cells = "".join(f'<td class="num{" zero" if not c[(x, s)] else ""}">{c[(x, s)]}</td>'
                            for s in SEVERITIES)
            summ.append(f'<tr>{first if k == 0 else ""}<td>{_e(x)}</td>{cells}</tr>')
    summ.append('</tbody><tfoot><tr><td colspan="3">total</td>'
                + "".join(f'<td class="num">{total[s]}</td>' for s in SEVERITIES)
                + "</tr></tfoot></table></section>")

    meta = ['<div class="meta">', *summ]
    if report.signature:
        meta.append('<section><h2>Signature</h2><table class="sig">'
                    + "".join(f"<tr><th>{_e(k)}</th><td><code>{_e(v)}</code></td></tr>"
                              for k, v in report.signature) + "</table></section>")
    if report.errors:
        meta.append('<section id="input-errors" class="errors"><h2>Input errors</h2><ul>'
                    + "".join(f'<li><code>{_e(err.location)}</code>: <span dir="auto">{_e(err.detail)}</span></li>'
                              for err in report.errors) + "</ul></section>")
    meta.append("</div>")

    return "\n".join([
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title>", f"<style>{CSS}</style>", "</head>", "<body>",
        *head, "".join(ctl), *meta, *docs, f"<script>{JS}</script>", "</body>", "</html>",
    ]) + "\n"
