//! The title block: the issuing body, the meeting's title and number, the edition.
//!
//! A web page repeats the title in its breadcrumb (`國立臺灣大學秘書室` / `行政會議紀錄` /
//! `第2275次會議` / `國立臺灣大學第二二七五次行政會議紀錄`): the title is the line that names the
//! minutes most fully, and the body is what that title names before its numbers.

use crate::scan::numeral::{cjk_digit, cjk_number};
use crate::scan::unit::unit_name;
use crate::text::{digit, is_han, is_space};

/// Words that name minutes (or the meeting they record) in a title.
const MINUTES: &[&str] = &[
    "紀錄",
    "記錄",
    "議事錄",
    "會議",
    "會報",
    "決議",
    "議程",
    "紀要",
    "大會",
];

pub fn names_minutes(t: &str) -> bool {
    MINUTES.iter().any(|w| t.contains(w))
}

/// How well a line of the title block names the minutes: it says minutes, it carries the
/// meeting's number, it names who met.
pub fn title_score(t: &str) -> u32 {
    4 * names_minutes(t) as u32
        + 2 * meeting_number(t).is_some() as u32
        + body_of(t).is_some() as u32
}

/// A number as titles write it: Arabic or Chinese digits, spaced out by a PDF extraction or
/// mixed (`1 6`, `五○三`, `五四 0`), or a Chinese numeral with units (`十五`). Value and bytes.
pub fn loose_number(s: &str) -> Option<(u32, usize)> {
    if let Some((v, _, n)) = cjk_number(s).filter(|(_, _, n)| s[..*n].contains(['十', '百', '千']))
    {
        return Some((v, n));
    }
    let mut value = 0u32;
    let mut end = 0;
    let mut digits = 0;
    let mut k = 0;
    while k < s.len() {
        let c = s[k..].chars().next()?;
        let d = digit(c).or_else(|| cjk_digit(c).filter(|_| c != '兩').map(|(d, _)| d));
        if let Some(d) = d {
            value = value.checked_mul(10)?.checked_add(d)?;
            digits += 1;
            k += c.len_utf8();
            end = k;
        } else if c == ' ' && digits > 0 {
            k += 1;
        } else {
            break;
        }
    }
    (digits > 0 && digits <= 6).then_some((value, end))
}

/// N of the meeting: the last 第N次 of a title (`第2屆董事會第7次會議` is meeting 7), or N次
/// without 第 (`新北市政府689次市政會議紀錄`).
pub fn meeting_number(t: &str) -> Option<u32> {
    let at = |k: usize| {
        let rest = t[k..].trim_start_matches(is_space);
        let (n, len) = loose_number(rest)?;
        rest[len..]
            .trim_start_matches(is_space)
            .starts_with('次')
            .then_some(n)
    };
    t.rmatch_indices('第')
        .find_map(|(k, _)| at(k + '第'.len_utf8()))
        .or_else(|| {
            let k = t.find('次')?;
            let start = t[..k]
                .char_indices()
                .rev()
                .take_while(|&(_, c)| digit(c).is_some() || c == ' ')
                .last()?
                .0;
            at(start)
        })
}

/// Chunks of a title that number a session rather than name a body: `第11屆`, `第4會期`,
/// `108學年度`, `第2學期`, `97 學年度`. Returns the bytes of the chunk at the start of `s`.
fn session_chunk(s: &str) -> Option<usize> {
    let di = s.starts_with('第') as usize * '第'.len_utf8();
    let (_, n) = loose_number(s[di..].trim_start_matches(is_space))?;
    let gap = s[di..].len() - s[di..].trim_start_matches(is_space).len();
    let after = &s[di + gap + n..];
    let after_t = after.trim_start_matches(is_space);
    let skip = after.len() - after_t.len();
    ["學年度", "年度", "會期", "學期", "屆", "年", "次", "期"]
        .iter()
        .find(|w| after_t.starts_with(*w))
        .map(|w| di + gap + n + skip + w.len())
}

