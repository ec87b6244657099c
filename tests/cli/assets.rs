//! Assets: files of `static/` copied into `out/` (never held whole in memory), images sized,
//! a missing asset or logo named at its content file's line, a static file in a page's place
//! refused, and copies kept or made again as their files change.

use std::fs;

use super::support::{
    build, findings, newsroom, project, published, run, svg, tree, with_media, Project,
};

/// The peak memory of `gazette build` in KiB, where `/usr/bin/time` tells it.
fn build_peak(p: &Project) -> Option<u64> {
    let out = std::process::Command::new("/usr/bin/time")
        .args(["-f", "peak %M"])
        .arg(env!("CARGO_BIN_EXE_gazette"))
        .arg("-C")
        .arg(p.path())
        .args(["build", "-q"])
        .output()
        .ok()?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    stderr
        .lines()
        .find_map(|l| l.strip_prefix("peak "))
        .and_then(|k| k.trim().parse().ok())
}

/// A file of static/ larger than gazette's memory use is published without being read whole.
#[test]
fn static_files_are_never_held_in_memory() {
    let p = project();
    let Some(without) = build_peak(&p) else {
        // No /usr/bin/time here: nothing to measure with.
        return;
    };
    fs::create_dir_all(p.path().join("static")).unwrap();
    let video = fs::File::create(p.path().join("static/film.mp4")).unwrap();
    video.set_len(384 << 20).unwrap();
    drop(video);
    let with = build_peak(&p).unwrap();
    assert!(
        with < without + 64 * 1024,
        "peak memory {without} KiB, {with} KiB with a 384 MiB file"
    );
    let published = fs::metadata(p.path().join("out/film.mp4")).unwrap();
    assert_eq!(published.len(), 384 << 20);
}

