//! `ferry feed …`: RSS, Atom and JSON Feed sources (and RedNote, Weibo, Douyin through your
//! own RSSHub), cached in the same database as the desktop app and read back merged, newest
//! first. `list` and `sources` read only the cache, so they work offline.
//!
//! ```text
//! ferry feed add https://example.org/feed.xml --json
//! ferry feed add-rsshub --base https://rsshub.example.org --weibo https://weibo.com/u/1195230310
//! ferry feed refresh --json          # the sources that are due; --all for every one, or an ID
//! ferry feed list --limit 20 --search 日出 --json
//! ferry feed sources --json          # health per source: working, blocked, rate_limited …
//! ferry feed retention 500           # keep the newest 500 items per source
//! ferry feed remove "$id"            # and its items
//! ```
//!
//! `refresh` exits 1 only when every source it tried failed; each source's health and error
//! are in its line either way.

use std::path::PathBuf;
use std::process::ExitCode;

use ferry_core::feed::{FeedItem, FeedSource, Feeds, Interaction, ItemQuery, RefreshReport};
use ferry_networks::rss::Platform;
use serde_json::json;

use crate::cli_error::CliError;
use crate::database::open_store;
use crate::output::{Failure, Out, fail};

#[derive(clap::Args)]
#[command(
    after_help = "Errors go to stderr as `error[code]: message`, or with --json as \
    {\"code\",\"message\"}; the exit status is 1."
)]
pub struct Args {
    /// Print results as one line of JSON on stdout.
    #[arg(long, global = true)]
    json: bool,
    /// The data folder holding ferry.db [default: $FERRY_DATA_DIR, else the OS data folder].
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Subcommand)]
pub(crate) enum Command {
    /// Add an RSS, Atom or JSON Feed URL (http or https); fetched on the next refresh.
    Add { url: String },
    /// Add a RedNote, Weibo or Douyin user through your RSSHub, by id or profile link.
    AddRsshub(RsshubArgs),
    /// List the sources with their health, item count and next refresh (also `sources list`;
    /// `sources add rss <url>`, `sources add rsshub <base-url> <platform> <user>` and
    /// `sources remove <id>` are `add`, `add-rsshub` and `remove`).
    Sources {
        #[command(subcommand)]
        action: Option<crate::feed_spellings::SourcesAction>,
    },
    /// Remove a source and its cached items.
    Remove { id: String },
    /// Fetch the sources that are due (or ID, or --all) and store their new items; exits 1
    /// only when every source failed.
    #[command(visible_alias = "sync")]
    Refresh {
        /// Refresh this source now, due or not.
        id: Option<String>,
        /// Refresh every source now, due or not.
        #[arg(long, conflicts_with = "id")]
        all: bool,
    },
    /// The merged feed from the cache, newest first.
    List {
        #[arg(long, default_value_t = 50)]
        limit: u32,
        #[arg(long, default_value_t = 0)]
        offset: u32,
        /// Words that must all appear (Chinese words of any length work: 渡, 日出).
        #[arg(long, value_name = "TEXT")]
        search: Option<String>,
        /// Only this network's items: rss, mastodon, nostr.
        #[arg(long)]
        network: Option<String>,
        /// Only items in this language (`zh` matches zh-Hans, zh-Hant, zh-CN …).
        #[arg(long)]
        lang: Option<String>,
        /// Only this source's items (an id from `ferry feed sources`).
        #[arg(long)]
        source: Option<String>,
        /// Only items older than this one (an item's `id`: the last of the page before).
        #[arg(long, value_name = "ITEM")]
        before: Option<i64>,
        /// Only items with images or videos.
        #[arg(long)]
        media: bool,
    },
    /// Show, or with N change, how many items are kept per source.
    Retention { keep: Option<u32> },
    /// Like (favourite) an item of an account's timeline, as that account; once.
    Like { item: i64 },
    /// Boost (repost) an item of an account's timeline, as that account; once.
    Boost { item: i64 },
    /// Load (the next part of) a gap in an account's timeline (`sources --json` lists gaps).
    LoadGap { gap: i64 },
    /// Dismiss a gap without loading it.
    ForgetGap { gap: i64 },
    /// Take back a like Ferry gave (nothing to take back is not an error).
    Unlike { item: i64 },
    /// Take back a boost Ferry gave (nothing to take back is not an error).
    Unboost { item: i64 },
    /// The people you linked: whose posts of one moment show as one card.
    People,
    /// Link the authors of these items as one person (their posts on several networks, or in
    /// both languages, then fold into one card); merges with a person one already belongs to.
    Link {
        #[arg(required = true)]
        items: Vec<i64>,
        /// The person's name (default: the first author's).
        #[arg(long)]
        name: Option<String>,
    },
    /// Unlink a person (an id from `ferry feed people`): their posts show separately again.
    Unlink { person: String },
    /// Start (or reopen) a draft answering an item of an account's timeline, as that account;
    /// `ferry post <draft>` sends it there.
    Reply {
        item: i64,
        /// The answer's text (on Mastodon the author's @handle stays in front).
        #[arg(long)]
        text: Option<String>,
    },
}

