//! Property tests (issue 7): for arbitrary Unicode and for article-like text
//! with random edits, `analyze` never panics, every span is valid and in
//! order, marks of one layer never overlap, results are deterministic and
//! independent of which layers are requested, and offsets convert exactly
//! to code points and UTF-16.
//!
//! The article generator is written for the project from general news
//! style (names, titles, organizations, places, dates, quotation styles,
//! reporting verbs); it exercises every layer, so these tests keep their
//! meaning as the layers grow. Case counts and sizes are bounded so the
//! suite stays fast in a debug build.

mod common;

use common::*;
use newsmark::output::Unit;
use newsmark::{
    Analysis, Date, DateType, Entity, EntityLabel, Options, Reference, ReferenceOrigin, Span, Statement, StatementKind,
    TimeExpr,
};
use proptest::prelude::*;
use proptest::sample::{select, Index};

const NAMES: &[&str] = &[
    "Maria Okonkwo",
    "Jean-Luc Baptiste",
    "Søren Ødegaard",
    "José Álvarez",
    "Li Wei",
    "Ahmed al-Rashid",
    "Siobhán O'Neill",
    "Anna-Lena Schmidt",
    "Nguyễn Thị Lan",
    "Oksana Kovalenko",
    "Kwame Mensah",
    "Okonkwo",
];
const TITLES: &[&str] =
    &["Senator", "Dr.", "Ms.", "Mr.", "Prime Minister", "Ambassador", "Gov.", "Chief Executive", ""];
const ORGS: &[&str] = &[
    "the Ministry of Finance",
    "Northwind Shipping Co.",
    "the University of Lagos",
    "the U.N. Security Council",
    "Riverside FC",
    "the Federal Reserve",
    "Acme Corp.",
    "the European Commission",
    "NATO",
    "the city council",
];
const PLACES: &[&str] =
    &["Nairobi", "São Paulo", "the U.S.", "Kraków", "New South Wales", "Reykjavík", "Mexico City", "Hà Nội"];
const DATES: &[&str] = &[
    "on Tuesday",
    "last week",
    "on Nov. 3",
    "on 3 November 2020",
    "on 2020-11-03",
    "on 11/3/2020",
    "in the 1990s",
    "in mid-2019",
    "two weeks ago",
    "at 3:30 p.m.",
    "every Friday",
    "yesterday",
    "earlier this month",
    "in the third quarter",
    "in fiscal 2021",
    "for 44 days",
    "this year",
    "next spring",
    "on Monday morning",
    "since March",
    "at noon",
    "in May",
    "annually",
    "a decade ago",
];
const ABS_DATES: &[&str] =
    &["November 5, 2020", "5 November 2020", "2020-11-05", "Nov. 5, 2020", "Thursday, 5 Nov 2020"];
const CUES: &[&str] =
    &["said", "told reporters", "noted", "added", "warned", "stressed", "claimed", "recalled", "insisted", "denied"];
const PRONOUNS: &[&str] = &["he", "she", "they", "the minister", "the spokeswoman", "the company"];
const CONTENTS: &[&str] = &[
    "the talks would resume",
    "prices rose 4% in the third quarter",
    "we will not back down",
    "the bridge had been closed for repairs",
    "nobody expected the vote to pass",
    "it is a good day for the city",
    "the figures were wrong",
    "talks with the union broke down",
    "the plan costs $3.5 billion",
    "there is no evidence of wrongdoing",
    "we are “deeply concerned” about the delays",
];
const QUOTES: &[(&str, &str)] = &[("“", "”"), ("\"", "\""), ("«", "»"), ("„", "“"), ("‘", "’"), ("« ", " »")];
const JOINERS: &[&str] = &[" ", " ", "\n", "\n\n", "\r\n", "\r\n\r\n", "  "];

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn person(title: &str, name: &str) -> String {
    if title.is_empty() {
        name.to_string()
    } else {
        format!("{title} {name}")
    }
}

