//! Dates (FORMAT.md §4): ROC and Gregorian, in words and in numbers, ranges, lists, parts of
//! months (`月底`, `中旬`), and the weekday written after one.

use super::facts::{Found, Scanner};
use super::number::{expect, number, Num};
use super::numeral::arabic_number;
use crate::model::{Code, Day, Diagnostic, FactValue, Severity};
use crate::text::{digit, skip_spaces};

pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year != 0 && year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 if year == 0 => 29,
        _ => 28,
    }
}

pub fn day(year: u16, month: u32, d: u32) -> Option<Day> {
    if !(1..=12).contains(&month) || d == 0 || d > days_in_month(year, month as u8) as u32 {
        return None;
    }
    Some(Day {
        year,
        month: month as u8,
        day: d as u8,
    })
}

/// A written year: ROC (民國) below 1000, Gregorian from 1900.
pub fn year_of(n: u32) -> Option<u16> {
    match n {
        1..=300 => Some((n + 1911) as u16),
        1900..=2300 => Some(n as u16),
        _ => None,
    }
}

const RANGE: &[char] = &['至', '到', '~', '～', '-', '－', '—', '–', '迄'];
const AND: &[char] = &['、', '及', '和', '與', ',', '，'];

/// The weekday written after a date: `（星期四）`, `(四)`, `（週五）`.
fn weekday_after(s: &str, at: usize) -> Option<(String, u8, usize)> {
    let open = expect(s, at, &['（', '('])?;
    let mut k = open + skip_spaces(&s[open..]);
    let start = k;
    for word in ["星期", "禮拜", "週", "周"] {
        if s[k..].starts_with(word) {
            k += word.len();
            break;
        }
    }
    let c = s[k..].chars().next()?;
    let wd = match c {
        '日' | '天' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        _ => return None,
    };
    k += c.len_utf8();
    let close = expect(s, k, &['）', ')'])?;
    Some((s[start..k].trim().to_string(), wd, close))
}

/// 0 = Sunday. Sakamoto's method.
pub fn weekday_of(d: Day) -> u8 {
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let mut y = d.year as i32;
    if d.month < 3 {
        y -= 1;
    }
    ((y + y / 4 - y / 100 + y / 400 + T[d.month as usize - 1] + d.day as i32) % 7) as u8
}

const WEEKDAYS: [&str; 7] = ["日", "一", "二", "三", "四", "五", "六"];

pub fn check_weekday(d: Day, written: &(String, u8), line: u32) -> Option<Diagnostic> {
    if d.year == 0 {
        return None;
    }
    let actual = weekday_of(d);
    (actual != written.1).then(|| {
        Diagnostic::new(
            Code::WeekdayMismatch,
            Severity::Warning,
            line,
            format!(
                "{} was a 星期{}, but the minutes say {}",
                d.iso(),
                WEEKDAYS[actual as usize],
                written.0
            ),
        )
        .expected(
            format!("星期{}", WEEKDAYS[actual as usize]),
            written.0.clone(),
        )
    })
}

/// Parts of a month: 上旬 1–10, 中旬 11–20, 下旬 and 月底 21 to the end, 月初 1–10.
fn month_part(s: &str, at: usize) -> Option<(u8, u8, usize)> {
    let at2 = at + skip_spaces(&s[at..]);
    for (word, a, b) in [
        ("上旬", 1, 10),
        ("中旬", 11, 20),
        ("下旬", 21, 31),
        ("月底", 21, 31),
        ("底", 21, 31),
        ("初", 1, 10),
        ("中", 11, 20),
    ] {
        if s[at2..].starts_with(word) {
            return Some((a, b, at2 + word.len()));
        }
    }
    None
}

