//! A page run together onto one line. Document-sharing sites and some copies keep a PDF's text
//! without its line breaks: `…會議紀錄時間:93年12月10日…地點:行政大樓…主席:張校長宗仁紀錄:廖櫻玉
//! 壹、主席報告…貳、…`. A reader sees the header fields and the parts inside it, but nothing
//! in it starts a line, so nothing in it is an item of the outline; its header can still be read.

use super::label;
use crate::model::Role;

/// How much of a long line is read to decide: enough for a page's header and first parts.
const READ: usize = 6000;

/// A header field found inside a run-on line: its role and the value as written.
#[derive(Debug, PartialEq, Eq)]
pub struct Field<'a> {
    pub role: Role,
    pub value: &'a str,
    /// Where the field's label starts in the line.
    pub at: usize,
}

/// Whether the line is a page run together: at least 150 characters that hold three kinds of
/// header field, or three parts of the agenda's top level (`貳、`, `參、`…) inside it. One long
/// paragraph holds neither; a header laid out on one line (`時間：…　地點：…　主席：…`) is
/// shorter.
pub fn run_on(line: &str) -> bool {
    if line.len() < 450 && line.chars().count() < 150 {
        return false;
    }
    let mut kinds: Vec<Role> = Vec::new();
    // Every label ends in a colon, so three fields need three colons: most long lines (a
    // paragraph) have fewer and are not read label by label, at every character.
    let colons = line[..floor(line, READ)]
        .matches(['：', ':', '︰'])
        .take(3)
        .count();
    let found = if colons >= 3 {
        fields(line)
    } else {
        Vec::new()
    };
    for f in found {
        if !kinds.contains(&f.role) {
            kinds.push(f.role);
        }
    }
    // A header laid out on one line with a long list of people (`時間：…　地點：…　主席：…　出席：
    // 50 names`) holds the fields but no part of the agenda after them.
    let parts = parts_inside(line);
    (kinds.len() >= 3 && (parts >= 1 || part_at(line).is_some() || line.len() >= 1800))
        || parts >= 3
}

/// `貳、`, `參、` … inside the line, after its first character: capital numerals number only the
/// agenda's top level, so several of them inside one line are several parts run together.
fn parts_inside(line: &str) -> usize {
    let head = &line[..floor(line, READ)];
    let mut seen: Vec<char> = Vec::new();
    let mut prev: Option<char> = None;
    for (k, c) in head.char_indices() {
        if k > 0
            && matches!(c, '貳' | '參' | '肆' | '伍' | '陸' | '柒' | '捌' | '玖')
            && !prev.is_some_and(|p| {
                matches!(
                    p,
                    '壹' | '貳' | '參' | '肆' | '伍' | '陸' | '柒' | '捌' | '玖' | '拾'
                )
            })
        {
            let next = head[k + c.len_utf8()..]
                .trim_start_matches(' ')
                .chars()
                .next();
            if matches!(next, Some('、' | '.' | '．' | '，')) && !seen.contains(&c) {
                seen.push(c);
            }
        }
        prev = Some(c);
    }
    seen.len()
}

/// The header fields inside a line, in order: each value runs to the next field, a part of
/// the agenda (`壹、`), or a full stop, without the item number glued before the next field
/// (`民國108年12月19日二、開會地點:…` gives `民國108年12月19日`).
pub fn fields(line: &str) -> Vec<Field<'_>> {
    let head = &line[..floor(line, READ)];
    // (where the label starts, where its value starts, its role)
    let mut found: Vec<(usize, usize, Role)> = Vec::new();
    let mut k = 0;
    while k < head.len() {
        let rest = &head[k..];
        let c = rest.chars().next().unwrap();
        if let Some(l) = label(rest).filter(|l| l.role.is_header() && l.role != Role::Publisher) {
            found.push((k, k + l.len, l.role));
            k += l.len;
            continue;
        }
        k += c.len_utf8();
    }
    if found.len() < 3 {
        let lost = first_lost(head);
        if lost.len() >= 3 {
            found = lost;
        }
    }
    let mut out = Vec::new();
    for (n, &(at, from, role)) in found.iter().enumerate() {
        let to = found.get(n + 1).map_or(head.len(), |&(at, _, _)| at);
        let mut value = &head[from..to];
        // A full stop or a part of the agenda ends a value; a people list may run long, a
        // single value may not.
        if let Some(end) = value.find('。') {
            value = &value[..end + '。'.len_utf8()];
        }
        if let Some(end) = part_at(value) {
            value = &value[..end];
        }
        if let Some(end) = markdown_line_at(value) {
            value = &value[..end];
        }
        // A date, a place or one person holds no item number: the next item starts there
        // (`組員吳育美八、秘書報告…`). A list of people may (`張三、`), so it runs on.
        if !role.is_people() {
            if let Some(end) = item_at(value) {
                value = &value[..end];
            }
        }
        let value = strip_number(value.trim_end_matches(is_gap)).trim_matches(is_gap);
        // Some 60 people with their titles and units; a single value is short.
        let limit = if role.is_people() { 2000 } else { 120 };
        if !value.is_empty() && value.len() <= limit {
            out.push(Field { role, value, at });
        }
    }
    out
}

