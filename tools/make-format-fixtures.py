#!/usr/bin/env python3
"""Makes the document fixtures of tests/fixtures/formats/ from written minutes texts.

    tools/make-format-fixtures.py            writes them (the same bytes every time)
    tools/make-format-fixtures.py --check    fails if the committed files differ from a fresh run
    tools/make-format-fixtures.py --verify   also has LibreOffice (soffice, if installed) print each
                                             document as text and compares its numbers with the
                                             written text: an oracle for the numbering written here
                                             that is independent of src/formats/

Each source (SOURCES below, texts from tests/fixtures/written/) gives four documents:

    NAME.typed.docx   the text as typed: markers in the text, table lines as a real table
    NAME.auto.docx    numbering automatic: every line-start marker (壹、 一、 （一） 1. (1) …) is
                      taken out of the text and made by a multilevel list in numbering.xml
                      (ideographLegalTraditional, taiwaneseCountingThousand, decimal, upperLetter;
                      lvlText %1、 （%3） %4. …), a restarted series by a new w:num with a
                      w:startOverride, as Word writes them; the top level through a paragraph
                      style linked to its level (w:pStyle), the others by w:numPr
    NAME.typed.odt    as typed
    NAME.auto.odt     numbering automatic: text:list nesting with a text:list-style
                      (num-format 壹, 貳, 參, ... / 一, 二, 三, ... / 1 / A, prefix, suffix),
                      text:continue-numbering across interruptions, text:start-value on restarts
and one more: city-shizheng.embedded.docx, the typed .docx with an Excel table pasted in as an
OLE object, which its reader notes (embedded-object).

All four carry a running header and a footer with a page-number field (page furniture), which
the readers mark rather than put into the outline. Needs python-docx 1.2.0 and odfpy 1.4.1
(`pip install python-docx==1.2.0 odfpy==1.4.1`); the outputs are normalised (fixed zip times,
fixed metadata) so that a run gives the same bytes as the committed files.
"""
import io
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests/fixtures/formats"
SOURCES = ["city-shizheng", "county-council-committee", "school-numbered-header"]

LEGAL = "壹貳參叁肆伍陸柒捌玖拾"
CHINESE = "一二三四五六七八九十"
MARK = re.compile(
    r"^(?P<open>[（(]?)\s*(?P<num>[" + LEGAL + r"]+|[" + CHINESE + r"]+|[0-9]{1,2}|[A-Z])\s*"
    r"(?P<close>[、.．)）])(?P<gap>\s*)"
)
PAIRS = {"(": ")", "（": "）"}


def value(num):
    """The number a marker's numeral stands for."""
    if num.isdigit():
        return int(num)
    if len(num) == 1 and "A" <= num <= "Z":
        return ord(num) - ord("A") + 1
    digits = {c: k + 1 for k, c in enumerate("一二三四五六七八九")}
    digits.update({c: k + 1 for k, c in enumerate("壹貳參肆伍陸柒捌玖")})
    digits["叁"] = 3
    total, cur = 0, 0
    for c in num:
        if c in "十拾":
            total += (cur or 1) * 10
            cur = 0
        else:
            cur = digits[c]
    return total + cur


def kind(num):
    if num.isdigit():
        return "decimal"
    if "A" <= num[0] <= "Z":
        return "upper"
    return "legal" if num[0] in LEGAL else "chinese"


def marker(line):
    """(form, value, gap, rest) of a line that starts with a list marker, else None."""
    m = MARK.match(line)
    if not m:
        return None
    o, c = m["open"], m["close"]
    if (o and PAIRS[o] != c) or (not o and c in ")）"):
        return None
    form = (o, kind(m["num"]), c)
    return form, value(m["num"]), bool(m["gap"]), line[m.end():]


def lines_of(name):
    return (ROOT / "tests/fixtures/written" / f"{name}.txt").read_text("utf-8").split("\n")


def blocks(lines):
    """Paragraphs and tables: ('p', line) or ('table', [cells...])."""
    out = []
    for line in lines:
        if "\t" in line:
            if out and out[-1][0] == "table":
                out[-1][1].append(line.split("\t"))
            else:
                out.append(("table", [line.split("\t")]))
        else:
            out.append(("p", line))
    return out


