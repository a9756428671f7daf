//! Runs only the text and dates stages on one file, for callgrind:
//! `valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*measure_*'
//! target/release/examples/text_dates_cost FILE`. The lexicons are loaded
//! on a warm-up text first, so the counts are the per-text cost only.
use newsmark::{dates, text::Document, Date};

#[inline(never)]
fn measure_text(text: &str) -> Document<'_> {
    Document::new(text)
}

#[inline(never)]
fn measure_dates(doc: &Document, reference: Option<Date>) -> usize {
    dates::find(doc, reference).len()
}

#[inline(never)]
fn measure_reference(doc: &Document) -> Option<Date> {
    dates::detect_reference(doc).map(|r| r.0)
}

fn main() {
    let path = std::env::args().nth(1).expect("FILE");
    let text = std::fs::read_to_string(path).expect("readable UTF-8 file");
    let reference = "2021-03-15".parse().ok();
    let warm = Document::new("On Tuesday, March 3, 2021, the board met at 3 p.m.");
    let _ = dates::find(&warm, reference);
    let doc = measure_text(&text);
    let found = measure_reference(&doc);
    let n = measure_dates(&doc, reference);
    println!("{} tokens, {} sentences, {n} dates, reference {found:?}", doc.tokens.len(), doc.sentences.len());
}
