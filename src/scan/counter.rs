//! Agenda counters: `案由一：`, `第一案`, `提案二`, `報告事項一`, `討論事項（二）`, `審議事項一`. The
//! counting words are data (src/lexicon/counters.tsv).

use super::marker::{marker, numeral};
use super::{colon, spaced_word};
use crate::lexicon;
use crate::model::{Numeral, Punct};
use crate::text::{is_space, skip_spaces};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Counter {
    /// The counting word: "案由", "提案", "報告事項", …, or "第案" for `第N案`.
    pub word: &'static str,
    pub ordinal: u32,
    pub len: usize,
}

pub fn counter(s: &str) -> Option<Counter> {
    // 【案由一】, 【提案二】, [動議1]: a counter in brackets, the brackets its punctuation.
    if let Some(inner) = s.strip_prefix(['【', '[', '〔']) {
        let open = s.len() - inner.len();
        let c = plain_counter(inner, true)?;
        let close = inner[c.len..].chars().next()?;
        if !matches!(close, '】' | ']' | '〕') {
            return None;
        }
        return Some(Counter {
            len: open + c.len + close.len_utf8(),
            ..c
        });
    }
    plain_counter(s, false)
}

fn plain_counter(s: &str, bracketed: bool) -> Option<Counter> {
    // 第一案, 第1案, 第 一 案
    if let Some(rest) = s.strip_prefix('第') {
        let mut i = '第'.len_utf8();
        i += skip_spaces(rest);
        let (ordinal, _, _, n) = numeral(&s[i..])?;
        i += n;
        i += skip_spaces(&s[i..]);
        let rest = &s[i..];
        if !rest.starts_with('案') {
            return None;
        }
        i += '案'.len_utf8();
        if let Some(n) = colon(&s[i..]) {
            i += n;
        }
        return Some(Counter {
            word: "第案",
            ordinal,
            len: i,
        });
    }
    for &(word, needs_colon) in lexicon::COUNTERS {
        let Some(mut i) = spaced_word(s, word) else {
            continue;
        };
        i += skip_spaces(&s[i..]);
        let rest = &s[i..];
        // 提案第一號 / 提案第1案
        let rest_num = rest.strip_prefix('第').unwrap_or(rest);
        let skip_di = rest.len() - rest_num.len();
        let (ordinal, n) = if let Some(m) =
            marker(rest_num).filter(|m| m.style.punct == Punct::Paren && m.sub == 0)
        {
            (m.ordinal, m.len)
        } else {
            let (v, kind, _, n) = numeral(rest_num)?;
            if !matches!(kind, Numeral::Cjk | Numeral::Arabic | Numeral::Formal) {
                return None;
            }
            (v, n)
        };
        i += skip_di + n;
        if skip_di > 0 && s[i..].starts_with(['號', '案']) {
            i += '號'.len_utf8();
        }
        let after = &s[i..];
        if let Some(n) = colon(after) {
            i += n;
        } else if after.starts_with(['.', '．'])
            && !after[1..].starts_with(|c: char| c.is_ascii_digit())
        {
            // 議題1. 討論…: the number's full stop.
            i += after.chars().next().map_or(0, char::len_utf8);
        } else if bracketed && after.starts_with(['】', ']', '〕']) {
            // The closing bracket ends it as a colon would.
        } else if needs_colon {
            // 案由一 always takes a colon; without one it is prose (案由一覽表).
            return None;
        } else if after.chars().next().is_some_and(|c| {
            !is_space(c) && !matches!(c, '〈' | '<' | '《' | '「' | '（' | '(' | '】' | ']' | '〕')
        }) {
            // 提案一 followed by a space, bracket or the end; 提案一些 is prose.
            return None;
        }
        return Some(Counter {
            word,
            ordinal,
            len: i,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters() {
        let c = |s: &'static str| counter(s).map(move |k| (k.word, k.ordinal, &s[..k.len]));
        assert_eq!(c("案由一：本部"), Some(("案由", 1, "案由一：")));
        assert_eq!(c("案由 2: 修正"), Some(("案由", 2, "案由 2:")));
        assert_eq!(c("第一案〈修正〉"), Some(("第案", 1, "第一案")));
        assert_eq!(c("第 3 案：人事"), Some(("第案", 3, "第 3 案：")));
        assert_eq!(c("提案一"), Some(("提案", 1, "提案一")));
        assert_eq!(c("提案二：修正"), Some(("提案", 2, "提案二：")));
        assert_eq!(c("報告事項一"), Some(("報告事項", 1, "報告事項一")));
        assert_eq!(c("討論事項（二）"), Some(("討論事項", 2, "討論事項（二）")));
        assert_eq!(c("提案第一號"), Some(("提案", 1, "提案第一號")));
        assert_eq!(c("案由：修正"), None);
        assert_eq!(c("【案由一】105學年度"), Some(("案由", 1, "【案由一】")));
        assert_eq!(c("【提案二】宜蘭縣"), Some(("提案", 2, "【提案二】")));
        assert_eq!(c("議題1. 討論財報"), Some(("議題", 1, "議題1.")));
        assert_eq!(c("議題 12. 討論"), Some(("議題", 12, "議題 12.")));
        assert_eq!(c("動議一：響應"), Some(("動議", 1, "動議一：")));
        assert_eq!(c("討論一：本會"), Some(("討論", 1, "討論一：")));
        assert_eq!(c("討論1.5倍"), None);
        assert_eq!(c("提案單位：秘書處"), None);
        assert_eq!(c("報告事項"), None);
        assert_eq!(c("第一次會議"), None);
        assert_eq!(c("提案一些"), None);
    }
}
