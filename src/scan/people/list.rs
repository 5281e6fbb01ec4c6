//! Lists of people as minutes write them: `A、B、C（請假）、D（E代）`, across lines, with
//! `單位：A、B` groups, and a letter-spaced run of names with nothing between them. Each entry
//! is read by [`super::person`].

use super::*;

/// Keeps the first of people listed twice by name (`張國華` and later `張國華代`, the same
/// official standing in for another).
pub fn dedupe(list: &mut Vec<Attendee>) {
    let mut seen: Vec<String> = Vec::new();
    list.retain(|a| match &a.name {
        Some(n) if seen.contains(n) => false,
        Some(n) => {
            seen.push(n.clone());
            true
        }
        None => true,
    });
}

/// `王 志 明 林 強 陳 建 國 張 美 玲 ( 代 )` → `王志明、林強、陳建國、張美玲(代)`: a list of names
/// letter-spaced throughout with nothing between them (a PDF copy that spaced every character
/// and lost the separators), cut where names begin: each two or three characters from a
/// surname, three preferred, as a reader cuts them. `None` when the run cannot be cut so.
pub fn names_run_together(spaced: &str) -> Option<String> {
    let tokens: Vec<&str> = spaced.split(is_space).filter(|t| !t.is_empty()).collect();
    // Runs of single characters, each followed by the notes in brackets after it.
    let mut runs: Vec<(Vec<char>, String)> = vec![(Vec::new(), String::new())];
    let mut depth = 0;
    for t in tokens {
        let last = runs.last_mut()?;
        if depth > 0 || t.starts_with(['(', '（']) {
            depth += t.matches(['(', '（']).count() as i32 - t.matches([')', '）']).count() as i32;
            last.1.push_str(t);
            if depth <= 0 {
                depth = 0;
                runs.push((Vec::new(), String::new()));
            }
            continue;
        }
        let mut cs = t.chars();
        match (cs.next(), cs.next()) {
            (Some(c), None) if crate::text::is_han(c) => last.0.push(c),
            _ => return None,
        }
    }
    let mut names = Vec::new();
    for (run, note) in runs {
        if run.is_empty() {
            continue;
        }
        let cut = cut_names(&run)?;
        let n = cut.len();
        for (k, name) in cut.into_iter().enumerate() {
            names.push(if k + 1 == n {
                format!("{name}{note}")
            } else {
                name
            });
        }
    }
    (names.len() >= 2).then(|| names.join("、"))
}

/// `run` cut into names of two or three characters, each starting with a surname: the cut with
/// the fewest names (the most of three), the earliest on a tie. A rare surname the lexicon
/// lacks (`危志遠`) may start a name, one name in five at most.
fn cut_names(run: &[char]) -> Option<Vec<String>> {
    // best[i]: for run[i..], (names not starting with a known surname, names), and the first's
    // length.
    let n = run.len();
    let mut best: Vec<Option<((usize, usize), usize)>> = vec![None; n + 1];
    best[n] = Some(((0, 0), 0));
    for i in (0..n).rev() {
        let miss = !lexicon::is_surname(run[i]) as usize;
        best[i] = [3, 2]
            .into_iter()
            .filter(|&len| i + len <= n)
            .filter_map(|len| best[i + len].map(|((m, c), _)| ((m + miss, c + 1), len)))
            .min_by_key(|&(cost, _)| cost);
    }
    let ((misses, count), _) = best[0]?;
    if misses * 5 > count {
        return None;
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let (_, len) = best[i]?;
        out.push(run[i..i + len].iter().collect());
        i += len;
    }
    Some(out)
}

