//! Times the entities layer (with tokenization) on a text file cut into
//! ~4 KB articles: `cargo run --profile eval --example entity_speed -- FILE`.

fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    // Articles of about 4 KB, cut at paragraph breaks.
    let mut docs: Vec<&str> = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices("\n\n") {
        if i - start >= 4000 {
            docs.push(&text[start..i]);
            start = i + 2;
        }
    }
    docs.push(&text[start..]);
    let doc0 = newsmark::text::Document::new("Warm up Paris.");
    let _ = newsmark::entities::find(&doc0, &[]);
    for _ in 0..3 {
        let t = std::time::Instant::now();
        let mut n = 0;
        let mut tok = std::time::Duration::ZERO;
        for d in &docs {
            let t0 = std::time::Instant::now();
            let doc = newsmark::text::Document::new(d);
            tok += t0.elapsed();
            n += newsmark::entities::find(&doc, &[]).len();
        }
        let el = t.elapsed().as_secs_f64();
        println!(
            "{} entities, {:.1} MB/s total, tokenize {:.3}s, all {:.3}s",
            n,
            text.len() as f64 / 1e6 / el,
            tok.as_secs_f64(),
            el
        );
    }
}
