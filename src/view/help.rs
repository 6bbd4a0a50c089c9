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
}

/// Every line of the help for `bindings`, in order, in the thread's language.
pub fn lines(bindings: &Bindings) -> Vec<HelpLine> {
    let t = crate::i18n::s();
    let mut lines = vec![HelpLine::Row(t.help_type.to_owned(), t.help_type_does)];
    let list = bindings.help_rows(Context::List);
    lines.extend(list.iter().map(|(keys, what)| HelpLine::Row(keys.join(" "), what)));
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
                lines.push(HelpLine::Row(keys.join(" "), what));
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

const HELP_WIDTH: u16 = 72;

/// Where the help stands on a screen `area` holding `count` lines.
pub fn popup(area: Rect, count: usize) -> Rect {
    centred(area, HELP_WIDTH, u16::try_from(count + 2).unwrap_or(u16::MAX))
}

/// How far the help can scroll on a screen of `size` (columns, rows): 0 when it all fits.
pub fn max_scroll((width, height): (u16, u16), count: usize) -> usize {
    let rows = usize::from(popup(Rect::new(0, 0, width, height), count).height.saturating_sub(2));
    count.saturating_sub(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A key shown in two rows of a section (Ctrl-D quits, and deletes a character) says in
    /// one of them when it does that; the other rows' keys each do one thing.
    #[test]
    fn a_key_in_two_rows_says_when() {
        let t = crate::i18n::s();
        let lines = lines(&Bindings::default());
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
        assert!(quit("Ctrl-C") && quit(&format!("Ctrl-D {}", t.help_when_no_query)));
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
