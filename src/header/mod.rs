//! Stage 3, the meeting's metadata from the header block (FORMAT.md §1): issuing body, title,
//! meeting number, edition, date and times, place, chair, minute-taker and who attended. Reads
//! the tree; writes nothing back into it.

mod people;
mod title;

pub use people::{attendees, person};

use crate::model::FactValue;
use crate::model::{Code, Diagnostic, Kind, Meta, Part, Role, Severity, Status};
use crate::scan::date::check_weekday;
use crate::scan::facts::scan;
use crate::scan::time::times;
use crate::text::is_space;
use crate::tree::{NodeId, Tree};
use title::{body_prefix, meeting_number};

/// The meeting, and what could not be read of it.
pub fn read(tree: &Tree) -> (Meta, Vec<Diagnostic>) {
    let mut meta = Meta::default();
    let mut diagnostics = Vec::new();
    title_block(tree, &mut meta);
    fields(tree, &mut meta, &mut diagnostics);
    end_time(tree, &mut meta);
    (meta, diagnostics)
}

fn title_block(doc: &Tree, meta: &mut Meta) {
    let titles: Vec<String> = doc
        .roots()
        .take_while(|&id| doc.node(id).kind == Kind::Title)
        .map(|id| doc.text(id).into_owned())
        .collect();
    for t in titles {
        let t = t.trim_matches(is_space).to_string();
        let short = t.chars().count() <= 8;
        if short && (t.ends_with('版') || t.contains("草案") || t.ends_with("稿")) {
            meta.edition.get_or_insert(t);
        } else if ["紀錄", "記錄", "會議", "會報", "議程"]
            .iter()
            .any(|w| t.contains(w))
            && meta.title.is_none()
        {
            meta.number = meeting_number(&t);
            if meta.body.is_none() {
                meta.body = body_prefix(&t).map(str::to_string);
            }
            meta.title = Some(t);
        } else if meta.body.is_none() && meta.title.is_none() {
            // `雲林縣議會第20屆第4次定期會`: the body is what comes before the numbers.
            meta.body = Some(body_prefix(&t).map_or(t.clone(), str::to_string));
        }
    }
}

/// The header fields are those before the body starts (the first agenda item, label or
/// section other than the header's own), or at the top level.
fn fields(doc: &Tree, meta: &mut Meta, diagnostics: &mut Vec<Diagnostic>) {
    let mut seen: Vec<Role> = Vec::new();
    let mut body_started = false;
    let mut ids: Vec<(NodeId, Role)> = Vec::new();
    for (id, n) in doc.nodes.iter().enumerate() {
        if matches!(
            n.kind,
            Kind::Agenda | Kind::Label | Kind::Appendix | Kind::Table
        ) || (n.kind == Kind::Section && n.part != Some(Part::Adjourn))
        {
            body_started = true;
        }
        let Some((_, role)) = n.label else { continue };
        if n.kind != Kind::Field || !role.is_header() || (body_started && n.depth > 0) {
            continue;
        }
        // Date and time can come in two fields (日期：, 時間：), lists of people in several
        // (列席委員, 列席官員); the others count once.
        let repeats = matches!(
            role,
            Role::Date | Role::Attendees | Role::Observers | Role::Absent
        );
        if !repeats && seen.contains(&role) {
            continue;
        }
        seen.push(role);
        ids.push((id as NodeId, role));
    }
    for (id, role) in ids {
        let line = doc.node(id).line;
        let text = doc.text(id);
        let value = text[doc.node(id).label_len as usize..].trim_matches(is_space);
        match role {
            Role::Date => {
                let before = (meta.date.is_some(), meta.start.is_some());
                date_and_time(value, meta, line, diagnostics);
                if (meta.date.is_some(), meta.start.is_some()) == before && !value.is_empty() {
                    diagnostics.push(
                        Diagnostic::new(
                            Code::HeaderUnreadable,
                            Severity::Warning,
                            line,
                            format!("could not read a date or time in the meeting's date field: {value}"),
                        )
                        .expected("a date such as 114年11月20日 or a time such as 下午3時30分", value),
                    );
                }
            }
            Role::Location => meta.location = (!value.is_empty()).then(|| value.to_string()),
            Role::Chair => meta.chair = (!value.is_empty()).then(|| person(value)),
            Role::Recorder => meta.recorder = (!value.is_empty()).then(|| person(value)),
            Role::Attendees => meta.attendees.extend(attendees(value, Status::Present)),
            Role::Observers => meta.observers.extend(attendees(value, Status::Present)),
            Role::Absent => meta.attendees.extend(attendees(value, Status::Absent)),
            _ => {}
        }
    }
}

/// `114年11月20日（星期四）下午3時30分`, `2024-05-08 14:00-16:00`, `下午2時至4時30分`.
fn date_and_time(value: &str, meta: &mut Meta, line: u32, diagnostics: &mut Vec<Diagnostic>) {
    let mut after_date = 0;
    if meta.date.is_none() {
        if let Some(f) = scan(value, 0)
            .into_iter()
            .find(|f| matches!(f.value, FactValue::Date { .. }))
        {
            if let FactValue::Date { from, .. } = f.value {
                if from.year != 0 {
                    meta.date = Some(from.iso());
                    if let Some(w) = &f.weekday {
                        meta.weekday = Some(w.0.clone());
                        if let Some(d) = check_weekday(from, w, line) {
                            diagnostics.push(d);
                        }
                    }
                    after_date = f.end;
                }
            }
        }
    }
    let times = times(&value[after_date..]);
    if meta.start.is_none() {
        if let Some(&(h, m, _)) = times.first() {
            meta.start = Some(format!("{h:02}:{m:02}"));
        }
        if let Some(&(h, m, range)) = times.get(1) {
            if range {
                meta.end = Some(format!("{h:02}:{m:02}"));
            }
        }
    }
}

/// The end time from `散會（下午4時39分）` or `散會：下午4時30分`.
fn end_time(doc: &Tree, meta: &mut Meta) {
    let adjourn = doc
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.part == Some(Part::Adjourn))
        .map(|(id, _)| id as NodeId)
        .next();
    if let Some(id) = adjourn {
        let text = doc.text(id);
        if let Some(&(h, m, _)) = times(&text).first() {
            meta.end = Some(format!("{h:02}:{m:02}"));
        }
    }
}