/// A list of people: `A、B、C（請假）、D（E代）`, across lines, with `單位：A、B` groups.
pub fn attendees(value: &str, default: Status) -> Vec<Attendee> {
    let v = value.trim_matches(is_space);
    let v = &unspaced_heads(v);
    // 如簽到表: the names are elsewhere.
    if v.is_empty() || ["簽到", "詳如", "如附"].iter().any(|w| v.contains(w)) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut group_unit: Option<String> = None;
    let mut group_status = default;
    for item in split_list(v) {
        let mut item = item.trim_matches(|c: char| is_space(c) || "。.".contains(c));
        // `交通部：王科長大明` opens a group (`本 會：` letter-spaced); `請假人員：蔡銀展` a group
        // of those who were away.
        if let Some(k) = item.find(['：', ':']) {
            let head: String = item[..k].chars().filter(|&c| !is_space(c)).collect();
            let away =
                crate::scan::label(&item[..k + item[k..].chars().next().map_or(0, char::len_utf8)])
                    .is_some_and(|l| l.role == crate::model::Role::Absent);
            group_status = if away { Status::Absent } else { default };
            group_unit = (!away).then_some(head);
            item = item[k..]
                .trim_start_matches(['：', ':'])
                .trim_matches(is_space);
        }
        if item.is_empty() {
            continue;
        }
        let mut status = group_status;
        let mut substitute = None;
        let mut note = item;
        while note.ends_with(['）', ')']) {
            let Some(open) = note.rfind(['（', '(']) else {
                break;
            };
            let inner = note[open..]
                .trim_start_matches(['（', '('])
                .trim_end_matches(['）', ')'])
                .trim();
            if lexicon::ABSENCE.iter().any(|w| inner.contains(w)) {
                status = Status::Absent;
            } else if let Some(who) = substitute_of(inner) {
                status = Status::Substituted;
                substitute = Some(person(who));
            }
            note = note[..open].trim_end_matches(is_space);
        }
        // `交工處：（未派員）`: a unit that sent nobody; `委員出席12人`: a count, nobody.
        if note.is_empty() || not_a_person(note) {
            continue;
        }
        // `外交部部長吳釗燮及所屬人員`: those who came with them are not named.
        let mut note = lexicon::COMPANIONS
            .iter()
            .find_map(|w| note.strip_suffix(w))
            .unwrap_or(note)
            .trim_end_matches(is_space);
        // `陳建宏林凱代`: a name, and who came instead; `張國華代`: someone standing in.
        if let Some(body) = note.strip_suffix('代') {
            let chars: Vec<char> = body.chars().collect();
            let name_at = |k: usize| chars.get(k).is_some_and(|&c| lexicon::is_surname(c));
            if (5..=6).contains(&chars.len()) && name_at(0) && name_at(3) && substitute.is_none() {
                let sub: String = chars[3..].iter().collect();
                substitute = Some(person(&sub));
                status = Status::Substituted;
                let cut: usize = chars[..3].iter().map(|c| c.len_utf8()).sum();
                note = &body[..cut];
            } else if (2..=4).contains(&chars.len()) && name_at(0) {
                note = body;
            }
        }
        for p in glued_names(note) {
            // A single character is what a damaged page left of a name, not a person.
            if p.title.is_none() && p.name.as_deref().is_some_and(|n| n.chars().count() < 2) {
                continue;
            }
            out.push(Attendee {
                name: p.name,
                title: p.title,
                unit: p.unit.or_else(|| group_unit.clone()),
                raw: item.to_string(),
                status,
                substitute: substitute.clone(),
            });
        }
    }
    out
}

/// `本 會：楊 綱` → `本會：楊 綱`: the letter-spacing taken out of a unit's name before its colon,
/// so that the group is read as one unit.
fn unspaced_heads(v: &str) -> String {
    let chars: Vec<char> = v.chars().collect();
    let mut out = String::with_capacity(v.len());
    for (k, &c) in chars.iter().enumerate() {
        // A single space inside a word of at most four characters that a colon ends.
        let inside_head = c == ' '
            && k > 0
            && !is_space(chars[k - 1])
            && chars.get(k + 1).is_some_and(|&n| !is_space(n))
            && chars[k + 1..]
                .iter()
                .take(4)
                .position(|&n| matches!(n, '：' | ':'))
                .is_some_and(|p| !chars[k + 1..k + 1 + p].iter().any(|&x| is_space(x)))
            && chars[..k]
                .iter()
                .rev()
                .take_while(|&&p| !is_space(p) && !matches!(p, '、' | '，' | '：'))
                .count()
                == 1;
        if !inside_head {
            out.push(c);
        }
    }
    out
}

