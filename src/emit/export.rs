//! What a reader takes away: the outline as clean Markdown (a title, the meeting's facts, one
//! bullet a node, indented by depth) and as CSV for a spreadsheet (one row a node, with its
//! path, marker, kind, unit, text, dates and line). Both follow a view: `keep` holds a 1 for
//! each node to write (what a filter shows); without it, the body (the nodes from `body_start`).
//! The CLI (`--markdown`, `--csv`) and the component's export (through the wasm) both write
//! these, so there is one rendering.

use crate::model::FactValue;
use crate::tree::NONE;
use crate::Document;

/// The nodes to write, in document order.
fn kept<'k>(doc: &'k Document, keep: Option<&'k [u8]>) -> impl Iterator<Item = u32> + 'k {
    (0..doc.nodes.len() as u32).filter(move |&id| match keep {
        Some(k) => k.get(id as usize).is_some_and(|&b| b != 0),
        None => id >= doc.body_start,
    })
}

/// A node's text on one line: a wrapped line's break and the spaces around it become one space.
fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (k, piece) in s.split('\n').enumerate() {
        if k > 0 {
            let t = out.trim_end().len();
            out.truncate(t);
            out.push(' ');
        }
        out.push_str(if k > 0 { piece.trim_start() } else { piece });
    }
    out.trim().to_string()
}

/// Markdown's own characters escaped, so that the text stays text.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\`*_[]<>#|".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A table's rows, each cell on one line.
fn rows(doc: &Document, id: u32) -> Option<Vec<Vec<String>>> {
    let t = doc.nodes[id as usize].table;
    (t != NONE).then(|| {
        doc.tables[t as usize]
            .rows
            .iter()
            .map(|r| r.iter().map(|c| one_line(&doc.cell(c))).collect())
            .collect()
    })
}

/// The node's dates, ISO (`2025-10-24/2025-10-28` for a range); those without a year are left
/// out.
fn dates(doc: &Document, id: u32) -> Vec<String> {
    doc.facts
        .of(id)
        .iter()
        .filter_map(|f| match f.value {
            FactValue::Date { from, to } if from.year != 0 => Some(if to.year != 0 && to != from {
                format!("{}/{}", from.iso(), to.iso())
            } else {
                from.iso()
            }),
            _ => None,
        })
        .collect()
}

pub fn markdown(doc: &Document, keep: Option<&[u8]>) -> String {
    let m = &doc.meta;
    let mut out: Vec<String> = Vec::new();
    let title: Vec<&str> = [m.body.as_deref(), m.title.as_deref()]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect();
    if !title.is_empty() {
        out.push(format!("# {}", md(&title.join(" "))));
        out.push(String::new());
    }
    let date = m.date.as_ref().map(|d| match &m.weekday {
        Some(w) => format!("{d}（{w}）"),
        None => d.to_string(),
    });
    let time = m.start.as_ref().map(|s| match &m.end {
        Some(e) => format!("{s}–{e}"),
        None => s.to_string(),
    });
    let facts = [
        ("日期", date),
        ("時間", time),
        ("地點", m.location.clone()),
        ("主席", m.chair.as_ref().map(|p| p.raw.clone())),
        ("紀錄", m.recorder.as_ref().map(|p| p.raw.clone())),
    ];
    let mut any = false;
    for (k, v) in facts {
        if let Some(v) = v.filter(|v| !v.is_empty()) {
            out.push(format!("- {k}：{}", md(&v)));
            any = true;
        }
    }
    if any {
        out.push(String::new());
    }
    for id in kept(doc, keep) {
        let indent = "  ".repeat(doc.nodes[id as usize].depth as usize);
        if let Some(rows) = rows(doc, id) {
            for r in rows {
                let cells: Vec<String> = r.iter().map(|c| md(c)).collect();
                out.push(format!("{indent}- {}", cells.join(" | ")));
            }
            continue;
        }
        let marker = doc.marker(id);
        let marker = marker.trim();
        let text = md(&one_line(&doc.text(id)));
        if marker.is_empty() {
            out.push(format!("{indent}- {text}"));
        } else {
            out.push(format!("{indent}- **{}** {text}", md(marker)));
        }
    }
    out.join("\n") + "\n"
}

fn csv_cell(s: &str) -> String {
    if s.contains(['"', ',', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// CSV with a byte order mark, so that Excel reads the Chinese as UTF-8.
pub fn csv(doc: &Document, keep: Option<&[u8]>) -> String {
    let mut out = String::from("\u{feff}path,marker,kind,unit,text,dates,line\r\n");
    for id in kept(doc, keep) {
        // The path from the top: each ancestor by its marker, or the start of its text.
        let mut path = Vec::new();
        let mut a = doc.nodes[id as usize].parent;
        while a != NONE {
            let marker = doc.marker(a);
            let marker = marker.trim();
            path.push(if marker.is_empty() {
                one_line(&doc.text(a)).chars().take(12).collect()
            } else {
                marker.to_string()
            });
            a = doc.nodes[a as usize].parent;
        }
        path.reverse();
        let text = match rows(doc, id) {
            Some(rows) => rows
                .iter()
                .map(|r| r.join(" | "))
                .collect::<Vec<_>>()
                .join(" / "),
            None => one_line(&doc.text(id)),
        };
        let n = &doc.nodes[id as usize];
        let row = [
            path.join(" > "),
            doc.marker(id).trim().to_string(),
            n.kind.name().to_string(),
            doc.units.of(id).unwrap_or("").to_string(),
            text,
            dates(doc, id).join("; "),
            n.line.to_string(),
        ];
        let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINUTES: &str = "數位發展部\n第18次主管會議紀錄\n日期：114年11月20日（星期四）下午3時30分\n地點：本部301會議室\n主席：林部長宜敬\n壹、報告事項\n案由一：數位策略司業務報告。\n報告單位：數位策略司\n決定：洽悉，請於12月1日前完成。\n";

    #[test]
    fn markdown_has_the_meeting_then_the_body() {
        let doc = crate::parse(MINUTES);
        let md = markdown(&doc, None);
        assert!(md.starts_with("# 數位發展部 第18次主管會議紀錄\n\n- 日期：2025-11-20（星期四）\n- 時間：15:30\n- 地點：本部301會議室\n- 主席：林部長宜敬\n\n"), "{md}");
        assert!(
            md.contains("\n- **壹、** 報告事項\n  - **案由一：** 數位策略司業務報告。\n"),
            "{md}"
        );
    }

    #[test]
    fn csv_rows_give_path_unit_and_dates() {
        let doc = crate::parse(MINUTES);
        let csv = csv(&doc, None);
        assert!(csv.starts_with("\u{feff}path,marker,kind,unit,text,dates,line\r\n"));
        let decision = csv.lines().find(|l| l.contains("洽悉")).unwrap();
        assert!(
            decision.starts_with("壹、 > 案由一：,,label,數位策略司,"),
            "{decision}"
        );
        assert!(decision.ends_with(",2025-12-01,9"), "{decision}");
        assert_eq!(csv_cell("a,\"b\""), "\"a,\"\"b\"\"\"");
    }

    #[test]
    fn a_view_writes_only_what_it_keeps() {
        let doc = crate::parse(MINUTES);
        let mut keep = vec![0u8; doc.nodes.len()];
        let last = doc.nodes.len() - 1;
        keep[last] = 1;
        let md = markdown(&doc, Some(&keep));
        assert!(md.contains("洽悉") && !md.contains("報告事項"), "{md}");
    }
}
