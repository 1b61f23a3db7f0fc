//! The contract the UI is generated against: every `#[command]` function is in the one list,
//! each declares exactly the arguments the UI sends, and `contract.ts` names them all with
//! imports that resolve.

use std::collections::BTreeSet;
use std::path::Path;

use ferry_app::commands::{self, accounts, drafts, publish, settings};
use ferry_app::contract::typescript::{Contract, FILE};
use ferry_app::contract::{Command, CommandSpec};

fn args(command: &Command) -> Vec<(&str, &str)> {
    command
        .args
        .iter()
        .map(|(key, ty)| (*key, ty.name.as_str()))
        .collect()
}

/// `module::name` of every function marked `#[ferry_macros::command]` in `src/commands/`.
fn marked_in_source() -> BTreeSet<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/commands");
    let mut marked = BTreeSet::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let module = path.file_stem().unwrap().to_string_lossy().into_owned();
        let source = std::fs::read_to_string(&path).unwrap();
        let mut lines = source.lines();
        while let Some(line) = lines.next() {
            if line.trim() != "#[ferry_macros::command]" {
                continue;
            }
            let signature = lines.next().unwrap_or_default();
            let name = signature
                .split("fn ")
                .nth(1)
                .and_then(|rest| rest.split(['(', '<']).next())
                .unwrap_or_else(|| panic!("no fn after #[command] in {module}: {signature}"));
            marked.insert(format!("{module}::{name}"));
        }
    }
    marked
}

#[test]
fn every_marked_command_is_in_the_list_once() {
    let declared: Vec<&str> = commands::declarations().iter().map(|c| c.name).collect();
    let unique: BTreeSet<&str> = declared.iter().copied().collect();
    assert_eq!(unique.len(), declared.len(), "listed twice: {declared:?}");

    let marked = marked_in_source();
    let marked_names: BTreeSet<&str> = marked
        .iter()
        .map(|path| path.split("::").nth(1).unwrap())
        .collect();
    assert!(marked.len() > 30, "found only {marked:?}");
    assert_eq!(
        marked_names, unique,
        "every #[command] fn must be in the list in commands/mod.rs, and only those"
    );
}

#[test]
fn injected_parameters_are_left_out_and_names_are_camel_cased() {
    let wait = Command::of::<accounts::wait_mastodon_sign_in>();
    assert_eq!(args(&wait), [("signInId", "string")]);
    assert_eq!(wait.result.name, "AddedAccount");

    let start = Command::of::<accounts::start_mastodon_sign_in>();
    assert_eq!(
        args(&start),
        [("start", "StartMastodon"), ("audience", "Array<LangTag>")]
    );

    // Generic over the runtime, with an injected AppHandle, OpenStore and State.
    let post = Command::of::<publish::post_now>();
    assert_eq!(post.name, "post_now");
    assert_eq!(args(&post), [("request", "PublishRequest")]);
    assert_eq!(post.result.name, "JobStatus");
    assert_eq!(<publish::retry_failed as CommandSpec>::NAME, "retry_failed");
    assert!(args(&Command::of::<publish::resume_publishing>()).is_empty());
}

#[test]
fn results_are_the_ok_type_and_unit_is_void() {
    assert_eq!(Command::of::<drafts::delete_draft>().result.name, "void");
    assert_eq!(
        Command::of::<accounts::cancel_mastodon_sign_in>()
            .result
            .name,
        "void"
    );
    assert_eq!(
        Command::of::<drafts::list_drafts>().result.name,
        "Array<DraftSummary>"
    );
    // Not a Result at all: the type as it is.
    assert_eq!(
        Command::of::<settings::system_languages>().result.name,
        "Array<string>"
    );
    let translate = Command::of::<commands::translation::translate_text>();
    assert_eq!(
        args(&translate),
        [
            ("text", "string"),
            ("from", "string | null"),
            ("to", "string")
        ]
    );
}

#[test]
fn the_generated_file_names_every_command_and_its_imports_exist() {
    let dir = tempfile::tempdir().unwrap();
    let contract = Contract::current();
    contract.export_to(dir.path()).unwrap();
    let text = std::fs::read_to_string(dir.path().join(FILE)).unwrap();

    for command in &contract.commands {
        assert!(
            text.contains(&format!("\n  {}: {{ args: ", command.name)),
            "{} missing from {text}",
            command.name
        );
    }
    assert!(
        text.contains(
            "  get_revision: { args: { id: string; number: number }; result: Revision };\n"
        )
    );
    assert!(text.contains("  system_languages: { args: Record<string, never>; "));
    assert!(text.contains("  \"ferry://publish\": PublishEvent;\n"));
    assert!(text.contains("  \"ferry://close-requested\": null;\n"));
    assert!(text.contains("  closeRequested: \"ferry://close-requested\",\n"));
    assert!(text.contains("export const MEDIA_SCHEME = \"ferry-media\";\n"));
    assert!(text.contains("\"webp\"] as const;\n"));

    let imports: Vec<&str> = text
        .lines()
        .filter_map(|line| line.strip_prefix("import type { "))
        .collect();
    assert!(imports.len() > 20, "{text}");
    let mut names = Vec::new();
    for import in imports {
        let (name, from) = import.split_once(" } from \"./").unwrap();
        let file = from.trim_end_matches("\";");
        assert!(
            dir.path().join(format!("{file}.ts")).exists(),
            "{name} is imported from ./{file} but was not exported"
        );
        names.push(name);
    }
    let mut sorted = names.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(names, sorted, "imports are sorted and each appears once");
}

#[test]
fn error_codes_are_a_sorted_union_or_never() {
    let mut contract = Contract::current();
    contract.error_codes = Vec::new();
    assert!(
        contract
            .typescript()
            .ends_with("export type ErrorCode = never;\n")
    );
    contract.error_codes = vec!["x.too_long", "app.unexpected", "x.too_long"];
    assert!(
        contract
            .typescript()
            .ends_with("export type ErrorCode = \"app.unexpected\" | \"x.too_long\";\n")
    );
}
