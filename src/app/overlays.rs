//! How actions change the overlays: the help's scroll, the note editor, the overview's tab
//! and chosen row.

use ratatui::layout::Position;

use super::{App, Closing, Edited, NoteEditor, Overlay, QrView};
use crate::action::{Action, Effect};
use crate::i18n::{fill, s};
use crate::qr;
use crate::store::{Change, NOTE_MOST};
use crate::vcard::Contact;
use crate::view::layout::overlay_area;
use crate::view::overview::{self, OverviewTab, Placement, Row, RowAction};

impl App {
    pub(super) fn update_overlay(&mut self, overlay: Overlay, action: Action) -> Option<Effect> {
        match (overlay, action) {
            // Closing: the overlay was taken out and is not put back. A click in the help or
            // on a QR code leaves it open: it may be a try at scrolling, at selecting text, or
            // the click that brings the terminal's window forward to show the code.
            (Overlay::Help | Overlay::Qr(_), Action::CloseOverlay) => {}
            (Overlay::Help, action) => {
                let page = isize::try_from(self.help_page()).unwrap_or(isize::MAX);
                let delta = match action {
                    Action::HelpDown => 1,
                    Action::HelpUp => -1,
                    Action::HelpPageDown => page,
                    Action::HelpPageUp => -page,
                    Action::Scroll { lines, .. } => isize::from(lines),
                    _ => 0,
                };
                let max = self.help_max_scroll();
                self.help_scroll = match action {
                    Action::HelpTop => 0,
                    Action::HelpBottom => max,
                    _ => self.help_scroll.saturating_add_signed(delta).min(max),
                };
                self.overlay = Some(Overlay::Help);
            }
            (Overlay::Note(editor), action) => return self.update_note(editor, &action),
            (Overlay::Qr(view), _) => self.overlay = Some(Overlay::Qr(view)),
            (Overlay::Overview { tab, selected, top, rows }, action) => {
                self.update_overview(tab, (selected, top), rows, &action);
            }
        }
        None
    }

    fn update_note(&mut self, mut editor: NoteEditor, action: &Action) -> Option<Effect> {
        if let Some(closing) = editor.asking {
            match action {
                Action::SaveNote if editor.too_long() => {
                    editor.asking = None;
                    self.say_note_too_long();
                }
                Action::SaveNote => {
                    self.quit |= closing == Closing::Quit;
                    return Some(self.save_note(editor));
                }
                Action::DiscardNote => {
                    let said = match editor.edited {
                        Edited::Note => s().note_discarded,
                        Edited::Aliases => s().aliases_discarded,
                    };
                    self.set_status(said, false);
                    return if closing == Closing::Quit { self.quit_now() } else { None };
                }
                Action::KeepEditing | Action::CancelNote => editor.asking = None,
                _ => {}
            }
            self.overlay = Some(Overlay::Note(editor));
            return None;
        }
        match action {
            Action::CancelNote if editor.changed() => editor.asking = Some(Closing::Close),
            Action::CancelNote => {
                let said = match editor.edited {
                    Edited::Note => s().note_not_changed,
                    Edited::Aliases => s().aliases_not_changed,
                };
                self.set_status(said, false);
                return None;
            }
            Action::SaveNote if editor.too_long() => self.say_note_too_long(),
            Action::SaveNote => return Some(self.save_note(editor)),
            action if editor.insertion_too_long(action, &self.kill) => {
                self.set_status(fill(s().paste_too_long, &[&(NOTE_MOST >> 20)]), true);
            }
            action => editor.edit(action, self.note_columns(), &mut self.kill),
        }
        self.overlay = Some(Overlay::Note(editor));
        None
    }

    /// Says that the note is too long to save; the editor stays open, as what was typed is
    /// never thrown away.
    pub(super) fn say_note_too_long(&mut self) {
        self.set_status(fill(s().note_too_long, &[&(NOTE_MOST >> 20)]), true);
    }

