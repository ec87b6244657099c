//! Fault-injection suite (issue 11): builds that are killed, raced, fed a corrupt cache or a
//! tampered `out/` must still end in the site a full build of the same inputs gives.
//!
//! ```sh
//! scripts/faults                       # builds gazette with --release, runs all
//! scripts/faults --profile dev         # the debug gazette: no release build, slower cases
//! scripts/faults --only kills --seed 7 # one case, with the timings and flips of seed 7
//! ```
//!
//! Every case compares trees byte for byte (relative path and bytes of every file, except the
//! `.gazette-output` marker, whose content is gazette's own business) with a build of a copy
//! of the same inputs into a fresh folder with no cache. Timings and random choices come from
//! one seed, printed first, so a failure can be replayed; the kill delays are spread over a
//! measured rebuild, so they land in every phase of it. A case passes or fails as a whole and
//! prints why; the program exits 1 when any case failed.
//!
//! A program rather than a test: the cases run against the binary as a user runs it (the
//! release one by default), one at a time (two would race for the machine's cores and change
//! the timings), and report as they go.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode};
use std::thread::sleep;
use std::time::{Duration, Instant, SystemTime};

use anyhow::{bail, Context as _, Result};
use xxhash_rust::xxh3::xxh3_128;

const USAGE: &str =
    "usage: faults [--gazette BIN] [--gen BIN] [--dir DIR] [--seed N] [--only NAME,...]
              [--kills N] [--flips N] [--keep]

Runs the fault-injection cases against a gazette (default: the gazette and gen-corpus
binaries beside this program, of its own profile) in a temporary folder under DIR (default: the system's), removed
at the end unless --keep. Cases: kills, edit-undo, concurrent, bitflips, damaged-pages,
foreign-files, symlinked-out, leftovers, syncs, full-disk.";

/// The marker gazette keeps in `out/`: its content is an opaque id, not part of the site.
const MARKER: &str = ".gazette-output";
/// A project's inputs, copied to make the fresh reference build.
const INPUTS: [&str; 6] = [
    "gazette.toml",
    "gazette.lock",
    "gazette.lock.d",
    "content",
    "locales",
    "templates",
];
/// A build that takes longer than this is stuck (a lock never released, say).
const STUCK: Duration = Duration::from_secs(300);

type CaseFn = fn(&Ctx, &mut Case, &mut Rng) -> Result<()>;
const CASES: [(&str, CaseFn); 10] = [
    ("kills", kills),
    ("edit-undo", edit_undo),
    ("concurrent", concurrent),
    ("bitflips", bitflips),
    ("damaged-pages", damaged_pages),
    ("foreign-files", foreign_files),
    ("symlinked-out", symlinked_out),
    ("leftovers", leftovers),
    ("syncs", syncs),
    ("full-disk", full_disk),
];

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("faults: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<bool> {
    let here = std::env::current_exe()?;
    let examples = here.parent().context("no folder")?.to_path_buf();
    let mut ctx = Ctx {
        gazette: examples.join("../gazette"),
        gen: examples.join("gen-corpus"),
        work: std::env::temp_dir(),
        seed: SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)?
            .as_secs()
            % 100_000,
        kills: 20,
        flips: 60,
        runs: Default::default(),
    };
    let mut only: Option<Vec<String>> = None;
    let mut keep = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .with_context(|| format!("{arg} needs a value\n{USAGE}"))
        };
        match arg.as_str() {
            "--gazette" => ctx.gazette = value()?.into(),
            "--gen" => ctx.gen = value()?.into(),
            "--dir" => ctx.work = value()?.into(),
            "--seed" => ctx.seed = value()?.parse()?,
            "--kills" => ctx.kills = value()?.parse()?,
            "--flips" => ctx.flips = value()?.parse()?,
            "--only" => only = Some(value()?.split(',').map(str::to_owned).collect()),
            "--keep" => keep = true,
            _ => bail!("unknown argument {arg}\n{USAGE}"),
        }
    }
    if let Some(names) = &only {
        if let Some(bad) = names.iter().find(|n| !CASES.iter().any(|(c, _)| c == n)) {
            bail!("no case {bad}\n{USAGE}");
        }
    }
    fs::create_dir_all(&ctx.work)?;
    let temp = tempfile::Builder::new()
        .prefix("faults-")
        .tempdir_in(&ctx.work)?;
    ctx.work = temp.path().to_path_buf();
    println!(
        "faults: seed {} (replay with --seed {0}), {} in {}",
        ctx.seed,
        ctx.gazette.display(),
        ctx.work.display()
    );

    let mut failed = Vec::new();
    let started = Instant::now();
    for (number, (name, case_fn)) in CASES.iter().enumerate() {
        if only.as_ref().is_some_and(|o| !o.iter().any(|n| n == name)) {
            continue;
        }
        println!("== {} {name}", number + 1);
        let mut case = Case::default();
        let mut rng = Rng(ctx.seed.wrapping_mul(1000) + number as u64);
        let t = Instant::now();
        if let Err(e) = case_fn(&ctx, &mut case, &mut rng) {
            case.fail(format!("stopped: {e:#}"));
        }
        let verdict = if case.failures.is_empty() {
            "PASS"
        } else {
            "FAIL"
        };
        println!(
            "{verdict} {} {name} ({:.1} s){}",
            number + 1,
            t.elapsed().as_secs_f64(),
            match case.failures.len() {
                0 => String::new(),
                n => format!(": {n} failed checks"),
            }
        );
        if !case.failures.is_empty() {
            failed.push(*name);
        }
    }
    println!(
        "faults: {} in {:.0} s (seed {})",
        if failed.is_empty() {
            "every case passed".to_owned()
        } else {
            format!("FAILED {}", failed.join(", "))
        },
        started.elapsed().as_secs_f64(),
        ctx.seed
    );
    if keep {
        println!("faults: kept {}", temp.keep().display());
    }
    Ok(failed.is_empty())
}

/// What every case needs: the binaries, a work folder and the seed.
struct Ctx {
    gazette: PathBuf,
    gen: PathBuf,
    work: PathBuf,
    seed: u64,
    kills: usize,
    flips: usize,
    /// Processes started, to name their log files.
    runs: std::cell::Cell<usize>,
}

