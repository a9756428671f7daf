//! `newsmark`: the command-line edge around [`newsmark::analyze`].
//!
//! Reads an article from a file or standard input and prints the analysis
//! as JSON, standalone HTML or colored text; or, with `--jsonl`, reads
//! documents in the evaluation format and writes one prediction line each.

use newsmark::output::{Report, Unit};
use newsmark::{analyze, Analysis, Date, Layers, Options};
use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
newsmark — marks who, when and who said what in a news article

USAGE:
    newsmark [OPTIONS] [FILE]          analyze FILE (or standard input)
    newsmark --jsonl FILE [OPTIONS]    one prediction line per JSONL document

OPTIONS:
    --format json|html|text   output format (default: text on a terminal, else json)
    --date YYYY-MM-DD         the article's date (default: found in the text, else today)
    --layers LIST             comma-separated: entities,dates,statements (default: all)
    --jsonl FILE              read documents {\"id\", \"text\", \"dct\"} (FILE or - for stdin);
                              offsets are written in code points
    -h, --help                this help
";

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Json,
    Html,
    Text,
}

struct Args {
    file: Option<String>,
    jsonl: Option<String>,
    format: Option<Format>,
    date: Option<Date>,
    layers: Layers,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args { file: None, jsonl: None, format: None, date: None, layers: Layers::default() };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (a.clone(), None),
        };
        let mut value = |name: &str| inline.clone().or_else(|| it.next()).ok_or(format!("{name} needs a value"));
        match flag.as_str() {
            "-h" | "--help" => {
                print!("{USAGE}");
                std::process::exit(0);
            }
            "--format" => {
                args.format = Some(match value("--format")?.as_str() {
                    "json" => Format::Json,
                    "html" => Format::Html,
                    "text" => Format::Text,
                    other => return Err(format!("unknown format {other:?} (json, html or text)")),
                })
            }
            "--date" => args.date = Some(value("--date")?.parse().map_err(|e| format!("--date: {e}"))?),
            "--jsonl" => args.jsonl = Some(value("--jsonl")?),
            "--layers" => {
                let v = value("--layers")?;
                let mut l = Layers { entities: false, dates: false, statements: false };
                for name in v.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                    match name {
                        "entities" => l.entities = true,
                        "dates" => l.dates = true,
                        "statements" => l.statements = true,
                        other => return Err(format!("unknown layer {other:?}")),
                    }
                }
                args.layers = l;
            }
            f if f.starts_with('-') && f != "-" => return Err(format!("unknown option {f}")),
            _ if args.file.is_none() => args.file = Some(a),
            _ => return Err("more than one input file".into()),
        }
    }
    Ok(args)
}

fn today() -> Date {
    let secs =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
    Date::from_days_since_epoch(secs.div_euclid(86_400))
}

fn read_input(path: Option<&str>) -> Result<Vec<u8>, String> {
    let mut buf = Vec::new();
    match path {
        None | Some("-") => io::stdin().read_to_end(&mut buf).map_err(|e| format!("standard input: {e}"))?,
        Some(p) => {
            buf = std::fs::read(p).map_err(|e| format!("{p}: {e}"))?;
            0
        }
    };
    Ok(buf)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("newsmark: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = if let Some(path) = args.jsonl.as_deref() { run_jsonl(path, &args) } else { run_one(&args) };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("newsmark: {e}");
            ExitCode::from(1)
        }
    }
}

fn run_one(args: &Args) -> Result<bool, String> {
    let bytes = read_input(args.file.as_deref())?;
    let name = args.file.as_deref().unwrap_or("standard input");
    let text = String::from_utf8(bytes)
        .map_err(|e| format!("{name}: not valid UTF-8 (first bad byte at offset {})", e.utf8_error().valid_up_to()))?;
    let opts = Options { reference_date: args.date, today: Some(today()), layers: args.layers };
    let analysis = analyze(&text, &opts);
    let stdout = io::stdout();
    let format = args.format.unwrap_or(if stdout.is_terminal() { Format::Text } else { Format::Json });
    let mut out = io::BufWriter::new(stdout.lock());
    let written = match format {
        Format::Json => {
            let report = Report::new(&analysis, &text, Unit::Byte);
            serde_json::to_writer_pretty(&mut out, &report).map_err(|e| e.to_string())?;
            writeln!(out)
        }
        Format::Html => out.write_all(render::html(&text, &analysis).as_bytes()),
        Format::Text => out.write_all(render::ansi(&text, &analysis).as_bytes()),
    };
    written.and_then(|_| out.flush()).map_err(|e| format!("writing output: {e}"))?;
    Ok(true)
}

#[derive(serde::Serialize)]
struct JsonlOut<'a> {
    id: &'a serde_json::Value,
    #[serde(flatten)]
    report: Report,
}

