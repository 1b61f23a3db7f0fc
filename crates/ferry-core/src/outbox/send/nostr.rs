//! Nostr: each part is a signed kind-1 event, signed once and written down before it goes to
//! the account's write relays. Its id is the hash of its content, so the check after a lost
//! answer is asking the relays for that id, and a resend is the very same event (relays that
//! have it answer `duplicate:`).

use std::time::Duration;

use ferry_networks::nostr::client::{
    EventRef, NewNote, NostrKeys, NoteThread, find_event, publish, sign_note,
};
use nostr::nips::nip19::ToBech32;
use nostr::prelude::{Event, EventId};

mod pictures;

use super::{Answers, Posted, answers};
use crate::accounts::{Account, Accounts, NostrMediaServer, nostr_write_relays};
use crate::model::ReplyTarget;
use crate::outbox::failure::{FailKind, Failure};
use crate::outbox::rows::{PartRow, TargetRow};

#[derive(Debug)]
pub(crate) struct NostrSender {
    keys: NostrKeys,
    /// For the media host, looked up when a note has pictures (so a host set up after a
    /// failed post serves the retry), and the store the pictures are read from.
    accounts: Option<Accounts>,
    /// The account's own media server, which takes its pictures instead of the media host.
    media_server: Option<NostrMediaServer>,
    write: Vec<String>,
    /// Where to look for an event: write relays first, then the read ones.
    lookup: Vec<String>,
    timeout: Duration,
}

impl NostrSender {
    pub async fn open(accounts: &Accounts, account: &Account) -> Result<Self, Failure> {
        let write = nostr_write_relays(account);
        let mut lookup = write.clone();
        for relay in account.relays.iter().filter(|r| r.read && !r.write) {
            lookup.push(relay.url.clone());
        }
        Ok(NostrSender {
            keys: accounts.nostr_keys(account).await?,
            accounts: Some(accounts.clone()),
            media_server: account.media_server.clone(),
            write,
            lookup,
            timeout: accounts.timeout,
        })
    }

    /// Signs the part's event unless it was signed before (then it must stay that event); the
    /// first part's pictures are uploaded to the media host first and linked.
    pub async fn prepare(
        &self,
        target: &TargetRow,
        idx: usize,
        part: &mut PartRow,
    ) -> Result<(), Failure> {
        if part.payload.is_some() {
            return Ok(());
        }
        let reply = self.thread(answers(target, idx))?;
        let media = if idx == 0 {
            self.upload(target).await?
        } else {
            Vec::new()
        };
        let note = NewNote {
            media,
            text: part.text.clone(),
            // Topics are tagged on the thread's first note, which people find it by; the
            // hashtags written in each part are tagged on that part (`sign_note`).
            hashtags: if idx == 0 {
                target.tags.clone()
            } else {
                Vec::new()
            },
            reply,
            // Dated from the job (written before anything is sent), not from the clock: if
            // the commit that stored this signed event were lost after it went out, signing
            // again gives the very same id, which the relays already hold. A second of its
            // own per part keeps a thread in order.
            created_at: Some(signing_time(target, idx)),
        };
        let event = sign_note(&self.keys, &note)?;
        part.key = Some(event.id.to_hex());
        part.payload = Some(event.as_json());
        Ok(())
    }

    pub async fn check(&self, part: &PartRow) -> Result<Option<Posted>, Failure> {
        let Some(id) = part.key.as_deref() else {
            return Ok(None); // never signed, so never sent
        };
        let found = find_event(&self.lookup, id, self.timeout).await?;
        Ok(found.map(|event| posted(&event.id)))
    }

    pub async fn send(&self, target: &TargetRow, idx: usize) -> Result<Posted, Failure> {
        let part = &target.parts[idx];
        let payload = part.payload.as_deref().ok_or_else(|| {
            Failure::new(
                FailKind::Permanent,
                "outbox.not_signed",
                format!("part {} was not signed; it was not sent", idx + 1),
            )
        })?;
        let event = Event::from_json(payload).map_err(|e| {
            Failure::new(
                FailKind::Permanent,
                "outbox.bad_event",
                format!("the stored event of part {} is unreadable: {e}", idx + 1),
            )
        })?;
        // Stored by at least one relay is posted; relays that refused are the relays' business.
        publish(&self.write, &event, self.timeout).await?;
        Ok(posted(&event.id))
    }

    /// NIP-10 tags of part `idx`: the conversation's first note (`root`) and the note answered.
    fn thread(&self, answers: Answers<'_>) -> Result<Option<NoteThread>, Failure> {
        Ok(match answers {
            Answers::Nothing => None,
            Answers::Reply(reply) => {
                let parent = replied_note(reply)?;
                Some(NoteThread {
                    root: conversation_root(reply, &parent),
                    parent,
                })
            }
            Answers::Part {
                first,
                previous,
                reply,
            } => Some(NoteThread {
                root: match reply {
                    Some(reply) => conversation_root(reply, &replied_note(reply)?),
                    None => self.event_ref(first)?,
                },
                parent: self.event_ref(previous)?,
            }),
        })
    }

