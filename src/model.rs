//! The data model: every type a consumer of the parser sees, and the vocabulary the stages
//! share. A leaf: it imports nothing from the crate.
//!
//! The JSON (`--json`, the `parse` export of the WebAssembly module) is written by
//! [`crate::emit::json`]; `docs/MODEL.md` documents it field by field and `docs/schema.json`
//! is its JSON Schema, both checked against the enums' `ALL` lists by `tests/schema.rs`.
//! [`SCHEMA_VERSION`] changes when a field changes meaning or goes away.

use serde::{Serialize, Serializer};

pub const SCHEMA_VERSION: u32 = 1;

/// An enum whose values have stable names, listed in `ALL` (the flat view indexes them, the
/// schema and the component's types list them).
macro_rules! named {
    ($(#[$m:meta])* pub enum $name:ident { $($(#[$vm:meta])* $v:ident = $s:literal,)* }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $($(#[$vm])* $v,)* }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$v,)*];
            pub fn name(self) -> &'static str {
                match self { $($name::$v => $s,)* }
            }
        }
        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.name())
            }
        }
    };
}

named! {
    /// What a node of the outline is.
    pub enum Kind {
        /// A line of the header's title block: issuing body, meeting title, edition.
        Title = "title",
        /// A labelled value: a header field (`日期：`) or a field such as `報告單位：`.
        Field = "field",
        /// A part of the meeting: `壹、報告事項`, `討論事項`, `散會`.
        Section = "section",
        /// An agenda item: `案由一：`, `第一案`, `提案二`, `討論事項三`.
        Agenda = "agenda",
        /// A label that holds content: `說明：`, `決定：`, `決議：`, `辦法：`, `主席裁示：`.
        Label = "label",
        /// A numbered item: `一、`, `(一)`, `1、`, `(1)`, `A.`, `①`.
        Item = "item",
        /// A line without a number that heads the items below it.
        Heading = "heading",
        Paragraph = "paragraph",
        Table = "table",
        /// `附錄`, `附件一`.
        Appendix = "appendix",
    }
}

named! {
    /// The kind of a labelled field.
    pub enum Role {
        // Header fields.
        Date = "date",
        Location = "location",
        Chair = "chair",
        Recorder = "recorder",
        Attendees = "attendees",
        Observers = "observers",
        Absent = "absent",
        /// Who issued the minutes: `發文機關`.
        Publisher = "publisher",
        // Labels that hold content.
        Subject = "subject",
        Explanation = "explanation",
        Method = "method",
        Decision = "decision",
        Opinion = "opinion",
        Response = "response",
        Note = "note",
        // Labels that name who.
        Unit = "unit",
        Person = "person",
        /// A short line ending in a colon that heads what follows: `委員發言要點：`.
        Other = "other",
    }
}

impl Role {
    pub fn is_header(self) -> bool {
        matches!(
            self,
            Role::Date
                | Role::Location
                | Role::Chair
                | Role::Recorder
                | Role::Attendees
                | Role::Observers
                | Role::Absent
                | Role::Publisher
        )
    }

    /// A header field that lists people, whose names may run over many lines.
    pub fn is_people(self) -> bool {
        matches!(self, Role::Attendees | Role::Observers | Role::Absent)
    }

    /// Labels under which content (a new numbered series, paragraphs) is nested.
    pub fn holds_content(self) -> bool {
        matches!(
            self,
            Role::Subject
                | Role::Explanation
                | Role::Method
                | Role::Decision
                | Role::Opinion
                | Role::Response
                | Role::Note
                | Role::Other
        )
    }
}

named! {
    /// What a section of the meeting is for.
    pub enum Part {
        Opening = "opening",
        PreviousMinutes = "previous-minutes",
        Report = "report",
        Discussion = "discussion",
        Election = "election",
        Motion = "motion",
        Award = "award",
        Instructions = "instructions",
        Other = "other",
        Adjourn = "adjourn",
        Appendix = "appendix",
    }
}

/// The role names of the flat view, index 0 meaning none: the roles of labels, then the parts
/// of sections (`other` once).
pub fn role_names() -> Vec<&'static str> {
    let mut v = vec![""];
    v.extend(Role::ALL.iter().map(|r| r.name()));
    for p in Part::ALL {
        if !v.contains(&p.name()) {
            v.push(p.name());
        }
    }
    v
}