/// Who met, as the title names it before its numbers: `臺北市政府第2035次市政會議紀錄` →
/// 臺北市政府, `國立北斗家商 97 學年度…` → 國立北斗家商. A unit named between the session's
/// numbers and the meeting's (`立法院第11屆第4會期教育及文化委員會第1次…`) belongs to it.
pub fn body_of(t: &str) -> Option<String> {
    // Quotation marks around a whole title (`『羅東鎮公所103年…議程』`) are no part of the body.
    let t = t.trim_start_matches(['『', '「', '《', '〈', '【']);
    // The body ends where the numbers start: 第, a digit, or a session in Chinese numerals
    // (`南屏國民小學九十七學年度第四次…`).
    let cut = t
        .char_indices()
        .find(|&(k, c)| {
            c == '第'
                || digit(c).is_some()
                || (cjk_digit(c).is_some() && k > 0 && session_chunk(&t[k..]).is_some())
        })
        .map(|(k, _)| k)?;
    let head = t[..cut].trim_matches(is_space);
    let chars = head.chars().count();
    if chars < 2 || !head.chars().all(|c| is_han(c) || c == '・') {
        return None;
    }
    let mut body = head.to_string();
    // The numbering of the session, then perhaps the committee that met.
    let mut k = cut;
    while let Some(n) = session_chunk(&t[k..]) {
        k += n;
        k += t[k..].len() - t[k..].trim_start_matches(is_space).len();
        let next = t[k..]
            .char_indices()
            .find(|&(j, c)| c == '第' || digit(c).is_some() && session_chunk(&t[k + j..]).is_some())
            .map_or(t.len() - k, |(j, _)| j);
        let segment = &t[k..k + next];
        if let Some(unit) = unit_name(segment) {
            if segment.ends_with("委員會") || segment.ends_with("小組") {
                body.push_str(unit);
            }
        }
        if next == 0 {
            continue;
        }
        if !t[k + next..].starts_with('第') {
            break;
        }
        k += next;
    }
    Some(body)
}

/// `第46次擴大主管會報縣長裁示事項/連江縣政府提供`: a body that says it provided the text.
pub fn provider(t: &str) -> Option<&str> {
    let end = t.rfind("提供")?;
    let start = t[..end].rfind(['/', '／', '（', '(']).map_or(0, |k| k + 1);
    let who = t[start..end].trim_matches(is_space);
    unit_name(who)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meeting_numbers() {
        assert_eq!(meeting_number("第18次主管會議紀錄"), Some(18));
        assert_eq!(meeting_number("113年第二次校務會議紀錄"), Some(2));
        assert_eq!(
            meeting_number("臺南市政府工務局第 1 6 次局務會議紀錄"),
            Some(16)
        );
        assert_eq!(
            meeting_number("台北市都市計畫委員會第五○三次委員會議"),
            Some(503)
        );
        assert_eq!(
            meeting_number("臺北市都市計畫委員會第五四 0 次委員會議"),
            Some(540)
        );
        assert_eq!(meeting_number("新北市政府689次市政會議紀錄"), Some(689));
        assert_eq!(
            meeting_number("金城鎮民代表會第十二屆第十五次臨時大會第四次會議紀錄"),
            Some(4)
        );
        assert_eq!(meeting_number("97 學年度第 2 學期期初校務會議紀錄"), None);
    }

    #[test]
    fn bodies() {
        let b = |t: &str| body_of(t);
        assert_eq!(
            b("臺北市政府第2035次市政會議紀錄").as_deref(),
            Some("臺北市政府")
        );
        assert_eq!(
            b("國立北斗家商 97 學年度第 2 學期期初校務會議紀錄").as_deref(),
            Some("國立北斗家商")
        );
        assert_eq!(
            b("立法院第11屆第4會期教育及文化委員會第1次召集委員會議議事錄").as_deref(),
            Some("立法院教育及文化委員會")
        );
        assert_eq!(
            b("金城鎮民代表會第十二屆第十五次臨時大會第四次會議紀錄").as_deref(),
            Some("金城鎮民代表會")
        );
        assert_eq!(
            b("新北市政府689次市政會議紀錄").as_deref(),
            Some("新北市政府")
        );
        assert_eq!(b("第18次主管會議紀錄"), None);
        assert_eq!(
            b("宜蘭縣宜蘭市南屏國民小學九十七學年度第四次課程發展委員會會議紀錄").as_deref(),
            Some("宜蘭縣宜蘭市南屏國民小學")
        );
        assert_eq!(
            b("『羅東鎮公所103年第九屆環保變變變活動期前會議議程』").as_deref(),
            Some("羅東鎮公所")
        );
        assert_eq!(
            b("南投縣信義鄉公所0818豪雨災害應變中心第3次工作會報紀錄").as_deref(),
            Some("南投縣信義鄉公所")
        );
        assert_eq!(b("MOIO6471-審議事項-第14案:臺北市政府函"), None);
        assert_eq!(
            provider("第46次擴大主管會報縣長裁示事項/連江縣政府提供"),
            Some("連江縣政府")
        );
    }
}
