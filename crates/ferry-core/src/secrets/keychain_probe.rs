//! Is there a keychain that can hold a secret right now? Answered before anything is stored,
//! so a headless server gets `secrets.no_keychain` (and the hint to opt into the encrypted
//! file) at start instead of a half-done sign-in.
//!
//! On Linux the answer needs three things, checked in order, each with its own reason:
//! a D-Bus session bus (`DBUS_SESSION_BUS_ADDRESS`), a Secret Service provider on it
//! (gnome-keyring, KeePassXC, KWallet …) and a default collection that is unlocked or can be
//! unlocked (the provider may show its unlock prompt here, as it would on first use). macOS
//! and Windows always have their keychain, so there is nothing to check.

use super::SecretsError;

#[cfg(all(
    unix,
    not(any(target_os = "macos", target_os = "ios", target_os = "android"))
))]
pub(crate) fn check_usable() -> Result<(), SecretsError> {
    use secret_service::EncryptionType;
    use secret_service::blocking::SecretService;

    let no_keychain = |reason: String| SecretsError::NoKeychain { reason };
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none_or(|v| v.is_empty())
        && std::env::var_os("XDG_RUNTIME_DIR").is_none_or(|v| v.is_empty())
    {
        return Err(no_keychain(
            "there is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set), so no Secret \
             Service to ask"
                .to_owned(),
        ));
    }
    let service = SecretService::connect(EncryptionType::Dh)
        .map_err(|err| no_keychain(describe_connect(&err)))?;
    let collection = service.get_default_collection().map_err(|err| {
        no_keychain(match err {
            secret_service::Error::NoResult => {
                "the Secret Service has no default collection (no \"Login\" keyring); create \
                 one in your keyring app"
                    .to_owned()
            }
            other => format!("cannot reach the Secret Service's default collection ({other})"),
        })
    })?;
    let locked = collection
        .is_locked()
        .map_err(|err| no_keychain(format!("cannot ask whether the keychain is locked ({err})")))?;
    if locked {
        collection.unlock().map_err(|err| {
            no_keychain(format!(
                "the default keychain collection is locked and could not be unlocked ({err})"
            ))
        })?;
    }
    Ok(())
}

#[cfg(all(
    unix,
    not(any(target_os = "macos", target_os = "ios", target_os = "android"))
))]
fn describe_connect(err: &secret_service::Error) -> String {
    let text = err.to_string();
    if text.contains("ServiceUnknown") || text.contains("was not provided by any .service") {
        "no Secret Service provider (gnome-keyring, KeePassXC, KWallet …) is running on the \
         D-Bus session bus"
            .to_owned()
    } else if matches!(err, secret_service::Error::Unavailable) {
        "the D-Bus session bus cannot be reached (DBUS_SESSION_BUS_ADDRESS points nowhere?) or \
         no Secret Service provider is on it"
            .to_owned()
    } else if text.contains("Failed to connect") {
        // zbus's words for an address with no bus behind it (a stale or copied variable).
        format!("the D-Bus session bus cannot be reached ({text})")
    } else {
        format!("cannot talk to the Secret Service over D-Bus ({text})")
    }
}

#[cfg(not(all(
    unix,
    not(any(target_os = "macos", target_os = "ios", target_os = "android"))
)))]
pub(crate) fn check_usable() -> Result<(), SecretsError> {
    Ok(())
}
