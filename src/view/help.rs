//! The help overlay's content: every key, read from the binding table, section by section,
//! then the query syntax; and how far it scrolls on a given screen.

use ratatui::layout::Rect;

use super::layout::centred;
use crate::input::{Bindings, Context};

/// One line of the help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    /// A section title.
    Heading(&'static str),
    /// Keys (or a query form) and what they do.
    Row(String, &'static str),
    /// Space between sections.
    Blank,
    /// A line of a warning, made safe for the terminal, wrapped to the help's width.
    Text(String),
}

/// Keys side by side, each kept whole when the row wraps (`Retour arrière` is one key).
fn joined(keys: &[String]) -> String {
    keys.iter().map(|key| key.replace(' ', "\u{a0}")).collect::<Vec<_>>().join(" ")
}

/// Every line of the help for `bindings`, in order, in the thread's language; first, when
/// there are some, the `warnings` of the start whole (the status line has room for a line).
pub fn lines(bindings: &Bindings, warnings: &[String]) -> Vec<HelpLine> {
    let t = crate::i18n::s();
    let mut lines = Vec::new();
    if !warnings.is_empty() {
        lines.push(HelpLine::Heading(t.help_warnings));
        for warning in warnings {
            let text = crate::text::clean_multiline(warning);
            lines.extend(text.lines().map(|line| HelpLine::Text(line.to_owned())));
        }
        lines.push(HelpLine::Blank);
    }
    lines.push(HelpLine::Row(t.help_type.to_owned(), t.help_type_does));
    let list = bindings.help_rows(Context::List);
    lines.extend(list.iter().map(|(keys, what)| HelpLine::Row(joined(keys), what)));
    lines.push(HelpLine::Row(t.help_mouse.to_owned(), t.help_mouse_does));
    // The sections after the list's, each with only what differs from the list's keys.
    let sections = [
        (t.help_in_detail, Context::Detail),
        (t.help_in_note, Context::Note),
        (t.help_in_overview, Context::Overview),
    ];
    for (title, context) in sections {
        lines.push(HelpLine::Blank);
        lines.push(HelpLine::Heading(title));
        for (mut keys, what) in bindings.help_rows(context) {
            // A key that does the same as in the list goes without saying (a key that does
            // it at times only, said in a row of its own, too).
            if list.iter().any(|(k, w)| *w == what && *k == keys) {
                continue;
            }
            if let Some((same, _)) = list.iter().find(|(_, w)| *w == what) {
                keys.retain(|k| !same.contains(k));
            }
            if !keys.is_empty() {
                lines.push(HelpLine::Row(joined(&keys), what));
            }
        }
    }
    lines.push(HelpLine::Blank);
    lines.push(HelpLine::Heading(t.help_syntax));
    lines.extend(
        t.syntax_forms
            .iter()
            .zip(t.syntax)
            .map(|(form, what)| HelpLine::Row((*form).to_owned(), what)),
    );
    lines
}

/// The help laid out on a screen: where it stands, how wide its column of keys is, and every
/// line it shows, each row's keys and what they do wrapped in their columns (nothing cut).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Laid {
    /// Where the help stands, borders included.
    pub popup: Rect,
    /// The columns of the keys.
    pub key_width: usize,
    /// Every line, unscrolled.
    pub lines: Vec<LaidLine>,
}

/// One line of the laid-out help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LaidLine {
    /// A section title (or its continuation).
    Heading(String),
    /// Keys (or their continuation, or nothing) and what they do (or its continuation).
    Row(String, String),
    /// Space between sections.
    Blank,
    /// A line of a warning (or its continuation).
    Text(String),
}

