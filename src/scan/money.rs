//! Amounts of money in whole units (`34億6,950萬6千元` = 3 469 506 000, `新臺幣三百萬元`, `100萬美元`)
//! and percentages (`92.65%`, `百分之五十`). Currency words are data (src/lexicon/currencies.tsv).

use super::facts::{Found, Scanner};
use super::number::number;
use crate::lexicon;
use crate::model::FactValue;
use crate::text::{is_space, skip_spaces};

impl Scanner<'_> {
    pub(crate) fn amount(&mut self, at: usize) -> Option<usize> {
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
    pub(crate) fn percent(&mut self, at: usize) -> Option<usize> {
        let s = self.s;
        let (start, n) = if s[at..].starts_with("百分之") {
            let k = at + "百分之".len();
            (at, number(s, k)?)
        } else {
            let n = number(s, at)?;
            let k = n.end + skip_spaces(&s[n.end..]);
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
    let trimmed = s[..at].trim_end_matches(is_space);
    for &(word, cur) in lexicon::CURRENCY_BEFORE {
        if trimmed.ends_with(word) {
            return (Some(cur), trimmed.len() - word.len());
        }
    }
    // 新臺幣（下同）… is too far; brackets around the currency are not.
    (None, at)
}

fn currency_after(s: &str, at: usize) -> (Option<&'static str>, usize) {
    let k = at + skip_spaces(&s[at..]);
    for &(word, cur) in lexicon::CURRENCY_AFTER {
        if s[k..].starts_with(word) {
            return (Some(cur), k + word.len());
        }
    }
    (None, at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::facts::scan;

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
}
