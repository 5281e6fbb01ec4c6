//! Office Open XML documents (`.docx`): the main part, its styles, numbering, headers, footers
//! and footnotes into lines.
//!
//! Numbering follows ECMA-376 Part 1 §17.9 as Word applies it: a paragraph's `w:numPr` (its own,
//! or its style's through `w:basedOn`, or the level whose `w:pStyle` names its style) points at a
//! `w:num`, which points at a `w:abstractNum`; the counters belong to the abstract definition,
//! so that every `w:num` on it continues one sequence, and a `w:num` whose `w:lvlOverride` holds
//! a `w:startOverride` restarts its levels where it is first used. A level restarts after any
//! level above it (or as `w:lvlRestart` says). `w:lvlText` (`%1、`, `（%2）`, `%1.%2`) writes the
//! label, each `%N` in level N's `w:numFmt` (decimal everywhere under `w:isLgl`).

use super::number::{format, Style};
use super::xml::{self, El, Node, Ns};
use super::zip::Archive;
use super::{label_gap, list_hint, push_furniture, Code, Error, Extracted, Follow, Format, Lines};
use std::collections::{HashMap, HashSet};

const LEVELS: usize = 9;

#[derive(Clone, Debug, Default)]
struct Lvl {
    style: Option<Style>,
    text: String,
    start: i64,
    legal: bool,
    restart: Option<i64>,
    follow: Follow,
    pstyle: Option<String>,
}

#[derive(Default)]
struct Abstract {
    levels: Vec<Option<Lvl>>,
    style_link: Option<String>,
}

#[derive(Default)]
struct Num {
    abs: String,
    start: [Option<i64>; LEVELS],
    lvl: Vec<Option<Lvl>>,
}

#[derive(Default, Debug)]
struct PStyle {
    based_on: Option<String>,
    num: Option<String>,
    ilvl: Option<usize>,
}

#[derive(Default)]
struct Defs {
    abstracts: HashMap<String, Abstract>,
    nums: HashMap<String, Num>,
    styles: HashMap<String, PStyle>,
    /// Numbering styles (`w:type="numbering"`): the `w:num` each stands for.
    numbering_styles: HashMap<String, String>,
    default_style: Option<String>,
}

/// OOXML's `ST_NumberFormat`.
fn num_style(v: &str) -> Style {
    match v {
        "decimal" | "decimalHalfWidth" | "ordinal" | "cardinalText" | "ordinalText" => {
            Style::Decimal
        }
        "decimalZero" => Style::DecimalZero,
        "decimalFullWidth" | "decimalFullWidth2" => Style::FullWidth,
        "upperLetter" => Style::UpperLetter,
        "lowerLetter" => Style::LowerLetter,
        "upperRoman" => Style::UpperRoman,
        "lowerRoman" => Style::LowerRoman,
        "taiwaneseCounting"
        | "taiwaneseCountingThousand"
        | "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting" => Style::ChineseCounting,
        "taiwaneseDigital" | "ideographDigital" | "japaneseDigitalTenThousand" => {
            Style::ChineseDigits
        }
        "ideographLegalTraditional" => Style::LegalTraditional,
        "chineseLegalSimplified" => Style::LegalSimplified,
        "ideographTraditional" => Style::Stems,
        "ideographZodiac" => Style::Branches,
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => Style::Circled,
        "decimalEnclosedParen" => Style::Parenthesised,
        "decimalEnclosedFullstop" => Style::FullStop,
        "none" => Style::Nothing,
        "bullet" => Style::Bullet,
        _ => Style::Decimal,
    }
}

/// Word 2010's custom formats (`w:numFmt w:val="custom" w:format="一, 二, 三, ..."`).
fn custom_style(f: &str) -> Style {
    match f.trim().chars().next() {
        Some('一') => Style::ChineseCounting,
        Some('壹') => Style::LegalTraditional,
        Some('甲') => Style::Stems,
        Some('子') => Style::Branches,
        Some('①') => Style::Circled,
        Some('１') => Style::FullWidth,
        Some('0') => Style::DecimalZero,
        _ => Style::Decimal,
    }
}

