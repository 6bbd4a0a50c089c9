//! The bundled dataset against its source of truth, the seed text in `tests/fixtures/seed.txt`.

use std::collections::HashSet;
use std::path::Path;

use partners::dataset::{Dataset, Kind, Partner, RelationKind, bundled};

/// The seed, a byte-identical copy of the workspace's `shared/seed/000_4f718834e25eafbd.txt`
/// kept in the repository so that a clone alone passes the tests.
const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed.txt");

/// Acronyms that are the organisations' own well-established public short names but do not
/// appear in the seed text. Adding one here should be a deliberate, checked decision.
const KNOWN_ACRONYMS: &[&str] = &[
    "3AR", "AATF", "ADF", "ADGCF", "AITF", "APASP", "CNFPT", "CRESS", "FNCDG", "ICLEI", "INSP",
    "SNDGCT", "UDiTE", "ANDES", "RTES",
];

fn dataset() -> Dataset {
    bundled().unwrap_or_else(|e| panic!("the bundled dataset does not load:\n{e}"))
}

fn seed_text() -> String {
    let path = Path::new(SEED);
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read the seed {} ({e})", path.display()))
}

/// The seed's partners: one per line, except that a line starting with "It " continues the
/// partner above.
fn seed_groups(seed: &str) -> Vec<String> {
    let mut groups: Vec<String> = Vec::new();
    for line in seed.lines() {
        match groups.last_mut() {
            Some(group) if line.starts_with("It ") => {
                group.push(' ');
                group.push_str(line);
            }
            _ => groups.push(line.to_owned()),
        }
    }
    groups
}

fn partner<'a>(dataset: &'a Dataset, id: &str) -> &'a Partner {
    dataset
        .partners
        .iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("no partner \"{id}\" in the bundled dataset"))
}

fn fact<'a>(partner: &'a Partner, label: &str) -> &'a str {
    partner.facts.iter().find(|f| f.label == label).map_or_else(
        || panic!("partner \"{}\" has no fact \"{label}\"", partner.id),
        |f| f.value.as_str(),
    )
}

#[test]
fn bundled_dataset_has_38_partners_with_unique_ids() {
    let dataset = dataset();
    assert_eq!(dataset.partners.len(), 38);
    let mut ids = HashSet::new();
    for p in &dataset.partners {
        assert!(ids.insert(p.id.as_str()), "id \"{}\" is used twice", p.id);
    }
}

#[test]
fn seed_groups_into_38_partners() {
    let groups = seed_groups(&seed_text());
    assert_eq!(groups.len(), 38, "the seed should describe 38 partners");
    assert!(groups[0].starts_with("Bordeaux Métropole is"));
    assert!(groups[1].starts_with("The City of Bordeaux is"));
    assert!(groups[2].starts_with("UGAP is"));
}

#[test]
fn every_description_is_the_seed_text_verbatim_in_seed_order() {
    let dataset = dataset();
    let groups = seed_groups(&seed_text());
    assert_eq!(dataset.partners.len(), groups.len());
    for (i, (p, group)) in dataset.partners.iter().zip(&groups).enumerate() {
        assert_eq!(
            p.description,
            *group,
            "partner {} (\"{}\"): the description differs from the seed",
            i + 1,
            p.id
        );
    }
}

#[test]
fn every_relation_has_one_end_and_existing_target() {
    let dataset = dataset();
    let ids: HashSet<&str> = dataset.partners.iter().map(|p| p.id.as_str()).collect();
    for p in &dataset.partners {
        for r in &p.relations {
            match (&r.target, &r.name) {
                (Some(target), None) => {
                    assert!(ids.contains(target.as_str()), "{}: unknown target {target}", p.id);
                    assert_ne!(target, &p.id, "{}: relation to itself", p.id);
                }
                (None, Some(name)) => assert!(!name.trim().is_empty(), "{}: empty name", p.id),
                _ => panic!("{}: relation {:?} needs exactly one of target and name", p.id, r.kind),
            }
        }
    }
}

#[test]
fn every_acronym_is_in_the_seed_or_well_established() {
    let dataset = dataset();
    let seed = seed_text();
    for p in &dataset.partners {
        if let Some(acronym) = &p.acronym {
            assert!(
                seed.contains(acronym.as_str()) || KNOWN_ACRONYMS.contains(&acronym.as_str()),
                "partner \"{}\": acronym \"{acronym}\" is neither in the seed nor in KNOWN_ACRONYMS",
                p.id
            );
        }
    }
}

