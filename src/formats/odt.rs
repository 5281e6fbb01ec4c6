//! OpenDocument text (`.odt`, and the flat `.fodt`): `content.xml` and `styles.xml` into lines.
//!
//! Lists are numbered as ODF 1.2 §5.3 and §16.30 say and LibreOffice shows: a `text:list`'s
//! level style (`text:list-level-style-number`: `style:num-format`, `style:num-prefix`,
//! `style:num-suffix`, `text:start-value`, `text:display-levels`) gives each item its label;
//! a list starts its counters anew unless it continues another (`text:continue-numbering`,
//! `text:continue-list`); an item may restart its level (`text:start-value`); an item at a
//! level resets the levels below it. Headings are numbered by `text:outline-style`.

use super::number::{format, Style};
use super::xml::{self, El, Node, Ns};
use super::{label_gap, list_hint, push_furniture, Code, Error, Extracted, Follow, Format, Lines};
use std::collections::HashMap;

const LEVELS: usize = 10;

#[derive(Clone, Debug)]
struct Level {
    style: Style,
    prefix: String,
    suffix: String,
    start: i64,
    display: usize,
    follow: Follow,
}

type ListStyle = Vec<Option<Level>>;

#[derive(Default, Debug)]
struct ParaStyle {
    parent: Option<String>,
    list: Option<String>,
}

#[derive(Default)]
struct Styles {
    lists: HashMap<String, ListStyle>,
    paras: HashMap<String, ParaStyle>,
    outline: ListStyle,
}

/// ODF's `style:num-format`: the five of the standard, and LibreOffice's names for the others,
/// which are their first numbers written out (`一, 二, 三, ...`, `壹, 貳, 參, ...`).
fn num_style(f: &str) -> Style {
    match f {
        "1" => Style::Decimal,
        "a" => Style::LowerLetter,
        "A" => Style::UpperLetter,
        "i" => Style::LowerRoman,
        "I" => Style::UpperRoman,
        "" => Style::Nothing,
        _ if f.starts_with("01") => Style::DecimalZero,
        _ => match f.chars().next() {
            Some('一') => Style::ChineseCounting,
            Some('〇') => Style::ChineseDigits,
            Some('壹') if f.contains('贰') => Style::LegalSimplified,
            Some('壹') => Style::LegalTraditional,
            Some('甲') => Style::Stems,
            Some('子') => Style::Branches,
            Some('①') => Style::Circled,
            Some('⑴') => Style::Parenthesised,
            Some('⒈') => Style::FullStop,
            Some('１') => Style::FullWidth,
            _ => Style::Decimal,
        },
    }
}

fn level_of(e: &El) -> Option<(usize, Level)> {
    let n: usize = e.attr(Ns::Text, "level")?.trim().parse().ok()?;
    if !(1..=LEVELS).contains(&n) {
        return None;
    }
    let number = e.name.ends_with("-style-number") || e.name == "outline-level-style";
    let style = if number {
        num_style(e.attr(Ns::Style, "num-format").unwrap_or(""))
    } else {
        Style::Bullet
    };
    let follow = e
        .find(Ns::Style, "list-level-label-alignment")
        .and_then(|a| a.attr(Ns::Text, "label-followed-by"))
        .map_or(Follow::Tab, |f| match f {
            "space" => Follow::Space,
            "nothing" => Follow::Nothing,
            _ => Follow::Tab,
        });
    let text = |k| {
        if number {
            e.attr(Ns::Style, k).unwrap_or("").to_owned()
        } else {
            String::new()
        }
    };
    Some((
        n - 1,
        Level {
            style,
            prefix: text("num-prefix"),
            suffix: text("num-suffix"),
            start: e
                .attr(Ns::Text, "start-value")
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(1),
            display: e
                .attr(Ns::Text, "display-levels")
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(1usize)
                .clamp(1, LEVELS),
            follow,
        },
    ))
}

fn list_style(e: &El) -> ListStyle {
    let mut levels = vec![None; LEVELS];
    for l in e.elements() {
        if let Some((k, level)) = level_of(l) {
            levels[k] = Some(level);
        }
    }
    levels
}

