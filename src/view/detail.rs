//! The detail pane's model: every line about the selected partner, wrapped to the pane's
//! width, as unstyled segments that say what they are (a heading, a matched letter, a
//! relation...), and the line on which each relation stands. Built once when the selection,
//! the query, the marks or the width change; the app bounds scrolling and maps clicks with it,
//! `ui::detail` only styles it.
//!
//! The long texts (the description, the user's note) are laid out once for a partner and a
//! width and kept from one build to the next (see `long_text`): a keystroke that changes the
//! query or a mark builds the short lines again and marks only the lines shown, so its cost
//! does not grow with the length of a description.

mod long_text;

use std::ops::Range;
use std::sync::Arc;

use crate::catalog::{Catalog, Lead, Link, Similar};
use crate::search::{Highlights, TextMarker};
use crate::store::Marks;
use crate::text::{clean, highlight_runs, pad, width, wrap, wrap_ranges};
use long_text::LongText;

/// What a segment of a line is, for styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Unstyled (indentation).
    Plain,
    /// Ordinary text.
    Text,
    /// Secondary text: labels, topics, notes on relations.
    Dim,
    /// The partner's kind, scope and place; section headings.
    Heading,
    /// Letters the query matched.
    Matched,
    /// The user's marks.
    Mark,
    /// Relation or similar partner `index` (in [`Catalog::leads`] order), followable or not.
    Link {
        /// Its position among the partner's leads.
        index: usize,
        /// Whether Enter can follow it (the other end is a partner).
        followable: bool,
    },
}

/// A run of text with one role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The text, safe for a terminal.
    pub text: String,
    /// What it is.
    pub role: Role,
}

fn seg(text: impl Into<String>, role: Role) -> Segment {
    Segment { text: text.into(), role }
}

/// The detail of one partner laid out for a width.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DetailModel {
    /// Every line, unscrolled, in parts: short lines as segments, long texts as laid out.
    parts: Vec<Part>,
    /// How many lines the parts hold.
    count: usize,
    /// The line of each relation, then of each similar partner, in [`Catalog::leads`] order.
    pub link_rows: Vec<usize>,
    /// The line after each one's lines (its name wrapped, its note or why it is similar).
    pub link_ends: Vec<usize>,
    /// The partner and the columns it was built for: what a rebuild may keep of it.
    built_for: Option<(usize, usize)>,
}

/// Some of the lines of a detail.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    /// Lines made whole.
    Lines(Vec<Vec<Segment>>),
    /// A long text, laid out once; its lines are made, and marked, when they are asked for.
    Long { text: Arc<LongText>, marker: TextMarker, kind: LongKind },
}

/// Which long text a part holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LongKind {
    Description,
    Note,
}

impl DetailModel {
    /// How many lines the detail has.
    pub fn line_count(&self) -> usize {
        self.count
    }

    /// The lines in `range` (those past the last are none): what the pane shows when scrolled
    /// to `range.start`. Takes time for these lines only, however long the partner's texts.
    pub fn lines(&self, range: Range<usize>) -> Vec<Vec<Segment>> {
        let mut out = Vec::new();
        let mut first = 0;
        for part in &self.parts {
            let len = match part {
                Part::Lines(lines) => lines.len(),
                Part::Long { text, .. } => text.len(),
            };
            let wanted = range.start.max(first).saturating_sub(first)
                ..range.end.min(first + len).saturating_sub(first);
            if !wanted.is_empty() {
                match part {
                    Part::Lines(lines) => out.extend_from_slice(&lines[wanted]),
                    Part::Long { text, marker, .. } => out.extend(text.lines(wanted, marker)),
                }
            }
            first += len;
        }
        out
    }

    /// How many relations and similar partners the pane lists.
    pub fn link_count(&self) -> usize {
        self.link_rows.len()
    }

    /// The relation or similar partner one of whose lines is `line`.
    pub fn link_at(&self, line: usize) -> Option<usize> {
        let mut blocks = self.link_rows.iter().zip(&self.link_ends);
        blocks.position(|(&start, &end)| (start..end).contains(&line))
    }

    /// Its long text of `kind`, as laid out.
    fn long(&self, kind: LongKind) -> Option<&Arc<LongText>> {
        self.parts.iter().find_map(|part| match part {
            Part::Long { text, kind: k, .. } if *k == kind => Some(text),
            _ => None,
        })
    }
}

/// The lines of a detail as they are built: short lines gathered, long texts set in between.
#[derive(Default)]
struct Lines {
    parts: Vec<Part>,
    short: Vec<Vec<Segment>>,
    count: usize,
}

impl Lines {
    fn push(&mut self, line: Vec<Segment>) {
        self.short.push(line);
        self.count += 1;
    }

    /// Lines so far: the number of the next one.
    fn len(&self) -> usize {
        self.count
    }