impl Ctx {
    /// A generated project of `articles` articles (seed 42) in the work folder, its inputs
    /// dated an hour back so that gazette records their stamps as it would in a real project.
    fn generate(&self, name: &str, articles: usize) -> Result<Project> {
        let root = self.work.join(name);
        let generated = Command::new(&self.gen)
            .args(["--articles", &articles.to_string(), "--seed", "42", "--out"])
            .arg(&root)
            .output()
            .with_context(|| format!("running {}", self.gen.display()))?;
        if !generated.status.success() {
            bail!(
                "gen-corpus failed: {}",
                String::from_utf8_lossy(&generated.stderr)
            );
        }
        let hour_ago = SystemTime::now() - Duration::from_secs(3600);
        for file in files_under(&root)? {
            set_mtime(&file, hour_ago)?;
        }
        Ok(Project { root })
    }

    /// Start `gazette -C <project> build <args>`, its output going to log files.
    fn spawn(&self, p: &Project, args: &[&str]) -> Result<Running> {
        self.spawn_command(p, "build", args)
    }

    /// Start `gazette -C <project> <command> <args>`, its output going to log files.
    fn spawn_command(&self, p: &Project, command: &str, args: &[&str]) -> Result<Running> {
        let n = self.runs.get() + 1;
        self.runs.set(n);
        let logs = self.work.join("logs");
        fs::create_dir_all(&logs)?;
        let (stdout, stderr) = (logs.join(format!("{n}.out")), logs.join(format!("{n}.err")));
        let child = Command::new(&self.gazette)
            .arg("-C")
            .arg(&p.root)
            .arg(command)
            .args(args)
            .env("NO_COLOR", "1")
            .stdout(File::create(&stdout)?)
            .stderr(File::create(&stderr)?)
            .spawn()
            .with_context(|| format!("running {}", self.gazette.display()))?;
        Ok(Running {
            child,
            stdout,
            stderr,
            started: Instant::now(),
        })
    }

    /// `gazette build <args>` on `p`, to the end.
    fn build(&self, p: &Project, args: &[&str]) -> Result<Done> {
        self.spawn(p, args)?.wait()
    }

    /// A full build of a copy of `p`'s inputs into a fresh folder, with no cache.
    fn fresh_build(&self, p: &Project, args: &[&str]) -> Result<Project> {
        let copy = Project {
            root: self.work.join("reference"),
        };
        let _ = fs::remove_dir_all(&copy.root);
        fs::create_dir_all(&copy.root)?;
        for item in INPUTS {
            copy_tree(&p.root.join(item), &copy.root.join(item))?;
        }
        let done = self.build(&copy, args)?;
        if done.code != Some(0) {
            bail!("the reference build failed: {}", done.log());
        }
        Ok(copy)
    }

    /// The tree of [`Ctx::fresh_build`]: what every case compares with.
    fn reference(&self, p: &Project, args: &[&str]) -> Result<Tree> {
        let copy = self.fresh_build(p, args)?;
        let tree = tree(&copy.out())?;
        fs::remove_dir_all(&copy.root)?;
        Ok(tree)
    }
}

/// A gazette project in the work folder.
struct Project {
    root: PathBuf,
}

impl Project {
    fn out(&self) -> PathBuf {
        self.root.join("out")
    }

    fn cache(&self) -> PathBuf {
        self.root.join(".gazette-cache")
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    /// The slugs of the articles another article links to (`…/<slug>.html` in its content
    /// file).
    fn linked_slugs(&self) -> Result<std::collections::HashSet<String>> {
        let mut linked = std::collections::HashSet::new();
        for entry in fs::read_dir(self.path("content"))? {
            let text = fs::read_to_string(entry?.path())?;
            for part in text
                .split(".html\"")
                .map(|t| t.rsplit('/').next().unwrap_or(t))
            {
                linked.insert(part.to_owned());
            }
        }
        Ok(linked)
    }

    /// The article slugs, sorted.
    fn slugs(&self) -> Result<Vec<String>> {
        let mut slugs: Vec<String> = fs::read_dir(self.path("content"))?
            .map(|e| {
                Ok(e?
                    .file_name()
                    .to_string_lossy()
                    .trim_end_matches(".toml")
                    .to_owned())
            })
            .collect::<Result<_>>()?;
        slugs.sort();
        Ok(slugs)
    }

    /// No `out/`, no cache: the next build is a first build.
    fn reset(&self) -> Result<()> {
        for dir in [self.out(), self.cache()] {
            if dir.exists() {
                fs::remove_dir_all(dir)?;
            }
        }
        Ok(())
    }

    /// Replace a message's line in a `.ftl` file by the same line with `suffix` appended.
    fn edit_message(&self, rel: &str, id: &str, suffix: &str) -> Result<()> {
        let path = self.path(rel);
        let text = edited(&fs::read_to_string(&path)?, id, suffix)
            .with_context(|| format!("no message {id} in {rel}"))?;
        fs::write(path, text)?;
        Ok(())
    }

    /// What is in the project folder and its cache folder (names only).
    fn listing(&self) -> Result<(BTreeSet<String>, BTreeSet<String>)> {
        Ok((names(&self.root)?, names(&self.cache())?))
    }

    /// Files and folders in the project or its cache that `baseline` (the listing after a
    /// clean build) does not have: what a killed or racing build left behind. Removed, so
    /// that the next check only sees what the next run leaves. The site a build replaced,
    /// kept as `.out.previous` for the next build, is no leftover.
    fn leftovers(&self, baseline: &(BTreeSet<String>, BTreeSet<String>)) -> Result<Vec<String>> {
        let (root, cache) = self.listing()?;
        let mut found = Vec::new();
        for (dir, now, before) in [
            ("", root, &baseline.0),
            (".gazette-cache/", cache, &baseline.1),
        ] {
            for name in now.difference(before) {
                if dir.is_empty() && name == ".out.previous" {
                    continue;
                }
                let path = self.root.join(dir).join(name);
                found.push(format!("{dir}{name} ({})", size_of(&path)));
                if path.is_dir() {
                    fs::remove_dir_all(&path)?;
                } else {
                    fs::remove_file(&path)?;
                }
            }
        }
        Ok(found)
    }
}

/// A gazette process.
struct Running {
    child: Child,
    stdout: PathBuf,
    stderr: PathBuf,
    started: Instant,
}

/// How a gazette process ended.
struct Done {
    /// `None` when it was killed.
    code: Option<i32>,
    stdout: String,
    stderr: String,
    elapsed: Duration,
}

impl Running {
    /// Wait for the end (a process stuck for [`STUCK`] is killed and reported).
    fn wait(mut self) -> Result<Done> {
        loop {
            if let Some(status) = self.child.try_wait()? {
                return self.done(status.code());
            }
            if self.started.elapsed() > STUCK {
                let _ = self.child.kill();
                self.child.wait()?;
                bail!("gazette still running after {} s: killed", STUCK.as_secs());
            }
            sleep(Duration::from_millis(2));
        }
    }

