//! The `newsmark` command-line tool, run as a separate process: formats,
//! options, JSONL in the evaluation format (code-point offsets), and clear
//! errors for bad input.
//!
//! Expected outputs are computed with the library on the same text, so the
//! tests check the tool's plumbing (units, options, error handling) exactly
//! and keep holding as the layers improve.

use newsmark::output::{Report, Unit};
use newsmark::{analyze, Analysis, Date, Layers, Options};
use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// An article written for these tests: accents, an emoji outside the BMP
/// and CJK before the marks, so byte, UTF-16 and code-point offsets differ.
const ARTICLE: &str = "São Paulo 🎉 東京 — Finance Minister José Álvarez said on Tuesday that the \
fuel tax would fall by 4% in January.\n\n“We have listened,” Álvarez told reporters. “The cut is fair.”\n";

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsmark"))
}

/// Writes `bytes` to a file of this test run and returns its path.
fn file(name: &str, bytes: &[u8]) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{}-{name}", std::process::id()));
    std::fs::write(&path, bytes).unwrap();
    path
}

fn run(cmd: &mut Command, stdin: Option<&[u8]>) -> Output {
    let mut child = cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut pipe = child.stdin.take().unwrap();
    // The tool may exit before reading (usage errors): a broken pipe is fine.
    // Inputs stay far below the pipe buffer, so this cannot deadlock.
    let _ = pipe.write_all(stdin.unwrap_or_default());
    drop(pipe);
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

fn nov5() -> Date {
    Date::new(2020, 11, 5).unwrap()
}

fn expected(text: &str, layers: Layers, unit: Unit) -> Value {
    let a: Analysis = analyze(text, &Options { reference_date: Some(nov5()), today: None, layers });
    serde_json::to_value(Report::new(&a, text, unit)).unwrap()
}

/// Slices `text` by code points, as Python (and score.py) does.
fn cp_slice(text: &str, start: u64, end: u64) -> String {
    text.chars().skip(start as usize).take((end - start) as usize).collect()
}

#[test]
fn json_from_file_and_stdin() {
    let path = file("article.txt", ARTICLE.as_bytes());
    let o = run(bin().arg("--format").arg("json").arg("--date").arg("2020-11-05").arg(&path), None);
    assert!(o.status.success(), "{}", stderr(&o));
    let got: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(got, expected(ARTICLE, Layers::default(), Unit::Byte));
    assert_eq!(got["reference"]["date"], "2020-11-05");
    assert_eq!(got["reference"]["origin"], "given");
    for layer in ["entities", "dates", "statements"] {
        assert!(got[layer].is_array(), "{layer} missing");
    }
    // Standard input, and `--opt=value` spelling.
    let o = run(bin().args(["--format=json", "--date=2020-11-05"]), Some(ARTICLE.as_bytes()));
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(serde_json::from_str::<Value>(&stdout(&o)).unwrap(), got);
}

#[test]
fn without_a_date_the_reference_is_today_or_the_text() {
    let o = run(bin().args(["--format", "json"]), Some(b"No date here at all."));
    assert!(o.status.success());
    let got: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(got["reference"]["origin"], "today");
    assert!(got["reference"]["date"].as_str().unwrap().parse::<Date>().is_ok());
}

#[test]
fn layers_option() {
    for (arg, layers) in [
        ("dates", Layers { entities: false, dates: true, statements: false }),
        ("entities,statements", Layers { entities: true, dates: false, statements: true }),
        (" entities , dates ", Layers { entities: true, dates: true, statements: false }),
    ] {
        let o =
            run(bin().args(["--format", "json", "--date", "2020-11-05", "--layers", arg]), Some(ARTICLE.as_bytes()));
        assert!(o.status.success(), "{arg}: {}", stderr(&o));
        let got: Value = serde_json::from_str(&stdout(&o)).unwrap();
        assert_eq!(got, expected(ARTICLE, layers, Unit::Byte), "--layers {arg}");
        if !layers.entities {
            assert_eq!(got["entities"], Value::Array(vec![]));
        }
    }
    let o = run(bin().args(["--layers", "entities,quotes"]), Some(b"x"));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown layer \"quotes\""), "{}", stderr(&o));
}

