//! Times each pipeline stage on one text file:
//! `cargo run --profile eval --example layer_times -- FILE`.
use newsmark::{dates, entities, statements, text::Document};
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("FILE");
    let text = std::fs::read_to_string(path).expect("readable UTF-8 file");
    let mb = text.len() as f64 / 1e6;
    for _ in 0..3 {
        let t0 = Instant::now();
        let doc = Document::new(&text);
        let t1 = Instant::now();
        let reference = dates::detect_reference(&doc);
        let found = dates::find(&doc, reference.map(|r| r.0));
        let t2 = Instant::now();
        let ents = entities::find(&doc, &found);
        let t3 = Instant::now();
        let stmts = statements::find(&doc, &ents);
        let t4 = Instant::now();
        let ms = |a: Instant, b: Instant| (b - a).as_secs_f64() * 1e3;
        println!(
            "text {:.1} ms, dates {:.1} ms, entities {:.1} ms, statements {:.1} ms; total {:.1} MB/s ({} {} {})",
            ms(t0, t1),
            ms(t1, t2),
            ms(t2, t3),
            ms(t3, t4),
            mb / (t4 - t0).as_secs_f64(),
            found.len(),
            ents.len(),
            stmts.len()
        );
    }
}