    /// SIGKILL now. Returns whether it had already finished, and how it ended.
    fn kill(mut self) -> Result<(bool, Done)> {
        let finished = self.child.try_wait()?.is_some();
        let _ = self.child.kill();
        let status = self.child.wait()?;
        Ok((finished, self.done(status.code())?))
    }

    fn done(self, code: Option<i32>) -> Result<Done> {
        Ok(Done {
            code,
            stdout: fs::read_to_string(&self.stdout)?,
            stderr: fs::read_to_string(&self.stderr)?,
            elapsed: self.started.elapsed(),
        })
    }
}

impl Done {
    /// The exit code and the output, on one line.
    fn log(&self) -> String {
        let text = format!("{} {}", self.stderr.trim(), self.stdout.trim());
        let text = text.trim().replace('\n', " | ");
        let short: String = text.chars().take(300).collect();
        format!(
            "exit {}: {short}{}",
            self.code.map_or("(killed)".to_owned(), |c| c.to_string()),
            if short.len() < text.len() { "…" } else { "" }
        )
    }

    fn ms(&self) -> u128 {
        self.elapsed.as_millis()
    }
}

/// The checks of one case: it passes when none failed.
#[derive(Default)]
struct Case {
    failures: Vec<String>,
}

impl Case {
    fn fail(&mut self, message: String) {
        println!("   FAIL {message}");
        self.failures.push(message);
    }

    fn note(&self, message: impl AsRef<str>) {
        println!("   {}", message.as_ref());
    }

    /// A build that should have succeeded.
    fn expect_ok(&mut self, what: &str, done: &Done) -> bool {
        let ok = done.code == Some(0);
        if !ok {
            self.fail(format!("{what}: {}", done.log()));
        }
        ok
    }

    /// `out/` should be what the fresh build gave.
    fn expect_tree(&mut self, what: &str, out: &Path, expected: &Tree) -> Result<bool> {
        let actual = tree(out)?;
        let ok = actual == *expected;
        if !ok {
            self.fail(format!(
                "{what}: out/ is not the fresh build: {}",
                differences(&actual, expected, "fresh")
            ));
        }
        Ok(ok)
    }
}

/// A folder's files: relative path -> (size, xxh3-128 of the bytes).
type Tree = BTreeMap<String, (u64, u128)>;

/// The files under `dir` (followed if it is a link), without the marker; empty if `dir` is
/// missing.
fn tree(dir: &Path) -> Result<Tree> {
    fn walk(dir: &Path, rel: &str, tree: &mut Tree) -> Result<()> {
        for entry in fs::read_dir(dir)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = if rel.is_empty() {
                name.clone()
            } else {
                format!("{rel}/{name}")
            };
            if entry.path().is_dir() {
                walk(&entry.path(), &path, tree)?;
            } else if name != MARKER {
                let bytes = fs::read(entry.path())?;
                tree.insert(path, (bytes.len() as u64, xxh3_128(&bytes)));
            }
        }
        Ok(())
    }
    let mut tree = Tree::new();
    if dir.exists() {
        walk(dir, "", &mut tree)?;
    }
    Ok(tree)
}

/// How `actual` differs from `expected`: a count and the first few files, with sizes.
fn differences(actual: &Tree, expected: &Tree, name: &str) -> String {
    let mut found = Vec::new();
    for (path, (size, hash)) in expected {
        match actual.get(path) {
            None => found.push(format!("missing {path} ({size} B)")),
            Some((s, h)) if h != hash => found.push(format!(
                "{path} differs ({s} B, {name} {size} B{})",
                if s == size { ", same size" } else { "" }
            )),
            _ => {}
        }
    }
    for (path, (size, _)) in actual {
        if !expected.contains_key(path) {
            found.push(format!("extra {path} ({size} B)"));
        }
    }
    let shown = found.len().min(4);
    format!(
        "{} of {} files differ: {}{}",
        found.len(),
        expected.len(),
        found[..shown].join(", "),
        if found.len() > shown { ", …" } else { "" }
    )
}

// ---- the cases --------------------------------------------------------------------------

/// A change of inputs, file by file: bytes before and after (`None`: no such file).
struct Changes(Vec<Change>);
type Change = (String, Option<Vec<u8>>, Option<Vec<u8>>);

impl Changes {
    /// Write the inputs as they are after (`true`) or before the change.
    fn apply(&self, p: &Project, after: bool) -> Result<()> {
        for (rel, before, later) in &self.0 {
            match if after { later } else { before } {
                Some(bytes) => fs::write(p.path(rel), bytes)?,
                None => fs::remove_file(p.path(rel))?,
            }
        }
        Ok(())
    }
}

/// An article's files in the generated corpus.
fn article_files(slug: &str) -> [String; 4] {
    [
        format!("content/{slug}.toml"),
        format!("locales/fr/{slug}.ftl"),
        format!("locales/en/{slug}.ftl"),
        format!("locales/de/{slug}.ftl"),
    ]
}

