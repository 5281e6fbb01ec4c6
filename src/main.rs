//! `minutes-outline`: the parser on the command line, for whole archives of minutes.
//!
//! ```sh
//! minutes-outline FILE...          # the outline of each file, then its diagnostics
//! minutes-outline --json FILE...   # the full model, one JSON document a line
//! minutes-outline --json --pretty - < minutes.txt
//! ```

use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str =
    "usage: minutes-outline [--json [--pretty]] [--quiet] FILE... (- reads standard input)

Prints the outline of Taiwanese government meeting minutes (會議紀錄), then what the parser
could not understand. --json prints the full data model (docs/MODEL.md), one document a line.
--quiet leaves out the diagnostics.";

fn main() -> ExitCode {
    let mut json = false;
    let mut pretty = false;
    let mut quiet = false;
    let mut files = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json = true,
            "--pretty" => pretty = true,
            "--quiet" | "-q" => quiet = true,
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
        let text = decode(&bytes);
        let doc = minutes_outline::parse(&text);
        let result = if json {
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

/// UTF-8, or UTF-16 with a byte order mark; anything else is read as UTF-8 with the broken
/// bytes replaced (the parser then reports it).
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
        _ => String::from_utf8_lossy(bytes).into_owned(),
    }
}
