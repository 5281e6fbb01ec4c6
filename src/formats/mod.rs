//! The files bodies publish, read into the lines the parser reads (FORMAT.md §5).
//!
//! [`read`] takes the bytes of an `.odt` (or flat `.fodt`) or a `.docx` and gives an
//! [`Extracted`]: the document's text, one paragraph a line, with the numbers that list styles
//! generate written in front of their paragraphs (`一、`, `（二）`, `3.`), table rows as lines of
//! tab-separated cells, running headers and footers as lines of their own; and `hints`, one
//! byte per line, saying what the document's structure says about that line (see [`FURNITURE`]
//! and [`list_hint`]). What it cannot read it refuses with an [`Error`] whose [`Code`] is
//! stable: a PDF (read in the page by pdf.js), a spreadsheet, an old binary `.doc`, a damaged
//! zip, a file too large.
//!
//! It is the one implementation for the CLI and for the page (compiled on its own into
//! `pkg/formats_bg.wasm`, see `wasm.rs`), and it never panics on what it is given.

mod docx;
mod number;
mod odt;
#[cfg(all(target_arch = "wasm32", feature = "formats-wasm"))]
mod wasm;
pub mod xml;
pub mod zip;

pub use number::{format as format_number, Style as NumberStyle};

/// The largest file read, as the component's `MAX_BYTES`.
pub const MAX_BYTES: usize = 50 * 1024 * 1024;

/// The hint of a line that is page furniture (a running header or footer, a page number):
/// shown apart from the outline, never part of its tree.
pub const FURNITURE: u8 = 255;

/// The hint of a line that begins a list item at `level` (0 outermost): `level + 1`, at most 10.
/// Lines that do not begin a list item have hint 0.
pub fn list_hint(level: usize) -> u8 {
    (level.min(9) + 1) as u8
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Odt,
    Docx,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Odt => "odt",
            Format::Docx => "docx",
        }
    }
}

/// A document read into lines.
#[derive(Clone, Debug, Default)]
pub struct Extracted {
    /// The lines, joined by `\n` (no trailing newline).
    pub text: String,
    /// One byte for each line of `text`: 0, [`list_hint`] or [`FURNITURE`].
    pub hints: Vec<u8>,
    pub format: Option<Format>,
    /// What was not read, as the diagnostics the outline shows with its own (line 0: the
    /// whole document).
    pub warnings: Vec<crate::model::Diagnostic>,
}

/// Why a file was refused. The codes are stable: the component and the CLI tell them apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Code {
    /// A PDF: read in the page (pdf.js), not by these readers.
    Pdf,
    /// Password-protected.
    EncryptedDocument,
    CorruptZip,
    /// A zip whose parts are missing or not XML.
    CorruptDocument,
    /// An old binary Word file (or any OLE2 compound file: .doc, .xls, an encrypted .docx).
    LegacyDoc,
    Spreadsheet,
    Presentation,
    TooLarge,
    UnknownFormat,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Pdf => "pdf",
            Code::EncryptedDocument => "encrypted-document",
            Code::CorruptZip => "corrupt-zip",
            Code::CorruptDocument => "corrupt-document",
            Code::LegacyDoc => "legacy-doc",
            Code::Spreadsheet => "spreadsheet",
            Code::Presentation => "presentation",
            Code::TooLarge => "too-large",
            Code::UnknownFormat => "unknown-format",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub code: Code,
    pub message: String,
}

