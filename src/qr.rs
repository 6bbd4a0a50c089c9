//! QR hand-off: a partner's card as a QR code that a phone scans to save the contact, sized to
//! the space a terminal offers, drawn with half blocks.
//!
//! **Payload.** With a website, an email or a phone, a MECARD (name, acronym as NICKNAME,
//! contact fields, location as ADR, then note start, kind and description start in NOTE), which
//! phone cameras offer to save as a contact. MECARD rather than the vCard of
//! [`crate::vcard`]: it says the same in half the bytes, and bytes are scarce: at 80x24 a code
//! is at most version 5 (37 modules), 106 bytes. Without contact fields, plain text of the card.
//! [`fit`] keeps the name and one contact field (phone, else email, else website), then adds
//! what fits, most useful first: the other contact fields, acronym, kind, location, the start
//! of the note, the start of the description.
//!
//! **Drawing.** [`draw`] gives one string per text row: 1 module per column, 2 per row, with
//! `▀ ▄ █` and space, a 4-module quiet zone included. A module drawn with ink is DARK: the
//! caller must draw the lines dark on light whatever its theme, `Theme::qr` in the browser,
//! [`ansi`] on a terminal; a light-on-dark QR code does not scan on many phones.
//! Only [`show`] does I/O: it asks the terminal its size and prints.

use std::fmt::Write as _;

use qrcode::bits::Bits;
use qrcode::{Color as Module, EcLevel, QrCode, Version};
use unicode_segmentation::UnicodeSegmentation as _;

use crate::text::clean;
use crate::ui::theme::ColorDepth;
use crate::vcard::Contact;

/// Light modules around the code, on every side (the QR specification's minimum).
pub const QUIET_ZONE: usize = 4;

/// The error correction level: L, the lowest, carries the most; a screen does not smudge.
pub const EC_LEVEL: EcLevel = EcLevel::L;

/// What starts a line of [`ansi`]: black on white, as a terminal of each depth shows them.
/// With 256 colours, the cube's 16 and 231, which palettes leave alone (unlike the 16 named
/// colours, and without colours (`NO_COLOR`: these are what makes the code scan); with 16,
/// black on bright white.
fn black_on_white(depth: ColorDepth) -> &'static str {
    match depth {
        ColorDepth::TrueColor => "\x1b[38;2;0;0;0;48;2;255;255;255m",
        ColorDepth::Ansi256 | ColorDepth::Mono => "\x1b[38;5;16;48;5;231m",
        ColorDepth::Ansi16 => "\x1b[30;107m",
    }
}
/// What ends a line of [`ansi`].
const ANSI_RESET: &str = "\x1b[0m";

/// Signs of the payload that no language changes.
mod words {
    pub const JOIN: &str = " · ";
    pub const ELLIPSIS: &str = "…";
}

/// A part of a card that a payload carries only when there is room.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The phone number.
    Phone,
    /// The email address.
    Email,
    /// The website.
    Website,
    /// The acronym.
    Acronym,
    /// The kind of organisation.
    Kind,
    /// The location.
    Location,
    /// The user's note.
    Note,
    /// The description.
    Description,
}

impl Part {
    /// Most useful first: the order in which [`fit`] adds them (and of declaration, which
    /// `Amounts` indexes by).
    pub const ALL: [Part; 8] = [
        Part::Phone,
        Part::Email,
        Part::Website,
        Part::Acronym,
        Part::Kind,
        Part::Location,
        Part::Note,
        Part::Description,
    ];

    /// The part in words, in the thread's language.
    pub fn label(self) -> &'static str {
        crate::i18n::s().qr_parts[self as usize]
    }
}

/// How much of each part a payload carries, by [`Part`]: characters of the note and the
/// description, 0 or 1 for the others (left out or whole).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Amounts([usize; Part::ALL.len()]);

impl Amounts {
    fn get(self, part: Part) -> usize {
        self.0[part as usize]
    }

