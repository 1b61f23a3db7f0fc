//! The Feed screen: sources (a feed URL, or a RedNote / Weibo / Douyin creator through the
//! user's own RSSHub), the merged items from the cache (readable offline), retention, and
//! refreshing in the background with progress as [`events::Feed`] events (see
//! [`crate::feeding`]).

use ferry_core::Draft;
use ferry_core::feed::{FeedItem, FeedSource, Feeds, GapReport, Interaction, ItemQuery, Person};
use ferry_networks::rss::Platform;
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

use crate::error::CommandResult;
use crate::events::{self, Event};
use crate::feeding::{FeedEvent, Feeding, RefreshStarted};
use crate::open_store::OpenStore;
use crate::publishing::Publishing;

/// The feed's settings the Sources panel shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FeedSettings {
    /// Items kept per source.
    pub retention: u32,
    /// The RSSHub address last used to add a creator.
    pub rsshub_base: Option<String>,
}

/// Every source, oldest first, with its health and item count.
#[ferry_macros::command]
pub async fn list_feed_sources<R: Runtime>(
    app: AppHandle<R>,
    store: OpenStore,
    feeding: State<'_, Feeding>,
    publishing: State<'_, Publishing>,
) -> CommandResult<Vec<FeedSource>> {
    let feeds = feeding.feeds_with_accounts(&store, &publishing).await?;
    // The Feed screen reads its sources first: from then on, due sources refresh by themselves.
    feeding.ensure_background(&app, emitter(app.clone()));
    Ok(feeds.sources().await?)
}

/// Adds an RSS, Atom or JSON Feed URL; it is fetched on the next refresh.
#[ferry_macros::command]
pub async fn add_feed(
    store: OpenStore,
    feeding: State<'_, Feeding>,
    url: String,
) -> CommandResult<FeedSource> {
    Ok(feeding.feeds(&store)?.add_source(&url).await?)
}

/// Adds a RedNote, Weibo or Douyin creator (an id or a profile link) through the user's
/// RSSHub at `base`, and remembers `base` for next time.
#[ferry_macros::command]
pub async fn add_feed_creator(
    store: OpenStore,
    feeding: State<'_, Feeding>,
    base: String,
    platform: Platform,
    user: String,
) -> CommandResult<FeedSource> {
    let feeds = feeding.feeds(&store)?;
    Ok(feeds.add_rsshub_remembered(&base, platform, &user).await?)
}

/// Removes a source and its cached items.
#[ferry_macros::command]
pub async fn remove_feed_source(
    store: OpenStore,
    feeding: State<'_, Feeding>,
    id: String,
) -> CommandResult<()> {
    Ok(feeding.feeds(&store)?.remove_source(&id).await?)
}

/// Starts refreshing one source (now, due or not) or every due source, in the background.
#[ferry_macros::command]
pub async fn refresh_feeds<R: Runtime>(
    app: AppHandle<R>,
    store: OpenStore,
    feeding: State<'_, Feeding>,
    publishing: State<'_, Publishing>,
    source_id: Option<String>,
) -> CommandResult<RefreshStarted> {
    let feeds = feeding.feeds_with_accounts(&store, &publishing).await?;
    feeding
        .refresh(&feeds, source_id.as_deref(), emitter(app))
        .await
}

/// A page of the merged feed, newest first; `search` words must all match (Chinese words of
/// any length, Latin letters in any case); `network`, `lang` (`zh` matches every Chinese tag)
/// and `source` narrow it; `media` keeps only items with images or videos.
#[allow(clippy::too_many_arguments)]
#[ferry_macros::command]
pub async fn list_feed_items(
    store: OpenStore,
    feeding: State<'_, Feeding>,
    limit: u32,
    offset: u32,
    search: Option<String>,
    network: Option<String>,
    lang: Option<String>,
    source: Option<String>,
    media: Option<bool>,
) -> CommandResult<Vec<FeedItem>> {
    let query = ItemQuery {
        limit,
        offset,
        search: search.filter(|s| !s.trim().is_empty()),
        network,
        lang,
        source,
        before: None,
        media: media.unwrap_or(false),
    };
    Ok(feeding.feeds(&store)?.items(&query).await?)
}

/// "Bring to the other audience": a new draft from a feed item (the other language's variant
/// first, with the item's address; the item's own language quoting it).
#[ferry_macros::command]
pub async fn bring_feed_item(
    store: OpenStore,
    feeding: State<'_, Feeding>,
    // A row id, as `FeedItem.id` is sent to the UI (a JS number, not a bigint).
    item_id: u32,
) -> CommandResult<Draft> {
    let feeds = feeding.feeds(&store)?;
    Ok(feeds.bring_to_other_audience(i64::from(item_id)).await?)
}

