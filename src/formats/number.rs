//! Numbers written the way a list style writes them: the markers a reader sees in front of an
//! automatically numbered paragraph (`一`, `壹`, `甲`, `(1)`'s `1`, `iv`, `Ｃ` …). Shared by the
//! ODF and OOXML readers; each maps its own format names onto [`Style`].

/// A way of writing a list counter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Decimal,
    /// `01`, `02` … (OOXML `decimalZero`).
    DecimalZero,
    /// `１`, `２` … (full-width digits).
    FullWidth,
    LowerLetter,
    UpperLetter,
    LowerRoman,
    UpperRoman,
    /// `一 … 十 十一 … 一百零一`: counting with 十百千萬 (ODF `一, 二, 三, ...`, OOXML
    /// `taiwaneseCountingThousand`, `taiwaneseCounting`, `chineseCounting` …).
    ChineseCounting,
    /// `一 … 一〇 一一`: one ideograph per digit (OOXML `taiwaneseDigital`, `ideographDigital`).
    ChineseDigits,
    /// `壹 貳 參 … 拾 拾壹` (OOXML `ideographLegalTraditional`, ODF `壹, 貳, 參, ...`).
    LegalTraditional,
    /// `壹 贰 叁 …` (OOXML `chineseLegalSimplified`).
    LegalSimplified,
    /// `甲 乙 丙 …` the ten heavenly stems (OOXML `ideographTraditional`).
    Stems,
    /// `子 丑 寅 …` the twelve earthly branches (OOXML `ideographZodiac`).
    Branches,
    /// `① ② ③ …`
    Circled,
    /// `⑴ ⑵ ⑶ …`
    Parenthesised,
    /// `⒈ ⒉ ⒊ …`
    FullStop,
    /// Nothing: the level shows only its prefix and suffix (ODF `""`, OOXML `none`).
    Nothing,
    /// A bullet: the paragraph is a list item without a number.
    Bullet,
}

const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const LEGAL_TW: [char; 10] = ['零', '壹', '貳', '參', '肆', '伍', '陸', '柒', '捌', '玖'];
const LEGAL_CN: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const STEMS: [char; 10] = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
const BRANCHES: [char; 12] = [
    '子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥',
];

/// `n` written in `style`. Numbers a style cannot write (0 in most, 51 circled) fall back to
/// decimal, as word processors do; a bullet or `Nothing` writes nothing.
pub fn format(n: i64, style: Style) -> String {
    use Style::*;
    let plain = || n.to_string();
    if n < 1 && !matches!(style, Decimal | DecimalZero | FullWidth | Nothing | Bullet) {
        return plain();
    }
    match style {
        Decimal => plain(),
        DecimalZero if (0..10).contains(&n) => format!("0{n}"),
        DecimalZero => plain(),
        FullWidth => plain()
            .chars()
            .map(|c| match c {
                '0'..='9' => char::from_u32(c as u32 - '0' as u32 + 0xff10).unwrap_or(c),
                '-' => '－',
                c => c,
            })
            .collect(),
        LowerLetter => letters(n, b'a'),
        UpperLetter => letters(n, b'A'),
        LowerRoman => roman(n).to_lowercase(),
        UpperRoman => roman(n),
        ChineseCounting => counting(n, &DIGITS, ['十', '百', '千'], ['萬', '億']),
        ChineseDigits => plain()
            .bytes()
            .map(|b| DIGITS[(b - b'0') as usize])
            .collect(),
        LegalTraditional => counting(n, &LEGAL_TW, ['拾', '佰', '仟'], ['萬', '億']),
        LegalSimplified => counting(n, &LEGAL_CN, ['拾', '佰', '仟'], ['万', '亿']),
        Stems => cycle(n, &STEMS),
        Branches => cycle(n, &BRANCHES),
        Circled => match n {
            1..=20 => char::from_u32(0x2460 + n as u32 - 1).map(String::from),
            21..=35 => char::from_u32(0x3251 + n as u32 - 21).map(String::from),
            36..=50 => char::from_u32(0x32b1 + n as u32 - 36).map(String::from),
            _ => None,
        }
        .unwrap_or_else(plain),
        Parenthesised if n <= 20 => char::from_u32(0x2474 + n as u32 - 1)
            .map(String::from)
            .unwrap_or_else(plain),
        FullStop if n <= 20 => char::from_u32(0x2488 + n as u32 - 1)
            .map(String::from)
            .unwrap_or_else(plain),
        Parenthesised => format!("({n})"),
        FullStop => format!("{n}."),
        Nothing | Bullet => String::new(),
    }
}

