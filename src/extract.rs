//! Stage 6: the facts inside the text. Dates (FORMAT.md §4, ROC and Gregorian, ranges, lists,
//! 月底/中旬), amounts of money in whole 元 (`34億6,950萬6千元` = 3 469 506 000), percentages,
//! and the reporting unit each node belongs to, inherited from the nearest unit above it.

use crate::model::{Diagnostic, Kind, Severity};
use crate::scanners::{self, arabic_number, cjk_number, digit, is_space, Role};
use crate::tree::{Day, Document, Fact, FactValue, NodeId, NONE};

pub fn run(doc: &mut Document) {
    // Dates written without a year take the meeting's; when the header does not say, the
    // year the minutes' dates are mostly in.
    let year = doc
        .meta
        .date
        .as_deref()
        .and_then(|d| d.get(..4))
        .and_then(|y| y.parse::<u16>().ok())
        .unwrap_or_else(|| usual_year(doc));
    let mut facts = Vec::new();
    let mut diagnostics = Vec::new();
    for id in 0..doc.nodes.len() as NodeId {
        let text = doc.text(id);
        let from = facts.len() as u32;
        for f in scan(&text, year) {
            if let (FactValue::Date { from: d, .. }, Some(w)) = (&f.value, &f.weekday) {
                if let Some(diag) = check_weekday(*d, w, doc.nodes[id as usize].line) {
                    diagnostics.push(diag);
                }
            }
            facts.push(Fact {
                node: id,
                start: f.start as u32,
                end: f.end as u32,
                value: f.value,
            });
        }
        doc.nodes[id as usize].facts = from..facts.len() as u32;
    }
    doc.facts = facts;
    doc.diagnostics.extend(diagnostics);
    units(doc);
}

/// The year most dates with a written year are in (0 when none has one).
fn usual_year(doc: &Document) -> u16 {
    let mut count: std::collections::HashMap<u16, usize> = std::collections::HashMap::new();
    for id in 0..doc.nodes.len() as NodeId {
        for f in scan(&doc.text(id), 0) {
            if let (true, FactValue::Date { from, .. }) = (f.explicit_year, f.value) {
                *count.entry(from.year).or_default() += 1;
            }
        }
    }
    // The latest of the most frequent, so that the answer does not depend on hash order.
    count
        .into_iter()
        .max_by_key(|&(y, n)| (n, y))
        .map_or(0, |(y, _)| y)
}

// ----- dates -------------------------------------------------------------------------------

/// A fact found in a text, with its byte range.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub value: FactValue,
    /// A weekday written after the date: as written, and 0 = Sunday … 6 = Saturday.
    pub weekday: Option<(String, u8)>,
    /// The year was written, not taken from the context.
    pub explicit_year: bool,
}

/// A number as written: value, decimal places, bytes used.
#[derive(Clone, Copy, Debug)]
struct Num {
    /// The digits without the decimal point: 4,743.3 is 47433 with scale 1.
    mantissa: u64,
    scale: u32,
    end: usize,
    /// Written in Chinese numerals.
    cjk: bool,
    /// Digits only, no separators, no decimals (can be a year, month or day).
    plain: bool,
}

impl Num {
    fn int(self) -> Option<u32> {
        (self.scale == 0 && self.mantissa <= u32::MAX as u64).then_some(self.mantissa as u32)
    }
}