    fn has(self, part: Part) -> bool {
        self.get(part) > 0
    }

    fn with(mut self, part: Part, amount: usize) -> Amounts {
        self.0[part as usize] = amount;
        self
    }
}

/// A payload that fits, and its code.
#[derive(Clone)]
pub struct Fitted {
    /// The text the code holds.
    pub payload: String,
    /// The code, at [`EC_LEVEL`], the smallest version that holds the payload ([`encode`]).
    pub code: QrCode,
    /// Parts the card has that the payload left out or cut short, most useful first.
    pub shortened: Vec<Part>,
}

impl Fitted {
    /// What to tell the user when parts were left out or cut short to fit, in one sentence.
    pub fn shortened_message(&self) -> Option<String> {
        if self.shortened.is_empty() {
            return None;
        }
        let parts: Vec<&str> = self.shortened.iter().map(|p| p.label()).collect();
        Some(crate::i18n::fill(crate::i18n::s().qr_shortened, &[&parts.join(", ")]))
    }

    /// The code as text rows to draw black on white: [`draw`] of [`Fitted::code`].
    pub fn lines(&self) -> Vec<String> {
        draw(&self.code)
    }
}

impl std::fmt::Debug for Fitted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fitted")
            .field("payload", &self.payload)
            .field("width", &self.code.width())
            .field("shortened", &self.shortened)
            .finish_non_exhaustive()
    }
}

/// Why no code could be drawn.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QrError {
    /// Even the name and one contact field need more room.
    #[error("{}", self.message())]
    TooSmall { columns: u16, rows: u16, needs_columns: u16, needs_rows: u16 },
    /// Even the name and one contact field are beyond the largest QR code.
    #[error("{}", self.message())]
    TooLong,
}

impl QrError {
    /// The error in the thread's language.
    pub fn message(&self) -> String {
        let t = crate::i18n::s();
        match *self {
            QrError::TooSmall { columns, rows, needs_columns, needs_rows } => {
                crate::i18n::fill(t.qr_too_small, &[&needs_columns, &needs_rows, &columns, &rows])
            }
            QrError::TooLong => t.qr_too_long.to_owned(),
        }
    }
}

/// Characters (columns, rows) a code `width` modules wide takes, quiet zone included.
pub fn cells(width: usize) -> (u16, u16) {
    let side = width + 2 * QUIET_ZONE;
    let columns = u16::try_from(side).unwrap_or(u16::MAX);
    (columns, columns.div_ceil(2))
}

/// The largest QR version whose drawing fits `columns` x `rows` characters.
pub fn max_version(columns: u16, rows: u16) -> Option<i16> {
    let modules = usize::from(columns).min(2 * usize::from(rows));
    let width = modules.checked_sub(2 * QUIET_ZONE)?;
    let version = width.checked_sub(17)? / 4;
    i16::try_from(version.min(40)).ok().filter(|&v| v >= 1)
}

/// The payload of `contact` with as much of the card as fits a drawing of `columns` x `rows`
/// characters (see the module doc for what is kept first).
pub fn fit(contact: &Contact, columns: u16, rows: u16) -> Result<Fitted, QrError> {
    let minimal = minimal_amounts(contact);
    let Some(version) = max_version(columns, rows) else {
        return Err(too_small(contact, columns, rows));
    };
    let fits = |amounts: &Amounts| bits(&compose(contact, amounts), version).is_some();
    if !fits(&minimal) {
        return Err(too_small(contact, columns, rows));
    }
    let full = full_amounts(contact);
    let mut best = minimal;
    for part in Part::ALL {
        let tried = if matches!(part, Part::Note | Part::Description) {
            // The longest start that fits: longer never fits where shorter does not.
            let (mut low, mut high) = (best.get(part), full.get(part));
            while low < high {
                let mid = low + (high - low).div_ceil(2);
                if fits(&best.with(part, mid)) {
                    low = mid;
                } else {
                    high = mid - 1;
                }
            }
            best.with(part, low)
        } else {
            best.with(part, full.get(part))
        };
        if fits(&tried) {
            best = tried;
        }
    }
    let payload = compose(contact, &best);
    let code = encode(&payload, version).ok_or(QrError::TooLong)?;
    let shortened = Part::ALL.into_iter().filter(|&p| best.get(p) < full.get(p)).collect();
    Ok(Fitted { payload, code, shortened })
}