/// `李文雄吳春梅`: three-character names a page glued together (each starting with a
/// surname, no title between), read as so many people; anyone else as one.
fn glued_names(s: &str) -> Vec<Person> {
    let chars: Vec<char> = s.chars().collect();
    // Names of three characters run together (`李文雄吳春梅周志強`, a list whose separators
    // a copy lost): each third character a surname, no title or unit among them.
    if chars.len() >= 6
        && chars.len() % 3 == 0
        && chars.len() <= 60
        && chars.iter().all(|&c| crate::text::is_han(c))
        && chars.chunks(3).all(|n| lexicon::is_surname(n[0]))
        && title_matches(&chars).is_empty()
        && unit_name(s).is_none()
    {
        return chars
            .chunks(3)
            .map(|n| person(&n.iter().collect::<String>()))
            .collect();
    }
    vec![person(s)]
}

/// `陳高級分析師坤中代`, `由王科長代理`, `代理人：王大明`: the substitute.
fn substitute_of(inner: &str) -> Option<&str> {
    let t = inner.trim_matches(is_space);
    let t = t
        .strip_prefix("代理人")
        .map(|r| r.trim_start_matches(['：', ':']))
        .unwrap_or(t);
    let t2 = t.strip_prefix('由').unwrap_or(t);
    let who = t2
        .strip_suffix("代理")
        .or_else(|| t2.strip_suffix("代理出席"))
        .or_else(|| t2.strip_suffix("代出席"))
        .or_else(|| t2.strip_suffix('代'))
        .or_else(|| (t != inner.trim() || t2 != t).then_some(t2))?;
    let who = who.trim_matches(is_space);
    (!who.is_empty() && who.chars().count() <= 20).then_some(who)
}

