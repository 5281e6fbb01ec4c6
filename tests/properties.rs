//! Properties that hold for any input, checked over generated minutes and over arbitrary text:
//! the parser never panics, loses nothing, keeps every node inside the input, and its flat
//! view and JSON agree with the tree.

mod common;

use common::{content, everything, held, subsequence};
use minutes_outline::flat::flatten;
use minutes_outline::tree::{MAX_DEPTH, NONE};
use minutes_outline::{parse, Document};
use proptest::prelude::*;

const CJK: [&str; 11] = [
    "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
];

fn cjk(n: u32) -> String {
    match n {
        0..=10 => CJK[n as usize].to_string(),
        11..=19 => format!("十{}", CJK[(n - 10) as usize]),
        _ => format!(
            "{}十{}",
            CJK[(n / 10) as usize],
            if n % 10 == 0 {
                ""
            } else {
                CJK[(n % 10) as usize]
            }
        ),
    }
}

fn marker() -> impl Strategy<Value = String> {
    let formal = ["壹", "貳", "參", "叁", "肆", "伍", "陸"];
    prop_oneof![
        (1u32..25).prop_map(|n| format!("{}、", cjk(n))),
        (1u32..25).prop_map(|n| format!("（{}）", cjk(n))),
        (1u32..25).prop_map(|n| format!("({})", cjk(n))),
        (1u32..25).prop_map(|n| format!("( {} )", cjk(n))),
        (1u32..30).prop_map(|n| format!("{n}、")),
        (1u32..30).prop_map(|n| format!("{n} 、")),
        (1u32..30).prop_map(|n| format!("{n}.")),
        (1u32..30).prop_map(|n| format!("({n})")),
        (1u32..30).prop_map(|n| format!("（{n}）")),
        (0usize..7).prop_map(move |k| format!("{}、", formal[k])),
        (0u8..26).prop_map(|k| format!("{}.", (b'A' + k) as char)),
        (0u8..26).prop_map(|k| format!("({})", (b'a' + k) as char)),
        (1u32..10).prop_map(|n| format!("案由{}：", cjk(n))),
        (1u32..10).prop_map(|n| format!("第{}案", cjk(n))),
        (1u32..10).prop_map(|n| format!("提案{}", cjk(n))),
        (0u32..20).prop_map(|n| char::from_u32(0x2460 + n).unwrap().to_string()),
        (1u32..5).prop_map(|n| format!("一之{}、", cjk(n))),
        Just("甲、".to_string()),
    ]
}

fn words() -> impl Strategy<Value = String> {
    let pieces = [
        "本部",
        "辦理",
        "完成",
        "114年11月20日",
        "3月9-10、17及23-25日",
        "10月底",
        "34億6,950萬6千元",
        "92.65%",
        "新臺幣1,250萬元",
        "，",
        "。",
        "；",
        "：",
        "、",
        "「",
        "」",
        "（",
        "）",
        "AI",
        "OneWeb",
        " ",
        "\u{3000}",
        "報告單位：數位策略司",
        "<script>alert(1)</script>",
        "**粗體**",
        "\\_",
        "🎉",
        "1 0 1 年",
        "2024-05-08",
        "(五)",
        "說明",
        "決議",
        "海纜",
        "韌性",
        "數位策略司",
        "一、",
        "二、",
        "。二、",
    ];
    prop::collection::vec(prop::sample::select(pieces.to_vec()), 0..12).prop_map(|v| v.concat())
}

