//! Helpers shared by the tests of the extras (QR codes, vCards, plain mode, completions):
//! partners with contact fields, a temporary home, the binary run inside it.
//! Included with `#[path = "common/extras.rs"] mod extras;`; not every test uses every helper.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use partners::catalog::{Catalog, Source};
use partners::dataset::parse;
use tempfile::TempDir;

/// Partners with contact fields and text that needs escaping; the bundled dataset has none.
pub const CONTACTS_RON: &str = r#"(partners: [
    (
        id: "tiny",
        name: "Abc",
        acronym: "A",
        kind: PublicBody,
        scope: Local,
        location: "Lyon",
        description: "A small public body that helps buyers of the region write greener tenders and meet suppliers of the social economy at fairs.",
        email: "a@b.fr",
    ),
    (
        id: "reseau",
        name: "Réseau des achats; Nord, Est \\ Ouest",
        acronym: "RANE",
        kind: BusinessNetwork,
        scope: Regional,
        location: "Lille, Hauts-de-France",
        topics: [Procurement, SocialEconomy],
        description: "A network of buyers from the north and the east that shares tender templates, runs training sessions and organises an annual fair where local authorities meet suppliers of the social and solidarity economy.",
        website: "https://reseau-achats.example.org/about",
        email: "contact@reseau-achats.example.org",
        phone: "+33 3 20 00 00 00",
        booth: "B12",
    ),
]
)"#;

/// The note the tests attach to `reseau`: commas, semicolons, new lines, accents, emoji.
pub const NOTE: &str =
    "Met Hélène at booth B12; wants a demo, in March\nCall back: +33 6 00 00 00 00 🎉\\ok";

/// The partners of [`CONTACTS_RON`] alone.
pub fn contacts() -> Catalog {
    let dataset = parse(CONTACTS_RON, Path::new("contacts.ron")).expect("the test dataset parses");
    Catalog::from_partners(dataset.partners, vec![Source::Bundled], Vec::new())
}

/// The bundled partners.
pub fn bundled() -> Catalog {
    Catalog::bundled().expect("the bundled dataset loads")
}

/// A temporary home folder, with the contacts dataset written in it.
pub struct Home {
    pub dir: TempDir,
}

impl Home {
    pub fn new() -> Home {
        let home = Home { dir: TempDir::new().expect("a temporary folder") };
        std::fs::write(home.contacts_file(), CONTACTS_RON).expect("write the dataset");
        home
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The contacts dataset, for `--data`.
    pub fn contacts_file(&self) -> PathBuf {
        self.path().join("contacts.ron")
    }

    /// `partners` with this home, the system folders pointed inside it, no colour opt-out.
    pub fn cmd(&self) -> assert_cmd::Command {
        let mut cmd = assert_cmd::Command::cargo_bin("partners").expect("the partners binary");
        cmd.env("PARTNERS_HOME", self.path())
            .env("XDG_DATA_HOME", self.path().join("xdg"))
            .env("XDG_CONFIG_HOME", self.path().join("xdg-config"))
            .env("HOME", self.path())
            .env_remove("NO_COLOR")
            .env_remove("COMPLETE")
            .env("TERM", "xterm");
        cmd
    }

    /// Runs `partners args...`, expects success, returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().expect("partners runs");
        assert!(
            out.status.success(),
            "partners {args:?}: {:?}\nstdout: {}\nstderr: {}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8 output")
    }
}
