//! Stage 3, the meeting's metadata from the front matter (FORMAT.md §1): issuing body, title,
//! meeting number, edition, date and times, place, chair, minute-taker and who attended. Reads
//! the tree; writes nothing back into it.

mod date;
mod title;

use crate::scan::people::{self, attendees};
use std::borrow::Cow;

use crate::model::{Code, Diagnostic, Kind, Meta, Part, Role, Severity, Status};
use crate::scan::time::times;
use crate::text::is_space;
use crate::tree::{NodeId, Tree};
use title::{body_of, committee_of, meeting_number, names_minutes, provider, title_score};

/// The meeting, and what could not be read of it. `body_start` is the first node of the body:
/// the header fields are those before it.
pub fn read(tree: &Tree, body_start: NodeId, run_on: &[u32]) -> (Meta, Vec<Diagnostic>) {
    let mut meta = Meta::default();
    let mut diagnostics = Vec::new();
    let front = 0..(body_start as usize).min(tree.nodes.len());
    title_block(tree, front.clone(), &mut meta);
    fields(tree, front.clone(), &mut meta, &mut diagnostics);
    run_on_fields(tree, run_on, &mut meta, &mut diagnostics);
    once_each(&mut meta);
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
    let mut titles: Vec<(String, u32, bool)> = Vec::new();
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
        let crumb = t.rfind(" / ").or_else(|| t.rfind(" > "));
        let t = match crumb {
            Some(k) => t[k + " / ".len()..].trim_matches(is_space).to_string(),
            None => t,
        };
        // A title wrapped after its numbers (`苗栗縣栗林國小105學年度第一學期期初` /
        // `交通安全推行委員會會議紀錄`): the second line names the minutes but no session of its
        // own, the first a session but no minutes. (`數位發展部` over `第18次主管會議紀錄` is a
        // body over its title.)
        let numbered = |s: &str| {
            s.chars()
                .any(|c| c == '第' || crate::text::digit(c).is_some())
        };
        if let Some((last, line, _)) = titles.last_mut() {
            if *line + 1 == n.line
                && n.kind == Kind::Title
                && numbered(last)
                && !names_minutes(last)
                && names_minutes(&t)
                && !numbered(&t)
            {
                last.push_str(&t);
                *line = n.line;
                continue;
            }
        }
        titles.push((t, n.line, crumb.is_some()));
    }
    let mut rest: Vec<(&String, bool)> = Vec::new();
    for (t, _, crumb) in &titles {
        let short = t.chars().count() <= 8;
        if short && (t.ends_with('版') || t.contains("草案") || t.ends_with('稿')) {
            meta.edition.get_or_insert(t.clone());
        } else {
            rest.push((t, *crumb));
        }
    }
    // The line that names the minutes most fully; of equals, the page's own line over its
    // breadcrumb, then the first.
    let best = rest
        .iter()
        .enumerate()
        .filter(|(_, (t, _))| names_minutes(t))
        .max_by_key(|&(k, (t, crumb))| (title_score(t), !crumb, std::cmp::Reverse(k)))
        .map(|(_, (t, _))| (*t).clone());
    let rest: Vec<&String> = rest.into_iter().map(|(t, _)| t).collect();
    let title = best
        .or_else(|| trailer(tree))
        .or_else(|| early_title(tree, front.end))
        .or_else(|| {
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
    // `國立花蓮高級商業職業學校` over `106學年度第一次家長委員會議會議紀錄`: the school's
    // 家長委員會.
    let committee = || title.as_deref().and_then(committee_of).unwrap_or_default();
    meta.body = match (own, above) {
        (Some(own), Some(above)) if above.starts_with(&own) => Some(own),
        (Some(_), Some(above)) => Some(above),
        (None, Some(above)) => Some(format!("{above}{}", committee())),
        (own, None) => own,
    };
    // No line names minutes: the first line of the title block says who met (`Taipei European
    // School Parent-Teacher Association`), and is the only title there is.
    let title = match title {
        None if meta.body.is_none() => {
            meta.body = rest.first().map(|t| t.to_string());
            meta.body.clone()
        }
        t => t,
    };
    meta.title = title;
}

/// `臺灣醫學生聯合會九十七學年度第三次系代會議會議記錄` a few lines into the body (a blog post's
/// preamble came first): a short line of its own that names the minutes, their body and number.
fn early_title(tree: &Tree, body_start: usize) -> Option<String> {
    (body_start..tree.nodes.len())
        .take_while(|&id| tree.nodes[id].line <= 40)
        .filter(|&id| {
            matches!(tree.nodes[id].kind, Kind::Paragraph | Kind::Heading)
                && tree.nodes[id].marker.is_empty()
        })
        .map(|id| text_of(tree, id))
        .find(|t| {
            names_minutes(t)
                && meeting_number(t).is_some()
                && body_of(t).is_some()
                && t.chars().count() <= 60
                && !crate::text::has_clause_punctuation(t)
        })
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
    let mut front_said: Option<Vec<Role>> = None;
    // The front matter's fields; then, for what it did not say, header fields that a page set
    // after the body began (`三、介紹與會人員` / `四、主席：戴宏會長`), at the top level of the
    // first lines of the body, or just under them (`一﹑…會議記錄` / `時間：106.5.12`).
    // Deeper, where the front has no header field at all (a blog post's preamble before the
    // minutes), a block of them, two or more in a row: one alone there is an item's own
    // (`(一)活動時間：5月3日`), and a block under an item is a quoted one (`一、宣讀上次會議
    // 議事錄` / `時間：…` / `出席委員：…`) when the minutes have their own header.
    let header_field = |id: usize| {
        tree.nodes
            .get(id)
            .is_some_and(|n| n.kind == Kind::Field && n.label.is_some_and(|(_, r)| r.is_header()))
    };
    let headless = !front.clone().any(header_field);
    let early_body = (front.end..tree.nodes.len()).filter(|&id| {
        let n = &tree.nodes[id];
        let block = headless
            && header_field(id)
            && (header_field(id + 1) || (id > 0 && header_field(id - 1)));
        n.line <= 80 && (n.depth == 0 || (n.depth == 1 && n.kind == Kind::Field) || block)
    });
    let from_front: Vec<usize> = front.clone().collect();
    let from_body: Vec<usize> = early_body.collect();
    for (in_body, id) in from_front
        .iter()
        .map(|&id| (false, id))
        .chain(from_body.iter().map(|&id| (true, id)))
    {
        let n = &tree.nodes[id];
        let Some((word, role)) = n.label else {
            continue;
        };
        let kind_ok = n.kind == Kind::Field || (in_body && n.kind == Kind::Item);
        if !kind_ok || !role.is_header() {
            continue;
        }
        // From the body, only what the front left unsaid (what the body says in several
        // fields, it may say in all of them: `出席委員-非醫療專業：…` / `出席委員-醫療專業：…`).
        if in_body && front_said.is_none() {
            front_said = Some(
                Role::ALL
                    .iter()
                    .copied()
                    .filter(|&r| r.is_header() && said(r, meta))
                    .collect(),
            );
        }
        if front_said.as_ref().is_some_and(|s| s.contains(&role)) {
            continue;
        }
        // Date and time can come in two fields (日期：, 時間：), lists of people in several
        // (列席委員, 列席官員); the others count once.
        if !repeats(role) && seen.contains(&role) {
            continue;
        }
        seen.push(role);
        let text = tree.text(id as NodeId);
        let written = text
            .get(n.label_len as usize..)
            .unwrap_or("")
            .trim_matches(is_space);
        // `結束時間：`, `散會時間：`: when the meeting ended.
        if role == Role::Date && matches!(word, "結束時間" | "散會時間") {
            if let Some(&(h, m, _)) = times(&crate::text::fold(written)).first() {
                meta.end = Some(format!("{h:02}:{m:02}"));
                continue;
            }
        }
        take(role, written, n.line, meta, diagnostics);
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
}

/// Each person listed once: the first of names listed twice in a list, and one person in both
/// lists (a vice-president who also convenes a group) present once, as an attendee.
fn once_each(meta: &mut Meta) {
    people::dedupe(&mut meta.attendees);
    people::dedupe(&mut meta.observers);
    let present: Vec<String> = meta
        .attendees
        .iter()
        .filter_map(|a| a.name.clone())
        .collect();
    meta.observers
        .retain(|o| o.name.as_ref().is_none_or(|n| !present.contains(n)));
}

/// Whether the meeting's metadata already says what a field of `role` would.
fn said(role: Role, meta: &Meta) -> bool {
    match role {
        Role::Date => meta.date.is_some() && meta.start.is_some(),
        Role::Location => meta.location.is_some(),
        Role::Chair => meta.chair.is_some(),
        Role::Recorder => meta.recorder.is_some(),
        Role::Attendees | Role::Absent => !meta.attendees.is_empty(),
        Role::Observers => !meta.observers.is_empty(),
        _ => true,
    }
}

/// Fields that may come more than once and add up: date and time (日期：, 時間：), lists of
/// people (列席委員, 列席官員).
fn repeats(role: Role) -> bool {
    matches!(
        role,
        Role::Date | Role::Attendees | Role::Observers | Role::Absent
    )
}

/// Reads the value of one header field into the metadata.
fn take(role: Role, written: &str, line: u32, meta: &mut Meta, diagnostics: &mut Vec<Diagnostic>) {
    // `地　　點：通訊會議。`, `主　　席：理事長劉曜維。`: the full stop ends the field, it is no
    // part of the place or the name.
    let written = written
        .trim_end_matches(['。', '.', '．'])
        .trim_end_matches(is_space);
    // People and times are read folded (a PDF's look-alikes: U+F9D1 is 六); the place is kept
    // as written.
    let listed = role
        .is_people()
        .then(|| people::names_run_together(written));
    let listed = listed.flatten();
    let written = listed.as_deref().unwrap_or(written);
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
                        format!(
                            "could not read a date or time in the meeting's date field: {value}"
                        ),
                    )
                    .expected(
                        "a date such as 114年11月20日 or a time such as 下午3時30分",
                        value,
                    ),
                );
            }
        }
        Role::Location => {
            let value = place(value);
            meta.location = (!value.is_empty()).then(|| value.to_string())
        }
        Role::Chair => meta.chair = people::one(value),
        Role::Recorder => meta.recorder = people::one(value),
        Role::Attendees => meta.attendees.extend(attendees(value, Status::Present)),
        Role::Observers => meta.observers.extend(attendees(value, Status::Present)),
        Role::Absent => meta.attendees.extend(attendees(value, Status::Absent)),
        _ => {}
    }
}

