//! The document readers (src/formats/): `.odt` and `.docx` give the lines of the same minutes
//! as text, their automatic numbering written out; bad files are refused with a stable code;
//! nothing they are given makes them panic.
//!
//! The fixtures in tests/fixtures/formats/ are made by tools/make-format-fixtures.py from the
//! written texts in tests/fixtures/written/ (`--check` tells whether they are current, and
//! `--verify` has LibreOffice confirm the numbers they show). Handmade documents for single
//! features are zipped here, from XML written out in each test.

use minutes_outline::formats::{self, Code, Extracted, FURNITURE};
use minutes_outline::{outline, parse, parse_with};
use std::fs;
use std::path::Path;

const SOURCES: [&str; 3] = [
    "city-shizheng",
    "county-council-committee",
    "school-numbered-header",
];
const VARIANTS: [&str; 4] = ["typed.docx", "auto.docx", "typed.odt", "auto.odt"];

fn fixture(name: &str) -> Vec<u8> {
    fs::read(Path::new("tests/fixtures/formats").join(name)).unwrap()
}

fn written(name: &str) -> String {
    fs::read_to_string(format!("tests/fixtures/written/{name}.txt")).unwrap()
}

fn read(bytes: &[u8]) -> Extracted {
    formats::read(bytes, "test").unwrap_or_else(|e| panic!("{:?}: {}", e.code, e.message))
}

