//! The title block: the issuing body, the meeting's title and number, the edition.

use crate::scan::numeral::{arabic_number, cjk_number};
use crate::scan::unit::unit_name;
use crate::text::{digit, is_space};

/// numerals.
pub fn meeting_number(t: &str) -> Option<u32> {
    t.rmatch_indices('第').find_map(|(k, _)| {
        let rest = t[k + '第'.len_utf8()..].trim_start_matches(is_space);
        let (n, len) =
            arabic_number(rest, 6).or_else(|| cjk_number(rest).map(|(v, _, n)| (v, n)))?;
        rest[len..]
            .trim_start_matches(is_space)
            .starts_with('次')
            .then_some(n)
    })
}

/// `臺北市政府第2035次市政會議紀錄`: the body written before the meeting's number or year.
pub fn body_prefix(t: &str) -> Option<&str> {
    let cut = t
        .char_indices()
        .find(|&(_, c)| c == '第' || digit(c).is_some())
        .map(|(k, _)| k)?;
    let head = &t[..cut];
    // An organisation, or a place that meets (臺中市北屯區仁美里).
    let place =
        head.chars().count() >= 3 && head.ends_with(['里', '村', '鄉', '鎮', '市', '區', '縣']);
    unit_name(head).or(place.then_some(head))
}

#[cfg(test)]
mod tests {
    use super::*;

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