/// Processes every line of a JSONL file (or `-`, standard input).
fn run_jsonl(path: &str, args: &Args) -> Result<bool, String> {
    let reader: Box<dyn BufRead> = match path {
        "-" => Box::new(io::BufReader::new(io::stdin())),
        p => Box::new(io::BufReader::new(std::fs::File::open(p).map_err(|e| format!("{p}: {e}"))?)),
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let stderr = io::stderr();
    let ok = process_jsonl(reader, path, &mut out, &mut stderr.lock(), args.date, args.layers, today())?;
    out.flush().map_err(|e| format!("writing output: {e}"))?;
    Ok(ok)
}

/// Reads documents `{"id", "text", "dct"}`, one per line, from `reader` and
/// writes one prediction line per document to `out`, offsets in code
/// points. A bad line is reported on `err` with `name` and its line number
/// and skipped, so the other documents are still processed; the result is
/// `Ok(false)` then. `Err` only when reading or writing fails.
///
/// `date` (from `--date`) overrides each document's `dct`. Public so the
/// fuzz target `jsonl` can drive exactly this code.
pub fn process_jsonl(
    reader: impl BufRead,
    name: &str,
    out: &mut impl Write,
    err: &mut impl Write,
    date: Option<Date>,
    layers: Layers,
    today: Date,
) -> Result<bool, String> {
    let mut ok = true;
    for (n, line) in reader.split(b'\n').enumerate() {
        let lineno = n + 1;
        let line = line.map_err(|e| format!("{name}: line {lineno}: {e}"))?;
        if line.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        let mut fail = |msg: String| {
            ok = false;
            writeln!(err, "newsmark: {name}: line {lineno}: {msg}").map_err(|e| format!("writing errors: {e}"))
        };
        let doc: serde_json::Value = match std::str::from_utf8(&line) {
            Err(e) => {
                fail(format!("not valid UTF-8 (byte {})", e.valid_up_to()))?;
                continue;
            }
            Ok(s) => match serde_json::from_str(s) {
                Ok(v) => v,
                Err(e) => {
                    // serde_json counts lines within the one line it was
                    // given; only the column means something here.
                    let msg = e.to_string();
                    let msg = msg.rsplit_once(" at line ").map_or(msg.as_str(), |(m, _)| m);
                    fail(format!("not valid JSON at column {}: {msg}", e.column()))?;
                    continue;
                }
            },
        };
        let Some(text) = doc.get("text").and_then(|t| t.as_str()) else {
            fail("no \"text\" string".into())?;
            continue;
        };
        let id = doc.get("id").unwrap_or(&serde_json::Value::Null);
        let dct = match doc.get("dct") {
            None | Some(serde_json::Value::Null) => None,
            Some(serde_json::Value::String(s)) => match s.parse::<Date>() {
                Ok(d) => Some(d),
                Err(e) => {
                    fail(format!("\"dct\": {e}; using the date found in the text"))?;
                    None
                }
            },
            Some(other) => {
                fail(format!("\"dct\" is not a string: {other}"))?;
                None
            }
        };
        let opts = Options { reference_date: date.or(dct), today: Some(today), layers };
        let analysis: Analysis = analyze(text, &opts);
        let record = JsonlOut { id, report: Report::new(&analysis, text, Unit::CodePoint) };
        serde_json::to_writer(&mut *out, &record).map_err(|e| e.to_string())?;
        writeln!(out).map_err(|e| format!("writing output: {e}"))?;
    }
    Ok(ok)
}

/// Rendering for people: HTML and ANSI-colored text.
mod render {
    use newsmark::{Analysis, EntityLabel, Span};

    #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
    enum Mark {
        Statement,
        Entity(u8),
        Date,
    }

    struct Item {
        span: Span,
        mark: Mark,
        title: String,
    }

    fn items(a: &Analysis) -> Vec<Item> {
        let mut v = Vec::new();
        for s in &a.statements {
            let who = s.speaker.clone().unwrap_or_default();
            for f in &s.fragments {
                v.push(Item { span: *f, mark: Mark::Statement, title: format!("statement ({:?}) {who}", s.kind) });
            }
        }
        for e in &a.entities {
            let k = match e.label {
                EntityLabel::Person => 0,
                EntityLabel::Org => 1,
                EntityLabel::Place => 2,
                EntityLabel::Misc => 3,
            };
            v.push(Item { span: e.span, mark: Mark::Entity(k), title: format!("{:?}: {}", e.label, e.canonical) });
        }
        for d in &a.dates {
            v.push(Item { span: d.span, mark: Mark::Date, title: format!("{:?} {}", d.kind, d.value) });
        }
        v
    }

    /// Walks the text boundary by boundary; at each boundary every open
    /// mark is closed and the ones still active reopened, so crossing
    /// spans still nest properly.
    fn sweep(text: &str, a: &Analysis, mut emit: impl FnMut(&str, &[&Item])) {
        let items = items(a);
        let mut cuts: Vec<usize> = items.iter().flat_map(|i| [i.span.start, i.span.end]).collect();
        cuts.push(0);
        cuts.push(text.len());
        cuts.sort_unstable();
        cuts.dedup();
        let mut active: Vec<&Item> = Vec::new();
        let mut sorted: Vec<&Item> = items.iter().collect();
        sorted.sort_by_key(|i| (i.span.start, i.mark));
        let mut next = 0;
        for w in cuts.windows(2) {
            let (s, e) = (w[0], w[1]);
            active.retain(|i| i.span.end > s);
            while next < sorted.len() && sorted[next].span.start <= s {
                if sorted[next].span.end > s {
                    active.push(sorted[next]);
                }
                next += 1;
            }
            active.sort_by_key(|i| i.mark);
            if text.is_char_boundary(s) && text.is_char_boundary(e) {
                emit(&text[s..e], &active);
            }
        }
    }

    fn escape(s: &str, out: &mut String) {
        for c in s.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                '\'' => out.push_str("&#39;"),
                c => out.push(c),
            }
        }
    }

    const CLASSES: [&str; 4] = ["person", "org", "place", "misc"];

    pub fn html(text: &str, a: &Analysis) -> String {
        let mut body = String::with_capacity(text.len() * 2);
        sweep(text, a, |chunk, active| {
            for i in active {
                let class = match i.mark {
                    Mark::Statement => "statement",
                    Mark::Entity(k) => CLASSES[k as usize],
                    Mark::Date => "date",
                };
                body.push_str("<mark class=\"");
                body.push_str(class);
                body.push_str("\" title=\"");
                escape(&i.title, &mut body);
                body.push_str("\">");
            }
            escape(chunk, &mut body);
            for _ in active {
                body.push_str("</mark>");
            }
        });
        format!(
            "<!doctype html>\n<html lang=\"en\"><meta charset=\"utf-8\"><title>newsmark</title>\n<style>\n\
             body{{font:1.05rem/1.6 Georgia,serif;max-width:44rem;margin:2rem auto;padding:0 1rem;white-space:pre-wrap}}\n\
             mark{{background:none;color:inherit}}\n\
             .person{{background:#dbeafe;border-bottom:2px solid #1d4ed8}}\n\
             .org{{background:#fce7f3;border-bottom:2px dashed #be185d}}\n\
             .place{{background:#dcfce7;border-bottom:2px dotted #15803d}}\n\
             .misc{{background:#f3f4f6;border-bottom:2px double #4b5563}}\n\
             .date{{background:#fef3c7;border-bottom:2px solid #b45309;font-style:italic}}\n\
             .statement{{text-decoration:underline wavy #7c3aed}}\n\
             </style>\n<body>{body}</body></html>\n"
        )
    }

    /// Copies `s` for a terminal, showing control characters as their
    /// Unicode pictures (ESC as ␛) instead of sending them: an article
    /// must not be able to move the cursor, recolour or retitle the
    /// terminal. Line breaks and tabs pass through.
    fn push_visible(s: &str, out: &mut String) {
        for c in s.chars() {
            match c {
                '\n' | '\t' | '\r' => out.push(c),
                '\0'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}')),
                '\u{7f}' => out.push('\u{2421}'),
                '\u{80}'..='\u{9f}' => out.push('\u{FFFD}'),
                c => out.push(c),
            }
        }
    }

    pub fn ansi(text: &str, a: &Analysis) -> String {
        let mut out = String::with_capacity(text.len() * 2);
        sweep(text, a, |chunk, active| {
            if active.is_empty() {
                push_visible(chunk, &mut out);
                return;
            }
            for i in active {
                out.push_str(match i.mark {
                    Mark::Statement => "\x1b[3m",
                    Mark::Entity(0) => "\x1b[1;34m",
                    Mark::Entity(1) => "\x1b[1;35m",
                    Mark::Entity(2) => "\x1b[1;32m",
                    Mark::Entity(_) => "\x1b[1;36m",
                    Mark::Date => "\x1b[4;33m",
                });
            }
            push_visible(chunk, &mut out);
            out.push_str("\x1b[0m");
        });
        out.push_str("\n\x1b[1;34mperson\x1b[0m \x1b[1;35morganization\x1b[0m \x1b[1;32mplace\x1b[0m \x1b[1;36mother\x1b[0m \x1b[4;33mdate\x1b[0m \x1b[3mstatement\x1b[0m\n");
        out
    }
}