    fn long(&mut self, text: Arc<LongText>, marker: &TextMarker, kind: LongKind) {
        if !self.short.is_empty() {
            self.parts.push(Part::Lines(std::mem::take(&mut self.short)));
        }
        self.count += text.len();
        self.parts.push(Part::Long { text, marker: marker.clone(), kind });
    }

    fn finish(mut self) -> (Vec<Part>, usize) {
        if !self.short.is_empty() {
            self.parts.push(Part::Lines(self.short));
        }
        (self.parts, self.count)
    }
}

impl Extend<Vec<Segment>> for Lines {
    fn extend<I: IntoIterator<Item = Vec<Segment>>>(&mut self, lines: I) {
        lines.into_iter().for_each(|line| self.push(line));
    }
}

/// What the query marks in the detail: the short fields at once, the long texts line by line
/// as they are shown.
#[derive(Debug, Clone, Default)]
pub struct Marking {
    /// Positions in the name, the aliases, the location and the user's own aliases (its
    /// `description` is not used: the marker below marks it).
    pub fields: Highlights,
    /// What marks the description.
    pub description: TextMarker,
    /// What marks the user's note.
    pub note: TextMarker,
}

/// The detail of partner `index` for `columns` columns, with what the query marks
/// (`marking`) and the user's `marks`. The long texts' layouts of `previous` are kept where
/// they are those of this partner's texts at this width (pass the detail built before, or an
/// empty one): the caller drops it when the partners change.
pub fn build(
    catalog: &Catalog,
    index: usize,
    marking: &Marking,
    marks: Option<&Marks>,
    columns: u16,
    previous: &DetailModel,
) -> DetailModel {
    let columns = usize::from(columns).max(1);
    let t = crate::i18n::s();
    let mut out = DetailModel::default();
    let Some(partner) = catalog.get(index) else { return out };
    out.built_for = Some((index, columns));
    // Kept only for the same partner: the line that says how much of its description is left
    // counts what is not laid out.
    let same = previous.built_for == Some((index, columns));
    let highlights = &marking.fields;
    let mut lines = Lines::default();
    let lines = &mut lines;
    let words = crate::i18n::vocabulary();
    let mut about =
        vec![words.kind(partner.kind).to_owned(), words.scope(partner.scope).to_owned()];
    if let Some(location) = &partner.location {
        about.push(clean(location).into_owned());
    }
    push_wrapped(lines, &about.join(" · "), columns, Role::Heading);
    // Datasets refuse a blank alias, but a `Partner` built by the library's user may hold one:
    // shown, it would be an empty entry (`Also: , x`) or a line with nothing after its label.
    let aliases: Vec<(usize, &String)> =
        partner.aliases.iter().enumerate().filter(|(_, alias)| !alias.trim().is_empty()).collect();
    if !aliases.is_empty() {
        let mut segments = vec![seg(t.also, Role::Dim)];
        for (n, &(i, alias)) in aliases.iter().enumerate() {
            if n > 0 {
                segments.push(seg(", ", Role::Dim));
            }
            let positions = highlights.aliases.get(i).map_or(&[][..], Vec::as_slice);
            segments.extend(marked(alias, positions, usize::MAX));
        }
        lines.extend(wrap_segments(&segments, columns));
    }
    if !partner.topics.is_empty() {
        let topics: Vec<&str> = partner.topics.iter().map(|&t| words.topic(t)).collect();
        push_wrapped(lines, &format!("{}{}", t.topics, topics.join(", ")), columns, Role::Dim);
    }
    let mine: Vec<&str> = [
        (marks.is_some_and(|m| m.starred), t.starred_mark),
        (marks.is_some_and(|m| m.met), t.met_mark),
    ]
    .into_iter()
    .filter_map(|(on, label)| on.then_some(label))
    .collect();
    if !mine.is_empty() {
        lines.push(vec![seg(mine.join("  "), Role::Mark)]);
    }
    // The user's own aliases and note come first, under the title, where they are seen
    // without scrolling.
    if let Some(marks) = marks {
        your_aliases(lines, marks, &highlights.yours, columns);
        let kept = previous.long(LongKind::Note).filter(|text| same && text.is_note_of(marks));
        note(lines, marks, &marking.note, columns, kept);
    }
    lines.push(Vec::new());
    let kept = previous.long(LongKind::Description).filter(|_| same);
    description_shown(lines, partner, &marking.description, columns, kept);
    facts(lines, partner, columns);
    let leads = catalog.leads(index);
    let relations = leads.iter().filter(|l| matches!(l, Lead::Relation(_))).count();
    let mut last_label = "";
    for (i, lead) in leads.iter().enumerate() {
        match lead {
            Lead::Relation(link) => {
                if i == 0 {
                    heading(lines, t.relations, columns);
                }
                let label = words.link(link.kind, link.incoming);
                if label != last_label {
                    last_label = label;
                    lines.push(vec![seg(format!(" {last_label}"), Role::Dim)]);
                }
                out.link_rows.push(lines.len());
                link_lines(lines, catalog, link, i, columns);
                out.link_ends.push(lines.len());
            }
            Lead::Similar(similar) => {
                if i == relations {
                    heading(lines, t.similar, columns);
                }
                out.link_rows.push(lines.len());
                similar_lines(lines, catalog, similar, i, columns);
                out.link_ends.push(lines.len());
            }
        }
    }
    let contacts = [
        (t.website, &partner.website),
        (t.email, &partner.email),
        (t.phone, &partner.phone),
        (t.booth, &partner.booth),
    ];
    if contacts.iter().any(|(_, v)| v.is_some()) {
        heading(lines, t.contact, columns);
        for (label, value) in contacts {
            if let Some(value) = value {
                push_wrapped(lines, &format!(" {label}: {}", clean(value)), columns, Role::Text);
            }
        }
    }
    (out.parts, out.count) = std::mem::take(lines).finish();
    out
}