class Levels:
    """Assigns each marker form a list level in order of first appearance, and follows the
    counters a word processor keeps (one sequence per level, reset by a higher level), so that
    a typed number that the counters would not give becomes an explicit restart."""

    def __init__(self):
        self.forms, self.gaps = [], []
        self.counters = [None] * 9

    def level(self, form, gap):
        if form not in self.forms:
            self.forms.append(form)
            self.gaps.append(gap)
        return self.forms.index(form)

    def step(self, level, typed):
        """The restart value needed for this item (None when the counters give `typed`)."""
        want = 1 if self.counters[level] is None else self.counters[level] + 1
        self.counters[level] = typed
        for k in range(level + 1, 9):
            self.counters[k] = None
        return None if want == typed else typed


HEADER = "{title}"
FOOTER_PREFIX = "第 "
FOOTER_SUFFIX = " 頁"

# ----- docx -------------------------------------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
OOXML_FMT = {"legal": "ideographLegalTraditional", "chinese": "taiwaneseCountingThousand",
             "decimal": "decimal", "upper": "upperLetter"}


def docx(name, lines, auto, embedded=False):
    import docx as pydocx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    d = pydocx.Document()
    sec = d.sections[0]
    sec.header.paragraphs[0].text = HEADER.format(title=lines[0])
    fp = sec.footer.paragraphs[0]
    fp.add_run(FOOTER_PREFIX)
    for xml in ('<w:fldChar w:fldCharType="begin"/>', '<w:instrText xml:space="preserve"> PAGE </w:instrText>',
                '<w:fldChar w:fldCharType="separate"/>', "<w:t>1</w:t>", '<w:fldChar w:fldCharType="end"/>'):
        r = fp.add_run()
        r._r.append(parse_xml(f"<w:r {nsdecls('w')}>{xml}</w:r>")[0])
    fp.add_run(FOOTER_SUFFIX)

    levels = Levels()
    plan = []  # (block, level, restart, text)
    for b in blocks(lines):
        if b[0] == "p" and auto:
            m = marker(b[1])
            if m:
                form, v, gap, rest = m
                lv = levels.level(form, gap)
                plan.append((b, lv, levels.step(lv, v), rest))
                continue
        plan.append((b, None, None, None))

    if auto:
        # One multilevel list for the document; level 0 linked to a paragraph style.
        style = d.styles.add_style("MinutesLevel1", pydocx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = d.styles["Normal"]
        lvls = []
        for k, (o, kd, c) in enumerate(levels.forms):
            suff = "space" if levels.gaps[k] else "nothing"
            pstyle = '<w:pStyle w:val="MinutesLevel1"/>' if k == 0 else ""
            lvls.append(
                f'<w:lvl w:ilvl="{k}"><w:start w:val="1"/><w:numFmt w:val="{OOXML_FMT[kd]}"/>{pstyle}'
                f'<w:suff w:val="{suff}"/><w:lvlText w:val="{o}%{k + 1}{c}"/><w:lvlJc w:val="left"/>'
                f'<w:pPr><w:ind w:left="{480 * (k + 1)}" w:hanging="480"/></w:pPr></w:lvl>')
        numbering = d.part.numbering_part.element
        for child in list(numbering):
            numbering.remove(child)
        numbering.append(parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="10"><w:multiLevelType w:val="multilevel"/>'
            + "".join(lvls) + "</w:abstractNum>"))
        nums = []

        def new_num(restart_level=None, restart=None):
            nid = len(nums) + 1
            override = ""
            if restart_level is not None:
                override = (f'<w:lvlOverride w:ilvl="{restart_level}">'
                            f'<w:startOverride w:val="{restart}"/></w:lvlOverride>')
            nums.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{nid}"><w:abstractNumId w:val="10"/>'
                                  f"{override}</w:num>"))
            return nid

        current = new_num()
        style.element.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{current}"/></w:numPr>'))
        style_num = current

    for b, lv, restart, rest in plan:
        if b[0] == "table":
            rows = b[1]
            width = max(len(r) for r in rows)
            t = d.add_table(rows=len(rows), cols=width)
            for i, r in enumerate(rows):
                for j, cell in enumerate(r):
                    t.cell(i, j).text = cell
            continue
        if lv is None:
            d.add_paragraph(b[1])
            continue
        if restart is not None:
            current = new_num(lv, restart)
        if lv == 0 and current == style_num:
            d.add_paragraph(rest, style="MinutesLevel1")
        else:
            p = d.add_paragraph(rest, style="MinutesLevel1" if lv == 0 else None)
            p._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{lv}"/><w:numId w:val="{current}"/></w:numPr>'))
    if auto:
        for n in nums:
            d.part.numbering_part.element.append(n)
    if embedded:
        # An Excel table pasted in as an OLE object: the XML holds only a picture of it (VML).
        obj = d.add_paragraph()._p
        obj.append(parse_xml(f'<w:r {nsdecls("w")}><w:object><v:shape xmlns:v="urn:schemas-microsoft-com:vml" '
                             'id="table1" style="width:400pt;height:120pt"/></w:object></w:r>'))
    d.core_properties.author = "minutes-outline fixtures"
    import datetime
    fixed = datetime.datetime(2024, 1, 1)
    d.core_properties.created = fixed
    d.core_properties.modified = fixed
    d.core_properties.last_modified_by = ""
    d.core_properties.revision = 1
    buf = io.BytesIO()
    d.save(buf)
    return normalise(buf.getvalue())


