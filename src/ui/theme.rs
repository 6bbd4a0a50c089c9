//! Colours and text styles. Every style the screens use comes from here, so a theme (or
//! `NO_COLOR`, or a terminal with fewer colours) changes the whole browser at once.

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
    /// A QR code: black ink on white, in any theme, as the terminal can show them.
    pub qr: Style,
}

/// How many colours the terminal shows, as its environment says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorDepth {
    /// Any colour (`COLORTERM=truecolor`).
    TrueColor,
    /// The xterm palette of 256 (`TERM=xterm-256color`).
    Ansi256,
    /// The 16 colours every colour terminal has (`TERM=xterm`, `linux`).
    Ansi16,
    /// No colour (`NO_COLOR`, `TERM=dumb`, `TERM=xterm-mono`).
    Mono,
}

/// The terminals whose `TERM` promises 8 or 16 colours, and the usual variants of their names.
const SIXTEEN_FAMILIES: [&str; 15] = [
    "xterm", "screen", "tmux", "linux", "vt100", "vt102", "vt220", "ansi", "rxvt", "cygwin",
    "cons25", "putty", "eterm", "sun", "pcansi",
];
const SIXTEEN_VARIANTS: [&str; 7] = ["", "color", "16color", "8color", "bce", "unicode", "linux"];

impl ColorDepth {
    /// The depth this process's environment gives (see [`ColorDepth::from_values`]).
    pub fn from_env() -> ColorDepth {
        let var = |name| std::env::var_os(name).map(|v| v.to_string_lossy().into_owned());
        ColorDepth::from_values(
            var("NO_COLOR").as_deref(),
            var("COLORTERM").as_deref(),
            var("TERM").as_deref(),
        )
    }

    /// The depth the values of `NO_COLOR`, `COLORTERM` and `TERM` give: monochrome when
    /// `NO_COLOR` is set and not empty or the terminal says it has no colour; any colour when
    /// `COLORTERM` says so; 256 colours when `TERM` does; 16 for the terminals known for them
    /// (`xterm`, `linux`, `screen`...); else any colour.
    pub fn from_values(
        no_color: Option<&str>,
        colorterm: Option<&str>,
        term: Option<&str>,
    ) -> ColorDepth {
        let term = term.unwrap_or_default();
        if no_color.is_some_and(|v| !v.is_empty())
            || term == "dumb"
            || term.ends_with("-mono")
            || term.ends_with("-m")
        {
            return ColorDepth::Mono;
        }
        if matches!(colorterm, Some("truecolor" | "24bit")) || term.ends_with("-direct") {
            return ColorDepth::TrueColor;
        }
        if term.contains("256color") {
            return ColorDepth::Ansi256;
        }
        // The terminals whose TERM promises 8 or 16 colours. Any other (kitty, alacritty, foot,
        // ghostty, wezterm...) shows any colour, even where COLORTERM did not come along (ssh
        // does not pass it on); the Windows consoles set no TERM and show any colour too.
        // `xterm-kitty` is kitty, not xterm: only the usual variants count.
        let (family, variant) = term.split_once(['-', '.']).unwrap_or((term, ""));
        let sixteen = SIXTEEN_FAMILIES.contains(&family) && SIXTEEN_VARIANTS.contains(&variant);
        if sixteen { ColorDepth::Ansi16 } else { ColorDepth::TrueColor }
    }
}

impl Theme {
    /// The theme for `name`, with the colours a terminal of `depth` shows.
    pub fn new(name: ThemeName, depth: ColorDepth) -> Theme {
        let theme = Theme::full(name);
        match depth {
            ColorDepth::TrueColor => theme,
            ColorDepth::Ansi256 => theme.map_colors(to_ansi256),
            // The selection's background has no near match among 16 colours that shows on
            // every palette (grey is the background of some): reverse video, as without colour.
            // Grey (ANSI 8) is the background of Solarized Dark and others: secondary text
            // and borders are the foreground dimmed, as in the light theme.
            ColorDepth::Ansi16 => Theme {
                selected: Style::new().add_modifier(Modifier::REVERSED),
                dim: Style::new().fg(Color::Reset).add_modifier(Modifier::DIM),
                border: Style::new().fg(Color::Reset).add_modifier(Modifier::DIM),
                ..theme.map_colors(to_ansi16)
            },
            ColorDepth::Mono => Theme::mono(),
        }
    }

    /// The theme `name` in any colour.
    fn full(name: ThemeName) -> Theme {
        match name {
            // Grey as RGB, not ANSI 8: palettes leave it alone (Solarized Dark makes ANSI 8 its
            // background, and secondary text vanished).
            ThemeName::Dark => Theme {
                text: Style::new().fg(Color::Gray),
                dim: Style::new().fg(GREY),
                accent: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
                matched: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
                selected: Style::new().bg(Color::Rgb(45, 55, 72)).fg(Color::White),
                border: Style::new().fg(GREY),
                focused: Style::new().fg(Color::Cyan),
                error: Style::new().fg(Color::LightRed),
                mark: Style::new().fg(Color::Yellow),
                link: Style::new().fg(Color::LightBlue),
                chosen_link: Style::new().fg(Color::Black).bg(Color::LightBlue),
                qr: QR,
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
                qr: QR,
            },
        }
    }

