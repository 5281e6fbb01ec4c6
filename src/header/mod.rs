//! Stage 3, the meeting's metadata from the front matter (FORMAT.md §1): issuing body, title,
//! meeting number, edition, date and times, place, chair, minute-taker and who attended. Reads
//! the tree; writes nothing back into it.

mod date;
mod people;
mod title;

pub use people::{attendees, looks_like_people, person};

use crate::model::{Code, Diagnostic, Kind, Meta, Part, Role, Severity, Status};
use crate::scan::time::times;
use crate::text::is_space;
use crate::tree::{NodeId, Tree};
use title::{body_of, meeting_number, names_minutes, provider, title_score};

/// The meeting, and what could not be read of it. `body_start` is the first node of the body:
/// the header fields are those before it.
pub fn read(tree: &Tree, body_start: NodeId) -> (Meta, Vec<Diagnostic>) {
    let mut meta = Meta::default();
    let mut diagnostics = Vec::new();
    let front = 0..(body_start as usize).min(tree.nodes.len());
    title_block(tree, front.clone(), &mut meta);
    fields(tree, front.clone(), &mut meta, &mut diagnostics);
    end_time(tree, &mut meta);
    // A transcript names its chair as a speaker: `主席洪若珊：現在開始…`.
    if meta.chair.is_none() {
        meta.chair = tree
            .nodes
            .iter()
            .take(40)
            .enumerate()
            .find_map(|(id, _)| people::speaking_chair(&tree.text(id as NodeId)));
    }
    // A date in the title itself (`第4屆第2次臨時會112年01月16日 - 第4審查委員會議事錄`).
    if meta.date.is_none() {
        if let Some(t) = meta.title.clone() {
            // Only the day: a title's numbers are no times of the meeting.
            let (start, end) = (meta.start.take(), meta.end.take());
            date::read(&t, &mut meta, 0, &mut Vec::new());
            (meta.start, meta.end) = (start, end);
        }
    }
    (meta, diagnostics)
}

fn text_of(tree: &Tree, id: usize) -> String {
    tree.text(id as NodeId).trim_matches(is_space).to_string()
}

/// The title, the body, the meeting's number and the edition, from the title lines of the
/// front matter; where there are none, from a line after the adjournment that names the
/// minutes, or from the document's first line.
fn title_block(tree: &Tree, front: std::ops::Range<usize>, meta: &mut Meta) {
    let mut titles: Vec<String> = Vec::new();
    for id in front.clone() {
        let n = &tree.nodes[id];
        let text = text_of(tree, id);
        let t = match n.kind {
            Kind::Title => text,
            // `標題:高雄市新興國小…會議記錄`, YAML's `title: "114年3月 第一次會議紀錄"`: a field that
            // gives the title.
            Kind::Field if n.label.is_some_and(|(w, _)| w.is_empty()) => {
                let (key, value) = text.split_at((n.label_len as usize).min(text.len()));
                let key = key.trim_end_matches(['：', ':']).trim_matches(is_space);
                if !matches!(key, "標題" | "title") {
                    continue;
                }
                value
                    .trim_matches(|c: char| is_space(c) || c == '"' || c == '\'')
                    .to_string()
            }
            _ => continue,
        };
        // A web page's breadcrumb ends with the page's own name: `資料下載區 / 106學年度…`.
        let t = match t.rfind(" / ").or_else(|| t.rfind(" > ")) {
            Some(k) => t[k + " / ".len()..].trim_matches(is_space).to_string(),
            None => t,
        };
        titles.push(t);
    }
    let mut rest: Vec<&String> = Vec::new();
    for t in &titles {
        let short = t.chars().count() <= 8;
        if short && (t.ends_with('版') || t.contains("草案") || t.ends_with('稿')) {
            meta.edition.get_or_insert(t.clone());
        } else {
            rest.push(t);
        }
    }
    // The line that names the minutes most fully; the first of equals.
    let best = rest
        .iter()
        .enumerate()
        .filter(|(_, t)| names_minutes(t))
        .max_by_key(|&(k, t)| (title_score(t), std::cmp::Reverse(k)))
        .map(|(_, t)| (*t).clone());
    let title = best.or_else(|| trailer(tree)).or_else(|| {
        // A document that starts with its title, whatever its punctuation (`MOIO6471-審議事項-
        // 第14案:臺北市政府函為「…」。`), but not with a paragraph of running text.
        let first = tree.nodes.first()?;
        let t = text_of(tree, 0);
        (first.line <= 2
            && first.kind == Kind::Paragraph
            && first.marker.is_empty()
            && names_minutes(&t) | t.contains('案')
            && !t.contains(['，', ','])
            && t.chars().count() <= 120)
            .then_some(t)
    });
    let own = title
        .as_deref()
        .and_then(|t| body_of(t).or_else(|| provider(t).map(str::to_string)));
    if let Some(t) = &title {
        meta.number = meeting_number(t);
    }
    // A line above the title can name the body (`數位發展部` over `第18次主管會議紀錄`,
    // `雲林縣議會第20屆第4次定期會` over `農業水利委員會第3次審查會議紀錄`); where it only adds
    // to what the title names (`國立臺灣大學秘書室`, the office that posts the minutes of
    // `國立臺灣大學第…次行政會議`), the title's own is the body.
    let above = rest
        .iter()
        .take_while(|t| Some(**t) != title.as_ref())
        .find_map(|t| body_of(t).or_else(|| crate::scan::unit::unit_name(t).map(str::to_string)));
    meta.body = match (own, above) {
        (Some(own), Some(above)) if above.starts_with(&own) => Some(own),
        (_, Some(above)) => Some(above),
        (own, None) => own,
    };
    // No title at all: the first line of the title block says who met (`Taipei European School
    // Parent-Teacher Association`).
    if title.is_none() && meta.body.is_none() {
        meta.body = rest.first().map(|t| t.to_string());
    }
    meta.title = title;
}

