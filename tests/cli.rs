//! The command line: outlines and diagnostics for files and standard input, JSON on request.

use std::io::Write;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_minutes-outline");
const SEED: &str = "tests/fixtures/seeds/002_d55827880d80a051.txt";

#[test]
fn prints_the_outline_of_a_file() {
    let out = Command::new(BIN).arg(SEED).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let want =
        std::fs::read_to_string("tests/expected/seeds/002_d55827880d80a051.outline").unwrap();
    assert_eq!(text, want);
}

#[test]
fn prints_json_for_each_file_and_reads_standard_input() {
    let mut child = Command::new(BIN)
        .args(["--json", "-", SEED])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("壹、報告事項\n案由一：工作報告。\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let docs: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["outline"][0]["children"][0]["marker"], "案由一：");
    assert_eq!(docs[1]["meta"]["date"], "2025-11-20");
}

#[test]
fn reports_a_missing_file_and_goes_on() {
    let out = Command::new(BIN)
        .args(["--quiet", "no/such/file.txt", SEED])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/file.txt"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("== tests/fixtures/seeds/002"));
}

fn run_stdin(args: &[&str], input: &[u8]) -> String {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn reads_big5_as_the_component_does() {
    // 壹、報告事項 / 一、工作報告。 in Big5 (WHATWG's, as a browser's TextDecoder reads it).
    let big5: &[u8] = &[
        0xb3, 0xfc, 0xa1, 0x42, 0xb3, 0xf8, 0xa7, 0x69, 0xa8, 0xc6, 0xb6, 0xb5, b'\n', 0xa4, 0x40,
        0xa1, 0x42, 0xa4, 0x75, 0xa7, 0x40, 0xb3, 0xf8, 0xa7, 0x69, 0xa1, 0x43, b'\n',
    ];
    let text = run_stdin(&["--text", "-"], big5);
    assert_eq!(text, "壹、報告事項\n一、工作報告。\n\n");
}

#[test]
fn writes_markdown_and_csv_as_the_page_saves_them() {
    let input = "壹、報告事項\n案由一：工作報告，請鑒察。\n決定：洽悉。\n".as_bytes();
    let md = run_stdin(&["--markdown", "-"], input);
    assert_eq!(
        md,
        "- **壹、** 報告事項\n  - **案由一：** 工作報告，請鑒察。\n    - 決定：洽悉。\n"
    );
    let csv = run_stdin(&["--csv", "-"], input);
    let rows: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(rows[0], "\u{feff}path,marker,kind,unit,text,dates,line");
    assert_eq!(rows[2], "壹、,案由一：,agenda,,工作報告，請鑒察。,,2");
    assert_eq!(rows[3], "壹、 > 案由一：,,label,,決定：洽悉。,,3");
}