# ----- odt --------------------------------------------------------------------------------

ODF_FMT = {"legal": "壹, 貳, 參, ...", "chinese": "一, 二, 三, ...", "decimal": "1", "upper": "A"}


def odt(name, lines, auto):
    from odf.opendocument import OpenDocumentText
    from odf import style as st, text as tx, table as tb

    d = OpenDocumentText()
    layout = st.PageLayout(name="PL")
    d.automaticstyles.addElement(layout)
    master = st.MasterPage(name="Standard", pagelayoutname=layout)
    h = st.Header()
    h.addElement(tx.P(text=HEADER.format(title=lines[0])))
    master.addElement(h)
    f = st.Footer()
    fp = tx.P(text=FOOTER_PREFIX)
    pn = tx.PageNumber(selectpage="current")
    pn.addText("1")
    fp.addElement(pn)
    fp.addText(FOOTER_SUFFIX)
    f.addElement(fp)
    master.addElement(f)
    d.masterstyles.addElement(master)

    levels = Levels()
    plan = []
    for b in blocks(lines):
        if b[0] == "p" and auto:
            m = marker(b[1])
            if m:
                form, v, gap, rest = m
                lv = levels.level(form, gap)
                plan.append((b, lv, levels.step(lv, v), rest))
                continue
        plan.append((b, None, None, None))

    if auto:
        ls = tx.ListStyle(name="L1")
        for k, (o, kd, c) in enumerate(levels.forms):
            lvl = tx.ListLevelStyleNumber(level=k + 1, numformat=ODF_FMT[kd], numprefix=o, numsuffix=c)
            props = st.ListLevelProperties(listlevelpositionandspacemode="label-alignment")
            props.addElement(st.ListLevelLabelAlignment(
                labelfollowedby="space" if levels.gaps[k] else "nothing",
                marginleft=f"{0.85 * (k + 1):.2f}cm", textindent="-0.85cm"))
            lvl.addElement(props)
            ls.addElement(lvl)
        d.automaticstyles.addElement(ls)

    stack = []  # [(list, current item or None)] per level
    first_list = [True]

    def close():
        stack.clear()

    for b, lv, restart, rest in plan:
        if b[0] == "table":
            close()
            rows = b[1]
            width = max(len(r) for r in rows)
            t = tb.Table(name=f"T{len(d.text.childNodes)}")
            t.addElement(tb.TableColumn(numbercolumnsrepeated=width))
            for r in rows:
                tr = tb.TableRow()
                for j in range(width):
                    cell = tb.TableCell()
                    cell.addElement(tx.P(text=r[j] if j < len(r) else ""))
                    tr.addElement(cell)
                t.addElement(tr)
            d.text.addElement(t)
            continue
        if lv is None:
            close()
            d.text.addElement(tx.P(text=b[1]))
            continue
        del stack[lv + 1:]
        while len(stack) < lv + 1:
            if not stack:
                attrs = {"stylename": "L1"}
                if not first_list[0]:
                    attrs["continuenumbering"] = "true"
                first_list[0] = False
                lst = tx.List(**attrs)
                d.text.addElement(lst)
            else:
                parent, item = stack[-1]
                if item is None:
                    item = tx.ListItem()
                    parent.addElement(item)
                    stack[-1] = (parent, item)
                lst = tx.List()
                item.addElement(lst)
            stack.append((lst, None))
        lst, _ = stack[lv]
        item = tx.ListItem(startvalue=restart) if restart is not None else tx.ListItem()
        item.addElement(tx.P(text=rest))
        lst.addElement(item)
        stack[lv] = (lst, item)
    d.meta.childNodes[:] = []
    buf = io.BytesIO()
    d.write(buf)
    return normalise(buf.getvalue())


