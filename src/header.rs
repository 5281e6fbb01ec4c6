//! Stage 5: the meeting's metadata from the header block (FORMAT.md §1): issuing body, title,
//! meeting number, edition, date and times, place, chair, minute-taker and who attended.
//!
//! People are written packed: `韌性建設司牛司長信仁` is 牛信仁, 司長 of 韌性建設司 (unit,
//! surname, title, given name). The title list below is what splits them.

use crate::extract::{self, unit_name};
use crate::model::{Attendee, Diagnostic, Kind, Person, Severity, Status};
use crate::scanners::{self, is_space, Part, Role};
use crate::tree::{Document, FactValue, NodeId};

pub fn read(doc: &mut Document) {
    title_block(doc);
    fields(doc);
    end_time(doc);
}

fn title_block(doc: &mut Document) {
    let titles: Vec<String> = doc
        .roots()
        .take_while(|&id| doc.node(id).kind == Kind::Title)
        .map(|id| doc.text(id).into_owned())
        .collect();
    let meta = &mut doc.meta;
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

/// N of the last 第N次 of a title (`第2屆董事會第7次會議` is meeting 7), in Arabic or Chinese
/// numerals.
fn meeting_number(t: &str) -> Option<u32> {
    t.rmatch_indices('第').find_map(|(k, _)| {
        let rest = t[k + '第'.len_utf8()..].trim_start_matches(is_space);
        let (n, len) = scanners::arabic_number(rest, 6)
            .or_else(|| scanners::cjk_number(rest).map(|(v, _, n)| (v, n)))?;
        rest[len..]
            .trim_start_matches(is_space)
            .starts_with('次')
            .then_some(n)
    })
}

/// `臺北市政府第2035次市政會議紀錄`: the body written before the meeting's number or year.
fn body_prefix(t: &str) -> Option<&str> {
    let cut = t
        .char_indices()
        .find(|&(_, c)| c == '第' || scanners::digit(c).is_some())
        .map(|(k, _)| k)?;
    let head = &t[..cut];
    // An organisation, or a place that meets (臺中市北屯區仁美里).
    let place =
        head.chars().count() >= 3 && head.ends_with(['里', '村', '鄉', '鎮', '市', '區', '縣']);
    unit_name(head).or(place.then_some(head))
}

/// The header fields are those before the body starts (the first agenda item, label or
/// section other than the header's own), or at the top level.
fn fields(doc: &mut Document) {
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
        let meta = &mut doc.meta;
        match role {
            Role::Date => {
                let before = (meta.date.is_some(), meta.start.is_some());
                date_and_time(value, meta, line, &mut doc.diagnostics);
                if (meta.date.is_some(), meta.start.is_some()) == before && !value.is_empty() {
                    doc.diagnostics.push(
                        Diagnostic::new(
                            "header-unreadable",
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
fn date_and_time(
    value: &str,
    meta: &mut crate::model::Meta,
    line: u32,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut after_date = 0;
    if meta.date.is_none() {
        if let Some(f) = extract::scan(value, 0)
            .into_iter()
            .find(|f| matches!(f.value, FactValue::Date { .. }))
        {
            if let FactValue::Date { from, .. } = f.value {
                if from.year != 0 {
                    meta.date = Some(from.iso());
                    if let Some(w) = &f.weekday {
                        meta.weekday = Some(w.0.clone());
                        if let Some(d) = extract::check_weekday(from, w, line) {
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
fn end_time(doc: &mut Document) {
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
            doc.meta.end = Some(format!("{h:02}:{m:02}"));
        }
    }
}

/// Times of day in a text: (hour, minute, whether a range word joins it to the one before).
/// `上午`/`下午`/`中午`/`晚上` carry over to the times after them (`下午2時至4時`).
pub fn times(s: &str) -> Vec<(u8, u8, bool)> {
    let mut out = Vec::new();
    let mut pm: Option<bool> = None;
    let mut noon = false;
    let mut range = false;
    let mut k = 0;
    while k < s.len() {
        let rest = &s[k..];
        let c = rest.chars().next().unwrap_or(' ');
        let mut matched = false;
        for (word, is_pm, is_noon) in [
            ("上午", false, false),
            ("早上", false, false),
            ("凌晨", false, false),
            ("中午", true, true),
            ("下午", true, false),
            ("傍晚", true, false),
            ("晚上", true, false),
            ("晚間", true, false),
        ] {
            if rest.starts_with(word) {
                pm = Some(is_pm);
                noon = is_noon;
                k += word.len();
                matched = true;
                break;
            }
        }
        if matched {
            continue;
        }
        if matches!(c, '至' | '到' | '~' | '～' | '-' | '－' | '—' | '–') {
            range = true;
            k += c.len_utf8();
            continue;
        }
        let prev_digit = s[..k]
            .chars()
            .next_back()
            .is_some_and(|p| scanners::digit(p).is_some());
        let num = if prev_digit {
            None
        } else {
            scanners::arabic_number(rest, 2)
                .or_else(|| scanners::cjk_number(rest).map(|(v, _, n)| (v, n)))
        };
        if let Some((h, n)) = num {
            let after = &rest[n..];
            let sep = after.trim_start_matches(is_space);
            let sep_c = sep.chars().next();
            if h <= 24 && matches!(sep_c, Some('時' | '點' | ':' | '：')) {
                let colon = matches!(sep_c, Some(':' | '：'));
                let mut j = k + n + (after.len() - sep.len()) + sep_c.map_or(0, char::len_utf8);
                let tail = &s[j..];
                let tail_t = tail.trim_start_matches(is_space);
                let (m, used) = if tail_t.starts_with('半') {
                    (30, tail.len() - tail_t.len() + '半'.len_utf8())
                } else if let Some((m, mn)) = scanners::arabic_number(tail_t, 2)
                    .or_else(|| scanners::cjk_number(tail_t).map(|(v, _, n)| (v, n)))
                {
                    let after_m = &tail_t[mn..];
                    let unit = after_m.trim_start_matches(is_space);
                    let used = tail.len() - tail_t.len() + mn;
                    if unit.starts_with('分') {
                        (m, used + (after_m.len() - unit.len()) + '分'.len_utf8())
                    } else if colon && m < 60 {
                        (m, used)
                    } else {
                        (0, 0)
                    }
                } else if colon {
                    // 14: without minutes is not a time.
                    k += n;
                    continue;
                } else {
                    (0, 0)
                };
                if m < 60 {
                    let mut hour = h;
                    if pm == Some(true) && hour < 12 && !(noon && hour >= 11) {
                        hour += 12;
                    }
                    out.push((hour.min(24) as u8, m as u8, range && !out.is_empty()));
                    range = false;
                    j += used;
                    k = j;
                    continue;
                }
            }
            k += n;
            continue;
        }
        k += c.len_utf8();
    }
    out
}

/// Titles of office, longest first where one contains another.
const TITLES: &[&str] = &[
    "高級分析師",
    "政務副首長",
    "政務次長",
    "常務次長",
    "主任秘書",
    "副主任委員",
    "主任委員",
    "副執行長",
    "執行秘書",
    "副秘書長",
    "專門委員",
    "簡任技正",
    "簡任秘書",
    "簡任視察",
    "副總經理",
    "副董事長",
    "副理事長",
    "助理研究員",
    "副研究員",
    "助理教授",
    "副教授",
    "副總幹事",
    "護理長",
    "主治醫師",
    "執行長",
    "秘書長",
    "分析師",
    "設計師",
    "總經理",
    "董事長",
    "理事長",
    "副院長",
    "副署長",
    "副司長",
    "副處長",
    "副局長",
    "副主任",
    "副市長",
    "副縣長",
    "副鄉長",
    "副鎮長",
    "副區長",
    "副校長",
    "副部長",
    "副議長",
    "副組長",
    "副所長",
    "副館長",
    "副隊長",
    "研究員",
    "總幹事",
    "教務長",
    "學務長",
    "總務長",
    "研發長",
    "系主任",
    "召集人",
    "會計師",
    "工程師",
    "副主委",
    "委員長",
    "院長",
    "署長",
    "司長",
    "處長",
    "局長",
    "主任",
    "市長",
    "縣長",
    "鄉長",
    "鎮長",
    "區長",
    "校長",
    "教授",
    "部長",
    "次長",
    "參事",
    "技監",
    "顧問",
    "委員",
    "組長",
    "科長",
    "股長",
    "課長",
    "專員",
    "科員",
    "技正",
    "技士",
    "視察",
    "秘書",
    "所長",
    "館長",
    "隊長",
    "主席",
    "代表",
    "議員",
    "議長",
    "主委",
    "律師",
    "經理",
    "協理",
    "襄理",
    "幹事",
    "里長",
    "村長",
    "督學",
    "醫師",
    "老師",
    "教師",
    "主計",
    "助理",
    "組員",
    "辦事員",
    "書記",
    "幹部",
    "廳長",
    "首長",
    "常務董事",
    "常務監事",
    "常務理事",
    "董事",
    "監事",
    "理事",
    "課員",
    "股員",
    "參議",
    "諮議",
    "村幹事",
    "里幹事",
    "檢察官",
    "法官",
    "技術員",
    "管理師",
    "護理師",
    "社工師",
    "藥師",
    "召集委員",
    "總工程司",
    "工程司",
    "總稽核",
    "稽核",
    "分隊長",
    "大隊長",
    "中隊長",
    "小隊長",
    "廠長",
    "站長",
    "國際長",
    "獨立董事",
    "會長",
];

/// Common surnames in Taiwan: a name's first character, as opposed to a unit's
/// (`財政局長` is the 局長 of 財政局; `王大明局長` is 王大明).
const SURNAMES: &str = "陳林黃張李王吳劉蔡楊許鄭謝洪郭邱曾廖賴徐周葉蘇莊呂江何蕭羅高潘簡朱鍾彭游詹胡施沈余盧梁趙顏柯翁魏孫戴范方宋鄧杜傅侯曹薛丁卓阮馬董温溫唐藍石蔣古紀姚連馮歐程湯田康姜白汪鄒尤巫鐘黎涂龔嚴韓袁金童陸夏柳凃邵錢伍倪于譚駱熊任甘秦顧毛章史官萬俞雷粘饒龍葛全伍田";

/// The characters that end a unit's name and begin its head's title: 局 of 局長.
const UNIT_TITLE_HEADS: &str = "局處司署院科課組隊所館室會校";

const DOUBLE_SURNAMES: &[&str] = &[
    "歐陽", "司馬", "上官", "諸葛", "東方", "皇甫", "尉遲", "公孫", "慕容", "長孫", "宇文", "司徒",
    "令狐", "張簡", "范姜", "周黃", "張廖", "簡張", "江謝", "徐辜", "劉張",
];

/// Title matches in `chars`: (position, length), longest first at each position, no overlap.
fn title_matches(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut p = 0;
    while p < chars.len() {
        let found = TITLES.iter().filter_map(|t| {
            let n = t.chars().count();
            (p + n <= chars.len() && chars[p..p + n].iter().copied().eq(t.chars())).then_some(n)
        });
        if let Some(n) = found.max() {
            // 副 makes a deputy of any title: 副執行秘書.
            if p > 0 && chars[p - 1] == '副' && out.last().is_none_or(|&(a, m)| a + m < p) {
                out.push((p - 1, n + 1));
            } else {
                out.push((p, n));
            }
            p += n;
        } else {
            p += 1;
        }
    }
    out
}

fn s(chars: &[char]) -> Option<String> {
    (!chars.is_empty()).then(|| chars.iter().collect())
}

/// One person as written in a header: `林部長宜敬`, `韌性建設司牛司長信仁`, `市長 陳其邁`,
/// `陳其邁市長`, `秘書處處長王大明`, `林怡芬`.
pub fn person(raw: &str) -> Person {
    let raw = raw.trim_matches(is_space);
    let core = strip_brackets(raw);
    let mut p = Person {
        raw: raw.to_string(),
        ..Person::default()
    };
    // Spaced: `市長 陳其邁`, `秘書處 處長 王大明`, `陳其邁 市長`, `消防局分隊長 余國勝`. Each
    // piece is read alone: the one that is only a name gives the name.
    let tokens: Vec<&str> = core.split(is_space).filter(|t| !t.is_empty()).collect();
    if tokens.len() >= 2 {
        for t in &tokens {
            let q = person(t);
            if q.title.is_none() && q.unit.is_none() {
                p.name = p.name.or(q.name);
            } else {
                p.title = p.title.or(q.title);
                p.unit = p.unit.or(q.unit);
                p.name = p.name.or(q.name);
            }
        }
        return p;
    }
    // `秘書室`: a unit, nobody named.
    if unit_name(core).is_some() {
        p.unit = Some(core.to_string());
        return p;
    }
    let chars: Vec<char> = core.chars().collect();
    let matches = title_matches(&chars);
    let surname_len = |before: &[char]| {
        if before.len() >= 2
            && DOUBLE_SURNAMES
                .iter()
                .any(|d| before[before.len() - 2..].iter().copied().eq(d.chars()))
        {
            2
        } else {
            1
        }
    };
    // Which title splits the string: score each reading, keep the best (the rightmost on ties).
    let score = |&(at, n): &(usize, usize)| {
        let before = &chars[..at];
        let after = chars.len() - at - n;
        if !before.is_empty() && names_unit(before) && (2..=4).contains(&after) {
            4 // 秘書處處長王大明
        } else if !before.is_empty() && (1..=2).contains(&after) {
            let head = &before[..before.len() - surname_len(before).min(before.len())];
            if head.is_empty() || names_unit(head) {
                3 // 林部長宜敬, 韌性建設司牛司長信仁
            } else {
                2
            }
        } else if after == 0 {
            2 // 陳其邁市長
        } else if at == 0 && (2..=4).contains(&after) {
            1 // 部長林宜敬
        } else {
            0
        }
    };
    let pick = matches.iter().rev().max_by_key(|m| score(m));
    // No title reads well (`秘書處何欣怡`): a unit and a name, when they split cleanly.
    if pick.is_none_or(|m| score(m) <= 1) {
        if let (Some(unit), Some(name)) = split_unit(&chars) {
            if (2..=3).contains(&name.chars().count())
                && title_matches(&name.chars().collect::<Vec<_>>()).is_empty()
            {
                p.unit = Some(unit);
                p.name = Some(name);
                return p;
            }
        }
    }
    let Some(&(at, n)) = pick else {
        // No title: a name, or a unit.
        if unit_name(core).is_some() {
            p.unit = Some(core.to_string());
        } else {
            p.name = s(&chars);
        }
        return p;
    };
    let before = &chars[..at];
    let after = &chars[at + n..];
    p.title = s(&chars[at..at + n]);
    let before_s: String = before.iter().collect();
    if after.is_empty() {
        // `陳其邁市長`, `秘書處處長`, `交通部王大明代表`, and `財政局長`: the head of 財政局,
        // the unit's last character also the title's first.
        let shared = chars[at];
        if before.is_empty() {
        } else if unit_name(&before_s).is_some() {
            p.unit = Some(before_s);
        } else if before.len() >= 2
            && !SURNAMES.contains(before[0])
            && UNIT_TITLE_HEADS.contains(shared)
        {
            let mut unit = before_s.clone();
            unit.push(shared);
            p.unit = Some(unit);
        } else {
            let (unit, name) = split_unit(before);
            p.unit = unit;
            p.name = name;
        }
    } else if before.is_empty() {
        p.name = s(after); // `部長林宜敬`
    } else if unit_name(&before_s).is_some() && after.len() >= 2 {
        // `秘書處處長王大明`: a unit, the title, the whole name.
        p.unit = Some(before_s);
        p.name = s(after);
    } else {
        // Packed: unit, surname, title, given name.
        let sn = surname_len(before);
        let surname = &before[before.len() - sn..];
        p.unit = s(&before[..before.len() - sn]);
        let mut name: Vec<char> = surname.to_vec();
        name.extend_from_slice(after);
        p.name = s(&name);
    }
    p
}

/// Whether `chars` name a unit. A unit's name is short: a long run (a list without separators)
/// is rejected before it is copied, since people are read at every title found in it.
fn names_unit(chars: &[char]) -> bool {
    chars.len() <= 90 && unit_name(&chars.iter().collect::<String>()).is_some()
}

/// `交通部王大明` → (交通部, 王大明): the longest head that names a unit, before a name of two
/// to four characters.
fn split_unit(chars: &[char]) -> (Option<String>, Option<String>) {
    if chars.len() > 4 {
        // Only the cuts that leave a name of two to four characters.
        for cut in (chars.len().saturating_sub(4).max(2)..chars.len() - 1).rev() {
            if names_unit(&chars[..cut]) {
                return (s(&chars[..cut]), s(&chars[cut..]));
            }
        }
    }
    (None, s(chars))
}

/// The text without its trailing bracketed notes (`（請假）`).
fn strip_brackets(raw: &str) -> &str {
    let mut t = raw.trim_matches(is_space);
    while t.ends_with(['）', ')']) {
        let Some(open) = t.rfind(['（', '(']) else {
            break;
        };
        t = t[..open].trim_end_matches(is_space);
    }
    t
}

/// A list of people: `A、B、C（請假）、D（E代）`, across lines, with `單位：A、B` groups.
pub fn attendees(value: &str, default: Status) -> Vec<Attendee> {
    let v = value.trim_matches(is_space);
    // 如簽到表: the names are elsewhere.
    if v.is_empty() || ["簽到", "詳如", "如附"].iter().any(|w| v.contains(w)) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut group_unit: Option<String> = None;
    for item in split_list(v) {
        let mut item = item.trim_matches(|c: char| is_space(c) || "。.".contains(c));
        // `交通部：王科長大明` opens a group.
        if let Some(k) = item.find(['：', ':']) {
            let head = item[..k].trim_matches(is_space);
            group_unit = Some(head.to_string());
            item = item[k..]
                .trim_start_matches(['：', ':'])
                .trim_matches(is_space);
        }
        if item.is_empty() {
            continue;
        }
        let mut status = default;
        let mut substitute = None;
        let mut note = item;
        while note.ends_with(['）', ')']) {
            let Some(open) = note.rfind(['（', '(']) else {
                break;
            };
            let inner = note[open..]
                .trim_start_matches(['（', '('])
                .trim_end_matches(['）', ')'])
                .trim();
            if ["請假", "公假", "事假", "病假", "缺席", "未出席", "未克出席"]
                .iter()
                .any(|w| inner.contains(w))
            {
                status = Status::Absent;
            } else if let Some(who) = substitute_of(inner) {
                status = Status::Substituted;
                substitute = Some(person(who));
            }
            note = note[..open].trim_end_matches(is_space);
        }
        let p = person(note);
        out.push(Attendee {
            name: p.name,
            title: p.title,
            unit: p.unit.or_else(|| group_unit.clone()),
            raw: item.to_string(),
            status,
            substitute,
        });
    }
    out
}

/// `陳高級分析師坤中代`, `由王科長代理`, `代理人：王大明`: the substitute.
fn substitute_of(inner: &str) -> Option<&str> {
    let t = inner.trim_matches(is_space);
    let t = t
        .strip_prefix("代理人")
        .map(|r| r.trim_start_matches(['：', ':']))
        .unwrap_or(t);
    let t2 = t.strip_prefix('由').unwrap_or(t);
    let who = t2
        .strip_suffix("代理")
        .or_else(|| t2.strip_suffix("代理出席"))
        .or_else(|| t2.strip_suffix("代出席"))
        .or_else(|| t2.strip_suffix('代'))
        .or_else(|| (t != inner.trim() || t2 != t).then_some(t2))?;
    let who = who.trim_matches(is_space);
    (!who.is_empty() && who.chars().count() <= 20).then_some(who)
}

/// Splits a list of people on 、，,；; and spaces (not inside brackets), then joins a title or
/// unit to the name beside it: `經濟部政務次長　何俊明`, `陳其邁 市長` are one person each.
fn split_list(v: &str) -> Vec<String> {
    let mut pieces: Vec<(&str, bool)> = Vec::new(); // (piece, a separator other than space before it)
    let mut depth = 0i32;
    let mut start = 0;
    let mut hard = true;
    for (k, c) in v.char_indices() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth -= 1,
            '、' | '，' | ',' | '；' | ';' | '\n' if depth <= 0 => {
                pieces.push((&v[start..k], hard));
                start = k + c.len_utf8();
                hard = true;
            }
            c if is_space(c) && depth <= 0 => {
                if !v[start..k].trim_matches(is_space).is_empty() {
                    pieces.push((&v[start..k], hard));
                    hard = false;
                }
                start = k + c.len_utf8();
            }
            _ => {}
        }
    }
    pieces.push((&v[start..], hard));
    let pieces: Vec<(&str, bool)> = pieces
        .into_iter()
        .map(|(p, h)| (p.trim_matches(is_space), h))
        .filter(|(p, _)| !p.is_empty())
        .collect();
    let name_only = |p: &str| {
        let q = person(p);
        q.title.is_none()
            && q.unit.is_none()
            && q.name.is_some_and(|n| (2..=4).contains(&n.chars().count()))
    };
    let mut out: Vec<String> = Vec::new();
    let mut last_joinable = false;
    for (p, hard) in pieces {
        let who = person(p);
        let title_only = who.name.is_none() && (who.title.is_some() || who.unit.is_some());
        let is_title = TITLES.contains(&strip_brackets(p));
        if !hard && last_joinable && (name_only(p) || (who.name.is_some() && who.unit.is_none())) {
            // A title or unit, then the name (or a person with their title): one person.
            out.last_mut().unwrap().push_str(&format!(" {p}"));
            last_joinable = false;
        } else if !hard && is_title && out.last().is_some_and(|l| name_only(l)) {
            // A name, then the title.
            out.last_mut().unwrap().push_str(&format!(" {p}"));
            last_joinable = false;
        } else {
            out.push(p.to_string());
            last_joinable = title_only;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn who(raw: &str) -> (Option<String>, Option<String>, Option<String>) {
        let p = person(raw);
        (p.name, p.title, p.unit)
    }

    fn o(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn packed_people() {
        assert_eq!(who("林部長宜敬"), (o("林宜敬"), o("部長"), None));
        assert_eq!(
            who("韌性建設司牛司長信仁"),
            (o("牛信仁"), o("司長"), o("韌性建設司"))
        );
        assert_eq!(who("葉常務次長寧"), (o("葉寧"), o("常務次長"), None));
        assert_eq!(who("胡主任秘書貝蒂"), (o("胡貝蒂"), o("主任秘書"), None));
        assert_eq!(
            who("秘書處陳處長仲山"),
            (o("陳仲山"), o("處長"), o("秘書處"))
        );
        assert_eq!(
            who("國家資通安全研究院林院長盈達"),
            (o("林盈達"), o("院長"), o("國家資通安全研究院"))
        );
        assert_eq!(
            who("陳高級分析師坤中"),
            (o("陳坤中"), o("高級分析師"), None)
        );
        assert_eq!(who("歐陽科長志明"), (o("歐陽志明"), o("科長"), None));
    }

    #[test]
    fn other_ways_of_writing_people() {
        assert_eq!(who("林怡芬"), (o("林怡芬"), None, None));
        assert_eq!(who("市長 陳其邁"), (o("陳其邁"), o("市長"), None));
        assert_eq!(who("陳其邁市長"), (o("陳其邁"), o("市長"), None));
        assert_eq!(who("部長林宜敬"), (o("林宜敬"), o("部長"), None));
        assert_eq!(
            who("秘書處處長王大明"),
            (o("王大明"), o("處長"), o("秘書處"))
        );
        assert_eq!(who("秘書處處長"), (None, o("處長"), o("秘書處")));
        assert_eq!(who("人事室"), (None, None, o("人事室")));
    }

    #[test]
    fn attendee_lists() {
        let a = attendees(
            "侯政務次長宜秀、鄭參事明宗（請假）、韌性建設司牛司長信仁（陳高級分析師坤中代）",
            Status::Present,
        );
        assert_eq!(a.len(), 3);
        assert_eq!(a[0].status, Status::Present);
        assert_eq!(a[1].status, Status::Absent);
        assert_eq!(a[1].name.as_deref(), Some("鄭明宗"));
        assert_eq!(a[2].status, Status::Substituted);
        let sub = a[2].substitute.as_ref().unwrap();
        assert_eq!(
            (sub.name.as_deref(), sub.title.as_deref()),
            (Some("陳坤中"), Some("高級分析師"))
        );
        let a = attendees("王大明　李小華  陳美玲", Status::Present);
        assert_eq!(a.len(), 3);
        let a = attendees(
            "交通部：王科長大明、李技正小華；內政部：陳專員美玲",
            Status::Present,
        );
        assert_eq!(a[1].unit.as_deref(), Some("交通部"));
        assert_eq!(a[2].unit.as_deref(), Some("內政部"));
        assert!(attendees("如簽到表", Status::Present).is_empty());
        let a = attendees("李處長小華（由張科長美玲代理）", Status::Present);
        assert_eq!(
            a[0].substitute.as_ref().unwrap().name.as_deref(),
            Some("張美玲")
        );
    }

    #[test]
    fn times_of_day() {
        assert_eq!(times("下午3時30分"), [(15, 30, false)]);
        assert_eq!(times("上午9時至12時"), [(9, 0, false), (12, 0, true)]);
        assert_eq!(times("下午2時至4時30分"), [(14, 0, false), (16, 30, true)]);
        assert_eq!(times("14:00-16:30"), [(14, 0, false), (16, 30, true)]);
        assert_eq!(times("中午12時10分"), [(12, 10, false)]);
        assert_eq!(times("下午二時三十分"), [(14, 30, false)]);
        assert_eq!(times("上午10時半"), [(10, 30, false)]);
    }

    #[test]
    fn meeting_numbers_and_bodies() {
        assert_eq!(meeting_number("第18次主管會議紀錄"), Some(18));
        assert_eq!(meeting_number("113年第二次校務會議紀錄"), Some(2));
        assert_eq!(
            body_prefix("臺北市政府第2035次市政會議紀錄"),
            Some("臺北市政府")
        );
    }
}
