//! Defences of stage 1 against hostile or broken files: the largest file and the deepest
//! Fluent nesting gazette accepts, the project's bounds (no input leads out of the project or
//! into its own folders) and the names of its files.
//!
//! Project files come from many hands (editors, translators, agencies, CMS exports). Past these
//! limits gazette stops with an error naming the file (exit 2) instead of running out of memory
//! or stack, or reading what is not the project's. The limits are listed in the README
//! ("Limits"); `project` applies them to every file it reads.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// The largest file gazette reads: 10 MiB. A newsroom's translations fit in it many times over;
/// past it a file is an accident (a log, an export gone wrong) or an attack.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// The deepest nesting of placeables (`{ { … } }`), selectors and function or term arguments
/// in a Fluent file. fluent-syntax parses and fluent-bundle formats nesting by recursion: a few
/// thousand levels overflow the stack. Real messages nest two or three levels.
pub const MAX_NESTING: usize = 100;

fn invalid(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message)
}

/// Write `bytes` to a new file at `path`: whatever stood there is removed first (a symbolic
/// link itself, never what it leads to), so a link planted under one of gazette's own names
/// cannot have it write over another file.
pub fn write_fresh(path: &Path, bytes: &[u8]) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    io::Write::write_all(&mut file, bytes)
}

/// Read a regular file of at most [`MAX_FILE_BYTES`]. A folder, a FIFO or a device is refused
/// before it is opened (reading a FIFO would block forever).
pub fn read_file(path: &Path) -> io::Result<Vec<u8>> {
    read_file_of(path, &fs::metadata(path)?)
}

/// [`read_file`], with the file's metadata already at hand.
pub fn read_file_of(path: &Path, meta: &fs::Metadata) -> io::Result<Vec<u8>> {
    read_file_limited(path, meta, MAX_FILE_BYTES)
}