/// A number at `at`: Arabic (with thousands separators and decimals), digits spaced out by a
/// PDF extraction (`1 0 1` before 年), or Chinese numerals.
fn number(s: &str, at: usize) -> Option<Num> {
    let rest = &s[at..];
    let c = rest.chars().next()?;
    if digit(c).is_some() {
        let mut mantissa = 0u64;
        let mut scale = 0u32;
        let mut end = at;
        let mut in_decimals = false;
        let mut plain = true;
        let mut it = rest.char_indices().peekable();
        while let Some((k, c)) = it.next() {
            if let Some(d) = digit(c) {
                mantissa = mantissa.checked_mul(10)?.checked_add(d as u64)?;
                if in_decimals {
                    scale += 1;
                }
                end = at + k + c.len_utf8();
            } else if matches!(c, ',' | '，') && !in_decimals {
                // A thousands separator has exactly three digits after it.
                let after = &rest[k + c.len_utf8()..];
                let three = after
                    .chars()
                    .take(3)
                    .filter(|&c| digit(c).is_some())
                    .count()
                    == 3
                    && after.chars().nth(3).is_none_or(|c| digit(c).is_none());
                if !three {
                    break;
                }
                plain = false;
            } else if matches!(c, '.' | '．') && !in_decimals {
                let next_digit = it.peek().is_some_and(|&(_, n)| digit(n).is_some());
                if !next_digit {
                    break;
                }
                in_decimals = true;
                plain = false;
            } else {
                break;
            }
        }
        // `1 0 1 年`: single digits spaced out, then a date unit.
        if plain && end - at == 1 {
            if let Some(n) = spaced_digits(s, at) {
                return Some(n);
            }
        }
        return Some(Num {
            mantissa,
            scale,
            end,
            cjk: false,
            plain,
        });
    }
    let (v, _, n) = cjk_number(rest)?;
    Some(Num {
        mantissa: v as u64,
        scale: 0,
        end: at + n,
        cjk: true,
        plain: true,
    })
}

fn spaced_digits(s: &str, at: usize) -> Option<Num> {
    let mut v = 0u64;
    let mut end;
    let mut count = 0;
    let mut k = at;
    loop {
        let c = s[k..].chars().next()?;
        let d = digit(c)?;
        v = v * 10 + d as u64;
        count += 1;
        end = k + c.len_utf8();
        let gap = s[end..].chars().take_while(|&c| c == ' ').count();
        let next = s[end + gap..].chars().next();
        if gap == 1 && next.is_some_and(|c| digit(c).is_some()) {
            k = end + gap;
            continue;
        }
        if count > 1 && matches!(s[end + gap..].chars().next(), Some('年' | '月' | '日')) {
            return Some(Num {
                mantissa: v,
                scale: 0,
                end,
                cjk: false,
                plain: true,
            });
        }
        return None;
    }
}

/// `c` after optional spaces; returns the position after it.
fn expect(s: &str, at: usize, set: &[char]) -> Option<usize> {
    let at = at + scanners::skip_spaces(&s[at..]);
    let c = s[at..].chars().next()?;
    set.contains(&c).then(|| at + c.len_utf8())
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year != 0 && year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 if year == 0 => 29,
        _ => 28,
    }
}