#[test]
fn bad_arguments_are_usage_errors() {
    for (args, msg) in [
        (&["--date", "2020-02-30"][..], "--date"),
        (&["--date"][..], "--date needs a value"),
        (&["--format", "xml"][..], "unknown format \"xml\""),
        (&["--frobnicate"][..], "unknown option --frobnicate"),
        (&["a.txt", "b.txt"][..], "more than one input file"),
    ] {
        let o = run(bin().args(args), Some(b""));
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains(msg), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains("USAGE"), "{args:?}: usage not shown");
        assert!(o.stdout.is_empty());
    }
    let o = run(bin().arg("--help"), None);
    assert!(o.status.success() && stdout(&o).contains("--jsonl"));
}

#[test]
fn html_escapes_the_text() {
    let text = "Breaking <img src=x onerror=alert(1)> & <script>alert('x')</script> \"quoted\" said Maria Okonkwo.";
    let o = run(bin().args(["--format", "html", "--date", "2020-11-05"]), Some(text.as_bytes()));
    assert!(o.status.success());
    let html = stdout(&o);
    assert!(html.starts_with("<!doctype html>"));
    assert!(!html.contains("<img") && !html.contains("<script"), "markup from the text got through:\n{html}");
    for escaped in
        ["&lt;img src=x onerror=alert(1)&gt; &amp; &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "&quot;"]
    {
        assert!(html.contains(escaped), "{escaped} missing:\n{html}");
    }
    // Every character of the text is in the page, once marks are removed.
    let body = html.split("<body>").nth(1).unwrap().split("</body>").next().unwrap();
    let mut plain = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => plain.push(c),
            _ => {}
        }
    }
    let unescaped = plain
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    assert_eq!(unescaped, text);
}

/// `s` without the tool's own colour codes (ESC [ digits/semicolons m).
fn strip_sgr(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("\u{1b}[") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let n = after.find(|c: char| !(c.is_ascii_digit() || c == ';')).unwrap_or(after.len());
        assert!(after[n..].starts_with('m'), "not a colour code: {:?}", &rest[i..]);
        rest = &after[n + 1..];
    }
    out.push_str(rest);
    out
}

#[test]
fn text_output_cannot_drive_the_terminal() {
    // An article with an escape sequence that would set the terminal's
    // title and colour, a bell, and a C1 control.
    let text = "Title\u{1b}]0;pwned\u{7} and \u{1b}[31mred\u{1b}[0m \u{9b}2J said Okonkwo.\r\nNext line\tok.";
    let o = run(bin().args(["--format", "text", "--date", "2020-11-05"]), Some(text.as_bytes()));
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(!out.contains("\u{1b}]") && !out.contains("\u{7}") && !out.contains("\u{9b}"), "{out:?}");
    assert!(!out.contains("\u{1b}[31mred"), "{out:?}");
    assert!(
        strip_sgr(&out).starts_with("Title␛]0;pwned␇ and ␛[31mred␛[0m \u{FFFD}2J said Okonkwo.\r\nNext line\tok."),
        "{out:?}"
    );
}

#[test]
fn unreadable_input_gives_clear_errors() {
    let missing = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("no-such-article.txt");
    let o = run(bin().arg(&missing), None);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("no-such-article.txt") && err.contains("No such file"), "{err}");
    assert!(o.stdout.is_empty());

    let o = run(bin().arg("--jsonl").arg(&missing), None);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no-such-article.txt"), "{}", stderr(&o));

    let mut bytes = "Café au lait".as_bytes().to_vec();
    bytes.extend([0xC3, 0x28, b' ', 0xFF]);
    let path = file("latin1.txt", &bytes);
    let o = run(bin().arg(&path), None);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("latin1.txt: not valid UTF-8 (first bad byte at offset 13)"), "{err}");
    assert!(o.stdout.is_empty());
}

#[test]
fn empty_input_is_an_empty_analysis() {
    let o = run(bin().args(["--format", "json", "--date", "2020-11-05"]), Some(b""));
    assert!(o.status.success());
    let got: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(got, expected("", Layers::default(), Unit::Byte));
    assert_eq!(got["entities"], Value::Array(vec![]));
}