/// [`read_file_of`] with another limit than [`MAX_FILE_BYTES`]: for files gazette writes
/// itself, whose size it bounds ([`crate::records::MAX_SHARD_BYTES`]).
pub fn read_file_limited(path: &Path, meta: &fs::Metadata, limit: u64) -> io::Result<Vec<u8>> {
    if meta.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "is a folder, not a file",
        ));
    }
    if !meta.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "is not a regular file",
        ));
    }
    let too_big = |size: u64| {
        invalid(format!(
            "file too large ({size} bytes): gazette reads files of at most {} MiB",
            limit / (1024 * 1024)
        ))
    };
    if meta.len() > limit {
        return Err(too_big(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The file may grow between the two looks: never read more than the limit.
    fs::File::open(path)?
        .take(limit + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Version control's folders: never an input, whatever links to them (`.git/config` of a CI
/// checkout holds the job's access token).
pub const VCS_FOLDERS: [&str; 3] = [".git", ".hg", ".svn"];

/// The marker of a folder gazette writes its output to ([`crate::write`]): beside it, named
/// `.<folder>.gazette-output` ([`output_marker`]), or inside it, named so, as earlier versions
/// wrote it. A folder with a marker is an output, never an input.
pub const OUTPUT_MARKER: &str = ".gazette-output";

/// The marker of the output folder `out`: beside it, never inside (a site is deployed whole,
/// and gazette's bookkeeping is no part of it).
pub fn output_marker(out: &Path) -> PathBuf {
    let name = out.file_name().unwrap_or_default().to_string_lossy();
    out.with_file_name(format!(".{name}{OUTPUT_MARKER}"))
}

/// Is this folder an output of gazette's (its marker beside it, or inside it)?
pub fn is_output(dir: &Path) -> bool {
    output_marker(dir).is_file() || dir.join(OUTPUT_MARKER).is_file()
}

/// Is a file of this name an output's marker (never an input, never published)?
pub fn is_marker_name(name: &str) -> bool {
    name.starts_with('.') && name.ends_with(OUTPUT_MARKER)
}

/// Where a project's inputs may lead: inside its root, never into a folder of gazette's own
/// (the cache, the output and the previous site beside it) or of version control.
#[derive(Debug)]
pub struct Bounds {
    /// The project root as it was given.
    root: PathBuf,
    /// The project root, symbolic links resolved.
    real: PathBuf,
    /// gazette's own folders and version control's, relative to the root as they are named.
    own: Vec<PathBuf>,
    /// The same, symbolic links resolved, for those that exist.
    own_real: Vec<PathBuf>,
    /// The input folders (relative to the root as named, and with symbolic links resolved, for
    /// those that exist): a link under one of them leads into it, and nowhere else.
    inputs: Vec<(PathBuf, PathBuf)>,
    /// The folder of the language folders, symbolic links resolved: a link in one language's
    /// folder may not lead into another's ([`Bounds::with_languages`]).
    languages_real: Option<PathBuf>,
}

impl Bounds {
    /// The bounds of the project at `root`, whose own folders (relative to it) are `own`, next
    /// to version control's, and whose input folders are `inputs`.
    pub fn new(root: &Path, own: &[PathBuf], inputs: &[PathBuf]) -> io::Result<Bounds> {
        let root_real = fs::canonicalize(root)?;
        let own: Vec<PathBuf> = VCS_FOLDERS
            .iter()
            .map(PathBuf::from)
            .chain(own.iter().cloned())
            // An output at the root itself is refused when written to, not here.
            .filter(|rel| !rel.as_os_str().is_empty())
            .collect();
        let own_real = own
            .iter()
            .filter_map(|rel| fs::canonicalize(root.join(rel)).ok())
            .collect();
        // An input folder at the root (a Fluent project's languages) bounds nothing more.
        let inputs = inputs
            .iter()
            .filter(|rel| !rel.as_os_str().is_empty())
            .filter_map(|rel| Some((rel.clone(), fs::canonicalize(root.join(rel)).ok()?)))
            .collect();
        Ok(Bounds {
            root: root.to_path_buf(),
            real: root_real,
            own,
            own_real,
            inputs,
            languages_real: None,
        })
    }

    /// These bounds, with `locales` (relative to the root) as the folder of the language
    /// folders: a file of one language linked to another's would have that language's text
    /// published as this one's, and `sync` write this language's stubs into the other's file.
    pub fn with_languages(mut self, locales: &Path) -> Bounds {
        // Language folders at the project root sit among others: none to tell apart there.
        if !locales.as_os_str().is_empty() {
            self.languages_real = fs::canonicalize(self.root.join(locales)).ok();
        }
        self
    }

    /// The project root as it was given.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Refuse an input path (`rel`, relative to the root: a folder of `gazette.toml`, a file a
    /// settings file names) that leads out of the project or into one of its own folders.
    /// One that does not exist yet must not name a place outside either.
    pub fn check_path(&self, rel: &Path) -> io::Result<()> {
        match fs::canonicalize(self.root.join(rel)) {
            Ok(real) => self.check_target(&real, "leads"),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                self.check_target(&resolved_missing(&self.real.join(rel)), "leads")
            }
            Err(e) => Err(e),
        }
    }

    /// Refuse an entry of a project folder that is a symbolic link leading out of the project,
    /// into one of its own folders, to nothing, or to a folder that contains it (a loop).
    /// A link in an input folder must lead into that folder: a link in `static/` (copied into
    /// the site as it is) or `templates/` (in every page) to `.env`, a CI job's credentials or
    /// the translators' files would publish it, and one from `locales/` or `content/` would
    /// show it in an error's excerpt, or have `sync` write into another input.
    pub fn check_link(&self, path: &Path) -> io::Result<()> {
        if !fs::symlink_metadata(path)?.file_type().is_symlink() {
            return Ok(());
        }
        let target = fs::canonicalize(path).map_err(|e| {
            // Named as the link names it: where it leads is what there is to mend.
            let to = fs::read_link(path).unwrap_or_default();
            let to = escape_chars(&to.to_string_lossy(), is_forbidden_in_name).into_owned();
            let why = match e.kind() {
                io::ErrorKind::NotFound => "which does not exist (a dangling link)".to_owned(),
                _ => format!("which cannot be read ({e})"),
            };
            io::Error::new(
                e.kind(),
                format!("symbolic link to {to}, {why}: mend or remove the link"),
            )
        })?;
        self.check_target(&target, "symbolic link")?;
        self.check_input(path, &target)?;
        self.check_language(path, &target)?;
        if let Some(parent) = path.parent() {
            if fs::canonicalize(parent)?.starts_with(&target) {
                return Err(invalid(
                    "symbolic link to a folder that contains it (a loop): refused".into(),
                ));
            }
        }
        Ok(())
    }

    /// Refuse a link in an input folder that leads out of it.
    fn check_input(&self, link: &Path, target: &Path) -> io::Result<()> {
        let rel = link.strip_prefix(&self.root).unwrap_or(link);
        let Some((folder, real)) = self
            .inputs
            .iter()
            .filter(|(folder, _)| rel.starts_with(folder))
            .max_by_key(|(folder, _)| folder.components().count())
        else {
            return Ok(());
        };
        if target.starts_with(real) {
            return Ok(());
        }
        let folder = folder.display();
        let why = if folder.to_string() == "static" {
            "a site publishes only what static/ holds (a link to `.env`, to `locales/` or `content/` would publish secrets, drafts or embargoed text)".to_owned()
        } else {
            format!("a file of {folder}/ links only within it (a link to `.env`, to another input or to static/ would publish or print what it leads to)")
        };
        Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            format!(
                "symbolic link to {}, out of {folder}/: {why}: refused",
                target.display()
            ),
        ))
    }

    /// Refuse a link in one language's folder that leads into another's.
    fn check_language(&self, link: &Path, target: &Path) -> io::Result<()> {
        let Some(languages) = &self.languages_real else {
            return Ok(());
        };
        let language_of = |p: &Path| {
            p.strip_prefix(languages)
                .ok()
                .and_then(|rest| rest.components().next())
                .map(|c| c.as_os_str().to_owned())
        };
        let from = link
            .parent()
            .and_then(|p| fs::canonicalize(p).ok())
            .and_then(|p| language_of(&p.join("x")));
        let to = language_of(target);
        match (from, to) {
            (Some(from), Some(to)) if from != to => Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                format!(
                    "symbolic link to {}, a file of another language ({}): each language's translations are its own files (this language's pages would publish that text, and `sync` would write this language's stubs into it); copy the file instead",
                    target.display(),
                    to.to_string_lossy()
                ),
            )),
            _ => Ok(()),
        }
    }

    /// Is this folder of an input folder (`rel`, relative to the root, not a link) one of the
    /// project's own folders, to be passed over: version control's (a submodule's `.git`), the
    /// output or the previous site (`out = "static/site"`), any output of gazette's?
    pub fn is_own_folder(&self, rel: &Path) -> bool {
        rel.file_name()
            .is_some_and(|name| VCS_FOLDERS.iter().any(|v| name == *v))
            || self.own.iter().any(|own| own == rel)
            || is_output(&self.root.join(rel))
    }

    /// Refuse a resolved path out of the project or inside one of its own folders; `what` is
    /// how the message names the path that leads there ("symbolic link", "leads").
    fn check_target(&self, target: &Path, what: &str) -> io::Result<()> {
        let refused = |why: String| {
            Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                format!("{what} to {}, {why}: refused", target.display()),
            ))
        };
        let Ok(inside) = target.strip_prefix(&self.real) else {
            return refused("outside the project".into());
        };
        if let Some(own) = self.own_real.iter().find(|own| target.starts_with(own)) {
            let shown = own.strip_prefix(&self.real).unwrap_or(own);
            return refused(format!(
                "inside {}, a folder gazette never reads",
                shown.display()
            ));
        }
        // Every folder on the way, from the root down: an output of another `--out`, a
        // version control folder of a sub-project.
        let mut at = self.real.clone();
        for part in inside.components() {
            at.push(part);
            let vcs = VCS_FOLDERS.iter().any(|v| part.as_os_str() == *v);
            if vcs || is_output(&at) {
                let shown = at.strip_prefix(&self.real).unwrap_or(&at);
                return refused(format!(
                    "inside {}, a folder gazette never reads",
                    shown.display()
                ));
            }
        }
        Ok(())
    }
}