/// Splits a list of people on 、，,；; and spaces (not inside brackets), then joins a title or
/// unit to the name beside it: `經濟部政務次長　何俊明`, `陳其邁 市長` are one person each.
fn split_list(v: &str) -> Vec<String> {
    // (piece, a separator other than space before it, the spaces before it)
    let mut pieces: Vec<(&str, bool, usize)> = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    let mut hard = true;
    let mut gap = 0;
    for (k, c) in v.char_indices() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth -= 1,
            '、' | '，' | ',' | '；' | ';' | '\n' if depth <= 0 => {
                pieces.push((&v[start..k], hard, gap));
                start = k + c.len_utf8();
                hard = true;
                gap = 0;
            }
            c if is_space(c) && depth <= 0 => {
                if !v[start..k].trim_matches(is_space).is_empty() {
                    pieces.push((&v[start..k], hard, gap));
                    hard = false;
                    gap = 0;
                }
                gap += 1;
                start = k + c.len_utf8();
            }
            _ => {}
        }
    }
    pieces.push((&v[start..], hard, gap));
    let mut joined: Vec<(String, bool)> = Vec::new();
    for (p, hard, gap) in pieces {
        let p = p.trim_matches(is_space);
        if p.is_empty() {
            continue;
        }
        let single = |s: &str| s.chars().count() == 1;
        // The name part of a piece, after a unit's colon (`本會：楊`).
        let name_part = |s: &str| s.rsplit(['：', ':']).next().unwrap_or(s).to_string();
        match joined.last_mut() {
            // `陳 菊`: a surname and a one-character given name a single space apart.
            Some((last, _))
                if !hard
                    && gap == 1
                    && single(&name_part(last))
                    && single(p)
                    && name_part(last)
                        .chars()
                        .next()
                        .is_some_and(lexicon::is_surname) =>
            {
                last.push_str(p)
            }
            // `孟秀芳 (請假)`: a note in brackets goes with the name before it.
            Some((last, _))
                if !hard
                    && p.starts_with(['（', '('])
                    && p.ends_with(['）', ')'])
                    && strip_brackets(p).is_empty() =>
            {
                last.push_str(p)
            }
            // `童偉` / ` 豪`: a name a hard wrap cut after its second character, read back with
            // a space (one character alone is nobody's name).
            Some((last, _))
                if !hard
                    && single(p)
                    && name_part(last).chars().count() == 2
                    && name_part(last)
                        .chars()
                        .next()
                        .is_some_and(lexicon::is_surname)
                    && gap == 1 =>
            {
                last.push_str(p)
            }
            // `巴干.巴萬Bakan Pawa`: a romanisation goes with the name before it.
            Some((last, _)) if !hard && p.chars().all(|c| c.is_ascii_alphabetic()) => {
                last.push(' ');
                last.push_str(p);
            }
            _ => joined.push((p.to_string(), hard)),
        }
    }
    let pieces: Vec<(&str, bool)> = joined.iter().map(|(p, h)| (p.as_str(), *h)).collect();
    let name_only = |p: &str| {
        let q = person(p);
        q.title.is_none()
            && q.unit.is_none()
            && q.name.is_some_and(|n| (2..=4).contains(&n.chars().count()))
    };
    let mut out: Vec<String> = Vec::new();
    let mut last_joinable = false;
    for (p, hard) in pieces {
        let who = person(p);
        let title_only = who.name.is_none() && (who.title.is_some() || who.unit.is_some());
        let is_title = lexicon::is_title(strip_brackets(p));
        if !hard && last_joinable && (name_only(p) || (who.name.is_some() && who.unit.is_none())) {
            // A title or unit, then the name (or a person with their title): one person.
            out.last_mut().unwrap().push_str(&format!(" {p}"));
            last_joinable = false;
        } else if !hard && is_title && out.last().is_some_and(|l| name_only(l)) {
            // A name, then the title.
            out.last_mut().unwrap().push_str(&format!(" {p}"));
            last_joinable = false;
        } else {
            out.push(p.to_string());
            last_joinable = title_only;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_letter_spaced_with_nothing_between() {
        assert_eq!(
            names_run_together("王 志 明 林 強 陳 建 國 張 美 玲 ( 代 ) 李 文 華").as_deref(),
            Some("王志明、林強、陳建國、張美玲(代)、李文華")
        );
        // A title, a word, or one name: not a list to cut.
        assert_eq!(names_run_together("王 大 同 校 長"), None);
        assert_eq!(names_run_together("王 志 明"), None);
        assert_eq!(names_run_together("王志明 林強"), None);
        // One rare surname among many.
        assert_eq!(
            names_run_together("危 志 遠 江 美 秋 陳 明 興 黃 天 福 陳 世 傑").as_deref(),
            Some("危志遠、江美秋、陳明興、黃天福、陳世傑")
        );
    }

    #[test]
    fn attendee_lists() {
        let a = attendees(
            "侯政務次長宜秀、鄭參事明宗（請假）、韌性建設司牛司長信仁（陳高級分析師坤中代）",
            Status::Present,
        );
        assert_eq!(a.len(), 3);
        assert_eq!(a[0].status, Status::Present);
        assert_eq!(a[1].status, Status::Absent);
        assert_eq!(a[1].name.as_deref(), Some("鄭明宗"));
        assert_eq!(a[2].status, Status::Substituted);
        let sub = a[2].substitute.as_ref().unwrap();
        assert_eq!(
            (sub.name.as_deref(), sub.title.as_deref()),
            (Some("陳坤中"), Some("高級分析師"))
        );
        let a = attendees("王大明　李小華  陳美玲", Status::Present);
        assert_eq!(a.len(), 3);
        let a = attendees(
            "交通部：王科長大明、李技正小華；內政部：陳專員美玲",
            Status::Present,
        );
        assert_eq!(a[1].unit.as_deref(), Some("交通部"));
        assert_eq!(a[2].unit.as_deref(), Some("內政部"));
        assert!(attendees("如簽到表", Status::Present).is_empty());
        let a = attendees("李處長小華（由張科長美玲代理）", Status::Present);
        assert_eq!(
            a[0].substitute.as_ref().unwrap().name.as_deref(),
            Some("張美玲")
        );
    }
}
