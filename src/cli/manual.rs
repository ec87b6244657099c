//! gazette's manual pages: NAME, SYNOPSIS, DESCRIPTION, OPTIONS (and COMMANDS) from the
//! parser's own definition by clap_mangen, then what a manual has that `--help` has not:
//! EXAMPLES, EXIT STATUS, FILES, DIAGNOSTICS (every code, with its meaning from the README's
//! table, so the two never differ) and SEE ALSO, which names only pages `gazette man --out`
//! writes.

use std::process::ExitCode;

use clap::CommandFactory;
use clap_mangen::Man;
use roff::{bold, italic, roman, Inline, Roff};

use gazette::check::{Code, Severity};
use gazette::report;

use super::args::{Cli, ManArgs};
use super::output::{print_stdout, Ui};

/// `gazette man [COMMAND]`: gazette(1), or gazette-COMMAND(1), in roff; `--out DIR`: every
/// page, into DIR.
pub(super) fn run_man(args: &ManArgs, ui: Ui) -> anyhow::Result<ExitCode> {
    // No page for `help`, which only prints `--help`.
    let mut cli = Cli::command().disable_help_subcommand(true);
    // Built, so that each command holds the global options and its full name.
    cli.build();
    let Some(dir) = &args.out else {
        let page = page(&cli, args.command.as_deref())?;
        print_stdout(page.roff)?;
        return Ok(ExitCode::SUCCESS);
    };
    std::fs::create_dir_all(dir).map_err(|e| anyhow::anyhow!("{}: {e}", dir.display()))?;
    let pages = pages(&cli)?;
    for page in &pages {
        let path = dir.join(page.file_name());
        std::fs::write(&path, &page.roff)
            .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    }
    if !ui.quiet {
        let names: Vec<String> = pages.iter().map(Page::file_name).collect();
        print_stdout(format!(
            "man: {} written to {}: {}\n",
            report::count(pages.len(), "page"),
            dir.display(),
            names.join(", ")
        ))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// One manual page: its name (`gazette-build`) and its roff.
pub struct Page {
    pub name: String,
    pub roff: Vec<u8>,
}

impl Page {
    /// Its file name in a manual's section 1 (`gazette-build.1`).
    pub fn file_name(&self) -> String {
        format!("{}.1", self.name)
    }
}

/// The commands with a page of their own (`help` has none: it prints `--help`).
pub fn commands(cli: &clap::Command) -> Vec<String> {
    cli.get_subcommands()
        .map(|c| c.get_name().to_owned())
        .filter(|n| n != "help")
        .collect()
}

/// Every page: gazette(1), then one per command, in the order of the command list.
pub fn pages(cli: &clap::Command) -> anyhow::Result<Vec<Page>> {
    let mut pages = vec![page(cli, None)?];
    for name in commands(cli) {
        pages.push(page(cli, Some(&name))?);
    }
    Ok(pages)
}

/// gazette(1), or the page of command `name` with the options every command takes. `cli` is
/// built (each command holds the global options and its full name).
pub fn page(cli: &clap::Command, name: Option<&str>) -> anyhow::Result<Page> {
    let (command, page_name) = match name {
        None => (cli.clone(), "gazette".to_owned()),
        Some(name) => {
            let Some(command) = cli.find_subcommand(name).filter(|_| name != "help") else {
                anyhow::bail!(
                    "man: `{name}` is not a gazette command ({})",
                    commands(cli).join(", ")
                );
            };
            let command = command.clone().version(env!("CARGO_PKG_VERSION"));
            (command, format!("gazette-{name}"))
        }
    };
    let examples = command.get_after_help().map(|h| h.to_string());
    // The examples get a section of their own, not clap_mangen's "EXTRA".
    let man = Man::new(command.clone().after_help(None::<&str>))
        .title(page_name.clone())
        .source(format!("gazette {}", env!("CARGO_PKG_VERSION")));
    let mut roff = Vec::new();
    man.render_title(&mut roff)?;
    let preamble = Roff::new().render();
    let mut section = |render: &dyn Fn(&mut Vec<u8>) -> std::io::Result<()>| {
        let mut text = Vec::new();
        render(&mut text)?;
        roff.extend_from_slice(text.strip_prefix(preamble.as_bytes()).unwrap_or(&text));
        std::io::Result::Ok(())
    };
    section(&|w| man.render_name_section(w))?;
    section(&|w| man.render_synopsis_section(w))?;
    section(&|w| man.render_description_section(w))?;
    section(&|w| man.render_options_section(w))?;
    if command.has_subcommands() {
        section(&|w| man.render_subcommands_section(w))?;
    }
    let mut more = Roff::new();
    if let Some(examples) = examples {
        examples_section(&mut more, &examples);
    }
    exit_status_section(&mut more);
    files_section(&mut more);
    diagnostics_section(&mut more);
    see_also_section(&mut more, cli, name);
    roff.extend_from_slice(more.to_roff().as_bytes());
    Ok(Page {
        name: page_name,
        roff,
    })
}

/// A titled paragraph: `.TP`, the tag in bold, the text.
fn item(roff: &mut Roff, tag: impl Into<Vec<Inline>>, text: &str) {
    roff.control("TP", []).text(tag).text([roman(text)]);
}

/// The help's examples (`  gazette …   what it does`), one per paragraph.
fn examples_section(roff: &mut Roff, examples: &str) {
    roff.control("SH", ["EXAMPLES"]);
    for line in examples.lines().filter(|l| l.starts_with("  ")) {
        let line = line.trim();
        let (command, what) = line.split_once("   ").unwrap_or((line, ""));
        item(roff, [bold(command)], what.trim());
    }
}

fn exit_status_section(roff: &mut Roff) {
    roff.control("SH", ["EXIT STATUS"]);
    item(roff, [bold("0")], "Success.");
    item(
        roff,
        [bold("1")],
        "The project has localisation errors: check failed, or build refused to publish.",
    );
    item(
        roff,
        [bold("2")],
        "A usage, configuration, I/O or content-file error, with one line on standard error \
         naming the file.",
    );
}

fn files_section(roff: &mut Roff) {
    roff.control("SH", ["FILES"]);
    for (file, what) in [
        ("gazette.toml", "The project's settings; the project is the nearest folder upward that holds it."),
        ("content/<slug>.toml", "An article: its structure, language-neutral."),
        ("locales/<lang>/<slug>.ftl", "An article's messages in one language (Fluent)."),
        ("locales/<lang>/site.ftl", "The site's shared strings in one language."),
        ("gazette.lock.d/", "The records of reviewed translations (gazette sync --accept)."),
        ("templates/", "Templates that override the built-in ones."),
        ("static/", "Files copied into the site as they are (images, video)."),
        ("out/", "The site gazette build publishes, replaced all at once."),
        (".gazette-cache/", "What the last builds were made of; always safe to delete when no gazette command runs."),
    ] {
        item(roff, [bold(file)], what);
    }
}

/// Every diagnostic code with its default severity and meaning.
fn diagnostics_section(roff: &mut Roff) {
    roff.control("SH", ["DIAGNOSTICS"]);
    roff.text([roman(
        "Findings of check and build, by code; errors exit 1, warnings only with \
         --deny-warnings.",
    )]);
    for code in Code::ALL {
        let severity = match code.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let meaning = code.meaning().replace('`', "").replace("\\|", "|");
        item(
            roff,
            [bold(code.as_str()), roman(format!(" ({severity})"))],
            &meaning,
        );
    }
}

/// gazette(1) names each command's page; a command's page names gazette(1) and the others.
fn see_also_section(roff: &mut Roff, cli: &clap::Command, name: Option<&str>) {
    roff.control("SH", ["SEE ALSO"]);
    let mut pages = vec!["gazette".to_owned()];
    pages.extend(commands(cli).iter().map(|c| format!("gazette-{c}")));
    let mut refs = Vec::new();
    let own = name.map_or("gazette".to_owned(), |n| format!("gazette-{n}"));
    for page in pages.iter().filter(|p| **p != own) {
        if !refs.is_empty() {
            refs.push(roman(", "));
        }
        refs.extend([bold(page.as_str()), roman("(1)")]);
    }
    roff.text(refs);
    roff.control("PP", []);
    roff.text([
        bold("gazette man --out"),
        roman(" "),
        italic("DIR"),
        roman(" writes every one of these pages into "),
        italic("DIR"),
        roman(" (for instance ~/.local/share/man/man1)."),
    ]);
}