fn val(e: &El) -> Option<&str> {
    e.attr(Ns::W, "val")
}

/// `w:val="1"`, `"true"`, `"on"` or no value at all: on.
fn on(e: &El) -> bool {
    !matches!(val(e), Some("0" | "false" | "off"))
}

/// The child of that name, also inside `mc:AlternateContent` (its first choice, else its
/// fallback).
fn child_alt<'a>(e: &'a El, name: &str) -> Option<&'a El> {
    e.child(Ns::W, name).or_else(|| {
        e.elements()
            .filter(|c| c.is(Ns::Mc, "AlternateContent"))
            .find_map(|a| {
                a.elements()
                    .filter(|c| c.is(Ns::Mc, "Choice"))
                    .chain(a.child(Ns::Mc, "Fallback"))
                    .find_map(|c| c.child(Ns::W, name))
            })
    })
}

fn lvl(e: &El) -> Option<(usize, Lvl)> {
    let k: usize = e.attr(Ns::W, "ilvl")?.trim().parse().ok()?;
    if k >= LEVELS {
        return None;
    }
    let style = child_alt(e, "numFmt").map(|f| match val(f) {
        Some("custom") => custom_style(f.attr(Ns::W, "format").unwrap_or("")),
        v => num_style(v.unwrap_or("decimal")),
    });
    let int = |name| {
        e.child(Ns::W, name)
            .and_then(val)
            .and_then(|v| v.trim().parse::<i64>().ok())
    };
    Some((
        k,
        Lvl {
            style,
            text: e
                .child(Ns::W, "lvlText")
                .and_then(val)
                .unwrap_or("")
                .to_owned(),
            start: int("start").unwrap_or(0),
            legal: e.child(Ns::W, "isLgl").is_some_and(on),
            restart: int("lvlRestart"),
            follow: match e.child(Ns::W, "suff").and_then(val) {
                Some("space") => Follow::Space,
                Some("nothing") => Follow::Nothing,
                _ => Follow::Tab,
            },
            pstyle: e.child(Ns::W, "pStyle").and_then(val).map(str::to_owned),
        },
    ))
}

fn read_numbering(root: &El, d: &mut Defs) {
    for e in root.elements() {
        if e.is(Ns::W, "abstractNum") {
            let Some(id) = e.attr(Ns::W, "abstractNumId") else {
                continue;
            };
            let mut a = Abstract {
                levels: vec![None; LEVELS],
                style_link: e
                    .child(Ns::W, "numStyleLink")
                    .and_then(val)
                    .map(str::to_owned),
            };
            for l in e.elements().filter(|l| l.is(Ns::W, "lvl")) {
                if let Some((k, v)) = lvl(l) {
                    a.levels[k] = Some(v);
                }
            }
            d.abstracts.insert(id.to_owned(), a);
        } else if e.is(Ns::W, "num") {
            let Some(id) = e.attr(Ns::W, "numId") else {
                continue;
            };
            let mut n = Num {
                abs: e
                    .child(Ns::W, "abstractNumId")
                    .and_then(val)
                    .unwrap_or("")
                    .to_owned(),
                lvl: vec![None; LEVELS],
                ..Num::default()
            };
            for o in e.elements().filter(|o| o.is(Ns::W, "lvlOverride")) {
                let Some(k) = o
                    .attr(Ns::W, "ilvl")
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .filter(|&k| k < LEVELS)
                else {
                    continue;
                };
                n.start[k] = o
                    .child(Ns::W, "startOverride")
                    .and_then(val)
                    .and_then(|v| v.trim().parse().ok());
                n.lvl[k] = o.child(Ns::W, "lvl").and_then(lvl).map(|(_, l)| l);
            }
            d.nums.insert(id.to_owned(), n);
        }
    }
}