fn is_gap(c: char) -> bool {
    crate::text::is_space(c)
}

/// The fields of a copy that lost the first character of every field word (`間:105 12 30 …
/// 點:行政大樓第一會議室… 席:王大同校長… 錄:吳美玲`: a letter-spaced word's first character was
/// drawn apart, and dropped): a word of two characters known by its second and a colon, after
/// a space. `席` is 主席, then 出席, then 列席, as minutes list them.
fn first_lost(head: &str) -> Vec<(usize, usize, Role)> {
    let mut found: Vec<(usize, usize, Role)> = Vec::new();
    let mut prev = ' ';
    for (k, c) in head.char_indices() {
        let after = k + c.len_utf8();
        let starts = crate::text::is_space(prev);
        prev = c;
        let Some(n) = starts.then(|| super::colon(&head[after..])).flatten() else {
            continue;
        };
        let role = crate::lexicon::LABELS
            .iter()
            .filter(|(w, r)| {
                r.is_header()
                    && *r != Role::Publisher
                    && w.chars().nth(1) == Some(c)
                    && w.chars().count() == 2
            })
            .map(|&(_, r)| r)
            .filter(|r| !found.iter().any(|f| f.2 == *r))
            .min_by_key(|&r| HEADER_ORDER.iter().position(|&o| o == r));
        if let Some(role) = role {
            found.push((k, after + n, role));
        }
    }
    found
}

/// The order in which minutes write their header fields.
const HEADER_ORDER: [Role; 7] = [
    Role::Date,
    Role::Location,
    Role::Chair,
    Role::Attendees,
    Role::Observers,
    Role::Absent,
    Role::Recorder,
];

/// What follows the last Markdown heading marker in `head`, the start of a page run together
/// (`--- tags: … --- # 20250101 第四次會議 >` → ` 20250101 第四次會議`); all of it when there is
/// none. A trailing quote marker goes.
pub fn last_heading(head: &str) -> &str {
    let head = head.trim_end_matches(|c: char| c == '>' || crate::text::is_space(c));
    let heading = head
        .rmatch_indices("# ")
        .find(|&(k, _)| k == 0 || matches!(head.as_bytes()[k - 1], b' ' | b'#'));
    heading.map_or(head, |(k, _)| &head[k + 1..])
}

/// Where a line of a Markdown page began, in a page run together onto one line: a quote or a
/// heading marker set apart by spaces (`… 8:00 PM > 地點:…`, `…、Ben ### 報告事項`). A list's
/// `-` is not taken: `14:00 - 16:00` is a time range.
fn markdown_line_at(value: &str) -> Option<usize> {
    let b = value.as_bytes();
    (0..b.len()).filter(|&k| b[k] == b' ').find(|&k| {
        let hashes = b[k + 1..].iter().take_while(|&&x| x == b'#').count();
        let marker = hashes.max((b.get(k + 1) == Some(&b'>')) as usize);
        marker > 0 && matches!(b.get(k + 1 + marker), None | Some(b' '))
    })
}

/// Where a part of the agenda (`壹、`, `貳、`, and `壹 報 告` on a letter-spaced page) starts in
/// `value`.
fn part_at(value: &str) -> Option<usize> {
    let head = &value[..floor(value, READ)];
    head.char_indices().find_map(|(k, c)| {
        let after = &head[k + c.len_utf8()..];
        let next = after.trim_start_matches(' ').chars().next();
        let spaced = after.starts_with(' ') && next.is_some_and(crate::text::is_han);
        let numbered = matches!(next, Some('、' | '.' | '．')) || spaced;
        ("壹貳參肆伍陸柒捌玖拾".contains(c) && numbered).then_some(k)
    })
}

/// Where an item numbered in Chinese numerals (`八、`) starts in `value`.
fn item_at(value: &str) -> Option<usize> {
    let mut start = None;
    for (k, c) in value.char_indices() {
        if "一二三四五六七八九十".contains(c) {
            start = start.or(Some(k));
        } else if c == '、' && start.is_some() {
            return start;
        } else {
            start = None;
        }
    }
    None
}

/// `民國108年12月19日二、` → `民國108年12月19日`: the number of the next item, glued on.
fn strip_number(value: &str) -> &str {
    let v = value.trim_end_matches(is_gap);
    let Some(v2) = v
        .strip_suffix('、')
        .or_else(|| v.strip_suffix('.'))
        .or_else(|| v.strip_suffix('．'))
    else {
        return value;
    };
    let digits =
        v2.trim_end_matches(|c: char| c.is_ascii_digit() || super::numeral::cjk_digit(c).is_some());
    if digits.len() < v2.len() && v2.len() - digits.len() <= 6 {
        digits
    } else {
        value
    }
}

