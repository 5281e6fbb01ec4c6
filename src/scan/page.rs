//! Page numbers alone on a line: `-1-`, `- 10 -`, `－3－`, `第 2 頁`, `第2頁，共10頁`, `Page 3`,
//! `2 / 10`.

use super::numeral::arabic_number;
use crate::text::is_space;

pub fn page_number(s: &str) -> bool {
    let s = s.trim_matches(is_space);
    if s.is_empty() {
        return false;
    }
    let dash = |c: char| matches!(c, '-' | '－' | '—' | '–' | '─' | '‒');
    let inner = s.trim_start_matches(dash).trim_end_matches(dash);
    if inner.len() < s.len() {
        let inner = inner.trim_matches(is_space);
        return arabic_number(inner, 4).is_some_and(|(_, n)| n == inner.len());
    }
    if let Some(rest) = s.strip_prefix('第') {
        let rest = rest.trim_start_matches(is_space);
        if let Some((_, n)) = arabic_number(rest, 4) {
            let rest = rest[n..].trim_start_matches(is_space);
            if let Some(rest) = rest.strip_prefix('頁') {
                let rest = rest.trim_start_matches(|c: char| is_space(c) || "，,/／、".contains(c));
                if rest.is_empty() {
                    return true;
                }
                if let Some(r) = rest.strip_prefix('共') {
                    let r = r.trim_start_matches(is_space);
                    if let Some((_, n)) = arabic_number(r, 4) {
                        return r[n..].trim_matches(is_space) == "頁";
                    }
                }
            }
        }
        return false;
    }
    if let Some(rest) = s.strip_prefix("Page ").or_else(|| s.strip_prefix("page ")) {
        return arabic_number(rest.trim(), 4).is_some_and(|(_, n)| n == rest.trim().len());
    }
    // 2 / 10
    if let Some((a, b)) = s.split_once(['/', '／']) {
        let (a, b) = (a.trim_matches(is_space), b.trim_matches(is_space));
        let num = |x: &str| arabic_number(x, 4).is_some_and(|(_, n)| n == x.len());
        return num(a) && num(b) && !a.is_empty();
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers() {
        for s in [
            "-1-",
            "- 10 -",
            "－3－",
            "第 2 頁",
            "第2頁，共10頁",
            "第2頁/共10頁",
            "Page 3",
            "2 / 10",
        ] {
            assert!(page_number(s), "{s}");
        }
        for s in ["1", "-", "第2次", "114/11/20", "1-1", "第二頁"] {
            assert!(!page_number(s), "{s}");
        }
    }
}