/// A character no name of a project file may hold: a control character (C0, DEL, C1), which
/// can break a list of names one a line or a terminal's display, or a bidirectional control,
/// which shows a name other than it is.
pub fn is_forbidden_in_name(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The one of `candidates` nearest to what was `typed` (Jaro-Winkler, the similarity clap
/// uses for its suggestions), if it scores at least `threshold` (0.85: a missing, extra or
/// changed letter or separator, not another word): the "did you mean?" of every error.
pub fn nearest<'a>(
    typed: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    threshold: f64,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(typed, c), c))
        .filter(|(score, _)| *score >= threshold)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// A name as a message shows it: its forbidden characters escaped (`\n`, `\u{202e}`).
pub fn escaped_name(name: &str) -> String {
    escape_chars(name, is_forbidden_in_name).into_owned()
}

/// `text` with every character that `escape` picks written as Rust writes it in a literal
/// (`\n`, `\r`, `\u{1b}`), so that it shows as what it is and cannot act on a terminal or
/// split a list of names one a line. Borrowed when there is nothing to escape.
pub fn escape_chars(text: &str, escape: impl Fn(char) -> bool) -> std::borrow::Cow<'_, str> {
    if !text.contains(&escape) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if escape(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The name of a project file, refused (with why) if it is not UTF-8 or holds a forbidden
/// character ([`is_forbidden_in_name`]).
pub fn check_name(name: &std::ffi::OsStr) -> Result<&str, String> {
    let Some(name) = name.to_str() else {
        return Err("a file name that is not UTF-8: rename it".into());
    };
    match name.chars().find(|c| is_forbidden_in_name(*c)) {
        Some(c) => Err(format!(
            "a file name with a control character (U+{:04X}): rename it",
            u32::from(c)
        )),
        None => Ok(name),
    }
}

/// Where a path that does not exist would be: its deepest folder that exists, symbolic links
/// resolved (a link that leads nowhere yet followed too), and the rest of it, `.` and `..`
/// resolved by their names.
pub fn resolved_missing(path: &Path) -> PathBuf {
    resolved_missing_at(path, 0)
}

fn resolved_missing_at(path: &Path, depth: usize) -> PathBuf {
    use std::path::Component;
    let parts: Vec<Component> = path.components().collect();
    let (n, mut out) = (0..=parts.len())
        .rev()
        .find_map(|n| {
            let real = fs::canonicalize(parts[..n].iter().collect::<PathBuf>()).ok()?;
            Some((n, real))
        })
        .unwrap_or_default();
    if n < parts.len() && depth < 40 {
        if let Ok(target) = fs::read_link(parts[..=n].iter().collect::<PathBuf>()) {
            let rest: PathBuf = parts[n + 1..].iter().collect();
            return resolved_missing_at(&out.join(target).join(rest), depth + 1);
        }
    }
    for part in &parts[n..] {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Refuse Fluent text nested deeper than [`MAX_NESTING`], before any parser recurses into it.
/// The message names the line where the limit is passed.
pub fn check_ftl(text: &str) -> Result<(), String> {
    // Every level of nesting opens with `{` or `(`: with few of them, no need to scan.
    let openings = text.bytes().filter(|&b| b == b'{' || b == b'(').count();
    if openings <= MAX_NESTING {
        return Ok(());
    }
    let (depth, line) = ftl_nesting(text);
    if depth > MAX_NESTING {
        Err(format!(
            "line {line}: placeables nested more than {MAX_NESTING} levels deep; gazette refuses such files"
        ))
    } else {
        Ok(())
    }
}

/// Refuse a Handlebars template whose blocks (`{{#if}}…{{/if}}`) and sub-expressions
/// (`(concat (concat …))`) nest deeper than [`MAX_NESTING`]: handlebars compiles and renders
/// them by recursion (3,000 nested blocks overflow a worker thread's stack; 20,000 take
/// minutes).
pub fn check_template(text: &str) -> Result<(), String> {
    let (mut blocks, mut max, mut max_line) = (0usize, 0usize, 0usize);
    let mut line = 1;
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        line += rest[..open].matches('\n').count();
        let inside = rest[open + 2..].trim_start_matches(['{', '~']);
        let end = inside.find("}}").unwrap_or(inside.len());
        let tag = &inside[..end];
        match tag.chars().next() {
            Some('#') => blocks += 1,
            Some('/') => blocks = blocks.saturating_sub(1),
            _ => {}
        }
        let mut parens = 0usize;
        let mut deepest = 0;
        for c in tag.chars() {
            match c {
                '(' => {
                    parens += 1;
                    deepest = deepest.max(parens);
                }
                ')' => parens = parens.saturating_sub(1),
                _ => {}
            }
        }
        if blocks + deepest > max {
            (max, max_line) = (blocks + deepest, line);
        }
        line += tag.matches('\n').count();
        rest = &inside[end..];
    }
    if max > MAX_NESTING {
        Err(format!(
            "line {max_line}: blocks and sub-expressions nested more than {MAX_NESTING} levels deep; gazette refuses such templates"
        ))
    } else {
        Ok(())
    }
}

/// The templates a template renders inside itself: `{{> name}}`, `{{#> name}}` and
/// `{{include "name"}}`, by template name (file name without `.hbs`).
fn included(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        let after = &rest[open + 2..];
        let tag = after.trim_start_matches(['{', '~', '#']);
        let skipped = after.len() - tag.len();
        let end = tag.find("}}").unwrap_or(tag.len());
        let tag = &tag[..end];
        let name = if let Some(partial) = tag.strip_prefix('>') {
            partial.split_whitespace().next()
        } else if let Some(args) = tag.strip_prefix("include") {
            args.split_whitespace()
                .next()
                .map(|a| a.trim_matches(['"', '\'']))
        } else {
            None
        };
        names.extend(name.filter(|n| !n.is_empty()));
        rest = &after[skipped + end..];
    }
    names
}

/// Refuse templates that render one another in a loop (`style.hbs` including
/// `article.html.hbs`, which includes `style.hbs`): Handlebars would recurse until the stack
/// overflows. Takes (template name, its text); returns the cycle, as names, if there is one.
pub fn template_cycle<'a>(templates: &[(&'a str, &'a str)]) -> Option<Vec<&'a str>> {
    let edges: std::collections::BTreeMap<&str, Vec<&str>> = templates
        .iter()
        .map(|(name, text)| (*name, included(text)))
        .collect();
    fn visit<'a>(
        name: &'a str,
        edges: &std::collections::BTreeMap<&'a str, Vec<&'a str>>,
        path: &mut Vec<&'a str>,
        done: &mut std::collections::BTreeSet<&'a str>,
    ) -> Option<Vec<&'a str>> {
        if let Some(at) = path.iter().position(|n| *n == name) {
            let mut cycle = path[at..].to_vec();
            cycle.push(name);
            return Some(cycle);
        }
        if done.contains(name) {
            return None;
        }
        path.push(name);
        for next in edges.get(name).into_iter().flatten() {
            if let Some((key, _)) = edges.get_key_value(next) {
                if let Some(cycle) = visit(key, edges, path, done) {
                    return Some(cycle);
                }
            }
        }
        path.pop();
        done.insert(name);
        None
    }
    let mut done = std::collections::BTreeSet::new();
    edges
        .keys()
        .find_map(|name| visit(name, &edges, &mut Vec::new(), &mut done))
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Frame {
    /// `{ …`: an expression.
    Placeable,
    /// `{ $x -> …`: variants, whose values are text with placeables.
    Select,
    /// `FUNC(…` or `-term(…`: arguments.
    Call,
}

