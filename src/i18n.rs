//! The interface's languages: every string the user reads, in English and in French, as the
//! fields of tables (one struct per part of the program, one static value per language), so a
//! string missing from either language is a compile error. `ui`: the browser; `cli`: the
//! command line (subcommands, cards, the store's errors and warnings); `vocabulary`: the
//! dataset's kinds, scopes, topics and relations in words, for both; `data`: what is wrong
//! with a dataset or a query, for both. The language is chosen
//! once per thread (`--lang`, else the locale, else English) with [`set`]; [`s`] and [`cli()`]
//! [`vocabulary()`] and [`data()`] give the tables. Partner data is never translated.
//!
//! Templates hold `{}` where [`fill`] puts its arguments, in order.

pub mod cli;
pub mod data;
pub mod help;
pub mod plain;
pub mod ui;
pub mod vocabulary;

use std::cell::Cell;
use std::fmt::Display;

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// French.
    Fr,
}

impl Lang {
    /// The language the locale asks for: the first of `LC_ALL`, `LC_MESSAGES` and `LANG`
    /// that is set and not empty; French when it starts with `fr`, else English.
    pub fn from_locale() -> Lang {
        let value = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty());
        Lang::from_locale_value(value.as_deref())
    }

    /// The language `--lang` asks for in `args` (a program's arguments, `--lang fr` or
    /// `--lang=fr`), read before the rest is parsed so that the errors of parsing are said
    /// in it: the last one clap knows (`--lang fr … --lang de` is refused in French); `None`
    /// when there is none.
    pub fn asked_in(args: impl IntoIterator<Item = std::ffi::OsString>) -> Option<Lang> {
        let mut asked = None;
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let value = match arg.to_str() {
                Some("--") => break,
                Some("--lang") => args.next(),
                Some(arg) => arg.strip_prefix("--lang=").map(Into::into),
                None => None,
            };
            let known = value.and_then(|value| {
                <Lang as clap::ValueEnum>::from_str(&value.to_string_lossy(), true).ok()
            });
            asked = known.or(asked);
        }
        asked
    }

    /// The language for a locale value such as `fr_FR.UTF-8` (none: English).
    pub fn from_locale_value(value: Option<&str>) -> Lang {
        match value {
            Some(v) if v.to_ascii_lowercase().starts_with("fr") => Lang::Fr,
            _ => Lang::En,
        }
    }
}

thread_local! {
    static LANG: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// Chooses the language of this thread's messages.
pub fn set(lang: Lang) {
    LANG.with(|l| l.set(lang));
}

/// This thread's language, changed for a while: a thread of a pool doing a caller's work
/// speaks the caller's language until this is dropped, then its own again.
#[must_use = "the language is the thread's own again when this is dropped"]
pub struct Speaking(Lang);

/// Speaks `lang` on this thread until the returned value is dropped.
pub fn speaking(lang: Lang) -> Speaking {
    let own = self::lang();
    set(lang);
    Speaking(own)
}

impl Drop for Speaking {
    fn drop(&mut self) {
        set(self.0);
    }
}

/// The language of this thread's messages.
pub fn lang() -> Lang {
    LANG.with(Cell::get)
}

/// The browser's strings in this thread's language.
pub fn s() -> &'static ui::Ui {
    ui::of(lang())
}

/// The command line's strings in this thread's language.
pub fn cli() -> &'static cli::Cli {
    cli::of(lang())
}

/// What is wrong with a dataset or a query, in this thread's language.
pub fn data() -> &'static data::Data {
    data::of(lang())
}

/// The vocabulary's words (kinds, scopes, topics, relations) in this thread's language.
pub fn vocabulary() -> &'static vocabulary::Vocabulary {
    vocabulary::of(lang())
}

/// Checks that a table has every message in both languages, with as many `{}` in each.
#[cfg(test)]
pub(crate) fn check_tables(en: &[(&str, &str)], fr: &[(&str, &str)]) {
    assert_eq!(en.len(), fr.len());
    for ((name, english), (_, french)) in en.iter().zip(fr) {
        assert!(!english.trim().is_empty() && !french.trim().is_empty(), "{name}");
        assert_eq!(english.matches("{}").count(), french.matches("{}").count(), "{name}");
    }
}