/// A large file of static/ is published by streaming, its bytes and an image's size exact.
#[test]
fn large_static_files_are_copied_whole() {
    let p = project();
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend_from_slice(&3u32.to_be_bytes());
    png.extend_from_slice(&2u32.to_be_bytes());
    png.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
    let mut video = vec![0u8; 3 << 20];
    video
        .iter_mut()
        .enumerate()
        .for_each(|(i, b)| *b = (i % 251) as u8);
    fs::create_dir_all(p.path().join("static")).unwrap();
    fs::write(p.path().join("static/clip.webm"), &video).unwrap();
    fs::write(p.path().join("static/dot.png"), &png).unwrap();
    let (code, _, stderr) = run(&p, &["build"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(fs::read(p.path().join("out/clip.webm")).unwrap(), video);
    // Changed by one byte at its end: published again.
    *video.last_mut().unwrap() ^= 1;
    fs::write(p.path().join("static/clip.webm"), &video).unwrap();
    let (code, _, stderr) = run(&p, &["build"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(fs::read(p.path().join("out/clip.webm")).unwrap(), video);
    assert_eq!(fs::read(p.path().join("out/dot.png")).unwrap(), png);
    run(&p, &["build", "--out", "full"]);
    assert_eq!(tree(&p.path().join("out")), tree(&p.path().join("full")));
}

#[test]
fn static_files_are_copied_and_images_sized() {
    let p = with_media();
    assert_eq!(build(&p, "out", None).0, 0);
    for file in [
        "images/map.svg",
        "images/poster.svg",
        "media/clip.webm",
        "CNAME",
    ] {
        assert_eq!(
            std::fs::read(p.path().join("out").join(file)).unwrap(),
            std::fs::read(p.path().join("static").join(file)).unwrap(),
            "{file}"
        );
    }
    let fr = p.read("out/fr/a.html");
    assert!(
        fr.contains("<img src=\"https://news.example/images/map.svg\" alt=\"Map&#x20;(fr)\" width=\"640\" height=\"360\">"),
        "the first image, sized and not lazy: {fr}"
    );
    assert!(
        fr.contains(
            "<img src=\"https://images.example/map.png\" alt=\"Map&#x20;(fr)\" loading=\"lazy\">"
        ),
        "a URL stays as it is: {fr}"
    );
    assert!(
        fr.contains("src=\"https://news.example/media/clip.webm\" poster=\"https://news.example/images/poster.svg\""),
        "{fr}"
    );
}

#[test]
fn a_missing_asset_is_an_error_at_the_content_files_line() {
    let p = with_media();
    std::fs::remove_file(p.path().join("static/images/poster.svg")).unwrap();
    let (code, json) = p.check_json();
    assert_eq!(code, 1);
    let found: Vec<_> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "missing-asset")
        .map(|d| (d["file"].as_str().unwrap(), d["line"].as_u64().unwrap()))
        .collect();
    // The line of the poster, in the video's block.
    assert_eq!(found, [("content/a.toml", 29)]);
    assert_eq!(build(&p, "out", None).0, 1);
}

/// A rebuild after a file of `static/` changes, appears or goes equals a full build, and the
/// cached check sees an asset that went.
#[test]
fn rebuilds_follow_static_files() {
    let p = with_media();
    assert_eq!(build(&p, "out", None).0, 0);
    p.write("static/images/map.svg", &svg(800, 600));
    p.write("static/robots.txt", "User-agent: *\n");
    assert_eq!(build(&p, "out", None).0, 0);
    assert!(p
        .read("out/fr/a.html")
        .contains("width=\"800\" height=\"600\""));
    assert_eq!(build(&p, "full", None).0, 0);
    assert_eq!(tree(&p.path().join("out")), tree(&p.path().join("full")));

    std::fs::remove_file(p.path().join("static/robots.txt")).unwrap();
    assert_eq!(build(&p, "out", None).0, 0);
    assert!(!p.path().join("out/robots.txt").exists());
    std::fs::remove_file(p.path().join("static/images/map.svg")).unwrap();
    let (code, _) = p.check_json();
    assert_eq!(code, 1, "the cached check sees the image gone");
}

#[test]
fn a_static_file_in_the_place_of_a_page_is_refused() {
    let p = newsroom();
    p.write("static/fr/a.html", "<p>mine</p>");
    let (code, stderr) = build(&p, "out", None);
    assert_eq!(code, 2);
    assert!(stderr.contains("static/fr/a.html"), "{stderr}");
    assert!(!p.path().join("out").exists());
}

/// A file of `static/` that did not change since the last build (taken by its stamp) keeps
/// its copy in `out/`, the same file; a copy edited in `out/` is made again, and the rebuild
/// equals a full build.
#[test]
fn unchanged_static_files_keep_their_copy_and_an_edited_copy_is_made_again() {
    use std::os::unix::fs::MetadataExt;
    let p = with_media();
    // Stamps are kept only for files that settled before the build began.
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
    for file in [
        "images/map.svg",
        "images/poster.svg",
        "media/clip.webm",
        "CNAME",
    ] {
        let f = std::fs::File::options()
            .write(true)
            .open(p.path().join("static").join(file))
            .unwrap();
        f.set_modified(old).unwrap();
    }
    std::thread::sleep(std::time::Duration::from_millis(2100));
    assert_eq!(build(&p, "out", None).0, 0);
    let inode = |f: &str| {
        std::fs::metadata(p.path().join("out").join(f))
            .unwrap()
            .ino()
    };
    let before = inode("media/clip.webm");
    let (code, stderr) = build(&p, "out", None);
    assert_eq!(code, 0);
    assert!(stderr.contains(": 0 files written to out"), "{stderr}");
    assert_eq!(inode("media/clip.webm"), before);
    // Its copy edited in out/ is made again.
    std::fs::write(p.path().join("out/media/clip.webm"), "tampered").unwrap();
    assert_eq!(build(&p, "out", None).0, 0);
    assert_eq!(build(&p, "full", None).0, 0);
    assert_eq!(tree(&p.path().join("out")), tree(&p.path().join("full")));
}

/// A logo that is no file of `static/` is a `missing-asset` at its line of gazette.toml.
#[test]
fn a_missing_logo_is_a_missing_asset() {
    let p = published();
    std::fs::remove_file(p.path().join("static/images/logo.png")).unwrap();
    let found = findings(&p, "missing-asset");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0]["file"], "gazette.toml");
    assert_eq!(found[0]["line"], 6);
    let (code, _, _) = run(&p, &["check"]);
    assert_eq!(code, 1);
}

/// A static file in the place of one of gazette's own pages (a language's folder, a
/// pseudo-locale's, the picker) is refused before anything is written, whether or not this
/// build makes that edition: never two writers of one file.
#[test]
fn a_static_file_in_the_place_of_gazettes_pages_is_refused() {
    for (file, args) in [
        ("static/fr/mine.html", &["build"][..]),
        ("static/index.html", &["build"]),
        (
            "static/und-x-ploc/index.html",
            &["build", "--pseudo", "accented"],
        ),
        ("static/und-x-plocm/index.html", &["build"]),
    ] {
        let p = Project::fixture("publish");
        p.write(file, "mine");
        let mut all = args.to_vec();
        all.extend(["--missing", "fallback"]);
        let (code, _, stderr) = run(&p, &all);
        assert_eq!(code, 2, "{file}: {stderr}");
        assert!(
            stderr.contains(&format!(
                "{file}: this is the place of one of gazette's own pages: move the file"
            )),
            "{file}: {stderr}"
        );
        assert!(!p.path().join("out").exists(), "{file}: nothing published");
    }
}