/// Reads the styles of `office:styles` and `office:automatic-styles` below `root`.
fn collect_styles(root: &El, styles: &mut Styles) {
    for group in root
        .elements()
        .filter(|e| e.is(Ns::Office, "styles") || e.is(Ns::Office, "automatic-styles"))
    {
        for s in group.elements() {
            if s.is(Ns::Text, "list-style") {
                if let Some(name) = s.attr(Ns::Style, "name") {
                    styles.lists.insert(name.to_owned(), list_style(s));
                }
            } else if s.is(Ns::Text, "outline-style") {
                styles.outline = list_style(s);
            } else if s.is(Ns::Style, "style") && s.attr(Ns::Style, "family") == Some("paragraph") {
                if let Some(name) = s.attr(Ns::Style, "name") {
                    styles.paras.insert(
                        name.to_owned(),
                        ParaStyle {
                            parent: s.attr(Ns::Style, "parent-style-name").map(str::to_owned),
                            list: s.attr(Ns::Style, "list-style-name").map(str::to_owned),
                        },
                    );
                }
            }
        }
    }
}

impl Styles {
    /// The list style a paragraph style gives, through its parents.
    fn list_of_paragraph<'a>(&'a self, mut name: &'a str) -> Option<&'a str> {
        for _ in 0..32 {
            let p = self.paras.get(name)?;
            if let Some(l) = &p.list {
                return Some(l).filter(|l| !l.is_empty()).map(|s| s.as_str());
            }
            name = p.parent.as_deref()?;
        }
        None
    }
}

pub fn read(zip: &mut super::zip::Archive) -> Result<Extracted, Error> {
    if let Some(m) = zip.read("META-INF/manifest.xml")? {
        if m.windows(15).any(|w| w == b"encryption-data") {
            return Err(Error::new(
                Code::EncryptedDocument,
                "this document is protected by a password; open it in its word processor and save it without one".into(),
            ));
        }
    }
    let mut styles = Styles::default();
    let styles_root = match zip.read("styles.xml")? {
        Some(b) => Some(xml::parse(&b, "styles.xml")?),
        None => None,
    };
    if let Some(r) = &styles_root {
        collect_styles(r, &mut styles);
    }
    let content = zip.read("content.xml")?.ok_or_else(|| {
        Error::new(
            Code::CorruptDocument,
            "the file is damaged: this OpenDocument file has no content.xml".into(),
        )
    })?;
    let content = xml::parse(&content, "content.xml")?;
    // The header and footer paragraphs use the styles of styles.xml, read before content.xml's
    // automatic styles (whose names, P1 P2 …, may be the same) are added.
    let mut w = Walker::new(&styles);
    let masters = styles_root
        .as_ref()
        .and_then(|r| r.child(Ns::Office, "master-styles"));
    let (head, foot) = w.furniture(masters);
    collect_styles(&content, &mut styles);
    let mut w = Walker::new(&styles);
    body(&mut w, &content, head, foot)
}

pub fn read_flat(bytes: &[u8]) -> Result<Extracted, Error> {
    let root = xml::parse(bytes, "the flat OpenDocument file")?;
    if !root.is(Ns::Office, "document") {
        return Err(Error::new(
            Code::UnknownFormat,
            "this XML file is not an OpenDocument text".into(),
        ));
    }
    if let Some(b) = root.child(Ns::Office, "body") {
        if b.child(Ns::Office, "text").is_none() {
            return Err(Error::new(
                Code::UnknownFormat,
                "this OpenDocument file is not a text document (a spreadsheet or a presentation?)"
                    .into(),
            ));
        }
    }
    let mut styles = Styles::default();
    collect_styles(&root, &mut styles);
    let mut w = Walker::new(&styles);
    let (head, foot) = w.furniture(root.child(Ns::Office, "master-styles"));
    let mut w = Walker::new(&styles);
    body(&mut w, &root, head, foot)
}

fn body(
    w: &mut Walker,
    root: &El,
    head: Vec<String>,
    foot: Vec<String>,
) -> Result<Extracted, Error> {
    let text = root
        .child(Ns::Office, "body")
        .and_then(|b| b.child(Ns::Office, "text"))
        .ok_or_else(|| {
            Error::new(
                Code::UnknownFormat,
                "this OpenDocument file has no text body (a spreadsheet or a presentation?)".into(),
            )
        })?;
    let mut out = Vec::new();
    w.blocks(text, None, &mut out);
    let mut lines = Lines::default();
    let mut seen = Vec::new();
    for h in &head {
        push_furniture(&mut lines, &mut seen, h);
    }
    for (t, hint) in &out {
        lines.push(t, *hint);
    }
    if !w.notes.is_empty() {
        lines.push("", 0);
        for n in std::mem::take(&mut w.notes) {
            lines.push(&n, 0);
        }
    }
    for f in &foot {
        push_furniture(&mut lines, &mut seen, f);
    }
    Ok(lines.finish(Format::Odt, std::mem::take(&mut w.warnings)))
}