/// `value` without the spaces between two Chinese characters (or a bracket and one).
fn wraps_joined(value: &str) -> String {
    let han = |c: Option<char>| c.is_some_and(|c| crate::text::is_han(c) || "()（）".contains(c));
    let chars: Vec<char> = value.chars().collect();
    (0..chars.len())
        .filter(|&k| {
            chars[k] != ' '
                || !(han(k.checked_sub(1).map(|j| chars[j])) && han(chars.get(k + 1).copied()))
        })
        .map(|k| chars[k])
        .collect()
}

/// The place a location field names, without what a web page adds to it: a link's address in
/// brackets (`線上([傳送門](https://…))`, `A9 會議室(地圖:https://…)`) and an empty field run
/// on after it (`…會議室(…)報名頁:`).
fn place(value: &str) -> &str {
    let mut v = value.trim_end_matches(is_space);
    // An empty field after the place: a few characters and a colon, nothing after.
    if let Some(head) = v.strip_suffix([':', '：']) {
        let word = head
            .chars()
            .rev()
            .take_while(|&c| crate::text::is_han(c))
            .count();
        if (2..=5).contains(&word) {
            let cut: usize = head.chars().rev().take(word).map(char::len_utf8).sum();
            v = head[..head.len() - cut].trim_end_matches(is_space);
        }
    }
    // The bracket that closes the value, when it holds a web address.
    if let Some(open) = closing_bracket(v).filter(|&k| v[k..].contains("://")) {
        v = v[..open].trim_end_matches(is_space);
    }
    v
}