/// `lines` laid out on a screen of `size` (columns, rows): as wide as they need, within the
/// screen; between the query line and the status line, which stay whole.
pub fn layout(lines: &[HelpLine], (width, height): (u16, u16)) -> Laid {
    let widest = |pick: fn(&HelpLine) -> usize| lines.iter().map(pick).max().unwrap_or(0);
    let keys = widest(|line| match line {
        HelpLine::Row(keys, _) => crate::text::width(keys),
        _ => 0,
    });
    let whats = widest(|line| match line {
        HelpLine::Row(_, what) => crate::text::width(what),
        HelpLine::Heading(title) => crate::text::width(title),
        HelpLine::Text(text) => crate::text::width(text),
        HelpLine::Blank => 0,
    });
    // " keys  what ", within the borders and the screen.
    let inner = (keys + whats + 4).min(usize::from(width.saturating_sub(2)));
    // On a narrow screen the keys give way to what they do.
    let key_width = keys.min(inner * 2 / 5).max(1);
    let room = inner.saturating_sub(key_width + 3).max(1);
    let mut laid = Vec::new();
    for line in lines {
        match line {
            HelpLine::Heading(title) => {
                let title = crate::text::wrap(title, inner.saturating_sub(1).max(1));
                laid.extend(title.into_iter().map(LaidLine::Heading));
            }
            HelpLine::Blank => laid.push(LaidLine::Blank),
            HelpLine::Text(text) => {
                let text = crate::text::wrap(text, inner.saturating_sub(1).max(1));
                laid.extend(text.into_iter().map(LaidLine::Text));
            }
            HelpLine::Row(keys, what) => {
                // A key of several words is broken between them rather than inside one.
                let whole = keys.split(' ').all(|key| crate::text::width(key) <= key_width);
                let keys = if whole { keys.clone() } else { keys.replace('\u{a0}', " ") };
                let keys = crate::text::wrap(&keys, key_width);
                let what = crate::text::wrap(what, room);
                for n in 0..keys.len().max(what.len()) {
                    let part = |parts: &[String]| parts.get(n).cloned().unwrap_or_default();
                    laid.push(LaidLine::Row(part(&keys), part(&what)));
                }
            }
        }
    }
    // Between the query line and the status line, both left whole. Clear of the panes'
    // borders, or over the panes whole: a box on a border row cuts what the border says.
    let between = Rect::new(0, 1, width, height.saturating_sub(2).max(1));
    let wanted = u16::try_from(laid.len() + 2).unwrap_or(u16::MAX);
    let popup = if wanted.saturating_add(2) > between.height {
        between
    } else {
        centred(between, u16::try_from(inner + 2).unwrap_or(u16::MAX), wanted)
    };
    Laid { popup, key_width, lines: laid }
}

impl Laid {
    /// How far the help can scroll: 0 when it all fits.
    pub fn max_scroll(&self) -> usize {
        self.lines.len().saturating_sub(usize::from(self.popup.height.saturating_sub(2)))
    }
}

/// How far the help can scroll on a screen of `size` (columns, rows): 0 when it all fits.
pub fn max_scroll(size: (u16, u16), lines: &[HelpLine]) -> usize {
    layout(lines, size).max_scroll()
}