/// The counters of one list (a `text:list` and the lists that continue it), and its style.
#[derive(Default)]
struct Counters([Option<i64>; LEVELS], Option<String>);

struct ListCtx {
    instance: usize,
    level: usize,
    style: Option<String>,
    /// The item's first paragraph has been seen: later ones carry no label.
    labelled: bool,
    header: bool,
    start: Option<i64>,
}

struct Walker<'s> {
    styles: &'s Styles,
    instances: Vec<Counters>,
    by_id: HashMap<String, usize>,
    last_by_style: HashMap<String, usize>,
    headings: Counters,
    notes: Vec<String>,
    warnings: Vec<crate::model::Diagnostic>,
}

impl<'s> Walker<'s> {
    fn new(styles: &'s Styles) -> Self {
        Walker {
            styles,
            instances: Vec::new(),
            by_id: HashMap::new(),
            last_by_style: HashMap::new(),
            headings: Counters::default(),
            notes: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// The paragraphs of the master pages' headers and of their footers.
    fn furniture(&mut self, masters: Option<&El>) -> (Vec<String>, Vec<String>) {
        let (mut head, mut foot) = (Vec::new(), Vec::new());
        for m in masters.into_iter().flat_map(|m| m.elements()) {
            for part in m.elements() {
                let into = match part.name.as_str() {
                    "header" | "header-left" | "header-first" => &mut head,
                    "footer" | "footer-left" | "footer-first" => &mut foot,
                    _ => continue,
                };
                let mut out = Vec::new();
                self.blocks(part, None, &mut out);
                into.extend(out.into_iter().map(|(t, _)| t));
            }
        }
        (head, foot)
    }

    /// The paragraphs (and table rows) below `el`, in order, with their hints.
    fn blocks(&mut self, el: &El, mut list: Option<&mut ListCtx>, out: &mut Vec<(String, u8)>) {
        for c in el.elements() {
            match (c.ns, c.name.as_str()) {
                (Some(Ns::Text), "p" | "h") => self.paragraph(c, list.as_deref_mut(), out),
                (Some(Ns::Text), "list") => self.list(c, list.as_deref(), out),
                (Some(Ns::Table), "table") => self.table(c, out),
                (Some(Ns::Text), "tracked-changes" | "note-body")
                | (Some(Ns::Office), "annotation" | "forms" | "event-listeners")
                | (Some(Ns::Svg), _) => {}
                // An embedded spreadsheet or chart (its own document, or an OLE object).
                (Some(Ns::Draw), "object" | "object-ole") => {
                    super::embedded_object(&mut self.warnings)
                }
                _ => self.blocks(c, list.as_deref_mut(), out),
            }
        }
    }

    fn list(&mut self, el: &El, parent: Option<&ListCtx>, out: &mut Vec<(String, u8)>) {
        let mut style = el
            .attr(Ns::Text, "style-name")
            .map(str::to_owned)
            .or_else(|| parent.and_then(|p| p.style.clone()));
        let level = parent.map_or(0, |p| p.level + 1);
        let instance = match parent {
            Some(p) => p.instance,
            None => {
                let continued = el
                    .attr(Ns::Text, "continue-list")
                    .and_then(|id| self.by_id.get(id).copied())
                    .or_else(|| {
                        (el.attr(Ns::Text, "continue-numbering") == Some("true"))
                            .then(|| {
                                style
                                    .as_ref()
                                    .and_then(|s| self.last_by_style.get(s).copied())
                            })
                            .flatten()
                    });
                continued.unwrap_or_else(|| {
                    self.instances.push(Counters::default());
                    self.instances.len() - 1
                })
            }
        };
        if parent.is_none() {
            // A list that continues another without naming a style goes on in that one's.
            match &style {
                None => style.clone_from(&self.instances[instance].1),
                Some(s) => self.instances[instance].1 = Some(s.clone()),
            }
            if let Some(id) = el.attr(Ns::Xml, "id") {
                self.by_id.insert(id.to_owned(), instance);
            }
            if let Some(s) = &style {
                self.last_by_style.insert(s.clone(), instance);
            }
        }
        for item in el.elements() {
            let header = item.is(Ns::Text, "list-header");
            if !header && !item.is(Ns::Text, "list-item") {
                continue;
            }
            let mut ctx = ListCtx {
                instance,
                level: level.min(LEVELS - 1),
                style: style.clone(),
                labelled: false,
                header,
                start: item
                    .attr(Ns::Text, "start-value")
                    .and_then(|v| v.trim().parse().ok()),
            };
            self.blocks(item, Some(&mut ctx), out);
        }
    }

    fn paragraph(&mut self, el: &El, list: Option<&mut ListCtx>, out: &mut Vec<(String, u8)>) {
        let mut buf = Inline::default();
        let mut extra = Vec::new();
        self.inline(el, &mut buf, &mut extra);
        let text = buf.s.trim_end_matches([' ', '\n']).to_owned();
        let mut label = String::new();
        let mut hint = 0;
        let mut follow = Follow::Tab;
        match list {
            Some(ctx) if !ctx.labelled => {
                ctx.labelled = true;
                let style = ctx.style.clone().or_else(|| {
                    el.attr(Ns::Text, "style-name")
                        .and_then(|s| self.styles.list_of_paragraph(s))
                        .map(str::to_owned)
                });
                let levels = match &style {
                    Some(s) => self.styles.lists.get(s),
                    None => None,
                }
                .or_else(|| el.is(Ns::Text, "h").then_some(&self.styles.outline));
                if !ctx.header {
                    let counters = &mut self.instances[ctx.instance];
                    if let Some(levels) = levels {
                        if let Some(l) = &levels[ctx.level] {
                            follow = l.follow;
                        }
                        label = number(levels, &mut counters.0, ctx.level, ctx.start);
                    }
                    hint = list_hint(ctx.level);
                }
            }
            Some(_) => {}
            None if el.is(Ns::Text, "h") => {
                let level = el
                    .attr(Ns::Text, "outline-level")
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, LEVELS)
                    - 1;
                let numbered = self.styles.outline[level].as_ref().is_some_and(|l| {
                    l.style != Style::Nothing || !l.prefix.is_empty() || !l.suffix.is_empty()
                });
                if numbered && el.attr(Ns::Text, "is-list-header") != Some("true") {
                    if el.attr(Ns::Text, "restart-numbering") == Some("true") {
                        self.headings.0[level] = None;
                    }
                    let start = el
                        .attr(Ns::Text, "start-value")
                        .and_then(|v| v.trim().parse().ok());
                    follow = self.styles.outline[level]
                        .as_ref()
                        .map_or(Follow::Tab, |l| l.follow);
                    label = number(&self.styles.outline, &mut self.headings.0, level, start);
                    hint = list_hint(level);
                }
            }
            None => {}
        }
        let gap = label_gap(&label, follow);
        out.push((format!("{label}{gap}{text}"), hint));
        out.append(&mut extra);
    }

    fn inline(&mut self, el: &El, buf: &mut Inline, extra: &mut Vec<(String, u8)>) {
        for c in &el.children {
            let c = match c {
                Node::Text(t) => {
                    buf.text(t);
                    continue;
                }
                Node::El(c) => c,
            };
            match (c.ns, c.name.as_str()) {
                (Some(Ns::Text), "s") => {
                    let n = c
                        .attr(Ns::Text, "c")
                        .and_then(|v| v.trim().parse::<usize>().ok())
                        .unwrap_or(1)
                        .min(200);
                    buf.literal(&" ".repeat(n));
                }
                (Some(Ns::Text), "tab") => buf.literal("\t"),
                (Some(Ns::Text), "line-break") => {
                    buf.literal("\n");
                    buf.ws = true;
                }
                (Some(Ns::Text), "note") => {
                    let cite = c
                        .child(Ns::Text, "note-citation")
                        .map(plain)
                        .unwrap_or_default();
                    buf.literal(&cite);
                    if let Some(b) = c.child(Ns::Text, "note-body") {
                        let mut v = Vec::new();
                        self.blocks(b, None, &mut v);
                        let body: Vec<String> = v.into_iter().map(|(t, _)| t).collect();
                        self.notes.push(format!("{cite} {}", body.join(" ")));
                    }
                }
                (Some(Ns::Text), "ruby-text" | "tracked-changes")
                | (Some(Ns::Office), "annotation" | "annotation-end")
                | (Some(Ns::Svg), _) => {}
                (Some(Ns::Text), "hidden-text" | "hidden-paragraph")
                    if c.attr(Ns::Text, "is-hidden") == Some("true") => {}
                // Text boxes and shapes hold paragraphs of their own: lines after this one.
                (Some(Ns::Draw), _) => self.blocks(c, None, extra),
                _ => self.inline(c, buf, extra),
            }
        }
    }

    fn table(&mut self, el: &El, out: &mut Vec<(String, u8)>) {
        let mut rows = Vec::new();
        collect_rows(el, &mut rows);
        for row in rows {
            let mut cells: Vec<String> = Vec::new();
            for cell in row.elements() {
                let covered = cell.is(Ns::Table, "covered-table-cell");
                if !covered && !cell.is(Ns::Table, "table-cell") {
                    continue;
                }
                let mut v = Vec::new();
                if !covered {
                    self.blocks(cell, None, &mut v);
                }
                let text = v
                    .iter()
                    .map(|(t, _)| t.replace(['\t', '\n'], " ").trim().to_owned())
                    .filter(|t| !t.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
                // A repeated cell (a spreadsheet habit) is one cell when it is empty.
                let times = if text.is_empty() {
                    1
                } else {
                    cell.attr(Ns::Table, "number-columns-repeated")
                        .and_then(|v| v.trim().parse::<usize>().ok())
                        .unwrap_or(1)
                        .clamp(1, 64)
                };
                for _ in 0..times {
                    cells.push(text.clone());
                }
            }
            while cells.last().is_some_and(|c| c.is_empty()) {
                cells.pop();
            }
            if cells.is_empty() {
                continue;
            }
            let times = row
                .attr(Ns::Table, "number-rows-repeated")
                .and_then(|v| v.trim().parse::<usize>().ok())
                .unwrap_or(1)
                .clamp(1, 64);
            for _ in 0..times {
                out.push((cells.join("\t"), 0));
            }
        }
    }
}

fn collect_rows<'a>(el: &'a El, rows: &mut Vec<&'a El>) {
    for c in el.elements() {
        if c.is(Ns::Table, "table-row") {
            rows.push(c);
        } else if c.ns == Some(Ns::Table)
            && matches!(
                c.name.as_str(),
                "table-header-rows" | "table-rows" | "table-row-group"
            )
        {
            collect_rows(c, rows);
        }
    }
}

/// The label of an item at `level`: its counter moved on (or set to `start`), the levels
/// below reset, written with the prefix, the shown levels and the suffix.
fn number(
    levels: &ListStyle,
    counters: &mut [Option<i64>; LEVELS],
    level: usize,
    start: Option<i64>,
) -> String {
    let first = levels[level].as_ref().map_or(1, |l| l.start);
    counters[level] = Some(match (start, counters[level]) {
        (Some(s), _) => s,
        (None, Some(c)) => c.saturating_add(1),
        (None, None) => first,
    });
    for c in counters.iter_mut().skip(level + 1) {
        *c = None;
    }
    let Some(l) = &levels[level] else {
        return String::new();
    };
    if l.style == Style::Bullet {
        return String::new();
    }
    let shown = l.display.min(level + 1);
    let mut parts = Vec::new();
    for k in level + 1 - shown..=level {
        let style = levels[k].as_ref().map_or(Style::Decimal, |x| x.style);
        let value = counters[k].unwrap_or_else(|| levels[k].as_ref().map_or(1, |x| x.start));
        let s = format(value, style);
        if !s.is_empty() {
            parts.push(s);
        }
    }
    format!("{}{}{}", l.prefix, parts.join("."), l.suffix)
}

/// All the text below an element, without ODF's whitespace rules (for note citations).
fn plain(el: &El) -> String {
    let mut s = String::new();
    for c in &el.children {
        match c {
            Node::Text(t) => s.push_str(t),
            Node::El(e) => s.push_str(&plain(e)),
        }
    }
    s
}

/// A paragraph's text as ODF lays it out: runs of white space in the XML are one space, and
/// none at the start of the paragraph; `text:s`, `text:tab` and `text:line-break` are kept.
#[derive(Default)]
struct Inline {
    s: String,
    /// The last character written is white space that a following one merges with (true at
    /// the start too, so that leading white space is dropped).
    ws: bool,
}

impl Inline {
    fn text(&mut self, t: &str) {
        if self.s.is_empty() {
            self.ws = true;
        }
        for c in t.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r') {
                if !self.ws {
                    self.s.push(' ');
                    self.ws = true;
                }
            } else {
                self.s.push(c);
                self.ws = false;
            }
        }
    }

    fn literal(&mut self, t: &str) {
        self.s.push_str(t);
        self.ws = false;
    }
}
