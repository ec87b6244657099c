//! Fatal errors: the ones that stop gazette before it can judge the translations (exit 2).
//!
//! Every variant names the file (relative to the project root) so the user knows where to look.
//! Localisation findings are not errors: they are `check::Diagnostic` records.

use std::path::PathBuf;

/// A fatal error: bad configuration, bad content file, unreadable or unwritable file.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// `gazette.toml` is malformed or holds an unknown key.
    #[error("{path}: {message}")]
    Config { path: PathBuf, message: String },
    /// A `content/<slug>.toml` file is malformed (bad TOML, unknown block type or field, bad slug).
    #[error("{path}: {message}")]
    Content { path: PathBuf, message: String },
    /// The project layout is not what gazette expects (missing `locales/` or source folder).
    #[error("{path}: {message}")]
    Layout { path: PathBuf, message: String },
    /// A file or folder could not be read or written.
    /// The reason is part of the message and not a `source()`, so that the one line `main`
    /// prints with every cause (`{:#}`) does not say it twice.
    #[error("{path}: {error}")]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    /// A Handlebars template does not compile or fails to render.
    #[error("{path}: {message}")]
    Template { path: PathBuf, message: String },
    /// A command-line value that the parser could not judge (e.g. an unknown `--lang`).
    #[error("{0}")]
    Usage(String),
    /// Several files are broken (content files): every one is told, one a line, so that one
    /// run shows every fix to make.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Several(Vec<Error>),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Where a fatal error points in its file.
#[derive(Debug, PartialEq, Eq)]
pub struct Position<'a> {
    pub path: &'a std::path::Path,
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters.
    pub column: Option<usize>,
}

impl Error {
    /// The file, line and column of an error about a place in a file. Such messages all
    /// start `line L: ` or `line L, column C: `, the form the README shows, so the position
    /// is read from there rather than carried twice.
    pub fn position(&self) -> Option<Position<'_>> {
        let (path, message) = match self {
            Error::Config { path, message }
            | Error::Content { path, message }
            | Error::Layout { path, message }
            | Error::Template { path, message } => (path, message),
            Error::Io { .. } | Error::Usage(_) | Error::Several(_) => return None,
        };
        let (place, _) = message.strip_prefix("line ")?.split_once(':')?;
        let (line, column) = match place.split_once(", column ") {
            Some((line, column)) => (line, Some(column.parse().ok()?)),
            None => (place, None),
        };
        Some(Position {
            path,
            line: line.parse().ok()?,
            column,
        })
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            error: source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn position_is_read_from_the_message() {
        let at = |message: &str| {
            let e = Error::Content {
                path: "content/a.toml".into(),
                message: message.into(),
            };
            e.position().map(|p| (p.line, p.column))
        };
        assert_eq!(at("line 4, column 7: unknown field"), Some((4, Some(7))));
        assert_eq!(at("line 12: date: not a date"), Some((12, None)));
        assert_eq!(at("no slug"), None);
        assert_eq!(at("line x: what"), None);
        assert_eq!(at("lines 4: what"), None);
    }
}