#[derive(clap::Args)]
pub(crate) struct RsshubArgs {
    /// Your RSSHub's address, e.g. https://rsshub.example.org (no ?key=: access keys are not
    /// stored yet).
    #[arg(long, value_name = "URL")]
    pub base: String,
    #[command(flatten)]
    pub user: RsshubUser,
}

/// Exactly one platform and user.
#[derive(clap::Args)]
#[group(required = true, multiple = false)]
pub(crate) struct RsshubUser {
    /// A RedNote (Xiaohongshu) user id or profile link.
    #[arg(long, value_name = "ID_OR_LINK")]
    pub rednote: Option<String>,
    /// A Weibo uid or profile link.
    #[arg(long, value_name = "ID_OR_LINK")]
    pub weibo: Option<String>,
    /// A Douyin sec_uid or profile link.
    #[arg(long, value_name = "ID_OR_LINK")]
    pub douyin: Option<String>,
}

pub async fn run(args: Args) -> ExitCode {
    let out = Out { json: args.json };
    let store = match open_store(args.data_dir).await {
        Ok(store) => store,
        Err(failure) => return fail(out.json, &failure),
    };
    let result = match Feeds::new(store.clone()) {
        Ok(feeds) => {
            // Acting on an item needs the account that acts; so does reading its timeline.
            let feeds = if matches!(
                args.command,
                Command::Sources { .. }
                    | Command::Refresh { .. }
                    | Command::Like { .. }
                    | Command::Boost { .. }
                    | Command::Unlike { .. }
                    | Command::Unboost { .. }
                    | Command::LoadGap { .. }
                    | Command::Reply { .. }
            ) {
                with_accounts(feeds, &store).await
            } else {
                feeds
            };
            dispatch(out, &feeds, args.command).await
        }
        Err(err) => Err(err.into()),
    };
    store.close().await;
    result.unwrap_or_else(|failure| fail(out.json, &failure))
}

/// The feeds with the user's accounts as sources. Without a keychain (or the secrets file's
/// passphrase) the accounts' timelines can't be read, but the feeds can: said on stderr, not
/// refused.
async fn with_accounts(feeds: Feeds, store: &ferry_core::Store) -> Feeds {
    // No account, no keychain to open (and no note about it).
    if store.list_accounts().await.is_ok_and(|a| a.is_empty()) {
        return feeds;
    }
    match crate::accounts::accounts_of(store.clone()).await {
        Ok(accounts) => feeds.with_accounts(accounts),
        Err(failure) => {
            eprintln!("note: accounts' timelines skipped: {}", failure.message);
            feeds
        }
    }
}

