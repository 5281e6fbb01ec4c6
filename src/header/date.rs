//! The meeting's date and times, from its date field: `114年11月20日（星期四）下午3時30分`,
//! `中華民國 96 年 10 月 4 日（星期四）下午 2 時 0 分`, `九十二年元月七日(星期二)下午三時`,
//! `2021-07-20 09:00:00`, `108-02-14`, `09時至17時`, and a value a web page damaged by dropping
//! its units (`民國109613(星期六)上午9`), read with the weekday's help.

use crate::model::{Day, Diagnostic, FactValue, Meta};
use crate::scan::date::{check_weekday, day, weekday_of};
use crate::scan::facts::scan;
use crate::scan::time::times;
use crate::text::{digit, is_space};

pub fn read(value: &str, meta: &mut Meta, line: u32, diagnostics: &mut Vec<Diagnostic>) {
    let mut after_date = 0;
    if meta.date.is_none() {
        let found = scan(value, 0)
            .into_iter()
            .find(|f| matches!(f.value, FactValue::Date { from, .. } if from.year != 0));
        if let Some(f) = found {
            if let FactValue::Date { from, .. } = f.value {
                meta.date = Some(from.iso());
                if let Some(w) = &f.weekday {
                    meta.weekday = Some(w.0.clone());
                    if let Some(d) = check_weekday(from, w, line) {
                        diagnostics.push(d);
                    }
                }
                after_date = f.end;
            }
        } else if let Some((d, end)) = english_date(value) {
            meta.date = Some(d.iso());
            after_date = end;
        } else if let Some((d, end, weekday, lost)) =
            units_lost(value).or_else(|| spaced_units_lost(value))
        {
            meta.date = Some(d.iso());
            meta.weekday = weekday;
            after_date = end;
            if let Some(&(h, m)) = lost.first() {
                meta.start.get_or_insert(format!("{h:02}:{m:02}"));
            }
            if let Some(&(h, m)) = lost.get(1) {
                meta.end.get_or_insert(format!("{h:02}:{m:02}"));
            }
        }
    }
    let rest = &value[after_date..];
    // `2021-07-20 09:00:00`: a time stamp; `00:00:00` in one is no time at all.
    let stamp_midnight = rest
        .trim_matches(is_space)
        .strip_prefix("00:00")
        .is_some_and(|r| r.is_empty() || r.starts_with(':'));
    let times = if stamp_midnight {
        Vec::new()
    } else {
        times(rest)
    };
    if meta.start.is_none() {
        if let Some(&(h, m, _)) = times.first() {
            meta.start = Some(format!("{h:02}:{m:02}"));
        } else if let Some(h) = bare_hour(rest) {
            meta.start = Some(format!("{h:02}:00"));
        }
        // The end of the last session: a meeting over two days (`…上午9時至11時38分 …上午9時至
        // 11時6分`) ends when its last range does.
        if let Some(&(h, m, _)) = times.iter().skip(1).rev().find(|t| t.2) {
            meta.end = Some(format!("{h:02}:{m:02}"));
        }
    }
}

