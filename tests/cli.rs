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
