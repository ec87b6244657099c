//! Bad input: exit 2 with one clear line on stderr naming the file (and line or block).

use super::support::Project;

/// Run `check` and `build`; both must fail with exit 2 and the same one-line message.
fn fails_with(project: &Project, expected: &[&str]) {
    for cmd in ["check", "build"] {
        let out = project.gazette(&[cmd]).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{cmd}: {stderr}");
        assert_eq!(
            stderr.lines().count(),
            1,
            "{cmd}: one line expected: {stderr}"
        );
        assert!(stderr.starts_with("error: "), "{stderr}");
        for part in expected {
            assert!(stderr.contains(part), "{cmd}: `{part}` not in: {stderr}");
        }
        assert!(out.stdout.is_empty(), "nothing on stdout");
        assert!(!project.path().join("out").exists(), "{cmd} wrote out/");
    }
}

fn minimal() -> Project {
    let p = Project::empty();
    p.write("locales/fr/a.ftl", "title = Titre\n")
        .write("locales/de/a.ftl", "title = Titel\n");
    p
}

#[test]
fn malformed_article_toml_names_file_and_line() {
    let p = minimal();
    p.write(
        "content/a.toml",
        "date = 2025-08-17\n\n[[blocks]]\ntype = \"paragraph\nkey = \"x\"\n",
    );
    fails_with(&p, &["content/a.toml", "line 4"]);
}

#[test]
fn unknown_block_type_names_file_and_block() {
    let p = minimal();
    p.write(
        "content/a.toml",
        "date = 2025-08-17\n\n[[blocks]]\ntype = \"paragraph\"\nkey = \"title\"\n\n[[blocks]]\ntype = \"carousel\"\nkey = \"title\"\n",
    );
    fails_with(&p, &["content/a.toml", "block 2", "carousel"]);
}

#[test]
fn unknown_block_field_names_file_block_and_field() {
    let p = minimal();
    p.write(
        "content/a.toml",
        "date = 2025-08-17\n\n[[blocks]]\ntype = \"figure\"\nkey = \"title\"\nsrc = \"a.jpg\"\nwidth = 300\n",
    );
    fails_with(&p, &["content/a.toml", "block 1", "width"]);
}

#[test]
fn unknown_article_field_is_named() {
    let p = minimal();
    p.write("content/a.toml", "date = 2025-08-17\nauthor = \"X\"\n");
    fails_with(&p, &["content/a.toml", "author"]);
}

#[test]
fn invalid_slug_is_rejected() {
    for name in ["Bad_Slug", "deux mots", "été"] {
        let p = minimal();
        p.write(&format!("content/{name}.toml"), "date = 2025-08-17\n");
        fails_with(&p, &[&format!("content/{name}.toml"), "invalid slug"]);
    }
}

#[test]
fn the_index_slug_is_taken() {
    let p = minimal();
    p.write("content/index.toml", "date = 2025-08-17\n");
    fails_with(&p, &["content/index.toml", "the slug `index` is taken"]);
}

#[test]
fn missing_locales_folder() {
    let p = Project::empty();
    p.write("content/a.toml", "date = 2025-08-17\n");
    fails_with(&p, &["locales", "no locales folder"]);
}

#[test]
fn missing_source_folder() {
    let p = Project::empty();
    p.write("locales/de/a.ftl", "title = Titel\n");
    fails_with(&p, &["locales/fr", "source language `fr`"]);
}

#[test]
fn unknown_config_key_is_named() {
    let p = minimal();
    p.write(
        "gazette.toml",
        "source = \"fr\"\nbase-url = \"https://x.example\"\n",
    );
    fails_with(&p, &["gazette.toml", "base-url"]);
}

#[test]
fn malformed_config_names_line() {
    let p = minimal();
    p.write("gazette.toml", "source = \"fr\"\ntargets = [\"de\"\n");
    fails_with(&p, &["gazette.toml", "line 2"]);
}

#[test]
fn unreadable_file_is_named() {
    let p = minimal();
    std::fs::write(p.path().join("locales/de/a.ftl"), b"title = \xff\xfe\n").unwrap();
    fails_with(&p, &["locales/de/a.ftl", "not valid UTF-8"]);
}

#[test]
fn unknown_language_for_build_is_a_usage_error() {
    let out = minimal()
        .gazette(&["build", "--lang", "it"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("`it` is not a language of this project"));
}

#[test]
fn bad_command_line_is_exit_2() {
    let out = minimal()
        .gazette(&["check", "--format", "xml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
