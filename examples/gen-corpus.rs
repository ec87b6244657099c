//! Benchmark corpus generator: a complete gazette project of N articles in French (source),
//! English and German, in the layout of SPEC.md, deterministic by seed.
//!
//! ```sh
//! cargo run --release --example gen-corpus -- --articles 1000 --out target/bench/corpus-1000
//! cargo run --release --example gen-corpus -- --articles 20 --out /tmp/c --seed 7 --force
//! ```
//!
//! Every article has 16 blocks (headings, paragraphs, a figure with `.alt` and `.caption`, a
//! list, a quote, two related links), a message with a `$count` number argument and plural
//! selectors (`[one]`/`*[other]` in en and de, plus `[many]` in fr), a paragraph with a date
//! argument, one with a decimal `$amount` and one with inline `<em>` markup; dates are spread
//! over 2000-2025. Texts are sentences assembled from parallel French / English / German
//! phrase lists (so the en and de files read as translations of the fr one), about 700 words
//! and 5 KB per article and language. `gazette check` on the result reports nothing and
//! `gazette build` publishes every article (tests/corpus.rs).
//!
//! Article `i` depends only on the seed and `i`, so the corpus of 1,000 articles is the first
//! 1,000 articles of the corpus of 10,000. The random numbers come from a small SplitMix64
//! generator rather than a crate: the output must stay byte-identical whatever version of a
//! dependency is resolved, and 10 lines do.
//!
//! tests/corpus.rs includes this file as a module, hence `pub` items and no `main`-only state.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::fmt::Write as _;
use std::fs;
use std::io::{self, Write as _};
use std::path::PathBuf;
use std::process::ExitCode;

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub articles: usize,
    pub out: PathBuf,
    pub seed: u64,
    /// Replace the `gazette.toml`, `content/` and `locales/` of an existing corpus in `out`.
    pub force: bool,
}

const USAGE: &str = "\
usage: gen-corpus --articles N --out DIR [--seed S] [--force]

Writes a gazette project of N generated articles (fr source, en and de translations) to DIR.
  --articles N   number of articles (at least 1)
  --out DIR      project folder to create (must be empty unless --force)
  --seed S       random seed, an unsigned integer (default 42): same seed, same bytes
  --force        replace gazette.toml, content/ and locales/ of an existing corpus in DIR";

/// Parse the command line (without the program name).
pub fn parse_args<I: IntoIterator<Item = String>>(args: I) -> Result<Options, String> {
    let mut articles = None;
    let mut out = None;
    let mut seed = 42;
    let mut force = false;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_owned(), Some(v.to_owned())),
            _ => (arg.clone(), None),
        };
        let mut value = |what: &str| {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} needs {what}"))
        };
        match name.as_str() {
            "--articles" | "-n" => {
                let v = value("a number")?;
                let n: usize = v
                    .parse()
                    .map_err(|_| format!("--articles: `{v}` is not a number"))?;
                if n == 0 {
                    return Err("--articles must be at least 1".into());
                }
                articles = Some(n);
            }
            "--out" | "-o" => out = Some(PathBuf::from(value("a folder")?)),
            "--seed" => {
                let v = value("a number")?;
                seed = v
                    .parse()
                    .map_err(|_| format!("--seed: `{v}` is not an unsigned integer"))?;
            }
            "--force" => force = true,
            "--help" | "-h" => return Err(String::new()),
            _ => return Err(format!("unknown argument `{arg}`")),
        }
    }
    Ok(Options {
        articles: articles.ok_or("--articles N is required")?,
        out: out.ok_or("--out DIR is required")?,
        seed,
        force,
    })
}

