//! The command line: clap arguments -> library calls -> output and exit code. The only module
//! that prints.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod complete;
mod manual;

use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use gazette::check::{Code, Report, Severity};
use gazette::config::{CodeLevel, Level, Overrides, DEFAULT_SOURCE};
use gazette::incremental::Progress;
use gazette::localise::{MissingPolicy, Pseudo};
use gazette::ops::build::{self, BuildOptions, BuildOutcome};
use gazette::ops::check::check_languages;
use gazette::project::{self, Project};
use gazette::project_lock::{ProjectLock, Wait};
use gazette::report;
use gazette::scaffold;
use gazette::serve;
use gazette::sync::{self, Accept};

/// Check Fluent translations and publish articles as HTML and plain text in every language.
#[derive(Debug, Parser)]
#[command(
    name = "gazette",
    version,
    about,
    max_term_width = 100,
    after_help = "Examples, in the order of a day's work:
  gazette init my-paper --targets en,de   start a project
  gazette new budget-2026                 start an article
  gazette serve --open                    preview it in the browser, rebuilt on save
  gazette sync --all                      give every target language its stubs to translate
  gazette check                           what is still missing or broken
  gazette status                          how far each language is
  gazette build                           publish out/ once every stub is translated"
)]
pub struct Cli {
    /// Run as if gazette was started in DIR.
    #[arg(
        short = 'C',
        long = "directory",
        value_name = "DIR",
        global = true,
        default_value = ".",
        help_heading = GLOBAL
    )]
    dir: PathBuf,
    /// When to colour the output: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(
        long,
        value_enum,
        value_name = "WHEN",
        global = true,
        default_value_t = Color::Auto,
        hide_possible_values = true,
        help_heading = GLOBAL
    )]
    color: Color,
    /// Print only errors and what the command is asked for: no warnings, summaries or progress.
    #[arg(short, long, global = true, help_heading = GLOBAL)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

impl Cli {
    /// Parse the command line. clap's own help and usage errors follow `--color` too: as clap
    /// must be told before it parses, the option is looked for first.
    pub fn parse_args() -> Result<Cli, clap::Error> {
        let args: Vec<OsString> = std::env::args_os().collect();
        let command = Cli::command().color(clap_color(&args));
        Cli::from_arg_matches(&command.try_get_matches_from(args)?)
    }
}

/// The `--color` of a command line (the last one, before any `--`), for clap's own output.
fn clap_color(args: &[OsString]) -> clap::ColorChoice {
    let mut value = None;
    for (i, arg) in args.iter().enumerate() {
        let arg = arg.to_string_lossy();
        if arg == "--" {
            break;
        } else if let Some(v) = arg.strip_prefix("--color=") {
            value = Some(v.to_owned());
        } else if arg == "--color" {
            value = args.get(i + 1).map(|v| v.to_string_lossy().into_owned());
        }
    }
    match value.as_deref() {
        Some("always") => clap::ColorChoice::Always,
        Some("never") => clap::ColorChoice::Never,
        _ => clap::ColorChoice::Auto,
    }
}

/// The heading of the options every command takes, listed after the command's own in each
/// command's help, so every help page has the same layout.
const GLOBAL: &str = "Global options";

