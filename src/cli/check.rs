//! `gazette check` and `gazette status`: the findings or the coverage of the languages asked
//! for, in the format asked for.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use gazette::config::{Overrides, DEFAULT_SOURCE};
use gazette::ops::check::check_languages;
use gazette::project::Project;
use gazette::report;

use super::args::{CheckArgs, Format, StatusArgs, StatusFormat};
use super::output::{errors_only, exit_for, human, print_stdout, Ui};

pub(super) fn run_check(dir: &Path, args: &CheckArgs, ui: Ui) -> anyhow::Result<ExitCode> {
    let overrides = Overrides {
        source: args.source.clone(),
        locales: args
            .path
            .as_deref()
            .map(|p| locales_path(dir, p))
            .transpose()?,
        levels: args.levels.levels()?,
    };
    let project = Project::load_lazy_with(dir, &overrides)?;
    let config = &project.config;
    if let Some(asked) = overrides.source.as_ref().filter(|s| **s != config.source) {
        if !ui.quiet {
            eprintln!(
                "note: `--source {asked}`: checking against `{}`, the only folder of `{asked}`",
                config.source
            );
        }
    }
    if !ui.quiet
        && !config.source_given
        && config.source != DEFAULT_SOURCE
        && project.locales.contains_key(DEFAULT_SOURCE)
    {
        // Found by name, beside the folder of gazette's default: say which one is the source.
        eprintln!(
            "note: `{}` is the source language (found by name); `--source {DEFAULT_SOURCE}` checks against `{DEFAULT_SOURCE}`",
            config.source
        );
    }
    let mut report = check_languages(&project, args.lang.lang.as_deref())?;
    if args.deny_warnings {
        report.deny_warnings();
    }
    let text = match args.format {
        Format::Human => human(&project, &report, ui, ui.color.on(&std::io::stdout())),
        Format::Json => report::json(&report),
        Format::Github => {
            if ui.quiet {
                report::github(&errors_only(&report))
            } else {
                let mut s = report::github(&report);
                s.push_str(&report::summary_line(&report));
                s.push('\n');
                s
            }
        }
        Format::Sarif => gazette::sarif::sarif(&report),
    };
    print_stdout(text)?;
    Ok(exit_for(&report))
}

/// `check`'s PATH relative to the project (`-C`): a folder inside it.
fn locales_path(dir: &Path, path: &Path) -> anyhow::Result<PathBuf> {
    if !dir.join(path).is_dir() {
        anyhow::bail!("{}: no such folder", path.display());
    }
    if !path.is_absolute() {
        return Ok(path.to_path_buf());
    }
    let (root, folder) = (dir.canonicalize()?, path.canonicalize()?);
    match folder.strip_prefix(&root) {
        Ok(inside) => Ok(inside.to_path_buf()),
        Err(_) => anyhow::bail!("{}: not inside the project folder", path.display()),
    }
}

pub(super) fn run_status(dir: &Path, args: &StatusArgs, ui: Ui) -> anyhow::Result<ExitCode> {
    let project = Project::load_lazy(dir)?;
    let report = check_languages(&project, args.lang.lang.as_deref())?;
    let text = match args.format {
        StatusFormat::Human => report::status_human(&report, ui.color.on(&std::io::stdout())),
        StatusFormat::Json => report::status_json(&report),
    };
    print_stdout(text)?;
    Ok(ExitCode::SUCCESS)
}
