//! How drafts read in a terminal (without `--json`).

use std::fmt::Write;

use ferry_core::{
    Draft, DraftContent, DraftSummary, Revision, RevisionSummary, SetAside, Store, Target,
};

/// Times are stored and shown in UTC.
const TIME: &str = "%Y-%m-%d %H:%M:%S UTC";

/// One line per draft: id, last update, languages, and the search snippet (matches in
/// `[…]`) or the start of the text.
pub fn summaries(drafts: &[DraftSummary]) -> String {
    if drafts.is_empty() {
        return "no drafts".to_owned();
    }
    let lines: Vec<String> = drafts
        .iter()
        .map(|d| {
            let langs: Vec<&str> = d.languages.iter().map(|l| l.as_str()).collect();
            let text = match &d.snippet {
                Some(s) => s.render("[", "]"),
                None => d.preview.clone(),
            };
            let media = match d.attachment_count {
                0 => String::new(),
                n => format!("  ({n} image{})", if n == 1 { "" } else { "s" }),
            };
            format!(
                "{}  {}  {}  {text}{media}",
                d.id,
                d.updated_at.format(TIME),
                langs.join(",")
            )
        })
        .collect();
    lines.join("\n")
}

pub fn draft(store: &Store, draft: &Draft) -> String {
    let mut out = format!(
        "draft {}  revision {}\ncreated {}  updated {}\n",
        draft.id,
        draft.revision,
        draft.created_at.format(TIME),
        draft.updated_at.format(TIME)
    );
    content(&mut out, store, &draft.content);
    out.trim_end().to_owned()
}

pub fn revision(store: &Store, id: &str, revision: &Revision) -> String {
    let s = &revision.summary;
    let mut out = format!(
        "draft {id}  revision {} ({})  {}\n",
        s.number,
        kind(s),
        s.created_at.format(TIME)
    );
    content(&mut out, store, &revision.content);
    out.trim_end().to_owned()
}

fn content(out: &mut String, store: &Store, c: &DraftContent) {
    if let Some(reply) = &c.reply_to {
        let whom = reply
            .author_handle
            .as_deref()
            .or(reply.author_name.as_deref())
            .unwrap_or(&reply.remote_id);
        let _ = writeln!(
            out,
            "replying to: {whom} on {} ({}): {}",
            reply.network.name(),
            reply.remote_id,
            reply.excerpt
        );
    }
    if !c.targets.is_empty() {
        let targets: Vec<String> = c.targets.iter().map(target).collect();
        let _ = writeln!(out, "targets: {}", targets.join(", "));
    }
    if !c.topics.is_empty() {
        let _ = writeln!(out, "topics: {}", c.topics.join(", "));
    }
    for v in &c.variants {
        let _ = writeln!(out, "\n── {} ──\n{}", v.lang, v.text);
    }
    for o in &c.overrides {
        let _ = writeln!(out, "\n── {} for {} ──\n{}", o.lang, o.network, o.text);
    }
    for (i, a) in c.attachments.iter().enumerate() {
        let _ = writeln!(
            out,
            "\nimage {}: {}  {} {}×{}  {} bytes  id {}",
            i + 1,
            a.original_name,
            a.media_type,
            a.width,
            a.height,
            a.byte_len,
            a.id
        );
        for (lang, alt) in &a.alt {
            let _ = writeln!(out, "  alt {lang}: {alt}");
        }
        if a.missing {
            let _ = writeln!(
                out,
                "  MISSING: its copy {} is gone from the data folder",
                store.media_path(&a.stored_name).display()
            );
        }
    }
}

fn target(t: &Target) -> String {
    match &t.account_id {
        Some(account) => format!("{}:{account}", t.network),
        None => t.network.to_string(),
    }
}

fn kind(r: &RevisionSummary) -> String {
    match r.restored_from {
        Some(from) => format!("{} from {from}", r.kind.as_str()),
        None => r.kind.as_str().to_owned(),
    }
}

pub fn history(revisions: &[RevisionSummary]) -> String {
    let lines: Vec<String> = revisions
        .iter()
        .map(|r| {
            format!(
                "{:>4}  {}  {:<16}  {}",
                r.number,
                r.created_at.format(TIME),
                kind(r),
                r.preview
            )
        })
        .collect();
    lines.join("\n")
}

pub fn edited(draft: &Draft, revisions: &[RevisionSummary]) -> String {
    match revisions.last() {
        None => format!(
            "no change: {} is still at revision {}",
            draft.id, draft.revision
        ),
        Some(last) => format!("saved {} at revision {}", draft.id, last.number),
    }
}

pub fn set_aside(aside: &SetAside, fresh: &str) -> String {
    format!(
        "moved the database aside to {} ({})\nstarted a new, empty database at {fresh}",
        aside.database, aside.reason.message
    )
}