    /// Closes the editor and saves its note (blank text removes the note), or the aliases
    /// typed (those no longer there are removed, new ones added).
    pub(super) fn save_note(&mut self, editor: NoteEditor) -> Effect {
        if matches!(&self.overlay, Some(Overlay::Note(open)) if open.id == editor.id) {
            self.overlay = None;
        }
        let (change, said) = match editor.edited {
            Edited::Note => {
                let text = Some(editor.text()).filter(|t| !crate::text::is_blank(t));
                let said = if text.is_none() { s().note_removed } else { s().note_saved };
                // Saved over the note as it opened: one changed meanwhile elsewhere is kept.
                let seen = Some(editor.original).filter(|note| !note.is_empty());
                (Change::EditedNote { id: editor.id, text, seen }, said)
            }
            Edited::Aliases => {
                let typed = editor.alias_lines();
                let before = self.aliases_of(&editor.id);
                // Compared as written, so that a change of case or accent is kept too.
                let remove = before.iter().filter(|a| !typed.contains(a)).cloned().collect();
                let add = typed.iter().filter(|a| !before.contains(a)).cloned().collect();
                (Change::Aliases { id: editor.id, add, remove }, s().aliases_saved)
            }
        };
        let mut state = self.state.clone();
        state.apply(change.clone(), 0);
        self.sync_state(state);
        self.set_status(said, false);
        self.remember_after_save = true;
        Effect::Save(change)
    }

    /// Opens (or fits again) the QR code of partner `index`'s card to the screen.
    pub(super) fn show_qr(&mut self, index: usize) {
        let Some(partner) = self.catalog.get(index) else { return };
        let note = self.state.marks.get(&partner.id).and_then(|m| m.note.as_deref());
        let contact = Contact::of(partner, note);
        let area = overlay_area(self.size);
        // Inside the overlay's border.
        let fitted = qr::fit(&contact, area.width.saturating_sub(2), area.height.saturating_sub(2));
        let view = match fitted {
            Ok(fitted) => QrView {
                partner: index,
                code: Ok(fitted.lines()),
                shortened: fitted.shortened_message(),
            },
            Err(e) => QrView { partner: index, code: Err(e.message()), shortened: None },
        };
        self.overlay = Some(Overlay::Qr(view));
    }

    /// Opens the overview on `tab`, its rows computed now.
    pub(super) fn show_tab(&mut self, tab: OverviewTab) {
        let rows = overview::rows(&self.catalog, tab);
        self.overlay = Some(Overlay::Overview { tab, selected: 0, top: 0, rows });
    }

    /// The overview on `tab`, its row `selected` chosen and rows shown from `top` as they
    /// were drawn, after `action`.
    fn update_overview(
        &mut self,
        tab: OverviewTab,
        (selected, top): (usize, usize),
        rows: Vec<Row>,
        action: &Action,
    ) {
        let last = rows.len().saturating_sub(1);
        let area = overlay_area(self.size);
        let visible = usize::from(area.height.saturating_sub(2));
        let top = overview::first_shown(top, selected, visible);
        let selected = match *action {
            Action::CloseOverlay => return,
            Action::NextTab => return self.show_tab(tab.step(true)),
            Action::PreviousTab => return self.show_tab(tab.step(false)),
            Action::NextRow => (selected + 1).min(last),
            Action::PreviousRow => selected.saturating_sub(1),
            // A page is the rows shown less one, as in the help, the list and the detail.
            Action::RowPageDown => (selected + visible.saturating_sub(1).max(1)).min(last),
            Action::RowPageUp => selected.saturating_sub(visible.saturating_sub(1).max(1)),
            Action::Scroll { lines, .. } => {
                selected.saturating_add_signed(isize::from(lines)).min(last)
            }
            Action::Click { column, row } => {
                let placement = Placement::of(area, tab, top);
                let at = Position::new(column, row);
                if row == area.y && column > area.x {
                    let chosen = placement.tabs.tab_at(usize::from(column - area.x - 1));
                    if let Some(chosen) = chosen.filter(|&t| t != tab) {
                        return self.show_tab(chosen);
                    }
                }
                let clicked = top + usize::from(row.saturating_sub(placement.inner.y));
                if placement.inner.contains(at) && clicked < rows.len() {
                    clicked
                } else {
                    selected
                }
            }
            Action::ApplyRow => {
                match rows.get(selected).map(|r| r.action.clone()) {
                    Some(RowAction::Filter(filter)) => self.set_query(&format!("{filter} ")),
                    Some(RowAction::Show(partner)) => {
                        self.record_visit(false);
                        self.show_partner(partner);
                        self.record_visit(true);
                    }
                    Some(RowAction::None) => {
                        self.set_status(s().organisation_not_in_dataset, false);
                        self.overlay = Some(Overlay::Overview { tab, selected, top, rows });
                    }
                    None => {}
                }
                return;
            }
            _ => selected,
        };
        let top = overview::first_shown(top, selected, visible);
        self.overlay = Some(Overlay::Overview { tab, selected, top, rows });
    }
}
