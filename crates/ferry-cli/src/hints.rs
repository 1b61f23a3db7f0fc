//! `ferry detect`, `ferry hints`, `ferry convert`: the offline translation hints
//! (crates/ferry-hints) from the command line. TEXT may be `-` to read stdin.
//!
//! ```text
//! $ ferry detect --json 我喜欢这本书
//! {"lang":"zh-Hans","runs":[{"start":0,"end":6,"lang":"zh-Hans"}]}
//! $ ferry convert --to zh-TW 软件
//! 軟體
//! ```
//!
//! `detect` offsets are Unicode scalar values, end exclusive; `hints --json` prints the hints
//! panel's structure (offsets in bytes, scalars and UTF-16 units).

use std::process::ExitCode;

use ferry_hints::Lang;
use ferry_hints::convert::{Target, convert};
use ferry_hints::detect::detect;
use ferry_hints::panel::{HintOptions, Hints, hints};
use serde::Serialize;

use crate::output::{Failure, fail, print_json, text_arg};

#[derive(clap::Args)]
pub struct DetectArgs {
    #[arg(long)]
    json: bool,
    /// The text, or `-` to read stdin.
    text: String,
}

#[derive(clap::Args)]
pub struct HintsArgs {
    #[arg(long)]
    json: bool,
    /// The variant the text is meant for (`en`, `zh-Hans`…): reports a language mismatch.
    #[arg(long)]
    variant: Option<String>,
    /// The text, or `-` to read stdin.
    text: String,
}

#[derive(clap::Args)]
pub struct ConvertArgs {
    #[arg(long)]
    json: bool,
    /// zh-Hans, zh-Hant (Taiwan phrasing), zh-TW or zh-HK.
    #[arg(long)]
    to: String,
    /// The text, or `-` to read stdin.
    text: String,
}

#[derive(Serialize)]
struct DetectOutput {
    lang: Lang,
    runs: Vec<DetectRun>,
}

#[derive(Serialize)]
struct DetectRun {
    start: usize,
    end: usize,
    lang: Lang,
}

pub async fn run_detect(args: DetectArgs) -> ExitCode {
    let text = match text_arg(&args.text) {
        Ok(text) => text,
        Err(failure) => return fail(args.json, &failure),
    };
    let found = detect(&text);
    let output = DetectOutput {
        lang: found.lang,
        runs: found
            .runs
            .into_iter()
            .map(|r| DetectRun {
                start: r.span.char_start,
                end: r.span.char_end,
                lang: r.lang,
            })
            .collect(),
    };
    if args.json {
        return print_json(&output);
    }
    println!("{}", output.lang);
    for run in &output.runs {
        let part: String = text
            .chars()
            .skip(run.start)
            .take(run.end - run.start)
            .collect();
        println!(
            "{:>6}..{:<6} {:<8} {}",
            run.start,
            run.end,
            run.lang.tag(),
            part
        );
    }
    ExitCode::SUCCESS
}

pub async fn run_hints(args: HintsArgs) -> ExitCode {
    let text = match text_arg(&args.text) {
        Ok(text) => text,
        Err(failure) => return fail(args.json, &failure),
    };
    let options = HintOptions {
        variant: args.variant.as_deref().map(Lang::parse),
        ..HintOptions::default()
    };
    let found = hints(&text, &options);
    for warning in &found.warnings {
        eprintln!("warning[{}]: {}", warning.code, warning.message);
    }
    if args.json {
        return print_json(&found);
    }
    print_human(&found);
    ExitCode::SUCCESS
}

fn print_human(found: &Hints) {
    println!("language: {}", found.lang);
    if let Some(mismatch) = &found.mismatch {
        println!("mismatch: {}", mismatch.message);
    }
    for word in &found.words {
        let gloss = word
            .readings
            .first()
            .map(|r| r.glosses.join("; "))
            .unwrap_or_default();
        let usage = if word.usage.is_empty() {
            String::new()
        } else {
            format!(" {:?}", word.usage)
        };
        println!("{}\t{}\t{}{}", word.text, word.pinyin, gloss, usage);
    }
    for english in &found.english {
        println!("{}\t{}", english.text, english.chinese.join(" | "));
    }
    for tag in &found.hashtags {
        println!("{}\t→ {}", tag.tag, tag.equivalents.join(" "));
    }
    for note in &found.notes {
        println!(
            "{}\t{} ({}) ≈ {}",
            note.term,
            note.meaning,
            note.register,
            note.equivalents.join(", ")
        );
    }
}

pub async fn run_convert(args: ConvertArgs) -> ExitCode {
    let target = match Target::parse(&args.to) {
        Ok(target) => target,
        Err(err) => return fail(args.json, &Failure::from(err)),
    };
    let text = match text_arg(&args.text) {
        Ok(text) => text,
        Err(failure) => return fail(args.json, &failure),
    };
    match convert(&text, target) {
        Ok(converted) if args.json => {
            print_json(&serde_json::json!({ "to": args.to, "text": converted }))
        }
        Ok(converted) => {
            println!("{converted}");
            ExitCode::SUCCESS
        }
        Err(err) => fail(args.json, &Failure::from(err)),
    }
}