/// The commands, in the order of a day's work: start, write, preview, translate, check,
/// publish; then moving or removing an article, the shell's and the manual's.
#[derive(Debug, Subcommand)]
enum Command {
    /// Start a project in DIR (default: here) that checks without errors and builds at once.
    #[command(after_help = "Examples:
  gazette init my-paper --source fr --targets en,de   a new folder
  gazette init --force --ci pages                     here, beside a README; publish on Pages")]
    Init(InitArgs),
    /// Start an article: content/<SLUG>.toml and the source language's <SLUG>.ftl.
    #[command(after_help = "Examples:
  gazette new budget-2026                      dated today
  gazette new budget-2026 --date 2026-01-15    dated that day")]
    New(NewArgs),
    /// Preview the site: build it, serve it on this machine, build again on every save and
    /// reload the open pages.
    #[command(after_help = "Examples:
  gazette serve --open               at http://127.0.0.1:3000/, in the browser
  gazette serve --missing error      refuse what `gazette build` refuses, as CI does")]
    Serve(ServeArgs),
    /// Add a stub for every missing message or attribute to a language's files, or record
    /// reviewed translations in gazette.lock.d/ (`--accept`); never changes existing text.
    #[command(after_help = "Examples:
  gazette sync --all                         stubs in every target language
  gazette sync de --dry-run                  what German would get
  gazette sync de --accept budget:title      German's title reviewed against the source")]
    Sync(SyncArgs),
    /// Validate every language without writing anything.
    #[command(after_help = "Examples:
  gazette check                          every language
  gazette check --lang de                German and the source
  gazette check --format github          annotations in GitHub Actions")]
    Check(CheckArgs),
    /// Show translation coverage per language and file (always exits 0; `check` enforces).
    #[command(after_help = "Examples:
  gazette status                 a table per language
  gazette status --format json   the same, for scripts")]
    Status(StatusArgs),
    /// Check the translations, then render every article in every language to out/.
    #[command(after_help = "Examples:
  gazette build                      the whole site, into out/
  gazette build --deny-warnings      in CI: a stale translation is not published either")]
    Build(BuildArgs),
    /// Rename an article in every language: its content file, its .ftl files and their
    /// records in gazette.lock.d/.
    #[command(after_help = "Examples:
  gazette mv budget-2026 budget-2026-vote   the article and its translations, renamed")]
    Mv(MvArgs),
    /// Remove an article in every language: its content file, its .ftl files and their
    /// records in gazette.lock.d/.
    #[command(after_help = "Examples:
  gazette rm welcome   the example article of init, in every language")]
    Rm(RmArgs),
    /// Print the script that completes gazette's commands, options and the project's
    /// languages in a shell.
    #[command(after_help = "Examples:
  source <(gazette completions bash)       in ~/.bashrc
  gazette completions fish | source        in ~/.config/fish/config.fish")]
    Completions(CompletionsArgs),
    /// Print the manual page of gazette, or of one of its commands, in roff; or write them all.
    #[command(after_help = "Examples:
  gazette man build | man -l -                read one page
  gazette man --out ~/.local/share/man/man1   install every page")]
    Man(ManArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

impl Color {
    /// Colour for `stream`? `auto` means for a person at a terminal who has not asked for
    /// none (no-color.org: a non-empty NO_COLOR).
    fn on(self, stream: &impl IsTerminal) -> bool {
        match self {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => {
                stream.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }
}

/// `--lang a,b`: languages to work on, spaces around each name ignored (`--lang "fr, en"`).
#[derive(Debug, clap::Args)]
struct LangArgs {
    /// Only these languages, comma-separated (default: all).
    #[arg(
        long,
        value_delimiter = ',',
        value_name = "LANG,...",
        value_parser = language,
        add = complete::languages()
    )]
    lang: Option<Vec<String>>,
}

/// One language of the command line (a name of a `--lang` list, `sync <LANG>`, `--source`),
/// trimmed: an empty one is a usage error rather than a language that matches nothing, and
/// so is a tag of no language (`french`: "did you mean `fr`?").
fn language(value: &str) -> Result<String, String> {
    match value.trim() {
        "" => Err("a language name is empty".to_owned()),
        lang => gazette::config::check_language_tag(lang).map(|()| lang.to_owned()),
    }
}

/// `--allow`, `--warn`, `--deny CODE`: what `check` and `build` make of a diagnostic code,
/// over the lists of the same names in gazette.toml's `[check]` (clippy's names).
#[derive(Debug, clap::Args)]
struct LevelArgs {
    /// Do not report CODE (e.g. `obsolete-message`); repeatable, as --warn and --deny are.
    #[arg(long, value_name = "CODE", value_delimiter = ',', value_parser = code)]
    allow: Vec<String>,
    /// Report CODE as a warning.
    #[arg(long, value_name = "CODE", value_delimiter = ',', value_parser = code)]
    warn: Vec<String>,
    /// Report CODE as an error.
    #[arg(long, value_name = "CODE", value_delimiter = ',', value_parser = code)]
    deny: Vec<String>,
}

impl LevelArgs {
    /// The levels given, each code in one option only (which of two would win is a guess).
    fn levels(&self) -> anyhow::Result<Vec<CodeLevel>> {
        let lists = [
            (Level::Allow, &self.allow),
            (Level::Warn, &self.warn),
            (Level::Deny, &self.deny),
        ];
        let mut levels: Vec<CodeLevel> = Vec::new();
        for (level, codes) in lists {
            for code in codes {
                if let Some(other) = levels.iter().find(|l| &l.code == code) {
                    anyhow::bail!(
                        "--{} {code}: `{code}` is also given to --{}: give it one level",
                        level.name(),
                        other.level.name()
                    );
                }
                levels.push(CodeLevel {
                    code: code.clone(),
                    level,
                    line: None,
                });
            }
        }
        Ok(levels)
    }
}

/// A diagnostic code of `--allow` and the like, with the nearest one when it is misspelt.
fn code(value: &str) -> Result<String, String> {
    Code::named(value.trim()).map(|c| c.as_str().to_owned())
}

#[derive(Debug, clap::Args)]
struct InitArgs {
    /// The folder to start the project in: new, empty or holding only `.git` (default: here;
    /// `--force` for one that holds other files).
    #[arg(value_name = "DIR")]
    path: Option<PathBuf>,
    /// The language articles are written in.
    #[arg(long, value_name = "LANG", default_value = "fr")]
    source: String,
    /// The languages they are translated into, comma-separated.
    #[arg(
        long,
        value_name = "LANG,...",
        value_delimiter = ',',
        value_parser = list_item,
        default_value = "en,de"
    )]
    targets: Vec<String>,
    /// The GitHub Actions workflows to write: `check` runs `gazette check` on every push and
    /// pull request; `pages` also publishes the site on GitHub Pages.
    #[arg(long, value_enum, value_name = "WHICH", default_value_t = Ci::Check)]
    ci: Ci,
    /// Start the project in a folder that holds other files too: write only the files that
    /// are not there, never over one.
    #[arg(long)]
    force: bool,
}

