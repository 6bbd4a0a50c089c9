//! Colours and text styles. Every style the screens use comes from here, so a theme (or
//! `NO_COLOR`) changes the whole browser at once.

use ratatui::style::{Color, Modifier, Style};

/// The browser's colour themes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ThemeName {
    /// Light text on a dark terminal.
    #[default]
    Dark,
    /// Dark text on a light terminal.
    Light,
}

/// The styles of one theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Ordinary text.
    pub text: Style,
    /// Secondary text: hints, labels, counts.
    pub dim: Style,
    /// Titles and the prompt.
    pub accent: Style,
    /// Matched characters.
    pub matched: Style,
    /// The selected row.
    pub selected: Style,
    /// Borders of panes without focus.
    pub border: Style,
    /// The border of the pane with focus.
    pub focused: Style,
    /// Errors.
    pub error: Style,
    /// Stars and marks.
    pub mark: Style,
    /// Followable relations.
    pub link: Style,
    /// The chosen relation.
    pub chosen_link: Style,
}

impl Theme {
    /// The theme for `name`; monochrome when `color` is false (`NO_COLOR`).
    pub fn new(name: ThemeName, color: bool) -> Theme {
        if !color {
            return Theme::mono();
        }
        match name {
            ThemeName::Dark => Theme {
                text: Style::new().fg(Color::Gray),
                dim: Style::new().fg(Color::DarkGray),
                accent: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
                matched: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
                selected: Style::new().bg(Color::Rgb(45, 55, 72)).fg(Color::White),
                border: Style::new().fg(Color::DarkGray),
                focused: Style::new().fg(Color::Cyan),
                error: Style::new().fg(Color::LightRed),
                mark: Style::new().fg(Color::Yellow),
                link: Style::new().fg(Color::LightBlue),
                chosen_link: Style::new().fg(Color::Black).bg(Color::LightBlue),
            },
            // Grey (ANSI 7) nearly vanishes on white: secondary text and quiet borders use
            // the terminal's own foreground, dimmed, which keeps its contrast on any background.
            ThemeName::Light => Theme {
                text: Style::new().fg(Color::Reset),
                dim: Style::new().fg(Color::Reset).add_modifier(Modifier::DIM),
                accent: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
                matched: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
                selected: Style::new().bg(Color::Rgb(210, 225, 245)).fg(Color::Black),
                border: Style::new().fg(Color::Reset).add_modifier(Modifier::DIM),
                focused: Style::new().fg(Color::Blue),
                error: Style::new().fg(Color::Red),
                mark: Style::new().fg(Color::Rgb(150, 95, 0)),
                link: Style::new().fg(Color::Blue),
                chosen_link: Style::new().fg(Color::White).bg(Color::Blue),
            },
        }
    }

    /// No colours: matches bold and underlined, the selection in reverse video.
    pub fn mono() -> Theme {
        let plain = Style::new();
        Theme {
            text: plain,
            dim: plain,
            accent: plain.add_modifier(Modifier::BOLD),
            matched: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            selected: plain.add_modifier(Modifier::REVERSED),
            border: plain,
            focused: plain.add_modifier(Modifier::BOLD),
            error: plain.add_modifier(Modifier::BOLD),
            mark: plain.add_modifier(Modifier::BOLD),
            link: plain.add_modifier(Modifier::UNDERLINED),
            chosen_link: plain.add_modifier(Modifier::REVERSED),
        }
    }
}