def normalise(data):
    """The same zip with fixed times and order, and without the writer's dates and versions."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        order = src.namelist()
        names = sorted(order, key=lambda n: (n != "mimetype", order.index(n)))
        for n in names:
            blob = src.read(n)
            if n == "meta.xml":
                blob = re.sub(rb"<meta:generator>.*?</meta:generator>", b"", blob)
                blob = re.sub(rb"<dc:date>.*?</dc:date>|<meta:creation-date>.*?</meta:creation-date>", b"", blob)
            info = zipfile.ZipInfo(n, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if n == "mimetype" else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, blob, compresslevel=9)
    return out.getvalue()


def build():
    files = {}
    for name in SOURCES:
        lines = lines_of(name)
        files[f"{name}.typed.docx"] = docx(name, lines, auto=False)
        files[f"{name}.auto.docx"] = docx(name, lines, auto=True)
        files[f"{name}.typed.odt"] = odt(name, lines, auto=False)
        files[f"{name}.auto.odt"] = odt(name, lines, auto=True)
    # One document that embeds a spreadsheet (its reader says so: embedded-object).
    files[f"{SOURCES[0]}.embedded.docx"] = docx(SOURCES[0], lines_of(SOURCES[0]), auto=False, embedded=True)
    return files


def squeeze(s):
    import unicodedata
    s = unicodedata.normalize("NFKC", s).replace("叁", "參")
    return re.sub(r"\s+", "", s)


def verify(files):
    """LibreOffice prints each document as text: its lines must be the written text's (markers
    and all), apart from white space and the variant 叁 (a generated 參)."""
    if subprocess.run(["which", "soffice"], capture_output=True).returncode != 0:
        print("verify: soffice is not installed; skipped")
        return True
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        for fname, data in files.items():
            src = Path(tmp) / fname
            src.write_bytes(data)
            subprocess.run(["soffice", "--headless", "--convert-to", "txt:Text (encoded):UTF8",
                            "--outdir", tmp, str(src)], capture_output=True, check=True, timeout=120)
            got = (Path(tmp) / (src.stem + ".txt")).read_text("utf-8-sig").split("\n")
            want = lines_of(fname.split(".")[0])
            got = [squeeze(l) for l in got if squeeze(l)]
            # LibreOffice prints the header and footer nowhere; table cells one a line.
            want = [squeeze(c) for l in want for c in l.split("\t") if squeeze(c)]
            if got != want:
                ok = False
                k = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
                print(f"verify: {fname}: LibreOffice line {k + 1}: {got[k] if k < len(got) else '<end>'!r}"
                      f" but the text has {want[k] if k < len(want) else '<end>'!r}")
            else:
                print(f"verify: {fname}: LibreOffice shows the written text ({len(got)} lines)")
    return ok


def main():
    files = build()
    if "--check" in sys.argv:
        stale = [n for n, b in files.items() if not (OUT / n).exists() or (OUT / n).read_bytes() != b]
        if stale:
            print("stale fixtures (run tools/make-format-fixtures.py):", " ".join(stale))
            sys.exit(1)
        print(f"{len(files)} fixtures are current")
    else:
        OUT.mkdir(parents=True, exist_ok=True)
        for n, b in files.items():
            (OUT / n).write_bytes(b)
        print(f"wrote {len(files)} fixtures to {OUT.relative_to(ROOT)}")
    if "--verify" in sys.argv and not verify(files):
        sys.exit(1)


if __name__ == "__main__":
    main()
