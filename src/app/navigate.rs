//! Moving around the network: choosing and following relations, going back and forward along
//! the partners visited, and the mouse.

use ratatui::layout::{Margin, Position, Rect};

use super::{App, Focus, Visit};
use crate::action::{Action, Effect};
use crate::catalog::Lead;
use crate::i18n::{fill, s};
use crate::input::Context;
use crate::view::layout::Mode;

impl App {
    pub(super) fn choose_link(&mut self, delta: isize) {
        let count = self.detail.link_count();
        if count == 0 {
            self.set_status(s().no_relations, false);
            return;
        }
        self.focus = Focus::Detail;
        self.link = self.link.saturating_add_signed(delta).min(count - 1);
        self.reveal_link();
    }

    /// Whether the chosen relation is on the detail pane's screen.
    pub(super) fn link_in_view(&self) -> bool {
        let rows = self.areas().detail_rows();
        self.detail.link_rows.get(self.link).is_some_and(|&row| {
            self.focus == Focus::Detail
                && row >= self.detail_scroll
                && row < self.detail_scroll + rows
        })
    }

    /// Scrolls the detail pane so the chosen relation is in view.
    pub(super) fn reveal_link(&mut self) {
        if let Some(&row) = self.detail.link_rows.get(self.link) {
            let rows = self.areas().detail_rows();
            if row < self.detail_scroll {
                self.detail_scroll = row;
            } else if row >= self.detail_scroll + rows {
                self.detail_scroll = row + 1 - rows;
            }
        }
    }

    pub(super) fn follow_link(&mut self) -> Option<Effect> {
        // The same list as the detail pane shows: relations, then similar partners.
        let leads = self.selected_partner().map(|i| self.catalog.leads(i)).unwrap_or_default();
        let Some(lead) = leads.get(self.link) else {
            self.set_status(s().no_relations, false);
            return None;
        };
        let Some(target) = lead.target() else {
            let name = match lead {
                Lead::Relation(link) => link.name.to_owned(),
                Lead::Similar(_) => String::new(),
            };
            self.reveal_link();
            self.set_status(fill(s().not_in_dataset, &[&name]), false);
            return None;
        };
        let remember = self.remember_query();
        self.record_visit(false);
        self.show_partner(target);
        self.record_visit(true);
        remember
    }

    /// Selects catalog partner `target`, clearing the query when it hides it.
    pub(super) fn show_partner(&mut self, target: usize) {
        if self.results.position(|h| h.index == target).is_none() {
            self.query.clear();
            self.cursor = 0;
            self.refresh_now();
        }
        if let Some(position) = self.results.position(|h| h.index == target) {
            self.select(position);
            self.detail_scroll = 0;
            self.link = 0;
        }
        self.focus = Focus::Detail;
        if self.areas().mode == Mode::Narrow {
            self.narrow_detail = true;
        }
    }

    fn current_visit(&self, followed: bool) -> Option<Visit> {
        Some(Visit {
            query: self.query(),
            partner: self.selected_partner()?,
            scroll: self.detail_scroll,
            link: self.link,
            followed,
        })
    }

    /// Records where we are: replaces the current visit (which keeps how it was reached), or
    /// starts a new one after it, `followed` from the one before or not.
    pub(super) fn record_visit(&mut self, followed: bool) {
        let Some(here) = self.current_visit(followed) else { return };
        match self.visits.get(self.visit) {
            Some(v) if v.partner == here.partner => {
                self.visits[self.visit] = Visit { followed: v.followed, ..here };
            }
            Some(_) => {
                self.visits.truncate(self.visit + 1);
                self.visits.push(here);
                self.visit += 1;
            }
            None => {
                self.visits.push(here);
                self.visit = self.visits.len() - 1;
            }
        }
    }

    pub(super) fn go_visit(&mut self, delta: isize) {
        if self.visits.is_empty() {
            // The key the user follows with (Enter, unless the configuration gave another).
            let follow = self.bindings.keys_for(Context::Detail, &Action::FollowLink);
            let follow = follow.into_iter().next().unwrap_or_else(|| s().key_enter.to_owned());
            self.set_status(fill(s().nothing_to_go_back_to, &[&follow]), false);
            return;
        }
        self.record_visit(false);
        let Some(target) = self.visit.checked_add_signed(delta).filter(|&v| v < self.visits.len())
        else {
            self.set_status(if delta < 0 { s().first_visited } else { s().last_visited }, false);
            return;
        };
        self.visit = target;
        let visit = self.visits[target].clone();
        self.query = visit.query.chars().collect();
        self.cursor = self.query.len();
        self.refresh_now();
        if let Some(position) = self.results.position(|h| h.index == visit.partner) {
            self.select(position);
        } else {
            self.show_partner(visit.partner);
        }
        self.focus = Focus::Detail;
        if self.areas().mode == Mode::Narrow {
            self.narrow_detail = true;
        }
        self.link = visit.link;
        self.detail_scroll = visit.scroll;
        self.clamp_detail_scroll();
    }

    fn detail_shown(&self) -> bool {
        self.areas().mode != Mode::Narrow || self.narrow_detail
    }

    pub(super) fn click(&mut self, column: u16, row: u16) {
        let areas = self.areas();
        let at = Position::new(column, row);
        // Between the borders only: a line under the bottom border is hidden (the detail's
        // "↓ more" stands there), and the list's row under it too.
        let inside = |pane: Rect| pane.inner(Margin::new(1, 1)).contains(at);
        if self.detail_shown() && areas.detail.contains(at) {
            if !inside(areas.detail) {
                return;
            }
            self.focus = Focus::Detail;
            let line = usize::from(row.saturating_sub(areas.detail.y + 1)) + self.detail_scroll;
            if let Some(link) = self.detail.link_at(line) {
                self.link = link;
            }
        } else if inside(areas.list) {
            let position = self.list_offset + usize::from(row - areas.list.y - 1);
            if position < self.results.len() {
                self.focus = Focus::List;
                self.select(position);
            }
        }
    }

    pub(super) fn wheel(&mut self, column: u16, row: u16, lines: i16) {
        let areas = self.areas();
        if self.detail_shown() && areas.detail.contains(Position::new(column, row)) {
            self.scroll_detail(isize::from(lines));
        } else {
            self.move_selection(isize::from(lines));
        }
    }
}
