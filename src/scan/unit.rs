//! Names of organisations and their units: `數位策略司`, `臺北市政府`, `秘書處業务報告` (the unit
//! before a word for its report). The endings are data (src/lexicon/unit-suffixes.txt).

use crate::lexicon;
use crate::text::is_space;

/// A unit's name: ends with the name of an organisational unit, short, no punctuation.
pub fn unit_name(text: &str) -> Option<&str> {
    // At most 24 characters (財團法人原住民族語言研究發展基金會) with a word such as 業務報告
    // after them: 90 bytes. Longer texts are no unit's name, and are not read.
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
    if !(2..=24).contains(&chars) {
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
    lexicon::UNIT_SUFFIXES
        .iter()
        .any(|s| t.ends_with(s))
        .then_some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_names() {
        assert_eq!(unit_name("數位策略司"), Some("數位策略司"));
        assert_eq!(unit_name("國家資通安全研究院"), Some("國家資通安全研究院"));
        assert_eq!(unit_name("秘書處業務報告"), Some("秘書處"));
        assert_eq!(unit_name("召開說明會"), None);
        assert_eq!(unit_name("人工智慧基本法(草案)推動情形"), None);
        assert_eq!(unit_name("本部"), None);
    }
}
