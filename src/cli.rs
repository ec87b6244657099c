//! The command line: clap arguments -> library calls -> output and exit code. The only module
//! that prints.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};

use gazette::build::{self, BuildOptions, BuildOutcome};
use gazette::check::Report;
use gazette::config::{Overrides, DEFAULT_SOURCE};
use gazette::localise::MissingPolicy;
use gazette::project::Project;
use gazette::project_lock::{ProjectLock, Wait};
use gazette::report;
use gazette::sync::{self, Accept};

/// Check Fluent translations and publish articles as HTML and plain text in every language.
#[derive(Debug, Parser)]
#[command(name = "gazette", version, about)]
pub struct Cli {
    /// Run as if gazette was started in DIR.
    #[arg(short = 'C', value_name = "DIR", global = true, default_value = ".")]
    dir: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check the translations, then render every article in every language to out/.
    Build(BuildArgs),
    /// Validate every language without writing anything.
    Check(CheckArgs),
    /// Show translation coverage per language and file (always exits 0; `check` enforces).
    Status(StatusArgs),
    /// Add a stub for every missing message or attribute to a language's files, or record
    /// reviewed translations in gazette.lock.d/ (`--accept`); never changes existing text.
    Sync(SyncArgs),
}

#[derive(Debug, clap::Args)]
struct StatusArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = StatusFormat::Human)]
    format: StatusFormat,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum StatusFormat {
    Human,
    Json,
}

#[derive(Debug, clap::Args)]
struct SyncArgs {
    /// The target language to sync (e.g. `de`).
    #[arg(
        value_name = "LANG",
        required_unless_present = "all",
        conflicts_with = "all"
    )]
    lang: Option<String>,
    /// Sync every target language.
    #[arg(long)]
    all: bool,
    /// Print what would be added or recorded, without writing anything.
    #[arg(long)]
    dry_run: bool,
    /// Record the current source text of these translations as reviewed (clears
    /// `stale-translation`); adds no stubs.
    #[arg(long, value_name = "ID", num_args = 1.., allow_hyphen_values = true)]
    accept: Vec<String>,
    /// Record the current source text of every translation as reviewed; adds no stubs.
    #[arg(long, conflicts_with = "accept")]
    accept_all: bool,
    /// Fail at once (exit 2) if another gazette command is writing to the project, instead
    /// of waiting for it.
    #[arg(long)]
    no_wait: bool,
}

#[derive(Debug, clap::Args)]
struct BuildArgs {
    /// Only these languages, comma-separated (default: all).
    #[arg(long, value_delimiter = ',', value_name = "LANG,...")]
    lang: Option<Vec<String>>,
    /// Output folder (default: `out`, or `out` in gazette.toml).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// What to do when a translation is missing.
    #[arg(long, value_enum, default_value_t = Missing::Error)]
    missing: Missing,
    /// Worker threads (default: every core).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    /// Print nothing but errors.
    #[arg(short, long)]
    quiet: bool,
    /// Fail at once (exit 2) if another gazette command is writing to the project, instead
    /// of waiting for it.
    #[arg(long)]
    no_wait: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Missing {
    /// Refuse to publish (exit 1).
    Error,
    /// Use the source text, marked with the source language.
    Fallback,
    /// Leave the article out of that language.
    Skip,
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Treat warnings as errors.
    #[arg(long)]
    deny_warnings: bool,
    /// The source language (default: `source` of gazette.toml or l10n.toml, else the `en-US`
    /// or `en` folder of a project without `content/`, else `fr`).
    #[arg(long, value_name = "LANG")]
    source: Option<String>,
    /// The folder of language folders, relative to the project (default: `locales` of
    /// gazette.toml or l10n.toml's paths, else `locales/`, `i18n/`, `l10n/` or the project
    /// folder itself).
    #[arg(value_name = "PATH")]
    path: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
    Github,
    /// SARIF 2.1.0, for GitHub code scanning and other tools.
    Sarif,
}

/// Run the command line; fatal errors are returned for `main` to print (exit 2).
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Check(args) => run_check(&cli.dir, &args),
        Command::Build(args) => run_build(&cli.dir, &args),
        Command::Status(args) => run_status(&cli.dir, &args),
        Command::Sync(args) => run_sync(&cli.dir, &args),
    }
}

/// Take the project lock for a command that writes; tell the user when it has to wait.
fn lock(dir: &Path, command: &str, no_wait: bool) -> anyhow::Result<ProjectLock> {
    let wait = if no_wait { Wait::No } else { Wait::Yes };
    let lock = ProjectLock::acquire(dir, command, wait, |holder| {
        eprintln!("waiting for {holder} to finish: it is writing to this project");
    })?;
    Ok(lock)
}

fn run_status(dir: &Path, args: &StatusArgs) -> anyhow::Result<ExitCode> {
    let project = Project::load_lazy(dir)?;
    let report = build::check(&project)?;
    let text = match args.format {
        StatusFormat::Human => {
            // Colour only for a person at a terminal who has not asked for none (no-color.org).
            let colour = std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            report::status_human(&report, colour)
        }
        StatusFormat::Json => report::status_json(&report),
    };
    print_stdout(&text)?;
    Ok(ExitCode::SUCCESS)
}

