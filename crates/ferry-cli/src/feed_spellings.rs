//! The `ferry feed sources …` spellings: `sources list`, `sources add rss <url>`,
//! `sources add rsshub <base-url> <platform> <user>`, `sources remove <id>`. Each is the same
//! command as `sources`, `add`, `add-rsshub` and `remove`, rewritten here before dispatch so
//! there is one implementation of each.

use crate::feed::{Command, RsshubArgs, RsshubUser};

#[derive(clap::Subcommand)]
pub(crate) enum SourcesAction {
    /// List the sources (the same as `ferry feed sources`).
    List,
    /// Add a source.
    #[command(subcommand)]
    Add(AddSource),
    /// Remove a source and its cached items.
    Remove { id: String },
}

#[derive(clap::Subcommand)]
pub(crate) enum AddSource {
    /// An RSS, Atom or JSON Feed URL (http or https).
    Rss { url: String },
    /// A RedNote, Weibo or Douyin creator through your RSSHub.
    Rsshub {
        /// Your RSSHub's address, e.g. https://rsshub.example.org.
        base_url: String,
        #[arg(value_parser = ["rednote", "weibo", "douyin"])]
        platform: String,
        /// The creator's id or profile link, as copied from the app.
        user: String,
    },
}

/// `command` with a `sources` spelling turned into the command it stands for.
pub(crate) fn plain(command: Command) -> Command {
    let Command::Sources {
        action: Some(action),
    } = command
    else {
        return command;
    };
    match action {
        SourcesAction::List => Command::Sources { action: None },
        SourcesAction::Remove { id } => Command::Remove { id },
        SourcesAction::Add(AddSource::Rss { url }) => Command::Add { url },
        SourcesAction::Add(AddSource::Rsshub {
            base_url,
            platform,
            user,
        }) => {
            let one = |name: &str| (platform == name).then(|| user.clone());
            Command::AddRsshub(RsshubArgs {
                base: base_url,
                user: RsshubUser {
                    rednote: one("rednote"),
                    weibo: one("weibo"),
                    douyin: one("douyin"),
                },
            })
        }
    }
}