#[test]
fn no_contact_details_are_invented() {
    // The seed gives no web site, e-mail, phone or booth.
    for p in &dataset().partners {
        assert!(
            p.website.is_none() && p.email.is_none() && p.phone.is_none() && p.booth.is_none(),
            "partner \"{}\" has contact details the seed does not give",
            p.id
        );
    }
}

#[test]
fn spot_checks_of_facts() {
    let dataset = dataset();
    let metropole = partner(&dataset, "bordeaux-metropole");
    assert_eq!(metropole.name, "Bordeaux Métropole");
    assert_eq!(fact(metropole, "Inhabitants"), "801,041 (2018)");
    assert_eq!(fact(metropole, "Municipalities"), "28");
    assert_eq!(fact(metropole, "Area"), "57,828 hectares");
    assert_eq!(fact(partner(&dataset, "bordeaux"), "Inhabitants"), "257,068");
    assert_eq!(fact(partner(&dataset, "ugap"), "Founded"), "1985");
    let gsef = partner(&dataset, "gsef");
    assert_eq!(fact(gsef, "Countries"), "37");
    assert_eq!(fact(gsef, "Founded"), "2013, Seoul (South Korea)");
    assert_eq!(fact(partner(&dataset, "achatpublic-info"), "Archived articles"), "over 23,000");
}

#[test]
fn spot_checks_of_relations() {
    let dataset = dataset();
    let initiative = &partner(&dataset, "convergence-marches").relations;
    assert!(initiative.iter().any(|r| r.target.as_deref() == Some("cci-bordeaux-gironde")));
    let founders: Vec<_> = partner(&dataset, "mairie-2000")
        .relations
        .iter()
        .filter_map(|r| r.name.as_deref())
        .collect();
    assert_eq!(
        founders,
        [
            "Association des Maires de France",
            "Caisse des Dépôts",
            "Caisse d'Aide à l'Equipement des Collectivités Locales"
        ]
    );
}

/// The links the review found: what the seed says, and public facts marked as such.
#[test]
fn guichet_vert_is_run_by_the_regional_networks_the_seed_names_none() {
    let dataset = dataset();
    let guichet = partner(&dataset, "guichet-vert");
    let run_by: Vec<_> =
        guichet.relations.iter().filter(|r| r.kind == RelationKind::RunBy).collect();
    assert_eq!(run_by.len(), 1, "{run_by:?}");
    assert_eq!(run_by[0].target, None);
    assert_eq!(
        run_by[0].name.as_deref(),
        Some("regional networks for sustainable public procurement")
    );
    for p in &dataset.partners {
        assert!(
            p.relations.iter().all(|r| r.target.as_deref() != Some("3ar")),
            "{}: the seed links no partner to 3AR",
            p.id
        );
    }
    assert!(partner(&dataset, "3ar").relations.is_empty());
}

#[test]
fn fncdg_is_an_association_not_a_public_body() {
    let dataset = dataset();
    let fncdg = partner(&dataset, "fncdg");
    assert_eq!(fncdg.kind, Kind::ProfessionalAssociation);
    for f in &fncdg.facts {
        assert!(!f.value.to_lowercase().contains("public body"), "{f:?}");
    }
}

/// Where a relation comes from is the editors' business: it is said in a `//` comment of the
/// RON file, never in a field someone reading the card sees.
#[test]
fn relations_the_seed_does_not_state_are_marked_in_comments_not_on_the_card() {
    let dataset = dataset();
    for (id, kind) in [
        ("european-commission", RelationKind::PartOf),
        ("french-tech-bordeaux", RelationKind::AwardedBy),
    ] {
        assert!(
            partner(&dataset, id).relations.iter().any(|r| r.kind == kind),
            "{id}: the {kind:?} relation is a well-established fact and stays"
        );
    }
    let source = partners::dataset::BUNDLED_SOURCE;
    for (id, relation) in [
        ("european-commission", "(kind: PartOf, name: \"European Union\""),
        ("french-tech-bordeaux", "(kind: AwardedBy, target: \"mission-french-tech\""),
    ] {
        let block = &source[source.find(&format!("id: \"{id}\"")).expect(id)..];
        let before = &block[..block.find(relation).expect(relation)];
        let comment = before.lines().rev().take(3).collect::<Vec<_>>().join(" ");
        assert!(
            comment.contains("// ") && comment.contains("public") && comment.contains("fact"),
            "{id}: no comment above {relation} says it is a public fact: {comment:?}"
        );
    }
}