fn run_sync(dir: &Path, args: &SyncArgs) -> anyhow::Result<ExitCode> {
    let _lock = (!args.dry_run)
        .then(|| lock(dir, "gazette sync", args.no_wait))
        .transpose()?;
    let project = Project::load(dir)?;
    let langs = match &args.lang {
        Some(lang) => vec![lang.clone()],
        None => project.targets(),
    };
    let accept = if args.accept_all {
        Accept::All
    } else if !args.accept.is_empty() {
        Accept::Ids(args.accept.clone())
    } else {
        Accept::Nothing
    };
    let plan = sync::plan(&project, &langs, &accept)?;
    if !args.dry_run {
        sync::apply(&project, &plan)?;
    }
    print_stdout(&report::sync_plan(&plan, args.dry_run))?;
    Ok(ExitCode::SUCCESS)
}

fn run_check(dir: &Path, args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let overrides = Overrides {
        source: args.source.clone(),
        locales: args
            .path
            .as_deref()
            .map(|p| locales_path(dir, p))
            .transpose()?,
    };
    let project = Project::load_lazy_with(dir, &overrides)?;
    let config = &project.config;
    if !config.source_given
        && config.source != DEFAULT_SOURCE
        && project.locales.contains_key(DEFAULT_SOURCE)
    {
        // Found by name, beside the folder of gazette's default: say which one is the source.
        eprintln!(
            "note: `{}` is the source language (found by name); `--source {DEFAULT_SOURCE}` checks against `{DEFAULT_SOURCE}`",
            config.source
        );
    }
    let mut report = build::check(&project)?;
    if args.deny_warnings {
        report.deny_warnings();
    }
    let text = match args.format {
        Format::Human => report::human(&report, &|f| source_text(&project, f)),
        Format::Json => report::json(&report),
        Format::Github => {
            let mut s = report::github(&report);
            s.push_str(&report::summary_line(&report));
            s.push('\n');
            s
        }
        Format::Sarif => gazette::sarif::sarif(&report),
    };
    print_stdout(&text)?;
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

fn run_build(dir: &Path, args: &BuildArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    if let Some(jobs) = args.jobs {
        // Loading the project reads files in parallel too: on as many threads as the build.
        rayon::ThreadPoolBuilder::new()
            .num_threads(usize::from(jobs))
            .build_global()?;
    }
    let _lock = lock(dir, "gazette build", args.no_wait)?;
    let project = Project::load_lazy(dir)?;
    let options = BuildOptions {
        langs: args.lang.clone(),
        out: args.out.clone(),
        missing: match args.missing {
            Missing::Error => MissingPolicy::Error,
            Missing::Fallback => MissingPolicy::Fallback,
            Missing::Skip => MissingPolicy::Skip,
        },
        jobs: args.jobs.map(usize::from),
    };
    let bar = ProgressBar::new(!args.quiet && std::io::stderr().is_terminal());
    match build::build_with_progress(&project, &options, &bar)? {
        BuildOutcome::Refused(report) => {
            eprint!("{}", report::human(&report, &|f| source_text(&project, f)));
            eprintln!("build: not published: fix the errors above (or see --missing)");
            Ok(ExitCode::from(1))
        }
        BuildOutcome::Built(summary, report) => {
            if !args.quiet {
                if report.warnings() > 0 {
                    eprint!("{}", report::human(&report, &|f| source_text(&project, f)));
                }
                let source = &project.config.source;
                eprint!(
                    "{}",
                    report::build_summary(&summary, source, started.elapsed())
                );
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// A progress bar on stderr for builds long enough to want one (on a terminal, without -q).
struct ProgressBar {
    enabled: bool,
    bar: std::sync::OnceLock<indicatif::ProgressBar>,
}

impl ProgressBar {
    /// Below this many pages a build is over before a bar would help.
    const MIN_PAGES: usize = 200;

    fn new(enabled: bool) -> Self {
        ProgressBar {
            enabled,
            bar: std::sync::OnceLock::new(),
        }
    }
}

impl build::Progress for ProgressBar {
    fn start(&self, total: usize) {
        if self.enabled && total >= Self::MIN_PAGES {
            let bar = indicatif::ProgressBar::new(total as u64);
            bar.set_style(
                indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} pages, {eta} left")
                    .expect("a valid template"),
            );
            let _ = self.bar.set(bar);
        }
    }

    fn step(&self) {
        if let Some(bar) = self.bar.get() {
            bar.inc(1);
        }
    }

    fn finish(&self) {
        if let Some(bar) = self.bar.get() {
            bar.finish_and_clear();
        }
    }
}

/// The text of a project file by its reported path, for diagnostic snippets.
fn source_text(project: &Project, file: &str) -> Option<String> {
    project.text_of_path(file)
}

fn exit_for(report: &Report) -> ExitCode {
    if report.errors() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Print to stdout; a closed pipe (`gazette check | head`) is not an error.
fn print_stdout(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cli_is_well_formed() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