/// The partner's key facts under their heading, labels in a column.
fn facts(lines: &mut Lines, partner: &crate::dataset::Partner, columns: usize) {
    if partner.facts.is_empty() {
        return;
    }
    heading(lines, crate::i18n::s().key_facts, columns);
    let label_width =
        partner.facts.iter().map(|f| width(&f.label)).max().unwrap_or(0).min(columns / 2);
    let value_width = columns.saturating_sub(label_width + 3).max(1);
    for fact in &partner.facts {
        // A long label wraps in its column as its value does: cut, it could not be read.
        let labels = wrap(&clean(&fact.label), label_width.max(1));
        let values = wrap(&clean(&fact.value), value_width);
        for i in 0..labels.len().max(values.len()) {
            let label = pad(labels.get(i).map_or("", String::as_str), label_width);
            let value = values.get(i).cloned().unwrap_or_default();
            lines.push(vec![seg(format!(" {label}  "), Role::Dim), seg(value, Role::Text)]);
        }
    }
}

/// The user's own aliases for the partner, with the query's `highlights` in each, one a line:
/// an alias may hold a comma, so a list joined by commas could not be read back.
fn your_aliases(lines: &mut Lines, marks: &Marks, highlights: &[Vec<usize>], columns: usize) {
    if marks.aliases.is_empty() {
        return;
    }
    lines.push(vec![seg(crate::i18n::s().your_aliases.trim_end(), Role::Dim)]);
    for (i, alias) in marks.aliases.iter().enumerate() {
        let positions = highlights.get(i).map_or(&[][..], Vec::as_slice);
        let mut segments = vec![seg(" ", Role::Text)];
        segments.extend(marked(alias, positions, usize::MAX));
        lines.extend(wrap_segments(&segments, columns));
    }
}

/// The user's note on the partner, with when it was written, marked by `marker`; its layout
/// `kept` from the detail before when that is still it.
fn note(
    lines: &mut Lines,
    marks: &Marks,
    marker: &TextMarker,
    columns: usize,
    kept: Option<&Arc<LongText>>,
) {
    let Some(note) = marks.note.as_deref() else { return };
    let t = crate::i18n::s();
    let title = match marks.note_at {
        Some(at) => crate::i18n::fill(t.note_written, &[&crate::time::format_utc(at)]),
        None => t.your_note.to_owned(),
    };
    lines.push(Vec::new());
    push_wrapped(lines, &title, columns, Role::Heading);
    let text = kept.cloned().unwrap_or_else(|| Arc::new(LongText::note(note, columns)));
    lines.long(text, marker, LongKind::Note);
}

fn push_wrapped(lines: &mut Lines, text: &str, columns: usize, role: Role) {
    lines.extend(wrap(text, columns).into_iter().map(|line| vec![seg(line, role)]));
}

/// A section's title after a blank line, wrapped: a narrow pane shows it whole.
fn heading(lines: &mut Lines, title: &str, columns: usize) {
    lines.push(Vec::new());
    push_wrapped(lines, title, columns, Role::Heading);
}

/// `text` as segments, the characters at `positions` matched, cut to `max` columns.
fn marked(text: &str, positions: &[usize], max: usize) -> Vec<Segment> {
    highlight_runs(text, positions, max)
        .into_iter()
        .map(|(run, matched)| seg(run, if matched { Role::Matched } else { Role::Text }))
        .collect()
}