async fn dispatch(out: Out, feeds: &Feeds, command: Command) -> Result<ExitCode, Failure> {
    let command = crate::feed_spellings::plain(command);
    let command_kind = match &command {
        Command::Like { .. } => Some(Interaction::Like),
        Command::Boost { .. } | Command::Unboost { .. } => Some(Interaction::Boost),
        Command::Unlike { .. } => Some(Interaction::Like),
        _ => None,
    };
    match command {
        Command::Add { url } => {
            let added = feeds.add_source(&url).await?;
            Ok(out.emit(&added, || {
                format!(
                    "{}  added; `ferry feed refresh` fetches it",
                    describe(&added)
                )
            }))
        }
        Command::AddRsshub(a) => {
            let (platform, user) = match (a.user.rednote, a.user.weibo, a.user.douyin) {
                (Some(user), _, _) => (Platform::Rednote, user),
                (_, Some(user), _) => (Platform::Weibo, user),
                (_, _, Some(user)) => (Platform::Douyin, user),
                // clap's required group makes this unreachable; say so plainly if not.
                _ => {
                    return Err(CliError::Missing(
                        "give --rednote, --weibo or --douyin with an id or profile link",
                    )
                    .into());
                }
            };
            let added = feeds.add_rsshub(&a.base, platform, &user).await?;
            Ok(out.emit(&added, || {
                format!(
                    "{}  added; `ferry feed refresh` fetches it",
                    describe(&added)
                )
            }))
        }
        Command::Sources { .. } => {
            let all = feeds.sources().await?;
            Ok(out.emit(&all, || {
                if all.is_empty() {
                    return "no feed sources; add one with `ferry feed add <url>`".to_owned();
                }
                all.iter().map(describe).collect::<Vec<_>>().join("\n")
            }))
        }
        Command::Remove { id } => {
            feeds.remove_source(&id).await?;
            Ok(out.emit(&json!({ "id": id, "removed": true }), || {
                format!("removed {id} and its items")
            }))
        }
        Command::Refresh { id, all } => {
            let reports = match (id, all) {
                (Some(id), _) => vec![feeds.refresh(&id).await?],
                (None, true) => {
                    let mut reports = Vec::new();
                    for source in feeds.sources().await? {
                        reports.push(feeds.refresh(&source.id).await?);
                    }
                    reports
                }
                (None, false) => feeds.refresh_due().await?,
            };
            let code = out.emit(&reports, || {
                if reports.is_empty() {
                    return "no source is due; `ferry feed sources` shows when each is next"
                        .to_owned();
                }
                reports
                    .iter()
                    .map(report_line)
                    .collect::<Vec<_>>()
                    .join("\n")
            });
            if !reports.is_empty() && reports.iter().all(|r| !r.health.is_ok()) {
                return Ok(fail(out.json, &CliError::FeedsFailed(reports.len()).into()));
            }
            Ok(code)
        }
        Command::List {
            limit,
            offset,
            search,
            network,
            lang,
            source,
            before,
            media,
        } => {
            let items = feeds
                .items(&ItemQuery {
                    limit,
                    offset,
                    search,
                    network,
                    lang,
                    source,
                    before,
                    media,
                })
                .await?;
            Ok(out.emit(&items, || {
                if items.is_empty() {
                    return "no items (add sources with `ferry feed add`, then `ferry feed refresh`)"
                        .to_owned();
                }
                items
                    .iter()
                    .map(item_lines)
                    .collect::<Vec<_>>()
                    .join("\n\n")
            }))
        }
        Command::Like { item } | Command::Boost { item } => {
            let kind = command_kind.unwrap_or(Interaction::Like);
            feeds.interact(item, kind).await?;
            let now = feeds.item(item).await?;
            Ok(out.emit(&now, || {
                let done = if kind == Interaction::Like {
                    "liked"
                } else {
                    "boosted"
                };
                format!(
                    "{done} item {item} as the account of {}",
                    now.source.title.as_deref().unwrap_or(&now.source.id)
                )
            }))
        }
        Command::Unlike { item } | Command::Unboost { item } => {
            let kind = command_kind.unwrap_or(Interaction::Like);
            feeds.undo_interaction(item, kind).await?;
            let now = feeds.item(item).await?;
            Ok(out.emit(&now, || {
                let what = if kind == Interaction::Like {
                    "like"
                } else {
                    "boost"
                };
                format!("item {item}: no {what} from Ferry's account any more")
            }))
        }
        Command::LoadGap { gap } => {
            let report = feeds.load_gap(gap).await?;
            Ok(out.emit(&report, || {
                let left = if report.closed {
                    "the gap is filled"
                } else {
                    "more is missing: run it again"
                };
                format!("gap {gap}: {} new item(s); {left}", report.new_items)
            }))
        }
        Command::People => {
            let people = feeds.people().await?;
            Ok(out.emit(&people, || crate::feed_people::describe_all(&people)))
        }
        Command::Link { items, name } => {
            let person = feeds.link_person(&items, name.as_deref()).await?;
            Ok(out.emit(&person, || crate::feed_people::describe(&person)))
        }
        Command::Unlink { person } => {
            feeds.remove_person(&person).await?;
            Ok(out.emit(&json!({ "removed": person }), || {
                format!("person {person} unlinked; their posts show separately again")
            }))
        }
        Command::Reply { item, text } => {
            let draft = crate::feed_reply::start(feeds, item, text).await?;
            Ok(out.emit(&draft, || crate::feed_reply::describe(&draft)))
        }
        Command::ForgetGap { gap } => {
            feeds.forget_gap(gap).await?;
            Ok(out.emit(&json!({ "forgotten": gap }), || {
                format!("gap {gap} dismissed")
            }))
        }
        Command::Retention { keep } => {
            let removed = match keep {
                Some(keep) => feeds.set_retention(keep).await?,
                None => 0,
            };
            let keep = feeds.retention().await?;
            Ok(out.emit(&json!({ "keep": keep, "removed": removed }), || {
                format!("keeping the newest {keep} items per source ({removed} removed now)")
            }))
        }
    }
}