#[test]
fn jsonl_code_points_and_bad_lines() {
    let doc = |id: &str, text: &str, dct: Value| serde_json::json!({"id": id, "text": text, "dct": dct}).to_string();
    let second = "Zoë Ødegaard 👩‍👩‍👧 said yesterday that 東京 was “calm”.";
    let lines = [
        doc("a1", ARTICLE, Value::from("2020-11-05")),
        "{\"id\": \"broken\", \"text\": ".to_string(), // line 2: truncated JSON
        String::new(),                                 // line 3: blank, skipped silently
        doc("b2", second, Value::Null),
        "{\"id\": \"no-text\"}".to_string(),                              // line 5
        "{\"id\": \"surrogate\", \"text\": \"a \\ud83d b\"}".to_string(), // line 6: lone surrogate
        doc("c3", second, Value::from("November 5")),                     // line 7: bad dct, still analyzed
        doc("d4", "Plain text.", Value::from(42)),                        // line 8: dct not a string
    ];
    let mut bytes = lines.join("\r\n").into_bytes(); // CRLF line ends
    bytes.extend(b"\n\xff\xfe{\"id\": 1}\n"); // line 9: not UTF-8
    let path = file("docs.jsonl", &bytes);
    let o = run(bin().arg("--jsonl").arg(&path), None);
    assert_eq!(o.status.code(), Some(1), "bad lines must make the exit status non-zero");
    let err = stderr(&o);
    for n in [2, 5, 6, 7, 8, 9] {
        assert!(err.contains(&format!("docs.jsonl: line {n}: ")), "line {n} not reported:\n{err}");
    }
    for n in [1, 3, 4] {
        assert!(!err.contains(&format!("line {n}: ")), "line {n} wrongly reported:\n{err}");
    }
    assert!(err.contains("line 2: not valid JSON at column 26: EOF while parsing a value\n"), "{err}");
    assert!(err.contains("line 5: no \"text\" string"));
    assert!(err.contains("line 9: not valid UTF-8"));

    let out: Vec<Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let ids: Vec<&str> = out.iter().map(|v| v["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a1", "b2", "c3", "d4"]);

    // Each document's marks, in code points, exactly as the library finds them.
    for (v, text, reference) in [(&out[0], ARTICLE, Some(nov5())), (&out[1], second, None)] {
        // Without a dct the tool falls back on its own clock (or a date in
        // the text); give the library the same day.
        let today: Date = v["reference"]["date"].as_str().unwrap().parse().unwrap();
        let opts = Options { reference_date: reference, today: Some(today), ..Options::default() };
        let a = analyze(text, &opts);
        assert_eq!(v["entities"].as_array().unwrap().len(), a.entities.len());
        for (o, e) in v["entities"].as_array().unwrap().iter().zip(&a.entities) {
            assert_eq!(cp_slice(text, o["start"].as_u64().unwrap(), o["end"].as_u64().unwrap()), e.span.text(text));
        }
        assert_eq!(v["dates"].as_array().unwrap().len(), a.dates.len());
        for (o, d) in v["dates"].as_array().unwrap().iter().zip(&a.dates) {
            assert_eq!(cp_slice(text, o["start"].as_u64().unwrap(), o["end"].as_u64().unwrap()), d.span.text(text));
            assert_eq!(o["value"], d.value.as_str());
        }
        assert_eq!(v["statements"].as_array().unwrap().len(), a.statements.len());
        for (o, s) in v["statements"].as_array().unwrap().iter().zip(&a.statements) {
            assert_eq!(cp_slice(text, o["start"].as_u64().unwrap(), o["end"].as_u64().unwrap()), s.span.text(text));
            for (of, f) in o["fragments"].as_array().unwrap().iter().zip(&s.fragments) {
                assert_eq!(cp_slice(text, of[0].as_u64().unwrap(), of[1].as_u64().unwrap()), f.text(text));
            }
            if let Some(c) = s.cue {
                assert_eq!(
                    cp_slice(text, o["cue"]["start"].as_u64().unwrap(), o["cue"]["end"].as_u64().unwrap()),
                    c.text(text)
                );
            }
        }
        // The rest of the record is the library's report in code points.
        let mut report = serde_json::to_value(Report::new(&a, text, Unit::CodePoint)).unwrap();
        report["id"] = v["id"].clone();
        assert_eq!(v, &report);
    }
    assert_eq!(out[0]["reference"]["origin"], "given");
    assert_eq!(out[0]["reference"]["date"], "2020-11-05");
    assert_ne!(out[1]["reference"]["origin"], "given");
}

#[test]
fn jsonl_date_option_overrides_dct_and_stdin_works() {
    let line = serde_json::json!({"id": 7, "text": ARTICLE, "dct": "1999-01-01"}).to_string();
    let o = run(bin().args(["--jsonl", "-", "--date", "2020-11-05"]), Some(line.as_bytes()));
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["id"], 7);
    assert_eq!(v["reference"]["date"], "2020-11-05");
    let mut want = expected(ARTICLE, Layers::default(), Unit::CodePoint);
    want["id"] = Value::from(7);
    assert_eq!(v, want);
}