/// The text without its page furniture, as the parser's tree sees it.
fn body(x: &Extracted) -> String {
    let lines: Vec<&str> = x.text.split('\n').collect();
    assert_eq!(lines.len(), x.hints.len(), "one hint a line");
    lines
        .iter()
        .zip(&x.hints)
        .filter(|(_, &h)| h != FURNITURE)
        .map(|(l, _)| *l)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The outline as the CLI prints it, with the one variant numeral the generated numbering
/// cannot reproduce (the text writes 叁, the list style 參) made the same.
fn tree(text: &str) -> String {
    outline::render(&parse(text)).replace('叁', "參")
}

/// The outline of a document read with its hints (list levels, furniture), as the component
/// parses it, without the line numbers (the furniture lines shift them).
fn tree_with_hints(x: &Extracted) -> String {
    shapes(&outline::render(&parse_with(&x.text, &x.hints)).replace('叁', "參"))
}

fn shapes(outline: &str) -> String {
    outline
        .lines()
        .map(|l| l.get(6..).unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn documents_give_the_tree_of_their_text() {
    for src in SOURCES {
        let want = tree(written(src).trim_end());
        assert!(want.lines().count() > 30, "{src}: a real outline");
        for v in VARIANTS {
            let x = read(&fixture(&format!("{src}.{v}")));
            let got = tree(&body(&x));
            // Read as the component reads it, with the document's list levels as evidence: the
            // same tree still.
            assert_eq!(
                tree_with_hints(&x),
                shapes(&want),
                "{src}.{v}, with its hints"
            );
            if got != want {
                let k = got
                    .lines()
                    .zip(want.lines())
                    .position(|(a, b)| a != b)
                    .unwrap_or(0);
                panic!(
                    "{src}.{v}: the outline differs from the text's at line {}:\n  got:  {}\n  want: {}",
                    k + 1,
                    got.lines().nth(k).unwrap_or("<end>"),
                    want.lines().nth(k).unwrap_or("<end>")
                );
            }
        }
    }
}

#[test]
fn the_lines_are_the_texts_lines() {
    // Not only the same tree: the same lines, character for character (trailing spaces aside).
    for src in SOURCES {
        let text = written(src);
        // The documents end with the text's last, empty, line.
        let want: Vec<String> = text
            .split('\n')
            .map(|l| l.trim_end().replace('叁', "參"))
            .collect();
        for v in VARIANTS {
            let x = read(&fixture(&format!("{src}.{v}")));
            let got: Vec<String> = body(&x)
                .split('\n')
                .map(|l| l.replace('叁', "參"))
                .collect();
            assert_eq!(got, want, "{src}.{v}");
        }
    }
}

#[test]
fn hints_mark_list_items_and_page_furniture() {
    for src in SOURCES {
        let text = written(src);
        let title = text.lines().next().unwrap();
        for v in VARIANTS {
            let x = read(&fixture(&format!("{src}.{v}")));
            let lines: Vec<&str> = x.text.split('\n').collect();
            // The running header first, the footer (with its page field) last: furniture.
            assert_eq!((lines[0], x.hints[0]), (title, FURNITURE), "{src}.{v}");
            let last = lines.len() - 1;
            assert_eq!(
                (lines[last], x.hints[last]),
                ("第 1 頁", FURNITURE),
                "{src}.{v}"
            );
            assert_eq!(x.hints.iter().filter(|&&h| h == FURNITURE).count(), 2);
            let listed: Vec<(&str, u8)> = lines
                .iter()
                .zip(&x.hints)
                .filter(|(_, &h)| h != 0 && h != FURNITURE)
                .map(|(l, &h)| (*l, h))
                .collect();
            if v.starts_with("typed") {
                assert!(listed.is_empty(), "{src}.{v}: typed numbers are not lists");
                continue;
            }
            // Every generated marker is a list item, and one marker style one level.
            let mut levels: Vec<(String, u8)> = Vec::new();
            for (line, hint) in &listed {
                let style = marker_style(line);
                assert!(
                    !style.is_empty(),
                    "{src}.{v}: {line:?} is a list item without a marker"
                );
                match levels.iter().find(|(s, _)| *s == style) {
                    Some((_, h)) => assert_eq!(h, hint, "{src}.{v}: {line}"),
                    None => levels.push((style, *hint)),
                }
            }
            let typed = text.lines().filter(|l| !marker_style(l).is_empty()).count();
            assert_eq!(
                listed.len(),
                typed,
                "{src}.{v}: every numbered line is a list item"
            );
            assert!(levels.len() >= 3, "{src}.{v}: {levels:?}");
        }
    }
}

/// A line-start marker's style, numerals replaced (`（N）`, `N、`), or "" for none.
fn marker_style(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars().peekable();
    if let Some(&c) = chars.peek() {
        if c == '(' || c == '（' {
            out.push(c);
            chars.next();
        }
    }
    let mut digits = 0;
    while let Some(&c) = chars.peek() {
        let kind = if c.is_ascii_digit() {
            'N'
        } else if "一二三四五六七八九十".contains(c) {
            'C'
        } else if "壹貳參叁肆伍陸柒捌玖拾".contains(c) {
            'L'
        } else {
            break;
        };
        if digits == 0 {
            out.push(kind);
        }
        digits += 1;
        chars.next();
    }
    while chars.peek() == Some(&' ') {
        chars.next();
    }
    match chars.next() {
        Some(c @ ('、' | '.' | '．' | ')' | '）')) if digits > 0 && digits <= 3 => {
            out.push(c);
            out
        }
        _ => String::new(),
    }
}

// ----- handmade documents ------------------------------------------------------------------

/// A zip of stored entries (and deflated ones, for the names ending in `~`).
fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let (name, packed, method) = match name.strip_suffix('~') {
            Some(n) => (n, miniz_oxide::deflate::compress_to_vec(data, 6), 8u16),
            None => (*name, data.to_vec(), 0u16),
        };
        let crc = formats::zip::crc32(data);
        let offset = out.len() as u32;
        let mut head = Vec::new();
        head.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        head.extend_from_slice(&[20, 0, 0, 0]);
        head.extend_from_slice(&method.to_le_bytes());
        head.extend_from_slice(&[0, 0, 0, 0]);
        head.extend_from_slice(&crc.to_le_bytes());
        head.extend_from_slice(&(packed.len() as u32).to_le_bytes());
        head.extend_from_slice(&(data.len() as u32).to_le_bytes());
        head.extend_from_slice(&(name.len() as u16).to_le_bytes());
        head.extend_from_slice(&[0, 0]);
        out.extend_from_slice(&head);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&packed);
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&[20, 0]);
        central.extend_from_slice(&head[4..30]);
        central.extend_from_slice(&[0u8; 10]);
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let at = out.len() as u32;
    let n = entries.len() as u16;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0, 0, 0, 0]);
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&at.to_le_bytes());
    out.extend_from_slice(&[0, 0]);
    out
}

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