/// How many rows Page Down and Page Up move the help on a screen of `size`: all but one of those it
/// shows, so the last row read stays in sight and none is skipped on a small screen.
pub fn page(size: (u16, u16), lines: &[HelpLine]) -> usize {
    usize::from(layout(lines, size).popup.height.saturating_sub(3)).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A key shown in two rows of a section (Ctrl-D quits, and deletes a character) says in
    /// one of them when it does that; the other rows' keys each do one thing.
    #[test]
    fn a_key_in_two_rows_says_when() {
        let t = crate::i18n::s();
        // A key of several words is kept whole by no-break spaces.
        let lines: Vec<HelpLine> = lines(&Bindings::default(), &[])
            .into_iter()
            .map(|line| match line {
                HelpLine::Row(keys, what) => HelpLine::Row(keys.replace('\u{a0}', " "), what),
                other => other,
            })
            .collect();
        let when = [t.help_when_no_query, t.help_when_text_after];
        let keys = |section: &&[HelpLine]| !section.contains(&HelpLine::Heading(t.help_syntax));
        for section in lines.split(|l| *l == HelpLine::Blank).filter(keys) {
            let rows: Vec<&str> = section
                .iter()
                .filter_map(
                    |l| if let HelpLine::Row(keys, _) = l { Some(keys.as_str()) } else { None },
                )
                .collect();
            let unguarded = rows.iter().filter(|keys| !when.iter().any(|w| keys.ends_with(w)));
            let mut seen = std::collections::HashSet::new();
            for key in unguarded.flat_map(|keys| keys.split(' ')) {
                assert!(seen.insert(key), "{key} in two rows: {rows:?}");
            }
        }
        let quit = |keys: &str| lines.contains(&HelpLine::Row(keys.to_owned(), t.do_quit));
        assert!(quit("Ctrl-C Ctrl-G Ctrl-Q") && quit(&format!("Ctrl-D {}", t.help_when_no_query)));
    }

    /// Every key and every word of what it does is shown, within the popup, at any width; so
    /// is every word of the warnings of the start, which the status line cuts.
    #[test]
    fn nothing_is_cut_at_any_width() {
        use crate::i18n::Lang;
        let squeezed = |text: &str| text.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        for lang in [Lang::En, Lang::Fr] {
            crate::i18n::set(lang);
            let warnings = [
                "skipped a dataset: /home/me/.config/partners/datasets/mine.ron:3:162: partner \"beta\" has a relation to itself\n  fix: point the relation at another partner".to_owned(),
                "state.ron was set aside".to_owned(),
            ];
            let lines = lines(&Bindings::default(), &warnings);
            let (mut keys, mut whats) = (String::new(), String::new());
            for line in &lines {
                match line {
                    HelpLine::Row(k, w) => {
                        keys.push_str(&squeezed(k));
                        whats.push_str(&squeezed(w));
                    }
                    HelpLine::Heading(title) => whats.push_str(&squeezed(title)),
                    HelpLine::Text(text) => whats.push_str(&squeezed(text)),
                    HelpLine::Blank => {}
                }
            }
            for width in 24..=200 {
                let laid = layout(&lines, (width, 40));
                let popup = laid.popup;
                assert!(popup.width <= width && popup.y >= 1 && popup.bottom() < 40);
                // On the panes' top and bottom border rows only when it covers them whole.
                let on_borders = popup.y == 1 || popup.bottom() == 39;
                assert!(!on_borders || popup.width == width && popup.height == 38, "{popup:?}");
                let inner = usize::from(laid.popup.width - 2);
                let (mut shown_keys, mut shown_whats) = (String::new(), String::new());
                for line in &laid.lines {
                    match line {
                        LaidLine::Row(k, w) => {
                            let used = laid.key_width + 3 + crate::text::width(w);
                            assert!(crate::text::width(k) <= laid.key_width, "{width}: {k}");
                            assert!(used <= inner, "{width}: {used} > {inner}: {w}");
                            shown_keys.push_str(&squeezed(k));
                            shown_whats.push_str(&squeezed(w));
                        }
                        LaidLine::Heading(title) => {
                            assert!(crate::text::width(title) < inner, "{width}: {title}");
                            shown_whats.push_str(&squeezed(title));
                        }
                        LaidLine::Text(text) => {
                            assert!(crate::text::width(text) < inner, "{width}: {text}");
                            shown_whats.push_str(&squeezed(text));
                        }
                        LaidLine::Blank => {}
                    }
                }
                assert_eq!((&shown_keys, &shown_whats), (&keys, &whats), "{lang:?} {width}");
            }
        }
        crate::i18n::set(Lang::En);
    }

    #[test]
    fn every_form_the_help_shows_is_a_query_in_both_languages() {
        use crate::i18n::{Lang, ui};
        use crate::search::Query;
        for lang in [Lang::En, Lang::Fr] {
            for form in ui::of(lang).syntax_forms {
                assert!(Query::parse(form).is_ok(), "{lang:?}: {form}");
            }
        }
    }
}
