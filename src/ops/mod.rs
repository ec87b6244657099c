//! What each command does, for the command line and the preview server to call: one module
//! per command, each owning its command from the loaded project to its outcome (the CLI
//! prints it). `build`; `check` (also `status`: the same findings, told as coverage); `sync`.
//! `init`, `new`, `rm` and `mv` are [`crate::scaffold`]'s; `serve` is [`crate::serve`], the
//! preview server, which builds through `build`.

pub mod build;
pub mod check;
pub mod sync;

use crate::error::{Error, Result};
use crate::project::Project;

/// The project's languages that `--lang` names, in the project's order (all of them without
/// it); a name that is none of them is a usage error.
pub fn languages(project: &Project, wanted: Option<&[String]>) -> Result<Vec<String>> {
    let all = project.languages();
    let Some(wanted) = wanted else {
        return Ok(all);
    };
    if let Some(l) = wanted.iter().find(|l| !all.contains(l)) {
        return Err(Error::Usage(format!(
            "--lang: `{l}` is not a language of this project ({})",
            all.join(", ")
        )));
    }
    Ok(all.into_iter().filter(|l| wanted.contains(l)).collect())
}