/// Where the bracket that ends `s` opens (brackets inside it counted), if `s` ends with one.
fn closing_bracket(s: &str) -> Option<usize> {
    let mut depth = 0;
    for (k, c) in s.char_indices().rev() {
        match c {
            ')' | '）' => depth += 1,
            '(' | '（' => depth -= 1,
            _ if depth == 0 => return None,
            _ => {}
        }
        if depth == 0 {
            return Some(k);
        }
    }
    None
}

/// The header of a page run together onto one line (`1 高雄市立蚵寮國民中學…會議紀錄 時間:106 年
/// 8 月 29 日… 地點:本校會議室 主席:…`): its fields, for what the lines before left unsaid, and
/// the title before them when it names the minutes better than any line did.
fn run_on_fields(tree: &Tree, run_on: &[u32], meta: &mut Meta, diagnostics: &mut Vec<Diagnostic>) {
    let before: Vec<Role> = [
        Role::Date,
        Role::Location,
        Role::Chair,
        Role::Recorder,
        Role::Attendees,
        Role::Observers,
    ]
    .into_iter()
    .filter(|&r| said(r, meta))
    .collect();
    let mut seen: Vec<Role> = Vec::new();
    for &line in run_on.iter().take(3) {
        let Some(id) = tree.nodes.iter().position(|n| n.line == line) else {
            continue;
        };
        let text = crate::text::fold(&tree.text(id as NodeId)).into_owned();
        let fields = crate::scan::runon::fields(&text);
        if let Some(first) = fields.first() {
            runon_title(
                without_part(&crate::text::unspaced(&text[..first.at])),
                meta,
            );
        }
        // `…伍、散會:下午3時20分。`: the end, run on too.
        if meta.end.is_none() {
            if let Some(k) = text.rfind("散會") {
                let after: String = text[k..].chars().take(16).collect();
                if let Some(&(h, m, _)) = times(&after).first() {
                    meta.end = Some(format!("{h:02}:{m:02}"));
                }
            }
        }
        for f in fields {
            let said_before = before.contains(&f.role)
                || (f.role == Role::Absent && before.contains(&Role::Attendees));
            if said_before || (!repeats(f.role) && seen.contains(&f.role)) {
                continue;
            }
            seen.push(f.role);
            // A letter-spaced list with nothing between its names is cut into names before
            // its spaces go; the next part's number after it is none of them.
            let spaced = without_part(f.value.trim_end_matches(is_space));
            let listed = f
                .role
                .is_people()
                .then(|| people::names_run_together(spaced));
            let value = match listed.flatten() {
                Some(list) => Cow::Owned(list),
                None => crate::text::unspaced(f.value),
            };
            // In a list set apart by 、, a space between Chinese characters is where a line of
            // the page broke (`王大明教 務長`): the name goes on.
            let value = if f.role.is_people() && value.matches('、').nth(1).is_some() {
                Cow::Owned(wraps_joined(&value))
            } else {
                value
            };
            take(f.role, without_part(&value), line, meta, diagnostics);
        }
    }
}

