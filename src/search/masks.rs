//! Characters and words of a text as 64-bit sets: cheap tests that let a scan stop early
//! or skip fuzzy matching where it cannot succeed.
//!
//! Owns the bit layout ([`mask_bit`]). It knows nothing of partners or queries.

use super::fold::is_word_char;

/// Word facts of a text, as bits (see [`mask_bit`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct WordMarks {
    /// The characters that start a word (a run of letters and digits).
    pub(super) initials: u64,
    /// The ASCII letters and digits that are words on their own.
    pub(super) lone: u64,
}

impl WordMarks {
    /// Marks that rule nothing out: every character starts a word and stands alone.
    pub(super) const ANY: WordMarks = WordMarks { initials: u64::MAX, lone: u64::MAX };

    pub(super) fn of(text: &str) -> WordMarks {
        if text.is_ascii() {
            WordMarks::of_ascii(text.as_bytes())
        } else {
            WordMarks::of_chars(text)
        }
    }

    fn of_chars(text: &str) -> WordMarks {
        let mut marks = WordMarks::default();
        for word in text.split(|c: char| !is_word_char(c)) {
            marks.initials |= word.chars().next().map_or(0, mask_bit);
            if let &[byte] = word.as_bytes() {
                marks.lone |= mask_bit(char::from(byte));
            }
        }
        marks
    }

    /// The same for ASCII text, eight bytes at a time: a byte-by-byte loop over every
    /// partner's text costs more than the rest of indexing together.
    pub(super) fn of_ascii(bytes: &[u8]) -> WordMarks {
        const HIGH: u64 = 0x8080_8080_8080_8080;
        let splat = |byte: u8| 0x0101_0101_0101_0101 * u64::from(byte);
        // For bytes below 0x80: the high bit of each byte that is at least `low`.
        let at_least = |x: u64, low: u8| ((x | HIGH) - splat(low)) & HIGH;
        let within = |x: u64, low: u8, high: u8| at_least(x, low) & !at_least(x, high + 1);
        let word_bytes =
            |x: u64| within(x, b'0', b'9') | within(x, b'a', b'z') | within(x, b'A', b'Z');
        let mut marks = WordMarks::default();
        // The bits of the flagged bytes: branch-free, since most blocks flag one or two.
        let add = |block: &[u8; 8], flags: u64, to: &mut u64| {
            let kept = u64::from_le_bytes(*block) & ((flags >> 7) * 0xFF);
            *to |= kept
                .to_le_bytes()
                .iter()
                .fold(0, |bits, &b| bits | ASCII_BITS[usize::from(b & 0x7F)]);
        };
        let blocks = bytes.chunks(8).map(|chunk| {
            let mut block = [b' '; 8];
            block[..chunk.len()].copy_from_slice(chunk);
            (block, word_bytes(u64::from_le_bytes(block)))
        });
        // Each block is settled when the next one is known (a word may end across them).
        let mut previous: Option<([u8; 8], u64, u64)> = None;
        let mut before = 0; // Whether the byte before this block is in a word, at bit 7.
        for (block, word) in blocks.chain([([b' '; 8], 0)]) {
            if let Some((last_block, last_word, last_starts)) = previous {
                let next = last_word >> 8 | (word & 0x80) << 56;
                add(&last_block, last_starts & !next, &mut marks.lone);
            }
            let starts = word & !(word << 8 | before);
            add(&block, starts, &mut marks.initials);
            before = (word >> 56) & 0x80;
            previous = Some((block, word, starts));
        }
        marks
    }
}

pub(super) fn char_mask(text: &str) -> u64 {
    if text.is_ascii() {
        text.bytes().fold(0, |mask, b| mask | ASCII_BITS[usize::from(b)])
    } else {
        text.chars().fold(0, |mask, c| mask | mask_bit(c))
    }
}

/// [`mask_bit`] of each ASCII character.
pub(super) const ASCII_BITS: [u64; 128] = {
    let mut bits = [0; 128];
    let mut n = 0;
    while n < 26 {
        bits[b'a' as usize + n] = 1 << n;
        if n < 10 {
            bits[b'0' as usize + n] = 1 << (26 + n);
        }
        n += 1;
    }
    bits
};

pub(super) fn mask_bit(c: char) -> u64 {
    match c {
        'a'..='z' => 1 << (c as u32 - 'a' as u32),
        '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
        c if c.is_ascii() => 0,
        c => 1 << (36 + (c as u32 % 28)),
    }
}

/// The bits of the characters that start a word (as fuzzy matching sees words).
pub(super) fn initials_mask(text: &str) -> u64 {
    if text.is_ascii() {
        // Other ASCII characters have no bit: the word starts are what count.
        return WordMarks::of_ascii(text.as_bytes()).initials;
    }
    let mut mask = 0;
    let mut previous: Option<char> = None;
    for c in text.chars() {
        if previous.is_none_or(|p| !is_word_char(p)) {
            mask |= mask_bit(c);
        }
        previous = Some(c);
    }
    mask
}

/// [`char_mask`], [`initials_mask`] and [`pairs_mask`] of `text`, in one pass when it is
/// ASCII: three passes over every name made 7 % of a million-partner load.
pub(super) fn short_masks(text: &str) -> (u64, u64, u128) {
    if !text.is_ascii() {
        return (char_mask(text), initials_mask(text), pairs_mask(text));
    }
    let (mut letters, mut initials, mut pairs) = (0, 0, 0u128);
    let mut previous = NONE;
    for &byte in text.as_bytes() {
        let slot = SLOTS[usize::from(byte)];
        let bit = ASCII_BITS[usize::from(byte & 0x7F)];
        letters |= bit;
        if slot != NONE {
            if previous == NONE {
                initials |= bit;
            } else {
                pairs |= 1 << PAIR_BITS[usize::from(previous) * 36 + usize::from(slot)];
            }
        }
        previous = slot;
    }
    (letters, initials, pairs)
}