fn num_pr(ppr: Option<&El>) -> (Option<String>, Option<usize>) {
    let Some(np) = ppr.and_then(|p| p.child(Ns::W, "numPr")) else {
        return (None, None);
    };
    (
        np.child(Ns::W, "numId").and_then(val).map(str::to_owned),
        np.child(Ns::W, "ilvl")
            .and_then(val)
            .and_then(|v| v.trim().parse().ok()),
    )
}

fn read_styles(root: &El, d: &mut Defs) {
    for s in root.elements().filter(|s| s.is(Ns::W, "style")) {
        let Some(id) = s.attr(Ns::W, "styleId") else {
            continue;
        };
        let (num, ilvl) = num_pr(s.child(Ns::W, "pPr"));
        match s.attr(Ns::W, "type") {
            Some("numbering") => {
                if let Some(n) = num {
                    d.numbering_styles.insert(id.to_owned(), n);
                }
            }
            Some("paragraph") | None => {
                if s.attr(Ns::W, "default")
                    .is_some_and(|v| v == "1" || v == "true")
                {
                    d.default_style = Some(id.to_owned());
                }
                d.styles.insert(
                    id.to_owned(),
                    PStyle {
                        based_on: s.child(Ns::W, "basedOn").and_then(val).map(str::to_owned),
                        num,
                        ilvl,
                    },
                );
            }
            _ => {}
        }
    }
}

impl Defs {
    /// The abstract definition behind a `w:num`, through numbering-style links.
    fn abstract_of(&self, num: &str) -> Option<(&str, &Abstract)> {
        let mut id = self.nums.get(num)?.abs.as_str();
        for _ in 0..4 {
            let a = self.abstracts.get(id)?;
            match &a.style_link {
                Some(link) => {
                    let n = self.numbering_styles.get(link)?;
                    let next = self.nums.get(n)?.abs.as_str();
                    if next == id {
                        return Some((id, a));
                    }
                    id = next;
                }
                None => return Some((id, a)),
            }
        }
        None
    }

    /// The numbering of a paragraph: its `w:num` and level.
    fn paragraph_num(&self, ppr: Option<&El>) -> Option<(String, usize)> {
        let (mut num, mut ilvl) = num_pr(ppr);
        let style = ppr
            .and_then(|p| p.child(Ns::W, "pStyle"))
            .and_then(val)
            .map(str::to_owned)
            .or_else(|| self.default_style.clone());
        let mut s = style.clone();
        for _ in 0..32 {
            let Some(st) = s.as_deref().and_then(|s| self.styles.get(s)) else {
                break;
            };
            if num.is_none() {
                num.clone_from(&st.num);
            }
            if ilvl.is_none() {
                ilvl = st.ilvl;
            }
            s.clone_from(&st.based_on);
        }
        let num = num.filter(|n| n != "0")?;
        let ilvl = ilvl
            .or_else(|| {
                // A style linked to a level of the list: that level.
                let (_, a) = self.abstract_of(&num)?;
                let style = style.as_deref()?;
                a.levels
                    .iter()
                    .position(|l| l.as_ref().and_then(|l| l.pstyle.as_deref()) == Some(style))
            })
            .unwrap_or(0)
            .min(LEVELS - 1);
        Some((num, ilvl))
    }
}

/// The running counters, one set for each abstract definition.
#[derive(Default)]
struct Counters {
    values: HashMap<String, [Option<i64>; LEVELS]>,
    pending: HashMap<String, [Option<i64>; LEVELS]>,
    seen: HashSet<String>,
}