/// UTF-8's number in the ECI registry.
const ECI_UTF8: u32 = 26;

/// The data bits of `payload` in a code of `version`, if it holds them (counting bits is far
/// cheaper than drawing a code). ASCII takes the crate's optimal segments (numeric runs are
/// denser). Anything else is one byte segment after an ECI that says UTF-8: left to guess,
/// readers take "é" for Shift JIS or Big5, and the crate's optimiser would even put UTF-8
/// bytes in Kanji segments, which every reader turns into Japanese.
fn bits(payload: &str, version: i16) -> Option<Bits> {
    let mut bits = Bits::new(Version::Normal(version));
    if payload.is_ascii() {
        bits.push_optimal_data(payload.as_bytes()).ok()?;
    } else {
        bits.push_eci_designator(ECI_UTF8).ok()?;
        bits.push_byte_data(payload.as_bytes()).ok()?;
    }
    bits.push_terminator(EC_LEVEL).ok()?;
    Some(bits)
}

/// The smallest code, of version `max_version` at most, that holds `payload` (see `bits`
/// for how it is encoded).
pub fn encode(payload: &str, max_version: i16) -> Option<QrCode> {
    let bits = (1..=max_version.min(40)).find_map(|version| bits(payload, version))?;
    QrCode::with_bits(bits, EC_LEVEL).ok()
}

fn too_small(contact: &Contact, columns: u16, rows: u16) -> QrError {
    match encode(&compose(contact, &minimal_amounts(contact)), 40) {
        Some(code) => {
            let (needs_columns, needs_rows) = cells(code.width());
            QrError::TooSmall { columns, rows, needs_columns, needs_rows }
        }
        None => QrError::TooLong,
    }
}

/// The least a payload carries: the name and one way to reach the partner (its phone, else
/// its email, else its website), or the name alone for a card without contact fields.
fn minimal_amounts(contact: &Contact) -> Amounts {
    let first = [(Part::Phone, &contact.phone), (Part::Email, &contact.email)]
        .into_iter()
        .chain([(Part::Website, &contact.website)])
        .find(|(_, value)| value.is_some());
    first.map_or_else(Amounts::default, |(part, _)| Amounts::default().with(part, 1))
}

fn full_amounts(contact: &Contact) -> Amounts {
    let mut full = Amounts::default();
    for part in Part::ALL {
        let amount = match part {
            Part::Phone => usize::from(contact.phone.is_some()),
            Part::Email => usize::from(contact.email.is_some()),
            Part::Website => usize::from(contact.website.is_some()),
            Part::Acronym => usize::from(contact.acronym.is_some()),
            Part::Kind => 1,
            Part::Location => usize::from(contact.location.is_some()),
            Part::Note => contact.note.as_deref().map_or(0, |n| n.chars().count()),
            Part::Description => contact.description.chars().count(),
        };
        full = full.with(part, amount);
    }
    full
}

/// At most `chars` characters of `text` on one line, in whole grapheme clusters (a flag, a
/// letter and its accent, a joined emoji are never split): cut after a word when it can be,
/// with an ellipsis when cut; empty for 0.
fn start(text: &str, chars: usize) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= chars {
        return one_line;
    }
    let (mut end, mut taken) = (0, 0);
    for (at, cluster) in one_line.grapheme_indices(true) {
        taken += cluster.chars().count();
        if taken > chars {
            break;
        }
        end = at + cluster.len();
    }
    let (cut, rest) = one_line.split_at(end);
    let whole_word = rest.starts_with(' ');
    let cut = match cut.rfind(' ') {
        Some(space) if space > 0 && !whole_word => &cut[..space],
        _ => cut,
    };
    let cut = cut.trim_end();
    if cut.is_empty() { String::new() } else { format!("{cut}{}", words::ELLIPSIS) }
}

