//! Merges the entity lexicons under `data/entities/` into one table at
//! build time, so that the first `analyze()` call does not have to trim,
//! case-fold and merge ~42 000 lines (it cost 10–25 ms natively and more
//! in WASM, all before the first highlight on the page).
//!
//! Writes `$OUT_DIR/entity_lexicon.txt`: groups of keys (already in
//! `lexicon::key` form, each key once), every group headed by a line
//! `\u{1}FLAGS` and sorted, so the text gzips as well as the sources; and
//! `$OUT_DIR/entity_lexicon.rs` with the entry count, the longest
//! phrase and the longest key. `src/entities/lexicons.rs` reads both.
//! The genders of `data/gender_names.txt` become two more flags of the
//! given names (see `GENDERS`). The words that are only ordinary words go
//! to `$OUT_DIR/entity_common.txt` (same form, one group), a table of their
//! own. No dependencies.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

// The key function is the library's own, so that build-time keys and
// lookup keys cannot drift apart.
#[allow(dead_code)]
#[path = "src/lexicon.rs"]
mod lexicon;

/// Each list and the flag bit it sets (`src/entities/lexicons.rs` names
/// the bits; keep the two in step).
const SOURCES: &[(&str, u32)] = &[
    ("countries.txt", 1),
    ("regions.txt", 1 << 1),
    ("cities.txt", 1 << 2),
    ("demonyms.txt", 1 << 3),
    ("given_names.txt", 1 << 4),
    ("surnames.txt", 1 << 5),
    ("org_words.txt", 1 << 6),
    ("place_words.txt", 1 << 7),
    ("misc_words.txt", 1 << 8),
    ("titles.txt", 1 << 9),
    ("stopwords.txt", 1 << 10),
    ("org_names.txt", 1 << 11),
    ("sports.txt", 1 << 12),
    ("common_words.txt", 1 << 13),
    ("dictionary.txt", 1 << 13),
];

/// The flag of `common_words.txt` and `dictionary.txt`.
const COMMON: u32 = 1 << 13;