    /// Every colour of every style through `f`.
    fn map_colors(self, f: fn(Color) -> Color) -> Theme {
        let map = |style: Style| Style { fg: style.fg.map(f), bg: style.bg.map(f), ..style };
        Theme {
            text: map(self.text),
            dim: map(self.dim),
            accent: map(self.accent),
            matched: map(self.matched),
            selected: map(self.selected),
            border: map(self.border),
            focused: map(self.focused),
            error: map(self.error),
            mark: map(self.mark),
            link: map(self.link),
            chosen_link: map(self.chosen_link),
            qr: map(self.qr),
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
            // The one colour kept: a code scans only dark on light (`show --qr` keeps it too),
            // with the 256 colours' black and white, which palettes leave alone.
            qr: Style::new().fg(Color::Indexed(16)).bg(Color::Indexed(231)),
        }
    }
}

/// The grey of secondary text in the dark theme.
const GREY: Color = Color::Rgb(128, 128, 128);

/// Black on white, exactly: the 256-colour cube's 16 and 231 and the 16 colours' black and
/// white come of it with fewer colours.
const QR: Style = Style::new().fg(Color::Rgb(0, 0, 0)).bg(Color::Rgb(255, 255, 255));

/// The xterm palette's six levels of each primary in its 6×6×6 cube.
const CUBE_LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];

/// The squared distance between two colours.
fn distance(a: (u8, u8, u8), b: (u8, u8, u8)) -> u32 {
    let d = |x: u8, y: u8| u32::from(x.abs_diff(y)).pow(2);
    d(a.0, b.0) + d(a.1, b.1) + d(a.2, b.2)
}

/// An RGB colour as the nearest of the xterm palette's cube and greys (indexes 16 to 255);
/// other colours as they are.
fn to_ansi256(color: Color) -> Color {
    let Color::Rgb(r, g, b) = color else { return color };
    let level = |c: u8| {
        (0u8..6).min_by_key(|&i| CUBE_LEVELS[usize::from(i)].abs_diff(c)).unwrap_or_default()
    };
    let (lr, lg, lb) = (level(r), level(g), level(b));
    let cube = (
        16 + 36 * lr + 6 * lg + lb,
        (CUBE_LEVELS[usize::from(lr)], CUBE_LEVELS[usize::from(lg)], CUBE_LEVELS[usize::from(lb)]),
    );
    // The greys 232..=255 run from 8 to 238 in steps of 10.
    let greys = (0u8..24).map(|i| (232 + i, (8 + 10 * i, 8 + 10 * i, 8 + 10 * i)));
    let (index, _) = std::iter::once(cube)
        .chain(greys)
        .min_by_key(|&(_, rgb)| distance(rgb, (r, g, b)))
        .unwrap_or(cube);
    Color::Indexed(index)
}

/// The 16 colours as xterm shows them by default, with their names.
const ANSI16: [(Color, (u8, u8, u8)); 16] = [
    (Color::Black, (0, 0, 0)),
    (Color::Red, (205, 0, 0)),
    (Color::Green, (0, 205, 0)),
    (Color::Yellow, (205, 205, 0)),
    (Color::Blue, (0, 0, 238)),
    (Color::Magenta, (205, 0, 205)),
    (Color::Cyan, (0, 205, 205)),
    (Color::Gray, (229, 229, 229)),
    (Color::DarkGray, (127, 127, 127)),
    (Color::LightRed, (255, 0, 0)),
    (Color::LightGreen, (0, 255, 0)),
    (Color::LightYellow, (255, 255, 0)),
    (Color::LightBlue, (92, 92, 255)),
    (Color::LightMagenta, (255, 0, 255)),
    (Color::LightCyan, (0, 255, 255)),
    (Color::White, (255, 255, 255)),
];

/// An RGB or 256-palette colour as the nearest of the 16; those as they are.
fn to_ansi16(color: Color) -> Color {
    let rgb = match color {
        Color::Rgb(r, g, b) => (r, g, b),
        Color::Indexed(i) if i >= 16 => indexed_rgb(i),
        _ => return color,
    };
    ANSI16.iter().min_by_key(|(_, c)| distance(*c, rgb)).map_or(color, |&(named, _)| named)
}