/// The bit of two ASCII letters or digits side by side (see [`pairs_mask`]): 1,296 pairs
/// share 128 bits, so a bit set says a pair may be there, a bit clear that it is not.
pub(super) fn pair_bit(a: u8, b: u8) -> u128 {
    match (SLOTS[usize::from(a)], SLOTS[usize::from(b)]) {
        (NONE, _) | (_, NONE) => 0,
        (a, b) => 1 << PAIR_BITS[usize::from(a) * 36 + usize::from(b)],
    }
}

/// The pairs of ASCII letters and digits that stand side by side in `text` (see
/// [`pair_bit`]): a fuzzy hit that takes two letters of a term in a row finds them so.
pub(super) fn pairs_mask(text: &str) -> u128 {
    // A byte of a multi-byte character is never an ASCII letter or digit: bytes will do.
    let mut previous = NONE;
    let mut bits = 0u128;
    for &byte in text.as_bytes() {
        let slot = SLOTS[usize::from(byte)];
        if previous != NONE && slot != NONE {
            bits |= 1 << PAIR_BITS[usize::from(previous) * 36 + usize::from(slot)];
        }
        previous = slot;
    }
    bits
}

/// Not an ASCII letter or digit, in [`SLOTS`].
const NONE: u8 = u8::MAX;

/// Each byte's place among the 36 ASCII letters (either case) and digits, else [`NONE`].
#[allow(clippy::cast_possible_truncation)] // Places below 36.
const SLOTS: [u8; 256] = {
    let mut slots = [NONE; 256];
    let mut n = 0;
    while n < 26 {
        slots[b'a' as usize + n] = n as u8;
        slots[b'A' as usize + n] = n as u8;
        if n < 10 {
            slots[b'0' as usize + n] = 26 + n as u8;
        }
        n += 1;
    }
    slots
};

/// The bit (0 to 127) of each pair of slots, hashed.
#[allow(clippy::cast_possible_truncation)] // Pairs below 1,296, bits below 128.
const PAIR_BITS: [u8; 36 * 36] = {
    let mut bits = [0; 36 * 36];
    let mut n = 0;
    while n < bits.len() {
        bits[n] = ((n as u32).wrapping_mul(0x9E37_79B1) >> 25) as u8;
        n += 1;
    }
    bits
};

#[cfg(test)]
mod tests {
    use super::*;

    /// Texts of up to 40 characters drawn from letters of both cases, digits, punctuation and
    /// one accented letter, always the same.
    fn random_texts() -> impl Iterator<Item = String> {
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        (0..500).map(move |n| {
            (0..n % 40)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    ['\u{20}', '.', '\'', '-', 'a', 'A', 'b', 'z', '0', '9', 'x', 'é']
                        [usize::try_from(seed % 12).unwrap_or(0)]
                })
                .collect::<String>()
        })
    }

    #[test]
    fn ascii_bits_are_mask_bits() {
        for byte in 0..128u8 {
            assert_eq!(ASCII_BITS[usize::from(byte)], mask_bit(char::from(byte)), "{byte}");
        }
    }

    #[test]
    fn word_marks_eight_bytes_at_a_time_match_a_plain_reading() {
        let texts = [
            "",
            "a",
            "ab",
            "a b",
            " a",
            "a ",
            "abcdefgh i",
            "abcdefg h",
            "abcdefgh",
            "x abcdefg",
            "1 2-3'4 é",
            "sport, the sport: 7 a 9",
            "   \n   z\n",
            "ABC d E",
        ];
        for text in texts.into_iter().map(str::to_owned).chain(random_texts()) {
            if text.is_ascii() {
                let fast = WordMarks::of_ascii(text.as_bytes());
                assert_eq!(fast, WordMarks::of_chars(&text), "{text:?}");
            }
        }
        for text in ["", "a-b", " x(y)", "l'eco 3ar", "a  b"] {
            let plain = text.chars().fold((0, None), |(mask, previous): (u64, Option<char>), c| {
                let starts = previous.is_none_or(|p| !is_word_char(p));
                (if starts { mask | mask_bit(c) } else { mask }, Some(c))
            });
            assert_eq!(initials_mask(text), plain.0, "{text:?}");
            assert_eq!(char_mask(text), text.chars().fold(0, |m, c| m | mask_bit(c)), "{text:?}");
        }
        assert_eq!(pairs_mask("éa-bc d1"), pair_bit(b'b', b'c') | pair_bit(b'd', b'1'));
        let texts = ["", "a", "Ab-cD 09", "l'eco  3ar.", "été d'a", "x(y)z", "  ", "ab", "a1b2 c"];
        for text in texts.into_iter().map(str::to_owned).chain(random_texts()) {
            let apart = (char_mask(&text), initials_mask(&text), pairs_mask(&text));
            assert_eq!(short_masks(&text), apart, "{text:?}");
        }
        assert_eq!(pairs_mask("a"), 0);
        assert_eq!(pair_bit(b'B', b'c'), pair_bit(b'b', b'c'), "as the matcher, any case");
        let marks = WordMarks::of("a sport x");
        assert_eq!(marks.lone, mask_bit('a') | mask_bit('x'));
        assert_eq!(marks.initials, mask_bit('a') | mask_bit('s') | mask_bit('x'));
    }
}