/// One sentence of news prose built from the tables above.
fn sentence() -> impl Strategy<Value = String> {
    (
        0..10u8,
        (select(NAMES), select(TITLES), select(ORGS), select(PLACES)),
        (select(DATES), select(ABS_DATES), select(CUES), select(PRONOUNS)),
        (select(CONTENTS), select(CONTENTS), select(QUOTES)),
    )
        .prop_map(|(kind, (name, title, org, place), (date, abs, cue, pron), (c1, c2, (open, close)))| {
            let who = person(title, name);
            match kind {
                0 => format!("{open}{},{close} {who} {cue} {date}.", cap(c1)),
                1 => format!("{who} {cue} {date} that {c1}."),
                2 => format!("According to {org}, {c1}."),
                3 => format!("{open}{},{close} {pron} said, {open}{}.{close}", cap(c1), c2),
                4 => format!(
                    "{} (Newsroom) — {name}, a spokesman for {org}, {cue} {date} that {c1}.",
                    place.to_uppercase()
                ),
                5 => format!("{} in {place} {date}, {org} said.", cap(c1)),
                6 => format!("Published {abs}"),
                7 => format!("{open}{}{close}", cap(c1)),
                8 => format!("{} {cue} {who} {date}: {open}{}.{close}", cap(pron), cap(c2)),
                _ => format!("{} met {who} in {place} {date}, and {pron} {cue} {c1}.", cap(org)),
            }
        })
}

/// A short article: sentences joined by spaces, line breaks and CRLF.
fn article() -> impl Strategy<Value = String> {
    prop::collection::vec((sentence(), select(JOINERS)), 1..12).prop_map(|parts| {
        let mut s = String::new();
        for (sent, join) in parts {
            s.push_str(&sent);
            s.push_str(join);
        }
        s
    })
}

/// Bits that break naive text processing.
const HOSTILE: &[&str] = &[
    "“",
    "”",
    "\"",
    "«",
    "»",
    "„",
    "‘",
    "’",
    "'",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "🎉",
    "👩‍👩‍👧",
    "🇺🇸",
    "\u{301}",
    "\u{20DD}",
    "مرحبا",
    "שָׁלוֹם",
    "\u{202E}",
    "\u{2067}",
    "\u{200F}",
    "\u{200B}",
    "\0",
    "\u{7}",
    "\u{1b}[31m",
    "\u{FFFD}",
    "\u{FEFF}",
    "\u{200D}",
    "\u{A0}",
    "\u{2028}",
    "\u{2029}",
    "said",
    ".",
    "Mr.",
    "...",
    "…",
    "U.S.",
    "—",
    "-",
    "(",
    ")",
    "2020",
    "3:30",
    "e\u{301}",
    "東京",
    "\u{10FFFF}",
    "\t",
    "’s",
    "said,",
];

#[derive(Clone, Debug)]
enum Edit {
    Insert(Index, &'static str),
    Delete(Index, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => (any::<Index>(), select(HOSTILE)).prop_map(|(i, s)| Edit::Insert(i, s)),
        1 => (any::<Index>(), 1..6usize).prop_map(|(i, n)| Edit::Delete(i, n)),
    ]
}

/// Applies edits at character boundaries.
fn apply(text: &str, edits: &[Edit]) -> String {
    let mut s = text.to_string();
    for e in edits {
        let bounds: Vec<usize> = s.char_indices().map(|(i, _)| i).chain(Some(s.len())).collect();
        match e {
            Edit::Insert(i, t) => s.insert_str(bounds[i.index(bounds.len())], t),
            Edit::Delete(i, n) => {
                let k = i.index(bounds.len());
                let end = bounds[(k + n).min(bounds.len() - 1)];
                s.replace_range(bounds[k]..end, "");
            }
        }
    }
    s
}

fn edited_article() -> impl Strategy<Value = String> {
    (article(), prop::collection::vec(edit(), 0..20)).prop_map(|(a, e)| apply(&a, &e))
}

/// Arbitrary Unicode, biased towards interesting code points by proptest's
/// `char` strategy (controls, surrogate neighbours, the maximum).
fn unicode() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..300).prop_map(|v| v.into_iter().collect())
}

/// Pieces of HOSTILE and words glued with little or no spacing.
fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop_oneof![select(HOSTILE), select(CUES), select(NAMES), select(DATES), Just(" ")], 0..80)
        .prop_map(|v| v.concat())
}

fn options() -> impl Strategy<Value = Options> {
    prop_oneof![
        Just(Options::default()),
        Just(Options { reference_date: Some(Date::new(2020, 11, 5).unwrap()), ..Options::default() }),
        Just(Options { today: Some(Date::new(2026, 1, 31).unwrap()), ..Options::default() }),
        Just(Options { reference_date: Some(Date::new(-44, 3, 15).unwrap()), ..Options::default() }),
        Just(Options { reference_date: Some(Date::new(9999, 12, 31).unwrap()), ..Options::default() }),
    ]
}

/// 256 cases per property, enough for `cargo test` on every change;
/// `PROPTEST_CASES=20000 cargo test --release --test robustness` for a
/// longer hunt.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256);
    ProptestConfig { cases, ..ProptestConfig::default() }
}

