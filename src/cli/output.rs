//! What every command shares of its output: the `--color` and `-q` options, the project lock's
//! message, a report for people, stdout that tolerates a closed pipe, the exit code of a report.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use gazette::check::{Report, Severity};
use gazette::project::Project;
use gazette::project_lock::{ProjectLock, Wait};
use gazette::report;

use super::args::Color;

/// The global options about output: `--color` and `-q`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Ui {
    pub color: Color,
    pub quiet: bool,
}

/// Take the project lock for a command that writes; tell the user when it has to wait.
pub(super) fn lock(dir: &Path, command: &str, no_wait: bool) -> anyhow::Result<ProjectLock> {
    let wait = if no_wait { Wait::No } else { Wait::Yes };
    let lock = ProjectLock::acquire(dir, command, wait, |holder| {
        eprintln!(
            "waiting for {} to finish: it is writing to this project",
            report::shown(holder)
        );
    })?;
    Ok(lock)
}

/// A report for people: with `-q`, its errors alone, without the summary line.
pub(super) fn human(project: &Project, report: &Report, ui: Ui, colour: bool) -> String {
    let source_of = |f: &str| source_text(project, f);
    if !ui.quiet {
        return report::human(report, &source_of, colour);
    }
    report::diagnostics_human(&errors_only(report), &source_of, colour)
}

/// What `-q` shows of a report: its errors.
pub(super) fn errors_only(report: &Report) -> Report {
    let diagnostics = report.diagnostics.iter();
    Report {
        diagnostics: diagnostics
            .filter(|d| d.severity == Severity::Error)
            .cloned()
            .collect(),
        ..Report::default()
    }
}

/// The text of a project file by its reported path, for diagnostic snippets.
fn source_text(project: &Project, file: &str) -> Option<String> {
    project.text_of_path(file)
}

pub(super) fn exit_for(report: &Report) -> ExitCode {
    if report.errors() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Print to stdout; a closed pipe (`gazette check | head`) is not an error.
pub(super) fn print_stdout(text: impl AsRef<[u8]>) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_ref()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}