fn floor(s: &str, n: usize) -> usize {
    let mut n = n.min(s.len());
    while !s.is_char_boundary(n) {
        n -= 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "1 國立中山大學93學年度第2次校務研究發展及考核委員會會議紀錄時間:93年12月10日(星期五)上午9時18分地點:行政大樓5007會議室主席:張校長宗仁紀錄:廖櫻玉壹、主席報告到會人數已達法定人數,隨即宣佈開會。貳、主席報告議程,並徵詢有無異議:無異議。參、主席致詞:校研發會係研議校務發展之重要會議,在本次大學評鑑有關校務發展指標項目之配合程度,是否有變更或整合之必要。肆、討論事項。";

    #[test]
    fn a_page_run_together() {
        assert!(run_on(PAGE));
        let f = fields(PAGE);
        let got: Vec<(Role, &str)> = f.iter().map(|f| (f.role, f.value)).collect();
        assert_eq!(
            got,
            [
                (Role::Date, "93年12月10日(星期五)上午9時18分"),
                (Role::Location, "行政大樓5007會議室"),
                (Role::Chair, "張校長宗仁"),
                (Role::Recorder, "廖櫻玉"),
            ]
        );
    }

    #[test]
    fn numbered_fields_run_together() {
        let line = "一、開會時間:民國108年12月19日二、開會地點:本會議事廳三、出席人:蔡主席咏锝、陳副主席介民,計2名。四、列席人:鎮長蕭永義,計1名。";
        let got: Vec<(Role, &str)> = fields(line).iter().map(|f| (f.role, f.value)).collect();
        assert_eq!(
            got,
            [
                (Role::Date, "民國108年12月19日"),
                (Role::Location, "本會議事廳"),
                (Role::Attendees, "蔡主席咏锝、陳副主席介民,計2名。"),
                (Role::Observers, "鎮長蕭永義,計1名。"),
            ]
        );
    }

    #[test]
    fn a_markdown_page_run_together_ends_its_values_where_its_lines_began() {
        assert_eq!(
            last_heading("--- tags: x --- <header>會</header> # 20250101 第四次會議 >").trim(),
            "20250101 第四次會議"
        );
        assert_eq!(last_heading("1 某某會議紀錄").trim(), "1 某某會議紀錄");
        assert_eq!(last_heading("C# 語言會議紀錄"), "C# 語言會議紀錄");
        let time = "2025/ 11 / 10 (一) 8:00 PM";
        assert_eq!(
            markdown_line_at(&format!("{time} > 地點")),
            Some(time.len())
        );
        assert_eq!(
            markdown_line_at("Amy、Ben ### 報告事項"),
            Some("Amy、Ben".len())
        );
        assert_eq!(markdown_line_at("14:00 - 16:00"), None);
        assert_eq!(markdown_line_at("C#語言 A>B #1"), None);
    }

    #[test]
    fn fields_whose_first_character_was_lost() {
        let line = "1 國立某大學 105 學年度第 9 次行政會議紀錄 間:105 12 30 ()上午 10 10 點:第一會議室 席:王大同校長 席:陳志明副校長、林國華副校長 席: 黃建國副校長 錄:吳美玲 壹、主席報告";
        let got: Vec<(Role, &str)> = fields(line).iter().map(|f| (f.role, f.value)).collect();
        assert_eq!(
            got,
            [
                (Role::Date, "105 12 30 ()上午 10 10"),
                (Role::Location, "第一會議室"),
                (Role::Chair, "王大同校長"),
                (Role::Attendees, "陳志明副校長、林國華副校長"),
                (Role::Observers, "黃建國副校長"),
                (Role::Recorder, "吳美玲"),
            ]
        );
        // Two such words are no evidence: a sentence may hold them.
        assert!(fields("他說 席:不 點:好 其餘照案").is_empty());
    }

    #[test]
    fn a_header_on_one_line_is_not_a_page() {
        let names = "王大明、".repeat(40);
        let line =
            format!("時間：114年1月6日下午2時　地點：本部大禮堂　主席：林部長宜敬　出席：{names}");
        assert!(!run_on(&line));
    }

    #[test]
    fn one_long_paragraph_is_not_a_page() {
        let p = "本案經委員討論後,".repeat(40);
        assert!(!run_on(&p));
        // Three items of a list in one paragraph are not three parts of the agenda.
        let q = format!("{}一、甲案。二、乙案。三、丙案。", "說明文字".repeat(80));
        assert!(!run_on(&q));
    }
}