/// What a numbering marker counts with.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Numeral {
    /// 壹 貳 參
    Formal,
    /// 一 二 三
    Cjk,
    /// 1 2 3
    Arabic,
    /// A B C
    Upper,
    /// a b c
    Lower,
    /// 甲 乙 丙 (heavenly stems)
    Stem,
    /// 子 丑 寅 (earthly branches)
    Branch,
    /// ① ② ③, ⑴ ⑵ ⑶, ⒈ ⒉, ㈠ ㈡, ㊀ ㊁: one character each
    Enclosed,
    /// Ⅰ Ⅱ Ⅲ
    Roman,
    /// 第一章 …, 第一節 …, 第一條 … of a regulation quoted in the minutes (`enclosed` tells which).
    Article,
    /// `()`: brackets whose numeral a web page lost. Its place says which it was.
    Lost,
}

/// How a marker is punctuated. Full-width and half-width are the same punctuation.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Punct {
    /// `一、`
    Comma,
    /// `1.` `1．`
    Dot,
    /// `(一)` `（一）`
    Paren,
    /// `1)` `1）`
    Close,
    /// one enclosed character: `①`, `⑴`
    Bare,
}

/// A marker style: the unit of the numbering hierarchy.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub struct Style {
    pub numeral: Numeral,
    pub punct: Punct,
    /// Which enclosed series (circled ①, parenthesised ⑴, full stop ⒈, ㈠, ㊀), or which unit
    /// of an article (章, 節, 條): they differ.
    pub enclosed: u8,
}

named! {
    /// What a diagnostic is about: a stable identifier, documented in docs/MODEL.md.
    pub enum Code {
        EmptyInput = "empty-input",
        BinaryInput = "binary-input",
        ControlCharacters = "control-characters",
        NotChinese = "not-chinese",
        NoStructure = "no-structure",
        NumberingGap = "numbering-gap",
        NumberingRepeat = "numbering-repeat",
        NumberingStart = "numbering-start",
        StyleDepth = "style-depth",
        DepthLimit = "depth-limit",
        WeekdayMismatch = "weekday-mismatch",
        HeaderUnreadable = "header-unreadable",
        /// Numbered items were placed under a line without a number read as a title.
        HeadingHoldsItems = "heading-holds-items",
        /// Many paragraphs sit at the top level, outside any numbered part.
        TopLevelFragments = "top-level-fragments",
        /// Numbers alone on their lines were kept as text, though they may be page numbers.
        BareNumbers = "bare-numbers",
        /// A page run together onto one line: its parts are not items.
        LinesLost = "lines-lost",
        /// A document (.docx, .odt) embeds objects whose contents are not its text (a
        /// spreadsheet, a chart): the outline lacks what they show. Said by the readers.
        EmbeddedObject = "embedded-object",
    }
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
    pub code: Code,
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
    pub fn new(code: Code, severity: Severity, line: u32, message: impl Into<String>) -> Self {
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

/// A calendar day; `year` is 0 when the text did not say and the meeting did not tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Day {
    /// `2025-11-20`; `--11-20` when the year is unknown.
    pub fn iso(self) -> String {
        if self.year == 0 {
            format!("--{:02}-{:02}", self.month, self.day)
        } else {
            format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
        }
    }

    /// yyyymmdd as one number, as the flat view carries it.
    pub fn ymd(self) -> u32 {
        self.year as u32 * 10000 + self.month as u32 * 100 + self.day as u32
    }
}

/// `2025-11-20`, or `2025-10-24/2025-10-28` for a range.
pub fn iso_range(from: Day, to: Day) -> String {
    if from == to {
        from.iso()
    } else {
        format!("{}/{}", from.iso(), to.iso())
    }
}

/// What a fact found in a text is worth.
#[derive(Clone, Debug, PartialEq)]
pub enum FactValue {
    /// A day or a range of days (`from == to` for a single day).
    Date {
        from: Day,
        to: Day,
    },
    /// Money, in whole units of `currency` (TWD for 元).
    Amount {
        value: i64,
        currency: &'static str,
    },
    Percent {
        value: f64,
    },
}

/// Currencies an amount may be in, in the order the flat view indexes them.
pub const CURRENCIES: [&str; 6] = ["TWD", "USD", "EUR", "JPY", "CNY", "HKD"];