/// Remarks for the editors (about sourcing, or restating the relation) are not shown to users.
#[test]
fn no_field_a_user_reads_holds_an_editors_remark() {
    const REMARKS: &[&str] =
        &["public fact", "source text", "not stated", "the seed", "a government initiative"];
    for p in &dataset().partners {
        let mut visible: Vec<&str> = vec![&p.name, &p.description];
        visible.extend(p.acronym.as_deref());
        visible.extend(p.location.as_deref());
        visible.extend(p.aliases.iter().map(String::as_str));
        visible.extend(p.facts.iter().flat_map(|f| [f.label.as_str(), f.value.as_str()]));
        for r in &p.relations {
            visible.extend(r.note.as_deref());
            visible.extend(r.name.as_deref());
        }
        for text in visible {
            for remark in REMARKS {
                // The seed's own description may say anything; it is shown verbatim.
                if text == p.description {
                    continue;
                }
                assert!(
                    !text.to_lowercase().contains(remark),
                    "{}: {text:?} is a remark for the editors (move it to a // comment)",
                    p.id
                );
            }
        }
    }
}

#[test]
fn french_and_former_names_people_type_are_aliases() {
    let dataset = dataset();
    for (id, alias) in [
        ("insp", "ENA"),
        ("insp", "École nationale d'administration"),
        ("gsef", "Forum mondial de l'économie sociale et solidaire"),
        ("ess-france", "ESS France"),
        ("spw", "Service public de Wallonie"),
        ("european-commission", "Commission européenne"),
        ("fondation-paris-saclay", "Fondation Université Paris-Saclay"),
        (
            "cress-nouvelle-aquitaine",
            "Chambre régionale de l'économie sociale et solidaire Nouvelle-Aquitaine",
        ),
        ("ensie", "Réseau européen des entreprises sociales d'insertion"),
        // As the agency writes itself (adi-na.fr) and the regional press writes it.
        ("adi-nouvelle-aquitaine", "ADI N-A"),
    ] {
        let p = partner(&dataset, id);
        assert!(
            p.aliases.iter().any(|a| a == alias),
            "{id}: no alias \"{alias}\" in {:?}",
            p.aliases
        );
    }
}

#[test]
fn a_name_or_description_of_invisible_characters_only_is_empty() {
    let file = std::path::Path::new("x.ron");
    let one = |name: &str, description: &str, relation: &str| {
        format!(
            "(partners: [(id: \"one\", name: \"{name}\", kind: Media, scope: Local, \
             description: \"{description}\", relations: [(kind: SupportedBy, name: \"{relation}\")])])"
        )
    };
    assert!(partners::dataset::parse(&one("One", "x", "Org"), file).is_ok());
    // Every screen, list and export drops these (an accent too, with nothing to sit on): the
    // partner would show as a blank row.
    for invisible in [
        "\\u{200B}",
        "\\u{FEFF}\\u{AD}",
        " \\u{200E} ",
        "\\u{2060}",
        "\\u{301}",
        "\\u{200B}\\u{301}",
    ] {
        for (source, says) in [
            (one(invisible, "x", "Org"), "empty name"),
            (one("One", invisible, "Org"), "empty description"),
            (one("One", "x", invisible), "relation"),
        ] {
            let error = partners::dataset::parse(&source, file).expect_err(&source).to_string();
            assert!(error.contains(says), "{source}: {error}");
        }
    }
}

#[test]
fn a_blank_acronym_is_no_acronym() {
    for acronym in ["", " ", "\\u{200B}"] {
        let source = format!(
            "(partners: [(id: \"one\", name: \"One\", acronym: \"{acronym}\", kind: Media, \
             scope: Local, description: \"x\")])"
        );
        let dataset = partners::dataset::parse(&source, std::path::Path::new("x.ron"));
        let one = &dataset.expect("a blank acronym is allowed").partners[0];
        // Else `star one` said ": starred", and the card's title was blank.
        assert_eq!(one.short_name(), "One", "{acronym:?}");
        assert_eq!(one.shown_acronym(), None, "{acronym:?}");
    }
}