impl Counters {
    /// The label of a paragraph numbered (`num`, `ilvl`), and what follows it.
    fn label(&mut self, d: &Defs, num: &str, ilvl: usize) -> Option<(String, Follow)> {
        let n = d.nums.get(num)?;
        let (abs_id, a) = d.abstract_of(num)?;
        let level = |k: usize| n.lvl[k].as_ref().or(a.levels[k].as_ref());
        let pending = self.pending.entry(abs_id.to_owned()).or_default();
        if self.seen.insert(num.to_owned()) {
            for (k, s) in n.start.iter().enumerate() {
                if s.is_some() {
                    pending[k] = *s;
                }
            }
        }
        let values = self.values.entry(abs_id.to_owned()).or_default();
        let this = level(ilvl);
        values[ilvl] = Some(match (pending[ilvl].take(), values[ilvl]) {
            (Some(p), _) => p,
            (None, Some(v)) => v.saturating_add(1),
            (None, None) => this.map_or(1, |l| l.start),
        });
        for (k, v) in values.iter_mut().enumerate().skip(ilvl + 1) {
            let restart = level(k).and_then(|l| l.restart);
            if match restart {
                None => true,
                Some(0) => false,
                Some(r) => (ilvl as i64) < r,
            } {
                *v = None;
            }
        }
        let this = this?;
        if this.style == Some(Style::Bullet) {
            return Some((String::new(), this.follow));
        }
        let mut out = String::new();
        let mut chars = this.text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek()) {
                ('%', Some(d @ '1'..='9')) => {
                    let k = (*d as u8 - b'1') as usize;
                    chars.next();
                    let value = values[k].unwrap_or_else(|| level(k).map_or(1, |l| l.start));
                    let style = if this.legal {
                        Style::Decimal
                    } else {
                        level(k).and_then(|l| l.style).unwrap_or(Style::Decimal)
                    };
                    out.push_str(&format(value, style));
                }
                _ => out.push(c),
            }
        }
        Some((out, this.follow))
    }
}

struct Reader<'d> {
    defs: &'d Defs,
    counters: Counters,
    /// Footnote and endnote references, numbered as they appear: (kind, id, number).
    notes: Vec<(bool, String, usize)>,
    warnings: Vec<crate::model::Diagnostic>,
}