/// The deepest nesting of Fluent text (placeables, selectors, call arguments) and the 1-based
/// line where it is first reached.
///
/// A scan, not a parse: it follows the grammar far enough never to count less than the parser
/// will recurse (text and string literals are skipped only where the parser reads them as
/// such), and forgets everything at a line where the parser is sure to start afresh.
fn ftl_nesting(text: &str) -> (usize, usize) {
    let mut stack: Vec<Frame> = Vec::new();
    let (mut max, mut max_line) = (0, 0);
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let in_text = matches!(stack.last(), None | Some(Frame::Select));
        let first = line.chars().next().unwrap_or(' ');
        if first == '#' {
            // A comment; inside an expression `#` is an error, after which the parser resumes
            // at this very line, as a comment.
            stack.clear();
            continue;
        }
        if (in_text && (first.is_ascii_alphabetic() || first == '-')) || starts_entry(line) {
            // Unindented text ends a pattern, and `id =` cannot continue an expression: either
            // way a new entry starts here, for the parser too.
            stack.clear();
        }
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            let in_text = matches!(stack.last(), None | Some(Frame::Select));
            match c {
                '{' | '(' if c == '{' || !in_text => {
                    stack.push(if c == '{' {
                        Frame::Placeable
                    } else {
                        Frame::Call
                    });
                    if stack.len() > max {
                        (max, max_line) = (stack.len(), n + 1);
                    }
                }
                '}' => {
                    // Closes the innermost placeable, and any call left open inside it.
                    while let Some(Frame::Call) = stack.pop() {}
                }
                _ if in_text => {}
                ')' if stack.last() == Some(&Frame::Call) => {
                    stack.pop();
                }
                '-' if chars.peek() == Some(&'>') => {
                    chars.next();
                    if let Some(top @ Frame::Placeable) = stack.last_mut() {
                        *top = Frame::Select;
                    }
                }
                '"' => {
                    // A string literal ends at its closing quote or at the end of the line.
                    while let Some(c) = chars.next() {
                        match c {
                            '"' | '\n' => break,
                            '\\' => {
                                chars.next_if(|&c| c != '\n');
                            }
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
    }
    (max, max_line)
}

/// Does the line start a message or term, `id =` or `-id =`?
fn starts_entry(line: &str) -> bool {
    let rest = line.strip_prefix('-').unwrap_or(line);
    let id = rest
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b == b'-')
        .count();
    rest.starts_with(|c: char| c.is_ascii_alphabetic())
        && rest[id..].trim_start_matches(' ').starts_with('=')
}

#[cfg(test)]
mod tests {
    #[test]
    fn template_loops_are_found() {
        let style = ("style", "{{#if x}}{{include \"article.html\"}}{{/if}}");
        let article = ("article.html", "<p>é</p>{{> style}}{{~> other x=1}}");
        let other = ("other", "{{include 'missing'}}");
        assert_eq!(
            super::template_cycle(&[article, other, style]),
            Some(vec!["article.html", "style", "article.html"])
        );
        let style = ("style", "{{x}} é {{#each y}}{{/each}}");
        assert_eq!(super::template_cycle(&[article, other, style]), None);
        assert_eq!(
            super::template_cycle(&[("a", "{{#> a}}{{/a}}")]),
            Some(vec!["a", "a"])
        );
    }

    use super::*;

    fn depth(text: &str) -> usize {
        ftl_nesting(text).0
    }

    #[test]
    fn counts_placeables_selectors_and_calls() {
        assert_eq!(depth("a = plain (text) \"quoted\"\n"), 0);
        assert_eq!(depth("a = { $x } and { -t }\n"), 1);
        assert_eq!(depth("a = { { \"x\" } }\n"), 2);
        assert_eq!(depth("a = { NUMBER($n, style: \"percent\") }\n"), 2);
        let select =
            "a = { $n ->\n    [one] { $n } (one\n   *[other] { -t(x: { \"}\" }) }\n}\nb = c\n";
        assert_eq!(depth(select), 4);
    }

    #[test]
    fn text_and_literals_do_not_close_anything() {
        // `)` in a variant's text and `}` in a string literal leave the nesting as it is.
        let text = "a = { $x -> *[a] ) { $x -> *[a] ) { \"}\" } } }\n";
        assert_eq!(depth(text), 3);
        assert_eq!(depth("a = { \"\\\"{\" }\n"), 1);
    }

    #[test]
    fn comments_and_new_entries_start_afresh() {
        let text = "a = { x }\n# {{{{{\n## {{{{{\nb = {\n  c }\n    .d = { e }\n";
        assert_eq!(depth(text), 1);
        // Placeables left open by mistake, line after line, are each their own junk.
        assert_eq!(depth(&"m = { oops\n".repeat(500)), 1);
        assert_eq!(depth("a = {\nb = {\nc = {\n# {{{{{\nd = { x }\n"), 1);
        // Junk left open at the end of a line is forgotten where the next entry starts.
        assert_eq!(depth("a = { $x -> *[a] x\nb = { c }\n"), 1);
        // Inside an expression a line at column 0 does not end it, for the parser either.
        assert_eq!(depth("a = {\nF(\nF(\nF(\n"), 4);
    }

    #[test]
    fn a_path_that_does_not_exist_is_placed_where_it_would_be() {
        let dir = tempfile::tempdir().unwrap();
        let real = fs::canonicalize(dir.path()).unwrap();
        fs::create_dir(real.join("a")).unwrap();
        assert_eq!(
            resolved_missing(&real.join("a/b/../../../x")),
            real.parent().unwrap().join("x")
        );
        assert_eq!(resolved_missing(&real.join("a/./b/c")), real.join("a/b/c"));
        let bounds = Bounds::new(&real, &[], &[]).unwrap();
        assert!(bounds.check_path(Path::new("new/folder")).is_ok());
        let e = bounds.check_path(Path::new("a/b/../../../x")).unwrap_err();
        assert!(e.to_string().contains("outside the project"), "{e}");
    }

    #[test]
    fn template_nesting() {
        let nested = |n: usize| format!("{}x{}", "{{#if a}}".repeat(n), "{{/if}}".repeat(n));
        assert!(check_template(&nested(100)).is_ok());
        assert!(check_template(&nested(101)).is_err());
        let flat = "{{#if a}}x{{/if}}\n".repeat(1000);
        assert!(check_template(&flat).is_ok());
        let sub = format!("\n{{{{x {}1{}}}}}", "(concat ".repeat(101), ")".repeat(101));
        assert!(check_template(&sub).unwrap_err().starts_with("line 2: "));
        assert!(check_template("{{~#each x}}{{{y}}}{{~/each}} {{ (a (b)) }}").is_ok());
    }

    #[test]
    fn deep_nesting_is_refused_with_its_line() {
        let deep = format!(
            "ok = fine\nx = {}\"x\"{}\n",
            "{ ".repeat(101),
            " }".repeat(101)
        );
        let e = check_ftl(&deep).unwrap_err();
        assert!(e.starts_with("line 2: "), "{e}");
        let fine = format!("x = {}\"x\"{}\n", "{ ".repeat(100), " }".repeat(100));
        assert!(check_ftl(&fine).is_ok());
    }
}
