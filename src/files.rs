//! Every file the program writes, written safely on a shared server whose
//! folders other staff may write: created new under a random name beside
//! its place (exclusively, so nothing planted there is followed or
//! truncated), given its mode and group, synced, then renamed into place —
//! a reader never sees half a file, and a symbolic link planted at the name
//! itself is refused, not followed.

use std::io::Write;
use std::path::{Path, PathBuf};

/// The error a planted symbolic link gets: one sentence, both languages.
fn symlink_refused(path: &Path) -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::InvalidInput,
        format!(
            "“{0}”是符号链接，拒绝写入 / \"{0}\" is a symbolic link: not written through",
            crate::i18n::printable(&path.display().to_string())
        ),
    )
}

/// Writes `bytes` as the file at `path` with `mode`, given `group` when
/// one is named. An existing file is replaced whole; a symbolic link at
/// `path` is refused.
pub fn write_new(path: &Path, bytes: &[u8], mode: u32, group: Option<u32>) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(symlink_refused(path));
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    // O_CREAT | O_EXCL under a random name, mode 0600 until ours to set.
    let mut f = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(dir)?;
    f.write_all(bytes)?;
    f.as_file().sync_all()?;
    // Group first, then the mode: never readable by the wrong group.
    if let Some(gid) = group {
        std::os::unix::fs::fchown(f.as_file(), None, Some(gid))?;
    }
    f.as_file()
        .set_permissions(std::fs::Permissions::from_mode(mode))?;
    // A link planted at the name while we wrote is refused too; rename
    // replaces a name, it never writes through a link.
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(symlink_refused(path));
    }
    f.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Appends `line` to the file at `path`, creating it with `mode` when it
/// is not there: never truncated, never through a symbolic link (refused),
/// only into a regular file. An office may make the file append-only
/// (`chattr +a`), which appending respects.
pub fn append_line(path: &Path, line: &str, mode: u32) -> std::io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .mode(mode)
        .custom_flags(nix::fcntl::OFlag::O_NOFOLLOW.bits())
        .open(path)
        .map_err(|e| {
            if e.raw_os_error() == Some(nix::errno::Errno::ELOOP as i32) {
                symlink_refused(path)
            } else {
                e
            }
        })?;
    if !f.metadata()?.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!(
                "“{0}”不是普通文件 / \"{0}\" is not a regular file",
                crate::i18n::printable(&path.display().to_string())
            ),
        ));
    }
    f.write_all(line.as_bytes())?;
    f.sync_all()
}

/// Why a folder of the user's own (documents, logs) cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FolderProblem {
    /// `%u` could not be given: no login in the user database.
    NoLogin,
    /// A symbolic link where the folder should be.
    Symlink(PathBuf),
    /// Something other than a folder there.
    NotAFolder(PathBuf),
    /// A folder of another user's.
    NotOwn(PathBuf),
    /// Not made or not reachable: what the system said.
    Io(PathBuf, String),
}

/// A folder of this user's own, `template` with `%u` the login (from the
/// user database, never the environment): made 0700 when missing (its
/// parent must be there), refused when it is a symbolic link, not a folder
/// or another user's — a folder planted in a shared place is never written.
pub fn own_folder(template: &str) -> Result<PathBuf, FolderProblem> {
    let dir = if template.contains("%u") {
        let login = crate::login::os_login().ok_or(FolderProblem::NoLogin)?;
        PathBuf::from(template.replace("%u", &login))
    } else {
        PathBuf::from(template)
    };
    let unfit = |why: String| FolderProblem::Io(dir.clone(), why);
    match std::fs::symlink_metadata(&dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            use std::os::unix::fs::DirBuilderExt;
            std::fs::DirBuilder::new()
                .mode(0o700)
                .create(&dir)
                .map_err(|e| unfit(e.to_string()))?;
        }
        Err(e) => return Err(unfit(e.to_string())),
        Ok(m) if m.file_type().is_symlink() => return Err(FolderProblem::Symlink(dir)),
        Ok(m) if !m.is_dir() => return Err(FolderProblem::NotAFolder(dir)),
        Ok(m) => {
            use std::os::unix::fs::MetadataExt;
            if m.uid() != nix::unistd::getuid().as_raw() {
                return Err(FolderProblem::NotOwn(dir));
            }
        }
    }
    Ok(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_appended_never_through_a_link_and_never_truncating() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("anchors");
        append_line(&file, "1\n", 0o640).unwrap();
        append_line(&file, "2\n", 0o600).unwrap();
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "1\n2\n");
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640, "created once, with its mode");
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "keep").unwrap();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        let e = append_line(&link, "x\n", 0o640).unwrap_err();
        assert!(e.to_string().contains("符号链接"), "{e}");
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
        assert!(append_line(dir.path(), "x\n", 0o640).is_err());
    }
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn a_file_is_written_new_and_a_planted_link_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "keep").unwrap();
        let path = dir.path().join("export.csv");
        std::os::unix::fs::symlink(&victim, &path).unwrap();
        let err = write_new(&path, b"data", 0o600, None).unwrap_err();
        assert!(err.to_string().contains("符号链接"), "{err}");
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
        // A plain name: written, its mode as asked, no temporary left behind.
        let plain = dir.path().join("report.xlsx");
        std::fs::write(&plain, "old").unwrap();
        write_new(&plain, b"new", 0o640, None).unwrap();
        assert_eq!(std::fs::read(&plain).unwrap(), b"new");
        let mode = std::fs::metadata(&plain).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }
}
