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
    /// The language the locale asks for, as GNU gettext reads it: the locale is the first of
    /// `LC_ALL`, `LC_MESSAGES` and `LANG` that is set and not empty; unless it is `C` or
    /// `POSIX` (or none, which is `C`), `LANGUAGE`'s list (`fr:en`) is read first. French when
    /// the first of these that names a language it knows starts with `fr`, else English.
    pub fn from_locale() -> Lang {
        Lang::from_variables(|name| std::env::var(name).ok())
    }

    /// [`Lang::from_locale`] with the environment's variables read through `var`.
    pub fn from_variables(var: impl Fn(&str) -> Option<String>) -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| var(name))
            .find(|value| !value.is_empty());
        // "C" and "POSIX" ask for the untranslated messages whatever LANGUAGE says, as a
        // script that sets LC_ALL=C to read them expects (C.UTF-8 is the same locale).
        let is_c = |locale: &str| {
            let name = locale.split(['.', '@']).next().unwrap_or(locale);
            name == "C" || name == "POSIX"
        };
        let listed = locale
            .as_deref()
            .filter(|locale| !is_c(locale))
            .and_then(|_| var("LANGUAGE"))
            .and_then(|list| list.split(':').find_map(Lang::known));
        listed.unwrap_or_else(|| Lang::from_locale_value(locale.as_deref()))
    }

    /// The language an entry of `LANGUAGE` (`fr`, `fr_CA`, `en_GB`) names, if one of ours.
    fn known(entry: &str) -> Option<Lang> {
        let entry = entry.to_ascii_lowercase();
        let language = entry.split(['_', '-', '.', '@']).next().unwrap_or_default();
        match language {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
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
    fn language_is_a_list_read_first_unless_the_locale_is_c() {
        let with = |vars: &[(&str, &str)]| {
            let vars: Vec<(String, String)> =
                vars.iter().map(|&(n, v)| (n.to_owned(), v.to_owned())).collect();
            Lang::from_variables(move |name| {
                vars.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone())
            })
        };
        assert_eq!(with(&[("LANGUAGE", "fr:en"), ("LANG", "en_US.UTF-8")]), Lang::Fr);
        assert_eq!(with(&[("LANGUAGE", "en:fr"), ("LANG", "fr_FR.UTF-8")]), Lang::En);
        // A language of the list that is not ours is passed over, for the next.
        assert_eq!(with(&[("LANGUAGE", "de:fr_CA:en"), ("LANG", "de_DE.UTF-8")]), Lang::Fr);
        // None of ours in the list: the locale says.
        assert_eq!(with(&[("LANGUAGE", "de:it"), ("LANG", "fr_FR.UTF-8")]), Lang::Fr);
        assert_eq!(with(&[("LANGUAGE", ""), ("LC_MESSAGES", "fr_FR.UTF-8")]), Lang::Fr);
        // The C locale, named or by default, keeps the messages untranslated.
        assert_eq!(with(&[("LANGUAGE", "fr"), ("LC_ALL", "C"), ("LANG", "fr_FR")]), Lang::En);
        assert_eq!(with(&[("LANGUAGE", "fr"), ("LANG", "POSIX")]), Lang::En);
        assert_eq!(with(&[("LANGUAGE", "fr"), ("LANG", "C.UTF-8")]), Lang::En);
        assert_eq!(with(&[("LANGUAGE", "fr")]), Lang::En);
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
