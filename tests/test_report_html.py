"""HTML report: self-contained, escaped, highlights on the exact words (also where findings
overlap), right-to-left friendly, and (in headless Chromium) filters that hide what they should."""
from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

try:
    from tests.report_fixture import build_report
except ImportError:
    from report_fixture import build_report

from checker.model import (Bead, Document, DocumentResult, Finding, InputError, Report, Sentence,
                           Severity)
from checker.report import render

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[1]


class Marks(HTMLParser):
    """Collects, per finding id and side (src/tgt), the text inside its <mark>s, plus the
    attributes of every element."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.side, self.open = None, []
        self.text: dict = {}
        self.elements: list = []
        self.point_marks: list = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.elements.append((tag, a))
        if tag == "td" and a.get("data-side"):
            self.side = a["data-side"]
        if tag == "mark":
            self.open.append(a.get("data-fids", "").split())
            if "pt" in a.get("class", ""):
                self.point_marks.append(a.get("data-fids"))

    def handle_endtag(self, tag):
        if tag == "mark":
            self.open.pop()
        elif tag == "td":
            self.side = None

    def handle_data(self, data):
        for fids in self.open:
            for fid in fids:
                self.text.setdefault(fid, {}).setdefault(self.side, "")
                self.text[fid][self.side] += data


def parse(page: str) -> Marks:
    p = Marks()
    p.feed(page)
    return p


def fids(report):
    """Finding ids as the page numbers them: f1, f2... in report order."""
    return {f"f{i}": f for i, f in enumerate(report.findings, 1)}


def test_marks_cover_exactly_the_finding_words_on_both_sides():
    report = build_report()
    marks = parse(render(report, "html")).text
    for fid, f in fids(report).items():
        assert marks[fid].get("tgt") == (f.target.text if f.target else None)
        assert marks[fid].get("src") == (f.source.text if f.source else None)


def test_overlapping_findings_share_the_overlap_without_nesting():
    report = build_report()
    page = render(report, "html")
    # "Thursday" lies inside "(Thursday in Manila)": one flat mark lists both findings
    by_code = {f.code: fid for fid, f in fids(report).items()}
    both = f'data-fids="{by_code["DATE101"]} {by_code["ADD201"]}"'
    assert re.search(rf'<mark class="hl" {both} data-show="warning">Thursday</mark>', page)
    assert "<mark" not in re.sub(r"<mark[^>]*>[^<]*</mark>", "", page)  # never nested


def test_self_contained_and_escaped():
    src_text = 'Le <b>chef</b> dit "oui" & part.'
    tgt_text = 'The <b>boss</b> says "yes" & leaves <script>alert(1)</script>.'
    src = Document(src_text, "fr", (Sentence(0, 0, len(src_text), src_text),), "a&b.txt")
    tgt = Document(tgt_text, "en", (Sentence(0, 0, len(tgt_text), tgt_text),), "<en>.txt")
    s = tgt_text.index("<script>")
    res = DocumentResult("<id>", src, tgt, (Bead((0,), (0,), 1.0),), (
        Finding("ADD201", "added-phrase", "addition", Severity.INFO, 'adds "<script>" & more',
                target=tgt.span(s, s + 8)),))
    page = render(Report((res,), errors=(InputError("<feed>", "bad <json>"),),
                         signature=(("checker", "<v>"),)), "html")
    assert "<script>alert" not in page and "<b>" not in page and "<feed>" not in page
    assert "&lt;script&gt;</mark>alert(1)&lt;/script&gt;" in page and "bad &lt;json&gt;" in page
    assert parse(page).text["f1"]["tgt"] == "<script>"
    # no external assets: nothing fetched over the network or from disk
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//|file:)""", page)
    assert "<link" not in page and "@import" not in page and "url(" not in page
    assert page.count("<script>") == 1  # only the inline report script


