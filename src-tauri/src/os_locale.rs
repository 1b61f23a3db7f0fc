//! The user's preferred languages as the OS states them, for the UI to follow when no
//! language was picked in Settings.
//!
//! WebKitGTK's `navigator.language` only reflects the locale when that locale is installed
//! (`zh_TW.UTF-8` missing from `locale -a` gives `en-US`), so the shell reads the POSIX
//! variables itself, the way gettext does: `LC_ALL`, else `LC_MESSAGES`, else `LANG`, with
//! GNU `LANGUAGE` as a priority list in front unless the locale is plain `C`. On other
//! systems this returns nothing and the UI uses `navigator.languages`.

/// BCP-47 tags, most preferred first (`zh_TW.UTF-8` → `zh-TW`).
pub fn os_languages() -> Vec<String> {
    if cfg!(unix) {
        languages_from(|name| std::env::var(name).ok())
    } else {
        Vec::new()
    }
}

/// [`os_languages`] over any source of environment variables (tests pass their own).
pub fn languages_from(var: impl Fn(&str) -> Option<String>) -> Vec<String> {
    let Some(locale) = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|name| var(name).filter(|v| !v.is_empty()))
    else {
        return Vec::new();
    };
    let mut tags: Vec<String> = Vec::new();
    if posix_tag(&locale).is_some() {
        let listed = var("LANGUAGE").unwrap_or_default();
        tags.extend(listed.split(':').filter_map(posix_tag));
    }
    tags.extend(posix_tag(&locale));
    let mut seen = std::collections::HashSet::new();
    tags.retain(|tag| seen.insert(tag.clone()));
    tags
}

/// `zh_TW.UTF-8@modifier` → `zh-TW`; `C` and `POSIX` name no language.
fn posix_tag(posix: &str) -> Option<String> {
    let name = posix.split(['.', '@']).next().unwrap_or_default();
    if name.is_empty() || name == "C" || name == "POSIX" {
        return None;
    }
    Some(name.replace('_', "-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn reads_the_locale_like_gettext() {
        assert_eq!(languages_from(env(&[("LANG", "zh_TW.UTF-8")])), ["zh-TW"]);
        assert_eq!(
            languages_from(env(&[("LANG", "en_US.UTF-8"), ("LC_ALL", "zh_CN.UTF-8")])),
            ["zh-CN"]
        );
        assert_eq!(
            languages_from(env(&[
                ("LANG", "de_DE.UTF-8"),
                ("LANGUAGE", "zh_HK:en_GB:de_DE")
            ])),
            ["zh-HK", "en-GB", "de-DE"]
        );
        assert_eq!(
            languages_from(env(&[("LANG", "sr_RS.UTF-8@latin")])),
            ["sr-RS"]
        );
    }

    #[test]
    fn the_c_locale_names_no_language() {
        assert!(languages_from(env(&[("LANG", "C.UTF-8"), ("LANGUAGE", "zh_TW")])).is_empty());
        assert!(languages_from(env(&[("LC_ALL", "POSIX")])).is_empty());
        assert!(languages_from(env(&[])).is_empty());
    }
}
