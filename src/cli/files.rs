//! The commands that write the project's files: `init`, `new`, `rm` and `mv`, `sync`.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::Path;
use std::process::ExitCode;

use gazette::ops::sync::{sync, SyncOptions};
use gazette::project::Project;
use gazette::report;
use gazette::scaffold;
use gazette::sync::Accept;

use super::args::{InitArgs, NewArgs, SyncArgs};
use super::output::{lock, print_stdout, Ui};

/// Today where the newsroom is (the system's time zone), `YYYY-MM-DD`.
fn today() -> String {
    jiff::Zoned::now().date().to_string()
}

pub(super) fn run_init(dir: &Path, args: &InitArgs, ui: Ui) -> anyhow::Result<ExitCode> {
    let target = match &args.path {
        Some(path) if dir != Path::new(".") => dir.join(path),
        Some(path) => path.clone(),
        None => dir.to_path_buf(),
    };
    let options = scaffold::InitOptions {
        source: args.source.clone(),
        targets: args.targets.clone(),
        date: today(),
        ci: args.ci.into(),
        force: args.force,
    };
    let done = scaffold::init(&target, &options)?;
    if !ui.quiet {
        print_stdout(report::initialised(
            &target,
            args.path.is_some(),
            &done,
            &args.source,
        ))?;
    }
    Ok(ExitCode::SUCCESS)
}

pub(super) fn run_new(root: &Path, args: &NewArgs, ui: Ui) -> anyhow::Result<ExitCode> {
    // Only the settings and the root are needed: an archive's articles are not read again.
    let project = Project::load_lazy(root)?;
    let date = args.date.map_or_else(today, |d| d.to_string());
    let files = scaffold::new_article(&project, &args.slug, &date)?;
    if !ui.quiet {
        print_stdout(report::new_article(&files, &project.targets()))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `rm` and `mv`: under the project lock, on the project as it is once the lock is held.
pub(super) fn run_files(
    root: &Path,
    command: &str,
    ui: Ui,
    change: impl FnOnce(&Project) -> gazette::error::Result<scaffold::articles::Done>,
) -> anyhow::Result<ExitCode> {
    let _lock = lock(root, command, false)?;
    let project = Project::load_lazy(root)?;
    let done = change(&project)?;
    if !ui.quiet {
        print_stdout(report::article_files(&done))?;
    }
    Ok(ExitCode::SUCCESS)
}

pub(super) fn run_sync(dir: &Path, args: &SyncArgs, ui: Ui) -> anyhow::Result<ExitCode> {
    if args.lang.is_none() && !args.all {
        let targets = Project::load_lazy(dir)?.targets();
        anyhow::bail!("{}", report::sync_which_language(&targets));
    }
    let _lock = (!args.dry_run)
        .then(|| lock(dir, "gazette sync", args.no_wait))
        .transpose()?;
    let project = Project::load(dir)?;
    let accept = if args.accept_all {
        Accept::All
    } else if !args.accept.is_empty() {
        Accept::Ids(args.accept.clone())
    } else {
        Accept::Nothing
    };
    let options = SyncOptions {
        lang: args.lang.clone(),
        accept,
        dry_run: args.dry_run,
    };
    let plan = sync(&project, &options)?;
    // What a dry run would do is what it is asked for; what a sync did is a summary.
    if args.dry_run || !ui.quiet {
        print_stdout(report::sync_plan(&plan, args.dry_run))?;
    }
    Ok(ExitCode::SUCCESS)
}