/// Case 1: kills at random moments of a 2,000-article rebuild leave the previous site or the new
/// one, never a mix, and the next build completes the new one and cleans up.
///
/// State A (out/ and cache as an uninterrupted build of inputs A left them) is rebuilt before
/// every kill by an incremental build back to inputs A, and checked, rather than copied back
/// from a saved folder: gazette names its output by the marker's inode, so a copied `out/`
/// is rightly not trusted and the killed build would be a full build, not the rebuild.
fn kills(ctx: &Ctx, case: &mut Case, rng: &mut Rng) -> Result<()> {
    let p = ctx.generate("kills", 2000)?;
    let slugs = p.slugs()?;
    let picked: Vec<&str> = rng
        .pick(slugs.len(), 58)
        .into_iter()
        .map(|i| slugs[i].as_str())
        .collect();
    let (edited, rest) = picked.split_at(50);
    let (deleted, copied) = rest.split_at(5);
    // Only articles no other one links to are deleted: deleting a linked one is rightly a
    // `broken-link` error, a refused build, not a site to compare. One linked is swapped for
    // the next slug nobody links to and the case has not picked.
    let linked = p.linked_slugs()?;
    let mut spare = slugs
        .iter()
        .map(String::as_str)
        .filter(|s| !linked.contains(*s) && !picked.contains(s));
    let deleted: Vec<&str> = deleted
        .iter()
        .map(|d| match linked.contains(*d) {
            true => spare.next().unwrap_or(d),
            false => d,
        })
        .collect();
    let read = |rel: &str| fs::read(p.path(rel)).with_context(|| rel.to_owned());
    let mut changes = Vec::new();
    for (k, slug) in edited.iter().enumerate() {
        // A few headlines (indexes, feeds and sitemap change too), the rest body text.
        let id = if k < 5 { "title" } else { "closing" };
        let rel = format!("locales/de/{slug}.ftl");
        let before = fs::read_to_string(p.path(&rel))?;
        let after = edited_text(&before, id, " (korrigiert)")?;
        changes.push((rel, Some(before.into_bytes()), Some(after.into_bytes())));
    }
    for slug in &deleted {
        for rel in article_files(slug) {
            changes.push((rel.clone(), Some(read(&rel)?), None));
        }
    }
    for (k, slug) in copied.iter().enumerate() {
        for (from, to) in article_files(slug)
            .iter()
            .zip(article_files(&format!("faults-added-{}", k + 1)))
        {
            changes.push((to, None, Some(read(from)?)));
        }
    }
    case.note(format!(
        "inputs B: de titles edited in {}; de closings edited in {}; deleted {}; added faults-added-1..3 as copies of {}",
        edited[..5].join(" "),
        edited[5..].join(" "),
        deleted.join(" "),
        copied.join(" ")
    ));
    let changes = Changes(changes);

    let full_a = ctx.reference(&p, &[])?;
    changes.apply(&p, true)?;
    let full_b = ctx.reference(&p, &[])?;
    changes.apply(&p, false)?;
    case.note(format!(
        "full builds: A {} files, B {} files, {}",
        full_a.len(),
        full_b.len(),
        differences(&full_b, &full_a, "A")
    ));
    let done = ctx.build(&p, &[])?;
    case.expect_ok("first build of A", &done);
    case.expect_tree("first build of A", &p.out(), &full_a)?;
    let baseline = p.listing()?;

    // The rebuild's span: the shortest of three uninterrupted rebuilds (the first ones also
    // set up the site the next builds reuse). Kills land at random moments of it, until
    // `kills` of them have stopped a running build.
    let mut span = Duration::MAX;
    for round in 1..=3 {
        changes.apply(&p, true)?;
        let rebuild = ctx.build(&p, &[])?;
        case.expect_ok("uninterrupted rebuild A -> B", &rebuild);
        case.expect_tree("uninterrupted rebuild A -> B", &p.out(), &full_b)?;
        span = span.min(rebuild.elapsed);
        case.note(format!(
            "uninterrupted rebuild A -> B: {} ms ({})",
            rebuild.ms(),
            rebuild.log()
        ));
        if round < 3 {
            changes.apply(&p, false)?;
            let back = ctx.build(&p, &[])?;
            case.expect_ok("rebuild B -> A", &back);
            case.expect_tree("rebuild B -> A", &p.out(), &full_a)?;
        }
    }

    let mut during = 0;
    for i in 0..ctx.kills * 3 {
        if during == ctx.kills {
            break;
        }
        // Back to state A.
        changes.apply(&p, false)?;
        let back = ctx.build(&p, &[])?;
        let ok = case.expect_ok(&format!("kill {}: rebuild to A", i + 1), &back);
        if !(case.expect_tree(&format!("kill {}: rebuild to A", i + 1), &p.out(), &full_a)? && ok) {
            p.reset()?;
            ctx.build(&p, &[])?;
        }
        p.leftovers(&baseline)?;

        changes.apply(&p, true)?;
        let delay = span.mul_f64(rng.unit());
        let running = ctx.spawn(&p, &[])?;
        sleep(delay);
        let (finished, _) = running.kill()?;
        if !finished {
            during += 1;
        }
        let after = tree(&p.out())?;
        let state = if after == full_a {
            "A".to_owned()
        } else if after == full_b {
            "B".to_owned()
        } else {
            let mix = format!(
                "a mix (against A: {}; against B: {})",
                differences(&after, &full_a, "A"),
                differences(&after, &full_b, "B")
            );
            case.fail(format!(
                "kill {} after {} ms: out/ is {mix}",
                i + 1,
                delay.as_millis()
            ));
            "a mix".to_owned()
        };
        let next = ctx.build(&p, &[])?;
        let mut verdict = if case.expect_ok(&format!("kill {}: next build", i + 1), &next)
            & case.expect_tree(&format!("kill {}: next build", i + 1), &p.out(), &full_b)?
        {
            "B".to_owned()
        } else {
            "wrong".to_owned()
        };
        let left = p.leftovers(&baseline)?;
        if !left.is_empty() {
            case.fail(format!(
                "kill {}: left after the next build: {}",
                i + 1,
                left.join(", ")
            ));
            verdict += ", leftovers";
        }
        case.note(format!(
            "kill {:2} after {:4} ms{}: out/ = {state}; next build ({} ms): {verdict}",
            i + 1,
            delay.as_millis(),
            if finished {
                " (build had finished)"
            } else {
                ""
            },
            next.ms()
        ));
    }
    if during < ctx.kills {
        case.fail(format!(
            "only {during} kills of {} stopped a running build",
            ctx.kills
        ));
    }
    Ok(())
}

/// Case 2: a German file edited while a build runs, then restored (bytes and modification time):
/// the next build must publish the restored text.
fn edit_undo(ctx: &Ctx, case: &mut Case, _: &mut Rng) -> Result<()> {
    let p = ctx.generate("edit-undo", 200)?;
    let fresh = ctx.reference(&p, &[])?;
    // The last article: rendered last, so the edit most often lands before its rendering.
    let slug = p.slugs()?.pop().context("no article")?;
    let rel = format!("locales/de/{slug}.ftl");
    let path = p.path(&rel);
    let original = fs::read_to_string(&path)?;
    let modified = fs::metadata(&path)?.modified()?;
    let edit = edited_text(&original, "title", " (während des Builds geändert)")?;
    let first = ctx.build(&p, &[])?;
    case.expect_ok("first build", &first);
    case.note(format!(
        "editing {rel} (title) during full builds of {} ms",
        first.ms()
    ));
    for fraction in [0.1, 0.3, 0.5, 0.7, 0.9] {
        p.reset()?;
        let delay = first.elapsed.mul_f64(fraction);
        let running = ctx.spawn(&p, &[])?;
        sleep(delay);
        fs::write(&path, &edit)?;
        let during = running.wait()?;
        // Undo, as an editor's "revert" or `git checkout` would, and `touch -d` the old time.
        fs::write(&path, &original)?;
        set_mtime(&path, modified)?;
        let after = ctx.build(&p, &[])?;
        let what = format!("edit at {} ms, undone", delay.as_millis());
        let ok = case.expect_ok(&what, &after) & case.expect_tree(&what, &p.out(), &fresh)?;
        case.note(format!(
            "edit at {:4} ms (build {}, {} ms), undone, rebuilt: {} ({})",
            delay.as_millis(),
            during.code.map_or("killed".into(), |c| format!("exit {c}")),
            during.ms(),
            if ok { "fresh build" } else { "WRONG" },
            after.log()
        ));
    }
    Ok(())
}

