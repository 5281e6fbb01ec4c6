//! Stage 4, the facts inside the text: every node's dates, amounts and percentages
//! (FORMAT.md §4), found by the recognisers of [`crate::scan`]. Dates written without a year
//! take the meeting's.

use crate::model::{Diagnostic, FactValue, Meta};
use crate::scan::date::check_weekday;
use crate::scan::facts::scan;
use crate::tree::{NodeId, Tree};
use std::ops::Range;

/// A fact found in a node's text. Offsets are bytes of the node's text.
#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    pub node: NodeId,
    pub start: u32,
    pub end: u32,
    pub value: FactValue,
}

/// The facts of every node, in document order.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    pub all: Vec<Fact>,
    /// Per node, its range of `all`.
    pub of_node: Vec<Range<u32>>,
}

impl Facts {
    pub fn of(&self, id: NodeId) -> &[Fact] {
        let r = &self.of_node[id as usize];
        &self.all[r.start as usize..r.end as usize]
    }
}

pub fn find(tree: &Tree, meta: &Meta) -> (Facts, Vec<Diagnostic>) {
    // Dates written without a year take the meeting's; when the header does not say, the
    // year the minutes' dates are mostly in.
    let year = meta
        .date
        .as_deref()
        .and_then(|d| d.get(..4))
        .and_then(|y| y.parse::<u16>().ok())
        .unwrap_or_else(|| usual_year(tree));
    let mut facts = Facts::default();
    let mut diagnostics = Vec::new();
    for id in 0..tree.nodes.len() as NodeId {
        let text = tree.text(id);
        let from = facts.all.len() as u32;
        for f in scan(&text, year) {
            if let (FactValue::Date { from: d, .. }, Some(w)) = (&f.value, &f.weekday) {
                if let Some(diag) = check_weekday(*d, w, tree.node(id).line) {
                    diagnostics.push(diag);
                }
            }
            facts.all.push(Fact {
                node: id,
                start: f.start as u32,
                end: f.end as u32,
                value: f.value,
            });
        }
        facts.of_node.push(from..facts.all.len() as u32);
    }
    (facts, diagnostics)
}

/// The year most dates with a written year are in (0 when none has one).
fn usual_year(tree: &Tree) -> u16 {
    let mut count: std::collections::HashMap<u16, usize> = std::collections::HashMap::new();
    for id in 0..tree.nodes.len() as NodeId {
        for f in scan(&tree.text(id), 0) {
            if let (true, FactValue::Date { from, .. }) = (f.explicit_year, f.value) {
                *count.entry(from.year).or_default() += 1;
            }
        }
    }
    // The latest of the most frequent, so that the answer does not depend on hash order.
    count
        .into_iter()
        .max_by_key(|&(y, n)| (n, y))
        .map_or(0, |(y, _)| y)
}