/// The payload of `contact` with `amounts` of the optional parts.
fn compose(contact: &Contact, amounts: &Amounts) -> String {
    let acronym =
        contact.acronym.as_deref().filter(|_| amounts.has(Part::Acronym)).map(|a| clean(a));
    let location =
        contact.location.as_deref().filter(|_| amounts.has(Part::Location)).map(|l| clean(l));
    let kind = amounts.has(Part::Kind).then_some(contact.kind);
    let note = contact
        .note
        .as_deref()
        .map(|n| clean(&start(n, amounts.get(Part::Note))).into_owned())
        .filter(|n| !n.is_empty());
    let description =
        Some(clean(&start(&contact.description, amounts.get(Part::Description))).into_owned())
            .filter(|d| !d.is_empty());
    if contact.has_contact_fields() {
        let mut out = format!("MECARD:N:{};", mecard(&contact.name));
        let fields = [
            ("NICKNAME", acronym.as_deref()),
            ("TEL", contact.phone.as_deref().filter(|_| amounts.has(Part::Phone))),
            ("EMAIL", contact.email.as_deref().filter(|_| amounts.has(Part::Email))),
        ];
        for (field, value) in fields {
            if let Some(value) = value {
                let _ = write!(out, "{field}:{};", mecard(value));
            }
        }
        if let Some(url) = contact.website.as_deref().filter(|_| amounts.has(Part::Website)) {
            let url = clean(url);
            let _ = write!(out, "URL:{};", url.replace('\\', "\\\\").replace(';', "\\;"));
        }
        if let Some(location) = &location {
            let _ = write!(out, "ADR:{};", mecard(location));
        }
        // A contact's NOTE is the user's note first; the kind and description follow.
        let about: Vec<&str> =
            note.as_deref().into_iter().chain(kind).chain(description.as_deref()).collect();
        if !about.is_empty() {
            let _ = write!(out, "NOTE:{};", mecard(&about.join(words::JOIN)));
        }
        out.push(';');
        out
    } else {
        let name = clean(&contact.name);
        // An acronym that is the name ("UGAP") is not said twice.
        let mut lines = vec![match acronym.as_deref().filter(|a| *a != name) {
            Some(a) => format!("{name} ({a})"),
            None => name.into_owned(),
        }];
        let about: Vec<&str> = kind.into_iter().chain(location.as_deref()).collect();
        if !about.is_empty() {
            lines.push(about.join(words::JOIN));
        }
        lines.extend(note.map(|n| format!("{}{n}", crate::i18n::s().qr_note)));
        lines.extend(description);
        lines.join("\n")
    }
}

