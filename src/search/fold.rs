//! Folding: text made comparable (lower case, accents stripped, ligatures spelled out,
//! typographic punctuation made plain), with a map back to the original characters.
//!
//! Owns what "the same letters" means for search. It knows nothing of partners, queries or
//! the index.

use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds text for matching: compatibility decomposition, accents stripped, lower case, ligatures
/// spelled out, typographic quotes and dashes made plain.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Folds text and returns, for each folded character, the index of the original character it
/// came from, so highlight positions land on the right characters.
pub fn fold_with_map(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len());
    let mut last_len = 0;
    for (original, c) in text.chars().enumerate() {
        if c.is_ascii() {
            // One character in, one out: most of any text.
            out.push(c.to_ascii_lowercase());
            map.push(original);
            last_len = out.len();
            continue;
        }
        fold_into(c.encode_utf8(&mut [0; 4]), &mut out);
        let added = out[last_len..].chars().count();
        map.extend(std::iter::repeat_n(original, added));
        last_len = out.len();
    }
    (out, map)
}

/// How many characters `c` folds to: none for an accent or a formatting character on its
/// own, two for a ligature, one for most.
pub(super) fn folded_len(c: char) -> usize {
    if c.is_ascii() {
        return 1;
    }
    let mut out = String::new();
    fold_char(c, &mut out);
    out.chars().count()
}

pub(super) fn fold_into(text: &str, out: &mut String) {
    let mut rest = text;
    while !rest.is_empty() {
        // Runs of ASCII, most of any text, are copied and lowered in bulk.
        let ascii = ascii_prefix(rest.as_bytes());
        let start = out.len();
        out.push_str(&rest[..ascii]);
        out.as_mut_str()[start..].make_ascii_lowercase();
        rest = &rest[ascii..];
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            fold_char(c, out);
            rest = chars.as_str();
        }
    }
}

/// How many bytes at the start of `bytes` are ASCII, checked eight at a time.
fn ascii_prefix(bytes: &[u8]) -> usize {
    let mut blocks = bytes.chunks_exact(8);
    let mut ascii = 0;
    for chunk in &mut blocks {
        let mut block = [0; 8];
        block.copy_from_slice(chunk);
        let high = u64::from_le_bytes(block) & 0x8080_8080_8080_8080;
        if high != 0 {
            return ascii + high.trailing_zeros() as usize / 8;
        }
        ascii += 8;
    }
    ascii + blocks.remainder().iter().take_while(|b| b.is_ascii()).count()
}

/// Folds one character that is not ASCII; accented Latin letters from a table made once.
fn fold_char(c: char, out: &mut String) {
    const LATIN: std::ops::Range<u32> = 0xC0..0x180;
    static FOLDED_LATIN: OnceLock<Vec<String>> = OnceLock::new();
    let code = u32::from(c);
    if LATIN.contains(&code) {
        let table = FOLDED_LATIN.get_or_init(|| {
            LATIN
                .map(|code| {
                    let mut folded = String::new();
                    if let Some(c) = char::from_u32(code) {
                        fold_char_uncached(c, &mut folded);
                    }
                    folded
                })
                .collect()
        });
        if let Some(folded) = table.get((code - LATIN.start) as usize) {
            out.push_str(folded);
            return;
        }
    }
    fold_char_uncached(c, out);
}

fn fold_char_uncached(c: char, out: &mut String) {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{B4}' => {
            out.push('\'');
        }
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{AB}' | '\u{BB}' => {
            out.push('"');
        }
        '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
        '\u{A0}' | '\u{202F}' | '\u{2009}' => out.push(' '),
        'œ' | 'Œ' => out.push_str("oe"),
        'æ' | 'Æ' => out.push_str("ae"),
        'ß' | 'ẞ' => out.push_str("ss"),
        'ø' | 'Ø' => out.push('o'),
        'đ' | 'Đ' => out.push('d'),
        'ł' | 'Ł' => out.push('l'),
        // Formatting that is no letter: a zero-width space pasted with a word, a soft hyphen,
        // a joiner or a variation selector inside an emoji, a bidirectional mark.
        c if is_formatting(c) => {}
        _ => {
            for d in c.nfkd().filter(|d| !is_combining_mark(*d)) {
                out.extend(d.to_lowercase());
            }
        }
    }
}

/// Whether `c` only formats text around it, and is no part of what it says (a tag
/// character is drawn as nothing, in a flag or out of one).
fn is_formatting(c: char) -> bool {
    crate::text::is_invisible(c)
        || crate::text::is_bidi_control(c)
        || crate::text::is_tag(c)
        || matches!(c, '\u{200D}' | '\u{FE00}'..='\u{FE0F}')
}

/// Whether `c` belongs to a word (a run of letters and digits), for word matching.
pub(super) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding() {
        assert_eq!(fold("Métropole"), "metropole");
        assert_eq!(fold("l’Île-de-France"), "l'ile-de-france");
        assert_eq!(fold("Œuvre «x» – ﬁn"), "oeuvre \"x\" - fin");
        assert_eq!(fold("STRASSE ß"), "strasse ss");
        // Formatting pasted along with a word is no part of it.
        assert_eq!(fold("ugap\u{200B}"), "ugap");
        assert_eq!(fold("Com\u{AD}mune \u{200E}x\u{FEFF}"), "commune x");
        assert_eq!(fold("\u{2764}\u{FE0F}"), "\u{2764}");
        // Tag characters, drawn as nothing, hide no letters from a search: a flag's, the flag
        // aside, nor stray ones.
        assert_eq!(fold("Hid\u{E0041}den\u{E007F}"), "hidden");
        let scotland = "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}";
        assert_eq!(fold(&format!("{scotland} Club")), "🏴 club");
    }

    #[test]
    fn fold_map_points_at_original_chars() {
        let (folded, map) = fold_with_map("Œil é");
        assert_eq!(folded, "oeil e");
        assert_eq!(map, vec![0, 0, 1, 2, 3, 4]);
    }

    #[test]
    fn ascii_prefixes() {
        for text in
            ["", "a", "abcdefgh", "abcdefghi", "é", "abcdefgé", "abcdefghé", "abcdefghijklmnoé"]
        {
            let expected = text.bytes().take_while(u8::is_ascii).count();
            assert_eq!(ascii_prefix(text.as_bytes()), expected, "{text}");
        }
    }
}