/// The draft answering an item as the account whose timeline brought it: the unsent one
/// already started for it, else a new one.
#[ferry_macros::command]
pub async fn reply_to_feed_item(
    store: OpenStore,
    feeding: State<'_, Feeding>,
    publishing: State<'_, Publishing>,
    item_id: u32,
) -> CommandResult<Draft> {
    let feeds = feeding.feeds_with_accounts(&store, &publishing).await?;
    Ok(feeds.start_reply(i64::from(item_id)).await?)
}

/// Every linked person with their authors.
#[ferry_macros::command]
pub async fn list_feed_people(
    store: OpenStore,
    feeding: State<'_, Feeding>,
) -> CommandResult<Vec<Person>> {
    Ok(feeding.feeds(&store)?.people().await?)
}

/// Links the authors of the items as one person (merged with a person one already belongs to).
#[ferry_macros::command]
pub async fn link_feed_people(
    store: OpenStore,
    feeding: State<'_, Feeding>,
    item_ids: Vec<u32>,
    name: Option<String>,
) -> CommandResult<Person> {
    let ids: Vec<i64> = item_ids.into_iter().map(i64::from).collect();
    Ok(feeding
        .feeds(&store)?
        .link_person(&ids, name.as_deref())
        .await?)
}

/// Unlinks a person: their posts show separately again.
#[ferry_macros::command]
pub async fn remove_feed_person(
    store: OpenStore,
    feeding: State<'_, Feeding>,
    id: String,
) -> CommandResult<()> {
    Ok(feeding.feeds(&store)?.remove_person(&id).await?)
}

/// Likes or boosts an item as the account whose timeline brought it (once: again changes
/// nothing); answers the item as it now is.
#[ferry_macros::command]
pub async fn interact_feed_item(
    store: OpenStore,
    feeding: State<'_, Feeding>,
    publishing: State<'_, Publishing>,
    item_id: u32,
    kind: Interaction,
) -> CommandResult<FeedItem> {
    let feeds = feeding.feeds_with_accounts(&store, &publishing).await?;
    feeds.interact(i64::from(item_id), kind).await?;
    Ok(feeds.item(i64::from(item_id)).await?)
}

/// Takes back the like or boost Ferry gave an item (none: nothing happens); answers the
/// item as it now is.
#[ferry_macros::command]
pub async fn undo_feed_interaction(
    store: OpenStore,
    feeding: State<'_, Feeding>,
    publishing: State<'_, Publishing>,
    item_id: u32,
    kind: Interaction,
) -> CommandResult<FeedItem> {
    let feeds = feeding.feeds_with_accounts(&store, &publishing).await?;
    feeds.undo_interaction(i64::from(item_id), kind).await?;
    Ok(feeds.item(i64::from(item_id)).await?)
}

/// Loads (the next part of) a gap in an account's timeline: from where the refresh that left
/// it stopped, down toward what the cache had.
#[ferry_macros::command]
pub async fn load_feed_gap(
    store: OpenStore,
    feeding: State<'_, Feeding>,
    publishing: State<'_, Publishing>,
    gap_id: u32,
) -> CommandResult<GapReport> {
    let feeds = feeding.feeds_with_accounts(&store, &publishing).await?;
    Ok(feeds.load_gap(i64::from(gap_id)).await?)
}

/// Dismisses a gap without loading it.
#[ferry_macros::command]
pub async fn forget_feed_gap(
    store: OpenStore,
    feeding: State<'_, Feeding>,
    gap_id: u32,
) -> CommandResult<()> {
    Ok(feeding.feeds(&store)?.forget_gap(i64::from(gap_id)).await?)
}

#[ferry_macros::command]
pub async fn feed_settings(
    store: OpenStore,
    feeding: State<'_, Feeding>,
) -> CommandResult<FeedSettings> {
    settings(&feeding.feeds(&store)?).await
}

/// Keeps `keep` items per source, trimming the cache at once; returns the settings as stored.
#[ferry_macros::command]
pub async fn set_feed_retention(
    store: OpenStore,
    feeding: State<'_, Feeding>,
    keep: u32,
) -> CommandResult<FeedSettings> {
    let feeds = feeding.feeds(&store)?;
    feeds.set_retention(keep).await?;
    settings(&feeds).await
}

async fn settings(feeds: &Feeds) -> CommandResult<FeedSettings> {
    Ok(FeedSettings {
        retention: feeds.retention().await?,
        rsshub_base: feeds.rsshub_base().await?,
    })
}

fn emitter<R: Runtime>(app: AppHandle<R>) -> impl Fn(&FeedEvent) + Send + Sync + Clone + 'static {
    move |event| {
        if let Err(err) = events::Feed::emit(&app, event) {
            tracing::warn!("could not send feed progress to the window: {err}");
        }
    }
}