/// A MECARD value: `\ ; , :` escaped with a backslash, on one line, no control characters.
fn mecard(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in clean(&text.split_whitespace().collect::<Vec<_>>().join(" ")).chars() {
        if matches!(c, '\\' | ';' | ',' | ':') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The code as text rows, quiet zone included: 1 module per column, 2 per row (`▀` top
/// module dark, `▄` bottom, `█` both, space neither). Dark is the ink: draw it black on white.
pub fn draw(code: &QrCode) -> Vec<String> {
    let width = code.width();
    let side = width + 2 * QUIET_ZONE;
    let modules = code.to_colors();
    let dark = |x: usize, y: usize| {
        let (Some(x), Some(y)) = (x.checked_sub(QUIET_ZONE), y.checked_sub(QUIET_ZONE)) else {
            return false;
        };
        x < width && y < width && modules[y * width + x] == Module::Dark
    };
    (0..side)
        .step_by(2)
        .map(|y| {
            (0..side)
                .map(|x| match (dark(x, y), dark(x, y + 1)) {
                    (true, true) => '█',
                    (true, false) => '▀',
                    (false, true) => '▄',
                    (false, false) => ' ',
                })
                .collect()
        })
        .collect()
}

/// The rows of [`draw`] for a terminal of `depth`: each forced to black on white, then reset.
pub fn ansi(lines: &[String], depth: ColorDepth) -> String {
    let mut out = String::new();
    let start = black_on_white(depth);
    for line in lines {
        let _ = writeln!(out, "{start}{line}{ANSI_RESET}");
    }
    out
}

/// The rows of [`draw`] for a file or a pipe: no escapes; the ink is dark, so show it on a
/// light background.
pub fn plain(lines: &[String]) -> String {
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// The space `partners show --qr` draws in when it cannot ask a terminal: 80x24.
pub const FALLBACK_SPACE: (u16, u16) = (80, 24);

/// `partners show ID --qr`: the code of `contact` on `out`, as large as the terminal allows
/// less one row for the prompt that follows. On a terminal (`tty`) it is forced to black on
/// white with our own escape sequences, whatever the theme (and even with `NO_COLOR`: the
/// colours are what makes it scan); into a pipe or a file it is plain half blocks fitted to
/// 80x24, dark as the ink, or larger when the card's least does not fit there (there is no
/// window to enlarge). What was left out to make it fit is said on `err`.
pub fn show(
    contact: &Contact,
    out: &mut dyn std::io::Write,
    err: &mut dyn std::io::Write,
    tty: bool,
) -> anyhow::Result<std::process::ExitCode> {
    let (columns, rows) =
        if tty { crossterm::terminal::size().unwrap_or(FALLBACK_SPACE) } else { FALLBACK_SPACE };
    let fitted = match fit(contact, columns, rows.saturating_sub(1)) {
        Err(QrError::TooSmall { needs_columns, needs_rows, .. }) if !tty => {
            fit(contact, needs_columns, needs_rows)?
        }
        fitted => fitted?,
    };
    let lines = draw(&fitted.code);
    let text = if tty { ansi(&lines, ColorDepth::from_env()) } else { plain(&lines) };
    out.write_all(text.as_bytes())?;
    if let Some(message) = fitted.shortened_message() {
        // The code is printed: what it left out is said where it can be, not made a failure.
        let _ = writeln!(err, "{message}");
    }
    Ok(std::process::ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_by_space() {
        assert_eq!(max_version(80, 24), Some(5));
        assert_eq!(max_version(120, 40), Some(13));
        assert_eq!(max_version(28, 40), None);
        assert_eq!(cells(37), (45, 23));
    }

    #[test]
    fn starts_cut_after_words() {
        assert_eq!(start("met at the fair", 9), "met at…");
        assert_eq!(start("met at the fair", 6), "met at…");
        assert_eq!(start("met at the fair", 4), "met…");
        assert_eq!(start("met at the fair", 100), "met at the fair");
        assert_eq!(start("a\nb", 3), "a b");
        assert_eq!(start("word", 0), "");
    }

    /// A cut never splits a grapheme cluster: a flag (two characters), a letter and its
    /// combining accent, a family joined by zero-width joiners are kept whole or left out.
    #[test]
    fn starts_cut_between_grapheme_clusters() {
        assert_eq!(start("vu 🇫🇷", 4), "vu…");
        assert_eq!(start("ab🇫🇷cd", 3), "ab…");
        assert_eq!(start("ab🇫🇷cd", 4), "ab🇫🇷…");
        assert_eq!(start("cafe\u{301}s", 4), "caf…");
        assert_eq!(start("cafe\u{301}s", 5), "cafe\u{301}…");
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
        assert_eq!(start(&format!("{family}{family}"), 7), format!("{family}…"));
        assert_eq!(start(family, 3), "");
    }

    #[test]
    fn mecard_escapes() {
        assert_eq!(mecard("a;b,c:d\\e\nf"), "a\\;b\\,c\\:d\\\\e f");
    }
}