/// `…2201會議室參` → `…2201會議室`: a letter-spaced page numbers its parts without `、`, so
/// the next part's number ends the value before it.
fn without_part(value: &str) -> &str {
    value.trim_end_matches(|c| "壹貳參肆伍陸柒捌玖拾".contains(c))
}

/// The title at the start of a page run together, after the page's number (`1 `, `1、`).
fn runon_title(head: &str, meta: &mut Meta) {
    // A Markdown page run together: its title is its last heading before the fields.
    let head = crate::scan::runon::last_heading(head);
    // A page number before it (`1 高雄市立…`), not a date that starts the title (`20251110 …`).
    let head = head.trim_start_matches(is_space);
    let digits = head.bytes().take_while(u8::is_ascii_digit).count();
    let t = if digits <= 3 {
        head.trim_start_matches(|c: char| c.is_ascii_digit() || "、. ".contains(c) || is_space(c))
    } else {
        head
    };
    let t = t.trim_matches(is_space);
    // The page's own title over a document site's name for it (the site's `…第四十三次會議記錄`
    // over the page's `…第 121 次會議紀錄`), when it names the minutes as fully.
    let better = meta
        .title
        .as_deref()
        .is_none_or(|old| title_score(t) >= title_score(old));
    if names_minutes(t) && t.chars().count() <= 80 && better {
        meta.number = meeting_number(t).or(meta.number);
        if meta.body.is_none() || meta.body == meta.title {
            meta.body = body_of(t);
        }
        meta.title = Some(t.to_string());
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_without_what_a_web_page_adds() {
        assert_eq!(place("線上([傳送門](https://jitsi.example/x))"), "線上");
        assert_eq!(
            place("市府大樓 2F A9 會議室(地圖:https://maps.example/x)報名頁:"),
            "市府大樓 2F A9 會議室"
        );
        // A bracket that is part of the place stays, and so does a colon inside it.
        assert_eq!(place("本府市政大樓（北區）"), "本府市政大樓（北區）");
        assert_eq!(
            place("第一會議室（地址：中正路1號）"),
            "第一會議室（地址：中正路1號）"
        );
        assert_eq!(place("地點:"), "");
        assert_eq!(place(":"), ":");
    }
}
