//! The DOT export, read back with the small parser of `export.rs`: every relation, a
//! selection's neighbours as dashed boxes, quoting, marks from the command line.

use super::*;

#[test]
fn the_dot_parser_itself() {
    let graph = parse_dot(
        "digraph g {\n  rankdir=LR;\n  node [shape=box];\n  \"a\" [label=\"A \\\"q\\\" \\\\\"];\n  \"b\";\n  \"a\" -> \"b\" [label=\"x\"];\n}\n",
    );
    assert_eq!(graph.nodes["a"]["label"], "A \"q\" \\");
    assert_eq!(graph.edges.len(), 1);
    for bad in
        ["digraph g { \"a\" -> ; }", "digraph g { \"a\" [label=\"x] ; }", "digraph g { \"a\" }"]
    {
        let parsed = tokenize(bad).and_then(|tokens| Parser { tokens, at: 0 }.graph());
        assert!(parsed.is_err(), "{bad}");
    }
}

#[test]
fn dot_holds_every_relation_of_the_dataset() {
    let catalog = bundled();
    let text = run(&catalog, None, &everyone(&catalog), ExportFormat::Dot);
    let graph = parse_dot(&text);
    check_graph(&graph);
    for partner in catalog.partners() {
        let node = &graph.nodes[&partner.id];
        assert_eq!(node.get("label").map(String::as_str), Some(partner.short_name()));
        for relation in &partner.relations {
            let to = relation.target.as_deref().or(relation.name.as_deref()).unwrap_or_default();
            assert!(
                has_edge(&graph, &partner.id, to, relation.kind.label()),
                "{} -> {to} ({}) missing",
                partner.id,
                relation.kind.label()
            );
            if relation.target.is_none() {
                // Its own node, apart from the partners' (whose ids it may look like).
                let labelled =
                    |a: &BTreeMap<String, String>| a.get("label") == Some(&to.to_owned());
                let node = graph.nodes.iter().find(|(id, a)| labelled(a) && *id != to);
                let shape = node.and_then(|(_, a)| a.get("shape")).map(String::as_str);
                assert_eq!(shape, Some("ellipse"), "{to}");
            }
        }
    }
    let relations: usize = catalog.partners().iter().map(|p| p.relations.len()).sum();
    assert_eq!(graph.edges.len(), relations, "no edge beyond the dataset's relations");
    // The seed's relations, by name.
    assert!(has_edge(&graph, "convergence-marches", "cci-bordeaux-gironde", "An initiative of"));
    assert!(has_edge(
        &graph,
        "french-tech-bordeaux",
        "mission-french-tech",
        "Label or title awarded by"
    ));
    assert!(has_edge(
        &graph,
        "guichet-vert",
        "regional networks for sustainable public procurement",
        "Run by"
    ));
    assert!(has_edge(&graph, "bordeaux", "gsef", "Hosts the headquarters of"));
    assert!(has_edge(&graph, "bordeaux", "gsef", "Holds the presidency of"));
    assert!(has_edge(
        &graph,
        "iclei",
        "United Nations Environment Programme",
        "Founded under the auspices of"
    ));
}

#[test]
fn dot_of_a_selection_draws_the_partners_it_links_to_as_dashed_boxes() {
    let catalog = bundled();
    let chosen = [
        position(&catalog, "convergence-marches"),
        position(&catalog, "guichet-vert"),
        position(&catalog, "ugap"),
    ];
    let graph = parse_dot(&run(&catalog, None, &chosen, ExportFormat::Dot));
    check_graph(&graph);
    // cci-bordeaux-gironde was not chosen: it is drawn, dashed, with the edge to it.
    let dashed = |graph: &Graph, id: &str| {
        graph.nodes.get(id).and_then(|a| a.get("style")).map(String::as_str) == Some("dashed")
    };
    assert!(dashed(&graph, "cci-bordeaux-gironde"), "{:?}", graph.nodes);
    assert!(has_edge(&graph, "convergence-marches", "cci-bordeaux-gironde", "An initiative of"));
    for id in ["convergence-marches", "guichet-vert", "ugap"] {
        assert!(!dashed(&graph, id), "{id} was chosen");
    }
    assert!(has_edge(
        &graph,
        "guichet-vert",
        "General Commissioner for Sustainable Development",
        "Supported by"
    ));
    assert!(has_edge(
        &graph,
        "ugap",
        "French Ministry of National Education",
        "Under the supervision of"
    ));
    let empty = parse_dot(&run(&catalog, None, &[], ExportFormat::Dot));
    assert!(empty.nodes.is_empty() && empty.edges.is_empty());

    // A link stated by a partner not chosen is drawn too, once each, from the side stating it.
    let graph = parse_dot(&run(&catalog, None, &[position(&catalog, "gsef")], ExportFormat::Dot));
    check_graph(&graph);
    assert!(dashed(&graph, "bordeaux"), "{:?}", graph.nodes);
    assert!(has_edge(&graph, "bordeaux", "gsef", "Hosts the headquarters of"));
    assert!(has_edge(&graph, "bordeaux", "gsef", "Holds the presidency of"));
    assert_eq!(graph.edges.len(), 2, "{:?}", graph.edges);
    // Chosen at both ends, a relation is one edge.
    let both = [position(&catalog, "gsef"), position(&catalog, "bordeaux")];
    let graph = parse_dot(&run(&catalog, None, &both, ExportFormat::Dot));
    assert_eq!(graph.edges.len(), 2, "{:?}", graph.edges);
    assert!(!dashed(&graph, "bordeaux") && !dashed(&graph, "gsef"));
}

#[test]
fn dot_escapes_quotes_and_backslashes() {
    let source = r#"(partners: [
        (id: "quoted", name: "The \"Quoted\" \\ Network", kind: Media, scope: Local,
         description: "x", relations: [
            (kind: MemberOf, name: "Club \"Q\" \\ Co; {x} -> y"),
            (kind: SupportedBy, target: "plain"),
        ]),
        (id: "plain", name: "Plain", acronym: "P\"L", kind: Media, scope: Local, description: "y"),
    ])"#;
    let dataset = parse(source, Path::new("quoted.ron")).unwrap_or_else(|e| panic!("{e}"));
    let catalog = Catalog::from_partners(
        dataset.partners,
        vec![Source::File("quoted.ron".into())],
        Vec::new(),
    );
    let graph = parse_dot(&run(&catalog, None, &everyone(&catalog), ExportFormat::Dot));
    check_graph(&graph);
    assert_eq!(graph.nodes["quoted"]["label"], "The \"Quoted\" \\ Network");
    assert_eq!(graph.nodes["plain"]["label"], "P\"L");
    assert!(has_edge(&graph, "quoted", "Club \"Q\" \\ Co; {x} -> y", "Member of"));
    assert!(has_edge(&graph, "quoted", "plain", "Supported by"));
}

#[test]
fn dot_from_the_command_line_with_marks() {
    let home = TempDir::new().expect("temp dir");
    drop(store_with_marks(&home));
    let out = partners_in(&home)
        .args(["export", "--format", "dot", "--met"])
        .output()
        .expect("partners runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let graph = parse_dot(&String::from_utf8(out.stdout).expect("UTF-8"));
    check_graph(&graph);
    let partners: BTreeSet<&str> = graph
        .nodes
        .iter()
        .filter(|(_, a)| a.get("shape").is_none() && a.get("style").is_none())
        .map(|(id, _)| id.as_str())
        .collect();
    assert_eq!(partners, BTreeSet::from(["ugap", "convergence-marches"]));
}
