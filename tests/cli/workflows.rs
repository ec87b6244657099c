//! The GitHub Actions workflows `gazette init` writes, read as YAML and their steps run in
//! order on this machine, against a local copy of gazette's repository.
//!
//! GitHub's own actions (`uses:`) are played by what they do here: the checkout is the project
//! folder, the cache is a miss, the Pages upload needs its folder. Each `run:` is run as
//! GitHub runs it (`bash -e`), with the job's and the step's `env`, in the project folder.
//! The install step runs as written; what it calls `cargo` is, in the quick test, a stand-in
//! that checks its arguments and that the commit is in the repository, then installs the
//! gazette under test; `a_real_cargo_install_of_the_workflow_builds_gazette` (ignored:
//! a release build of gazette and every dependency: run it by hand with `cargo test --test cli
//! workflows -- --ignored`) lets the real cargo build that commit.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use yaml_rust2::{Yaml, YamlLoader};

use super::support::{repo_root, run, Project};

/// The commit the gazette under test was built from (build.rs), if known.
const COMMIT: Option<&str> = option_env!("GAZETTE_COMMIT");

/// One step of a job, as GitHub reads it.
#[derive(Debug)]
struct Step {
    uses: Option<String>,
    run: Option<String>,
    with: BTreeMap<String, String>,
    env: BTreeMap<String, String>,
}

/// A job: its `env` and its steps, in order.
#[derive(Debug)]
struct Job {
    env: BTreeMap<String, String>,
    steps: Vec<Step>,
}

/// The string values of a YAML mapping.
fn strings(map: &Yaml) -> BTreeMap<String, String> {
    let Some(hash) = map.as_hash() else {
        return BTreeMap::new();
    };
    hash.iter()
        .map(|(k, v)| {
            let value = match v {
                Yaml::String(s) => s.clone(),
                other => panic!("{k:?}: not a string: {other:?}"),
            };
            (k.as_str().unwrap().to_owned(), value)
        })
        .collect()
}

/// The workflow at `path` of project `p`, parsed: its document and its jobs by name.
fn workflow(p: &Project, path: &str) -> (Yaml, BTreeMap<String, Job>) {
    let text = p.read(path);
    let mut docs = YamlLoader::load_from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert_eq!(docs.len(), 1, "{path}");
    let doc = docs.remove(0);
    let jobs: BTreeMap<String, Job> = doc["jobs"]
        .as_hash()
        .expect("jobs")
        .iter()
        .map(|(name, job)| {
            let steps = job["steps"].as_vec().expect("steps").iter().map(|s| Step {
                uses: s["uses"].as_str().map(str::to_owned),
                run: s["run"].as_str().map(str::to_owned),
                with: strings(&s["with"]),
                env: strings(&s["env"]),
            });
            assert!(job["runs-on"].as_str().is_some(), "{name:?}: runs-on");
            let job = Job {
                env: strings(&job["env"]),
                steps: steps.collect(),
            };
            (name.as_str().unwrap().to_owned(), job)
        })
        .collect();
    (doc, jobs)
}

/// A clone of this repository: the local copy the install step builds from.
fn local_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let status = Command::new("git")
        .args(["clone", "--quiet", "--no-checkout"])
        .arg(repo_root())
        .arg(dir.path())
        .status()
        .unwrap();
    assert!(status.success());
    dir
}

/// How the steps run: `PATH` and the environment of this machine's stand-ins.
struct Runner {
    /// Where `cargo install` puts gazette (`CARGO_INSTALL_ROOT`): its `bin` is on `PATH`.
    root: tempfile::TempDir,
    /// What else is on `PATH` first (a stand-in for `cargo`).
    first: Option<PathBuf>,
    env: Vec<(String, String)>,
}

impl Runner {
    fn new(first: Option<PathBuf>, env: &[(&str, &str)]) -> Self {
        let env = env.iter().map(|(k, v)| (k.to_string(), v.to_string()));
        Runner {
            root: tempfile::tempdir().unwrap(),
            first,
            env: env.collect(),
        }
    }

