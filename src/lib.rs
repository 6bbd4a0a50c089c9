//! partners: a terminal browser for a network of partner organisations.
//!
//! The library holds the logic; `src/main.rs` is a thin shell around it.

pub mod action;
pub mod app;
pub mod catalog;
pub mod cli;
pub mod completions;
pub mod dataset;
pub mod export;
pub mod input;
pub mod output;
pub mod plain;
pub mod qr;
pub mod search;
pub mod store;
pub mod text;
pub mod ui;
pub mod vcard;