/// The reference date must be the caller's when given, and today's only
/// when nothing else is known.
fn check_reference(a: &Analysis, o: &Options) {
    match (o.reference_date, a.reference) {
        (Some(d), Some(r)) => {
            assert_eq!(r, Reference { date: d, origin: ReferenceOrigin::Given, span: None });
        }
        (Some(_), None) => panic!("given reference date dropped"),
        (None, Some(r)) => match r.origin {
            ReferenceOrigin::Given => panic!("reference marked as given but none was"),
            ReferenceOrigin::Text => assert!(r.span.is_some(), "reference read from the text without a span"),
            ReferenceOrigin::Today => assert_eq!(Some(r.date), o.today),
        },
        (None, None) => assert!(o.today.is_none(), "today given but no reference reported"),
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_unicode(text in unicode(), o in options()) {
        let a = analyze_fully_checked(&text, &o);
        check_reference(&a, &o);
        check_document(&text);
    }

    #[test]
    fn articles_with_edits(text in edited_article(), o in options()) {
        let a = analyze_fully_checked(&text, &o);
        check_reference(&a, &o);
        check_document(&text);
    }

    #[test]
    fn hostile_soup(text in soup(), o in options()) {
        let a = analyze_fully_checked(&text, &o);
        check_reference(&a, &o);
        check_document(&text);
    }

    #[test]
    fn offsets_round_trip(text in prop_oneof![unicode(), edited_article()]) {
        check_offsets(&text);
    }

    /// `Report` must convert any valid analysis exactly, not only what the
    /// layers happen to produce today: spans are drawn at random character
    /// boundaries of the text.
    #[test]
    fn report_converts_any_spans(text in prop_oneof![unicode(), edited_article()], picks in prop::collection::vec((any::<Index>(), any::<Index>()), 1..12)) {
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain(Some(text.len())).collect();
        let spans: Vec<Span> = picks.iter().map(|(a, b)| {
            let (x, y) = (bounds[a.index(bounds.len())], bounds[b.index(bounds.len())]);
            Span::new(x.min(y), x.max(y))
        }).collect();
        let a = Analysis {
            entities: spans.iter().map(|s| Entity { span: *s, label: EntityLabel::Place, canonical: "x".into() }).collect(),
            dates: spans.iter().map(|s| TimeExpr { span: *s, kind: DateType::Date, value: "2020".into() }).collect(),
            statements: spans.windows(2).map(|w| Statement {
                span: w[0],
                fragments: vec![w[0], w[1]],
                kind: StatementKind::Direct,
                cue: Some(w[1]),
                source: None,
                speaker: None,
            }).collect(),
            reference: Some(Reference { date: Date::new(2020, 1, 1).unwrap(), origin: ReferenceOrigin::Text, span: Some(spans[0]) }),
        };
        check_report(&text, &a);
    }
}

/// The checks themselves must catch what they are meant to catch, or the
/// properties above could pass vacuously.
#[test]
fn invariants_reject_bad_analyses() {
    let text = "Zoë Smith said “yes” 🎉.";
    let bad = |a: Analysis| std::panic::catch_unwind(|| check_analysis(text, &a)).is_err();
    let ent = |s: usize, e: usize| Entity {
        span: Span::new(s, e),
        label: EntityLabel::Person,
        canonical: "Zoë Smith".into(),
    };
    assert!(!bad(Analysis { entities: vec![ent(0, 10)], ..Analysis::default() }));
    assert!(bad(Analysis { entities: vec![ent(0, 3)], ..Analysis::default() }), "splits ë");
    assert!(bad(Analysis { entities: vec![ent(0, 99)], ..Analysis::default() }), "out of bounds");
    assert!(bad(Analysis { entities: vec![ent(4, 10), ent(0, 5)], ..Analysis::default() }), "unsorted");
    assert!(bad(Analysis { entities: vec![ent(0, 10), ent(4, 15)], ..Analysis::default() }), "overlap");
    assert!(bad(Analysis { entities: vec![ent(0, 11)], ..Analysis::default() }), "trailing space");
    let st = |frags: Vec<Span>, cue: Option<Span>| Statement {
        span: Span::new(frags[0].start, frags.last().unwrap().end),
        fragments: frags,
        kind: StatementKind::Direct,
        cue,
        source: None,
        speaker: None,
    };
    // “yes” is bytes 19..22 inside the quote marks (18..21 would be wrong: “ is 3 bytes).
    assert_eq!(&text[19..22], "yes");
    assert!(!bad(Analysis {
        statements: vec![st(vec![Span::new(19, 22)], Some(Span::new(11, 15)))],
        ..Analysis::default()
    }));
    assert!(
        bad(Analysis { statements: vec![st(vec![Span::new(19, 22)], Some(Span::new(20, 22)))], ..Analysis::default() }),
        "cue in content"
    );
    assert!(
        bad(Analysis { statements: vec![st(vec![Span::new(19, 22), Span::new(0, 3)], None)], ..Analysis::default() }),
        "fragments out of order"
    );
}

#[test]
fn offsets_on_fixed_text() {
    // Accents, a combining mark, an emoji outside the BMP, CJK, a flag, CRLF.
    let text = "Zoë\r\nJosé 🎉 東京 🇺🇸 e\u{301}.";
    check_offsets(text);
    let map = newsmark::output::OffsetMap::new(text, Unit::Utf16);
    let party = text.find('🎉').unwrap();
    assert_eq!(map.convert(party), 10);
    assert_eq!(map.convert(party + '🎉'.len_utf8()), 12);
    let map = newsmark::output::OffsetMap::new(text, Unit::CodePoint);
    assert_eq!(map.convert(party + '🎉'.len_utf8()), 11);
}

/// Inputs the properties above once failed on, kept so they are always
/// tried. Each names what went wrong.
#[test]
fn regressions() {
    for (text, what) in [
        // entities: a word with an inner capital sliced at byte 1, inside
        // its first (two-byte) letter.
        ("ͶAß0", "inner-capital test on a word starting with a 2-byte letter"),
        ("yesterdaySøren ØdegaardOkonkwolast week“", "same, found on article text"),
        ("Old Mac file\rIts second line", "lone CR as a line break"),
        // statements: quoted "content" with no word in it.
        ("“Stop.” “!” she said.", "a quote holding only \"!\" taken as a statement"),
        ("‘‘’said ", "a quote holding only a quote mark taken as a statement"),
        ("\"A¡À\u{e000}𖠀:a#º¡a\n\"!\n0", "same, found on arbitrary Unicode"),
    ] {
        for o in [Options::default(), Options { reference_date: Date::new(2020, 11, 5), ..Options::default() }] {
            eprintln!("regression: {what}");
            let a = analyze_fully_checked(text, &o);
            check_reference(&a, &o);
            check_document(text);
        }
    }
}

/// The layers both fuzz crashes below needed: entities and statements.
fn entities_and_statements() -> Options {
    Options { layers: newsmark::Layers { entities: true, dates: false, statements: true }, ..Options::default() }
}

/// Found by `cargo fuzz` (target analyze): with the entities and statements
/// layers on, the statement rules asked the cue table about the token one
/// past the last and indexed out of bounds.
#[test]
fn fuzz_crash_cue_lookup_past_the_last_token() {
    let text = "in he saId,Id\u{fffd}\u{fffd}\u{fffd}\u{fffd}d,Id\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\"said\u{0}&\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}add\"A\"said\u{0}&\u{0}\u{0}\u{0}\u{0}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd},\u{bb}";
    let a = analyze_fully_checked(text, &entities_and_statements());
    assert!(a.statements.iter().all(|s| s.span.end <= text.len()));
}

/// Found by `cargo fuzz` (target analyze): a source phrase after an
/// inverted cue ("…, told …") that ends the text left no token after it,
/// and the check for an apposition after it read one past the last token.
#[test]
fn fuzz_crash_source_phrase_ending_the_text() {
    let text = "919s\u{1}\u{0}\u{4}C\u{fffd}\u{fffd}\u{286},told  \u{0}1\u{1}\u{0}\u{0}Q.";
    let a = analyze_fully_checked(text, &entities_and_statements());
    assert!(a.statements.iter().all(|s| s.span.end <= text.len()));
}

/// Found by `cargo fuzz` (target analyze) after the speed round: a
/// statement's source overlapped its content.
#[test]
fn fuzz_crash_source_overlapping_content() {
    let text = "\"-Iay\" he sai'sd\u{1f}told\u{0}\u{8}-\u{4}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}, '\u{200f} sadi,\u{fffd} '\u{200f} said, ,,,,,,,,,,,!,Hh\u{7d7}\u{fffd}?\u{0}\u{fffd}ightly'\"\u{0}\u{0}\u{0}\u{0}, '\u{200f} sadi,\u{420}'\u{200f} said, ,\u{0}\u{0}\u{0}ese\u{0}\u{0}?N.like\u{0}PrTuesdayeside\u{2}\u{0}\u{0}\u{4}1\"Q\",,,,,,,RG\u{17},,,!,Hh\u{7d7}\u{fffd}?\u{0}\u{fffd}ightly'\"";
    let a = analyze_fully_checked(text, &entities_and_statements());
    assert!(a.statements.iter().all(|s| s.span.end <= text.len()));
}
