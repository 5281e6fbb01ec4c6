//! People as a header writes them. They come packed: `韌性建設司牛司長信仁` is 牛信仁, 司長 of
//! 韌性建設司 (unit, surname, title, given name); the titles and surnames that split them are
//! data (src/lexicon/titles.txt, surnames.txt).

use crate::lexicon;
use crate::model::{Attendee, Person, Status};
use crate::scan::unit::unit_name;
use crate::text::is_space;

/// The characters that end a unit's name and begin its head's title: 局 of 局長.
const UNIT_TITLE_HEADS: &str = "局處司署院科課組隊所館室會校";

/// Title matches in `chars`: (position, length), longest first at each position, no overlap.
fn title_matches(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut p = 0;
    while p < chars.len() {
        // The longest title that starts here: the lexicon lists them longest first.
        let found = lexicon::titles_starting(chars[p])
            .iter()
            .find_map(|(t, _)| {
                let n = t.chars().count();
                (p + n <= chars.len() && chars[p..p + n].iter().copied().eq(t.chars())).then_some(n)
            });
        if let Some(n) = found {
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
            && lexicon::DOUBLE_SURNAMES
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
            && !lexicon::is_surname(before[0])
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
            if lexicon::ABSENCE.iter().any(|w| inner.contains(w)) {
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
        let is_title = lexicon::is_title(strip_brackets(p));
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
}
