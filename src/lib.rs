//! partners: a terminal browser for a network of partner organisations.
//!
//! The library holds the logic; `src/main.rs` is a thin shell around it. One direction of
//! flow: `input` turns events into `Action`s, `App::update` changes the state and returns
//! `Effect`s, `effects::perform` carries them out and reports back with an action, and
//! `ui::render` draws the state with the models of `view`.
//!
//! - [`action`]: the vocabulary: every action (with its help words) and effect.
//! - [`app`]: the browser's state and how actions change it; no I/O, no drawing.
//! - [`catalog`]: the partners in use (bundled + user datasets), ids, relations both ways,
//!   the search index.
//! - [`cli`]: the command line's grammar and every subcommand but the browser.
//! - [`clipboard`]: a card to the clipboard: a local program, else OSC 52 (tmux, screen).
//! - [`dataset`]: the RON types, the bundled data, reading and validating dataset files.
//! - [`effects`]: carries out effects (saving, copying) and reports how they went.
//! - [`export`]: CSV, JSON, Markdown and DOT exports.
//! - [`input`]: terminal events to actions through the one table of key bindings.
//! - [`output`]: what the command line prints: JSON objects, plain lines, cards.
//! - [`search`]: folding, the query language, the index, matching and ranking.
//! - [`session`]: the terminal session: modes on and off on every path, signals, suspend,
//!   the event loop.
//! - [`store`]: the user's marks, notes and history on disk (locked, merged, atomic).
//! - [`text`]: text for terminals: sanitising, widths, truncation, wrapping.
//! - [`ui`]: drawing the state onto a frame, with a theme.
//! - [`view`]: what the screen shows, unstyled: layout, list rows, detail lines, the note
//!   editor's rows, overview and help rows.

pub mod action;
pub mod app;
pub mod atomic;
pub mod catalog;
pub mod cli;
pub mod clipboard;
pub mod dataset;
pub mod effects;
pub mod export;
pub mod i18n;
pub mod input;
pub mod output;
pub mod search;
pub mod session;
pub mod store;
pub mod text;
pub mod time;
pub mod ui;
pub mod view;