/// One item of a comma-separated list, spaces around it ignored (`--targets "en, de"`).
fn list_item(value: &str) -> Result<String, String> {
    Ok(value.trim().to_owned())
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Ci {
    None,
    Check,
    Pages,
}

impl From<Ci> for scaffold::Ci {
    fn from(ci: Ci) -> Self {
        match ci {
            Ci::None => scaffold::Ci::None,
            Ci::Check => scaffold::Ci::Check,
            Ci::Pages => scaffold::Ci::Pages,
        }
    }
}

#[derive(Debug, clap::Args)]
struct NewArgs {
    /// The article's slug: lowercase ASCII letters, digits and `-` (its file name and URL).
    #[arg(value_name = "SLUG")]
    slug: String,
    /// Publication date, YYYY-MM-DD (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<jiff::civil::Date>,
}

#[derive(Debug, clap::Args)]
struct RmArgs {
    /// The article's slug (its content file's name, without `.toml`).
    #[arg(value_name = "SLUG")]
    slug: String,
}

#[derive(Debug, clap::Args)]
struct MvArgs {
    /// The article's slug.
    #[arg(value_name = "OLD")]
    old: String,
    /// Its new slug: lowercase ASCII letters, digits and `-`.
    #[arg(value_name = "NEW")]
    new: String,
}

#[derive(Debug, clap::Args)]
struct ServeArgs {
    /// Port to listen on (0: any free one).
    #[arg(short, long, value_name = "N", default_value_t = 3000)]
    port: u16,
    /// Address to listen on: this machine only, unless another is given (`0.0.0.0`: every
    /// network the machine is on).
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
    bind: std::net::IpAddr,
    /// Open the preview in the default browser once it is built.
    #[arg(long)]
    open: bool,
    /// What to do when a translation is missing: unlike `build`, show the source text with a
    /// banner listing what is missing (fallback); `error` previews as `build` publishes.
    #[arg(long, value_enum, default_value_t = Missing::Fallback)]
    missing: Missing,
    /// Add a pseudo-locale edition of the source language, as in `build`.
    #[arg(long, value_enum, value_name = "KIND")]
    pseudo: Option<PseudoKind>,
}

#[derive(Debug, clap::Args)]
struct StatusArgs {
    #[command(flatten)]
    lang: LangArgs,
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
    /// The target language to sync (e.g. `de`; `--all` for every one).
    #[arg(
        value_name = "LANG",
        value_parser = language,
        conflicts_with = "all",
        add = complete::targets()
    )]
    lang: Option<String>,
    /// Sync every target language.
    #[arg(long)]
    all: bool,
    /// Print what would be added or recorded, without writing anything.
    #[arg(long)]
    dry_run: bool,
    /// Record the current source text of these translations as reviewed (clears
    /// `stale-translation`); adds no stubs. FILE is a source file's name (`site.ftl`) or an
    /// article's slug; a bare ID must be in one file only.
    #[arg(
        long,
        value_name = "[FILE:]ID",
        num_args = 1..,
        allow_hyphen_values = true,
        add = complete::articles()
    )]
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
    #[command(flatten)]
    lang: LangArgs,
    /// Output folder (default: `out`, or `out` in gazette.toml).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// What to do when a translation is missing: refuse to publish (error, exit 1), show the
    /// source text marked as such (fallback), or leave the article out of that language (skip).
    #[arg(long, value_enum, default_value_t = Missing::Error)]
    missing: Missing,
    /// Refuse to publish (exit 1) when there are warnings, such as stale translations.
    #[arg(long)]
    deny_warnings: bool,
    #[command(flatten)]
    levels: LevelArgs,
    /// Add a pseudo-locale edition of the source language, to find truncation and direction
    /// bugs before any translation: accented (`und-x-ploc`) or bidi (`und-x-plocm`, right to left).
    /// In no feed and no sitemap.
    #[arg(long, value_enum, value_name = "KIND")]
    pseudo: Option<PseudoKind>,
    /// Worker threads (default: every core).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    /// Fail at once (exit 2) if another gazette command is writing to the project, instead
    /// of waiting for it.
    #[arg(long)]
    no_wait: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Missing {
    Error,
    Fallback,
    Skip,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum PseudoKind {
    Accented,
    Bidi,
}

impl From<PseudoKind> for Pseudo {
    fn from(kind: PseudoKind) -> Pseudo {
        match kind {
            PseudoKind::Accented => Pseudo::Accented,
            PseudoKind::Bidi => Pseudo::Bidi,
        }
    }
}

impl From<Missing> for MissingPolicy {
    fn from(missing: Missing) -> MissingPolicy {
        match missing {
            Missing::Error => MissingPolicy::Error,
            Missing::Fallback => MissingPolicy::Fallback,
            Missing::Skip => MissingPolicy::Skip,
        }
    }
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    #[command(flatten)]
    lang: LangArgs,
    /// Output format (sarif: SARIF 2.1.0, for code scanning).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Treat warnings as errors.
    #[arg(long)]
    deny_warnings: bool,
    #[command(flatten)]
    levels: LevelArgs,
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
    Sarif,
}

#[derive(Debug, clap::Args)]
struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    shell: clap_complete::Shell,
}