fn health_text(source: &FeedSource) -> String {
    match source.health {
        None => "not fetched yet".to_owned(),
        Some(h) => match h.status() {
            Some(status) if !h.is_ok() => format!("{} ({status})", h.as_str()),
            _ => h.as_str().to_owned(),
        },
    }
}

/// One line per source: id, kind, health, items, title or URL.
fn describe(s: &FeedSource) -> String {
    let mut text = format!(
        "{}  {:<6} {:<18} {:>5} items  {}{}",
        s.id,
        s.kind.as_str(),
        health_text(s),
        s.items,
        s.title
            .as_deref()
            .map(|t| format!("{t} — "))
            .unwrap_or_default(),
        s.url,
    );
    // Where posts may be missing, with the command that fills each.
    for gap in &s.gaps {
        let from = gap
            .newer_than
            .map_or_else(|| "…".to_owned(), |t| t.to_rfc3339());
        let how = if gap.loadable {
            format!("`ferry feed load-gap {}`", gap.id)
        } else {
            format!("`ferry feed forget-gap {}` (cannot be loaded)", gap.id)
        };
        text.push_str(&format!(
            "\n    gap {}: posts between {from} and {} may be missing; {how}",
            gap.id,
            gap.older_than.to_rfc3339()
        ));
    }
    text
}

fn report_line(r: &RefreshReport) -> String {
    let mut line = format!(
        "{}  {:<13} {:>4} new  {}",
        r.source_id,
        r.health.as_str(),
        r.new_items,
        r.url
    );
    if let Some(error) = &r.error {
        line.push_str(&format!("\n    {error}"));
    }
    line
}

fn item_lines(item: &FeedItem) -> String {
    let who = item
        .author
        .name
        .as_deref()
        .or(item.source.title.as_deref())
        .unwrap_or(&item.source.url);
    let mut text = format!(
        "{}  {}",
        item.published_at.format("%Y-%m-%d %H:%M UTC"),
        who
    );
    if let Some(title) = &item.title {
        text.push_str(&format!("\n  {title}"));
    }
    let body: String = item.text.chars().take(280).collect();
    if !body.is_empty() {
        text.push_str(&format!("\n  {}", body.replace('\n', "\n  ")));
    }
    if let Some(url) = &item.url {
        text.push_str(&format!("\n  {url}"));
    }
    text
}