    /// `PATH`: the stand-in, the installed gazette, then this machine's.
    fn path(&self) -> String {
        let mut dirs: Vec<PathBuf> = self.first.iter().cloned().collect();
        dirs.push(self.root.path().join("bin"));
        dirs.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap()));
        std::env::join_paths(dirs).unwrap().into_string().unwrap()
    }

    /// The steps of `job`, in order, in the project folder; `env` overrides the job's. Returns
    /// each `run:` step's (exit code, output) until the first that fails.
    fn run(&self, p: &Project, job: &Job, env: &[(&str, &str)]) -> Vec<(i32, String)> {
        let mut outcomes = Vec::new();
        for step in &job.steps {
            if let Some(uses) = &step.uses {
                play(p, uses, &step.with);
                continue;
            }
            let script = step
                .run
                .as_deref()
                .expect("a step uses an action or runs a command");
            let out = Command::new("bash")
                .args(["-e", "-c", script])
                .current_dir(p.path())
                .envs(&job.env)
                .envs(&step.env)
                .envs(env.iter().copied())
                .envs(self.env.iter().map(|(k, v)| (k, v)))
                .env("CARGO_INSTALL_ROOT", self.root.path())
                .env("PATH", self.path())
                .env("NO_COLOR", "1")
                .output()
                .unwrap();
            let code = out.status.code().unwrap();
            let text = String::from_utf8_lossy(&out.stdout).into_owned()
                + &String::from_utf8_lossy(&out.stderr);
            outcomes.push((code, text));
            if code != 0 {
                break;
            }
        }
        outcomes
    }

    /// The steps of `job` with the install step pointed at a local copy of this repository at
    /// the commit gazette was built from; each must succeed. Returns their outputs.
    fn run_against_a_local_copy(&self, p: &Project, job: &Job, commit: &str) -> Vec<String> {
        let copy = local_copy();
        // A URL, as cargo takes no path for `--git`.
        let url = format!("file://{}", copy.path().display());
        let env = [
            ("GAZETTE_REPOSITORY", url.as_str()),
            ("GAZETTE_REV", commit),
        ];
        let outcomes = self.run(p, job, &env);
        assert!(outcomes.iter().all(|(code, _)| *code == 0), "{outcomes:?}");
        let installed = self.root.path().join("bin/gazette");
        assert!(installed.is_file(), "{outcomes:?}");
        outcomes.into_iter().map(|(_, text)| text).collect()
    }
}

/// What one of GitHub's actions does, here.
fn play(p: &Project, uses: &str, with: &BTreeMap<String, String>) {
    let (action, version) = uses.split_once('@').expect("actions are pinned");
    assert!(version.starts_with('v'), "{uses}");
    match action {
        // The project folder is the checkout; a cache restores nothing on a first run.
        "actions/checkout" | "actions/cache" | "actions/deploy-pages" => {}
        "actions/upload-pages-artifact" => {
            let site = p.path().join(&with["path"]);
            assert!(site.join("index.html").is_file(), "{}", site.display());
        }
        other => panic!("an action these tests do not know: {other}"),
    }
}

/// A `cargo` that checks the install command's arguments and that the commit is in the
/// repository, then installs the gazette under test where cargo would; a runner with it.
fn with_cargo_stand_in(dir: &Path) -> Runner {
    let script = format!(
        r#"#!/usr/bin/env bash
set -e
[ "$*" = "install --locked --git $GAZETTE_REPOSITORY --rev $GAZETTE_REV gazette" ] || {{
  echo "unexpected: cargo $*" >&2; exit 3; }}
git -C "${{GAZETTE_REPOSITORY#file://}}" cat-file -e "$GAZETTE_REV^{{commit}}"
mkdir -p "$CARGO_INSTALL_ROOT/bin"
cp "{}" "$CARGO_INSTALL_ROOT/bin/gazette"
"#,
        env!("CARGO_BIN_EXE_gazette")
    );
    let bin = dir.join("stand-in");
    fs::create_dir_all(&bin).unwrap();
    let cargo = bin.join("cargo");
    fs::write(&cargo, script).unwrap();
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&cargo, fs::Permissions::from_mode(0o755)).unwrap();
    Runner::new(Some(bin), &[])
}

/// A project made by `gazette init --ci <ci>`.
fn init(ci: &str) -> Project {
    let p = Project::empty();
    let (code, out, err) = run(&p, &["init", "--ci", ci]);
    assert_eq!(code, 0, "{out}{err}");
    p
}

