//! `ferry check`, `ferry facets`, `ferry split`: the network text rules from the command line.
//!
//! ```text
//! ferry check --to x,bluesky,mastodon --json "你好 https://example.com"
//! ferry check --draft "$id" --lang zh-Hans --json   # a stored draft, as the composer counts it
//! ferry facets --json "#tag @alice.bsky.social example.com"
//! ferry split --to bluesky --number --json -        # TEXT from stdin
//! ```
//!
//! `check TEXT` reports and does not judge: a text over a limit prints `"ok":false` with
//! `over_by` and still exits 0; only bad input (an unknown network, stdin that is not UTF-8)
//! exits 1. `check --draft` (check_draft.rs) judges: it exits 1 when a network would refuse a
//! variant as it is.

use std::path::PathBuf;
use std::process::ExitCode;

use ferry_networks::bluesky::facets;
use ferry_networks::rules::{self, Measurement, Network, Post, Settings};
use serde::Serialize;

use crate::check_draft;
use crate::cli_error::CliError;
use crate::output::{Failure, fail, print_json, text_arg};

#[derive(clap::Args)]
pub struct CheckArgs {
    /// Networks to measure for, comma-separated [default: every network].
    #[arg(long, conflicts_with = "draft")]
    to: Option<String>,
    /// RedNote note title.
    #[arg(long, conflicts_with = "draft")]
    title: Option<String>,
    /// Mastodon content warning (spoiler text).
    #[arg(long, conflicts_with = "draft")]
    spoiler: Option<String>,
    /// Number of images attached.
    #[arg(long, default_value_t = 0, conflicts_with = "draft")]
    images: usize,
    /// The Mastodon instance's max_characters.
    #[arg(long, default_value_t = ferry_networks::mastodon::DEFAULT_MAX_CHARACTERS, conflicts_with = "draft")]
    mastodon_limit: usize,
    /// Soft limit for Nostr notes.
    #[arg(long, default_value_t = ferry_networks::nostr::DEFAULT_SOFT_LIMIT, conflicts_with = "draft")]
    nostr_soft_limit: usize,
    /// Check a stored draft instead of TEXT, exactly as the composer counts it: each variant
    /// on each target network (overrides, topics, RedNote's title), Mastodon against the
    /// account's limit. Exits 1 when a network would refuse a variant as it is.
    #[arg(long, value_name = "ID")]
    draft: Option<String>,
    /// With --draft: only the variant in this language.
    #[arg(long, value_name = "TAG")]
    lang: Option<String>,
    /// With --draft: the data folder holding ferry.db [default: $FERRY_DATA_DIR, else the OS
    /// data folder].
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    #[arg(long)]
    json: bool,
    /// The text, or `-` to read it from stdin.
    #[arg(required_unless_present = "draft", conflicts_with = "draft")]
    text: Option<String>,
}

#[derive(clap::Args)]
pub struct FacetsArgs {
    #[arg(long)]
    json: bool,
    /// The text, or `-` to read it from stdin.
    text: String,
}

#[derive(clap::Args)]
pub struct SplitArgs {
    /// The network to split for (one with threads: x, bluesky, mastodon, threads, nostr).
    #[arg(long)]
    to: String,
    /// End each part with `i/n`, counted inside the limit.
    #[arg(long)]
    number: bool,
    /// The Mastodon instance's max_characters.
    #[arg(long, default_value_t = ferry_networks::mastodon::DEFAULT_MAX_CHARACTERS)]
    mastodon_limit: usize,
    #[arg(long)]
    json: bool,
    /// The text, or `-` to read it from stdin.
    text: String,
}

pub async fn run_check(args: CheckArgs) -> ExitCode {
    if let Some(id) = args.draft {
        let lang = args.lang.as_deref();
        return check_draft::run(&id, lang, args.data_dir, args.json).await;
    }
    // clap's `requires` lets these through beside TEXT (which conflicts with --draft).
    if args.lang.is_some() || args.data_dir.is_some() {
        let usage = "--lang and --data-dir choose what --draft checks; give --draft ID";
        return fail(args.json, &CliError::Usage(usage).into());
    }
    let networks = match args.to.as_deref().map(rules::parse_list) {
        None => Network::ALL.to_vec(),
        Some(Ok(n)) if !n.is_empty() => n,
        Some(Ok(_)) => {
            let known = Network::ALL.map(Network::name).join(",");
            return fail(args.json, &CliError::NoNetwork { known }.into());
        }
        Some(Err(err)) => return fail(args.json, &Failure::from(err)),
    };
    let text = match text_arg(args.text.as_deref().unwrap_or_default()) {
        Ok(text) => text,
        Err(failure) => return fail(args.json, &failure),
    };
    let post = Post {
        text: &text,
        title: args.title.as_deref(),
        spoiler: args.spoiler.as_deref(),
        images: args.images,
    };
    let settings = Settings {
        mastodon_max_characters: args.mastodon_limit,
        nostr_soft_limit: args.nostr_soft_limit,
    };
    let measurements = rules::measure_all(&networks, &post, &settings);
    if args.json {
        return print_json(&measurements);
    }
    for m in &measurements {
        println!("{}", describe(m));
        for w in &m.warnings {
            println!("    {}: {}", w.code, w.message);
        }
    }
    ExitCode::SUCCESS
}

/// One line for people: network, length / limit, unit, verdict.
pub(crate) fn describe(m: &Measurement) -> String {
    let verdict = if m.ok {
        "ok".to_owned()
    } else if m.over_by > 0 {
        format!("over by {}", m.over_by)
    } else {
        "refused".to_owned()
    };
    format!(
        "{:<9} {:>6} / {:<6} {:<20} {verdict}",
        m.network.name(),
        m.length,
        m.limit,
        m.unit.describe()
    )
}

pub async fn run_facets(args: FacetsArgs) -> ExitCode {
    let text = match text_arg(&args.text) {
        Ok(text) => text,
        Err(failure) => return fail(args.json, &failure),
    };
    let found = facets::detect(&text);
    if args.json {
        return print_json(&found);
    }
    for f in &found {
        println!(
            "{:<8} {:>5}..{:<5} {}",
            format!("{:?}", f.kind).to_lowercase(),
            f.byte_start,
            f.byte_end,
            f.value
        );
    }
    ExitCode::SUCCESS
}

#[derive(Serialize)]
struct Part<'a> {
    part: usize,
    text: &'a str,
    length: usize,
    limit: usize,
    ok: bool,
}

pub async fn run_split(args: SplitArgs) -> ExitCode {
    let network: Network = match args.to.parse() {
        Ok(network) => network,
        Err(err) => return fail(args.json, &Failure::from(err)),
    };
    let text = match text_arg(&args.text) {
        Ok(text) => text,
        Err(failure) => return fail(args.json, &failure),
    };
    let settings = Settings {
        mastodon_max_characters: args.mastodon_limit,
        ..Settings::default()
    };
    let parts = match rules::split(network, &text, args.number, &settings) {
        Ok(parts) => parts,
        Err(err) => return fail(args.json, &Failure::from(err)),
    };
    let measured: Vec<Part<'_>> = parts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let m = rules::measure(network, &Post::text(p), &settings);
            Part {
                part: i + 1,
                text: p,
                length: m.length,
                limit: m.limit,
                ok: m.ok,
            }
        })
        .collect();
    if args.json {
        return print_json(&measured);
    }
    for p in &measured {
        println!(
            "--- {}/{} ({} / {})",
            p.part,
            measured.len(),
            p.length,
            p.limit
        );
        println!("{}", p.text);
    }
    ExitCode::SUCCESS
}