/// A date written in English (`Wed, Jul 6, 2022`, `Wednesday, 8 May 2024`, HackMD's
/// `[time=…]`): the day and where it ends.
fn english_date(value: &str) -> Option<(Day, usize)> {
    let words: Vec<(usize, &str)> = value
        .split(|c: char| !c.is_ascii_alphanumeric())
        .scan(0usize, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let month = |w: &str| {
        let w = w.to_ascii_lowercase();
        (w.len() >= 3)
            .then(|| {
                crate::lexicon::MONTHS
                    .iter()
                    .position(|m| m.to_ascii_lowercase().starts_with(&w))
            })
            .flatten()
            .map(|k| k as u32 + 1)
    };
    let num = |w: &str| w.parse::<u32>().ok();
    for k in 0..words.len() {
        let Some(m) = month(words[k].1) else { continue };
        // `Jul 6, 2022` or `8 May 2024`.
        let (d, y, end) = match (words.get(k + 1), words.get(k + 2), k.checked_sub(1)) {
            (Some(&(_, d)), Some(&(at, y)), _) if num(d).is_some_and(|d| d <= 31) => {
                (num(d)?, num(y)?, at + y.len())
            }
            (Some(&(at, y)), _, Some(j)) if num(words[j].1).is_some_and(|d| d <= 31) => {
                (num(words[j].1)?, num(y)?, at + y.len())
            }
            _ => continue,
        };
        if (1900..=2200).contains(&y) {
            return Some((day(y as u16, m, d)?, end));
        }
    }
    None
}

/// `上午9` at the end of a damaged field: the hour, its unit lost.
fn bare_hour(s: &str) -> Option<u32> {
    let t = s.trim_matches(is_space);
    for (word, pm) in [
        ("上午", false),
        ("早上", false),
        ("下午", true),
        ("晚上", true),
    ] {
        if let Some(rest) = t.strip_suffix(|c: char| digit(c).is_some()).map(|_| t) {
            let Some(k) = rest.rfind(word) else { continue };
            let n = &rest[k + word.len()..];
            if !n.is_empty() && n.chars().count() <= 2 && n.chars().all(|c| digit(c).is_some()) {
                let h: u32 = n.chars().filter_map(digit).fold(0, |a, d| a * 10 + d);
                if (1..=12).contains(&h) {
                    return Some(if pm && h < 12 { h + 12 } else { h });
                }
            }
        }
    }
    None
}

/// A day read from digits whose units were lost: the day, where the digits end, the weekday as
/// written, the times.
type Lost = (Day, usize, Option<String>, Vec<(u8, u8)>);

/// `民國109613(星期六)`, `10342(週三)`, `97112612101310`: the digits of an ROC year, month and
/// day (and perhaps of the times, `HHMM` or `HHMMHHMM`) with their units lost, as a web page
/// that dropped every character but digits leaves them. The one split that makes a real day
/// (and real times, and the weekday's day where one is written). Returns the day, where the
/// digits end, the weekday as written and the times.
fn units_lost(value: &str) -> Option<Lost> {
    let k = value.find("民國").map_or_else(
        || value.len() - value.trim_start_matches(is_space).len(),
        |k| k + "民國".len(),
    );
    let rest = &value[k..];
    let digits: Vec<u32> = rest.chars().map_while(digit).collect();
    let end = k + rest
        .chars()
        .take(digits.len())
        .map(char::len_utf8)
        .sum::<usize>();
    if !(5..=15).contains(&digits.len()) {
        return None;
    }
    let num = |s: &[u32]| s.iter().fold(0, |a, d| a * 10 + d);
    let weekday = weekday_in(&value[end..]);
    let hhmm = |s: &[u32]| {
        (num(&s[..2]) < 24 && num(&s[2..]) < 60).then(|| (num(&s[..2]) as u8, num(&s[2..]) as u8))
    };
    let mut found = Vec::new();
    for y in 2..=3usize {
        for m in 1..=2usize {
            for d in 1..=2usize {
                let Some(tail) = digits.len().checked_sub(y + m + d) else {
                    continue;
                };
                // What is left are times of four digits, or nothing.
                if tail % 4 != 0 || tail > 8 {
                    continue;
                }
                // An ROC year of this republic: up to 150 (2061).
                let roc = num(&digits[..y]);
                if !(1..=150).contains(&roc) {
                    continue;
                }
                let year = roc + 1911;
                let Some(day) = day(
                    year as u16,
                    num(&digits[y..y + m]),
                    num(&digits[y + m..y + m + d]),
                ) else {
                    continue;
                };
                let times: Option<Vec<(u8, u8)>> =
                    digits[y + m + d..].chunks(4).map(hhmm).collect();
                let Some(times) = times else { continue };
                if weekday.as_ref().is_none_or(|&(_, w)| weekday_of(day) == w) {
                    found.push((day, times));
                }
            }
        }
    }
    (found.len() == 1).then(|| {
        let (day, times) = found.remove(0);
        (day, end, weekday.map(|(s, _)| s), times)
    })
}

/// `105 12 30 ()上午 10 10`: an ROC year, month and day, and the hour and minute, each still
/// set apart by spaces where their units were lost (年, 月, 日, 時, 分 and the weekday dropped).
/// Only a real day, and only a time after 上午, 下午 or 晚上 (the hour's own unit lost too).
fn spaced_units_lost(value: &str) -> Option<Lost> {
    let g = spaced_numbers(value);
    let [(roc, _), (m, _), (d, end)] = g[..] else {
        return None;
    };
    if !(1..=150).contains(&roc) {
        return None;
    }
    let day = day((roc + 1911) as u16, m, d)?;
    let rest = &value[end..];
    let times = ["上午", "下午", "晚上"]
        .iter()
        .find_map(|w| Some((*w, rest.find(w)? + w.len())))
        .and_then(|(w, k)| match spaced_numbers(&rest[k..])[..] {
            [(h, _), (min, _)] if h < 13 && min < 60 => {
                let h = if w == "上午" || h == 12 { h } else { h + 12 };
                Some(vec![(h as u8, min as u8)])
            }
            _ => None,
        })
        .unwrap_or_default();
    Some((day, end, None, times))
}

/// The numbers `s` starts with, set apart by single spaces (`105 12 30`), each with where it
/// ends; at most four digits each.
fn spaced_numbers(s: &str) -> Vec<(u32, usize)> {
    let mut out = Vec::new();
    let mut at = s.len() - s.trim_start_matches(is_space).len();
    loop {
        let n = s[at..].bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 || n > 4 {
            break;
        }
        out.push((s[at..at + n].parse().unwrap_or(0), at + n));
        at += n;
        match s[at..].strip_prefix(' ') {
            Some(r) if r.starts_with(|c: char| c.is_ascii_digit()) => at += 1,
            _ => break,
        }
    }
    out
}

/// `(星期六)` right after a date: as written, and 0 = Sunday … 6 = Saturday.
fn weekday_in(s: &str) -> Option<(String, u8)> {
    let t = s.trim_start_matches(is_space);
    let inner = t.strip_prefix(['(', '（'])?;
    let close = inner.find([')', '）'])?;
    let w = &inner[..close];
    let last = w.chars().next_back()?;
    let n = "日一二三四五六".chars().position(|c| c == last)? as u8;
    (w.starts_with("星期") || w.starts_with('週') || w.chars().count() == 1)
        .then(|| (w.to_string(), n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(v: &str) -> (Option<String>, Option<String>, Option<String>) {
        let mut m = Meta::default();
        read(v, &mut m, 1, &mut Vec::new());
        (m.date, m.start, m.end)
    }

    fn o(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn a_date_whose_units_were_lost_but_not_their_spaces() {
        assert_eq!(
            read_all("105 12 30 ()上午 10 10"),
            (o("2016-12-30"), o("10:10"), None)
        );
        assert_eq!(read_all("105 12 30 ()下午 2 30").1, o("14:30"));
        // Not a day: nothing read.
        assert_eq!(read_all("105 13 30").0, None);
        assert_eq!(read_all("3 5 7 9").0, None);
    }

    #[test]
    fn dates_and_times_as_fields_write_them() {
        assert_eq!(
            read_all("[time=Wed, Jul 6, 2022 7:00 PM]"),
            (o("2022-07-06"), o("19:00"), None)
        );
        assert_eq!(
            read_all("Wednesday, 8 May 2024, 7:00 pm"),
            (o("2024-05-08"), o("19:00"), None)
        );
        assert_eq!(
            read_all("中華民國 96 年 10 月 4 日（星期四）下午 2 時 0 分"),
            (o("2007-10-04"), o("14:00"), None)
        );
        assert_eq!(
            read_all("98 年 2 月 13 日下午 1 時 30 分"),
            (o("2009-02-13"), o("13:30"), None)
        );
        assert_eq!(
            read_all("中華民國九十一年十月二十八日上午九時"),
            (o("2002-10-28"), o("09:00"), None)
        );
        assert_eq!(
            read_all("九十二年元月七日(星期二)下午三時"),
            (o("2003-01-07"), o("15:00"), None)
        );
        assert_eq!(
            read_all("中華民國110年12月17日(星期五)09時至17時"),
            (o("2021-12-17"), o("09:00"), o("17:00"))
        );
        assert_eq!(
            read_all("2021-07-20 09:00:00"),
            (o("2021-07-20"), o("09:00"), None)
        );
        assert_eq!(
            read_all("1995-05-23 00:00:00.000"),
            (o("1995-05-23"), None, None)
        );
        assert_eq!(read_all("108-02-14"), (o("2019-02-14"), None, None));
        assert_eq!(
            read_all("民國109613(星期六)上午9"),
            (o("2020-06-13"), o("09:00"), None)
        );
    }
}
