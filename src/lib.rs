//! partners: a terminal browser for a network of partner organisations.
//!
//! The library holds the logic; `src/main.rs` is a thin shell around it. One direction of
//! flow: `input` turns events into `Action`s, `App::update` changes the state and returns
//! `Effect`s, `effects::perform` carries them out and reports back with an action, and
//! `ui::render` draws the state with the models of `view`.
//!
//! - [`action`]: the vocabulary: every action (with its help words) and effect.
//! - [`atomic`]: replacing a file whole (exclusive temporary file, rename), through links.
//! - [`background`]: the browser's loading and search threads, reporting back as actions.
//! - [`app`]: the browser's state and how actions change it; no I/O, no drawing.
//! - [`catalog`]: the partners in use (bundled + user datasets), ids, relations both ways,
//!   the search index.
//! - [`cli`]: the command line's grammar and every subcommand but the browser.
//! - [`clipboard`]: a card to the clipboard: a local program, else OSC 52 (tmux, screen).
//! - [`completions`]: shell completions (partner ids asked of the binary) and the man page.
//! - [`config`]: the configuration file: theme, language, mouse, keys.
//! - [`dataset`]: the RON types, the bundled data, reading and validating dataset files.
//! - [`editing`]: readline-like editing of the query and the note, by grapheme cluster.
//! - [`effects`]: carries out effects (saving, copying) and reports how they went.
//! - [`export`]: CSV, JSON, Markdown and DOT exports.
//! - [`i18n`]: every string the user reads, in English and French.
//! - [`input`]: terminal events to actions through the one table of key bindings.
//! - [`output`]: what the command line prints: JSON objects, plain lines, cards.
//! - [`plain`]: plain mode, a line-by-line prompt for screen readers and dumb terminals.
//! - [`qr`]: a partner as a QR code sized to the space, drawn with half blocks.
//! - [`search`]: folding, the query language, the index, matching and ranking.
//! - [`session`]: the terminal session: modes on and off on every path, signals, suspend,
//!   the event loop.
//! - [`store`]: the user's marks, notes, own aliases and history on disk (locked, merged,
//!   atomic).
//! - [`text`]: text for terminals: sanitising, widths, truncation, wrapping.
//! - [`time`]: dates for people and for file names, from unix seconds.
//! - [`ui`]: drawing the state onto a frame, with a theme.
//! - [`vcard`]: a partner as a contact: vCard 3.0 export, shared with the QR payload.
//! - [`view`]: what the screen shows, unstyled: layout, list rows, detail lines, the note
//!   editor's rows, overview and help rows.

pub mod action;
pub mod app;
pub mod atomic;
pub mod background;
pub mod catalog;
pub mod cli;
pub mod clipboard;
pub mod completions;
pub mod config;
pub mod dataset;
pub mod editing;
pub mod effects;
pub mod export;
pub mod i18n;
pub mod input;
pub mod output;
pub mod plain;
pub mod qr;
pub mod search;
pub mod session;
pub mod store;
pub mod text;
pub mod time;
pub mod ui;
pub mod vcard;
pub mod view;

/// Below this many items (partners, hits) work runs on one thread: spawning costs more than it
/// saves. Also the size of the index's chunks of folded text.
pub(crate) const PARALLEL_MIN: usize = 4096;
