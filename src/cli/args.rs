//! The command line's arguments, as clap reads them, and what each option means to the library.

use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use gazette::check::Code;
use gazette::config::{CodeLevel, Level};
use gazette::localise::{MissingPolicy, Pseudo};
use gazette::scaffold;

use super::complete;

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
    pub dir: PathBuf,
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
    pub color: Color,
    /// Print only errors and what the command is asked for: no warnings, summaries or progress.
    #[arg(short, long, global = true, help_heading = GLOBAL)]
    pub quiet: bool,
    #[command(subcommand)]
    pub command: Command,
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
pub enum Command {
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
pub enum Color {
    Auto,
    Always,
    Never,
}

impl Color {
    /// Colour for `stream`? `auto` means for a person at a terminal who has not asked for
    /// none (no-color.org: a non-empty NO_COLOR).
    pub fn on(self, stream: &impl IsTerminal) -> bool {
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
pub struct LangArgs {
    /// Only these languages, comma-separated (default: all).
    #[arg(
        long,
        value_delimiter = ',',
        value_name = "LANG,...",
        value_parser = language,
        add = complete::languages()
    )]
    pub lang: Option<Vec<String>>,
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
pub struct LevelArgs {
    /// Do not report CODE (e.g. `obsolete-message`); repeatable, as --warn and --deny are.
    #[arg(long, value_name = "CODE", value_delimiter = ',', value_parser = code)]
    pub allow: Vec<String>,
    /// Report CODE as a warning.
    #[arg(long, value_name = "CODE", value_delimiter = ',', value_parser = code)]
    pub warn: Vec<String>,
    /// Report CODE as an error.
    #[arg(long, value_name = "CODE", value_delimiter = ',', value_parser = code)]
    pub deny: Vec<String>,
}

impl LevelArgs {
    /// The levels given, each code in one option only (which of two would win is a guess).
    pub fn levels(&self) -> anyhow::Result<Vec<CodeLevel>> {
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
pub struct InitArgs {
    /// The folder to start the project in: new, empty or holding only `.git` (default: here;
    /// `--force` for one that holds other files).
    #[arg(value_name = "DIR")]
    pub path: Option<PathBuf>,
    /// The language articles are written in.
    #[arg(long, value_name = "LANG", default_value = "fr")]
    pub source: String,
    /// The languages they are translated into, comma-separated.
    #[arg(
        long,
        value_name = "LANG,...",
        value_delimiter = ',',
        value_parser = list_item,
        default_value = "en,de"
    )]
    pub targets: Vec<String>,
    /// The GitHub Actions workflows to write: `check` runs `gazette check` on every push and
    /// pull request; `pages` also publishes the site on GitHub Pages.
    #[arg(long, value_enum, value_name = "WHICH", default_value_t = Ci::Check)]
    pub ci: Ci,
    /// Start the project in a folder that holds other files too: write only the files that
    /// are not there, never over one.
    #[arg(long)]
    pub force: bool,
}

/// One item of a comma-separated list, spaces around it ignored (`--targets "en, de"`).
fn list_item(value: &str) -> Result<String, String> {
    Ok(value.trim().to_owned())
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Ci {
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
pub struct NewArgs {
    /// The article's slug: lowercase ASCII letters, digits and `-` (its file name and URL).
    #[arg(value_name = "SLUG")]
    pub slug: String,
    /// Publication date, YYYY-MM-DD (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<jiff::civil::Date>,
}

#[derive(Debug, clap::Args)]
pub struct RmArgs {
    /// The article's slug (its content file's name, without `.toml`).
    #[arg(value_name = "SLUG")]
    pub slug: String,
}

#[derive(Debug, clap::Args)]
pub struct MvArgs {
    /// The article's slug.
    #[arg(value_name = "OLD")]
    pub old: String,
    /// Its new slug: lowercase ASCII letters, digits and `-`.
    #[arg(value_name = "NEW")]
    pub new: String,
}

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Port to listen on (0: any free one).
    #[arg(short, long, value_name = "N", default_value_t = 3000)]
    pub port: u16,
    /// Address to listen on: this machine only, unless another is given (`0.0.0.0`: every
    /// network the machine is on).
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// Open the preview in the default browser once it is built.
    #[arg(long)]
    pub open: bool,
    /// What to do when a translation is missing: unlike `build`, show the source text with a
    /// banner listing what is missing (fallback); `error` previews as `build` publishes.
    #[arg(long, value_enum, default_value_t = Missing::Fallback)]
    pub missing: Missing,
    /// Add a pseudo-locale edition of the source language, as in `build`.
    #[arg(long, value_enum, value_name = "KIND")]
    pub pseudo: Option<PseudoKind>,
}

#[derive(Debug, clap::Args)]
pub struct StatusArgs {
    #[command(flatten)]
    pub lang: LangArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = StatusFormat::Human)]
    pub format: StatusFormat,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum StatusFormat {
    Human,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct SyncArgs {
    /// The target language to sync (e.g. `de`; `--all` for every one).
    #[arg(
        value_name = "LANG",
        value_parser = language,
        conflicts_with = "all",
        add = complete::targets()
    )]
    pub lang: Option<String>,
    /// Sync every target language.
    #[arg(long)]
    pub all: bool,
    /// Print what would be added or recorded, without writing anything.
    #[arg(long)]
    pub dry_run: bool,
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
    pub accept: Vec<String>,
    /// Record the current source text of every translation as reviewed; adds no stubs.
    #[arg(long, conflicts_with = "accept")]
    pub accept_all: bool,
    /// Fail at once (exit 2) if another gazette command is writing to the project, instead
    /// of waiting for it.
    #[arg(long)]
    pub no_wait: bool,
}

#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub lang: LangArgs,
    /// Output folder (default: `out`, or `out` in gazette.toml).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// What to do when a translation is missing: refuse to publish (error, exit 1), show the
    /// source text marked as such (fallback), or leave the article out of that language (skip).
    #[arg(long, value_enum, default_value_t = Missing::Error)]
    pub missing: Missing,
    /// Refuse to publish (exit 1) when there are warnings, such as stale translations.
    #[arg(long)]
    pub deny_warnings: bool,
    #[command(flatten)]
    pub levels: LevelArgs,
    /// Add a pseudo-locale edition of the source language, to find truncation and direction
    /// bugs before any translation: accented (`und-x-ploc`) or bidi (`und-x-plocm`, right to left).
    /// In no feed and no sitemap.
    #[arg(long, value_enum, value_name = "KIND")]
    pub pseudo: Option<PseudoKind>,
    /// Worker threads (default: every core).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// Fail at once (exit 2) if another gazette command is writing to the project, instead
    /// of waiting for it.
    #[arg(long)]
    pub no_wait: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Missing {
    Error,
    Fallback,
    Skip,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PseudoKind {
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
pub struct CheckArgs {
    #[command(flatten)]
    pub lang: LangArgs,
    /// Output format (sarif: SARIF 2.1.0, for code scanning).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Treat warnings as errors.
    #[arg(long)]
    pub deny_warnings: bool,
    #[command(flatten)]
    pub levels: LevelArgs,
    /// The source language (default: `source` of gazette.toml or l10n.toml, else the `en-US`
    /// or `en` folder of a project without `content/`, else `fr`).
    #[arg(long, value_name = "LANG")]
    pub source: Option<String>,
    /// The folder of language folders, relative to the project (default: `locales` of
    /// gazette.toml or l10n.toml's paths, else `locales/`, `i18n/`, `l10n/` or the project
    /// folder itself).
    #[arg(value_name = "PATH")]
    pub path: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    Human,
    Json,
    Github,
    Sarif,
}

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// The command whose page to print (default: gazette's own, which lists the commands).
    #[arg(value_name = "COMMAND", conflicts_with = "out")]
    pub command: Option<String>,
    /// Write every page (gazette.1, gazette-<command>.1) into DIR instead, made if missing.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}
