//! What each command does, for the command line and the preview server to call: one module
//! per command, each owning its command from the loaded project to its outcome (the CLI
//! prints it). `build`; `check` (also `status`: the same findings, told as coverage); `sync`.
//! `init`, `new`, `rm` and `mv` are [`crate::scaffold`]'s; `serve` is [`crate::serve`], the
//! preview server, which builds through `build`.

pub mod build;
pub mod check;
pub mod sync;
