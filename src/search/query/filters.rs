//! The field filters of the query language (`kind:`, `scope:`, `topic:`, `in:`, `is:`,
//! `has:`): their names in English and French, the values each takes, and the errors that
//! list them.
//!
//! Owns what a filter's key and value mean; where a filter stands in a query is
//! [`super`]'s.

use super::{Atom, Mark, QueryError};
use crate::dataset::{Kind, Scope, Topic};
use crate::i18n::{Lang, data, fill, vocabulary};
use crate::search::fold::fold;

/// The field filters the query syntax knows, for help screens.
pub const FILTERS: &[(&str, &str)] = &[
    ("kind:", "kind of organisation (kind:media)"),
    ("scope:", "local, regional, national, european, international"),
    ("topic:", "a topic tag (topic:procurement)"),
    ("in:", "location (in:bordeaux)"),
    ("is:", "starred or met"),
    ("has:", "note or alias (your own)"),
];

fn slugs_matching<T: Copy, S: AsRef<str>>(all: &[T], slug: impl Fn(T) -> S, value: &str) -> Vec<T> {
    let exact: Vec<T> = all.iter().copied().filter(|v| slug(*v).as_ref() == value).collect();
    if exact.is_empty() {
        all.iter().copied().filter(|v| slug(*v).as_ref().starts_with(value)).collect()
    } else {
        exact
    }
}

/// The values of `all` that a filter's `value` names: by their slugs, else by the first of
/// `shown` (the words the screens show for them) that names some.
fn named<T: Copy>(
    all: &[T],
    slug: fn(T) -> &'static str,
    shown: &[&dyn Fn(T) -> String],
    value: &str,
) -> Vec<T> {
    let mut found = slugs_matching(all, slug, value);
    for words in shown {
        if found.is_empty() {
            found = slugs_matching(all, words, value);
        }
    }
    found
}

/// The kinds `value` (folded) names, as `kind:` reads it: by their slugs, else by the
/// words the list shows for them, in either language (`kind:élus`).
pub fn kinds_named(value: &str) -> Vec<Kind> {
    let (en, fr) = (vocabulary::of(Lang::En), vocabulary::of(Lang::Fr));
    let shown: [&dyn Fn(Kind) -> String; 2] = [&|k| fold(en.badge(k)), &|k| fold(fr.badge(k))];
    named(Kind::ALL, Kind::slug, &shown, value)
}

/// How an error that lists the kinds names `kind`: by its slug, in French by the list's
/// word (which `kind:` accepts too).
pub fn kind_listed(kind: Kind) -> &'static str {
    match crate::i18n::lang() {
        Lang::Fr => vocabulary().badge(kind),
        Lang::En => kind.slug(),
    }
}

/// A scope as `scope:` takes it in the user's language: its slug in English, the words the
/// screens show in French (`europeen`).
pub fn scope_listed(scope: Scope) -> String {
    match crate::i18n::lang() {
        Lang::Fr => words_slug(vocabulary::of(Lang::Fr).scope(scope)),
        Lang::En => scope.slug().to_owned(),
    }
}

/// A topic as `topic:` takes it in the user's language (see [`scope_listed`]).
pub fn topic_listed(topic: Topic) -> String {
    match crate::i18n::lang() {
        Lang::Fr => words_slug(vocabulary::of(Lang::Fr).topic(topic)),
        Lang::En => topic.slug().to_owned(),
    }
}

/// Words as a filter value: folded, hyphens between them ("Commande publique" is
/// `commande-publique`, which `commande` starts).
fn words_slug(words: &str) -> String {
    fold(words)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

fn unknown<T: Copy, S: AsRef<str>>(
    token: &str,
    says: &str,
    all: &[T],
    slug: impl Fn(T) -> S,
) -> QueryError {
    let values: Vec<S> = all.iter().map(|v| slug(*v)).collect();
    let values: Vec<&str> = values.iter().map(AsRef::as_ref).collect();
    QueryError { token: token.to_owned(), message: fill(says, &[&values.join(", ")]) }
}

/// A value as the user's language says it, for the list of values that exist: in French the
/// words the screens show, in lower case, joined by hyphens (`européen`, `commande-publique`),
/// which a filter accepts as it accepts the slug.
fn listed(french: &str, slug: &'static str) -> String {
    match crate::i18n::lang() {
        Lang::Fr => french.to_lowercase().split_whitespace().collect::<Vec<_>>().join("-"),
        Lang::En => slug.to_owned(),
    }
}

/// The filter a key names (`kind`, `scope`, `topic`, `in`, `is`, `has`), under its own name or
/// another a person may well type for it, in English or in French (`type:`, `location:`,
/// `lieu:`, `thème:`, `portée:`); `None` for any other key.
pub(super) fn filter_named(key: &str) -> Option<&'static str> {
    Some(match fold(key).as_str() {
        "kind" | "type" => "kind",
        "scope" | "portee" => "scope",
        "topic" | "theme" | "tag" => "topic",
        "in" | "loc" | "location" | "lieu" | "ville" => "in",
        "is" => "is",
        "has" => "has",
        _ => return None,
    })
}

