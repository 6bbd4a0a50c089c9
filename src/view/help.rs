//! The help overlay's content: every key, read from the binding table, section by section,
//! then the query syntax; and how far it scrolls on a given screen.

use ratatui::layout::Rect;

use super::layout::centred;
use crate::input::{self, Context};

/// The query syntax, as (form, meaning).
pub const SYNTAX: &[(&str, &str)] = &[
    ("word", "fuzzy in names, words in text"),
    ("a b", "both must match"),
    ("a | b", "either"),
    ("'exact", "exact letters"),
    ("^start", "name starts with"),
    ("end$", "name ends with"),
    ("!word", "must not match"),
    ("kind:media", "kind (kind:pub…)"),
    ("scope:national", "scope"),
    ("topic:procurement", "topic"),
    ("in:bordeaux", "location"),
    ("is:starred is:met", "your marks"),
    ("has:note", "with a note"),
];

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

/// The sections after the list's, each with only what differs from the list's keys.
const SECTIONS: &[(&str, Context)] = &[
    ("In the detail pane", Context::Detail),
    ("In the note editor", Context::Note),
    ("In the overview", Context::Overview),
];

/// Every line of the help, in order.
pub fn lines() -> Vec<HelpLine> {
    let mut lines = vec![HelpLine::Row("type".to_owned(), "search as you type")];
    let list = input::help_rows(Context::List);
    lines.extend(list.iter().map(|(keys, what)| HelpLine::Row(keys.join(" "), what)));
    lines.push(HelpLine::Row("mouse".to_owned(), "click selects, wheel scrolls"));
    for &(title, context) in SECTIONS {
        lines.push(HelpLine::Blank);
        lines.push(HelpLine::Heading(title));
        for (mut keys, what) in input::help_rows(context) {
            // A key that does the same as in the list goes without saying.
            if let Some((same, _)) = list.iter().find(|(_, w)| *w == what) {
                keys.retain(|k| !same.contains(k));
            }
            if !keys.is_empty() {
                lines.push(HelpLine::Row(keys.join(" "), what));
            }
        }
    }
    lines.push(HelpLine::Blank);
    lines.push(HelpLine::Heading("Query syntax"));
    lines.extend(SYNTAX.iter().map(|(form, what)| HelpLine::Row((*form).to_owned(), what)));
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