/// `行政院青年諮詢委員會第1次會議紀錄` after `陸、散會`: a title written at the end.
fn trailer(tree: &Tree) -> Option<String> {
    let adjourn = tree
        .nodes
        .iter()
        .rposition(|n| n.part == Some(Part::Adjourn))?;
    (adjourn + 1..tree.nodes.len())
        .filter(|&id| tree.nodes[id].kind == Kind::Paragraph)
        .map(|id| text_of(tree, id))
        .find(|t| names_minutes(t) && meeting_number(t).is_some() && t.chars().count() <= 60)
}

/// The header fields of the front matter.
fn fields(
    tree: &Tree,
    front: std::ops::Range<usize>,
    meta: &mut Meta,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut seen: Vec<Role> = Vec::new();
    // The front matter's fields; then, for what it did not say, header fields that a page set
    // after the body began (`三、介紹與會人員` / `四、主席：戴宏會長`), at the top level of the
    // first lines of the body.
    let early_body = (front.end..tree.nodes.len())
        .filter(|&id| tree.nodes[id].depth == 0 && tree.nodes[id].line <= 80);
    let from_front: Vec<usize> = front.clone().collect();
    let from_body: Vec<usize> = early_body.collect();
    for (in_body, id) in from_front
        .iter()
        .map(|&id| (false, id))
        .chain(from_body.iter().map(|&id| (true, id)))
    {
        let n = &tree.nodes[id];
        let Some((_, role)) = n.label else { continue };
        let kind_ok = n.kind == Kind::Field || (in_body && n.kind == Kind::Item);
        if !kind_ok || !role.is_header() {
            continue;
        }
        // From the body, only what the front left unsaid.
        let said = match role {
            Role::Date => meta.date.is_some(),
            Role::Location => meta.location.is_some(),
            Role::Chair => meta.chair.is_some(),
            Role::Recorder => meta.recorder.is_some(),
            Role::Attendees | Role::Absent => !meta.attendees.is_empty(),
            Role::Observers => !meta.observers.is_empty(),
            Role::Publisher => true,
            _ => true,
        };
        if in_body && said {
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
        let line = n.line;
        let text = tree.text(id as NodeId);
        let written = text
            .get(n.label_len as usize..)
            .unwrap_or("")
            .trim_matches(is_space);
        // People and times are read folded (a PDF's look-alikes: U+F9D1 is 六); the place is
        // kept as written.
        let folded = crate::text::fold(written);
        let value: &str = if role == Role::Location {
            written
        } else {
            &folded
        };
        match role {
            Role::Date => {
                let before = (meta.date.is_some(), meta.start.is_some());
                date::read(value, meta, line, diagnostics);
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
            Role::Chair => meta.chair = people::one(value),
            Role::Recorder => meta.recorder = people::one(value),
            Role::Attendees => meta.attendees.extend(attendees(value, Status::Present)),
            Role::Observers => meta.observers.extend(attendees(value, Status::Present)),
            Role::Absent => meta.attendees.extend(attendees(value, Status::Absent)),
            _ => {}
        }
    }
    // A date alone on a line of the title block (`• 2008-12-18`).
    if meta.date.is_none() {
        for id in front {
            if tree.nodes[id].kind == Kind::Title {
                let t = text_of(tree, id);
                let mut m = Meta::default();
                date::read(&t, &mut m, 0, &mut Vec::new());
                if m.date.is_some() && t.chars().count() <= 24 {
                    meta.date = m.date;
                    break;
                }
            }
        }
    }
    people::dedupe(&mut meta.attendees);
    people::dedupe(&mut meta.observers);
}

/// The end time from `散會（下午4時39分）`, `散會：下午4時30分`, `參、散會(十二時)`.
fn end_time(tree: &Tree, meta: &mut Meta) {
    let adjourn = tree
        .nodes
        .iter()
        .position(|n| n.part == Some(Part::Adjourn));
    if let Some(id) = adjourn {
        let text = tree.text(id as NodeId);
        if let Some(&(h, m, _)) = times(&text).first() {
            meta.end = Some(format!("{h:02}:{m:02}"));
        }
    }
}