impl Error {
    pub fn new(code: Code, message: String) -> Self {
        Error { code, message }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// What a file is, from its first bytes (and, for a zip, its parts).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Zip,
    Pdf,
    Ole2,
    /// A flat ODF document (`.fodt`): one XML file.
    FlatOdf,
    Rtf,
    /// None of these: text, or something unknown.
    Other,
}

pub fn sniff(bytes: &[u8]) -> Kind {
    let head = &bytes[..bytes.len().min(1024)];
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        Kind::Zip
    } else if head.windows(5).any(|w| w == b"%PDF-") {
        // A PDF may have bytes before its header; readers look in the first kilobyte.
        Kind::Pdf
    } else if bytes.starts_with(&[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) {
        Kind::Ole2
    } else if bytes.starts_with(b"{\\rtf") {
        Kind::Rtf
    } else if head.starts_with(b"<?xml") || head.starts_with(b"\xef\xbb\xbf<?xml") {
        let h = String::from_utf8_lossy(head);
        if h.contains("office:document") || h.contains("opendocument") {
            Kind::FlatOdf
        } else {
            Kind::Other
        }
    } else {
        Kind::Other
    }
}

/// Reads an `.odt`, `.fodt` or `.docx`. `name` (a file name or URL, may be empty) only words
/// the messages; what the file is comes from its bytes.
pub fn read(bytes: &[u8], name: &str) -> Result<Extracted, Error> {
    if bytes.len() > MAX_BYTES {
        return Err(Error::new(
            Code::TooLarge,
            format!(
                "this file is {} MiB, larger than the {} MiB that is read",
                bytes.len() >> 20,
                MAX_BYTES >> 20
            ),
        ));
    }
    let lower = name.to_ascii_lowercase();
    match sniff(bytes) {
        Kind::Zip => {
            let mut zip = zip::Archive::open(bytes)?;
            match package(&mut zip)? {
                Package::Odf(mime) if mime.ends_with(".text") || mime.contains(".text-") => {
                    odt::read(&mut zip)
                }
                Package::Odf(mime) if mime.contains("spreadsheet") => Err(spreadsheet()),
                Package::Odf(mime) if mime.contains("presentation") => Err(presentation()),
                Package::Odf(mime) => Err(Error::new(
                    Code::UnknownFormat,
                    format!("this is an OpenDocument file of another kind ({mime}), not a text document"),
                )),
                Package::Ooxml(main) => docx::read(&mut zip, &main),
                Package::OoxmlOther(kind) if kind.contains("spreadsheetml") => Err(spreadsheet()),
                Package::OoxmlOther(kind) if kind.contains("presentationml") => {
                    Err(presentation())
                }
                Package::OoxmlOther(_) | Package::Unknown => Err(Error::new(
                    Code::UnknownFormat,
                    "this zip file is not an .odt or .docx document".into(),
                )),
            }
        }
        Kind::FlatOdf => odt::read_flat(bytes),
        Kind::Pdf => Err(Error::new(
            Code::Pdf,
            "this is a PDF: PDF files are read in the page (by pdf.js), not here".into(),
        )),
        Kind::Ole2 => Err(Error::new(
            Code::LegacyDoc,
            if lower.ends_with(".xls") {
                "this is an old binary Excel spreadsheet (.xls), not minutes; save the minutes as .odt, .docx or PDF".into()
            } else {
                "this is an old binary Word file (.doc), or an Office file protected by a password; open it in a word processor and save it as .odt or .docx".into()
            },
        )),
        Kind::Rtf => Err(Error::new(
            Code::UnknownFormat,
            "this is an RTF file; save it as .odt or .docx".into(),
        )),
        Kind::Other => Err(Error::new(
            Code::UnknownFormat,
            "this is not an .odt, .docx or PDF document".into(),
        )),
    }
}

fn spreadsheet() -> Error {
    Error::new(
        Code::Spreadsheet,
        "this is a spreadsheet, not minutes; open the minutes themselves (.odt, .docx or PDF)"
            .into(),
    )
}

fn presentation() -> Error {
    Error::new(
        Code::Presentation,
        "this is a presentation, not minutes; open the minutes themselves (.odt, .docx or PDF)"
            .into(),
    )
}

enum Package {
    /// The media type in `mimetype` (or the manifest).
    Odf(String),
    /// The path of the main WordprocessingML part.
    Ooxml(String),
    /// Another OOXML package: the main part's content type.
    OoxmlOther(String),
    Unknown,
}

fn package(zip: &mut zip::Archive) -> Result<Package, Error> {
    if let Some(m) = zip.read("mimetype")? {
        let m = String::from_utf8_lossy(&m).trim().to_owned();
        if m.starts_with("application/vnd.oasis.opendocument") {
            return Ok(Package::Odf(m));
        }
    }
    if let Some(ct) = zip.read("[Content_Types].xml")? {
        let root = xml::parse(&ct, "[Content_Types].xml")?;
        let mut main = None;
        let mut other = None;
        for o in root.elements().filter(|e| e.is(xml::Ns::Ct, "Override")) {
            let (Some(part), Some(ty)) = (
                o.attr(xml::Ns::None, "PartName"),
                o.attr(xml::Ns::None, "ContentType"),
            ) else {
                continue;
            };
            if ty.contains("wordprocessingml.document.main")
                || ty.contains("wordprocessingml.template.main")
                || ty == "application/vnd.ms-word.document.macroEnabled.main+xml"
                || ty == "application/vnd.ms-word.template.macroEnabledTemplate.main+xml"
            {
                main = Some(part.trim_start_matches('/').to_owned());
            } else if ty.ends_with(".main+xml") {
                other = Some(ty.to_owned());
            }
        }
        if let Some(m) = main {
            return Ok(Package::Ooxml(m));
        }
        if let Some(o) = other {
            return Ok(Package::OoxmlOther(o));
        }
        if zip.find("word/document.xml").is_some() {
            return Ok(Package::Ooxml("word/document.xml".into()));
        }
    }
    // An ODF package without its mimetype entry still names its type in the manifest.
    if let Some(m) = zip.read("META-INF/manifest.xml")? {
        let root = xml::parse(&m, "META-INF/manifest.xml")?;
        for e in root.elements() {
            if e.attr(xml::Ns::Manifest, "full-path") == Some("/") {
                if let Some(t) = e.attr(xml::Ns::Manifest, "media-type") {
                    return Ok(Package::Odf(t.to_owned()));
                }
            }
        }
    }
    Ok(Package::Unknown)
}

/// The lines being written, with their hints.
#[derive(Default)]
pub(crate) struct Lines {
    text: String,
    hints: Vec<u8>,
}

impl Lines {
    /// Adds one paragraph: its text may hold line breaks, each a line; the first takes `hint`,
    /// the lines after it 0 (they go on the same paragraph), or all of them `FURNITURE`.
    pub fn push(&mut self, paragraph: &str, hint: u8) {
        for (k, line) in paragraph
            .split(['\n', '\r', '\u{2028}', '\u{2029}', '\x0b', '\x0c'])
            .enumerate()
        {
            if !self.hints.is_empty() {
                self.text.push('\n');
            }
            self.text.push_str(line.trim_end_matches([' ', '\u{3000}']));
            self.hints
                .push(if k == 0 || hint == FURNITURE { hint } else { 0 });
        }
    }