/// The install step names no package on a registry: gazette's repository and commit.
fn assert_installs_its_own_source(job: &Job) {
    let install: Vec<&str> = job
        .steps
        .iter()
        .filter_map(|s| s.run.as_deref())
        .filter(|r| r.contains("cargo install"))
        .collect();
    assert_eq!(
        install.last().unwrap().lines().last(),
        Some(r#"cargo install --locked --git "$GAZETTE_REPOSITORY" --rev "$GAZETTE_REV" gazette"#)
    );
    assert_eq!(job.env["GAZETTE_REV"], COMMIT.unwrap_or(""));
    let repository = option_env!("GAZETTE_REPOSITORY").unwrap_or("");
    assert_eq!(job.env["GAZETTE_REPOSITORY"], repository);
}

#[test]
fn the_check_workflow_installs_gazette_from_its_source_then_checks() {
    let p = init("check");
    assert!(!p.path().join(".github/workflows/pages.yml").exists());
    assert!(!p
        .read(".github/workflows/translations.yml")
        .contains("gazette@"));
    let (doc, jobs) = workflow(&p, ".github/workflows/translations.yml");
    assert!(doc["on"]["push"].is_null() && doc["on"]["pull_request"].is_null());
    let job = &jobs["check"];
    assert_installs_its_own_source(job);
    // Built from a tarball, gazette knows no commit: the next test covers that.
    let Some(commit) = COMMIT else { return };
    let home = tempfile::tempdir().unwrap();
    let outputs = with_cargo_stand_in(home.path()).run_against_a_local_copy(&p, job, commit);
    // The check ran with the installed gazette, in GitHub's format: a new project, clean but
    // for the address it is to be published at.
    assert_eq!(outputs[0], "");
    assert!(
        outputs[1].starts_with("::warning file=gazette.toml,line=1,title=missing-base-url (fr)::")
            && outputs[1].ends_with("\ncheck: 0 errors, 1 warning\n"),
        "{outputs:?}"
    );
}

#[test]
fn the_install_step_says_what_to_set_when_a_value_is_missing() {
    let p = init("check");
    let (_, jobs) = workflow(&p, ".github/workflows/translations.yml");
    let home = tempfile::tempdir().unwrap();
    let runner = with_cargo_stand_in(home.path());
    for (unset, other) in [
        ("GAZETTE_REPOSITORY", ("GAZETTE_REV", "0123abc")),
        (
            "GAZETTE_REV",
            ("GAZETTE_REPOSITORY", "https://example.org/gazette.git"),
        ),
    ] {
        let outcomes = runner.run(&p, &jobs["check"], &[(unset, ""), other]);
        let (code, text) = outcomes.last().unwrap();
        assert_eq!((outcomes.len(), *code), (1, 1), "{text}");
        assert!(
            text.contains(&format!("{unset}: set {unset} in the env of this job")),
            "{text}"
        );
        assert!(!runner.root.path().join("bin/gazette").exists());
    }
}

#[test]
fn the_pages_workflow_builds_the_site_and_deploys_it() {
    let p = init("pages");
    let (doc, jobs) = workflow(&p, ".github/workflows/pages.yml");
    assert_eq!(doc["permissions"]["pages"].as_str(), Some("write"));
    assert_eq!(doc["permissions"]["id-token"].as_str(), Some("write"));
    assert_eq!(jobs.keys().collect::<Vec<_>>(), ["build", "deploy"]);
    let deploy: Vec<Option<&str>> = jobs["deploy"]
        .steps
        .iter()
        .map(|s| s.uses.as_deref())
        .collect();
    assert_eq!(deploy, [Some("actions/deploy-pages@v4")]);
    let build = &jobs["build"];
    assert_installs_its_own_source(build);
    let uses: Vec<&str> = build
        .steps
        .iter()
        .filter_map(|s| s.uses.as_deref())
        .collect();
    assert_eq!(uses.last(), Some(&"actions/upload-pages-artifact@v3"));
    // The translations workflow comes with it.
    workflow(&p, ".github/workflows/translations.yml");
    let Some(commit) = COMMIT else { return };
    let home = tempfile::tempdir().unwrap();
    with_cargo_stand_in(home.path()).run_against_a_local_copy(&p, build, commit);
    assert!(p.path().join("out/fr/welcome.html").is_file());
}

/// The check workflow with the real `cargo install` of the commit gazette was built from, from
/// a local clone: a release build (at `opt-level` 0, the one setting changed, so that it takes
/// minutes, not tens), in `target/workflow-install/` so that a second run reuses the first.
#[test]
#[ignore = "a release build of gazette and its dependencies: many minutes on two cores"]
fn a_real_cargo_install_of_the_workflow_builds_gazette() {
    let commit = COMMIT.expect("built from a clone of gazette's repository");
    let p = init("check");
    let (_, jobs) = workflow(&p, ".github/workflows/translations.yml");
    let target = repo_root().join("target/workflow-install");
    let runner = Runner::new(
        None,
        &[
            ("CARGO_TARGET_DIR", target.to_str().unwrap()),
            ("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0"),
        ],
    );
    let outputs = runner.run_against_a_local_copy(&p, &jobs["check"], commit);
    assert_eq!(outputs.last().unwrap(), "check: no problems found\n");
}
