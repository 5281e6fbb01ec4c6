//! The data model, as serialised to JSON (the CLI's `--json`) and to JavaScript objects (the
//! `parse` export of the WebAssembly module). `docs/MODEL.md` documents it field by field and
//! `docs/schema.json` is its JSON Schema; [`SCHEMA_VERSION`] changes when a field changes
//! meaning or goes away.
//!
//! Offsets into text (`at`, `labelLen`) count UTF-16 code units, as JavaScript strings do.

use crate::flat::Utf16Cursor;
use crate::scanners::{Part, Role};
use crate::tree::{Document, FactValue, NodeId, NONE};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

pub const SCHEMA_VERSION: u32 = 1;

/// What a node of the outline is.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A line of the header's title block: issuing body, meeting title, edition.
    Title,
    /// A labelled value: a header field (`日期：`) or a field such as `報告單位：`.
    Field,
    /// A part of the meeting: `壹、報告事項`, `討論事項`, `散會`.
    Section,
    /// An agenda item: `案由一：`, `第一案`, `提案二`, `報告事項三`.
    Agenda,
    /// A label that holds content: `說明：`, `決定：`, `決議：`, `辦法：`, `主席裁示：`.
    Label,
    /// A numbered item: `一、`, `(一)`, `1、`, `(1)`, `A.`, `①`.
    Item,
    /// A line without a number that heads the items below it.
    Heading,
    Paragraph,
    Table,
    /// `附錄`, `附件一`.
    Appendix,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Title => "title",
            Kind::Field => "field",
            Kind::Section => "section",
            Kind::Agenda => "agenda",
            Kind::Label => "label",
            Kind::Item => "item",
            Kind::Heading => "heading",
            Kind::Paragraph => "paragraph",
            Kind::Table => "table",
            Kind::Appendix => "appendix",
        }
    }

    pub const ALL: [Kind; 10] = [
        Kind::Title,
        Kind::Field,
        Kind::Section,
        Kind::Agenda,
        Kind::Label,
        Kind::Item,
        Kind::Heading,
        Kind::Paragraph,
        Kind::Table,
        Kind::Appendix,
    ];
}

/// A person of the header: `林部長宜敬` is name 林宜敬, title 部長.
#[derive(Serialize, Clone, Debug, Default, PartialEq, Eq)]
pub struct Person {
    pub name: Option<String>,
    pub title: Option<String>,
    pub unit: Option<String>,
    /// As written.
    pub raw: String,
}

#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Present,
    /// `（請假）`, or listed under 請假人員.
    Absent,
    /// `（陳高級分析師坤中代）`: someone attended in their place.
    Substituted,
}

#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
pub struct Attendee {
    pub name: Option<String>,
    pub title: Option<String>,
    pub unit: Option<String>,
    pub raw: String,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub substitute: Option<Person>,
}

/// The meeting, from the header block. Every field is `null` (or empty) when the minutes do
/// not say.
#[derive(Serialize, Clone, Debug, Default, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Meta {
    /// Issuing body: `數位發展部`.
    pub body: Option<String>,
    /// Meeting title: `第18次主管會議紀錄`.
    pub title: Option<String>,
    /// N of 第N次.
    pub number: Option<u32>,
    /// `公告版`.
    pub edition: Option<String>,
    /// ISO date (Gregorian).
    pub date: Option<String>,
    /// The weekday as written (`星期四`), checked against the date.
    pub weekday: Option<String>,
    /// `HH:MM`, 24-hour.
    pub start: Option<String>,
    pub end: Option<String>,
    pub location: Option<String>,
    pub chair: Option<Person>,
    pub recorder: Option<Person>,
    /// 出席 (and 出席及列席), with those on leave (請假) marked absent.
    pub attendees: Vec<Attendee>,
    /// 列席, when listed apart.
    pub observers: Vec<Attendee>,
}

#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// Something the parser could not understand, or that looks wrong in the minutes.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// Stable identifier, e.g. `numbering-gap`; see docs/MODEL.md for the list.
    pub code: &'static str,
    pub severity: Severity,
    /// 1-based line of the input (0 for the whole document).
    pub line: u32,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub found: Option<String>,
}

impl Diagnostic {
    pub fn new(
        code: &'static str,
        severity: Severity,
        line: u32,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            code,
            severity,
            line,
            message: message.into(),
            expected: None,
            found: None,
        }
    }

    pub fn expected(mut self, expected: impl Into<String>, found: impl Into<String>) -> Self {
        self.expected = Some(expected.into());
        self.found = Some(found.into());
        self
    }
}

/// UTF-16 length of a string: offsets in the model count what JavaScript counts.
pub fn utf16_len(s: &str) -> u32 {
    s.chars().map(|c| c.len_utf16() as u32).sum()
}

/// UTF-16 offset of byte offset `at` in `s`.
pub fn utf16_at(s: &str, at: usize) -> u32 {
    utf16_len(&s[..at])
}

struct Facts<'d, 'a> {
    doc: &'d Document<'a>,
    id: NodeId,
    text: &'d str,
    want: u8, // 0 dates, 1 amounts, 2 percentages
}

