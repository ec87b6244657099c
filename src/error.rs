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

impl Error {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            error: source,
        }
    }
}
