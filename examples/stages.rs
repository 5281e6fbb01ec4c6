//! Times each stage of the parser on a file: `cargo run --release --example stages FILE`.
use minutes_outline::*;
fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let text = std::fs::read_to_string(path).unwrap();
    for _ in 0..5 {
        let t = std::time::Instant::now();
        let mut doc = Document::new(&text);
        let kind = normalise::inspect(&text, &mut doc.diagnostics);
        let a = t.elapsed();
        let (lines, _) = lines::split(&text);
        let b = t.elapsed();
        firstpass::build(&lines, &mut doc);
        let c = t.elapsed();
        header::read(&mut doc);
        let d = t.elapsed();
        extract::run(&mut doc);
        let e = t.elapsed();
        normalise::report_shape(kind, &mut doc);
        let f = flat::flatten(&doc);
        let g = t.elapsed();
        eprintln!(
            "inspect {:.1?} lines {:.1?} build {:.1?} header {:.1?} extract {:.1?} flatten {:.1?} = {:.1?} ({} nodes, {} segments)",
            a, b - a, c - b, d - c, e - d, g - e, g, doc.nodes.len(), f.seg_start.len()
        );
    }
}
