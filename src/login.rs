//! Who this process is: the operating-system login from the system's user
//! database alone. The environment (`USER`, `LOGNAME`) is whatever the
//! caller set, so it is never read; a uid with no passwd entry has no login.

/// The login of this process, None when the user database has no entry.
pub fn os_login() -> Option<String> {
    nix::unistd::User::from_uid(nix::unistd::getuid())
        .ok()
        .flatten()
        .map(|u| u.name)
        .filter(|n| !n.is_empty())
}
