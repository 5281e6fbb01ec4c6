//! Properties that hold for any input, checked over generated minutes and over arbitrary text:
//! the parser never panics, loses nothing, keeps every node inside the input, and its flat
//! view and JSON agree with the tree.

mod common;

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

/// Every invariant of [`common::check`], as a proptest failure.
fn check(input: &str, exact: bool) -> Result<(), TestCaseError> {
    common::check(input, exact)
        .map(drop)
        .map_err(TestCaseError::fail)
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