def test_right_to_left_text_gets_dir_auto_and_lang():
    text = "اجتمع الوزراء يوم الخميس في موسكو."
    tgt = Document(text, "ar", (Sentence(0, 0, len(text), text),), "ar.txt")
    src_text = "Les ministres se sont réunis mercredi à Moscou."
    src = Document(src_text, "fr", (Sentence(0, 0, len(src_text), src_text),), "fr.txt")
    s = text.index("الخميس")
    res = DocumentResult("ar", src, tgt, (Bead((0,), (0,), 1.0),), (
        Finding("DATE101", "weekday-mismatch", "date", Severity.ERROR, "الخميس ≠ mercredi",
                source=src.span(29, 37), target=tgt.span(s, s + 6)),))
    p = parse(render(Report((res,)), "html"))
    cells = {a["data-side"]: a for t, a in p.elements if t == "td" and "data-side" in a}
    assert cells["tgt"]["lang"] == "ar" and cells["tgt"]["dir"] == "auto"
    assert cells["src"]["lang"] == "fr" and cells["src"]["dir"] == "auto"
    assert p.text["f1"] == {"src": "mercredi", "tgt": "الخميس"}
    assert any(t == "div" and a.get("dir") == "auto" for t, a in p.elements)  # the message too


def test_omission_rows_empty_spans_and_summary_counts():
    src_text = "Un. Deux."
    tgt_text = "One."
    src = Document(src_text, "fr", (Sentence(0, 0, 3, "Un."), Sentence(1, 4, 9, "Deux.")), "fr.txt")
    tgt = Document(tgt_text, "en", (Sentence(0, 0, 4, "One."),), "en.txt")
    res = DocumentResult("om", src, tgt, (Bead((0,), (0,), 1.0), Bead((1,), (), 0.0)), (
        Finding("OMI101", "sentence-omitted", "omission", Severity.ERROR, "Deux. is missing",
                source=src.span(4, 9)),
        Finding("PUN101", "missing-point", "addition", Severity.INFO, "insertion point",
                target=tgt.span(3, 3)),
    ))
    page = render(Report((res,)), "html")
    p = parse(page)
    assert p.text["f1"] == {"src": "Deux."}
    assert p.point_marks == ["f2"]  # an empty span still shows where it is
    rows = [a for t, a in p.elements if t == "tr" and "row" in a.get("class", "")]
    assert [r["data-fids"] for r in rows] == ["f2", "f1"]  # each finding beside its own bead
    assert re.search(r'<td class="tgt empty"[^>]*>nothing</td>', page)  # the omitted side
    summary = page[page.index('class="summary"'):page.index("</table>", page.index('class="summary"'))]
    assert re.search(r"<td>omission</td><td class=\"num\">1</td>", summary)


# -- in a real browser -------------------------------------------------------------------------

CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage", "--hide-scrollbars"]


@pytest.fixture(scope="module")
def chromium():
    if os.environ.get("CHECKER_SKIP_BROWSER") == "1":
        pytest.skip("CHECKER_SKIP_BROWSER=1")
    exe = CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium")
    if not exe:
        pytest.fail("headless Chromium not found at /usr/bin/chromium: run `apt-get install -y chromium` "
                    "(or set CHECKER_SKIP_BROWSER=1 to skip the browser test)")
    return exe