/// `a … z aa bb …`: the letter repeated, as word processors count past 26.
fn letters(n: i64, base: u8) -> String {
    let k = ((n - 1) % 26) as u8;
    let times = ((n - 1) / 26 + 1).min(64) as usize;
    String::from((base + k) as char).repeat(times)
}

fn roman(n: i64) -> String {
    if n >= 4000 {
        return n.to_string();
    }
    const TABLE: [(i64, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut n = n;
    let mut s = String::new();
    for (v, r) in TABLE {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

fn cycle(n: i64, symbols: &[char]) -> String {
    String::from(symbols[((n - 1) % symbols.len() as i64) as usize])
}

/// Counting with place words: 十一, 一百零一, 一千零一十, 兩萬 is written 二萬 as lists do.
/// 10 to 19 drop their leading one (十, 十一), as in every Chinese list.
fn counting(n: i64, digits: &[char; 10], small: [char; 3], big: [char; 2]) -> String {
    let zero_char = '零';
    if n >= 1_0000_0000_0000 {
        return n.to_string();
    }
    // Groups of four digits, the highest first: 億, 萬, then the units.
    let groups = [n / 1_0000_0000, n / 1_0000 % 1_0000, n % 1_0000];
    let mut out = String::new();
    let mut zero = false; // a zero is pending between two written digits
    for (g, &value) in groups.iter().enumerate() {
        if value == 0 {
            zero |= !out.is_empty();
            continue;
        }
        if !out.is_empty() && value < 1000 {
            zero = true;
        }
        let place = [value / 1000, value / 100 % 10, value / 10 % 10, value % 10];
        for (p, &d) in place.iter().enumerate() {
            if d == 0 {
                zero |= !out.is_empty();
                continue;
            }
            if zero {
                out.push(zero_char);
                zero = false;
            }
            let ten_alone = p == 2 && d == 1 && out.is_empty();
            if !ten_alone {
                out.push(digits[d as usize]);
            }
            if p < 3 {
                out.push(small[2 - p]);
            }
        }
        if g < 2 {
            out.push(big[1 - g]);
        }
        // A zero inside this group was for digits within it, not across groups.
        zero = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counting_writes_what_a_list_shows() {
        let want = [
            (1, "一"),
            (9, "九"),
            (10, "十"),
            (11, "十一"),
            (19, "十九"),
            (20, "二十"),
            (21, "二十一"),
            (100, "一百"),
            (101, "一百零一"),
            (110, "一百一十"),
            (111, "一百一十一"),
            (1000, "一千"),
            (1001, "一千零一"),
            (1010, "一千零一十"),
            (10000, "一萬"),
            (10001, "一萬零一"),
            (10010, "一萬零一十"),
            (11000, "一萬一千"),
            (100000, "十萬"),
            (1_0000_0000, "一億"),
        ];
        for (n, s) in want {
            assert_eq!(format(n, Style::ChineseCounting), s, "{n}");
        }
        assert_eq!(format(11, Style::LegalTraditional), "拾壹");
        assert_eq!(format(23, Style::LegalTraditional), "貳拾參");
        assert_eq!(format(6, Style::LegalTraditional), "陸");
        assert_eq!(format(3, Style::LegalSimplified), "叁");
        assert_eq!(format(10, Style::ChineseDigits), "一〇");
    }

    #[test]
    fn other_styles() {
        assert_eq!(format(3, Style::Stems), "丙");
        assert_eq!(format(12, Style::Branches), "亥");
        assert_eq!(format(2, Style::Circled), "②");
        assert_eq!(format(21, Style::Circled), "㉑");
        assert_eq!(format(50, Style::Circled), "㊿");
        assert_eq!(format(51, Style::Circled), "51");
        assert_eq!(format(1, Style::Parenthesised), "⑴");
        assert_eq!(format(20, Style::FullStop), "⒛");
        assert_eq!(format(12, Style::FullWidth), "１２");
        assert_eq!(format(28, Style::LowerLetter), "bb");
        assert_eq!(format(1, Style::UpperLetter), "A");
        assert_eq!(format(1994, Style::UpperRoman), "MCMXCIV");
        assert_eq!(format(4, Style::LowerRoman), "iv");
        assert_eq!(format(7, Style::DecimalZero), "07");
        assert_eq!(format(0, Style::Stems), "0");
        assert_eq!(
            format(i64::MAX, Style::ChineseCounting),
            i64::MAX.to_string()
        );
        assert_eq!(format(i64::MAX, Style::LowerLetter).len(), 64);
        assert_eq!(format(-3, Style::Decimal), "-3");
        assert_eq!(format(5, Style::Bullet), "");
    }
}