impl Scanner<'_> {
    pub(crate) fn push(
        &mut self,
        start: usize,
        end: usize,
        from: Day,
        to: Day,
        explicit_year: bool,
    ) -> usize {
        let wd = weekday_after(self.s, end);
        let (weekday, end) = match wd {
            Some((w, n, e)) if from == to => (Some((w, n)), e),
            _ => (None, end),
        };
        self.out.push(Found {
            start,
            end,
            value: FactValue::Date { from, to },
            weekday,
            explicit_year,
        });
        end
    }

    /// A date in words at `at`: `114年11月20日`, `3月21日`, `114年10月24至28日`,
    /// `114年10月30日至11月1日`, `3月9-10、17及23-25日`, `114年10月底`, `11月中旬`, `114年10月`.
    pub(crate) fn written_date(&mut self, at: usize) -> Option<usize> {
        let s = self.s;
        let start = at;
        let first = number(s, at)?;
        if !first.plain {
            return None;
        }
        let mut k = first.end;
        let mut year = self.year;
        let mut explicit = false;
        let month;
        if let Some(after) = expect(s, k, &['年']) {
            let y = year_of(first.int()?)?;
            // 114年度 is a fiscal year, not a date. 元月 is January.
            let first_month = expect(s, after, &['元', '正'])
                .filter(|&k| s[k..].starts_with('月'))
                .map(|k| Num {
                    mantissa: 1,
                    scale: 0,
                    end: k,
                    cjk: true,
                    plain: true,
                });
            let m = first_month.or_else(|| number(s, after).filter(|m| m.plain))?;
            let Some(after_month) = expect(s, m.end, &['月']) else {
                // 114年1至3月: months from one to another.
                let r = expect(s, m.end, RANGE)?;
                let m2 = number(s, r).filter(|n| n.plain)?;
                let end = expect(s, m2.end, &['月'])?;
                let end = expect(s, end, &['份']).unwrap_or(end);
                let (a, b) = (m.int()?, m2.int()?);
                let from = day(y, a, 1)?;
                let to = day(y, b, days_in_month(y, b as u8) as u32)?;
                return (to > from).then(|| self.push(start, end, from, to, true));
            };
            k = after_month;
            year = y;
            explicit = true;
            month = m.int()?;
        } else {
            k = expect(s, k, &['月'])?;
            month = first.int()?;
            // 3個月 is a duration; 12月 needs a month number.
        }
        if !(1..=12).contains(&month) {
            return None;
        }
        // The day, or a part of the month, or the whole month.
        let Some(d) = number(s, k).filter(|n| n.plain) else {
            if let Some((a, b, end)) = month_part(s, k) {
                let b = b.min(days_in_month(year, month as u8));
                let from = day(year, month, a as u32)?;
                let to = day(year, month, b as u32)?;
                let end = self.push(start, end, from, to, explicit);
                return Some(self.month_range_tail(start, end, from, explicit));
            }
            // A whole month only when the year says so (114年10月) or 份 follows (4月份).
            let fen = expect(s, k, &['份']);
            if explicit || fen.is_some() {
                let end = fen.unwrap_or(k);
                let from = day(year, month, 1)?;
                let to = day(year, month, days_in_month(year, month as u8) as u32)?;
                let end = self.push(start, end, from, to, explicit);
                return Some(self.month_range_tail(start, end, from, explicit));
            }
            return None;
        };
        let d1 = d.int()?;
        let from = day(year, month, d1)?;
        let mut k = d.end;
        match expect(s, k, &['日', '號']) {
            Some(after) => {
                k = after;
                let end = self.push(start, k, from, from, explicit);
                // A range: 至28日, 至11月1日, 至114年11月11日.
                self.range_tail(start, end, from, explicit);
                self.day_list(end, year, month);
                Some(self.out.last().map_or(end, |f| f.end))
            }
            None => {
                // 3月9-10、17及23-25日: days without 日 until the last one.
                self.day_run(start, k, year, month, d1, explicit)
            }
        }
    }

    /// After a month or a part of one: `114年10月底至11月中旬`, `114年1至3月`, `10月至12月`.
    /// Returns where the date ends.
    fn month_range_tail(&mut self, start: usize, end: usize, from: Day, explicit: bool) -> usize {
        let s = self.s;
        let Some(k) = expect(s, end, RANGE) else {
            return end;
        };
        let Some(n) = number(s, k).filter(|n| n.plain) else {
            return end;
        };
        let mut year = from.year;
        let mut m = n;
        if let Some(after) = expect(s, n.end, &['年']) {
            let (Some(y), Some(m2)) = (n.int().and_then(year_of), number(s, after)) else {
                return end;
            };
            year = y;
            m = m2;
        }
        let Some(after_month) = expect(s, m.end, &['月']) else {
            return end;
        };
        let Some(month) = m.int().filter(|m| (1..=12).contains(m)) else {
            return end;
        };
        let last = days_in_month(year, month as u8) as u32;
        let (to_day, end2) = if let Some((_, b, e)) = month_part(s, after_month) {
            (b.min(last as u8) as u32, e)
        } else if let Some(d) = number(s, after_month).filter(|d| d.plain) {
            match (d.int(), expect(s, d.end, &['日', '號'])) {
                (Some(v), Some(e)) => (v, e),
                _ => return end,
            }
        } else {
            (last, expect(s, after_month, &['份']).unwrap_or(after_month))
        };
        let Some(to) = day(year, month, to_day).filter(|&t| t > from) else {
            return end;
        };
        if let Some(f) = self.out.last_mut().filter(|f| f.start == start) {
            f.end = end2;
            f.value = FactValue::Date { from, to };
            f.weekday = None;
            f.explicit_year = explicit;
        }
        end2
    }

    /// After a full date: `至28日`, `至11月1日`, `至114年11月11日` (日 may be missing at the end).
    fn range_tail(&mut self, start: usize, end: usize, from: Day, explicit: bool) {
        let s = self.s;
        // `8月17日晚間至19日`, `114年1月1日起至118年12月31日止`: a time of day or 起 may come first.
        let mut at = end + skip_spaces(&s[end..]);
        for w in [
            "起", "上午", "下午", "中午", "晚間", "晚上", "早上", "凌晨", "傍晚",
        ] {
            if s[at..].starts_with(w) {
                at += w.len();
                break;
            }
        }
        let Some(k) = expect(s, at, RANGE) else {
            return;
        };
        let Some(n) = number(s, k).filter(|n| n.plain) else {
            return;
        };
        let (mut year, mut month) = (from.year, from.month as u32);
        let mut k2 = n.end;
        let mut dnum = n;
        if let Some(after) = expect(s, k2, &['年']) {
            let Some(y) = n.int().and_then(year_of) else {
                return;
            };
            year = y;
            let Some(m) = number(s, after) else {
                return;
            };
            let Some(a) = expect(s, m.end, &['月']) else {
                return;
            };
            month = m.int().unwrap_or(0);
            let Some(d) = number(s, a) else {
                return;
            };
            dnum = d;
            k2 = d.end;
        } else if let Some(after) = expect(s, k2, &['月']) {
            month = n.int().unwrap_or(0);
            let Some(d) = number(s, after) else {
                return;
            };
            dnum = d;
            k2 = d.end;
        }
        let end2 = expect(s, k2, &['日', '號']).unwrap_or(k2);
        let Some(to) = dnum.int().and_then(|d| day(year, month, d)) else {
            return;
        };
        if to <= from {
            return;
        }
        // The range replaces the single day it starts with.
        if let Some(last) = self.out.last_mut() {
            if last.start == start {
                last.end = end2;
                last.value = FactValue::Date { from, to };
                last.weekday = None;
                last.explicit_year = explicit;
            }
        }
    }

    /// `11月13日及19日`: more days of the same month, each with 日.
    fn day_list(&mut self, mut end: usize, year: u16, month: u32) {
        let s = self.s;
        while let Some(k) = expect(s, end, AND) {
            let Some(n) = number(s, k).filter(|n| n.plain) else {
                return;
            };
            let Some(after) = expect(s, n.end, &['日', '號']) else {
                return;
            };
            let Some(d) = n.int().and_then(|d| day(year, month, d)) else {
                return;
            };
            let start = k + skip_spaces(&s[k..]);
            end = self.push(start, after, d, d, false);
        }
    }

    /// `9-10、17及23-25日` after `3月`: runs of days, 日 only after the last.
    fn day_run(
        &mut self,
        start: usize,
        mut k: usize,
        year: u16,
        month: u32,
        d1: u32,
        explicit: bool,
    ) -> Option<usize> {
        let s = self.s;
        let mut runs: Vec<(usize, usize, u32, u32)> = Vec::new(); // start, end, from, to
        let mut run_start = start;
        let mut from = d1;
        loop {
            let mut to = from;
            if let Some(r) = expect(s, k, RANGE) {
                let n = number(s, r).filter(|n| n.plain)?;
                to = n.int()?;
                k = n.end;
            }
            runs.push((run_start, k, from, to));
            if let Some(a) = expect(s, k, AND) {
                let n = number(s, a).filter(|n| n.plain)?;
                run_start = a + skip_spaces(&s[a..]);
                from = n.int()?;
                k = n.end;
                continue;
            }
            break;
        }
        let end = expect(s, k, &['日', '號'])?;
        let last = runs.len() - 1;
        for (i, (a, b, f, t)) in runs.into_iter().enumerate() {
            let b = if i == last { end } else { b };
            let (Some(df), Some(dt)) = (day(year, month, f), day(year, month, t)) else {
                continue;
            };
            if dt < df {
                continue;
            }
            self.push(a, b, df, dt, explicit && i == 0);
        }
        Some(end)
    }

    /// `8/21`: month and day with a slash, in the meeting's year. Fractions (`1/2以上`, `2/3`)
    /// are not dates: a day below 5 or a word of quantity after it says so.
    pub(crate) fn slash_date(&mut self, at: usize) -> Option<usize> {
        let s = self.s;
        let (m, n1) = arabic_number(&s[at..], 2)?;
        let k = at + n1;
        let rest = s[k..].strip_prefix(['/', '／'])?;
        let k = k + (s[k..].len() - rest.len());
        let (d, n2) = arabic_number(rest, 2)?;
        let end = k + n2;
        let after = &s[end..];
        if d < 5
            || after.starts_with(|c: char| {
                digit(c).is_some() || matches!(c, '/' | '／' | '.' | '%' | '％')
            })
            || ["以上", "以下", "以內", "之", "倍", "強", "弱"]
                .iter()
                .any(|w| after.starts_with(w))
        {
            return None;
        }
        let date = day(self.year, m, d)?;
        Some(self.push(at, end, date, date, false))
    }

    /// `2024-05-08`, `2024/5/8`, `113.2.6`, `109-02-06`.
    pub(crate) fn numeric_date(&mut self, at: usize) -> Option<usize> {
        let s = self.s;
        let (y, n1) = arabic_number(&s[at..], 4)?;
        // `2025/ 11 / 10`: spaces around the separators, after a year of four digits only.
        let gap = |k: usize| if n1 == 4 { skip_spaces(&s[k..]) } else { 0 };
        let k = at + n1 + gap(at + n1);
        let sep = s[k..].chars().next()?;
        if !matches!(sep, '-' | '/' | '.' | '／' | '－') {
            return None;
        }
        let k = k + sep.len_utf8();
        let k = k + gap(k);
        let (m, n2) = arabic_number(&s[k..], 2)?;
        let k = k + n2;
        let k = k + gap(k);
        if !s[k..].starts_with(sep) {
            return None;
        }
        let k = k + sep.len_utf8();
        let k = k + gap(k);
        let (d, n3) = arabic_number(&s[k..], 2)?;
        let end = k + n3;
        // 1.2.3.4 is a version, 10-1 an article, 3.04 a number.
        let after = s[end..].chars().next();
        if after.is_some_and(|c| digit(c).is_some() || c == sep || c.is_ascii_alphabetic()) {
            return None;
        }
        if n1 < 2 {
            return None;
        }
        let year = year_of(y)?;
        let date = day(year, m, d)?;
        let end = self.push(at, end, date, date, true);
        // 2024-08-21至2024-08-23: a range of two numeric dates.
        if let Some(k) = expect(s, end, RANGE) {
            let k = k + skip_spaces(&s[k..]);
            let first = self.out.len() - 1;
            if let Some(end2) = self.numeric_date(k) {
                if let Some(&FactValue::Date { to, .. }) = self.out.last().map(|f| &f.value) {
                    if to > date {
                        self.out.truncate(first + 1);
                        let f = &mut self.out[first];
                        f.end = end2;
                        f.value = FactValue::Date { from: date, to };
                        f.weekday = None;
                    }
                }
                return Some(end2);
            }
        }
        Some(end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::facts::scan;

    fn d(y: u16, m: u8, dd: u8) -> Day {
        Day {
            year: y,
            month: m,
            day: dd,
        }
    }

    fn dates(text: &str, year: u16) -> Vec<(String, Day, Day)> {
        scan(text, year)
            .into_iter()
            .filter_map(|f| match f.value {
                FactValue::Date { from, to } => Some((text[f.start..f.end].to_string(), from, to)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn full_and_partial_dates() {
        assert_eq!(
            dates("已於114年11月20日召開", 0),
            [("114年11月20日".into(), d(2025, 11, 20), d(2025, 11, 20))]
        );
        assert_eq!(
            dates("3月21日簽奉核准", 2023),
            [("3月21日".into(), d(2023, 3, 21), d(2023, 3, 21))]
        );
        assert_eq!(dates("民國113年5月8日", 0)[0].1, d(2024, 5, 8));
        assert_eq!(dates("2024年5月8日", 0)[0].1, d(2024, 5, 8));
        assert_eq!(dates("於1 1 3 年5月8日", 0)[0].1, d(2024, 5, 8));
        assert_eq!(dates("一一四年十一月二十日", 0)[0].1, d(2025, 11, 20));
    }

    #[test]
    fn ranges_and_lists() {
        assert_eq!(
            dates("114年10月24至28日完成", 0),
            [("114年10月24至28日".into(), d(2025, 10, 24), d(2025, 10, 28))]
        );
        assert_eq!(
            dates("114年10月30日至11月1日辦理", 0),
            [(
                "114年10月30日至11月1日".into(),
                d(2025, 10, 30),
                d(2025, 11, 1)
            )]
        );
        assert_eq!(
            dates("於114年10月15日至114年11月11間", 0),
            [(
                "114年10月15日至114年11月11".into(),
                d(2025, 10, 15),
                d(2025, 11, 11)
            )]
        );
        let l = dates("業分於3月9-10、17及23-25日完成", 2023);
        assert_eq!(
            l,
            [
                ("3月9-10".into(), d(2023, 3, 9), d(2023, 3, 10)),
                ("17".into(), d(2023, 3, 17), d(2023, 3, 17)),
                ("23-25日".into(), d(2023, 3, 23), d(2023, 3, 25)),
            ]
        );
        let l = dates("114年11月13日及19日", 0);
        assert_eq!(l.len(), 2);
        assert_eq!(l[1].1, d(2025, 11, 19));
    }

    #[test]
    fn parts_of_months() {
        assert_eq!(
            dates("業於114年10月底至11月中旬受理", 0),
            [(
                "114年10月底至11月中旬".into(),
                d(2025, 10, 21),
                d(2025, 11, 20)
            )]
        );
        assert_eq!(dates("114年1至3月", 0)[0].2, d(2025, 3, 31));
        // Without a year of its own, a date takes the meeting's.
        assert_eq!(
            dates("115年1月9日決賽，12月14日頒獎", 2025)[1].1,
            d(2025, 12, 14)
        );
        assert_eq!(
            dates("於4月份辦理", 2023),
            [("4月份".into(), d(2023, 4, 1), d(2023, 4, 30))]
        );
        assert_eq!(dates("114年10月新增", 0)[0].2, d(2025, 10, 31));
        assert!(dates("3個月內完成", 2023).is_empty());
        assert!(dates("114年度預算", 0).is_empty());
    }

    #[test]
    fn numeric_dates() {
        assert_eq!(dates("於2024-05-08召開", 0)[0].1, d(2024, 5, 8));
        assert_eq!(dates("109-02-06", 0)[0].1, d(2020, 2, 6));
        assert_eq!(dates("113.2.6", 0)[0].1, d(2024, 2, 6));
        assert_eq!(dates("時間:2025/ 11 / 10 (一)", 0)[0].1, d(2025, 11, 10));
        assert!(dates("版本1.2.3.4", 0).is_empty());
        assert!(dates("第10-1條", 0).is_empty());
    }

    #[test]
    fn weekdays_are_checked() {
        let f = scan("114年11月20日（星期四）", 0);
        assert_eq!(f[0].weekday, Some(("星期四".into(), 4)));
        assert_eq!(weekday_of(d(2025, 11, 20)), 4);
        let f = scan("114年11月21日(四)", 0);
        let FactValue::Date { from, .. } = f[0].value else {
            panic!()
        };
        assert!(check_weekday(from, f[0].weekday.as_ref().unwrap(), 1).is_some());
    }
}