#[allow(dead_code)] // tests/corpus.rs includes this file as a module and calls `generate`.
fn main() -> ExitCode {
    let opts = match parse_args(std::env::args().skip(1)) {
        Ok(o) => o,
        Err(e) if e.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("gen-corpus: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match generate(&opts) {
        Ok(stats) => {
            eprintln!(
                "gen-corpus: {} articles (seed {}) in {}: {} files, {:.1} MiB; per article and \
                 language on average {} words, {} bytes of text",
                opts.articles,
                opts.seed,
                opts.out.display(),
                stats.files,
                stats.bytes as f64 / (1024.0 * 1024.0),
                stats.words / (opts.articles * LANGS.len()),
                stats.text_bytes / (opts.articles * LANGS.len()),
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen-corpus: {e}");
            ExitCode::from(2)
        }
    }
}

/// What was written.
#[derive(Debug, Default, Clone, Copy)]
pub struct Stats {
    pub files: usize,
    /// Bytes of every file written.
    pub bytes: usize,
    /// Words of the article texts (message values and attributes), all languages.
    pub words: usize,
    /// Bytes of the article texts, all languages.
    pub text_bytes: usize,
}

/// Write the whole project to `opts.out`.
pub fn generate(opts: &Options) -> io::Result<Stats> {
    let out = &opts.out;
    if out.exists() {
        let occupied = fs::read_dir(out)?.next().is_some();
        if occupied && !opts.force {
            return Err(io::Error::other(format!(
                "{} is not empty (use --force to replace a corpus there)",
                out.display()
            )));
        }
        for dir in ["content", "locales"] {
            let p = out.join(dir);
            if p.exists() {
                fs::remove_dir_all(&p)?;
            }
        }
    }
    fs::create_dir_all(out.join("content"))?;
    for lang in LANGS {
        fs::create_dir_all(out.join("locales").join(lang))?;
    }
    let mut stats = Stats::default();
    let write = |path: PathBuf, text: &str, stats: &mut Stats| -> io::Result<()> {
        let mut f = io::BufWriter::new(fs::File::create(&path)?);
        f.write_all(text.as_bytes())?;
        f.flush()?;
        stats.files += 1;
        stats.bytes += text.len();
        Ok(())
    };
    write(
        out.join("gazette.toml"),
        &gazette_toml(opts.seed, opts.articles),
        &mut stats,
    )?;
    for (l, lang) in LANGS.iter().enumerate() {
        write(
            out.join("locales").join(lang).join("site.ftl"),
            &site_ftl(l),
            &mut stats,
        )?;
    }
    for i in 0..opts.articles {
        let a = Article::new(opts.seed, i);
        write(
            out.join("content").join(format!("{}.toml", a.slug)),
            &a.content_toml(),
            &mut stats,
        )?;
        for (l, lang) in LANGS.iter().enumerate() {
            let (ftl, words, text_bytes) = a.ftl(l);
            stats.words += words;
            stats.text_bytes += text_bytes;
            write(
                out.join("locales")
                    .join(lang)
                    .join(format!("{}.ftl", a.slug)),
                &ftl,
                &mut stats,
            )?;
        }
    }
    Ok(stats)
}

// ---------------------------------------------------------------------------------------------
// Random numbers

/// SplitMix64 (Steele, Lea & Flood 2014): tiny, fast, and good enough to pick words.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The generator of article `i` under `seed`: independent of how many articles there are.
    fn for_article(seed: u64, i: usize) -> Rng {
        let mut r = Rng(seed ^ (i as u64).wrapping_mul(0xD1B5_4A32_D192_ED03));
        r.next_u64();
        r
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below((hi - lo + 1) as usize) as u64
    }

    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    /// True with probability `num / den`.
    pub fn chance(&mut self, num: usize, den: usize) -> bool {
        self.below(den) < num
    }
}

// ---------------------------------------------------------------------------------------------
// Languages and phrase lists. Every list entry is `[fr, en, de]`: the same phrase in the
// three languages, so a sentence assembled from the same picks is its own translation.

pub const LANGS: [&str; 3] = ["fr", "en", "de"];
const FR: usize = 0;
const EN: usize = 1;
const DE: usize = 2;

type Phrase = [&'static str; 3];

/// Sentence subjects, singular, nominative, starting lowercase (capitalised at sentence start).
const SUBJECTS: &[Phrase] = &[
    ["le gouvernement", "the government", "die Regierung"],
    [
        "la Commission européenne",
        "the European Commission",
        "die Europäische Kommission",
    ],
    [
        "le ministère de la Santé",
        "the Ministry of Health",
        "das Gesundheitsministerium",
    ],
    ["le Sénat", "the Senate", "der Senat"],
    [
        "l’Assemblée nationale",
        "the National Assembly",
        "die Nationalversammlung",
    ],
    ["la Banque centrale", "the central bank", "die Zentralbank"],
    [
        "le syndicat des enseignants",
        "the teachers’ union",
        "die Lehrergewerkschaft",
    ],
    ["l’opposition", "the opposition", "die Opposition"],
    [
        "la présidente de la région",
        "the regional president",
        "die Regionalpräsidentin",
    ],
    [
        "le Premier ministre",
        "the Prime Minister",
        "der Premierminister",
    ],
    [
        "la ministre de l’Économie",
        "the economy minister",
        "die Wirtschaftsministerin",
    ],
    [
        "le conseil municipal",
        "the municipal council",
        "der Gemeinderat",
    ],
    [
        "l’agence de l’environnement",
        "the environment agency",
        "die Umweltbehörde",
    ],
    [
        "la fédération des agriculteurs",
        "the farmers’ federation",
        "der Bauernverband",
    ],
    [
        "la Cour des comptes",
        "the Court of Audit",
        "der Rechnungshof",
    ],
    [
        "le tribunal administratif",
        "the administrative court",
        "das Verwaltungsgericht",
    ],
    ["l’université", "the university", "die Universität"],
    [
        "le comité d’experts",
        "the expert committee",
        "der Expertenausschuss",
    ],
    [
        "la direction de l’entreprise",
        "the company’s management",
        "die Unternehmensleitung",
    ],
    ["le maire", "the mayor", "der Bürgermeister"],
    [
        "l’Organisation mondiale de la santé",
        "the World Health Organization",
        "die Weltgesundheitsorganisation",
    ],
    ["la préfecture", "the prefecture", "die Präfektur"],
    [
        "l’office des statistiques",
        "the statistics office",
        "das Statistikamt",
    ],
    [
        "la compagnie ferroviaire",
        "the railway company",
        "die Bahngesellschaft",
    ],
    [
        "le groupe industriel",
        "the industrial group",
        "der Industriekonzern",
    ],
    [
        "l’association des consommateurs",
        "the consumer association",
        "der Verbraucherverband",
    ],
    ["l’ambassade", "the embassy", "die Botschaft"],
    [
        "le parti majoritaire",
        "the ruling party",
        "die Regierungspartei",
    ],
];

/// Transitive verbs, third person singular present (no German separable verbs: the object
/// follows the verb in every language).
const VERBS: &[Phrase] = &[
    ["présente", "presents", "präsentiert"],
    ["défend", "defends", "verteidigt"],
    ["critique", "criticises", "kritisiert"],
    ["examine", "examines", "prüft"],
    ["recommande", "recommends", "empfiehlt"],
    ["rejette", "rejects", "verwirft"],
    ["soutient", "supports", "unterstützt"],
    ["conteste", "disputes", "bestreitet"],
    ["finance", "funds", "finanziert"],
    ["publie", "publishes", "veröffentlicht"],
    ["confirme", "confirms", "bestätigt"],
    ["dénonce", "condemns", "verurteilt"],
    ["évalue", "evaluates", "bewertet"],
    ["réclame", "demands", "fordert"],
    ["adopte", "adopts", "verabschiedet"],
    ["reporte", "postpones", "verschiebt"],
    ["justifie", "justifies", "rechtfertigt"],
    ["renforce", "strengthens", "verstärkt"],
    ["simplifie", "simplifies", "vereinfacht"],
    ["modifie", "amends", "ändert"],
    ["étudie", "studies", "untersucht"],
    ["salue", "welcomes", "begrüßt"],
    ["approuve", "approves", "billigt"],
    ["précise", "clarifies", "präzisiert"],
    ["accélère", "speeds up", "beschleunigt"],
    ["prolonge", "extends", "verlängert"],
    ["dévoile", "unveils", "enthüllt"],
];

/// Objects (German in the accusative).
const OBJECTS: &[Phrase] = &[
    [
        "le projet de loi sur l’énergie",
        "the energy bill",
        "den Entwurf des Energiegesetzes",
    ],
    [
        "un nouveau plan de relance",
        "a new recovery plan",
        "einen neuen Konjunkturplan",
    ],
    [
        "la réforme des retraites",
        "the pension reform",
        "die Rentenreform",
    ],
    [
        "le budget de l’année prochaine",
        "next year’s budget",
        "den Haushalt für das kommende Jahr",
    ],
    [
        "une hausse du salaire minimum",
        "a rise in the minimum wage",
        "eine Erhöhung des Mindestlohns",
    ],
    [
        "le calendrier des travaux",
        "the construction timetable",
        "den Zeitplan der Bauarbeiten",
    ],
    [
        "la fermeture de l’usine",
        "the closure of the factory",
        "die Schließung des Werks",
    ],
    [
        "un accord commercial",
        "a trade agreement",
        "ein Handelsabkommen",
    ],
    [
        "le rapport annuel",
        "the annual report",
        "den Jahresbericht",
    ],
    [
        "la stratégie nationale pour le climat",
        "the national climate strategy",
        "die nationale Klimastrategie",
    ],
    [
        "les nouvelles règles de stationnement",
        "the new parking rules",
        "die neuen Parkregeln",
    ],
    [
        "le programme de rénovation des écoles",
        "the school renovation programme",
        "das Programm zur Sanierung der Schulen",
    ],
    [
        "la nouvelle ligne de tramway",
        "the new tram line",
        "die neue Straßenbahnlinie",
    ],
    ["un plan d’économies", "a savings plan", "einen Sparplan"],
    [
        "la candidature de la ville",
        "the city’s bid",
        "die Bewerbung der Stadt",
    ],
    [
        "le contrat de concession",
        "the concession contract",
        "den Konzessionsvertrag",
    ],
    [
        "les aides aux agriculteurs",
        "the aid to farmers",
        "die Hilfen für Landwirte",
    ],
    [
        "la loi sur la protection des données",
        "the data protection law",
        "das Datenschutzgesetz",
    ],
    [
        "le tracé de l’autoroute",
        "the motorway route",
        "die Trasse der Autobahn",
    ],
    [
        "la réforme du lycée",
        "the secondary school reform",
        "die Reform der Oberstufe",
    ],
    [
        "la baisse du prix de l’électricité",
        "the cut in electricity prices",
        "die Senkung des Strompreises",
    ],
    [
        "un fonds d’urgence",
        "an emergency fund",
        "einen Notfallfonds",
    ],
    [
        "la vente des terrains communaux",
        "the sale of municipal land",
        "den Verkauf der städtischen Grundstücke",
    ],
    [
        "la construction de logements sociaux",
        "the construction of social housing",
        "den Bau von Sozialwohnungen",
    ],
    [
        "le renforcement des contrôles aux frontières",
        "tighter border controls",
        "strengere Grenzkontrollen",
    ],
    [
        "la modernisation de l’hôpital",
        "the modernisation of the hospital",
        "die Modernisierung des Krankenhauses",
    ],
    ["le plan vélo", "the cycling plan", "den Fahrradplan"],
    [
        "la gratuité des transports publics",
        "free public transport",
        "den kostenlosen Nahverkehr",
    ],
    [
        "le projet d’aéroport",
        "the airport project",
        "das Flughafenprojekt",
    ],
    [
        "les conclusions de l’enquête",
        "the findings of the inquiry",
        "die Ergebnisse der Untersuchung",
    ],
];

/// Where: cities and countries.
const PLACES: &[Phrase] = &[
    ["à Paris", "in Paris", "in Paris"],
    ["à Lyon", "in Lyon", "in Lyon"],
    ["à Berlin", "in Berlin", "in Berlin"],
    ["à Bruxelles", "in Brussels", "in Brüssel"],
    ["à Vienne", "in Vienna", "in Wien"],
    ["à Genève", "in Geneva", "in Genf"],
    ["à Munich", "in Munich", "in München"],
    ["à Marseille", "in Marseille", "in Marseille"],
    ["à Strasbourg", "in Strasbourg", "in Straßburg"],
    ["à Cologne", "in Cologne", "in Köln"],
    ["à Londres", "in London", "in London"],
    ["à Varsovie", "in Warsaw", "in Warschau"],
    ["à Hambourg", "in Hamburg", "in Hamburg"],
    ["à Lille", "in Lille", "in Lille"],
    ["en Allemagne", "in Germany", "in Deutschland"],
    ["en Autriche", "in Austria", "in Österreich"],
    ["en Suisse", "in Switzerland", "in der Schweiz"],
    ["en Belgique", "in Belgium", "in Belgien"],
    ["en Italie", "in Italy", "in Italien"],
    ["en Espagne", "in Spain", "in Spanien"],
    ["au Portugal", "in Portugal", "in Portugal"],
    ["aux Pays-Bas", "in the Netherlands", "in den Niederlanden"],
    [
        "dans toute la région",
        "across the region",
        "in der ganzen Region",
    ],
];

/// How: circumstances.
const MANNERS: &[Phrase] = &[
    [
        "devant le Parlement",
        "before parliament",
        "vor dem Parlament",
    ],
    [
        "devant la presse",
        "in front of the press",
        "vor der Presse",
    ],
    [
        "dans un communiqué",
        "in a statement",
        "in einer Mitteilung",
    ],
    [
        "lors d’une conférence de presse",
        "at a press conference",
        "auf einer Pressekonferenz",
    ],
    [
        "au terme d’un long débat",
        "after a long debate",
        "nach einer langen Debatte",
    ],
    [
        "malgré les critiques",
        "despite the criticism",
        "trotz der Kritik",
    ],
    [
        "avant l’avis des experts",
        "ahead of the experts’ opinion",
        "vor dem Gutachten der Experten",
    ],
    [
        "au niveau européen",
        "at European level",
        "auf europäischer Ebene",
    ],
    [
        "pour la troisième fois",
        "for the third time",
        "zum dritten Mal",
    ],
    [
        "sans grande surprise",
        "without much surprise",
        "wenig überraschend",
    ],
    [
        "après des mois de négociations",
        "after months of negotiations",
        "nach monatelangen Verhandlungen",
    ],
];

/// When.
const TIMES: &[Phrase] = &[
    ["cette semaine", "this week", "diese Woche"],
    ["lundi", "on Monday", "am Montag"],
    ["mardi soir", "on Tuesday evening", "am Dienstagabend"],
    ["mercredi", "on Wednesday", "am Mittwoch"],
    ["jeudi matin", "on Thursday morning", "am Donnerstagmorgen"],
    ["vendredi", "on Friday", "am Freitag"],
    ["samedi", "on Saturday", "am Samstag"],
    ["ce matin", "this morning", "heute Morgen"],
    [
        "en fin de journée",
        "late in the day",
        "am späten Nachmittag",
    ],
    ["la semaine prochaine", "next week", "nächste Woche"],
    ["au printemps", "in the spring", "im Frühjahr"],
    ["à l’automne", "in the autumn", "im Herbst"],
    [
        "d’ici la fin de l’année",
        "by the end of the year",
        "bis zum Jahresende",
    ],
];

/// Sources (German in the dative, after "laut").
const SOURCES: &[Phrase] = &[
    [
        "le ministère de l’Intérieur",
        "the Interior Ministry",
        "dem Innenministerium",
    ],
    [
        "plusieurs sources proches du dossier",
        "several sources close to the matter",
        "mehreren mit der Sache vertrauten Quellen",
    ],
    [
        "un rapport publié mardi",
        "a report published on Tuesday",
        "einem am Dienstag veröffentlichten Bericht",
    ],
    [
        "les chiffres officiels",
        "official figures",
        "den offiziellen Zahlen",
    ],
    [
        "la presse régionale",
        "the regional press",
        "der Regionalpresse",
    ],
    [
        "un sondage récent",
        "a recent poll",
        "einer aktuellen Umfrage",
    ],
    [
        "l’institut de statistique",
        "the statistics institute",
        "dem Statistikinstitut",
    ],
    ["les syndicats", "the unions", "den Gewerkschaften"],
    [
        "un document interne",
        "an internal document",
        "einem internen Dokument",
    ],
    [
        "les économistes interrogés",
        "the economists interviewed",
        "den befragten Ökonomen",
    ],
];

/// People (fictional): name, then role in fr, en, de.
const PEOPLE: &[[&str; 4]] = &[
    [
        "Claire Morel",
        "ministre de l’Économie",
        "the economy minister",
        "Wirtschaftsministerin",
    ],
    [
        "Julien Marchand",
        "député de la majorité",
        "a member of parliament for the majority",
        "Abgeordneter der Mehrheit",
    ],
    [
        "Sophie Lambert",
        "maire de la ville",
        "the city’s mayor",
        "Bürgermeisterin der Stadt",
    ],
    ["Thomas Keller", "économiste", "an economist", "Ökonom"],
    [
        "Anna Hoffmann",
        "porte-parole du gouvernement",
        "the government spokeswoman",
        "Regierungssprecherin",
    ],
    [
        "Marc Dubois",
        "secrétaire général du syndicat",
        "the union’s general secretary",
        "Generalsekretär der Gewerkschaft",
    ],
    [
        "Lena Fischer",
        "chercheuse en sciences politiques",
        "a political scientist",
        "Politikwissenschaftlerin",
    ],
    [
        "Paul Girard",
        "président de la région",
        "the regional president",
        "Regionalpräsident",
    ],
    [
        "Élise Martin",
        "directrice de l’hôpital",
        "the hospital director",
        "Direktorin des Krankenhauses",
    ],
    [
        "Markus Weber",
        "chef de l’opposition",
        "the opposition leader",
        "Oppositionsführer",
    ],
    ["Nadia Benali", "avocate", "a lawyer", "Rechtsanwältin"],
    ["Jonas Becker", "ingénieur", "an engineer", "Ingenieur"],
    [
        "Camille Roux",
        "présidente de l’association",
        "the association’s president",
        "Vorsitzende des Vereins",
    ],
    ["Hugo Petit", "agriculteur", "a farmer", "Landwirt"],
    ["Sarah Klein", "enseignante", "a teacher", "Lehrerin"],
    [
        "Lucas Bernard",
        "commissaire européen",
        "the European commissioner",
        "EU-Kommissar",
    ],
];

/// Quotations, without their final punctuation.
const QUOTES: &[Phrase] = &[
    [
        "Nous devons agir vite",
        "We must act quickly",
        "Wir müssen schnell handeln",
    ],
    [
        "Ce n’est qu’un premier pas",
        "This is only a first step",
        "Das ist nur ein erster Schritt",
    ],
    [
        "Personne ne sera laissé de côté",
        "No one will be left behind",
        "Niemand wird zurückgelassen",
    ],
    [
        "Les chiffres parlent d’eux-mêmes",
        "The figures speak for themselves",
        "Die Zahlen sprechen für sich",
    ],
    [
        "Nous avons entendu les inquiétudes des habitants",
        "We have heard residents’ concerns",
        "Wir haben die Sorgen der Anwohner gehört",
    ],
    [
        "Il faudra du temps",
        "It will take time",
        "Es wird Zeit brauchen",
    ],
    [
        "Le calendrier est beaucoup trop serré",
        "The timetable is far too tight",
        "Der Zeitplan ist viel zu knapp",
    ],
    [
        "Cette décision était attendue depuis longtemps",
        "This decision was long overdue",
        "Diese Entscheidung war längst überfällig",
    ],
    [
        "Nous resterons vigilants",
        "We will remain vigilant",
        "Wir bleiben wachsam",
    ],
    [
        "Le dialogue reste ouvert",
        "The dialogue remains open",
        "Der Dialog bleibt offen",
    ],
    [
        "Rien n’est encore décidé",
        "Nothing has been decided yet",
        "Noch ist nichts entschieden",
    ],
    [
        "Il s’agit d’un choix politique",
        "This is a political choice",
        "Es handelt sich um eine politische Entscheidung",
    ],
];

/// Facts with a number (`{n}`, written the local way) and a place (`{p}`).
const NUMBER_FACTS: &[Phrase] = &[
    [
        "Plus de {n} personnes ont manifesté {p}",
        "More than {n} people demonstrated {p}",
        "Mehr als {n} Menschen demonstrierten {p}",
    ],
    [
        "Le projet concerne environ {n} logements {p}",
        "The project covers about {n} homes {p}",
        "Das Projekt betrifft rund {n} Wohnungen {p}",
    ],
    [
        "Quelque {n} emplois sont menacés {p}",
        "Some {n} jobs are at risk {p}",
        "Rund {n} Arbeitsplätze sind {p} bedroht",
    ],
    [
        "La mesure toucherait {n} foyers {p}",
        "The measure would affect {n} households {p}",
        "Die Maßnahme beträfe {n} Haushalte {p}",
    ],
    [
        "Au total, {n} élèves sont concernés {p}",
        "In total, {n} pupils are affected {p}",
        "Insgesamt sind {p} {n} Schülerinnen und Schüler betroffen",
    ],
    [
        "Les travaux ont déjà coûté {n} euros {p}",
        "The works have already cost {n} euros {p}",
        "Die Arbeiten haben {p} bereits {n} Euro gekostet",
    ],
];

/// Sentences placing the `$when` date argument (`{d}`).
const DATE_LEADS: &[Phrase] = &[
    [
        "Le texte a été adopté le {d}",
        "The text was adopted on {d}",
        "Der Text wurde am {d} verabschiedet",
    ],
    [
        "La première réunion s’est tenue le {d}",
        "The first meeting was held on {d}",
        "Das erste Treffen fand am {d} statt",
    ],
    [
        "Le chantier doit commencer le {d}",
        "Work is due to start on {d}",
        "Die Arbeiten sollen am {d} beginnen",
    ],
    [
        "Les résultats seront publiés le {d}",
        "The results will be published on {d}",
        "Die Ergebnisse werden am {d} veröffentlicht",
    ],
    [
        "La décision est entrée en vigueur le {d}",
        "The decision came into force on {d}",
        "Die Entscheidung trat am {d} in Kraft",
    ],
];

/// Sentences placing the `$amount` number argument (`{a}`, millions of euros).
const AMOUNT_LEADS: &[Phrase] = &[
    [
        "Le coût total est estimé à {a} millions d’euros",
        "The total cost is estimated at {a} million euros",
        "Die Gesamtkosten werden auf {a} Millionen Euro geschätzt",
    ],
    [
        "L’enveloppe atteint {a} millions d’euros",
        "The budget reaches {a} million euros",
        "Das Budget erreicht {a} Millionen Euro",
    ],
    [
        "L’État prévoit d’y consacrer {a} millions d’euros",
        "The state plans to spend {a} million euros on it",
        "Der Staat will dafür {a} Millionen Euro ausgeben",
    ],
];

/// Newspapers (names: the same in every language), set in `<em>`.
const PAPERS: &[&str] = &[
    "Le Courrier du Matin",
    "L’Écho régional",
    "Der Abendbote",
    "The Daily Ledger",
    "La Voix de l’Est",
];

/// Plural nouns: fr one, fr other, en one, en other, de one, de other.
const COUNTED: &[[&str; 6]] = &[
    [
        "commune",
        "communes",
        "municipality",
        "municipalities",
        "Gemeinde",
        "Gemeinden",
    ],
    [
        "entreprise",
        "entreprises",
        "company",
        "companies",
        "Unternehmen",
        "Unternehmen",
    ],
    ["pays", "pays", "country", "countries", "Land", "Länder"],
    ["école", "écoles", "school", "schools", "Schule", "Schulen"],
    [
        "association",
        "associations",
        "association",
        "associations",
        "Verein",
        "Vereine",
    ],
    [
        "hôpital",
        "hôpitaux",
        "hospital",
        "hospitals",
        "Krankenhaus",
        "Krankenhäuser",
    ],
    [
        "région", "régions", "region", "regions", "Region", "Regionen",
    ],
    [
        "syndicat",
        "syndicats",
        "union",
        "unions",
        "Gewerkschaft",
        "Gewerkschaften",
    ],
];

/// Predicates agreeing with a counted noun: same layout as [`COUNTED`].
const COUNT_PREDICATES: &[[&str; 6]] = &[
    [
        "a déjà signé l’accord",
        "ont déjà signé l’accord",
        "has already signed the agreement",
        "have already signed the agreement",
        "hat das Abkommen bereits unterzeichnet",
        "haben das Abkommen bereits unterzeichnet",
    ],
    [
        "participe au programme",
        "participent au programme",
        "is taking part in the programme",
        "are taking part in the programme",
        "nimmt an dem Programm teil",
        "nehmen an dem Programm teil",
    ],
    [
        "a demandé une aide",
        "ont demandé une aide",
        "has applied for aid",
        "have applied for aid",
        "hat Hilfe beantragt",
        "haben Hilfe beantragt",
    ],
    [
        "soutient le projet",
        "soutiennent le projet",
        "supports the project",
        "support the project",
        "unterstützt das Projekt",
        "unterstützen das Projekt",
    ],
    [
        "a rejoint l’initiative",
        "ont rejoint l’initiative",
        "has joined the initiative",
        "have joined the initiative",
        "hat sich der Initiative angeschlossen",
        "haben sich der Initiative angeschlossen",
    ],
];

/// Article topics (headings, slugs): ASCII slug, then fr, en, de.
const TOPICS: &[[&str; 4]] = &[
    [
        "retraites",
        "La réforme des retraites",
        "The pension reform",
        "Die Rentenreform",
    ],
    ["budget", "Le budget", "The budget", "Der Haushalt"],
    ["transports", "Les transports", "Transport", "Der Verkehr"],
    ["logement", "Le logement", "Housing", "Der Wohnungsmarkt"],
    ["energie", "L’énergie", "Energy", "Die Energie"],
    ["ecole", "L’école", "Schools", "Die Schule"],
    ["sante", "La santé", "Health", "Die Gesundheit"],
    [
        "agriculture",
        "L’agriculture",
        "Farming",
        "Die Landwirtschaft",
    ],
    ["climat", "Le climat", "The climate", "Das Klima"],
    ["emploi", "L’emploi", "Jobs", "Die Beschäftigung"],
    ["securite", "La sécurité", "Security", "Die Sicherheit"],
    ["commerce", "Le commerce", "Trade", "Der Handel"],
    ["justice", "La justice", "Justice", "Die Justiz"],
    ["industrie", "L’industrie", "Industry", "Die Industrie"],
    ["culture", "La culture", "Culture", "Die Kultur"],
    [
        "numerique",
        "Le numérique",
        "Digital affairs",
        "Die Digitalisierung",
    ],
];

/// Heading qualifiers: "{topic} : {qualifier}".
const QUALIFIERS: &[Phrase] = &[
    ["les enjeux", "what is at stake", "worum es geht"],
    ["ce qui change", "what changes", "was sich ändert"],
    ["les réactions", "the reactions", "die Reaktionen"],
    [
        "un dossier sensible",
        "a sensitive issue",
        "ein heikles Thema",
    ],
    [
        "les prochaines étapes",
        "the next steps",
        "die nächsten Schritte",
    ],
    [
        "les points de désaccord",
        "the points of disagreement",
        "die Streitpunkte",
    ],
    ["le calendrier", "the timetable", "der Zeitplan"],
    [
        "les chiffres clés",
        "the key figures",
        "die wichtigsten Zahlen",
    ],
    [
        "un bilan contrasté",
        "a mixed record",
        "eine gemischte Bilanz",
    ],
    ["les critiques", "the criticism", "die Kritik"],
];

/// What a photographed person does.
const PHOTO_ACTIONS: &[Phrase] = &[
    [
        "lors d’une conférence de presse",
        "during a press conference",
        "während einer Pressekonferenz",
    ],
    [
        "à la sortie d’une réunion",
        "after a meeting",
        "nach einer Sitzung",
    ],
    [
        "lors d’une visite de chantier",
        "during a visit to a building site",
        "bei einem Baustellenbesuch",
    ],
    [
        "devant des journalistes",
        "in front of journalists",
        "vor Journalisten",
    ],
];

const MONTHS: &[Phrase] = &[
    ["janvier", "January", "Januar"],
    ["février", "February", "Februar"],
    ["mars", "March", "März"],
    ["avril", "April", "April"],
    ["mai", "May", "Mai"],
    ["juin", "June", "Juni"],
    ["juillet", "July", "Juli"],
    ["août", "August", "August"],
    ["septembre", "September", "September"],
    ["octobre", "October", "Oktober"],
    ["novembre", "November", "November"],
    ["décembre", "December", "Dezember"],
];

/// Sections: id, then the `section-<id>` site string in fr, en, de.
const SECTIONS: &[[&str; 4]] = &[
    ["international", "International", "World", "Ausland"],
    ["politics", "Politique", "Politics", "Politik"],
    ["economy", "Économie", "Economy", "Wirtschaft"],
    ["society", "Société", "Society", "Gesellschaft"],
    ["culture", "Culture", "Culture", "Kultur"],
    ["science", "Sciences", "Science", "Wissenschaft"],
];

// ---------------------------------------------------------------------------------------------
// Sentences

/// Upper-case the first letter.
fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// An integer written the local way (CLDR grouping: U+202F in fr, `,` in en, `.` in de).
fn local_int(n: u64, lang: usize) -> String {
    let digits = n.to_string();
    let sep = ["\u{202f}", ",", "."][lang];
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(d);
    }
    out
}

/// A sentence's choices, so that every language renders the same sentence.
#[derive(Clone, Copy)]
enum Sentence {
    /// Subject verb object place/manner [time].
    Plain {
        s: usize,
        v: usize,
        o: usize,
        c: (bool, usize),
        t: Option<usize>,
    },
    /// Time first (German inverts subject and verb).
    TimeFirst {
        t: usize,
        s: usize,
        v: usize,
        o: usize,
        c: (bool, usize),
    },
    /// "According to <source>, ..."
    Source {
        src: usize,
        s: usize,
        v: usize,
        o: usize,
    },
    /// A quotation and its speaker.
    Quote { q: usize, p: usize },
    /// Two clauses joined by "but".
    Contrast {
        s: usize,
        v: usize,
        o: usize,
        s2: usize,
        v2: usize,
        o2: usize,
    },
    /// A fact with a number.
    Number { f: usize, n: u64, p: usize },
    /// "This was reported by the daily <em>paper</em>".
    Paper { paper: usize, t: usize },
}

impl Sentence {
    fn random(r: &mut Rng) -> Sentence {
        let c = |r: &mut Rng| {
            if r.chance(2, 3) {
                (true, r.below(PLACES.len()))
            } else {
                (false, r.below(MANNERS.len()))
            }
        };
        match r.below(12) {
            0..=3 => Sentence::Plain {
                s: r.below(SUBJECTS.len()),
                v: r.below(VERBS.len()),
                o: r.below(OBJECTS.len()),
                c: c(r),
                t: r.chance(1, 2).then(|| r.below(TIMES.len())),
            },
            4 | 5 => Sentence::TimeFirst {
                t: r.below(TIMES.len()),
                s: r.below(SUBJECTS.len()),
                v: r.below(VERBS.len()),
                o: r.below(OBJECTS.len()),
                c: c(r),
            },
            6 | 7 => Sentence::Source {
                src: r.below(SOURCES.len()),
                s: r.below(SUBJECTS.len()),
                v: r.below(VERBS.len()),
                o: r.below(OBJECTS.len()),
            },
            8 => Sentence::Quote {
                q: r.below(QUOTES.len()),
                p: r.below(PEOPLE.len()),
            },
            9 | 10 => Sentence::Contrast {
                s: r.below(SUBJECTS.len()),
                v: r.below(VERBS.len()),
                o: r.below(OBJECTS.len()),
                s2: r.below(SUBJECTS.len()),
                v2: r.below(VERBS.len()),
                o2: r.below(OBJECTS.len()),
            },
            _ => Sentence::Number {
                f: r.below(NUMBER_FACTS.len()),
                n: r.range(12, 250_000),
                p: r.below(PLACES.len()),
            },
        }
    }

    /// The sentence in language `l`, with its final punctuation.
    fn render(self, l: usize) -> String {
        let comp = |(place, i): (bool, usize)| {
            if place {
                PLACES[i][l]
            } else {
                MANNERS[i][l]
            }
        };
        match self {
            Sentence::Plain { s, v, o, c, t } => {
                let (s, v, o, c) = (SUBJECTS[s][l], VERBS[v][l], OBJECTS[o][l], comp(c));
                let body = match (t, l) {
                    (None, _) => format!("{s} {v} {o} {c}"),
                    // German puts the time before the object.
                    (Some(t), DE) => format!("{s} {v} {} {o} {c}", TIMES[t][l]),
                    (Some(t), _) => format!("{s} {v} {o} {c} {}", TIMES[t][l]),
                };
                format!("{}.", capitalise(&body))
            }
            Sentence::TimeFirst { t, s, v, o, c } => {
                let (t, s, v, o, c) = (
                    capitalise(TIMES[t][l]),
                    SUBJECTS[s][l],
                    VERBS[v][l],
                    OBJECTS[o][l],
                    comp(c),
                );
                if l == DE {
                    format!("{t} {v} {s} {o} {c}.")
                } else {
                    format!("{t}, {s} {v} {o} {c}.")
                }
            }
            Sentence::Source { src, s, v, o } => {
                let (src, s, v, o) = (SOURCES[src][l], SUBJECTS[s][l], VERBS[v][l], OBJECTS[o][l]);
                match l {
                    FR => format!("Selon {src}, {s} {v} {o}."),
                    EN => format!("According to {src}, {s} {v} {o}."),
                    _ => format!("Laut {src} {v} {s} {o}."),
                }
            }
            Sentence::Quote { q, p } => {
                let (q, name, role) = (QUOTES[q][l], PEOPLE[p][0], PEOPLE[p][1 + l]);
                match l {
                    FR => format!("«\u{a0}{q}\u{a0}», a déclaré {name}, {role}."),
                    EN => format!("“{q},” said {name}, {role}."),
                    _ => format!("„{q}“, sagte {name}, {role}."),
                }
            }
            Sentence::Contrast {
                s,
                v,
                o,
                s2,
                v2,
                o2,
            } => {
                let but = ["mais", "but", "aber"][l];
                format!(
                    "{} {} {}, {but} {} {} {}.",
                    capitalise(SUBJECTS[s][l]),
                    VERBS[v][l],
                    OBJECTS[o][l],
                    SUBJECTS[s2][l],
                    VERBS[v2][l],
                    OBJECTS[o2][l]
                )
            }
            Sentence::Number { f, n, p } => format!(
                "{}.",
                NUMBER_FACTS[f][l]
                    .replace("{n}", &local_int(n, l))
                    .replace("{p}", PLACES[p][l])
            ),
            Sentence::Paper { paper, t } => {
                let (paper, t) = (PAPERS[paper], TIMES[t][l]);
                match l {
                    FR => format!("C’est ce qu’a révélé le quotidien <em>{paper}</em> {t}."),
                    EN => format!("This was first reported by the daily <em>{paper}</em> {t}."),
                    _ => format!("Das berichtete die Tageszeitung <em>{paper}</em> {t}."),
                }
            }
        }
    }
}

/// A paragraph: sentences, rendered per language.
#[derive(Clone)]
struct Paragraph(Vec<Sentence>);

impl Paragraph {
    fn random(r: &mut Rng, lo: usize, hi: usize) -> Paragraph {
        let n = lo + r.below(hi - lo + 1);
        Paragraph((0..n).map(|_| Sentence::random(r)).collect())
    }

    fn render(&self, l: usize) -> String {
        let parts: Vec<String> = self.0.iter().map(|s| s.render(l)).collect();
        parts.join(" ")
    }
}

// ---------------------------------------------------------------------------------------------
// Articles

#[derive(Clone, Copy)]
struct Date {
    year: u32,
    month: u32,
    day: u32,
}

impl Date {
    fn random(r: &mut Rng, from_year: u32, to_year: u32) -> Date {
        let month = r.range(1, 12) as u32;
        let days = match month {
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        Date {
            year: r.range(u64::from(from_year), u64::from(to_year)) as u32,
            month,
            day: r.range(1, days) as u32,
        }
    }

    fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// One generated article: every choice made, texts rendered on demand per language.
struct Article {
    seed: u64,
    index: usize,
    slug: String,
    date: Date,
    section: usize,
    topic: usize,
    title: Sentence,
    lede: Paragraph,
    /// Person, action, place, month, year of the photo.
    photo: (usize, usize, usize, usize, u32),
    intro: Paragraph,
    /// Has the `<em>` newspaper sentence.
    context: Paragraph,
    count: u64,
    counted: usize,
    heading_predicate: usize,
    detail_predicate: usize,
    detail: Paragraph,
    read_also: (usize, Sentence),
    reactions: Paragraph,
    points: Vec<Sentence>,
    qualifier: usize,
    when: Date,
    date_lead: usize,
    timeline: Paragraph,
    amount: f64,
    amount_lead: usize,
    funding: Paragraph,
    quote: (usize, usize),
    outlook_qualifier: usize,
    outlook: Paragraph,
    closing: Paragraph,
    watch_also: (usize, Sentence),
}

impl Article {
    fn new(seed: u64, index: usize) -> Article {
        let r = &mut Rng::for_article(seed, index);
        let topic = r.below(TOPICS.len()); // first draw: see `topic_of`
        let date = Date::random(r, 2000, 2025);
        let short = |r: &mut Rng| Sentence::Plain {
            s: r.below(SUBJECTS.len()),
            v: r.below(VERBS.len()),
            o: r.below(OBJECTS.len()),
            c: (true, r.below(PLACES.len())),
            t: None,
        };
        let title = short(r);
        let lede = Paragraph::random(r, 3, 3);
        let photo = (
            r.below(PEOPLE.len()),
            r.below(PHOTO_ACTIONS.len()),
            r.below(PLACES.len()),
            r.below(MONTHS.len()),
            date.year,
        );
        let intro = Paragraph::random(r, 5, 6);
        let mut context = Paragraph::random(r, 4, 5);
        let at = r.below(context.0.len() + 1);
        context.0.insert(
            at,
            Sentence::Paper {
                paper: r.below(PAPERS.len()),
                t: r.below(TIMES.len()),
            },
        );
        // Mostly plural, sometimes exactly one (the `[one]` variant), sometimes large.
        let count = match r.below(10) {
            0 => 1,
            1 => r.range(1_000, 25_000),
            _ => r.range(2, 400),
        };
        let counted = r.below(COUNTED.len());
        let heading_predicate = r.below(COUNT_PREDICATES.len());
        let detail_predicate = r.below(COUNT_PREDICATES.len());
        let detail = Paragraph::random(r, 4, 5);
        // Links point to an earlier article (the same one for the first): article `i` does not
        // depend on how many articles the corpus has.
        let link = |r: &mut Rng| {
            let target = if index == 0 { 0 } else { r.below(index) };
            (target, short(r))
        };
        let read_also = link(r);
        let reactions = Paragraph::random(r, 5, 6);
        let points = (0..4).map(|_| short(r)).collect();
        let qualifier = r.below(QUALIFIERS.len());
        let when = {
            let y = date.year.saturating_sub(1).max(2000);
            Date::random(r, y, y + 1)
        };
        let date_lead = r.below(DATE_LEADS.len());
        let timeline = Paragraph::random(r, 4, 5);
        // A decimal with one digit, from 1,5 to 9 999,5.
        let amount = r.range(15, 99_995) as f64 / 10.0;
        let amount_lead = r.below(AMOUNT_LEADS.len());
        let funding = Paragraph::random(r, 4, 5);
        let quote = (r.below(QUOTES.len()), r.below(PEOPLE.len()));
        let outlook_qualifier = (qualifier + 1 + r.below(QUALIFIERS.len() - 1)) % QUALIFIERS.len();
        let outlook = Paragraph::random(r, 5, 6);
        let closing = Paragraph::random(r, 4, 6);
        let watch_also = link(r);
        Article {
            seed,
            index,
            slug: slug(topic, index),
            date,
            section: r.below(SECTIONS.len()),
            topic,
            title,
            lede,
            photo,
            intro,
            context,
            count,
            counted,
            heading_predicate,
            detail_predicate,
            detail,
            read_also,
            reactions,
            points,
            qualifier,
            when,
            date_lead,
            timeline,
            amount,
            amount_lead,
            funding,
            quote,
            outlook_qualifier,
            outlook,
            closing,
            watch_also,
        }
    }

    /// `content/<slug>.toml`.
    fn content_toml(&self) -> String {
        let mut s = String::with_capacity(2048);
        let _ = writeln!(
            s,
            "# Generated benchmark article {} (examples/gen-corpus.rs).",
            self.index
        );
        let _ = writeln!(s, "date = {}", self.date.iso());
        let _ = writeln!(s, "section = \"{}\"", SECTIONS[self.section][0]);
        s.push_str("title = \"title\"\nlede = \"lede\"\n");
        let mut block = |ty: &str, fields: &[(&str, String)]| {
            let _ = write!(s, "\n[[blocks]]\ntype = \"{ty}\"\n");
            for (k, v) in fields {
                let _ = writeln!(s, "{k} = {v}");
            }
        };
        let q = |v: &str| format!("\"{v}\"");
        let key = |k: &str| ("key", q(k));
        let href = |target: usize| {
            let topic = topic_of(self.seed, target);
            q(&format!(
                "https://bench.example/fr/{}.html",
                slug(topic, target)
            ))
        };
        block(
            "figure",
            &[
                key("photo"),
                // A URL: the corpus has no static/ folder for a path to name.
                (
                    "src",
                    q(&format!("https://bench.example/images/{}.jpg", self.slug)),
                ),
            ],
        );
        block("paragraph", &[key("intro")]);
        block("paragraph", &[key("context")]);
        let count = ("args", format!("{{ count = {} }}", self.count));
        block("heading", &[key("count-heading"), count.clone()]);
        block("paragraph", &[key("count-detail"), count]);
        block(
            "related",
            &[
                key("see-also"),
                ("href", href(self.read_also.0)),
                ("kind", q("read")),
            ],
        );
        block("paragraph", &[key("reactions")]);
        block(
            "list",
            &[(
                "items",
                "[\"point-1\", \"point-2\", \"point-3\", \"point-4\"]".to_owned(),
            )],
        );
        block("heading", &[key("background-heading")]);
        block(
            "paragraph",
            &[
                key("timeline"),
                ("args", format!("{{ when = {} }}", self.when.iso())),
            ],
        );
        block(
            "paragraph",
            &[
                key("funding"),
                ("args", format!("{{ amount = {:.1} }}", self.amount)),
            ],
        );
        block("quote", &[key("quotation")]);
        block("heading", &[key("outlook-heading")]);
        block("paragraph", &[key("outlook")]);
        block("paragraph", &[key("closing")]);
        block(
            "related",
            &[
                key("watch-also"),
                ("href", href(self.watch_also.0)),
                ("kind", q("watch")),
            ],
        );
        s
    }

    /// `locales/<lang>/<slug>.ftl`, with the number of words and bytes of its texts.
    fn ftl(&self, l: usize) -> (String, usize, usize) {
        let mut f = Ftl::default();
        let lang = LANGS[l];
        let _ = writeln!(
            f.out,
            "### Generated benchmark article {} ({lang}), examples/gen-corpus.rs seed {seed}.\n",
            self.index,
            seed = self.seed
        );
        f.message("title", &no_period(&self.title.render(l)));
        f.message("lede", &self.lede.render(l));
        f.out.push('\n');

        let (p, action, place, month, year) = self.photo;
        let (name, role) = (PEOPLE[p][0], PEOPLE[p][1 + l]);
        let (action, place) = (PHOTO_ACTIONS[action][l], PLACES[place][l]);
        let alt = match l {
            FR => format!("{name}, {role}, s’exprime {action} {place}, au milieu de collaborateurs et de journalistes."),
            EN => format!("{name}, {role}, speaks {action} {place}, surrounded by staff and journalists."),
            _ => format!("{name}, {role}, spricht {action} {place}, umgeben von Mitarbeitern und Journalisten."),
        };
        let month = MONTHS[month][l];
        let caption = match l {
            FR => format!("{name}, {role}, {action} {place} en {month} {year}."),
            EN => format!("{name}, {role}, {action} {place} in {month} {year}."),
            _ => format!("{name}, {role}, {action} {place} im {month} {year}."),
        };
        f.attributes("photo", &[("alt", &alt), ("caption", &caption)]);
        f.out.push('\n');

        f.message("intro", &self.intro.render(l));
        f.message("context", &self.context.render(l));
        f.out.push('\n');

        let tail = match l {
            FR => ", selon le dernier décompte.",
            EN => ", according to the latest count.",
            _ => ", so die jüngste Zählung.",
        };
        f.plural(
            "count-heading",
            l,
            self.counted,
            self.heading_predicate,
            "",
            "",
        );
        f.plural(
            "count-detail",
            l,
            self.counted,
            self.detail_predicate,
            tail,
            &self.detail.render(l),
        );
        f.message("see-also", &no_period(&self.read_also.1.render(l)));
        f.message("reactions", &self.reactions.render(l));
        for (i, point) in self.points.iter().enumerate() {
            f.message(&format!("point-{}", i + 1), &no_period(&point.render(l)));
        }
        f.out.push('\n');

        let heading = |topic: usize, q: usize| {
            let colon = if l == FR { "\u{a0}:" } else { ":" };
            format!("{}{colon} {}", TOPICS[topic][1 + l], QUALIFIERS[q][l])
        };
        f.message("background-heading", &heading(self.topic, self.qualifier));
        let lead = DATE_LEADS[self.date_lead][l].replace("{d}", "{ $when }");
        f.message("timeline", &format!("{lead}. {}", self.timeline.render(l)));
        let lead = AMOUNT_LEADS[self.amount_lead][l].replace("{a}", "{ $amount }");
        f.message("funding", &format!("{lead}. {}", self.funding.render(l)));
        f.message(
            "quotation",
            &Sentence::Quote {
                q: self.quote.0,
                p: self.quote.1,
            }
            .render(l),
        );
        f.out.push('\n');

        f.message(
            "outlook-heading",
            &heading(self.topic, self.outlook_qualifier),
        );
        f.message("outlook", &self.outlook.render(l));
        f.message("closing", &self.closing.render(l));
        f.message("watch-also", &no_period(&self.watch_also.1.render(l)));
        (f.out, f.words, f.bytes)
    }
}

/// The topic of article `index` (the first draw of [`Article::new`]), for links to it.
fn topic_of(seed: u64, index: usize) -> usize {
    Rng::for_article(seed, index).below(TOPICS.len())
}

fn slug(topic: usize, index: usize) -> String {
    format!("{}-{:05}", TOPICS[topic][0], index)
}

fn no_period(s: &str) -> String {
    s.strip_suffix('.').unwrap_or(s).to_owned()
}

/// An FTL file being written, with the size of its texts.
#[derive(Default)]
struct Ftl {
    out: String,
    words: usize,
    bytes: usize,
}

impl Ftl {
    fn count(&mut self, text: &str) {
        self.words += text.split_whitespace().count();
        self.bytes += text.len();
    }

    fn message(&mut self, id: &str, text: &str) {
        self.count(text);
        let _ = writeln!(self.out, "{id} = {text}");
    }

    fn attributes(&mut self, id: &str, attrs: &[(&str, &str)]) {
        let _ = writeln!(self.out, "{id} =");
        for (name, text) in attrs {
            self.count(text);
            let _ = writeln!(self.out, "    .{name} = {text}");
        }
    }

    /// A message opening with a plural selector on `$count` ("12 communes ont ..."), then
    /// `tail` and `rest` after it.
    fn plural(&mut self, id: &str, l: usize, noun: usize, pred: usize, tail: &str, rest: &str) {
        let (n, p) = (COUNTED[noun], COUNT_PREDICATES[pred]);
        let (one, other) = (
            format!("{{ $count }} {} {}", n[2 * l], p[2 * l]),
            format!("{{ $count }} {} {}", n[2 * l + 1], p[2 * l + 1]),
        );
        self.count(&other);
        self.count(tail);
        self.count(rest);
        let _ = writeln!(self.out, "{id} =\n    {{ $count ->\n        [one] {one}");
        if l == FR {
            // CLDR French: `many` for exact millions ("1 000 000 de communes").
            let _ = writeln!(
                self.out,
                "        [many] {{ $count }} de {} {}",
                n[2 * l + 1],
                p[2 * l + 1]
            );
        }
        let _ = write!(self.out, "       *[other] {other}\n    }}{tail}");
        if !rest.is_empty() {
            let _ = write!(self.out, " {rest}");
        }
        self.out.push('\n');
    }
}

// ---------------------------------------------------------------------------------------------
// Project files

fn gazette_toml(seed: u64, articles: usize) -> String {
    format!(
        "# Benchmark corpus: {articles} generated articles, seed {seed} (examples/gen-corpus.rs).\n\
         source = \"fr\"\n\
         targets = [\"en\", \"de\"]\n\
         base_url = \"https://bench.example\"\n\
         \n\
         [format_locales]\n\
         en = \"en-GB\"\n"
    )
}

/// The site strings the built-in templates use (ids of the sample project's site.ftl), plus a
/// `section-<id>` string per section.
fn site_ftl(l: usize) -> String {
    const SITE: &[(&str, Phrase)] = &[
        ("site-name", ["La Gazette", "The Gazette", "Die Gazette"]),
        ("lang-name", ["Français", "English", "Deutsch"]),
        (
            "published",
            [
                "Publié le { $date }",
                "Published on { $date }",
                "Veröffentlicht am { $date }",
            ],
        ),
        ("related-read", ["(Re)lire", "Read more", "Lesen Sie auch"]),
        ("related-watch", ["(Re)voir", "Watch", "Video zum Thema"]),
        (
            "other-editions",
            [
                "Lire dans une autre langue",
                "Read in another language",
                "In einer anderen Sprache lesen",
            ],
        ),
        (
            "video-unsupported",
            [
                "Votre navigateur ne permet pas de lire cette vidéo.",
                "Your browser cannot play this video.",
                "Ihr Browser kann dieses Video nicht wiedergeben.",
            ],
        ),
        (
            "skip-to-content",
            ["Aller au contenu", "Skip to content", "Zum Inhalt springen"],
        ),
        ("home", ["Accueil", "Home", "Startseite"]),
        (
            "latest-articles",
            ["Derniers articles", "Latest articles", "Neueste Artikel"],
        ),
        (
            "choose-language",
            ["Choisir la langue", "Choose a language", "Sprache wählen"],
        ),
        ("feed", ["Fil Atom", "Atom feed", "Atom-Feed"]),
    ];
    let mut s = format!(
        "### Site strings ({}), examples/gen-corpus.rs.\n\n",
        LANGS[l]
    );
    for (id, texts) in SITE {
        let _ = writeln!(s, "{id} = {}", texts[l]);
    }
    for sec in SECTIONS {
        let _ = writeln!(s, "section-{} = {}", sec[0], sec[1 + l]);
    }
    s
}
