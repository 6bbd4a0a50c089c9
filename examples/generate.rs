//! Writes a valid, pseudo-random dataset of N partners to standard output, for benchmarks:
//!
//! ```text
//! cargo run --release --example generate -- 100000 > /tmp/big.ron
//! cargo run --release --example generate -- 100000 --lines > /tmp/big.txt
//! ```
//!
//! The same N always gives the same file (a fixed-seed xorshift). Names are French-like with
//! accents, most partners have an acronym, descriptions run to about 350 characters, relations
//! point at other generated ids. `--lines` writes one line per partner instead (name, acronym,
//! description), the input `fzf --filter` gets in BENCHMARKS.md.
//!
//! `benches/search.rs` includes this file with `#[path]` to build the same data in-process.

use std::fmt::Write as _;
use std::io::Write as _;

/// A small, fast, deterministic generator (xorshift64*); good enough for test data.
pub struct Rng(u64);

impl Rng {
    /// A generator seeded with `seed` (0 is replaced, xorshift needs a non-zero state).
    pub fn new(seed: u64) -> Rng {
        Rng(if seed == 0 { 0x9E37_79B9_7F4A_7C15 } else { seed })
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        // The top bits of xorshift64* are the good ones.
        usize::try_from(((self.next_u64() >> 32) * n as u64) >> 32).unwrap_or(0)
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// One of `items`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Kinds of organisation: the RON variant, whether the noun is feminine, the noun.
const ORGS: &[(&str, bool, &str)] = &[
    ("ProfessionalAssociation", true, "Association"),
    ("ElectedNetwork", true, "Fédération"),
    ("ElectedNetwork", true, "Union"),
    ("BusinessNetwork", false, "Réseau"),
    ("PublicBody", false, "Centre"),
    ("PublicBody", true, "Agence"),
    ("Foundation", false, "Observatoire"),
    ("PublicBody", true, "Chambre"),
    ("LocalAuthority", false, "Conseil"),
    ("ProfessionalAssociation", false, "Syndicat"),
    ("SocialEconomy", false, "Collectif"),
    ("Foundation", false, "Institut"),
    ("Foundation", true, "Fondation"),
    ("SocialEconomy", true, "Coopérative"),
    ("BusinessNetwork", false, "Groupement"),
    ("LocalAuthority", true, "Communauté"),
    ("PublicBody", false, "Office"),
    ("SocialEconomy", true, "Maison"),
    ("ElectedNetwork", false, "Comité"),
    ("PublicBody", false, "Établissement"),
    ("Programme", false, "Programme"),
    ("Media", false, "Journal"),
    ("InternationalNetwork", false, "Forum"),
];

/// Adjectives: masculine, feminine.
const ADJECTIVES: &[(&str, &str)] = &[
    ("National", "Nationale"),
    ("Régional", "Régionale"),
    ("Départemental", "Départementale"),
    ("Européen", "Européenne"),
    ("International", "Internationale"),
    ("Territorial", "Territoriale"),
    ("Intercommunal", "Intercommunale"),
    ("Métropolitain", "Métropolitaine"),
    ("Solidaire", "Solidaire"),
    ("Public", "Publique"),
    ("Coopératif", "Coopérative"),
    ("Écologique", "Écologique"),
];

const SUBJECTS: &[&str] = &[
    "des Achats Publics Responsables",
    "de l'Économie Sociale et Solidaire",
    "des Élus Locaux",
    "de la Fonction Publique Territoriale",
    "des Directeurs Généraux des Services",
    "du Développement Durable",
    "de l'Innovation Sociale",
    "des Collectivités Territoriales",
    "de la Transition Écologique",
    "des Entreprises d'Insertion",
    "du Tourisme Équitable",
    "des Ingénieurs Territoriaux",
    "de la Coopération Décentralisée",
    "des Métiers du Sport",
    "de l'Habitat Participatif",
    "de la Santé Publique",
    "des Mobilités Douces",
    "de la Commande Publique",
    "des Gestionnaires Financiers",
    "de l'Éducation Populaire",
    "des Régies de Quartier",
    "de la Forêt et du Bois",
    "des Pôles Territoriaux de Coopération Économique",
    "de l'Agriculture Biologique",
];

/// Places: the city or area, the region it belongs to.
const PLACES: &[(&str, &str)] = &[
    ("Bordeaux", "Gironde"),
    ("Saint-Étienne", "Loire"),
    ("Besançon", "Doubs"),
    ("Orléans", "Loiret"),
    ("Nîmes", "Gard"),
    ("Angoulême", "Charente"),
    ("Évry-Courcouronnes", "Essonne"),
    ("Montpellier", "Hérault"),
    ("Mende", "Lozère"),
    ("Foix", "Ariège"),
    ("Mâcon", "Saône-et-Loire"),
    ("Sète", "Hérault"),
    ("Béziers", "Hérault"),
    ("Périgueux", "Dordogne"),
    ("Montélimar", "Drôme"),
    ("Grenoble", "Isère"),
    ("Lyon", "Rhône"),
    ("Lille", "Nord"),
    ("Nantes", "Loire-Atlantique"),
    ("Rennes", "Ille-et-Vilaine"),
    ("Châlons-en-Champagne", "Marne"),
    ("Pau", "Pyrénées-Atlantiques"),
    ("Bayonne", "Pyrénées-Atlantiques"),
    ("Aix-en-Provence", "Bouches-du-Rhône"),
    ("Besançon", "Franche-Comté"),
    ("Créteil", "Val-de-Marne"),
    ("Clermont-Ferrand", "Puy-de-Dôme"),
    ("Limoges", "Haute-Vienne"),
    ("Brest", "Finistère"),
    ("Quimper", "Finistère"),
    ("Poitiers", "Vienne"),
    ("La Rochelle", "Charente-Maritime"),
    ("Strasbourg", "Bas-Rhin"),
    ("Colmar", "Haut-Rhin"),
    ("Ajaccio", "Corse-du-Sud"),
    ("Pointe-à-Pitre", "Guadeloupe"),
];

const REGIONS: &[&str] = &[
    "Nouvelle-Aquitaine",
    "Occitanie",
    "Bourgogne-Franche-Comté",
    "Provence-Alpes-Côte d'Azur",
    "Île-de-France",
    "Auvergne-Rhône-Alpes",
    "Hauts-de-France",
    "Grand Est",
    "Bretagne",
    "Pays de la Loire",
    "Centre-Val de Loire",
    "Normandie",
];

const TOPICS: &[&str] = &[
    "Procurement",
    "SocialEconomy",
    "Sustainability",
    "Innovation",
    "Training",
    "LocalGovernment",
    "Europe",
    "Economy",
    "Information",
    "ElectedOfficials",
    "Urban",
    "Sport",
    "International",
    "Inclusion",
    "Tourism",
];

const SCOPES: &[&str] = &["Local", "Regional", "National", "European", "International"];

const RELATION_KINDS: &[&str] = &[
    "InitiativeOf",
    "FoundedBy",
    "MemberOf",
    "PartOf",
    "RunBy",
    "SupervisedBy",
    "SupportedBy",
    "Supports",
    "AwardedBy",
    "Implements",
];

const OUTSIDE: &[&str] = &[
    "European Commission",
    "Ministère de l'Économie et des Finances",
    "Banque des Territoires",
    "Caisse des Dépôts",
    "Conseil de l'Europe",
    "Agence de l'Environnement et de la Maîtrise de l'Énergie",
    "United Nations Development Programme",
];

const THEMES: &[&str] = &[
    "the social and solidarity economy",
    "responsible public procurement",
    "the ecological transition",
    "local democracy",
    "sustainable tourism",
    "sport policies",
    "urban regeneration",
    "professional training",
    "digital inclusion",
    "the circular economy",
    "décentralisation",
    "coopération intercommunale",
    "l'économie sociale et solidaire",
    "développement économique",
    "inclusion through employment",
    "public health",
    "soft mobility",
    "housing and renovation",
];

const MEMBERS: &[&str] = &[
    "local authorities",
    "elected officials",
    "purchasing managers",
    "territorial engineers",
    "social enterprises",
    "cooperatives",
    "associations",
    "chief executives of local services",
    "small businesses",
    "municipalities",
    "établissements publics",
    "researchers and practitioners",
];

const VERBS: &[&str] = &[
    "share practices on",
    "build joint projects in",
    "train their staff in",
    "speak with one voice on",
    "pool their purchasing for",
    "measure the impact of",
    "finance new work on",
];

const TITLES: &[&str] = &[
    "Territoires Zéro Chômeur",
    "Cœur de Ville",
    "Petites Villes de Demain",
    "Fabriques de Territoire",
    "Achats Responsables en Région",
    "Été Solidaire",
    "Éco-Quartiers",
];

/// One generated partner.
pub struct Record {
    pub id: String,
    pub name: String,
    pub acronym: Option<String>,
    pub aliases: Vec<String>,
    pub kind: &'static str,
    pub scope: &'static str,
    pub location: Option<String>,
    pub topics: Vec<&'static str>,
    pub description: String,
    pub facts: Vec<(&'static str, String)>,
    /// Kind, then either the index of another record or an outside name.
    pub relations: Vec<(&'static str, Result<usize, &'static str>)>,
}

fn starts_with_vowel(word: &str) -> bool {
    word.chars().next().is_some_and(|c| "AEIOUYÉÈÊÎÔaeiouyéèêîô".contains(c))
}

/// `de X` or `d'X`.
fn of(place: &str) -> String {
    if starts_with_vowel(place) { format!("d'{place}") } else { format!("de {place}") }
}

/// Lower-case ASCII for ids and acronyms: accents dropped, anything else becomes a dash.
fn ascii(c: char) -> char {
    match c {
        'à' | 'â' | 'ä' | 'À' | 'Â' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' => 'e',
        'î' | 'ï' | 'Î' => 'i',
        'ô' | 'ö' | 'Ô' | 'œ' => 'o',
        'ù' | 'û' | 'ü' => 'u',
        'ç' | 'Ç' => 'c',
        c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase(),
        _ => '-',
    }
}

fn slug(name: &str, n: usize) -> String {
    let mut out = String::with_capacity(name.len() + 8);
    for c in name.chars().map(ascii) {
        if c != '-' || !(out.is_empty() || out.ends_with('-')) {
            out.push(c);
        }
    }
    // Long names make long ids; people shorten them too.
    out.truncate(40);
    while out.ends_with('-') {
        out.pop();
    }
    let _ = write!(out, "-{n}");
    out
}

/// Initials of the words that carry meaning: "Fédération Nationale des Élus Locaux" -> FNEL.
fn initials(name: &str) -> String {
    name.split([' ', '\''])
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .map(|c| ascii(c).to_ascii_uppercase())
        .collect()
}

fn name(rng: &mut Rng, org: (&'static str, bool, &'static str), place: &str) -> String {
    let (_, feminine, noun) = org;
    let (masculine, feminine_form) = *rng.pick(ADJECTIVES);
    let adjective = if feminine { feminine_form } else { masculine };
    match rng.below(6) {
        0 | 1 => format!("{noun} {adjective} {}", rng.pick(SUBJECTS)),
        2 => format!("{noun} {} {}", rng.pick(SUBJECTS), of(place)),
        3 => format!("{noun} {adjective} {}", of(place)),
        4 => match rng.below(4) {
            0 => format!("{place} Métropole"),
            1 => format!("Ville {}", of(place)),
            2 => format!("Communauté d'Agglomération {}", of(place)),
            _ => format!("Pôle Territorial {}", of(place)),
        },
        _ => format!("{noun} {} {adjective}", rng.pick(SUBJECTS)),
    }
}

fn description(rng: &mut Rng, name: &str, acronym: Option<&str>, place: &str) -> String {
    let mut text = match acronym {
        Some(a) => format!("The {name} ({a}) "),
        None => format!("The {name} "),
    };
    let _ = write!(
        text,
        "brings together {} {} across {place} and beyond to {} {}.",
        rng.below(4_000) + 12,
        rng.pick(MEMBERS),
        rng.pick(VERBS),
        rng.pick(THEMES)
    );
    while text.chars().count() < 300 {
        let _ = match rng.below(5) {
            0 => write!(
                text,
                " Founded in {}, it supports {} in {} and {}.",
                1901 + rng.below(122),
                rng.pick(MEMBERS),
                rng.pick(THEMES),
                rng.pick(THEMES)
            ),
            1 => write!(
                text,
                " It is an établissement public working with {} {} on {}.",
                rng.pick(MEMBERS),
                of(rng.pick::<&str>(REGIONS)),
                rng.pick(THEMES)
            ),
            2 => write!(
                text,
                " Since {}, it has run the programme «\u{a0}{}\u{a0}» with the région {}.",
                1990 + rng.below(34),
                rng.pick(TITLES),
                rng.pick(REGIONS)
            ),
            3 => write!(
                text,
                " Its members’ priorities are {}, {} and {}.",
                rng.pick(THEMES),
                rng.pick(THEMES),
                rng.pick(THEMES)
            ),
            _ => write!(
                text,
                " Each year it publishes a report on {} in {}.",
                rng.pick(THEMES),
                rng.pick(PLACES).0
            ),
        };
    }
    text
}

/// `n` partners; the same `n` always gives the same partners.
pub fn records(n: usize) -> Vec<Record> {
    let mut rng = Rng::new(0x5EED_0000 ^ n as u64);
    let mut records = Vec::with_capacity(n);
    for i in 0..n {
        let org = *rng.pick(ORGS);
        let (place, department) = *rng.pick(PLACES);
        let name = name(&mut rng, org, place);
        let letters = initials(&name);
        let acronym = (letters.len() >= 3 && rng.chance(65)).then_some(letters);
        let mut aliases = Vec::new();
        if rng.chance(30) {
            aliases.push(format!("{} {}", org.2, place));
        }
        if rng.chance(15) {
            aliases.push(format!("{} network of {place}", rng.pick(THEMES)));
        }
        let location = rng.chance(85).then(|| match rng.below(3) {
            0 => place.to_owned(),
            1 => format!("{place}, {department}"),
            _ => format!("{place}, {}", rng.pick(REGIONS)),
        });
        let mut topics: Vec<&'static str> = Vec::new();
        for _ in 0..=rng.below(3) {
            let topic = *rng.pick(TOPICS);
            if !topics.contains(&topic) {
                topics.push(topic);
            }
        }
        let description = description(&mut rng, &name, acronym.as_deref(), place);
        let mut facts = Vec::new();
        if rng.chance(50) {
            facts.push(("Founded", (1901 + rng.below(122)).to_string()));
        }
        if rng.chance(30) {
            facts.push(("Members", format!("{},{:03}", 1 + rng.below(40), rng.below(1000))));
        }
        let mut relations = Vec::new();
        for _ in 0..rng.below(4) {
            let kind = *rng.pick(RELATION_KINDS);
            let other = rng.below(n);
            let relation = if other != i && rng.chance(75) {
                (kind, Ok(other))
            } else {
                (kind, Err(*rng.pick(OUTSIDE)))
            };
            // A relation written twice is refused by validation.
            if !relations.contains(&relation) {
                relations.push(relation);
            }
        }
        records.push(Record {
            id: slug(&name, i),
            name,
            acronym,
            aliases,
            kind: org.0,
            scope: rng.pick::<&str>(SCOPES),
            location,
            topics,
            description,
            facts,
            relations,
        });
    }
    records
}

/// The records as a dataset file.
pub fn ron(records: &[Record]) -> String {
    let mut out = String::with_capacity(records.len() * 900);
    out.push_str("// Generated by `cargo run --release --example generate`.\n(partners: [\n");
    for r in records {
        let _ = writeln!(out, "    (\n        id: \"{}\",\n        name: \"{}\",", r.id, r.name);
        if let Some(acronym) = &r.acronym {
            let _ = writeln!(out, "        acronym: \"{acronym}\",");
        }
        if !r.aliases.is_empty() {
            let quoted: Vec<String> = r.aliases.iter().map(|a| format!("\"{a}\"")).collect();
            let _ = writeln!(out, "        aliases: [{}],", quoted.join(", "));
        }
        let _ = writeln!(out, "        kind: {},\n        scope: {},", r.kind, r.scope);
        if let Some(location) = &r.location {
            let _ = writeln!(out, "        location: \"{location}\",");
        }
        let _ = writeln!(out, "        topics: [{}],", r.topics.join(", "));
        let _ = writeln!(out, "        description: \"{}\",", r.description);
        if !r.facts.is_empty() {
            out.push_str("        facts: [\n");
            for (label, value) in &r.facts {
                let _ = writeln!(out, "            (label: \"{label}\", value: \"{value}\"),");
            }
            out.push_str("        ],\n");
        }
        if !r.relations.is_empty() {
            out.push_str("        relations: [\n");
            for (kind, other) in &r.relations {
                let _ = match other {
                    Ok(i) => {
                        writeln!(out, "            (kind: {kind}, target: \"{}\"),", records[*i].id)
                    }
                    Err(name) => writeln!(
                        out,
                        "            (kind: {kind}, name: \"{name}\", note: \"since 2021\"),"
                    ),
                };
            }
            out.push_str("        ],\n");
        }
        out.push_str("    ),\n");
    }
    out.push_str("])\n");
    out
}

/// The records as one line each: name, acronym, description (what `fzf --filter` reads).
pub fn lines(records: &[Record]) -> String {
    let mut out = String::with_capacity(records.len() * 450);
    for r in records {
        let _ = writeln!(
            out,
            "{} {} {}",
            r.name,
            r.acronym.as_deref().unwrap_or(""),
            r.description.replace('\u{a0}', " ")
        );
    }
    out
}

fn main() {
    let mut n = 100_000;
    let mut as_lines = false;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--lines" => as_lines = true,
            number => {
                let Ok(value) = number.replace('_', "").parse() else {
                    eprintln!("usage: generate [N] [--lines]   (N partners, default 100000)");
                    std::process::exit(2);
                };
                n = value;
            }
        }
    }
    let records = records(n);
    let text = if as_lines { lines(&records) } else { ron(&records) };
    if let Err(e) = std::io::stdout().lock().write_all(text.as_bytes()) {
        eprintln!("generate: cannot write: {e}");
        std::process::exit(1);
    }
}
