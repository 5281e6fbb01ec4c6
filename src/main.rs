//! `minutes-outline`: the parser on the command line, for whole archives of minutes.
//!
//! ```sh
//! minutes-outline FILE...          # the outline of each file, then its diagnostics
//! minutes-outline --json FILE...   # the full model, one JSON document a line
//! minutes-outline --json --pretty - < minutes.txt
//! minutes-outline minutes.odt      # .odt, .fodt and .docx are read too (src/formats/)
//! minutes-outline --text minutes.docx   # the lines read from a document, as the parser gets them
//! minutes-outline --markdown FILE  # the body as a clean Markdown outline, the meeting on top
//! minutes-outline --csv FILE       # one row a node, for a spreadsheet
//! ```

use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str =
    "usage: minutes-outline [--json [--pretty] | --markdown | --csv | --text] [--quiet] FILE...
       (- reads standard input)

Prints the outline of Taiwanese government meeting minutes (會議紀錄), then what the parser
could not understand. A FILE is text (UTF-8, UTF-16 with a byte order mark, or Big5) or a document:
.odt, .fodt or .docx, told by its content. PDF is read in the page (<minutes-outline>, by pdf.js),
not here. --json prints the full data model (docs/MODEL.md), one document a line. --text prints
the lines read from each file, as the parser gets them. --markdown and --csv write the body as the
page's export does: a Markdown outline with the meeting's facts on top, or one CSV row a node.
--quiet leaves out the diagnostics.";

fn main() -> ExitCode {
    let mut json = false;
    let mut pretty = false;
    let mut quiet = false;
    let mut text_only = false;
    let mut export: Option<&str> = None;
    let mut files = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json = true,
            "--pretty" => pretty = true,
            "--quiet" | "-q" => quiet = true,
            "--text" => text_only = true,
            "--markdown" => export = Some("md"),
            "--csv" => export = Some("csv"),
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            "-" => files.push(arg),
            a if a.starts_with('-') => {
                eprintln!("minutes-outline: unknown option {a}\n{USAGE}");
                return ExitCode::from(2);
            }
            _ => files.push(arg),
        }
    }
    if files.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    let many = files.len() > 1;
    for file in &files {
        let bytes = if file == "-" {
            let mut b = Vec::new();
            std::io::stdin().read_to_end(&mut b).map(|_| b)
        } else {
            std::fs::read(file)
        };
        let bytes = match bytes {
            Ok(b) => b,
            Err(e) => {
                eprintln!("minutes-outline: {file}: {e}");
                failed = true;
                continue;
            }
        };
        let (text, hints, notes) = match read(&bytes, file) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("minutes-outline: {file}: {e}");
                failed = true;
                continue;
            }
        };
        if text_only {
            if writeln!(out, "{text}").is_err() {
                return ExitCode::SUCCESS;
            }
            continue;
        }
        // What the document's reader knew of each line (list levels, page furniture).
        let mut doc = minutes_outline::parse_with(&text, &hints);
        // What the document's reader could not read, first among the diagnostics.
        doc.diagnostics.splice(0..0, notes);
        let result = if let Some(kind) = export {
            let s = if kind == "md" {
                minutes_outline::emit::export::markdown(&doc, None)
            } else {
                minutes_outline::emit::export::csv(&doc, None)
            };
            write!(out, "{s}")
        } else if json {
            let s = if pretty {
                serde_json::to_string_pretty(&doc)
            } else {
                serde_json::to_string(&doc)
            };
            writeln!(out, "{}", s.unwrap_or_default())
        } else {
            let head = if many {
                format!("== {file}\n")
            } else {
                String::new()
            };
            let diags = if quiet {
                String::new()
            } else {
                minutes_outline::outline::render_diagnostics(&doc)
            };
            write!(
                out,
                "{head}{}{diags}",
                minutes_outline::outline::render(&doc)
            )
        };
        if result.is_err() {
            // A closed pipe (`| head`) is not an error worth a message.
            return ExitCode::SUCCESS;
        }
    }
    let _ = out.flush();
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// The text of a file, its line hints and what its reader could not read: a document's lines
/// (src/formats/), or the file itself as text.
/// A file as the parser takes it: its text, line hints, and what its reader could not read.
type Opened = (String, Vec<u8>, Vec<minutes_outline::Diagnostic>);

fn read(bytes: &[u8], name: &str) -> Result<Opened, minutes_outline::formats::Error> {
    use minutes_outline::formats::{self, Code, Kind};
    match formats::sniff(bytes) {
        Kind::Other => Ok((decode(bytes), Vec::new(), Vec::new())),
        _ => formats::read(bytes, name)
            .map(|x| (x.text, x.hints, x.warnings))
            .map_err(|mut e| {
                if e.code == Code::Pdf {
                    e.message = "this is a PDF, which the command line does not read (no Rust PDF \
                                 reader tried here puts CJK text in reading order); open it in \
                                 the page (<minutes-outline>, pdf.js), or convert it first \
                                 (pdftotext -layout FILE)"
                        .into();
                }
                e
            }),
    }
}

/// Bytes to text by the component's rule (src/component/decode.js): UTF-16 by its byte order
/// mark, else UTF-8, else Big5 when that reads cleanly (older Taiwanese documents often are),
/// else UTF-8 with the broken bytes replaced (the parser then reports it).
fn decode(bytes: &[u8]) -> String {
    let utf16 = |le: bool| {
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16_lossy(&units)
    };
    match bytes {
        [0xff, 0xfe, ..] => utf16(true),
        [0xfe, 0xff, ..] => utf16(false),
        _ => match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(_) => encoding_rs::BIG5
                .decode_without_bom_handling_and_without_replacement(bytes)
                .map(|s| s.into_owned())
                .unwrap_or_else(|| String::from_utf8_lossy(bytes).into_owned()),
        },
    }
}