fn day(year: u16, month: u32, d: u32) -> Option<Day> {
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
fn year_of(n: u32) -> Option<u16> {
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
    let mut k = open + scanners::skip_spaces(&s[open..]);
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
            "weekday-mismatch",
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
    let at2 = at + scanners::skip_spaces(&s[at..]);
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

struct Scanner<'t> {
    s: &'t str,
    /// The year for dates written without one: the meeting's (or, when the minutes do not
    /// say, the last year written before). A range or list carries its own year on.
    year: u16,
    out: Vec<Found>,
}

impl Scanner<'_> {
    fn push(&mut self, start: usize, end: usize, from: Day, to: Day, explicit_year: bool) -> usize {
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
    fn written_date(&mut self, at: usize) -> Option<usize> {
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
            // 114年度 is a fiscal year, not a date.
            let m = number(s, after).filter(|m| m.plain)?;
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
        let mut at = end + scanners::skip_spaces(&s[end..]);
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
            let start = k + scanners::skip_spaces(&s[k..]);
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
                run_start = a + scanners::skip_spaces(&s[a..]);
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
    fn slash_date(&mut self, at: usize) -> Option<usize> {
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
    fn numeric_date(&mut self, at: usize) -> Option<usize> {
        let s = self.s;
        let (y, n1) = arabic_number(&s[at..], 4)?;
        let sep = s[at + n1..].chars().next()?;
        if !matches!(sep, '-' | '/' | '.' | '／' | '－') {
            return None;
        }
        let k = at + n1 + sep.len_utf8();
        let (m, n2) = arabic_number(&s[k..], 2)?;
        let k = k + n2;
        if !s[k..].starts_with(sep) {
            return None;
        }
        let k = k + sep.len_utf8();
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
            let k = k + scanners::skip_spaces(&s[k..]);
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

    // ----- money and percentages -----------------------------------------------------------

    /// `34億6,950萬6千元`, `4,743.3萬元`, `新臺幣三百萬元`, `NT$1,000`, `100萬美元`.
    fn amount(&mut self, at: usize) -> Option<usize> {
        let s = self.s;
        let (prefix_currency, start) = currency_before(s, at);
        let mut total: i128 = 0;
        let mut k = at;
        let mut last_unit = u32::MAX;
        let mut any = false;
        while let Some(n) = number(s, k) {
            // 千元 alone is a unit of account (單位：千元), not an amount.
            if n.cjk && s[k..].starts_with(['百', '千', '佰', '仟']) {
                break;
            }
            let mut e = n.end;
            // 300餘萬元: about, still the amount (but 多元 is "many kinds").
            if s[e..].starts_with(['餘', '多'])
                && s[e + '餘'.len_utf8()..].starts_with(['萬', '億', '千', '百'])
            {
                e += '餘'.len_utf8();
            }
            let unit = s[e..].chars().next().and_then(|c| match c {
                '兆' => Some(12),
                '億' => Some(8),
                '萬' => Some(4),
                '千' | '仟' if !n.cjk => Some(3),
                '百' | '佰' if !n.cjk => Some(2),
                _ => None,
            });
            let exp = unit.unwrap_or(0);
            if exp >= last_unit {
                break;
            }
            if n.scale > exp {
                // 1.25元 has cents; keep the whole 元.
                total += (n.mantissa / 10u64.pow(n.scale)) as i128;
            } else {
                total += n.mantissa as i128 * 10i128.pow(exp - n.scale);
            }
            any = true;
            last_unit = exp;
            k = e + unit.map_or(0, |_| s[e..].chars().next().unwrap().len_utf8());
            if unit.is_none() {
                break;
            }
            // 1億2千萬: a further number with a smaller unit may follow.
            if exp == 0 {
                break;
            }
        }
        if !any {
            return None;
        }
        let (suffix_currency, end) = currency_after(s, k);
        let currency = match (prefix_currency, suffix_currency) {
            (_, Some(c)) if c != "TWD" => c,
            (Some(c), _) => c,
            (None, Some(c)) => c,
            (None, None) => return None,
        };
        let end = if suffix_currency.is_some() { end } else { k };
        let value = i64::try_from(total).ok()?;
        self.out.push(Found {
            start,
            end,
            value: FactValue::Amount { value, currency },
            weekday: None,
            explicit_year: false,
        });
        Some(end)
    }

    /// `92.65%`, `３０％`, `百分之五十`.
    fn percent(&mut self, at: usize) -> Option<usize> {
        let s = self.s;
        let (start, n) = if s[at..].starts_with("百分之") {
            let k = at + "百分之".len();
            (at, number(s, k)?)
        } else {
            let n = number(s, at)?;
            let k = n.end + scanners::skip_spaces(&s[n.end..]);
            if !s[k..].starts_with(['%', '％']) {
                return None;
            }
            let end = k + s[k..].chars().next().unwrap().len_utf8();
            let value = n.mantissa as f64 / 10f64.powi(n.scale as i32);
            self.out.push(Found {
                start: at,
                end,
                value: FactValue::Percent { value },
                weekday: None,
                explicit_year: false,
            });
            return Some(end);
        };
        let value = n.mantissa as f64 / 10f64.powi(n.scale as i32);
        self.out.push(Found {
            start,
            end: n.end,
            value: FactValue::Percent { value },
            weekday: None,
            explicit_year: false,
        });
        Some(n.end)
    }
}

/// A currency written before an amount: 新臺幣, NT$, 美金 …; returns it and where the amount's
/// text starts.
fn currency_before(s: &str, at: usize) -> (Option<&'static str>, usize) {
    let before = &s[..at];
    let trimmed = before.trim_end_matches(is_space);
    for (word, cur) in [
        ("新臺幣", "TWD"),
        ("新台幣", "TWD"),
        ("臺幣", "TWD"),
        ("台幣", "TWD"),
        ("NT$", "TWD"),
        ("NTD", "TWD"),
        ("US$", "USD"),
        ("美金", "USD"),
        ("美元", "USD"),
        ("人民幣", "CNY"),
        ("日幣", "JPY"),
        ("歐元", "EUR"),
        ("$", "TWD"),
    ] {
        if trimmed.ends_with(word) {
            return (Some(cur), trimmed.len() - word.len());
        }
    }
    // 新臺幣（下同）… is too far; brackets around the currency are not.
    (None, at)
}

fn currency_after(s: &str, at: usize) -> (Option<&'static str>, usize) {
    let k = at + scanners::skip_spaces(&s[at..]);
    for (word, cur) in [
        ("美元", "USD"),
        ("美金", "USD"),
        ("歐元", "EUR"),
        ("日圓", "JPY"),
        ("日元", "JPY"),
        ("日幣", "JPY"),
        ("港幣", "HKD"),
        ("港元", "HKD"),
        ("人民幣", "CNY"),
        ("元", "TWD"),
        ("圓", "TWD"),
    ] {
        if s[k..].starts_with(word) {
            return (Some(cur), k + word.len());
        }
    }
    (None, at)
}

/// Every date, amount and percentage in `text`. `year` fills dates written without one
/// (0 when unknown).
pub fn scan(text: &str, year: u16) -> Vec<Found> {
    let mut sc = Scanner {
        s: text,
        year,
        out: Vec::new(),
    };
    let b = text.as_bytes();
    let mut at = 0;
    let mut prev: Option<char> = None;
    while at < b.len() {
        // Most characters cannot start a number: decide from the bytes which may. Digits are
        // ASCII or EF BC 90–99; Chinese numerals are three bytes from E3 to E9.
        let x = b[at];
        let candidate = matches!(x, b'0'..=b'9' | 0xe3..=0xe9 | 0xef);
        if !candidate {
            let step = match x {
                0..=0x7f => 1,
                0xc0..=0xdf => 2,
                0xe0..=0xef => 3,
                _ => 4,
            }
            .min(b.len() - at);
            prev = if x < 0x80 {
                Some(x as char)
            } else {
                Some('\u{fffd}')
            };
            at += step;
            continue;
        }
        let c = text[at..].chars().next().unwrap_or(' ');
        let numeric = digit(c).is_some();
        let starts_number = (numeric || scanners::is_cjk_numeral(c))
            && !prev.is_some_and(|p| {
                digit(p).is_some() || p == '.' || p == ',' || p.is_ascii_alphabetic()
            });
        let starts_cjk_run = !numeric && prev.is_some_and(scanners::is_cjk_numeral);
        let mut next = None;
        if c == '百' && text[at..].starts_with("百分之") {
            next = sc.percent(at);
        } else if starts_number && !starts_cjk_run {
            next = sc
                .numeric_date(at)
                .or_else(|| sc.slash_date(at))
                .or_else(|| sc.written_date(at))
                .or_else(|| sc.amount(at))
                .or_else(|| sc.percent(at));
            if next.is_none() {
                // Skip the rest of this number so that 112年 is not read again as 12年.
                if let Some(n) = number(text, at) {
                    if n.end > at {
                        prev = text[..n.end].chars().next_back();
                        at = n.end;
                        continue;
                    }
                }
            }
        }
        match next {
            Some(end) if end > at => {
                prev = text[..end].chars().next_back();
                at = end;
            }
            _ => {
                prev = Some(c);
                at += c.len_utf8();
            }
        }
    }
    crate::tree::sort_by_key(&mut sc.out, |f| f.start as u64);
    sc.out
}

// ----- units ---------------------------------------------------------------------------------

/// A unit's name: ends with the name of an organisational unit, short, no punctuation.
pub fn unit_name(text: &str) -> Option<&str> {
    // At most 16 characters with a word such as 業務報告 after them: 90 bytes.
    if text.len() > 90 {
        return None;
    }
    let t = text.trim_matches(is_space);
    let t = t.trim_end_matches(['：', ':', '。']);
    let t = ["業務報告", "工作報告", "報告"]
        .iter()
        .find_map(|w| t.strip_suffix(w))
        .unwrap_or(t)
        .trim_matches(is_space);
    let chars = t.chars().count();
    if !(2..=16).contains(&chars) {
        return None;
    }
    if t.contains(|c: char| {
        "，。；「」『』()（）、：:!?！？".contains(c) || c.is_ascii_digit() || is_space(c)
    }) {
        return None;
    }
    if ["本", "各", "該", "請", "有關", "辦理", "召開", "依"]
        .iter()
        .any(|w| t.starts_with(w))
    {
        return None;
    }
    const SUFFIXES: &[&str] = &[
        "委員會",
        "家長會",
        "校友會",
        "董事會",
        "理事會",
        "監事會",
        "管委會",
        "自治會",
        "協會",
        "學會",
        "公會",
        "基金會",
        "議會",
        "總會",
        "工會",
        "農會",
        "商會",
        "辦公室",
        "中心",
        "公所",
        "學院",
        "大學",
        "中學",
        "小學",
        "國中",
        "國小",
        "高中",
        "學校",
        "醫院",
        "公司",
        "部",
        "司",
        "處",
        "署",
        "局",
        "院",
        "室",
        "組",
        "科",
        "課",
        "股",
        "隊",
        "所",
        "館",
        "廳",
        "府",
        "校",
        "系",
        "站",
        "團",
        "廠",
    ];
    SUFFIXES.iter().any(|s| t.ends_with(s)).then_some(t)
}

/// `（報告單位：數位國際司）` inside a text: the unit.
fn inline_unit(text: &str) -> Option<&str> {
    let mut rest = text;
    while let Some(k) = rest.find(['（', '(']) {
        let open = rest[k..].chars().next()?;
        let inner = &rest[k + open.len_utf8()..];
        if let Some(l) = scanners::label(inner).filter(|l| l.role == Role::Unit) {
            let value = &inner[l.len..];
            let end = value.find(['）', ')']).unwrap_or(value.len());
            let v = value[..end].trim_matches(is_space);
            if !v.is_empty() {
                return Some(v);
            }
        }
        rest = inner;
    }
    None
}

/// The value of a unit field (`報告單位：各單位`, `（報告單位：數位策略司）`).
fn field_unit(text: &str, label_len: usize) -> Option<&str> {
    let v = text.get(label_len..)?;
    let v = v.trim_matches(is_space).trim_end_matches(['）', ')', '。']);
    // 提案單位：秘書處、人事室 names the first as the unit.
    let v = v
        .split(['、', '，', ',', ' ', '\u{3000}'])
        .next()
        .unwrap_or(v)
        .trim_matches(is_space);
    (!v.is_empty() && v.chars().count() <= 30).then_some(v)
}

/// Sets each node's unit: its own when it names one, otherwise its parent's.
fn units(doc: &mut Document) {
    let n = doc.nodes.len();
    let mut own: Vec<Option<String>> = vec![None; n];
    for id in 0..n {
        let node = &doc.nodes[id];
        let text = doc.text(id as NodeId);
        if let Some((_, Role::Unit)) = node.label {
            if let Some(v) = field_unit(&text, node.label_len as usize) {
                own[id] = Some(v.to_string());
                // The field names the unit of what it sits in: the agenda item.
                if node.kind == Kind::Field && node.parent != NONE {
                    own[node.parent as usize].get_or_insert_with(|| v.to_string());
                }
                continue;
            }
        }
        // Only a text that says 單位 can name one in brackets.
        if let Some(v) = text.contains("單位").then(|| inline_unit(&text)).flatten() {
            own[id] = Some(v.to_string());
            // `案由：…（提案單位：教務處）` names the unit of the whole agenda item.
            if matches!(node.label, Some((_, Role::Subject))) && node.parent != NONE {
                own[node.parent as usize].get_or_insert_with(|| v.to_string());
            }
        }
    }
    // Items that name units, where most of their numbered siblings do too: 一、數位策略司.
    // Walked sibling list by sibling list, without collecting them.
    let heads = std::iter::once(doc.roots().next().unwrap_or(NONE))
        .chain(doc.nodes.iter().map(|nd| nd.first_child))
        .filter(|&c| c != NONE);
    let mut named: Vec<(NodeId, String)> = Vec::new();
    for first in heads {
        named.clear();
        let mut numbered = 0;
        let mut k = first;
        while k != NONE {
            let nd = &doc.nodes[k as usize];
            if nd.kind == Kind::Item {
                numbered += 1;
                if let Some(u) = unit_name(&doc.text(k)) {
                    named.push((k, u.to_string()));
                }
            }
            k = nd.next_sibling;
        }
        if named.len() >= 2 && named.len() * 2 >= numbered {
            for (k, u) in named.drain(..) {
                own[k as usize].get_or_insert(u);
            }
        }
    }
    // Parents come before their children in the arena: one forward pass inherits.
    let mut index: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    for (id, own) in own.iter_mut().enumerate() {
        let unit = match own.take() {
            Some(u) => {
                let next = doc.units.len() as u32;
                let k = *index.entry(u.clone()).or_insert(next);
                if k == next {
                    doc.units.push(u);
                }
                k
            }
            None => {
                let p = doc.nodes[id].parent;
                if p == NONE {
                    NONE
                } else {
                    doc.nodes[p as usize].unit
                }
            }
        };
        doc.nodes[id].unit = unit;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    fn amounts(text: &str) -> Vec<(String, i64, &'static str)> {
        scan(text, 2025)
            .into_iter()
            .filter_map(|f| match f.value {
                FactValue::Amount { value, currency } => {
                    Some((text[f.start..f.end].to_string(), value, currency))
                }
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

    #[test]
    fn money() {
        assert_eq!(
            amounts("經費：112年34億6,950萬6千元、113年35億7,470萬1千元"),
            [
                ("34億6,950萬6千元".into(), 3_469_506_000, "TWD"),
                ("35億7,470萬1千元".into(), 3_574_701_000, "TWD"),
            ]
        );
        assert_eq!(amounts("總計4,743.3萬元補助")[0].1, 47_433_000);
        assert_eq!(amounts("第2期款598.5萬元")[0].1, 5_985_000);
        assert_eq!(
            amounts("新臺幣1,250萬元")[0],
            ("新臺幣1,250萬元".into(), 12_500_000, "TWD")
        );
        assert_eq!(amounts("新臺幣三百萬元")[0].1, 3_000_000);
        assert_eq!(amounts("850萬5千元")[0].1, 8_505_000);
        assert_eq!(
            amounts("100萬美元")[0],
            ("100萬美元".into(), 1_000_000, "USD")
        );
        assert_eq!(amounts("NT$1,000")[0].1, 1000);
        assert!(amounts("一百餘個網址").is_empty());
        assert!(amounts("1,919,275筆").is_empty());
    }

    #[test]
    fn percentages() {
        let p: Vec<f64> = scan("為92.65%，另３０％及百分之五十", 0)
            .into_iter()
            .filter_map(|f| match f.value {
                FactValue::Percent { value } => Some(value),
                _ => None,
            })
            .collect();
        assert_eq!(p, [92.65, 30.0, 50.0]);
    }

    #[test]
    fn unit_names() {
        assert_eq!(unit_name("數位策略司"), Some("數位策略司"));
        assert_eq!(unit_name("國家資通安全研究院"), Some("國家資通安全研究院"));
        assert_eq!(unit_name("秘書處業務報告"), Some("秘書處"));
        assert_eq!(unit_name("召開說明會"), None);
        assert_eq!(unit_name("人工智慧基本法(草案)推動情形"), None);
        assert_eq!(unit_name("本部"), None);
        assert_eq!(
            inline_unit("案由二：施政重點，報請公鑒。（報告單位：數位國際司）"),
            Some("數位國際司")
        );
    }
}