/// Case 3: two builds of one project at once (one cache, one `out/`): both succeed (the second
/// may wait for the first), and the next build gives the fresh site.
fn concurrent(ctx: &Ctx, case: &mut Case, rng: &mut Rng) -> Result<()> {
    let p = ctx.generate("concurrent", 500)?;
    let slugs = p.slugs()?;
    let mut picks = rng.pick(slugs.len(), 30).into_iter();
    let mut edit = |n: usize, mark: &str| -> Result<()> {
        for i in picks.by_ref().take(n) {
            p.edit_message(&format!("locales/de/{}.ftl", slugs[i]), "title", mark)?;
        }
        Ok(())
    };
    let first = ctx.build(&p, &[])?;
    case.expect_ok("first build", &first);
    // How long a build with no cache takes over this out/: the builds raced below.
    fs::remove_dir_all(p.cache())?;
    let cold = ctx.build(&p, &[])?;
    case.expect_ok("build with no cache", &cold);
    let span = cold.elapsed;

    // Default and `--missing fallback` (another options fingerprint) at the same moment.
    edit(10, " (Fassung 2)")?;
    let a = ctx.spawn(&p, &[])?;
    let b = ctx.spawn(&p, &["--missing", "fallback"])?;
    let pair = [a.wait()?, b.wait()?];
    settle(ctx, case, &p, "default + --missing fallback at once", &pair)?;

    // A cold build (no cache), and halfway through it, an edit and a second build.
    for fraction in [0.3, 0.6] {
        let delay = span.mul_f64(fraction);
        fs::remove_dir_all(p.cache())?;
        let a = ctx.spawn(&p, &[])?;
        sleep(delay);
        edit(5, " (Fassung 3)")?;
        let b = ctx.spawn(&p, &[])?;
        let pair = [a.wait()?, b.wait()?];
        settle(
            ctx,
            case,
            &p,
            &format!("inputs changed at {} ms, second build", delay.as_millis()),
            &pair,
        )?;
    }

    let help = Command::new(&ctx.gazette)
        .args(["build", "--help"])
        .output()?;
    if !String::from_utf8_lossy(&help.stdout).contains("--no-wait") {
        case.note("--no-wait: not supported yet by this gazette (skipped)");
        return Ok(());
    }
    p.reset()?;
    let mut a = ctx.spawn(&p, &[])?;
    sleep(span.mul_f64(0.3));
    let ended = a.child.try_wait()?.is_some();
    let b = ctx.build(&p, &["--no-wait"])?;
    let a = a.wait()?;
    case.expect_ok("build holding the lock", &a);
    if b.code == Some(2) {
        case.note(format!("--no-wait during a build: {}", b.log()));
    } else if ended {
        case.note("--no-wait: inconclusive (the first build had ended)");
    } else {
        case.fail(format!(
            "--no-wait during a build: expected exit 2, got {}",
            b.log()
        ));
    }
    Ok(())
}

