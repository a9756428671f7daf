//! Times the first analyze() call, layer by layer (each layer's tables are
//! built on first use), against later ones:
//! `cargo run --profile eval --example first_call`.

use newsmark::{analyze, Layers, Options};

fn main() {
    let text = "WASHINGTON (Reuters) - Senator John Smith said on Tuesday that \
                the Ministry of Finance would publish its report next week, \
                two days before Christmas.";
    let steps = [
        ("dates", Layers { entities: false, dates: true, statements: false }),
        ("+entities", Layers { entities: true, dates: true, statements: false }),
        ("+statements", Layers::default()),
        ("all again", Layers::default()),
    ];
    for (name, layers) in steps {
        let opts = Options { layers, ..Options::default() };
        let t = std::time::Instant::now();
        let a = analyze(text, &opts);
        println!(
            "{name}: {:.3} ms ({} entities, {} dates, {} statements)",
            t.elapsed().as_secs_f64() * 1e3,
            a.entities.len(),
            a.dates.len(),
            a.statements.len()
        );
    }
}