/// A line of minutes; with `noise`, sometimes arbitrary characters too.
fn line(noise: bool) -> impl Strategy<Value = String> {
    let labels = [
        "說明：",
        "決定：",
        "決議：",
        "辦法：",
        "主席裁示：",
        "說　明：",
        "案 由:",
        "報告單位：",
        "日期：",
        "出席人員：",
    ];
    let sections = [
        "報告事項",
        "討論事項",
        "臨時動議",
        "散會（下午4時39分）",
        "附錄",
        "報 告 事 項",
    ];
    let deco = [
        "", "", "", "# ", "### ", "- ", "  - ", "    ", "\t", "**", "• ",
    ];
    prop_oneof![
        4 => (prop::sample::select(deco.to_vec()), marker(), words()).prop_map(|(d, m, t)| format!("{d}{m}{t}")),
        2 => (prop::sample::select(labels.to_vec()), words()).prop_map(|(l, t)| format!("{l}{t}")),
        1 => prop::sample::select(sections.to_vec()).prop_map(str::to_string),
        3 => words(),
        2 => Just(String::new()),
        1 => (1u32..200).prop_map(|n| format!("- {n} -")),
        1 => (1u32..200).prop_map(|n| n.to_string()),
        1 => (words(), words(), words()).prop_map(|(a, b, c)| format!("{a}\t{b}\t\t{c}")),
        1 => (words(), words()).prop_map(|(a, b)| format!("| {a} | {b} |")),
        1 => Just("|---|---|".to_string()),
        1 => if noise { "[\\PC\\t]{0,40}".boxed() } else { words().boxed() },
    ]
}

fn minutes(noise: bool) -> impl Strategy<Value = String> {
    (
        prop::collection::vec(line(noise), 0..80),
        prop::sample::select(vec!["\n", "\r\n", "\r", "\n\n", "\x0c"]),
    )
        .prop_map(|(lines, brk)| lines.join(brk))
}

/// Every invariant at once, so that each generated input is parsed once. `exact`: the
/// outline holds exactly the input's content; otherwise (arbitrary text, where a `#` in a table
/// may be content or decoration) at least the content and at most the input, in order.
fn check(input: &str, exact: bool) -> Result<(), TestCaseError> {
    let doc: Document = parse(input);
    // Nothing lost, in order, and nothing made up.
    let got = held(&doc);
    if exact {
        prop_assert_eq!(got, content(input));
    } else {
        prop_assert!(
            subsequence(&content(input), &got),
            "lost: {:?} holds {:?}",
            content(input),
            got
        );
        prop_assert!(
            subsequence(&got, &everything(input)),
            "made up: {:?} from {:?}",
            got,
            input
        );
    }
    // Every node lies inside the input and in a consistent tree.
    let lines = doc.line_count;
    for (id, n) in doc.nodes.iter().enumerate() {
        prop_assert!(
            n.line >= 1 && n.line <= n.end_line && n.end_line <= lines.max(1),
            "node {} lines {}..{} of {}",
            id,
            n.line,
            n.end_line,
            lines
        );
        prop_assert!((n.depth as usize) < MAX_DEPTH);
        if n.parent != NONE {
            prop_assert!((n.parent as usize) < id);
            prop_assert_eq!(n.depth, doc.nodes[n.parent as usize].depth + 1);
        } else {
            prop_assert_eq!(n.depth, 0);
        }
    }
    // The flat view slices the same texts out of the input's UTF-16.
    let f = flatten(&doc);
    let units: Vec<u16> = input.encode_utf16().collect();
    for id in 0..doc.nodes.len() {
        let mut text = String::new();
        for s in f.text_at[id]..f.marker_at[id + 1] {
            let (a, b) = (
                f.seg_start[s as usize] as usize,
                f.seg_end[s as usize] as usize,
            );
            prop_assert!(a <= b && b <= units.len());
            if f.seg_space[s as usize] == 1 && s > f.text_at[id] {
                text.push(' ');
            }
            text += &String::from_utf16_lossy(&units[a..b]);
        }
        prop_assert_eq!(text, doc.text(id as u32));
    }
    // The JSON is valid and reads back.
    let json = serde_json::to_string(&doc).unwrap();
    let back: serde_json::Value = serde_json::from_str(&json).unwrap();
    prop_assert_eq!(
        back["outline"].as_array().map(Vec::len),
        Some(doc.roots().count())
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn generated_minutes(input in minutes(false)) {
        check(&input, true)?;
    }

    #[test]
    fn generated_minutes_with_noise(input in minutes(true)) {
        check(&input, false)?;
    }

    #[test]
    fn arbitrary_text(input in any::<String>()) {
        check(&input, false)?;
    }

    #[test]
    fn arbitrary_lines_of_markers(input in "([一二三（）()1-9、.：:\\-# \\t\\n]|說明|決定|案由|報告事項){0,300}") {
        check(&input, false)?;
    }
}
