//! Section headings: `報告事項`, `報 告 事 項`, `討論事項（略）`, `散會（下午4時39分）`, `附錄一`. The
//! words are data (src/lexicon/sections.tsv).

use super::numeral::cjk_number;
use super::{colon, spaced_word};
use crate::lexicon;
use crate::model::Part;
use crate::text::{digit, skip_spaces};

pub fn section(s: &str) -> Option<(Part, usize)> {
    let first = s.chars().next()?;
    lexicon::sections_starting(first)
        .iter()
        .find_map(|&(word, part)| {
            let n = spaced_word(s, word)?;
            let rest = &s[n..];
            let gap = skip_spaces(rest);
            let next = rest[gap..].chars().next();
            let ok = match next {
                None => true,
                Some('：' | ':' | '（' | '(' | '【' | '〔' | '「') => true,
                // 附錄一, 附件1, and 附件　委員意見 (a title after a space); 散會 晚上9點10分.
                Some(c) if part == Part::Appendix => {
                    digit(c).is_some() || cjk_number(&rest[gap..]).is_some() || gap > 0
                }
                Some(_) if part == Part::Adjourn => gap > 0,
                Some(_) => false,
            };
            // 附件 followed by a colon is a field (附件：簡報), not the appendix.
            if part == Part::Appendix && colon(rest).is_some() {
                return None;
            }
            ok.then_some((part, n))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections() {
        let s = |x: &'static str| section(x).map(move |(p, n)| (p, &x[..n]));
        assert_eq!(s("報告事項"), Some((Part::Report, "報告事項")));
        assert_eq!(s("報 告 事 項"), Some((Part::Report, "報 告 事 項")));
        assert_eq!(s("討論事項（略）"), Some((Part::Discussion, "討論事項")));
        assert_eq!(s("散會（下午4時39分）"), Some((Part::Adjourn, "散會")));
        assert_eq!(s("散會：下午4時30分"), Some((Part::Adjourn, "散會")));
        assert_eq!(s("附錄"), Some((Part::Appendix, "附錄")));
        assert_eq!(s("附錄一"), Some((Part::Appendix, "附錄")));
        assert_eq!(s("附件：簡報"), None);
        assert_eq!(s("報告事項如下"), None);
        assert_eq!(s("散會後"), None);
    }
}