    pub fn finish(self, format: Format, warnings: Vec<crate::model::Diagnostic>) -> Extracted {
        Extracted {
            text: self.text,
            hints: self.hints,
            format: Some(format),
            warnings,
        }
    }
}

/// Notes that the document embeds an object (an OLE spreadsheet, a chart), once.
pub(crate) fn embedded_object(warnings: &mut Vec<crate::model::Diagnostic>) {
    use crate::model::{Code as Note, Diagnostic, Severity};
    if !warnings.iter().any(|w| w.code == Note::EmbeddedObject) {
        warnings.push(Diagnostic::new(
            Note::EmbeddedObject,
            Severity::Warning,
            0,
            "the document embeds objects (a spreadsheet, a chart) whose contents are not its \
             text: the outline lacks what they show",
        ));
    }
}

/// What follows a generated number: nothing after CJK punctuation (`一、本案`), a space after
/// an ASCII one (`1. 本案`) or after a bare number.
pub(crate) fn label_gap(label: &str, follow: Follow) -> &'static str {
    match follow {
        Follow::Nothing => "",
        _ if label.is_empty() => "",
        _ => match label.chars().last() {
            Some(c) if cjk_punctuation(c) => "",
            _ => " ",
        },
    }
}

/// `、` `）` `．` `：` and the like, after which Chinese text follows without a space.
fn cjk_punctuation(c: char) -> bool {
    matches!(c, '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301f}')
        || (('\u{ff01}'..='\u{ff65}').contains(&c) && !c.is_alphanumeric())
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Follow {
    #[default]
    Tab,
    Space,
    Nothing,
}

/// Lines of furniture that repeat (several page styles with the same header) are kept once.
pub(crate) fn push_furniture(lines: &mut Lines, seen: &mut Vec<String>, text: &str) {
    let t = text.trim();
    if t.is_empty() || seen.iter().any(|s| s == t) {
        return;
    }
    seen.push(t.to_owned());
    lines.push(t, FURNITURE);
}
