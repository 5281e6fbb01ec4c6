//! Native parse throughput: `cargo bench --bench parse`.
//!
//! The same inputs as tools/bench.mjs measures in the browser (seed 000, one meeting; the seeds
//! repeated to 5 MB, an archive), so that the wasm/native ratio compares like with like.
//! Divan prints fastest / slowest / median / mean; bytes/s are UTF-8 input bytes.
use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use std::sync::OnceLock;

fn main() {
    divan::main();
}

fn seeds() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/fixtures/seeds")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

fn meeting() -> &'static str {
    static S: OnceLock<String> = OnceLock::new();
    S.get_or_init(|| seeds().swap_remove(0))
}

/// The seeds joined and repeated until 5 000 000 bytes, as tools/bench.mjs builds it.
fn archive() -> &'static str {
    static S: OnceLock<String> = OnceLock::new();
    S.get_or_init(|| {
        let one = seeds().join("\n");
        let mut s = String::new();
        while s.len() < 5_000_000 {
            s.push_str(&one);
        }
        s
    })
}

fn run(b: Bencher, text: &'static str) {
    // What the component asks of the wasm build: the document and its flat columns.
    b.counter(BytesCount::of_str(text)).bench(|| {
        let doc = minutes_outline::parse(black_box(text));
        black_box(minutes_outline::emit::flat::flatten(&doc).parent.len())
    });
}

#[divan::bench(sample_count = 200)]
fn meeting_seed000(b: Bencher) {
    run(b, meeting());
}

#[divan::bench(sample_count = 20, sample_size = 1)]
fn archive_5mb(b: Bencher) {
    run(b, archive());
}