/// The RGB value of a colour of the xterm palette's cube or greys (`index` from 16).
fn indexed_rgb(index: u8) -> (u8, u8, u8) {
    if index >= 232 {
        let grey = 8 + 10 * (index - 232);
        return (grey, grey, grey);
    }
    let i = usize::from(index - 16);
    (CUBE_LEVELS[i / 36], CUBE_LEVELS[i / 6 % 6], CUBE_LEVELS[i % 6])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_environment_says_how_many_colours() {
        let depth = ColorDepth::from_values;
        assert_eq!(depth(None, Some("truecolor"), Some("xterm-256color")), ColorDepth::TrueColor);
        assert_eq!(depth(None, Some("24bit"), Some("xterm")), ColorDepth::TrueColor);
        assert_eq!(depth(None, None, Some("xterm-direct")), ColorDepth::TrueColor);
        assert_eq!(depth(None, None, Some("xterm-256color")), ColorDepth::Ansi256);
        assert_eq!(depth(None, Some(""), Some("tmux-256color")), ColorDepth::Ansi256);
        assert_eq!(depth(None, Some("yes"), Some("screen-256color")), ColorDepth::Ansi256);
        assert_eq!(depth(None, None, Some("xterm")), ColorDepth::Ansi16);
        assert_eq!(depth(None, None, Some("linux")), ColorDepth::Ansi16);
        assert_eq!(depth(None, None, Some("vt100")), ColorDepth::Ansi16);
        assert_eq!(depth(None, None, Some("screen.linux")), ColorDepth::Ansi16);
        assert_eq!(depth(None, None, Some("rxvt-unicode")), ColorDepth::Ansi16);
        // Over ssh, without COLORTERM: the terminals that say their own name show any colour.
        for term in ["xterm-kitty", "alacritty", "foot", "xterm-ghostty", "wezterm"] {
            assert_eq!(depth(None, None, Some(term)), ColorDepth::TrueColor, "{term}");
        }
        assert_eq!(depth(None, None, Some("xterm-mono")), ColorDepth::Mono);
        assert_eq!(depth(None, Some("truecolor"), Some("xterm-mono")), ColorDepth::Mono);
        assert_eq!(depth(None, None, Some("dumb")), ColorDepth::Mono);
        assert_eq!(depth(Some("1"), Some("truecolor"), Some("xterm")), ColorDepth::Mono);
        // An empty NO_COLOR is not set (no-color.org).
        assert_eq!(depth(Some(""), Some("truecolor"), None), ColorDepth::TrueColor);
        assert_eq!(depth(None, None, None), ColorDepth::TrueColor);
    }

    #[test]
    fn rgb_becomes_the_nearest_palette_colour() {
        assert_eq!(to_ansi256(Color::Rgb(0, 0, 0)), Color::Indexed(16));
        assert_eq!(to_ansi256(Color::Rgb(255, 255, 255)), Color::Indexed(231));
        assert_eq!(to_ansi256(Color::Rgb(135, 95, 0)), Color::Indexed(94));
        // A dark blue-grey is nearer a grey than any cube colour.
        assert_eq!(to_ansi256(Color::Rgb(45, 55, 72)), Color::Indexed(237));
        assert_eq!(to_ansi256(Color::Yellow), Color::Yellow);
        assert_eq!(to_ansi16(Color::Rgb(250, 250, 250)), Color::White);
        assert_eq!(to_ansi16(Color::Indexed(196)), Color::LightRed);
        assert_eq!(to_ansi16(Color::Cyan), Color::Cyan);
        for index in 16..=255 {
            assert_eq!(to_ansi256(to_rgb(index)), Color::Indexed(index), "{index}");
        }
    }

    fn to_rgb(index: u8) -> Color {
        let (r, g, b) = indexed_rgb(index);
        Color::Rgb(r, g, b)
    }

    #[test]
    fn secondary_text_never_takes_a_colour_palettes_make_the_background() {
        // Solarized Dark's ANSI 8 is its background; many a dark palette's ANSI 0 is too.
        for depth in [ColorDepth::TrueColor, ColorDepth::Ansi256, ColorDepth::Ansi16] {
            for name in [ThemeName::Dark, ThemeName::Light] {
                let theme = Theme::new(name, depth);
                for style in [theme.dim, theme.border, theme.text] {
                    let fg = style.fg.unwrap_or(Color::Reset);
                    assert!(!matches!(fg, Color::DarkGray | Color::Black), "{name:?} {depth:?}");
                }
            }
        }
    }

    #[test]
    fn fewer_colours_leave_no_rgb() {
        for name in [ThemeName::Dark, ThemeName::Light] {
            for (depth, allowed) in [
                (ColorDepth::Ansi256, (|c| !matches!(c, Color::Rgb(..))) as fn(Color) -> bool),
                (ColorDepth::Ansi16, |c| !matches!(c, Color::Rgb(..) | Color::Indexed(_))),
                (ColorDepth::Mono, |c| c == Color::Reset),
            ] {
                let theme = Theme::new(name, depth);
                let styles = [
                    theme.text,
                    theme.dim,
                    theme.accent,
                    theme.matched,
                    theme.selected,
                    theme.border,
                    theme.focused,
                    theme.error,
                    theme.mark,
                    theme.link,
                    theme.chosen_link,
                ];
                let qr = [theme.qr.fg, theme.qr.bg].into_iter().flatten();
                let cube = |c| matches!(c, Color::Indexed(16 | 231));
                assert!(qr.clone().all(|c| depth != ColorDepth::Mono || cube(c)), "{depth:?}");
                assert!(qr.clone().all(|c| depth == ColorDepth::Mono || allowed(c)), "{depth:?}");
                for style in styles {
                    for color in [style.fg, style.bg].into_iter().flatten() {
                        assert!(allowed(color), "{name:?} {depth:?}: {color:?}");
                    }
                }
            }
        }
    }
}