/// Where a relationship's target lives in the zip, from the part that names it.
fn resolve(base: &str, target: &str) -> String {
    if let Some(abs) = target.strip_prefix('/') {
        return abs.to_owned();
    }
    let mut parts: Vec<&str> = base.split('/').collect();
    parts.pop();
    for seg in target.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

fn rels_path(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

pub fn read(zip: &mut Archive, main: &str) -> Result<Extracted, Error> {
    let doc = zip.read(main)?.ok_or_else(|| {
        Error::new(
            Code::CorruptDocument,
            format!("the file is damaged: its main part {main} is missing"),
        )
    })?;
    let doc = xml::parse(&doc, main)?;
    // Relationship id → (type, part path).
    let mut rels: HashMap<String, (String, String)> = HashMap::new();
    if let Some(r) = zip.read(&rels_path(main))? {
        let root = xml::parse(&r, "the document's relationships")?;
        for rel in root.elements().filter(|e| e.is(Ns::Rel, "Relationship")) {
            if rel.attr(Ns::None, "TargetMode") == Some("External") {
                continue;
            }
            if let (Some(id), Some(ty), Some(target)) = (
                rel.attr(Ns::None, "Id"),
                rel.attr(Ns::None, "Type"),
                rel.attr(Ns::None, "Target"),
            ) {
                let kind = ty.rsplit('/').next().unwrap_or("").to_owned();
                rels.insert(id.to_owned(), (kind, resolve(main, target)));
            }
        }
    }
    let part_of = |kind: &str, zip: &mut Archive| -> Result<Option<El>, Error> {
        let Some((_, path)) = rels.values().find(|(k, _)| k == kind) else {
            return Ok(None);
        };
        match zip.read(path)? {
            Some(b) => xml::parse(&b, path).map(Some),
            None => Ok(None),
        }
    };
    let mut defs = Defs::default();
    if let Some(s) = part_of("styles", zip)? {
        read_styles(&s, &mut defs);
    }
    if let Some(n) = part_of("numbering", zip)? {
        read_numbering(&n, &mut defs);
    }
    let footnotes = part_of("footnotes", zip)?;
    let endnotes = part_of("endnotes", zip)?;
    let body = doc.child(Ns::W, "body").ok_or_else(|| {
        Error::new(
            Code::CorruptDocument,
            "the file is damaged: its document has no body".into(),
        )
    })?;

    // The headers and footers the sections use, in order, each once.
    let mut sections = Vec::new();
    body.find_all(Ns::W, "sectPr", &mut sections);
    let mut head_ids = Vec::new();
    let mut foot_ids = Vec::new();
    for s in &sections {
        for r in s.elements() {
            let ids = if r.is(Ns::W, "headerReference") {
                &mut head_ids
            } else if r.is(Ns::W, "footerReference") {
                &mut foot_ids
            } else {
                continue;
            };
            if let Some(id) = r.attr(Ns::R, "id") {
                if !ids.iter().any(|i| i == id) {
                    ids.push(id.to_owned());
                }
            }
        }
    }
    let furniture =
        |ids: &[String], zip: &mut Archive, r: &mut Reader| -> Result<Vec<String>, Error> {
            let mut lines = Vec::new();
            for id in ids {
                let Some((_, path)) = rels.get(id) else {
                    continue;
                };
                let Some(b) = zip.read(path)? else {
                    continue;
                };
                let root = xml::parse(&b, path)?;
                let mut out = Vec::new();
                r.blocks(&root, &mut out);
                lines.extend(out.into_iter().map(|(t, _)| t));
            }
            Ok(lines)
        };

    let mut r = Reader {
        defs: &defs,
        counters: Counters::default(),
        notes: Vec::new(),
        warnings: Vec::new(),
    };
    // Headers are read with counters of their own, so that a numbered header does not move
    // the body's lists on.
    let head = furniture(&head_ids, zip, &mut r)?;
    let foot = furniture(&foot_ids, zip, &mut r)?;
    r.counters = Counters::default();
    r.notes.clear();

    let mut out = Vec::new();
    r.blocks(body, &mut out);
    let mut lines = Lines::default();
    let mut seen = Vec::new();
    for h in &head {
        push_furniture(&mut lines, &mut seen, h);
    }
    for (t, hint) in &out {
        lines.push(t, *hint);
    }
    // Notes after the body, each with its number, as a printed page has them at its foot.
    let notes = std::mem::take(&mut r.notes);
    if !notes.is_empty() {
        lines.push("", 0);
    }
    for (end, id, no) in notes {
        let part = if end { &endnotes } else { &footnotes };
        let name = if end { "endnote" } else { "footnote" };
        let Some(note) = part.as_ref().and_then(|p| {
            p.elements()
                .find(|n| n.is(Ns::W, name) && n.attr(Ns::W, "id") == Some(id.as_str()))
        }) else {
            continue;
        };
        let mut v = Vec::new();
        r.blocks(note, &mut v);
        let text: Vec<String> = v.into_iter().map(|(t, _)| t).collect();
        lines.push(&format!("{no} {}", text.join(" ").trim()), 0);
    }
    for f in &foot {
        push_furniture(&mut lines, &mut seen, f);
    }
    Ok(lines.finish(Format::Docx, r.warnings))
}

impl Reader<'_> {
    /// The paragraphs and table rows below `el`, in order.
    fn blocks(&mut self, el: &El, out: &mut Vec<(String, u8)>) {
        for c in el.elements() {
            match (c.ns, c.name.as_str()) {
                (Some(Ns::W), "p") => self.paragraph(c, out),
                (Some(Ns::W), "tbl") => self.table(c, out),
                (Some(Ns::W), "del" | "moveFrom" | "sectPr" | "tblPr" | "tblGrid")
                | (Some(Ns::Mc), "Fallback") => {}
                _ => self.blocks(c, out),
            }
        }
    }

    fn paragraph(&mut self, p: &El, out: &mut Vec<(String, u8)>) {
        let ppr = p.child(Ns::W, "pPr");
        let mut text = String::new();
        let mut extra = Vec::new();
        self.inline(p, &mut text, &mut extra);
        let mut line = String::new();
        let mut hint = 0;
        if let Some((num, ilvl)) = self.defs.paragraph_num(ppr) {
            if let Some((label, follow)) = self.counters.label(self.defs, &num, ilvl) {
                line.push_str(&label);
                line.push_str(label_gap(&label, follow));
                hint = list_hint(ilvl);
            }
        }
        line.push_str(&text);
        out.push((line, hint));
        out.append(&mut extra);
    }

    fn inline(&mut self, el: &El, s: &mut String, extra: &mut Vec<(String, u8)>) {
        for c in &el.children {
            let Node::El(c) = c else {
                // Text outside w:t is the XML's own white space.
                continue;
            };
            match (c.ns, c.name.as_str()) {
                (Some(Ns::W), "t") => {
                    for n in &c.children {
                        if let Node::Text(t) = n {
                            s.push_str(t);
                        }
                    }
                }
                (Some(Ns::W), "tab" | "ptab") => s.push('\t'),
                (Some(Ns::W), "br" | "cr") => s.push('\n'),
                (Some(Ns::W), "noBreakHyphen") => s.push('-'),
                (Some(Ns::W), "sym") => {
                    // Symbol-font glyphs (U+F0xx) stand for no character.
                    if let Some(ch) = c
                        .attr(Ns::W, "char")
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .filter(|&u| !(0xe000..=0xf8ff).contains(&u))
                        .and_then(char::from_u32)
                    {
                        s.push(ch);
                    }
                }
                (Some(Ns::W), kind @ ("footnoteReference" | "endnoteReference")) => {
                    if c.attr(Ns::W, "customMarkFollows")
                        .is_some_and(|v| v == "1" || v == "true")
                    {
                        continue;
                    }
                    let no = self.notes.len() + 1;
                    if let Some(id) = c.attr(Ns::W, "id") {
                        self.notes
                            .push((kind == "endnoteReference", id.to_owned(), no));
                    }
                    s.push_str(&no.to_string());
                }
                (Some(Ns::W), "r") => {
                    let hidden = c
                        .child(Ns::W, "rPr")
                        .and_then(|r| r.child(Ns::W, "vanish"))
                        .is_some_and(on);
                    if !hidden {
                        self.inline(c, s, extra);
                    }
                }
                // Text boxes: their paragraphs are lines after this one.
                (Some(Ns::W), "txbxContent") => self.blocks(c, extra),
                // An OLE object (an Excel table pasted in) and a chart: only a picture of
                // them is in the document's XML.
                (Some(Ns::W), "object") | (Some(Ns::Other), "chart") => {
                    super::embedded_object(&mut self.warnings)
                }
                (
                    Some(Ns::W),
                    "pPr"
                    | "rPr"
                    | "del"
                    | "moveFrom"
                    | "delText"
                    | "instrText"
                    | "delInstrText"
                    | "commentReference"
                    | "annotationRef"
                    | "footnoteRef"
                    | "endnoteRef"
                    | "softHyphen"
                    | "lastRenderedPageBreak",
                )
                | (Some(Ns::Mc), "Fallback") => {}
                _ => self.inline(c, s, extra),
            }
        }
    }

    fn table(&mut self, t: &El, out: &mut Vec<(String, u8)>) {
        let mut rows = Vec::new();
        t.find_all(Ns::W, "tr", &mut rows);
        for row in rows {
            let mut cells = Vec::new();
            row.find_all(Ns::W, "tc", &mut cells);
            let mut texts: Vec<String> = cells
                .iter()
                .map(|cell| {
                    let mut v = Vec::new();
                    self.blocks(cell, &mut v);
                    v.iter()
                        .map(|(t, _)| t.replace(['\t', '\n'], " ").trim().to_owned())
                        .filter(|t| !t.is_empty())
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            while texts.last().is_some_and(|c| c.is_empty()) {
                texts.pop();
            }
            if !texts.is_empty() {
                out.push((texts.join("\t"), 0));
            }
        }
    }
}
