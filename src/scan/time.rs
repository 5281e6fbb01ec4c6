//! Times of day: `下午3時30分`, `上午9時至12時`, `14:00-16:30`, `中午12時10分`, `下午二時三十分`. The
//! words for parts of the day are data (src/lexicon/dayparts.tsv).

use super::numeral::{arabic_number, cjk_number};
use crate::lexicon::{self, Daypart};
use crate::text::{digit, is_space};

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
        for &(word, part) in lexicon::DAYPARTS {
            let (is_pm, is_noon) = (part != Daypart::Am, part == Daypart::Noon);
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
            .is_some_and(|p| digit(p).is_some());
        // `08:30-1200`: a range's end written as four digits, its colon lost.
        if range && !out.is_empty() && !prev_digit {
            if let Some((v, 4)) = arabic_number(rest, 4).filter(|&(_, n)| n == 4) {
                let (h, m) = (v / 100, v % 100);
                let alone = rest[4..].chars().next().is_none_or(|c| digit(c).is_none());
                if h <= 24 && m < 60 && alone {
                    out.push((h as u8, m as u8, true));
                    range = false;
                    k += 4;
                    continue;
                }
            }
        }
        let num = if prev_digit {
            None
        } else {
            arabic_number(rest, 2).or_else(|| cjk_number(rest).map(|(v, _, n)| (v, n)))
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
                } else if let Some((m, mn)) =
                    arabic_number(tail_t, 2).or_else(|| cjk_number(tail_t).map(|(v, _, n)| (v, n)))
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