/// Whether `token` (`key:value`, with no filter of that name) is a filter mistyped rather
/// than text to search: its key is one letter away from a filter's name (two, from five
/// letters: `tpye:`, `scop:`, `locaton:`). Any other (`mailto:`, `ex:`, `10:30`) is searched
/// as written.
pub(super) fn looks_like_a_filter(token: &str) -> bool {
    const NAMES: &[&str] = &[
        "kind", "type", "scope", "portee", "topic", "theme", "tag", "loc", "location", "lieu",
        "ville",
    ];
    token.split_once(':').is_some_and(|(key, value)| {
        let key = fold(key);
        let most = if key.chars().count() >= 5 { 2 } else { 1 };
        !value.is_empty()
            && key.chars().count() >= 3
            && key.chars().all(char::is_alphabetic)
            && NAMES.iter().any(|name| strsim::damerau_levenshtein(&key, name) <= most)
    })
}

/// `value` and the masculine singular forms it may be of (`nationale`, `européennes`,
/// `régionaux`), most likely first; only the value itself when shorter than five letters
/// (`scope:es` is no ending of nothing).
fn masculine(value: &str) -> impl Iterator<Item = String> {
    let mut forms = vec![value.to_owned()];
    if value.chars().count() >= 5 {
        if let Some(stem) = value.strip_suffix("aux") {
            forms.push(format!("{stem}al"));
        }
        let plain = value.strip_suffix('s').unwrap_or(value);
        forms.push(plain.to_owned());
        if let Some(feminine) = plain.strip_suffix('e') {
            forms.push(feminine.to_owned());
            if let Some(doubled) = feminine.strip_suffix('n').filter(|f| f.ends_with("en")) {
                forms.push(doubled.to_owned());
            }
        }
    }
    forms.into_iter()
}

/// The condition of filter `key` (see [`filter_named`]) with a folded `value`, as `token`
/// writes it; `None` while the value is still to be typed.
pub(super) fn filter(key: &str, value: &str, token: &str) -> Result<Option<Atom>, QueryError> {
    if value.is_empty() {
        return Ok(None);
    }
    let value = value.to_owned();
    let mistaken =
        |message: &str| QueryError { token: token.to_owned(), message: message.to_owned() };
    let atom = match key {
        "kind" => {
            let kinds = kinds_named(&value);
            if kinds.is_empty() {
                return Err(unknown(token, data().unknown_kind, Kind::ALL, kind_listed));
            }
            Atom::Kind(kinds)
        }
        "scope" => {
            // Else the French word the screens show (`scope:europeen`), in the
            // feminine too, as « portée » asks (`scope:nationale`).
            let shown = |s| words_slug(vocabulary::of(Lang::Fr).scope(s));
            let scopes = masculine(&value)
                .map(|value| named(Scope::ALL, Scope::slug, &[&shown], &value))
                .find(|scopes| !scopes.is_empty())
                .unwrap_or_default();
            if scopes.is_empty() {
                let fr = vocabulary::of(Lang::Fr);
                let said = |s: Scope| listed(fr.scope(s), s.slug());
                return Err(unknown(token, data().unknown_scope, Scope::ALL, said));
            }
            Atom::Scope(scopes)
        }
        "topic" => {
            // Else the French words the screens show (`topic:commande`).
            let shown = |t| words_slug(vocabulary::of(Lang::Fr).topic(t));
            let mut topics = named(Topic::ALL, Topic::slug, &[&shown], &value);
            if topics.is_empty() {
                // A topic named as the kind of the same name is (`topic:ess`, as `kind:ess`).
                let kinds = kinds_named(&value);
                topics = Topic::ALL
                    .iter()
                    .copied()
                    .filter(|t| kinds.iter().any(|k| k.slug() == t.slug()))
                    .collect();
            }
            if topics.is_empty() {
                let fr = vocabulary::of(Lang::Fr);
                let said = |t: Topic| listed(fr.topic(t), t.slug());
                return Err(unknown(token, data().unknown_topic, Topic::ALL, said));
            }
            Atom::Topic(topics)
        }
        "in" => Atom::In(value),
        // In French too: `is:étoilé`, `is:favori`, `is:rencontré`.
        "is" => match value.as_str() {
            v if ["starred", "etoile", "etoiles", "favori", "favoris"]
                .iter()
                .any(|word| word.starts_with(v))
                || v == "star"
                || v == "fav" =>
            {
                Atom::Mark(Mark::Starred)
            }
            v if ["met", "rencontre", "rencontres"].iter().any(|word| word.starts_with(v)) => {
                Atom::Mark(Mark::Met)
            }
            _ => return Err(mistaken(data().is_values)),
        },
        _ => match value.as_str() {
            v if "note".starts_with(v) || v == "notes" => Atom::Mark(Mark::Noted),
            v if "alias".starts_with(v) || v == "aliases" => Atom::Mark(Mark::Aliased),
            _ => return Err(mistaken(data().has_values)),
        },
    };
    Ok(Some(atom))
}
