//! Labelled fields at the start of a line: `說明：`, `說　明:`, `決議：照案通過。`, header fields
//! written without a colon (`主　　席　高召集委員振源`), labels named by who speaks (`局長指示：`),
//! and short headings ending in a colon (`委員發言要點：`). The words are data
//! (src/lexicon/labels.tsv, label-endings.tsv).

use super::{colon, spaced_word};
use crate::lexicon;
use crate::model::Role;
use crate::text::{is_han, is_space, skip_spaces};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Label {
    /// The label without letter-spacing, e.g. "說明".
    pub word: &'static str,
    pub role: Role,
    /// Bytes of the label and its colon as written.
    pub len: usize,
}

pub fn label(s: &str) -> Option<Label> {
    let c = s.chars().next()?;
    // Only the labels that start with this character are tried, the longest first.
    let listed = lexicon::labels_starting(c)
        .iter()
        .find_map(|&(word, role)| {
            let n = spaced_word(s, word)?;
            let m = colon(&s[n..])?;
            Some(Label {
                word,
                role,
                len: n + m,
            })
        });
    listed.or_else(|| qualified_label(s))
}

/// A header field written without a colon, its word spaced out and a gap after it, as the
/// Legislative Yuan lays out its minutes: `時　　間　中華民國113年…`, `主　　席　高召集委員振源`,
/// `時  間 中華民國105年…`. Only header fields, and the caller takes it only in the header.
pub fn gap_label(s: &str) -> Option<Label> {
    header_words(s).find_map(|(word, role, n)| {
        let rest = &s[n..];
        let gap = skip_spaces(rest);
        // A wide gap; or one space after a word spread out itself (`時  間 中華民國…`); or, for
        // a date, none before its digits (`時間97112612101310`, a page that lost its
        // punctuation).
        let spread = s[..n].contains(crate::text::is_space);
        let wide = rest[..gap].contains(['\u{3000}', '\t']) || gap >= 2 || (spread && gap >= 1);
        let digits = gap == 0
            && role == Role::Date
            && rest.chars().next().and_then(crate::text::digit).is_some();
        ((wide || digits) && gap < rest.len()).then_some(Label {
            word,
            role,
            len: n + gap,
        })
    })
}

/// The header field words `s` starts with, letter-spaced or not, the longest first: each with
/// its role and the bytes it takes.
pub fn header_words(s: &str) -> impl Iterator<Item = (&'static str, Role, usize)> + '_ {
    let first = s.chars().next();
    first
        .map_or(&[][..], lexicon::labels_starting)
        .iter()
        .filter(|(_, role)| role.is_header())
        .filter_map(move |&(word, role)| Some((word, role, spaced_word(s, word)?)))
}

/// A label made of a few characters naming who, then one of [`LABEL_ENDINGS`] and a colon.
fn qualified_label(s: &str) -> Option<Label> {
    // 出席董事：, 列席官員：, 請假議員：: who attended, named by what they are.
    for (word, role) in [
        ("出席", Role::Attendees),
        ("列席", Role::Observers),
        ("請假", Role::Absent),
        ("缺席", Role::Absent),
    ] {
        if let Some(rest) = s.strip_prefix(word) {
            // `出席委員`, `列席單位、人員`, `出席召集委員`.
            let who = rest
                .chars()
                .take(7)
                .take_while(|&c| is_han(c) || c == '、')
                .count();
            let after: usize = rest.chars().take(who).map(char::len_utf8).sum();
            if (1..=7).contains(&who) && !rest.starts_with('、') {
                if let Some(n) = colon(&rest[after..]) {
                    return Some(Label {
                        word,
                        role,
                        len: word.len() + after + n,
                    });
                }
                // `出席委員-非醫療專業(男)：`: the group qualified further, before the colon.
                let more = rest[after..].char_indices().take(14).find(|&(_, c)| {
                    matches!(c, '：' | ':') || "、，,。；;".contains(c) || is_space(c)
                });
                if let Some((k, c)) = more.filter(|&(_, c)| matches!(c, '：' | ':')) {
                    if rest[after..after + k].starts_with(['-', '－', '(', '（', '—']) {
                        return Some(Label {
                            word,
                            role,
                            len: word.len() + after + k + c.len_utf8(),
                        });
                    }
                }
            }
        }
    }
    let colon_at = s
        .char_indices()
        .take(10)
        .find(|&(_, c)| matches!(c, '：' | ':'))
        .map(|(k, _)| k)?;
    let head = s[..colon_at].trim_end_matches(is_space);
    let chars = head.chars().count();
    if !(3..=9).contains(&chars) || !head.chars().all(is_han) {
        return None;
    }
    let &(word, role) = lexicon::LABEL_ENDINGS
        .iter()
        .find(|(w, _)| head.ends_with(w))?;
    Some(Label {
        word,
        role,
        len: colon_at + s[colon_at..].chars().next()?.len_utf8(),
    })
}

/// `委員發言要點：` alone on its line: a few characters and a colon head what follows, as a
/// label does. (A sentence that ends in a colon, `…辦理情形如下：`, is longer or punctuated.)
pub fn heading_label(s: &str) -> Option<Label> {
    // Chinese, perhaps with a letter or digit naming who (`委員A：`).
    let word = |c: char| is_han(c) || c.is_ascii_alphanumeric();
    // At most 13 characters are read: this runs at every stop of a long line that may have an
    // item glued after it, so reading to the line's end each time would be quadratic.
    let head_len: usize = s
        .chars()
        .take(13)
        .take_while(|&c| word(c))
        .map(char::len_utf8)
        .sum();
    let head = &s[..head_len];
    let rest = &s[head_len..];
    if !matches!(&rest[skip_spaces(rest)..], "：" | ":") {
        return None;
    }
    // `…執行情形如下：` introduces a table or list; it does not name a part.
    if lexicon::INTRODUCERS.iter().any(|w| head.ends_with(w)) {
        return None;
    }
    let chars = head.chars().count();
    let cjk = head.chars().filter(|c| is_han(*c)).count();
    ((2..=12).contains(&chars) && cjk >= 2).then_some(Label {
        word: "",
        role: Role::Other,
        len: s.len(),
    })
}

/// `（報告單位：數位策略司）` alone on its line.
pub fn bracketed_field(s: &str) -> Option<Label> {
    let inner = s.strip_prefix(['（', '('])?.strip_suffix(['）', ')'])?;
    let l = label(inner)?;
    (l.role == Role::Unit || l.role == Role::Person).then_some(l)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        let l = |s: &'static str| label(s).map(move |k| (k.word, &s[..k.len]));
        assert_eq!(l("說明：本部"), Some(("說明", "說明：")));
        assert_eq!(l("說　明：本部"), Some(("說明", "說　明：")));
        assert_eq!(l("案 由:修正"), Some(("案由", "案 由:")));
        assert_eq!(l("主席裁示：照辦"), Some(("主席裁示", "主席裁示：")));
        assert_eq!(l("主席：林部長"), Some(("主席", "主席：")));
        assert_eq!(
            l("出席及列席人員：侯"),
            Some(("出席及列席人員", "出席及列席人員："))
        );
        assert_eq!(l("決定：洽悉。"), Some(("決定", "決定：")));
        assert_eq!(l("說明本案"), None);
        assert_eq!(l("主席致詞"), None);
    }
}
