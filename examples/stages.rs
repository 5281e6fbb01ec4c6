//! Times each stage of the parser on a file: `cargo run --release --example stages FILE`.
use minutes_outline::*;
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let text = std::fs::read_to_string(path).unwrap();
    for _ in 0..5 {
        let t = Instant::now();
        let read = read::read(&text, &[]);
        let a = t.elapsed();
        let built = build::build(&text, &read.lines);
        let b = t.elapsed();
        let (meta, _) = header::read(&built.tree, built.body_start);
        let c = t.elapsed();
        let (facts, _) = facts::find(&built.tree, &meta);
        let d = t.elapsed();
        let units = units::assign(&built.tree);
        let e = t.elapsed();
        let _ = review::review(
            &built.tree,
            &review::Seen {
                shape: &read.shape,
                meta: &meta,
                body_start: built.body_start,
                bare_numbers: &built.bare_numbers,
            },
        );
        let f = t.elapsed();
        eprintln!(
            "read {:.1?} build {:.1?} header {:.1?} facts {:.1?} units {:.1?} review {:.1?} = {:.1?} ({} nodes, {} facts, {} units)",
            a, b - a, c - b, d - c, e - d, f - e, f, built.tree.nodes.len(), facts.all.len(), units.names.len()
        );
    }
}