/// Both builds of a pair must have succeeded, and the next build give the fresh site.
fn settle(ctx: &Ctx, case: &mut Case, p: &Project, what: &str, pair: &[Done; 2]) -> Result<()> {
    let mut ok = true;
    for (n, done) in pair.iter().enumerate() {
        ok &= case.expect_ok(&format!("{what}: build {}", n + 1), done);
    }
    let messages: Vec<String> = pair
        .iter()
        .map(|d| d.stderr.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect();
    let fresh = ctx.reference(p, &[])?;
    let last = ctx.build(p, &[])?;
    ok &= case.expect_ok(&format!("{what}: the build after"), &last);
    ok &= case.expect_tree(&format!("{what}: the build after"), &p.out(), &fresh)?;
    case.note(format!(
        "{what}: builds of {} and {} ms{}; then {}",
        pair[0].ms(),
        pair[1].ms(),
        if messages.is_empty() {
            String::new()
        } else {
            format!(" (said: {})", messages.join(" | "))
        },
        if ok { "fresh site" } else { "WRONG" }
    ));
    Ok(())
}

/// Case 4: single-bit flips in the cache files: the rebuild after a small edit must still give
/// the fresh site (a damaged cache is discarded).
///
/// Each flip is made in the cache an uninterrupted build of the unedited inputs has just
/// written: that build undoes the previous round's edit, so the cache names `out/` as it is
/// (a copied-back cache would name an `out/` whose marker has since been rewritten). The
/// file is drawn first, then the offset, so the small stamps file gets its share of flips.
fn bitflips(ctx: &Ctx, case: &mut Case, rng: &mut Rng) -> Result<()> {
    let p = ctx.generate("bitflips", 30)?;
    let slug = p.slugs()?.remove(0);
    let rel = format!("locales/de/{slug}.ftl");
    let original = fs::read_to_string(p.path(&rel))?;
    let edit = Changes(vec![(
        rel.clone(),
        Some(original.clone().into_bytes()),
        Some(edited_text(&original, "title", " (korrigiert)")?.into_bytes()),
    )]);
    let unedited = ctx.reference(&p, &[])?;
    edit.apply(&p, true)?;
    let fresh = ctx.reference(&p, &[])?;
    case.note(format!("edit: {rel} title; {} flips", ctx.flips));
    let (mut wrong, mut refused) = (0, 0);
    // File -> (flips, wrong sites).
    let mut tally: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for k in 1..=ctx.flips {
        edit.apply(&p, false)?;
        let back = ctx.build(&p, &[])?;
        if back.code != Some(0) || tree(&p.out())? != unedited {
            case.fail(format!(
                "after flip {}, the build undoing the edit is still wrong",
                k - 1
            ));
            p.reset()?;
            ctx.build(&p, &[])?;
        }
        let mut bins = files_under(&p.cache())?;
        bins.retain(|f| f.extension().is_some_and(|e| e == "bin"));
        bins.sort();
        let file = &bins[rng.below(bins.len() as u64) as usize];
        let mut bytes = fs::read(file)?;
        let offset = rng.below(bytes.len() as u64) as usize;
        let bit = rng.below(8);
        bytes[offset] ^= 1 << bit;
        fs::write(file, bytes)?;
        edit.apply(&p, true)?;
        let done = ctx.build(&p, &[])?;
        let name = file.file_name().unwrap_or_default().to_string_lossy();
        let what = format!("flip {k}: {name} byte {offset} bit {bit}");
        let counts = tally.entry(name.into_owned()).or_default();
        counts.0 += 1;
        if done.code != Some(0) {
            refused += 1;
            case.fail(format!("{what}: {}", done.log()));
        } else if !case.expect_tree(&what, &p.out(), &fresh)? {
            wrong += 1;
            counts.1 += 1;
        }
    }
    for (name, (flips, wrong)) in tally {
        case.note(format!("{name}: {flips} flips, {wrong} gave a wrong site"));
    }
    case.note(format!(
        "{} flips: {} wrong site, {} failed builds, {} fresh site",
        ctx.flips,
        wrong,
        refused,
        ctx.flips - wrong - refused
    ));
    Ok(())
}

/// Case 5: a page deleted from `out/`, one edited in place (same size) and one edited to another
/// size: the next build restores all three.
fn damaged_pages(ctx: &Ctx, case: &mut Case, _: &mut Rng) -> Result<()> {
    let p = ctx.generate("damaged-pages", 30)?;
    let fresh = ctx.reference(&p, &[])?;
    let first = ctx.build(&p, &[])?;
    case.expect_ok("first build", &first);
    let slugs = p.slugs()?;
    let out = p.out();
    let deleted = format!("fr/{}.html", slugs[0]);
    fs::remove_file(out.join(&deleted))?;
    // Same size: one letter of the page changed.
    let same = format!("de/{}.html", slugs[1]);
    let mut bytes = fs::read(out.join(&same))?;
    let at = (bytes.len() / 2..bytes.len())
        .find(|&i| bytes[i].is_ascii_lowercase())
        .context("no letter")?;
    bytes[at] = if bytes[at] == b'x' { b'y' } else { b'x' };
    fs::write(out.join(&same), bytes)?;
    let longer = format!("en/{}.txt", slugs[2]);
    let mut text = fs::read_to_string(out.join(&longer))?;
    text.push_str("Edited by hand.\n");
    fs::write(out.join(&longer), text)?;
    case.note(format!(
        "deleted {deleted}, edited {same} (same size) and {longer} (longer)"
    ));
    let done = ctx.build(&p, &[])?;
    case.note(format!("build: {}", done.log()));
    case.expect_ok("build after the damage", &done);
    case.expect_tree("build after the damage", &out, &fresh)?;
    Ok(())
}

/// Case 6: files placed in `out/` by hand (a `CNAME`, an image) survive rebuilds: gazette never
/// deletes a file it did not write.
fn foreign_files(ctx: &Ctx, case: &mut Case, _: &mut Rng) -> Result<()> {
    let p = ctx.generate("foreign-files", 30)?;
    let first = ctx.build(&p, &[])?;
    case.expect_ok("first build", &first);
    let foreign: [(&str, &[u8]); 2] = [
        ("CNAME", b"news.example\n"),
        (
            "img/logo.png",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR not really a logo",
        ),
    ];
    for (rel, bytes) in foreign {
        let path = p.out().join(rel);
        fs::create_dir_all(path.parent().context("no parent")?)?;
        fs::write(path, bytes)?;
    }
    let slug = p.slugs()?.remove(0);
    p.edit_message(&format!("locales/de/{slug}.ftl"), "title", " (korrigiert)")?;
    let fresh = ctx.reference(&p, &[])?;
    for what in [
        "rebuild after an edit",
        "rebuild with nothing changed",
        "build with the cache deleted",
    ] {
        if what.contains("deleted") {
            fs::remove_dir_all(p.cache())?;
        }
        let done = ctx.build(&p, &[])?;
        case.expect_ok(what, &done);
        let mut actual = tree(&p.out())?;
        let mut gone = Vec::new();
        for (rel, bytes) in foreign {
            match actual.remove(rel) {
                Some((_, hash)) if hash == xxh3_128(bytes) => {}
                Some(_) => gone.push(format!("{rel} changed")),
                None => gone.push(format!("{rel} deleted")),
            }
        }
        if !gone.is_empty() {
            case.fail(format!("{what}: {} ({})", gone.join(", "), done.log()));
        }
        if actual != fresh {
            case.fail(format!(
                "{what}: besides them, {}",
                differences(&actual, &fresh, "fresh")
            ));
        }
    }
    Ok(())
}

/// Case 7: `out/` a symbolic link to a folder on another file system (tmpfs): builds and
/// rebuilds succeed, give the fresh site, and leave the link a link.
fn symlinked_out(ctx: &Ctx, case: &mut Case, _: &mut Rng) -> Result<()> {
    use std::os::unix::fs::MetadataExt;
    let shm = Path::new("/dev/shm");
    if !shm.is_dir() || fs::metadata(shm)?.dev() == fs::metadata(&ctx.work)?.dev() {
        case.note("skipped: no /dev/shm on another file system than the work folder");
        return Ok(());
    }
    let elsewhere = tempfile::Builder::new()
        .prefix("gazette-faults-")
        .tempdir_in(shm)?;
    let target = elsewhere.path().join("site");
    fs::create_dir(&target)?;
    let p = ctx.generate("symlinked-out", 30)?;
    // Out of the project, so named on the command line: a link in the project that leads out
    // of it is refused.
    let link = ctx.work.join("symlinked-out-link");
    let _ = fs::remove_file(&link);
    std::os::unix::fs::symlink(&target, &link)?;
    let named = link.to_string_lossy().into_owned();
    case.note(format!("--out {named} -> {}", target.display()));
    let slugs = p.slugs()?;
    for (n, step) in [
        "first build",
        "rebuild after an edit",
        "rebuild after another edit",
    ]
    .iter()
    .enumerate()
    {
        if n > 0 {
            p.edit_message(
                &format!("locales/de/{}.ftl", slugs[n]),
                "title",
                " (korrigiert)",
            )?;
        }
        let fresh = ctx.reference(&p, &[])?;
        let done = ctx.build(&p, &["--out", &named])?;
        case.expect_ok(step, &done);
        case.expect_tree(step, &link, &fresh)?;
        let linked = fs::symlink_metadata(&link)?.file_type().is_symlink();
        if !linked {
            case.fail(format!(
                "{step}: out/ is no longer a symbolic link (replaced by a folder)"
            ));
        }
        if !linked || tree(&target)? != fresh {
            // Put the layout back, a complete site in the linked folder, so that the next
            // step tests a rebuild over it.
            let _ = fs::remove_file(&link);
            let _ = fs::remove_dir_all(&link);
            fs::remove_dir_all(&target)?;
            copy_tree(&ctx.fresh_build(&p, &[])?.out(), &target)?;
            std::os::unix::fs::symlink(&target, &link)?;
        }
    }
    let beside: Vec<String> = names(elsewhere.path())?
        .into_iter()
        // The site, the one it replaced, kept for the next build, and gazette's record of
        // what it wrote there, which sits beside the folder the link leads to.
        .filter(|n| n != "site" && n != ".site.previous" && n != ".site.gazette-output")
        .collect();
    if !beside.is_empty() {
        case.fail(format!(
            "left beside the linked folder: {}",
            beside.join(", ")
        ));
    }
    Ok(())
}

/// Case 8: a staging folder left by a killed build is removed by the next build.
fn leftovers(ctx: &Ctx, case: &mut Case, _: &mut Rng) -> Result<()> {
    let p = ctx.generate("leftovers", 30)?;
    let fresh = ctx.reference(&p, &[])?;
    let first = ctx.build(&p, &[])?;
    case.expect_ok("first build", &first);
    let baseline = p.listing()?;
    let stale = p.path(".out.staging-9f8e7d6c5b4a");
    fs::create_dir_all(stale.join("fr"))?;
    fs::write(
        stale.join("fr/half-written.html"),
        "<!doctype html><title>half",
    )?;
    let done = ctx.build(&p, &[])?;
    case.expect_ok("build with a stale staging folder", &done);
    case.expect_tree("build with a stale staging folder", &p.out(), &fresh)?;
    let left = p.leftovers(&baseline)?;
    if !left.is_empty() {
        case.fail(format!("still there after the build: {}", left.join(", ")));
    }
    Ok(())
}

/// Case 9: two syncs at once lose no record and write no stub twice (they take turns), and a
/// translator's save while `sync --all` runs is never overwritten.
fn syncs(ctx: &Ctx, case: &mut Case, rng: &mut Rng) -> Result<()> {
    // 300 articles whose German and English files lack their last message: stubs to write,
    // records to keep, in both languages.
    let fresh = |name: &str| -> Result<Project> {
        let p = ctx.generate(name, 300)?;
        for lang in ["de", "en"] {
            for slug in p.slugs()? {
                let rel = format!("locales/{lang}/{slug}.ftl");
                let text = fs::read_to_string(p.path(&rel))?;
                let kept: Vec<&str> = text
                    .lines()
                    .filter(|l| !l.starts_with("closing = "))
                    .collect();
                fs::write(p.path(&rel), kept.join("\n") + "\n")?;
            }
        }
        Ok(p)
    };
    let sync = |p: &Project, args: &[&str]| ctx.spawn_command(p, "sync", args)?.wait();
    let state = |p: &Project| -> Result<(Tree, Tree)> {
        Ok((tree(&p.path("locales"))?, tree(&p.path("gazette.lock.d"))?))
    };

    // One after the other: what two at once must give.
    let reference = fresh("syncs-reference")?;
    for lang in ["de", "en"] {
        case.expect_ok(&format!("sync {lang} alone"), &sync(&reference, &[lang])?);
    }
    let expected = state(&reference)?;
    for round in 1..=3 {
        let p = fresh(&format!("syncs-{round}"))?;
        let a = ctx.spawn_command(&p, "sync", &["de"])?;
        let b = ctx.spawn_command(&p, "sync", &["en"])?;
        let (a, b) = (a.wait()?, b.wait()?);
        let ok = case.expect_ok("sync de, at once with sync en", &a)
            & case.expect_ok("sync en, at once with sync de", &b);
        let now = state(&p)?;
        if now != expected {
            case.fail(format!(
                "round {round}: sync de and sync en at once differ from one after the other: locales {}; records {}",
                differences(&now.0, &expected.0, "sequential"),
                differences(&now.1, &expected.1, "sequential")
            ));
        } else if ok {
            case.note(format!(
                "round {round}: sync de and sync en at once ({} and {} ms): the same files and records as one after the other",
                a.ms(),
                b.ms()
            ));
        }
    }

    // A translator saves a file while `sync --all` runs.
    let timing = fresh("syncs-timing")?;
    let span = sync(&timing, &["--all"])?.elapsed;
    for round in 1..=4 {
        let p = fresh(&format!("syncs-save-{round}"))?;
        let slugs = p.slugs()?;
        let rel = format!(
            "locales/de/{}.ftl",
            slugs[rng.below(slugs.len() as u64) as usize]
        );
        let loaded = fs::read_to_string(p.path(&rel))?;
        let saved = format!("{loaded}# saved by the desk, round {round}\n");
        let delay = span.mul_f64(rng.unit());
        let running = ctx.spawn_command(&p, "sync", &["--all"])?;
        sleep(delay);
        fs::write(p.path(&rel), &saved)?;
        let first = running.wait()?;
        let kept = fs::read_to_string(p.path(&rel))?.contains(&saved[loaded.len()..]);
        let again = sync(&p, &["--all"])?;
        let repaired = fs::read_to_string(p.path(&rel))?;
        let verdict = format!(
            "save after {} ms of sync --all (exit {:?}){}",
            delay.as_millis(),
            first.code,
            if first.code == Some(2) {
                ": refused, run again"
            } else {
                ""
            }
        );
        if !kept || !repaired.contains(&saved[loaded.len()..]) {
            case.fail(format!("{verdict}: the save was overwritten"));
        } else if !case.expect_ok(&format!("{verdict}: the next sync"), &again)
            || !repaired.contains("# gazette: stub closing")
        {
            case.fail(format!("{verdict}: the next sync did not add the stub"));
        } else {
            case.note(format!(
                "{verdict}: the save kept, the next sync added the stub"
            ));
        }
    }
    Ok(())
}

/// Case 10: a disk that fills up during a rebuild, at every level from no room at all to room
/// for everything: each rebuild gives the new site, or fails (exit 2) leaving the previous one,
/// and once there is room again the next build gives the new site. The project lives on a
/// small file system of its own (tmpfs, mounted for the case: skipped where that is not
/// allowed).
#[cfg(target_os = "linux")]
fn full_disk(ctx: &Ctx, case: &mut Case, _: &mut Rng) -> Result<()> {
    let generated = ctx.generate("full-disk-inputs", 30)?;
    let disk = ctx.work.join("full-disk");
    fs::create_dir_all(&disk)?;
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=16m", "tmpfs"])
        .arg(&disk)
        .output()?;
    if !mounted.status.success() {
        case.note(format!(
            "skipped: no small file system can be mounted here ({})",
            String::from_utf8_lossy(&mounted.stderr).trim()
        ));
        return Ok(());
    }
    let result = fill_levels(ctx, case, &generated, &disk);
    let _ = Command::new("umount").arg(&disk).status();
    result
}

#[cfg(not(target_os = "linux"))]
fn full_disk(_: &Ctx, case: &mut Case, _: &mut Rng) -> Result<()> {
    case.note("skipped: needs Linux's tmpfs");
    Ok(())
}

/// Rebuilds of an edit on a file system filled to leave `free` bytes, for growing `free`.
#[cfg(target_os = "linux")]
fn fill_levels(ctx: &Ctx, case: &mut Case, generated: &Project, disk: &Path) -> Result<()> {
    let p = Project {
        root: disk.join("project"),
    };
    fs::create_dir_all(&p.root)?;
    for item in INPUTS {
        copy_tree(&generated.root.join(item), &p.root.join(item))?;
    }
    let slugs = p.slugs()?;
    let rel = format!("locales/de/{}.ftl", slugs[0]);
    let original = fs::read_to_string(p.path(&rel))?;
    let changed = edited_text(&original, "title", " (korrigiert)")?;
    let full_a = ctx.reference(&p, &[])?;
    fs::write(p.path(&rel), &changed)?;
    let full_b = ctx.reference(&p, &[])?;
    let filler = disk.join("filler");
    let (mut new, mut refused) = (0, 0);
    for free_kb in [0u64, 4, 8, 16, 32, 64, 128, 256, 512, 1024] {
        // Back to the previous site, with room to build it.
        fs::write(p.path(&rel), &original)?;
        let _ = fs::remove_file(&filler);
        let back = ctx.build(&p, &[])?;
        if !(case.expect_ok("rebuild of the previous site", &back)
            & case.expect_tree("rebuild of the previous site", &p.out(), &full_a)?)
        {
            return Ok(());
        }
        fs::write(p.path(&rel), &changed)?;
        fill(&filler, disk, free_kb * 1024)?;
        let done = ctx.build(&p, &[])?;
        let out = tree(&p.out())?;
        let what = format!("{free_kb} KiB free: exit {:?}", done.code);
        match done.code {
            Some(0) if out == full_b => new += 1,
            Some(2) if out == full_a => refused += 1,
            _ => case.fail(format!(
                "{what}: out/ is {} ({})",
                if out == full_a {
                    "the previous site"
                } else if out == full_b {
                    "the new site"
                } else {
                    "neither site"
                },
                done.log()
            )),
        }
        let _ = fs::remove_file(&filler);
        let next = ctx.build(&p, &[])?;
        case.expect_ok(&format!("{what}: the build with room again"), &next);
        case.expect_tree(
            &format!("{what}: the build with room again"),
            &p.out(),
            &full_b,
        )?;
    }
    case.note(format!(
        "10 fill levels: {refused} builds refused with out/ untouched, {new} published the new site; every next build gave the new site"
    ));
    Ok(())
}

/// Fill the file system of `disk` with `filler` until `free` bytes are left (or none).
#[cfg(target_os = "linux")]
fn fill(filler: &Path, disk: &Path, free: u64) -> Result<()> {
    let stats = rustix::fs::statvfs(disk)?;
    let available = stats.f_bavail * stats.f_frsize;
    let size = available.saturating_sub(free);
    let mut file = File::create(filler)?;
    let chunk = vec![0u8; 1 << 20];
    let mut left = size;
    while left > 0 {
        let n = left.min(chunk.len() as u64) as usize;
        if std::io::Write::write_all(&mut file, &chunk[..n]).is_err() {
            break;
        }
        left -= n as u64;
    }
    Ok(())
}

// ---- helpers ----------------------------------------------------------------------------

/// `text` with `suffix` appended to the line of message `id` (`id = …`).
fn edited(text: &str, id: &str, suffix: &str) -> Option<String> {
    let start = format!("{id} = ");
    let at = text.lines().position(|l| l.starts_with(&start))?;
    let lines: Vec<String> = text
        .split_inclusive('\n')
        .enumerate()
        .map(|(i, l)| {
            if i == at {
                let body = l.trim_end_matches('\n');
                format!("{body}{suffix}{}", &l[body.len()..])
            } else {
                l.to_owned()
            }
        })
        .collect();
    Some(lines.concat())
}

fn edited_text(text: &str, id: &str, suffix: &str) -> Result<String> {
    edited(text, id, suffix).with_context(|| format!("no message {id}"))
}

/// Set a file's modification time (what `touch -d` does).
fn set_mtime(path: &Path, time: SystemTime) -> Result<()> {
    File::options().write(true).open(path)?.set_modified(time)?;
    Ok(())
}

/// The names in a folder (none if it does not exist).
fn names(dir: &Path) -> Result<BTreeSet<String>> {
    if !dir.exists() {
        return Ok(BTreeSet::new());
    }
    fs::read_dir(dir)?
        .map(|e| Ok(e?.file_name().to_string_lossy().into_owned()))
        .collect()
}

/// Every regular file under `dir`.
fn files_under(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            found.extend(files_under(&path)?);
        } else {
            found.push(path);
        }
    }
    Ok(found)
}