#[derive(Debug, clap::Args)]
struct ManArgs {
    /// The command whose page to print (default: gazette's own, which lists the commands).
    #[arg(value_name = "COMMAND", conflicts_with = "out")]
    command: Option<String>,
    /// Write every page (gazette.1, gazette-<command>.1) into DIR instead, made if missing.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

/// Run the command line. A fatal error is printed here, with the line of the file it names
/// ([`report::fatal`]), and exits 2.
pub fn run(cli: Cli) -> ExitCode {
    let colour = cli.color.on(&std::io::stderr());
    let root = match project_root(&cli) {
        Ok(root) => root,
        Err(e) => return failed(&e, &cli.dir, colour),
    };
    match execute(cli, &root) {
        Ok(code) => code,
        Err(e) => failed(&e, &root, colour),
    }
}

fn failed(error: &anyhow::Error, root: &Path, colour: bool) -> ExitCode {
    eprint!("{}", report::fatal(error, root, colour));
    ExitCode::from(2)
}

/// The folder a command works on: the project the folder is in, found upward, for every
/// command but `init`, `completions`, `man` and `check PATH` (which names the folder of
/// languages from where it is run).
fn project_root(cli: &Cli) -> anyhow::Result<PathBuf> {
    Ok(match &cli.command {
        Command::Init(_)
        | Command::Completions(_)
        | Command::Man(_)
        | Command::Check(CheckArgs { path: Some(_), .. }) => cli.dir.clone(),
        Command::Check(_) | Command::Status(_) => {
            project::find_root(&cli.dir, project::Discovery::Layout)?
        }
        _ => project::find_root(&cli.dir, project::Discovery::Settings)?,
    })
}

fn execute(cli: Cli, root: &Path) -> anyhow::Result<ExitCode> {
    let ui = Ui {
        color: cli.color,
        quiet: cli.quiet,
    };
    match cli.command {
        Command::Init(args) => run_init(root, &args, ui),
        Command::Completions(args) => run_completions(&args),
        Command::Man(args) => run_man(&args, ui),
        Command::Check(args) => run_check(root, &args, ui),
        Command::Build(args) => run_build(root, &args, ui),
        Command::Status(args) => run_status(root, &args, ui),
        Command::Sync(args) => run_sync(root, &args, ui),
        Command::New(args) => run_new(root, &args, ui),
        Command::Rm(args) => run_files(root, "gazette rm", ui, |p| {
            scaffold::articles::remove(p, &args.slug)
        }),
        Command::Mv(args) => run_files(root, "gazette mv", ui, |p| {
            scaffold::articles::rename(p, &args.old, &args.new)
        }),
        Command::Serve(args) => run_serve(root, &args, ui),
    }
}

/// Today where the newsroom is (the system's time zone), `YYYY-MM-DD`.
fn today() -> String {
    jiff::Zoned::now().date().to_string()
}

fn run_init(dir: &Path, args: &InitArgs, ui: Ui) -> anyhow::Result<ExitCode> {
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

fn run_new(root: &Path, args: &NewArgs, ui: Ui) -> anyhow::Result<ExitCode> {
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
fn run_files(
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

fn run_serve(root: &Path, args: &ServeArgs, ui: Ui) -> anyhow::Result<ExitCode> {
    let server = serve::Server::bind(root, args.bind, args.port, args.missing.into())?
        .with_pseudo(args.pseudo.map(Pseudo::from));
    if !args.bind.is_loopback() {
        eprintln!(
            "warning: listening on {}: other machines can reach this preview",
            args.bind
        );
    }
    let open = args.open;
    server.run(&|event| {
        if let serve::Event::Serving { url } = &event {
            if open {
                if let Err(why) = serve::open_in_browser(&format!("{url}/")) {
                    eprintln!("warning: could not open a browser ({why}): open {url}/ by hand");
                }
            }
        }
        print_serve_event(&event, ui);
    })?;
    Ok(ExitCode::SUCCESS)
}

/// The global options about output: `--color` and `-q`.
#[derive(Debug, Clone, Copy)]
struct Ui {
    color: Color,
    quiet: bool,
}

/// Take the project lock for a command that writes; tell the user when it has to wait.
fn lock(dir: &Path, command: &str, no_wait: bool) -> anyhow::Result<ProjectLock> {
    let wait = if no_wait { Wait::No } else { Wait::Yes };
    let lock = ProjectLock::acquire(dir, command, wait, |holder| {
        eprintln!(
            "waiting for {} to finish: it is writing to this project",
            report::shown(holder)
        );
    })?;
    Ok(lock)
}

fn run_status(dir: &Path, args: &StatusArgs, ui: Ui) -> anyhow::Result<ExitCode> {
    let project = Project::load_lazy(dir)?;
    let report = check_languages(&project, args.lang.lang.as_deref())?;
    let text = match args.format {
        StatusFormat::Human => report::status_human(&report, ui.color.on(&std::io::stdout())),
        StatusFormat::Json => report::status_json(&report),
    };
    print_stdout(text)?;
    Ok(ExitCode::SUCCESS)
}

fn run_sync(dir: &Path, args: &SyncArgs, ui: Ui) -> anyhow::Result<ExitCode> {
    if args.lang.is_none() && !args.all {
        let targets = Project::load_lazy(dir)?.targets();
        anyhow::bail!("{}", report::sync_which_language(&targets));
    }
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
    // What a dry run would do is what it is asked for; what a sync did is a summary.
    if args.dry_run || !ui.quiet {
        print_stdout(report::sync_plan(&plan, args.dry_run))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn run_check(dir: &Path, args: &CheckArgs, ui: Ui) -> anyhow::Result<ExitCode> {
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

/// A report for people: with `-q`, its errors alone, without the summary line.
fn human(project: &Project, report: &Report, ui: Ui, colour: bool) -> String {
    let source_of = |f: &str| source_text(project, f);
    if !ui.quiet {
        return report::human(report, &source_of, colour);
    }
    report::diagnostics_human(&errors_only(report), &source_of, colour)
}

/// What `-q` shows of a report: its errors.
fn errors_only(report: &Report) -> Report {
    let diagnostics = report.diagnostics.iter();
    Report {
        diagnostics: diagnostics
            .filter(|d| d.severity == Severity::Error)
            .cloned()
            .collect(),
        ..Report::default()
    }
}

fn run_build(dir: &Path, args: &BuildArgs, ui: Ui) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    if let Some(jobs) = args.jobs {
        // Loading the project reads files in parallel too: on as many threads as the build.
        rayon::ThreadPoolBuilder::new()
            .num_threads(usize::from(jobs))
            .build_global()?;
    }
    let overrides = Overrides {
        levels: args.levels.levels()?,
        ..Overrides::default()
    };
    let _lock = lock(dir, "gazette build", args.no_wait)?;
    let project = Project::load_lazy_with(dir, &overrides)?;
    let options = BuildOptions {
        langs: args.lang.lang.clone(),
        out: args.out.clone(),
        missing: args.missing.into(),
        jobs: args.jobs.map(usize::from),
        deny_warnings: args.deny_warnings,
        preview: false,
        pseudo: args.pseudo.map(Pseudo::from),
    };
    let stderr = std::io::stderr();
    let colour = ui.color.on(&stderr);
    let bar = ProgressBar::new(!ui.quiet && stderr.is_terminal());
    match build::build_with_progress(&project, &options, &bar)? {
        BuildOutcome::Refused(report) => {
            eprint!("{}", human(&project, &report, ui, colour));
            let see = if args.deny_warnings {
                "--deny-warnings counts warnings as errors"
            } else {
                "or see --missing"
            };
            eprintln!("build: not published: fix the errors above ({see})");
            Ok(ExitCode::from(1))
        }
        BuildOutcome::Built(summary, report) => {
            if !ui.quiet {
                if report.warnings() > 0 {
                    eprint!("{}", human(&project, &report, ui, colour));
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

/// One line per build of `gazette serve` (a preview runs for hours: its lines are its log;
/// `-q` leaves out those of good builds); a failed build's diagnostics on stderr, as `build`
/// prints them.
fn print_serve_event(event: &serve::Event, ui: Ui) {
    let ms = |d: &std::time::Duration| d.as_millis();
    match event {
        serve::Event::Serving { url } => {
            let _ = print_stdout(format!("serving {url}/ (Ctrl-C to stop)\n"));
        }
        serve::Event::Built { .. } | serve::Event::Unchanged { .. } if ui.quiet => {}
        serve::Event::Built { files, elapsed } => {
            let files = report::count(*files, "file");
            let _ = print_stdout(format!("built in {} ms: {files} changed\n", ms(elapsed)));
        }
        serve::Event::Unchanged { elapsed } => {
            let _ = print_stdout(format!("built in {} ms: nothing changed\n", ms(elapsed)));
        }
        serve::Event::Failed { text } => {
            eprint!("{}", report::shown_lines(text));
            eprintln!("serve: the build failed: the preview shows why until it is fixed");
        }
        serve::Event::Waiting { holder } => {
            eprintln!(
                "waiting for {} to finish: it is writing to this project",
                report::shown(holder)
            );
        }
        serve::Event::Fallbacks { pages } => {
            let pages = report::count(*pages, "page");
            eprintln!(
                "note: texts not yet translated are shown in the source language on {pages}, \
                 each with a banner listing them (serve's --missing fallback; `gazette build` \
                 refuses them, as --missing error would here)"
            );
        }
    }
}

/// `gazette completions <shell>`: the script that has the shell ask gazette at each Tab.
fn run_completions(args: &CompletionsArgs) -> anyhow::Result<ExitCode> {
    print_stdout(complete::registration(args.shell)?)?;
    Ok(ExitCode::SUCCESS)
}

/// Answer the shell's completion request, if this run is one (then exit).
pub fn complete_if_asked() {
    complete::answer_if_asked(<Cli as CommandFactory>::command);
}

/// `gazette man [COMMAND]`: gazette(1), or gazette-COMMAND(1), in roff; `--out DIR`: every
/// page, into DIR.
fn run_man(args: &ManArgs, ui: Ui) -> anyhow::Result<ExitCode> {
    // No page for `help`, which only prints `--help`.
    let mut cli = Cli::command().disable_help_subcommand(true);
    // Built, so that each command holds the global options and its full name.
    cli.build();
    let Some(dir) = &args.out else {
        let page = manual::page(&cli, args.command.as_deref())?;
        print_stdout(page.roff)?;
        return Ok(ExitCode::SUCCESS);
    };
    std::fs::create_dir_all(dir).map_err(|e| anyhow::anyhow!("{}: {e}", dir.display()))?;
    let pages = manual::pages(&cli)?;
    for page in &pages {
        let path = dir.join(page.file_name());
        std::fs::write(&path, &page.roff)
            .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    }
    if !ui.quiet {
        let names: Vec<String> = pages.iter().map(manual::Page::file_name).collect();
        print_stdout(format!(
            "man: {} written to {}: {}\n",
            report::count(pages.len(), "page"),
            dir.display(),
            names.join(", ")
        ))?;
    }
    Ok(ExitCode::SUCCESS)
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

impl Progress for ProgressBar {
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
fn print_stdout(text: impl AsRef<[u8]>) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_ref()).and_then(|()| out.flush()) {
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