def run_chromium(exe, tmp_path, *args, timeout=90):
    profile = tmp_path / "chromium-profile"
    profile.mkdir(exist_ok=True)
    proc = subprocess.run([exe, *CHROME_FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=timeout)
    return proc


def selftest(exe, tmp_path, report) -> dict:
    page = tmp_path / "report.html"
    page.write_text(render(report, "html"), encoding="utf-8")
    proc = run_chromium(exe, tmp_path, "--dump-dom", page.as_uri() + "#selftest")
    m = re.search(r'<pre id="selftest">(.*?)</pre>', proc.stdout, re.S)
    assert m, f"the page's self-test did not run (exit {proc.returncode}):\n{proc.stderr[-2000:]}"
    return json.loads(html.unescape(m.group(1)))


def test_browser_highlights_and_filters(chromium, tmp_path):
    report = build_report()
    st = selftest(chromium, tmp_path, report)
    assert st["directions"] and all(d == "ltr" for _, d in st["directions"])

    by_id = fids(report)
    # the browser rendered a highlight on the exact words of every finding, on both sides
    for fid, f in by_id.items():
        assert st["marks"][fid].get("tgt") == (f.target.text if f.target else None)
        assert st["marks"][fid].get("src") == (f.source.text if f.source else None)

    rows = st["rows"]  # row id -> finding ids shown beside it
    assert sum(len(v) for v in rows.values()) == len(by_id)
    sev_of = {fid: str(f.severity) for fid, f in by_id.items()}
    rank = {"info": 1, "warning": 2, "error": 3}
    assert len(st["scenarios"]) > 5
    for sc in st["scenarios"]:
        off = set(sc["unchecked"])
        visible = {fid for fid, f in by_id.items()
                   if f"sev-{f.severity}" not in off and f"cat-{f.category}" not in off}
        assert set(sc["findings"]) == visible, sc["unchecked"]
        assert sc["shown"] == f"showing {len(visible)} of {len(by_id)} findings"
        # a row stays when one of its findings is visible, or it has none and clean rows are on
        expect_rows = {r for r, f in rows.items()
                       if (visible & set(f)) or (not f and "show-clean" not in off)}
        assert set(sc["rows"]) == expect_rows, sc["unchecked"]
        # a mark is lit iff one of its findings is visible, coloured by the worst visible one
        for mark in sc["marks"]:
            on = [fid for fid in mark["fids"] if fid in visible]
            if on:
                assert mark["show"] == max((sev_of[x] for x in on), key=rank.get)
            else:
                assert mark["show"] is None
    # unchecking a whole category hides its findings (and leaves the others)
    assert any(sc["unchecked"] == ["cat-date"] and all(by_id[x].category != "date" for x in sc["findings"])
               and sc["findings"] for sc in st["scenarios"])


def test_browser_lays_arabic_out_right_to_left(chromium, tmp_path):
    text = "اجتمع الوزراء يوم الخميس في موسكو. كانت هذه أول مرة منذ 2011."
    cut = text.index(" ", text.index(".")) + 1
    tgt = Document(text, "ar", (Sentence(0, 0, cut - 1, text[:cut - 1]), Sentence(1, cut, len(text), text[cut:])))
    src_text = "Les ministres se sont réunis mercredi à Moscou. C'était en 2011."
    src = Document(src_text, "fr", (Sentence(0, 0, 47, src_text[:47]), Sentence(1, 48, len(src_text), src_text[48:])))
    s = text.index("الخميس")
    res = DocumentResult("ar", src, tgt, (Bead((0,), (0,), 1.0), Bead((1,), (1,), 1.0)), (
        Finding("DATE101", "weekday-mismatch", "date", Severity.ERROR, "m",
                source=src.span(29, 37), target=tgt.span(s, s + 6)),))
    st = selftest(chromium, tmp_path, Report((res,)))
    assert sorted(set(map(tuple, st["directions"]))) == [("ar", "rtl"), ("fr", "ltr")]
    assert st["marks"]["f1"] == {"src": "mercredi", "tgt": "الخميس"}


def test_browser_screenshot(chromium, tmp_path):
    page = tmp_path / "report.html"
    page.write_text(render(build_report(), "html"), encoding="utf-8")
    shot = tmp_path / "report.png"
    proc = run_chromium(chromium, tmp_path, f"--screenshot={shot}", "--window-size=1400,900", page.as_uri())
    assert shot.exists(), f"no screenshot (exit {proc.returncode}):\n{proc.stderr[-2000:]}"
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000  # a rendered page, not a blank one
    artifacts = ROOT / "tests" / "artifacts"
    artifacts.mkdir(exist_ok=True)
    shutil.copy(shot, artifacts / "report.png")
    if os.environ.get("CHECKER_UPDATE_SCREENSHOT") == "1":
        (ROOT / "docs").mkdir(exist_ok=True)
        shutil.copy(shot, ROOT / "docs" / "report.png")