/// "N files, M B" for a folder, "M B" for a file.
fn size_of(path: &Path) -> String {
    if path.is_dir() {
        let files = files_under(path).unwrap_or_default();
        let bytes: u64 = files
            .iter()
            .filter_map(|f| f.metadata().ok())
            .map(|m| m.len())
            .sum();
        format!("{} files, {bytes} B", files.len())
    } else {
        format!("{} B", path.metadata().map_or(0, |m| m.len()))
    }
}

/// Copy a file or folder tree (links followed); nothing if `from` does not exist.
fn copy_tree(from: &Path, to: &Path) -> Result<()> {
    if from.is_dir() {
        fs::create_dir_all(to)?;
        for entry in fs::read_dir(from)? {
            let entry = entry?;
            copy_tree(&entry.path(), &to.join(entry.file_name()))?;
        }
    } else if from.exists() {
        fs::copy(from, to).with_context(|| format!("copying {}", from.display()))?;
    }
    Ok(())
}

/// SplitMix64: a few lines instead of a dependency, the same numbers for the same seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// `k` distinct indices of `0..n`, in random order.
    fn pick(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut all: Vec<usize> = (0..n).collect();
        for i in 0..k.min(n) {
            let j = i + self.below((n - i) as u64) as usize;
            all.swap(i, j);
        }
        all.truncate(k);
        all
    }
}
