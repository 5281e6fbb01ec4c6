//! Stage 5, the reporting unit of every node (`一、數位策略司`, `（報告單位：數位國際司）`),
//! inherited from the nearest unit above it: what people filter by.

use crate::model::{Kind, Role};
use crate::scan::label;
use crate::scan::unit::unit_name;
use crate::text::is_space;
use crate::tree::{NodeId, Tree, NONE};

/// Reporting units in order of first appearance, and each node's.
#[derive(Clone, Debug, Default)]
pub struct Units {
    pub names: Vec<String>,
    /// Per node, an index into `names` or [`NONE`].
    pub of_node: Vec<u32>,
}

impl Units {
    pub fn of(&self, id: NodeId) -> Option<&str> {
        let u = self.of_node[id as usize];
        (u != NONE).then(|| self.names[u as usize].as_str())
    }
}

/// `（報告單位：數位國際司）` inside a text: the unit.
fn inline_unit(text: &str) -> Option<&str> {
    let mut rest = text;
    while let Some(k) = rest.find(['（', '(']) {
        let open = rest[k..].chars().next()?;
        let inner = &rest[k + open.len_utf8()..];
        if let Some(l) = label(inner).filter(|l| l.role == Role::Unit) {
            let value = &inner[l.len..];
            let end = value.find(['）', ')']).unwrap_or(value.len());
            let v = value[..end].trim_matches(is_space);
            if !v.is_empty() {
                return Some(v);
            }
        }
        rest = inner;
    }
    None
}

/// The value of a unit field (`報告單位：各單位`, `（報告單位：數位策略司）`).
fn field_unit(text: &str, label_len: usize) -> Option<&str> {
    let v = text.get(label_len..)?;
    let v = v.trim_matches(is_space).trim_end_matches(['）', ')', '。']);
    // 提案單位：秘書處、人事室 names the first as the unit.
    let v = v
        .split(['、', '，', ',', ' ', '\u{3000}'])
        .next()
        .unwrap_or(v)
        .trim_matches(is_space);
    (!v.is_empty() && v.chars().count() <= 30).then_some(v)
}

/// Sets each node's unit: its own when it names one, otherwise its parent's.
pub fn assign(doc: &Tree) -> Units {
    let mut units = Units {
        names: Vec::new(),
        of_node: Vec::with_capacity(doc.nodes.len()),
    };
    let n = doc.nodes.len();
    let mut own: Vec<Option<String>> = vec![None; n];
    for id in 0..n {
        let node = &doc.nodes[id];
        let text = doc.text(id as NodeId);
        if let Some((_, Role::Unit)) = node.label {
            if let Some(v) = field_unit(&text, node.label_len as usize) {
                own[id] = Some(v.to_string());
                // The field names the unit of what it sits in: the agenda item.
                if node.kind == Kind::Field && node.parent != NONE {
                    own[node.parent as usize].get_or_insert_with(|| v.to_string());
                }
                continue;
            }
        }
        // Only a text that says 單位 can name one in brackets.
        if let Some(v) = text.contains("單位").then(|| inline_unit(&text)).flatten() {
            own[id] = Some(v.to_string());
            // `案由：…（提案單位：教務處）` names the unit of the whole agenda item.
            if matches!(node.label, Some((_, Role::Subject))) && node.parent != NONE {
                own[node.parent as usize].get_or_insert_with(|| v.to_string());
            }
        }
    }
    // Items that name units, where most of their numbered siblings do too: 一、數位策略司.
    // Walked sibling list by sibling list, without collecting them.
    let heads = std::iter::once(doc.roots().next().unwrap_or(NONE))
        .chain(doc.nodes.iter().map(|nd| nd.first_child))
        .filter(|&c| c != NONE);
    let mut named: Vec<(NodeId, String)> = Vec::new();
    for first in heads {
        named.clear();
        let mut numbered = 0;
        let mut k = first;
        while k != NONE {
            let nd = &doc.nodes[k as usize];
            if nd.kind == Kind::Item {
                numbered += 1;
                if let Some(u) = unit_name(&doc.text(k)) {
                    named.push((k, u.to_string()));
                }
            }
            k = nd.next_sibling;
        }
        if named.len() >= 2 && named.len() * 2 >= numbered {
            for (k, u) in named.drain(..) {
                own[k as usize].get_or_insert(u);
            }
        }
    }
    // Parents come before their children in the arena: one forward pass inherits.
    let mut index: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    for (id, own) in own.iter_mut().enumerate() {
        let unit = match own.take() {
            Some(u) => {
                let next = units.names.len() as u32;
                let k = *index.entry(u.clone()).or_insert(next);
                if k == next {
                    units.names.push(u);
                }
                k
            }
            None => {
                let p = doc.nodes[id].parent;
                if p == NONE {
                    NONE
                } else {
                    units.of_node[p as usize]
                }
            }
        };
        units.of_node.push(unit);
    }
    units
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_units() {
        assert_eq!(
            inline_unit("案由二：施政重點，報請公鑒。（報告單位：數位國際司）"),
            Some("數位國際司")
        );
    }
}