/// `template` with each `{}` replaced by the next of `args`.
pub fn fill(template: &str, args: &[&dyn Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut args = args.iter();
    let mut rest = template;
    while let Some(at) = rest.find("{}") {
        out.push_str(&rest[..at]);
        if let Some(arg) = args.next() {
            out.push_str(&arg.to_string());
        }
        rest = &rest[at + 2..];
    }
    out.push_str(rest);
    out
}

/// Declares a table of messages: a struct with one `&'static str` field per message (and
/// optional fixed arrays), and a list of them all, so tests can check both languages.
macro_rules! table {
    (
        $(#[$smeta:meta])* $table:ident {
            $($(#[$meta:meta])* $name:ident,)*
        }
        $(arrays { $($(#[$ameta:meta])* $array:ident: $len:literal,)* })?
    ) => {
        $(#[$smeta])*
        #[derive(Debug)]
        pub struct $table {
            $($(#[$meta])* pub $name: &'static str,)*
            $($($(#[$ameta])* pub $array: [&'static str; $len],)*)?
        }

        impl $table {
            /// Every message with its name, for checks.
            pub fn all(&self) -> Vec<(&'static str, &'static str)> {
                #[allow(unused_mut)]
                let mut all = vec![$((stringify!($name), self.$name)),*];
                $($(all.extend(self.$array.iter().map(|s| (stringify!($array), *s)));)*)?
                all
            }
        }
    };
}
pub(crate) use table;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speaking_for_a_while_gives_the_language_back() {
        set(Lang::En);
        {
            let _french = speaking(Lang::Fr);
            assert_eq!(lang(), Lang::Fr);
        }
        assert_eq!(lang(), Lang::En);
    }

    #[test]
    fn locale_values() {
        assert_eq!(Lang::from_locale_value(Some("fr_FR.UTF-8")), Lang::Fr);
        assert_eq!(Lang::from_locale_value(Some("fr")), Lang::Fr);
        assert_eq!(Lang::from_locale_value(Some("en_GB.UTF-8")), Lang::En);
        assert_eq!(Lang::from_locale_value(Some("C")), Lang::En);
        assert_eq!(Lang::from_locale_value(None), Lang::En);
        let asked = |args: &[&str]| Lang::asked_in(args.iter().map(Into::into));
        assert_eq!(asked(&["partners", "--lang", "fr", "list"]), Some(Lang::Fr));
        assert_eq!(asked(&["partners", "list", "--lang=FR"]), Some(Lang::Fr));
        assert_eq!(asked(&["partners", "--lang", "en"]), Some(Lang::En));
        assert_eq!(asked(&["partners", "search", "--", "--lang", "fr"]), None);
        assert_eq!(asked(&["partners", "--lang", "xx"]), None);
        // A value clap refuses, or none, leaves the language asked for before.
        assert_eq!(asked(&["partners", "--lang", "fr", "list", "--lang", "de"]), Some(Lang::Fr));
        assert_eq!(asked(&["partners", "--lang=fr", "list", "--lang="]), Some(Lang::Fr));
        assert_eq!(asked(&["partners", "--lang", "fr", "--lang"]), Some(Lang::Fr));
    }

    #[test]
    fn fill_puts_arguments_in_order() {
        assert_eq!(fill("{} of {}", &[&1, &"two"]), "1 of two");
        assert_eq!(fill("no args", &[]), "no args");
        assert_eq!(fill("{} {}", &[&"only"]), "only ");
    }

    #[test]
    fn the_language_is_per_thread() {
        set(Lang::Fr);
        assert_eq!(s().partners_title, ui::of(Lang::Fr).partners_title);
        std::thread::spawn(|| assert_eq!(lang(), Lang::En)).join().expect("the thread ends");
        set(Lang::En);
    }
}