impl Serialize for Facts<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        // Facts come in order of their start: one pass over the text for all their offsets,
        // where counting from the start for each would be quadratic in a long paragraph.
        let mut cursor = Utf16Cursor::new(self.text);
        for f in self.doc.facts(self.id) {
            let kind = match f.value {
                FactValue::Date { .. } => 0,
                FactValue::Amount { .. } => 1,
                FactValue::Percent { .. } => 2,
            };
            if kind != self.want {
                continue;
            }
            let written = &self.text[f.start as usize..f.end as usize];
            let at = [cursor.at(f.start as usize), cursor.at(f.end as usize)];
            match (&f.value, self.want) {
                (FactValue::Date { from, to }, 0) => seq.serialize_element(&DateOut {
                    text: written,
                    iso: iso_range(*from, *to),
                    from: (from.year != 0).then(|| from.iso()),
                    to: (to.year != 0).then(|| to.iso()),
                    at,
                })?,
                (FactValue::Amount { value, currency }, 1) => {
                    seq.serialize_element(&AmountOut {
                        text: written,
                        value: *value,
                        currency,
                        at,
                    })?
                }
                (FactValue::Percent { value }, 2) => seq.serialize_element(&PercentOut {
                    text: written,
                    value: *value,
                    at,
                })?,
                _ => {}
            }
        }
        seq.end()
    }
}

/// `2025-11-20`, or `2025-10-24/2025-10-28` for a range; `--11-20` when the year is unknown.
pub fn iso_range(from: crate::tree::Day, to: crate::tree::Day) -> String {
    if from == to {
        from.iso()
    } else {
        format!("{}/{}", from.iso(), to.iso())
    }
}

impl crate::tree::Day {
    pub fn iso(self) -> String {
        if self.year == 0 {
            format!("--{:02}-{:02}", self.month, self.day)
        } else {
            format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
        }
    }
}

#[derive(Serialize)]
struct DateOut<'t> {
    text: &'t str,
    iso: String,
    from: Option<String>,
    to: Option<String>,
    at: [u32; 2],
}

#[derive(Serialize)]
struct AmountOut<'t> {
    text: &'t str,
    value: i64,
    currency: &'static str,
    at: [u32; 2],
}

#[derive(Serialize)]
struct PercentOut<'t> {
    text: &'t str,
    value: f64,
    at: [u32; 2],
}

/// The role of a label, or the part of a section.
pub fn role_name(label: Option<(&'static str, Role)>, part: Option<Part>) -> Option<&'static str> {
    label.map(|(_, r)| r.name()).or(part.map(Part::name))
}

/// One node and, nested, its children. Recursion is bounded by [`crate::tree::MAX_DEPTH`].
struct NodeOut<'d, 'a> {
    doc: &'d Document<'a>,
    id: NodeId,
}

impl Serialize for NodeOut<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let doc = self.doc;
        let n = doc.node(self.id);
        let text = doc.text(self.id);
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("id", &self.id)?;
        m.serialize_entry("kind", &n.kind)?;
        m.serialize_entry("marker", &doc.marker(self.id))?;
        m.serialize_entry("ordinal", &n.ordinal)?;
        if n.sub != 0 {
            m.serialize_entry("sub", &n.sub)?;
        }
        let style = match (n.style, n.counter) {
            (Some(st), _) => Some(st.format(1)),
            (None, Some(word)) => Some(word.to_string()),
            _ => None,
        };
        m.serialize_entry("style", &style)?;
        // A heading label (`委員發言要點：`) is named by its own words.
        let label = n.label.map(|(w, _)| {
            if w.is_empty() {
                text[..n.label_len as usize]
                    .trim_end_matches(['：', ':'])
                    .to_string()
            } else {
                w.to_string()
            }
        });
        m.serialize_entry("label", &label)?;
        m.serialize_entry("role", &role_name(n.label, n.part))?;
        if n.label_len != 0 {
            m.serialize_entry("labelLen", &utf16_at(&text, n.label_len as usize))?;
        }
        m.serialize_entry("text", &text)?;
        m.serialize_entry("line", &n.line)?;
        m.serialize_entry("endLine", &n.end_line)?;
        m.serialize_entry("depth", &n.depth)?;
        m.serialize_entry("unit", &doc.unit(self.id))?;
        for (key, want) in [("dates", 0), ("amounts", 1), ("percentages", 2)] {
            m.serialize_entry(
                key,
                &Facts {
                    doc,
                    id: self.id,
                    text: &text,
                    want,
                },
            )?;
        }
        if n.table != NONE {
            let rows: Vec<Vec<String>> = doc.tables[n.table as usize]
                .rows
                .iter()
                .map(|r| r.iter().map(|c| doc.cell(c).into_owned()).collect())
                .collect();
            m.serialize_entry("rows", &rows)?;
        }
        m.serialize_entry("children", &Children { doc, id: self.id })?;
        m.end()
    }
}

struct Children<'d, 'a> {
    doc: &'d Document<'a>,
    id: NodeId,
}

impl Serialize for Children<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        let ids: Box<dyn Iterator<Item = NodeId>> = if self.id == NONE {
            Box::new(self.doc.roots())
        } else {
            Box::new(self.doc.children(self.id))
        };
        for id in ids {
            seq.serialize_element(&NodeOut { doc: self.doc, id })?;
        }
        seq.end()
    }
}

#[derive(Serialize)]
struct Page<'t> {
    line: u32,
    text: &'t str,
}

impl Serialize for Document<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("schema", &SCHEMA_VERSION)?;
        m.serialize_entry("meta", &self.meta)?;
        m.serialize_entry(
            "outline",
            &Children {
                doc: self,
                id: NONE,
            },
        )?;
        m.serialize_entry("diagnostics", &self.diagnostics)?;
        m.serialize_entry("units", &self.units)?;
        let pages: Vec<Page> = self
            .pages
            .iter()
            .map(|(line, sp)| Page {
                line: *line,
                text: &self.input[sp.start as usize..sp.end as usize],
            })
            .collect();
        m.serialize_entry("pages", &pages)?;
        m.serialize_entry("lines", &self.line_count)?;
        m.end()
    }
}