    fn event_ref(&self, part: &PartRow) -> Result<EventRef, Failure> {
        let id = part.key.clone().ok_or_else(|| {
            Failure::new(
                FailKind::Permanent,
                "outbox.thread_broken",
                format!(
                    "part {} of the thread has no event to reply to",
                    part.idx + 1
                ),
            )
        })?;
        Ok(EventRef {
            id,
            author: self.keys.public_key_hex(),
            relay: self.write.first().cloned(),
        })
    }
}

/// The note a reply answers; its author is needed for the `p` tag that tells them.
fn replied_note(reply: &ReplyTarget) -> Result<EventRef, Failure> {
    let author = reply.author_id.clone().ok_or_else(|| {
        Failure::new(
            FailKind::Permanent,
            "outbox.reply_unknown_author",
            format!(
                "Ferry does not know who wrote note {}, which this draft answers; not sent",
                reply.remote_id
            ),
        )
    })?;
    Ok(EventRef {
        id: reply.remote_id.clone(),
        author,
        relay: None,
    })
}

/// The conversation's first note: the one the answered note names as its root (whose author
/// the cache does not know: left out of the tags rather than guessed), else that note itself.
fn conversation_root(reply: &ReplyTarget, parent: &EventRef) -> EventRef {
    match &reply.root_id {
        Some(root) if *root != parent.id => EventRef {
            id: root.clone(),
            author: String::new(),
            relay: None,
        },
        _ => parent.clone(),
    }
}

fn signing_time(target: &TargetRow, idx: usize) -> u64 {
    let job = u64::try_from(target.job_created_at.timestamp()).unwrap_or_default();
    job + u64::try_from(idx).unwrap_or_default()
}

/// A note's address: its id, and a `nostr:note1…` link (NIP-21) any client opens.
fn posted(id: &EventId) -> Posted {
    Posted {
        remote_id: id.to_hex(),
        cid: None,
        url: id.to_bech32().ok().map(|note| format!("nostr:{note}")),
    }
}

#[cfg(test)]
mod tests {
    use chrono::Utc;
    use serde_json::{Value, json};

    use super::*;
    use crate::model::{LangTag, Network};
    use crate::outbox::model::TargetState;

    fn part(idx: u32, text: &str) -> PartRow {
        PartRow {
            idx,
            text: text.into(),
            key: None,
            payload: None,
            state: TargetState::Queued,
            remote_id: None,
            remote_cid: None,
            remote_url: None,
            first_sent_at: None,
        }
    }

    fn t_tags(part: &PartRow) -> Value {
        let event: Value = serde_json::from_str(part.payload.as_deref().unwrap()).unwrap();
        event["tags"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|t| t[0] == "t")
            .cloned()
            .collect()
    }

    /// Runs a future that never waits on I/O here (no pictures, so nothing is uploaded).
    fn futures_block<T>(f: impl std::future::Future<Output = T>) -> T {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap()
            .block_on(f)
    }

    #[test]
    fn nostr_parts_are_tagged_with_their_inline_hashtags_and_the_first_with_the_topics() {
        let sender = NostrSender {
            keys: NostrKeys::generate(),
            accounts: None,
            media_server: None,
            write: vec!["ws://127.0.0.1:1".into()],
            lookup: Vec::new(),
            timeout: Duration::from_secs(1),
        };
        let mut target = TargetRow {
            id: "t1".into(),
            job_id: "j1".into(),
            account_id: "a1".into(),
            network: Network::Nostr,
            lang: LangTag::parse("zh-Hans").unwrap(),
            media: Vec::new(),
            tags: vec!["旅行".into()],
            state: TargetState::Queued,
            attempts: 0,
            remote_id: None,
            remote_url: None,
            error: None,
            retryable: None,
            next_attempt_at: Some(Utc::now()),
            job_created_at: Utc::now(),
            reply: None,
            parts: vec![
                part(0, "#渡口 今天晚班照常开 #Ferry 1/2"),
                part(1, "#ferry 明早见，#晚班！ #旅行 2/2"),
            ],
        };
        for idx in 0..target.parts.len() {
            let mut row = target.parts[idx].clone();
            futures_block(sender.prepare(&target, idx, &mut row)).unwrap();
            target.parts[idx] = row;
        }
        assert_eq!(
            t_tags(&target.parts[0]),
            json!([["t", "旅行"], ["t", "渡口"], ["t", "ferry"]])
        );
        assert_eq!(
            t_tags(&target.parts[1]),
            json!([["t", "ferry"], ["t", "晚班"], ["t", "旅行"]])
        );

        // Signed again (as after a commit lost once the event had gone out), each part is
        // the same event: same id, so a relay that has it answers "duplicate".
        std::thread::sleep(Duration::from_millis(1100));
        for idx in 0..target.parts.len() {
            let mut again = target.parts[idx].clone();
            again.key = None;
            again.payload = None;
            futures_block(sender.prepare(&target, idx, &mut again)).unwrap();
            assert_eq!(again.key, target.parts[idx].key, "part {idx}");
        }
        let created = |idx: usize| {
            let event: Value =
                serde_json::from_str(target.parts[idx].payload.as_deref().unwrap()).unwrap();
            event["created_at"].as_i64().unwrap()
        };
        assert_eq!(created(0), target.job_created_at.timestamp());
        assert_eq!(
            created(1),
            created(0) + 1,
            "a thread's parts keep their order"
        );
    }
}