/// The flags of `data/gender_names.txt`'s marks: `m` (male) and `f`
/// (female), on given names (`src/entities/lexicons.rs` names them too).
const GENDERS: &[(&str, u32)] = &[("m", 1 << 14), ("f", 1 << 15)];

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/lexicon.rs");
    let mut keys: BTreeMap<String, u32> = BTreeMap::new();
    for &(file, flag) in SOURCES {
        let path = format!("data/entities/{file}");
        println!("cargo:rerun-if-changed={path}");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        // Leaked so that the library's `entries` (which wants &'static
        // str) can be reused; the build script exits right after.
        let text: &'static str = Box::leak(text.into_boxed_str());
        for e in lexicon::entries(text) {
            let k = lexicon::key(e);
            assert!(!k.is_empty() && !k.contains(['\n', '\r', '\u{1}']), "{path}: entry {e:?} cannot be stored");
            *keys.entry(k).or_insert(0) |= flag;
        }
    }
    // The statements layer asks a given name's gender: the names of
    // `data/gender_names.txt` ("m james") carry it as a flag here, so that
    // it needs no table of its own (5 000 names to hash before the first
    // analysis). They must all be on the entity lists already: a name only
    // this file knew would become a word the entity rules know.
    let path = "data/gender_names.txt";
    println!("cargo:rerun-if-changed={path}");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let text: &'static str = Box::leak(text.into_boxed_str());
    let all_genders = GENDERS.iter().fold(0, |a, g| a | g.1);
    for e in lexicon::entries(text) {
        let mut parts = e.split_ascii_whitespace();
        let (Some(mark), Some(name)) = (parts.next(), parts.next()) else { continue };
        let Some(&(_, flag)) = GENDERS.iter().find(|g| g.0 == mark) else { continue };
        // The statements layer looks names up ASCII-lower-cased, as they
        // are written here.
        assert_eq!(lexicon::key(name), name, "{path}: {name:?} is not lower-case");
        let flags = keys.get_mut(name).unwrap_or_else(|| panic!("{path}: {name:?} is on no entity list"));
        // A name marked twice keeps its last mark.
        *flags = *flags & !all_genders | flag;
    }
    // Words that are only ordinary words (half the keys) go to a table of
    // their own, built when first asked for: only a few rules ask (see
    // `Lexicon::is_common`), and many texts never reach them.
    let mut groups: BTreeMap<u32, Vec<&str>> = BTreeMap::new();
    let mut plain: Vec<&str> = Vec::new();
    for (k, &flags) in &keys {
        if flags == COMMON && !k.contains(' ') {
            plain.push(k);
        } else {
            groups.entry(flags).or_default().push(k);
        }
    }
    // The one-word titles by (length, first byte) and (length, last
    // byte), six bits of each byte (see `Lexicon::maybe_title`).
    let mut titles = [[0u64; TITLE_LENS]; 2];
    for (k, &flags) in &keys {
        if flags & TITLE != 0 && !k.contains(' ') && k.len() < TITLE_LENS {
            let b = k.as_bytes();
            titles[0][b.len()] |= 1 << (b[0] & 63);
            titles[1][b.len()] |= 1 << (b[b.len() - 1] & 63);
        }
    }
    let text = table_text(&groups);
    let plain_text = table_text(&BTreeMap::from([(COMMON, plain.clone())]));
    // Where the plain words of each bucket of two first bytes start (see
    // `plain_bucket`), so that a search bisects a few dozen lines.
    let mut buckets = vec![0usize; lexicon::PLAIN_BUCKETS + 1];
    let mut at = plain_text.find('\n').map_or(plain_text.len(), |p| p + 1);
    let mut next = 0;
    for k in &plain {
        let b = lexicon::plain_bucket(k.as_bytes());
        assert!(b + 1 >= next, "plain words out of order");
        while next <= b {
            buckets[next] = at;
            next += 1;
        }
        at += k.len() + 1;
    }
    for slot in &mut buckets[next..] {
        *slot = at;
    }
    let main_keys = keys.len() - plain.len();
    let max_words = keys.keys().map(|k| k.split(' ').count()).max().unwrap_or(1);
    let max_len = keys.keys().map(String::len).max().unwrap_or(1);
    // `src/entities/lexicons.rs` packs a key's offset and group index into
    // one u32 (24 and 8 bits).
    assert!(text.len() < 1 << 24 && groups.len() < 1 << 8, "the merged lexicon outgrew its table's slots");
    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    let out = Path::new(&out);
    std::fs::write(out.join("entity_lexicon.txt"), text).expect("write entity_lexicon.txt");
    std::fs::write(out.join("entity_common.txt"), plain_text).expect("write entity_common.txt");
    std::fs::write(
        out.join("entity_lexicon.rs"),
        format!(
            "/// Distinct keys in the merged lexicon's main table.\n\
             const ENTRIES: usize = {};\n\
             /// Distinct keys that are only ordinary words (the tests check the\n\
             /// sorted list against it).\n\
             #[cfg_attr(not(test), allow(dead_code))]\n\
             const PLAIN_COMMON_ENTRIES: usize = {};\n\
             /// Words in the longest phrase.\n\
             const MAX_WORDS: usize = {};\n\
             /// Bytes in the longest key.\n\
             const MAX_KEY_LEN: usize = {};\n\
             /// Where the lines of each bucket of `PLAIN_COMMON` start (see\n\
             /// `plain_bucket`), and where the last ends.\n\
             const PLAIN_COMMON_BUCKETS: [u32; {}] = {:?};\n\
             /// Lengths of `TITLE_FILTER`.\n\
             const TITLE_LENS: usize = {};\n\
             /// The one-word titles: a bit per (length, first byte's low six\n\
             /// bits), then per (length, last byte's).\n\
             const TITLE_FILTER: [[u64; TITLE_LENS]; 2] = {:?};\n",
            main_keys,
            plain.len(),
            max_words.max(1),
            max_len.max(1),
            buckets.len(),
            buckets,
            TITLE_LENS,
            titles,
        ),
    )
    .expect("write entity_lexicon.rs");
}

/// The flag of `titles.txt`.
const TITLE: u32 = 1 << 9;

/// Lengths of the title filter (a longer word is looked up).
const TITLE_LENS: usize = 32;

fn table_text(groups: &BTreeMap<u32, Vec<&str>>) -> String {
    let mut text = String::new();
    for (flags, ks) in groups {
        let _ = writeln!(text, "\u{1}{flags}");
        for k in ks {
            text.push_str(k);
            text.push('\n');
        }
    }
    text
}