/// A .docx of `body` (paragraphs XML) with `numbering` (its w:abstractNum and w:num) and
/// `styles`.
fn docx(body: &str, numbering: &str, styles: &str) -> Vec<u8> {
    let types = r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/word/styles.xml"/></Relationships>"#;
    let doc =
        format!(r#"<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>"#);
    let num = format!(r#"<w:numbering {W}>{numbering}</w:numbering>"#);
    let sty = format!(r#"<w:styles {W}>{styles}</w:styles>"#);
    zip(&[
        ("[Content_Types].xml", types.as_bytes()),
        ("_rels/.rels", b"<Relationships/>"),
        ("word/_rels/document.xml.rels", rels.as_bytes()),
        ("word/document.xml~", doc.as_bytes()),
        ("word/numbering.xml~", num.as_bytes()),
        ("word/styles.xml", sty.as_bytes()),
    ])
}

/// A numbered paragraph.
fn np(num: u32, ilvl: u32, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
    )
}

fn p(text: &str) -> String {
    format!(r#"<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

fn lvl(ilvl: u32, fmt: &str, text: &str, extra: &str) -> String {
    format!(
        r#"<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:suff w:val="nothing"/><w:lvlText w:val="{text}"/>{extra}</w:lvl>"#
    )
}

fn lines(x: &Extracted) -> Vec<(&str, u8)> {
    x.text.split('\n').zip(x.hints.iter().copied()).collect()
}

#[test]
fn docx_numbering_as_word_shows_it() {
    let abs = format!(
        r#"<w:abstractNum w:abstractNumId="0">{}{}{}{}</w:abstractNum>"#,
        lvl(0, "ideographLegalTraditional", "%1、", ""),
        lvl(1, "taiwaneseCountingThousand", "%2、", ""),
        lvl(2, "taiwaneseCountingThousand", "（%3）", ""),
        lvl(3, "decimal", "%3-%4.", r#"<w:isLgl/>"#),
    );
    let nums = r#"<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
        <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
        <w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>
        <w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="9"/></w:lvlOverride></w:num>"#;
    let body = [
        np(1, 0, "報告事項"),
        np(1, 1, "甲案"),
        np(1, 2, "說明"),
        np(1, 2, "補充"),
        np(1, 3, "細項"),
        p("決定：洽悉。"),
        // Another w:num on the same list continues it…
        np(3, 1, "乙案"),
        // …one with a startOverride restarts its level where it is first used…
        np(2, 1, "重新"),
        np(2, 1, "接續"),
        // …and a higher level resets the levels below it.
        np(1, 0, "討論事項"),
        np(1, 1, "丙案"),
        np(4, 1, "跳號"),
        np(1, 2, "子項"),
    ]
    .concat();
    let x = read(&docx(&body, &format!("{abs}{nums}"), ""));
    assert_eq!(
        lines(&x),
        [
            ("壹、報告事項", 1),
            ("一、甲案", 2),
            ("（一）說明", 3),
            ("（二）補充", 3),
            ("2-1.細項", 4),
            ("決定：洽悉。", 0),
            ("二、乙案", 2),
            ("一、重新", 2),
            ("二、接續", 2),
            ("貳、討論事項", 1),
            ("一、丙案", 2),
            ("九、跳號", 2),
            ("（一）子項", 3),
        ]
    );
}

#[test]
fn docx_numbering_through_styles_links_and_restarts() {
    // Level 0 by a paragraph style linked to it (w:pStyle in the level, numPr in the style,
    // based on another); level 1 never restarts (w:lvlRestart 0); a numbering-style link.
    let abs = format!(
        r#"<w:abstractNum w:abstractNumId="5">{}{}</w:abstractNum>
           <w:abstractNum w:abstractNumId="6"><w:numStyleLink w:val="OutlineList"/></w:abstractNum>"#,
        lvl(0, "decimal", "第%1案", r#"<w:pStyle w:val="Case"/>"#),
        lvl(1, "upperLetter", "%2.", r#"<w:lvlRestart w:val="0"/>"#),
    );
    let nums = r#"<w:num w:numId="7"><w:abstractNumId w:val="5"/></w:num>
        <w:num w:numId="8"><w:abstractNumId w:val="6"/></w:num>"#;
    let styles = r#"<w:style w:type="paragraph" w:styleId="CaseBase"><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="Case"><w:basedOn w:val="CaseBase"/></w:style>
        <w:style w:type="numbering" w:styleId="OutlineList"><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>"#;
    let case = |t: &str| {
        format!(r#"<w:p><w:pPr><w:pStyle w:val="Case"/></w:pPr><w:r><w:t>{t}</w:t></w:r></w:p>"#)
    };
    let body = [
        case("財務"),
        np(7, 1, "預算"),
        np(7, 1, "決算"),
        case("人事"),
        np(8, 1, "考核"),
        // numId 0 takes the style's numbering away.
        r#"<w:p><w:pPr><w:pStyle w:val="Case"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>附記</w:t></w:r></w:p>"#.into(),
    ]
    .concat();
    let x = read(&docx(&body, &format!("{abs}{nums}"), styles));
    assert_eq!(
        lines(&x),
        [
            ("第1案財務", 1),
            ("A.預算", 2),
            ("B.決算", 2),
            ("第2案人事", 1),
            ("C.考核", 2),
            ("附記", 0),
        ]
    );
}

#[test]
fn docx_runs_tables_fields_and_hidden_text() {
    let body = r#"
      <w:p><w:r><w:t>主席：</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>（隱藏）</w:t></w:r><w:r><w:t xml:space="preserve">林 宜敬</w:t></w:r><w:r><w:tab/><w:t>記錄：王</w:t></w:r></w:p>
      <w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r><w:ins><w:r><w:t>（增）</w:t></w:r></w:ins><w:del><w:r><w:delText>（刪）</w:delText></w:r></w:del></w:p>
      <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>113年5月8日</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
      <w:tbl><w:tr><w:tc><w:p><w:r><w:t>機關</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>預算</w:t></w:r></w:p><w:p><w:r><w:t>（千元）</w:t></w:r></w:p></w:tc></w:tr>
        <w:tr><w:tc><w:p><w:r><w:t>工務處</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>
      <w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>文字方塊</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>文字方塊</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>附圖</w:t></w:r></w:p>"#;
    let x = read(&docx(body, "", ""));
    assert_eq!(
        x.text,
        "主席：林 宜敬\t記錄：王\n第一行\n第二行（增）\n113年5月8日\n機關\t預算 （千元）\n工務處\n附圖\n文字方塊"
    );
    assert_eq!(x.hints, [0; 8]);
}

#[test]
fn an_embedded_spreadsheet_or_chart_is_said_once_not_lost_silently() {
    // A Word document with an Excel table pasted in (an OLE object: a picture of it in the XML)
    // and a chart.
    let body = r#"<w:p><w:r><w:t>附表如下：</w:t></w:r></w:p>
      <w:p><w:r><w:object><v:shape xmlns:v="urn:schemas-microsoft-com:vml"/></w:object></w:r></w:p>
      <w:p><w:r><w:drawing><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/></w:drawing></w:r></w:p>
      <w:p><w:r><w:t>一、照案通過。</w:t></w:r></w:p>"#;
    let x = read(&docx(body, "", ""));
    assert_eq!(x.text, "附表如下：\n\n\n一、照案通過。");
    let codes: Vec<_> = x.warnings.iter().map(|w| (w.code.name(), w.line)).collect();
    assert_eq!(codes, [("embedded-object", 0)]);
    // The same in an .odt: an embedded spreadsheet in a frame.
    let draw = r#"xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0""#;
    let body = format!(
        r#"<text:p>附表如下：</text:p><text:p><draw:frame {draw}><draw:object/></draw:frame></text:p><text:p>一、照案通過。</text:p>"#
    );
    let x = read(&odt("", &body));
    assert_eq!(x.warnings.len(), 1);
    assert_eq!(x.warnings[0].code.name(), "embedded-object");
    // A document without one says nothing.
    assert!(read(&docx(&p("一、照案通過。"), "", ""))
        .warnings
        .is_empty());
}

const ODF: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:xml="http://www.w3.org/XML/1998/namespace""#;

fn odt(styles: &str, body: &str) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0"?><office:document-content {ODF}><office:automatic-styles>{styles}</office:automatic-styles><office:body><office:text>{body}</office:text></office:body></office:document-content>"#
    );
    zip(&[
        ("mimetype", b"application/vnd.oasis.opendocument.text"),
        ("content.xml~", content.as_bytes()),
    ])
}

fn level(n: u32, fmt: &str, prefix: &str, suffix: &str, extra: &str) -> String {
    format!(
        r#"<text:list-level-style-number text:level="{n}" style:num-format="{fmt}" style:num-prefix="{prefix}" style:num-suffix="{suffix}" {extra}/>"#
    )
}

#[test]
fn odt_lists_as_libreoffice_shows_them() {
    let styles = format!(
        r#"<text:list-style style:name="L1">{}{}{}{}</text:list-style>
           <text:list-style style:name="L2"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style>
           <text:outline-style style:name="Outline">{}</text:outline-style>"#,
        level(1, "壹, 貳, 參, ...", "", "、", ""),
        level(2, "一, 二, 三, ...", "", "、", ""),
        level(3, "1", "(", ")", r#"text:start-value="3""#),
        level(4, "a", "", ".", r#"text:display-levels="2""#),
        level(1, "甲, 乙, 丙, ...", "", "、", ""),
    );
    let item = |t: &str| format!("<text:list-item><text:p>{t}</text:p></text:list-item>");
    let deeper = format!(
        "<text:list-item><text:p>細目</text:p><text:list>{}</text:list></text:list-item>",
        item("分項")
    );
    let body = [
        r#"<text:h text:outline-level="1">報告事項</text:h>"#.to_string(),
        format!(
            r#"<text:list xml:id="a" text:style-name="L1">{}<text:list-item><text:p>財務</text:p><text:p>續段</text:p><text:list>{}<text:list-item><text:p>預算</text:p><text:list>{}</text:list></text:list-item></text:list></text:list-item></text:list>"#,
            item("序言"),
            item("總說"),
            deeper,
        ),
        "<text:p>說明：</text:p>".into(),
        // Continued by id (and so in its style): the counters go on; an item restarts with
        // text:start-value.
        format!(
            r#"<text:list text:continue-list="a"><text:list-item><text:list>{}<text:list-item text:start-value="7"><text:p>人事</text:p></text:list-item></text:list></text:list-item></text:list>"#,
            item("考核"),
        ),
        // A new list of the same style, not continuing: starts again.
        format!(r#"<text:list text:style-name="L1">{}</text:list>"#, item("再起")),
        format!(r#"<text:list text:style-name="L1" text:continue-numbering="true">{}</text:list>"#, item("接續")),
        format!(r#"<text:list text:style-name="L2">{}</text:list>"#, item("項目")),
        r#"<text:h text:outline-level="1">討論<text:s text:c="2"/>事項</text:h>"#.into(),
        "<text:p>  前後   空白 <text:tab/>欄<text:line-break/>次行</text:p>".into(),
    ]
    .concat();
    let x = read(&odt(&styles, &body));
    assert_eq!(
        lines(&x),
        [
            ("甲、報告事項", 1),
            ("壹、序言", 1),
            ("貳、財務", 1),
            ("續段", 0),
            ("一、總說", 2),
            ("二、預算", 2),
            ("(3) 細目", 3),
            ("3.a. 分項", 4),
            ("說明：", 0),
            ("三、考核", 2),
            ("七、人事", 2),
            ("壹、再起", 1),
            ("貳、接續", 1),
            ("項目", 1),
            ("乙、討論  事項", 1),
            ("前後 空白 \t欄", 0),
            ("次行", 0),
        ]
    );
}

#[test]
fn odt_tables_and_furniture_in_a_flat_document() {
    let fodt = format!(
        r#"<?xml version="1.0"?><office:document {ODF} office:mimetype="application/vnd.oasis.opendocument.text">
<office:master-styles><style:master-page style:name="Standard"><style:header><text:p>某區公所</text:p></style:header><style:footer><text:p>第<text:page-number>3</text:page-number>頁</text:p></style:footer></style:master-page></office:master-styles>
<office:body><office:text>
<table:table><table:table-column table:number-columns-repeated="3"/>
<table:table-header-rows><table:table-row><table:table-cell><text:p>機關</text:p></table:table-cell><table:table-cell table:number-columns-spanned="2"><text:p>經費</text:p></table:table-cell><table:covered-table-cell/></table:table-row></table:table-header-rows>
<table:table-row><table:table-cell><text:p>民政課</text:p></table:table-cell><table:table-cell><text:p>12</text:p></table:table-cell><table:table-cell><text:p>萬元</text:p></table:table-cell></table:table-row>
<table:table-row table:number-rows-repeated="900"><table:table-cell table:number-columns-repeated="1000"/></table:table-row>
</table:table>
<text:p>散會<office:annotation><text:p>註解不是內容</text:p></office:annotation></text:p>
</office:text></office:body></office:document>"#
    );
    let x = read(fodt.as_bytes());
    assert_eq!(
        lines(&x),
        [
            ("某區公所", FURNITURE),
            ("機關\t經費", 0),
            ("民政課\t12\t萬元", 0),
            ("散會", 0),
            ("第3頁", FURNITURE),
        ]
    );
}

// ----- bad files ---------------------------------------------------------------------------

fn code(bytes: &[u8], name: &str) -> Code {
    match formats::read(bytes, name) {
        Ok(x) => panic!("{name}: read, {} lines", x.hints.len()),
        Err(e) => {
            assert!(!e.message.is_empty());
            e.code
        }
    }
}

#[test]
fn bad_files_are_refused_with_a_code() {
    let ods = zip(&[(
        "mimetype",
        b"application/vnd.oasis.opendocument.spreadsheet",
    )]);
    assert_eq!(code(&ods, "a.ods"), Code::Spreadsheet);
    let xlsx = zip(&[(
        "[Content_Types].xml",
        br#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#,
    )]);
    assert_eq!(code(&xlsx, "a.xlsx"), Code::Spreadsheet);
    let pptx = zip(&[(
        "[Content_Types].xml",
        br#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/></Types>"#,
    )]);
    assert_eq!(code(&pptx, "a.pptx"), Code::Presentation);
    let mut ole = vec![0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    ole.resize(4096, 0);
    assert_eq!(code(&ole, "old.doc"), Code::LegacyDoc);
    assert_eq!(code(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a.pdf"), Code::Pdf);
    assert_eq!(code(b"{\\rtf1\\ansi hello}", "a.rtf"), Code::UnknownFormat);
    assert_eq!(
        code("壹、報告事項".as_bytes(), "a.txt"),
        Code::UnknownFormat
    );
    assert_eq!(code(&zip(&[("a.txt", b"x")]), "a.zip"), Code::UnknownFormat);
    assert_eq!(code(b"PK\x03\x04 cut", "cut.docx"), Code::CorruptZip);
    let big = vec![b' '; formats::MAX_BYTES + 1];
    assert_eq!(code(&big, "big.odt"), Code::TooLarge);
    // An ODF package whose content.xml is encrypted says so in its manifest.
    let enc = zip(&[
        ("mimetype", b"application/vnd.oasis.opendocument.text"),
        ("META-INF/manifest.xml", br#"<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>"#),
        ("content.xml", b"\x8f\x12garbage"),
    ]);
    assert_eq!(code(&enc, "secret.odt"), Code::EncryptedDocument);
    // Not well-formed, or without its main part.
    let broken = odt("", "<text:p>unclosed");
    assert_eq!(code(&broken, "broken.odt"), Code::CorruptDocument);
    let empty = zip(&[("mimetype", b"application/vnd.oasis.opendocument.text")]);
    assert_eq!(code(&empty, "empty.odt"), Code::CorruptDocument);
}

#[test]
fn zip_bombs_and_lying_sizes_are_refused_without_unpacking() {
    // An entry that says it holds 300 MiB is refused before anything is inflated.
    let mut z = odt("", "<text:p>x</text:p>");
    let central = z.windows(4).rposition(|w| w == b"PK\x01\x02").unwrap();
    z[central + 24..central + 28].copy_from_slice(&(300u32 << 20).to_le_bytes());
    assert_eq!(code(&z, "bomb.odt"), Code::TooLarge);
    // One that holds more than it says stops at what it says.
    let mut z = odt("", &"<text:p>重複的內容</text:p>".repeat(5000));
    let central = z.windows(4).rposition(|w| w == b"PK\x01\x02").unwrap();
    z[central + 24..central + 28].copy_from_slice(&1000u32.to_le_bytes());
    assert_eq!(code(&z, "liar.odt"), Code::CorruptZip);
    // A damaged byte inside a deflated part fails its CRC, or its inflation.
    let mut z = odt("", &"<text:p>內容</text:p>".repeat(100));
    let mid = z.len() / 2;
    z[mid] ^= 0x55;
    assert!(matches!(
        code(&z, "flipped.odt"),
        Code::CorruptZip | Code::CorruptDocument
    ));
}

#[test]
fn entities_and_dtds_are_never_expanded() {
    let doc = r#"<?xml version="1.0"?>
<!DOCTYPE d [<!ENTITY a "AAAAAAAAAA"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY ext SYSTEM "file:///etc/passwd">]>"#;
    let body = format!(
        r#"{doc}<w:document {W}><w:body><w:p><w:r><w:t>&c;&ext;&amp;&#x4e00;</w:t></w:r></w:p></w:body></w:document>"#
    );
    let types = r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
    let z = zip(&[
        ("[Content_Types].xml", types.as_bytes()),
        ("word/document.xml", body.as_bytes()),
    ]);
    assert_eq!(read(&z).text, "&c;&ext;&一");
}

/// A small deterministic generator, so that the damage below is the same in every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn damaged_documents_never_panic() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut read_ok = 0;
    let mut refused = 0;
    for src in SOURCES {
        for v in VARIANTS {
            let good = fixture(&format!("{src}.{v}"));
            // Cut short anywhere…
            for k in 0..15 {
                let at = (rng.next() as usize) % good.len();
                let r = formats::read(&good[..at.max(k)], "cut");
                assert!(r.is_err(), "{src}.{v} cut at {at} still read");
                refused += 1;
            }
            // …or garbled: whatever comes back, the parser takes it too.
            for _ in 0..15 {
                let mut bad = good.clone();
                for _ in 0..1 + rng.next() % 8 {
                    let at = (rng.next() as usize) % bad.len();
                    bad[at] = rng.next() as u8;
                }
                match formats::read(&bad, "garbled") {
                    Ok(x) => {
                        assert_eq!(x.text.split('\n').count(), x.hints.len());
                        parse(&x.text);
                        read_ok += 1;
                    }
                    Err(_) => refused += 1,
                }
            }
        }
    }
    // Both kinds of outcome happen: a flip in a stored name or a zip comment reads fine.
    assert!(
        read_ok > 0 && refused > 0,
        "{read_ok} read, {refused} refused"
    );
}

// ----- the command line ----------------------------------------------------------------

fn cli(args: &[&str]) -> (bool, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_minutes-outline"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_cli_reads_documents_and_says_what_it_does_not_read() {
    let (ok, out, _) = cli(&["--quiet", "tests/fixtures/formats/city-shizheng.auto.odt"]);
    assert!(ok);
    assert!(out.contains("一、上次會議決議事項執行情形"), "{out}");
    assert!(out.contains("（二）執行率未達60%之機關計3個"), "{out}");
    // What the reader could not read is said with the parser's diagnostics, in the JSON too.
    let (ok, out, _) = cli(&["tests/fixtures/formats/city-shizheng.embedded.docx"]);
    assert!(ok);
    assert!(out.contains("warning[embedded-object]"), "{out}");
    let (_, json, _) = cli(&[
        "--json",
        "tests/fixtures/formats/city-shizheng.embedded.docx",
    ]);
    assert!(json.contains(r#""code":"embedded-object""#), "{json}");
    let (ok, out, _) = cli(&[
        "--text",
        "tests/fixtures/formats/school-numbered-header.auto.docx",
    ]);
    assert!(ok);
    assert!(
        out.contains("\n一、時間：114年1月15日(三)上午10時\n"),
        "{out}"
    );
    let (ok, out, _) = cli(&[
        "--json",
        "tests/fixtures/formats/county-council-committee.auto.docx",
    ]);
    assert!(ok && out.contains("\"number\":3"), "{out}");
    let dir = std::env::temp_dir().join(format!("mo-formats-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let pdf = dir.join("minutes.pdf");
    fs::write(&pdf, b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n").unwrap();
    let (ok, _, err) = cli(&[pdf.to_str().unwrap()]);
    assert!(!ok);
    assert!(err.contains("PDF") && err.contains("page"), "{err}");
    let doc = dir.join("old.doc");
    fs::write(&doc, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]).unwrap();
    let (ok, _, err) = cli(&[doc.to_str().unwrap()]);
    assert!(!ok && err.contains(".doc"), "{err}");
    fs::remove_dir_all(&dir).ok();
}