#[test]
fn a_relation_written_twice_is_an_error_naming_its_line() {
    let source = |relations: &str| {
        format!(
            "(partners: [\n(id: \"one\", name: \"One\", kind: Media, scope: Local, description: \"x\"),\n\
             (id: \"two\", name: \"Two\", kind: Media, scope: Local, description: \"x\",\n\
             relations: [{relations}])])"
        )
    };
    let file = Path::new("x.ron");
    let twice = "(kind: MemberOf, target: \"one\"),\n(kind: Supports, name: \"one\"),\n\
                 (kind: MemberOf, target: \"one\")";
    // Shown twice on the card, in every export, and counted twice in the overview.
    let error = partners::dataset::parse(&source(twice), file).expect_err(twice).to_string();
    // Its line is the second one's.
    let said = "x.ron:6:26: partner \"two\" has the same relation (member-of) twice";
    assert!(error.starts_with(said), "{error}");
    // The same kind to another partner, or with another note, is another relation.
    for two in [
        "(kind: MemberOf, target: \"one\"), (kind: MemberOf, name: \"Other\")",
        "(kind: PresidencyOf, target: \"one\", note: \"2021\"), (kind: PresidencyOf, target: \"one\", note: \"2024\")",
    ] {
        assert!(partners::dataset::parse(&source(two), file).is_ok(), "{two}");
    }
}

/// A file whose lines end in a lone CR (classic Mac OS, as some editors still save) reads as
/// its editor shows it: a comment ends at its line, and a problem is placed on its line.
#[test]
fn lines_ended_by_a_lone_cr_are_lines() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let lines = |kind: &str| {
        [
            "// My partners",
            "(",
            "    partners: [",
            "        (id: \"one\", name: \"One\", scope: Local, description: \"x\",",
            &format!("         kind: {kind}),"),
            "    ],",
            ")",
        ]
        .join("\r")
    };
    let good = dir.path().join("good.ron");
    std::fs::write(&good, lines("Media")).expect("written");
    let read = partners::dataset::load_file(&good).map(|d| d.partners.len());
    assert_eq!(read.map_err(|e| e.to_string()), Ok(1));
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, lines("Mediaa")).expect("written");
    let error = partners::dataset::load_file(&bad).expect_err("a bad kind").to_string();
    let place = format!("{}:5:16: ", bad.display());
    assert!(error.starts_with(&place), "{error}");
}

/// Lines ended by a lone CR among lines ended by LF (a block pasted from an old Mac file) are
/// lines too: a comment ended by one swallowed the partner after it, and `validate` said the
/// file held one partner fewer than it shows.
#[test]
fn a_lone_cr_among_lf_line_ends_is_a_line_break() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let partner = |id: &str| {
        format!("(id: \"{id}\", name: \"{id}\", kind: Media, scope: Local, description: \"x\"),")
    };
    let text = format!(
        "(\n    partners: [\n        // first\r        {}\n        {}\n    ],\n)\n",
        partner("one"),
        partner("two")
    );
    let file = dir.path().join("mixed.ron");
    std::fs::write(&file, &text).expect("written");
    let read = partners::dataset::load_file(&file).map(|d| d.partners.len());
    assert_eq!(read.map_err(|e| e.to_string()), Ok(2));
    let catalog = partners::catalog::Catalog::from_files(std::slice::from_ref(&file))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(catalog.partners().len(), 2);
    // A problem after it is placed on its line, the fourth.
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, text.replacen("kind: Media", "kind: Mediaa", 1)).expect("written");
    let error = partners::dataset::load_file(&bad).expect_err("a bad kind").to_string();
    assert!(error.starts_with(&format!("{}:4:", bad.display())), "{error}");
}

/// In a file whose lines end in a lone CR, bytes that are not text (a NUL, bytes that are not
/// UTF-8) are placed on their line too, not at a column of line 1.
#[test]
fn bytes_not_text_are_placed_on_their_line_ended_by_a_lone_cr() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (name, bad) in [("nul.ron", &b"Me\0dia"[..]), ("utf.ron", &b"M\xffdia"[..])] {
        let mut text = b"// My partners\r(\r    partners: [\r        (id: \"one\", name: \"One\", \
                         scope: Local, description: \"x\",\r         kind: "
            .to_vec();
        text.extend_from_slice(bad);
        text.extend_from_slice(b"),\r    ],\r)\r");
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("written");
        let error = partners::dataset::load_file(&path).expect_err("not text").to_string();
        let column = if name == "nul.ron" { 18 } else { 17 };
        let place = format!("{}:5:{column}: ", path.display());
        assert!(error.starts_with(&place), "{error}");
    }
}
