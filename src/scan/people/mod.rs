//! People as a header writes them. They come packed: `韌性建設司牛司長信仁` is 牛信仁, 司長 of
//! 韌性建設司 (unit, surname, title, given name); the titles and surnames that split them are
//! data (src/lexicon/titles.txt, surnames.txt).

use crate::lexicon;
use crate::model::{Attendee, Person, Status};
use crate::scan::unit::unit_name;
use crate::text::is_space;

mod list;
pub use list::{attendees, dedupe, names_run_together};

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
        // `委員` inside `原住民族委員會` is the unit's name, not a title.
        let found = found.filter(|&n| chars.get(p + n) != Some(&'會'));
        if let Some(n) = found {
            // 副 makes a deputy of any title (副執行秘書), 總 its head (總會長), 兼 an office held
            // besides another (兼主任委員, 兼副主任委員).
            let free = |k: usize| out.last().is_none_or(|&(a, m)| a + m <= k);
            let mut at = p;
            while at > 0
                && matches!(chars[at - 1], '副' | '兼' | '總')
                && free(at - 1)
                && at + 2 > p
            {
                at -= 1;
            }
            match out.last_mut() {
                // `主計主任`, `總務主任`: two titles one after the other are one office.
                Some((a, m)) if *a + *m == at => *m += n + p - at,
                _ => out.push((at, n + p - at)),
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

/// The person a chair's or recorder's field names, if it names one: a field that holds a
/// sentence (a transcript's `主席：現在開會，…`) or a list of parts names nobody.
pub fn one(value: &str) -> Option<Person> {
    let v = value.trim_matches(is_space);
    let sentence = v.contains(['，', ',', '。', '、', '；', '?', '？'])
        || crate::text::has_clause_punctuation(v)
        || v.chars().count() > 40;
    (!v.is_empty() && !sentence).then(|| person(v))
}

/// `主席洪若珊：現在開始進行…`: a transcript's chair, named as the first to speak.
pub fn speaking_chair(text: &str) -> Option<Person> {
    let rest = text.strip_prefix("主席")?;
    let colon = rest.find(['：', ':'])?;
    let name = &rest[..colon];
    let chars: Vec<char> = name.chars().collect();
    ((2..=4).contains(&chars.len())
        && lexicon::is_surname(chars[0])
        && chars.iter().all(|&c| crate::text::is_han(c)))
    .then(|| Person {
        name: Some(name.to_string()),
        title: Some("主席".to_string()),
        unit: None,
        raw: format!("主席{name}"),
    })
}

/// Whether a line that follows a list of people goes on with it: its entries are short, and most
/// of them start with a surname, name a title, or open a `單位：` group. A sentence, a heading of
/// the agenda, a list of tasks is where the list ended.
pub fn looks_like_people(line: &str) -> bool {
    let line = line.trim_matches(is_space);
    if line.is_empty() || line.trim_end_matches(['。', '.']).contains('。') {
        return false;
    }
    if line.matches(['，', ',']).count() >= 2 || line.ends_with(['：', ':']) {
        return false;
    }
    let mut entries = 0;
    let mut people = 0;
    for piece in line
        .split(|c: char| matches!(c, '、' | '，' | ',' | '；' | ';') || is_space(c))
        .map(|p| p.trim_end_matches(['。', '.']))
        .filter(|p| !p.is_empty())
    {
        let piece = strip_brackets(piece);
        // `(10月18日)下午`: when a group met, neither a person nor the end of the list.
        if piece.is_empty() || piece.chars().any(|c| crate::text::digit(c).is_some()) {
            continue;
        }
        entries += 1;
        if piece.contains(['：', ':']) {
            people += 1; // a `單位：姓名` group
            continue;
        }
        let p = person(piece);
        let surname = p
            .name
            .as_deref()
            .and_then(|n| n.chars().next())
            .is_some_and(lexicon::is_surname);
        if p.title.is_some() || (p.name.is_some() && surname) {
            people += 1;
        }
    }
    people * 2 >= entries
}

/// Whether a list entry is a person at all: not a count (`委員出席12人`, `(10月17日)上午`), not
/// everyone (`全體會員代表`).
fn not_a_person(entry: &str) -> bool {
    entry.chars().any(|c| crate::text::digit(c).is_some())
        || entry.starts_with("全體")
        || entry.starts_with("所有")
}

/// A name as names are: two to four characters (a married name, 黃呂錦茹, counts four), or an
/// indigenous name with its dot (`巴干.巴萬`, `馬耀‧谷木`).
fn name_like(name: &str) -> bool {
    let n = name.chars().count();
    let dotted = name.contains(['.', '‧', '·', '・']);
    // `Debbie`, `ballfish`: a community's members by the names they go by.
    let latin = name.len() <= 24
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || " .-_".contains(c));
    (1..=4).contains(&n) || (dotted && n <= 12) || latin
}

/// One person as written in a header: `林部長宜敬`, `韌性建設司牛司長信仁`, `市長 陳其邁`,
/// `陳其邁市長`, `秘書處處長王大明`, `林怡芬`.
pub fn person(raw: &str) -> Person {
    let mut p = person_unchecked(raw);
    if p.name.as_deref().is_some_and(|n| !name_like(n)) {
        p.name = None;
    }
    p
}

fn person_unchecked(raw: &str) -> Person {
    let raw = raw.trim_matches(is_space);
    let core = strip_brackets(raw);
    let mut p = Person {
        raw: raw.to_string(),
        ..Person::default()
    };
    // A romanised name after the Chinese one (`巴干.巴萬Bakan Pawa`) is the same person; those
    // who came with them (`…吳釗燮及所屬人員`) are not named.
    let core = without_romanisation(core);
    let core = lexicon::COMPANIONS
        .iter()
        .find_map(|w| core.strip_suffix(w))
        .unwrap_or(core)
        .trim_end_matches(is_space);
    // Spaced: `市長 陳其邁`, `秘書處 處長 王大明`, `陳其邁 市長`, `消防局分隊長 余國勝`, and spaces
    // a PDF left inside a packed name (`鐘校長 長生`, `吳 局長宗榮`): short, it is read packed
    // first; otherwise each piece is read alone, and the one that is only a name gives it.
    let tokens: Vec<&str> = core.split(is_space).filter(|t| !t.is_empty()).collect();
    // `許 佳 豪`: a name letter-spaced, one character a piece.
    if tokens.len() >= 2 && tokens.len() <= 4 && tokens.iter().all(|t| t.chars().count() == 1) {
        let name = tokens.concat();
        if name.chars().next().is_some_and(lexicon::is_surname) {
            return Person {
                name: Some(name),
                ..p
            };
        }
    }
    if tokens.len() >= 2 {
        let packed: String = tokens.concat();
        if packed.chars().count() <= 9 {
            let q = person(&packed);
            if q.name.as_deref().is_some_and(|n| {
                (2..=4).contains(&n.chars().count())
                    && n.chars().next().is_some_and(lexicon::is_surname)
            }) && q.title.is_some()
            {
                return Person { raw: p.raw, ..q };
            }
        }
    }
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
    // `秘書室`: a unit, nobody named; but `呂新科` is a person (a surname, then a short given
    // name that happens to end like a unit).
    let short_name = core.chars().count() <= 3
        && core.chars().next().is_some_and(lexicon::is_surname)
        && title_matches(&core.chars().collect::<Vec<_>>()).is_empty();
    if unit_name(core).is_some() && !short_name {
        p.unit = Some(core.to_string());
        return p;
    }
    let chars: Vec<char> = core.chars().collect();
    let matches = title_matches(&chars);
    // `財委張麗君`, `監委洪堯宇`: a committee's members named by their charge, one character
    // and 委, before a name that starts with a surname.
    if matches.is_empty()
        && (4..=5).contains(&chars.len())
        && chars[1] == '委'
        && !lexicon::is_surname(chars[0])
        && lexicon::is_surname(chars[2])
    {
        p.title = s(&chars[..2]);
        p.name = s(&chars[2..]);
        return p;
    }
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
    // Another title after this one: the person's name comes after that one.
    let titled_after = |at: usize, n: usize| matches.iter().any(|&(a, _)| a >= at + n);
    let score = |&(at, n): &(usize, usize)| {
        let before = &chars[..at];
        let after = chars.len() - at - n;
        if titled_after(at, n) {
            0
        } else if !before.is_empty() && names_unit(before) && (2..=4).contains(&after) {
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
        if unit_name(core).is_some() && !short_name {
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
        // `理學院王文雄院長`: a unit and a whole name before the title, not a unit 理學院王文雄院;
        // `學生代表林怡君同學`: a title, then the name.
        let whole_name = |n: &[char]| (2..=3).contains(&n.len()) && lexicon::is_surname(n[0]);
        let unit_and_name = match split_unit(before) {
            (Some(unit), Some(name)) if whole_name(&name.chars().collect::<Vec<_>>()) => {
                Some((unit, name))
            }
            _ => title_matches(before)
                .last()
                .filter(|&&(t, n)| t > 0 && whole_name(&before[t + n..]))
                .and_then(|&(t, n)| Some((s(&before[..t + n])?, s(&before[t + n..])?))),
        };
        if before.is_empty() {
        } else if unit_name(&before_s).is_some() {
            p.unit = Some(before_s);
        } else if let Some((unit, name)) = unit_and_name {
            p.unit = Some(unit);
            p.name = Some(name);
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
    } else if (unit_name(&before_s).is_some() && after.len() >= 2)
        || (before.len() >= 2 && after.len() >= 3 && title_matches(after).is_empty())
    {
        // `秘書處處長王大明`, `本會秘書劉師政`: a unit, the title, the whole name (a given name
        // has one or two characters, so three after the title are a whole name). `財政局長
        // 蘇怡君`: the unit's last character is also the title's first.
        let shared = chars[at];
        p.unit = Some(
            if unit_name(&before_s).is_none() && UNIT_TITLE_HEADS.contains(shared) {
                format!("{before_s}{shared}")
            } else {
                before_s
            },
        );
        p.name = s(after);
    } else if before.len() <= 2 && before.iter().all(|&c| lexicon::is_surname(c)) {
        // `黃呂委員錦茹`: both surnames (a married name), the title, the given name.
        let mut name: Vec<char> = before.to_vec();
        name.extend_from_slice(after);
        p.name = s(&name);
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
            // A title is no name (`第一組` + `首席參事`).
            if names_unit(&chars[..cut]) && title_matches(&chars[cut..]).is_empty() {
                return (s(&chars[..cut]), s(&chars[cut..]));
            }
        }
    }
    (None, s(chars))
}

/// `巴干.巴萬Bakan Pawa` → `巴干.巴萬`, `廖國棟Sufin.Siluko` → `廖國棟`: a Chinese name followed
/// by its romanisation.
fn without_romanisation(s: &str) -> &str {
    let t = s.trim_end_matches(|c: char| {
        c.is_ascii_alphabetic() || matches!(c, ' ' | '.' | '‧' | '·' | '\'' | '-')
    });
    if t.len() < s.len() && t.chars().any(crate::text::is_han) {
        t.trim_end_matches(is_space)
    } else {
        s
    }
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

    /// Each attendee's name and status.
    fn named(a: &[Attendee]) -> Vec<(&str, Status)> {
        a.iter()
            .map(|a| (a.name.as_deref().unwrap(), a.status))
            .collect()
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
        // A unit, a whole name, the title after it; a title, a whole name, a title.
        assert_eq!(
            who("理學院王文雄院長"),
            (o("王文雄"), o("院長"), o("理學院"))
        );
        assert_eq!(
            who("學生代表林怡君同學"),
            (o("林怡君"), o("同學"), o("學生代表"))
        );
        assert_eq!(who("財政局長"), (None, o("局長"), o("財政局")));
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
    fn people_as_real_minutes_write_them() {
        assert_eq!(
            who("林兼主任委員崇一"),
            (o("林崇一"), o("兼主任委員"), None)
        );
        assert_eq!(
            who("陳兼副主任委員永仁"),
            (o("陳永仁"), o("兼副主任委員"), None)
        );
        assert_eq!(who("鐘校長 長生"), (o("鐘長生"), o("校長"), None));
        assert_eq!(who("吳 局長宗榮"), (o("吳宗榮"), o("局長"), None));
        assert_eq!(who("黃呂委員錦茹"), (o("黃呂錦茹"), o("委員"), None));
        assert_eq!(who("本會秘書劉師政"), (o("劉師政"), o("秘書"), o("本會")));
        assert_eq!(who("呂新科"), (o("呂新科"), None, None));
        assert_eq!(who("陳校長"), (o("陳"), o("校長"), None));
        let names = |v: &str| -> Vec<String> {
            attendees(v, Status::Present)
                .into_iter()
                .filter_map(|a| a.name)
                .collect()
        };
        assert_eq!(
            names("李文雄吳春梅、陳國君"),
            ["李文雄", "吳春梅", "陳國君"]
        );
        assert_eq!(names("陳 菊     郭吉仁 卓 藤"), ["陳菊", "郭吉仁", "卓藤"]);
        assert_eq!(names("本 會：楊 綱、吳家善"), ["楊綱", "吳家善"]);
        assert_eq!(names("交工處：（未派員）    停管處：林麗珠"), ["林麗珠"]);
        assert_eq!(
            names("巴干.巴萬Bakan Pawa、徐世勲"),
            ["巴干.巴萬", "徐世勲"]
        );
        let a = attendees("陳建宏林凱代  張國華代", Status::Present);
        assert_eq!(a[0].name.as_deref(), Some("陳建宏"));
        assert_eq!(
            a[0].substitute.as_ref().and_then(|s| s.name.as_deref()),
            Some("林凱")
        );
        assert_eq!(a[1].name.as_deref(), Some("張國華"));
        // A name a wrap cut after two characters; a group of those away.
        let a = attendees(
            "理事:郭麗琴、童偉 豪、潘奕達 請假人員:蔡銀展",
            Status::Present,
        );
        assert_eq!(
            named(&a),
            [
                ("郭麗琴", Status::Present),
                ("童偉豪", Status::Present),
                ("潘奕達", Status::Present),
                ("蔡銀展", Status::Absent)
            ]
        );
        // A community committee's members by their charge; a note after a space.
        assert_eq!(who("財委張麗君"), (o("張麗君"), o("財委"), None));
        assert_eq!(who("主計主任林照銘"), (o("林照銘"), o("主計主任"), None));
        let a = attendees(
            "主委郭子仁、副主委孟秀芳 (請假)、監委洪堯宇 (請假委託代理)",
            Status::Present,
        );
        assert_eq!(
            named(&a),
            [
                ("郭子仁", Status::Present),
                ("孟秀芳", Status::Absent),
                ("洪堯宇", Status::Absent)
            ]
        );
    }
}