/// The partner's description as the pane shows it: up to [`crate::text::SHOWN_MAX`], then how
/// much is left and how to print it whole; its layout `kept` from the detail before when that
/// is still it.
fn description_shown(
    lines: &mut Lines,
    partner: &crate::dataset::Partner,
    marker: &TextMarker,
    columns: usize,
    kept: Option<&Arc<LongText>>,
) {
    let shown = crate::text::shown_part(&partner.description);
    let text = kept.filter(|text| text.is_description(shown)).cloned().unwrap_or_else(|| {
        let left = partner.description[shown.len()..].chars().count();
        Arc::new(LongText::description(shown, left, columns))
    });
    let left = text.left();
    lines.long(text, marker, LongKind::Description);
    if left > 0 {
        let t = crate::i18n::s();
        let said = crate::i18n::fill(t.description_cut, &[&left, &clean(&partner.id)]);
        push_wrapped(lines, &said, columns, Role::Dim);
    }
}

fn link_lines(lines: &mut Lines, catalog: &Catalog, link: &Link<'_>, index: usize, columns: usize) {
    let followable = link.target.is_some();
    // The arrow says whether Enter can follow the link, chosen or not.
    let arrow = if followable { "→ " } else { "· " };
    let role = Role::Link { index, followable };
    let name = with_id_if_shared(catalog, link.target, link.name.to_owned());
    hanging(lines, arrow, &clean(&name), role, columns);
    let note = link.note.map(|n| format!(" ({})", clean(n))).unwrap_or_default();
    for line in wrap(note.trim(), columns.saturating_sub(4).max(1)) {
        lines.push(vec![seg(format!("    {line}"), Role::Dim)]);
    }
}

/// `name`, followed by the id of the partner at `target` when another partner has its name:
/// two links to partners named alike would read alike, as the list's rows would.
fn with_id_if_shared(catalog: &Catalog, target: Option<usize>, name: String) -> String {
    match target.filter(|&t| catalog.name_shared_known(t)).and_then(|t| catalog.get(t)) {
        Some(partner) => format!("{name} · {}", partner.id),
        None => name,
    }
}

fn similar_lines(
    lines: &mut Lines,
    catalog: &Catalog,
    similar: &Similar,
    index: usize,
    columns: usize,
) {
    let t = crate::i18n::s();
    let Some(partner) = catalog.get(similar.index) else { return };
    let name = match partner.shown_acronym() {
        Some(acronym) => format!("{} ({acronym})", partner.name),
        None => partner.name.clone(),
    };
    let name = with_id_if_shared(catalog, Some(similar.index), name);
    let role = Role::Link { index, followable: true };
    hanging(lines, "→ ", &clean(&name), role, columns);
    let why = if similar.topics.is_empty() {
        (if similar.same_scope { t.similar_kind_scope } else { t.similar_kind }).to_owned()
    } else {
        let words = crate::i18n::vocabulary();
        let topics: Vec<&str> = similar.topics.iter().map(|&topic| words.topic(topic)).collect();
        crate::i18n::fill(t.similar_topics, &[&topics.join(", ")])
    };
    for line in wrap(&why, columns.saturating_sub(4).max(1)) {
        lines.push(vec![seg(format!("    {line}"), Role::Dim)]);
    }
}

/// `lead` then `text`, wrapped to `columns` under a hanging indent: two columns before the
/// first line, four before the others. The lead (an arrow) always starts the first line with
/// the text's first word, however long.
fn hanging(lines: &mut Lines, lead: &str, text: &str, role: Role, columns: usize) {
    let chars: Vec<char> = text.chars().collect();
    let first = columns.saturating_sub(2 + width(lead)).max(1);
    let Some(&(start, end)) = wrap_ranges(text, first).first() else { return };
    lines.push(vec![
        seg("  ", Role::Plain),
        seg(format!("{lead}{}", chars[start..end].iter().collect::<String>()), role),
    ]);
    let rest: String = chars[end..].iter().collect();
    for line in wrap(rest.trim_start(), columns.saturating_sub(4).max(1)) {
        lines.push(vec![seg("    ", Role::Plain), seg(line, role)]);
    }
}

/// Wraps segments to `columns`, breaking at spaces where it can.
fn wrap_segments(segments: &[Segment], columns: usize) -> Vec<Vec<Segment>> {
    let roles: Vec<Role> =
        segments.iter().flat_map(|s| s.text.chars().map(move |_| s.role)).collect();
    let text: String = segments.iter().map(|s| s.text.as_str()).collect();
    let chars: Vec<char> = text.chars().collect();
    wrap_ranges(&text, columns)
        .into_iter()
        .map(|(start, end)| {
            let mut line: Vec<Segment> = Vec::new();
            for (&c, &role) in chars[start..end].iter().zip(&roles[start..end]) {
                match line.last_mut() {
                    Some(last) if last.role == role => last.text.push(c),
                    _ => line.push(seg(c.to_string(), role)),
                }
            }
            line
        })
        .collect()
}

#[cfg(test)]
mod tests;
