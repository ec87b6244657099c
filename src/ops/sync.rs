//! `gazette sync`: give target languages their stubs and review records, or only say what
//! that would change (a dry run).

use crate::error::Result;
use crate::project::Project;
use crate::sync::{self, Accept, Plan};

/// What `gazette sync` was asked to do.
#[derive(Debug, Clone)]
pub struct SyncOptions {
    /// One target language; every target without it (`--all`).
    pub lang: Option<String>,
    /// Translations whose source changed to keep as reviewed.
    pub accept: Accept,
    /// Say what would change, change nothing.
    pub dry_run: bool,
}

/// Plan the sync of the languages asked for and, unless it is a dry run, apply it.
pub fn sync(project: &Project, options: &SyncOptions) -> Result<Plan> {
    let langs = match &options.lang {
        Some(lang) => vec![lang.clone()],
        None => project.targets(),
    };
    let plan = sync::plan(project, &langs, &options.accept)?;
    if !options.dry_run {
        sync::apply(project, &plan)?;
    }
    Ok(plan)
}
