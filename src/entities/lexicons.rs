//! The entity lexicons under `data/entities/`, merged into one table from
//! lower-cased name (one word or a phrase) to the set of lists it is on.
//!
//! May not touch: the text. Built once, on first use.

use crate::lexicon::{key, FxBuild};
use std::collections::HashMap;
use std::sync::OnceLock;

/// A country or territory ("France", "U.S.").
pub const COUNTRY: u32 = 1;
/// A state, province, region, continent, sea or other named area.
pub const REGION: u32 = 1 << 1;
/// A city with at least 100 000 inhabitants, or a capital.
pub const CITY: u32 = 1 << 2;
/// A nationality or group adjective ("French", "Shi'ite").
pub const DEMONYM: u32 = 1 << 3;
/// A given name.
pub const GIVEN: u32 = 1 << 4;
/// A frequent surname.
pub const SURNAME: u32 = 1 << 5;
/// A word that makes a name an organization ("Ministry", "Inc").
pub const ORG_WORD: u32 = 1 << 6;
/// A word that makes a name a place ("River", "Airport").
pub const PLACE_WORD: u32 = 1 << 7;
/// A word that makes a name an event, law or work ("Cup", "Act").
pub const MISC_WORD: u32 = 1 << 8;
/// A title or role before a person's name ("Senator", "Mr").
pub const TITLE: u32 = 1 << 9;
/// Not a name even when capitalized ("The", "However", "Monday").
pub const STOP: u32 = 1 << 10;
/// A well-known organization without a keyword ("Reuters", "NATO").
pub const ORG_NAME: u32 = 1 << 11;
/// A team sport, as named in a wire-copy slug ("SOCCER").
pub const TEAM_SPORT: u32 = 1 << 12;

/// An ordinary English word, often seen in lower case.
pub const COMMON: u32 = 1 << 13;

/// Any place list.
pub const PLACE: u32 = COUNTRY | REGION | CITY;

/// The merged lexicon.
pub struct Lexicon {
    map: HashMap<&'static str, u32, FxBuild>,
    /// Words in the longest phrase, so that phrase matching stays bounded.
    pub max_words: usize,
}

impl Lexicon {
    /// The lists `k` (a [`key`]) is on; 0 when none.
    #[inline]
    pub fn get(&self, k: &str) -> u32 {
        self.map.get(k).copied().unwrap_or(0)
    }

    /// True when `w` (a lower-case word) is an ordinary English word or an
    /// inflection of one ("researchers", "buried"); the suffixes are those
    /// `data/entities/build.py` folds when it writes the dictionary.
    pub fn is_common(&self, w: &str) -> bool {
        const SUFFIXES: &[(&str, &str)] = &[
            ("ies", "y"),
            ("es", ""),
            ("s", ""),
            ("ed", ""),
            ("ed", "e"),
            ("ied", "y"),
            ("ing", ""),
            ("ing", "e"),
            ("ly", ""),
            ("er", ""),
            ("est", ""),
        ];
        // Two levels: "researchers" → "researcher" → "research".
        let mut level = vec![w.to_string()];
        for _ in 0..3 {
            if level.iter().any(|b| self.is(b, COMMON)) {
                return true;
            }
            let mut next = Vec::new();
            for b in &level {
                for &(suf, rep) in SUFFIXES {
                    if let Some(stem) = b.strip_suffix(suf) {
                        if stem.len() >= 3 {
                            next.push(format!("{stem}{rep}"));
                        }
                    }
                }
            }
            if next.is_empty() {
                return false;
            }
            level = next;
        }
        false
    }

    /// The lists the text `name` is on, as [`Lexicon::get`] of its
    /// [`key`], without allocating for short ASCII names.
    pub fn lookup(&self, name: &str) -> u32 {
        let b = name.as_bytes();
        if b.len() <= 48 {
            let mut buf = [0u8; 48];
            let mut plain = true;
            let mut prev_space = false;
            for (d, &c) in buf.iter_mut().zip(b) {
                let space = c == b' ';
                if c >= 0x80 || (c.is_ascii_whitespace() && !space) || (space && prev_space) {
                    plain = false;
                    break;
                }
                prev_space = space;
                *d = c.to_ascii_lowercase();
            }
            if plain {
                return core::str::from_utf8(&buf[..b.len()]).map_or(0, |k| self.get(k));
            }
        }
        self.get(&key(name))
    }

    /// True when the text `name` is on one of the lists in `mask`.
    #[inline]
    pub fn has(&self, name: &str, mask: u32) -> bool {
        self.lookup(name) & mask != 0
    }

    /// True when `k` is on one of the lists in `mask`.
    #[inline]
    pub fn is(&self, k: &str, mask: u32) -> bool {
        self.get(k) & mask != 0
    }
}

// The merged table written by `build.rs` from the lists under
// `data/entities/` (which bit each list sets is listed there too).
include!(concat!(env!("OUT_DIR"), "/entity_lexicon.rs"));
const MERGED: &str = include_str!(concat!(env!("OUT_DIR"), "/entity_lexicon.txt"));

/// The lexicon, built on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        // Keys come already merged and in key form: building is one
        // hash insert per line, with no allocation but the table's.
        let mut map: HashMap<&'static str, u32, FxBuild> =
            HashMap::with_capacity_and_hasher(ENTRIES, FxBuild::default());
        let mut flags = 0;
        for line in MERGED.split_terminator('\n') {
            if let Some(f) = line.strip_prefix('\u{1}') {
                flags = f.parse().unwrap_or(0);
            } else {
                map.insert(line, flags);
            }
        }
        Lexicon { map, max_words: MAX_WORDS }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_merged_by_key() {
        let l = lexicon();
        assert!(l.is("france", COUNTRY));
        assert!(l.is("u.s.", COUNTRY));
        assert!(l.is("new york", REGION | CITY));
        assert!(l.is("french", DEMONYM));
        assert!(l.is("ministry", ORG_WORD));
        assert!(l.is("senator", TITLE));
        assert!(l.is("james", GIVEN));
        assert!(l.is("the", STOP));
        assert_eq!(l.get("zzzq"), 0);
    }

    /// `build.rs` merges the lists with its own copy of the flag bits:
    /// every entry must carry exactly the flags of the lists it is on.
    #[test]
    fn build_script_flags_match() {
        let sources: &[(&str, u32)] = &[
            (include_str!("../../data/entities/countries.txt"), COUNTRY),
            (include_str!("../../data/entities/regions.txt"), REGION),
            (include_str!("../../data/entities/cities.txt"), CITY),
            (include_str!("../../data/entities/demonyms.txt"), DEMONYM),
            (include_str!("../../data/entities/given_names.txt"), GIVEN),
            (include_str!("../../data/entities/surnames.txt"), SURNAME),
            (include_str!("../../data/entities/org_words.txt"), ORG_WORD),
            (include_str!("../../data/entities/place_words.txt"), PLACE_WORD),
            (include_str!("../../data/entities/misc_words.txt"), MISC_WORD),
            (include_str!("../../data/entities/titles.txt"), TITLE),
            (include_str!("../../data/entities/stopwords.txt"), STOP),
            (include_str!("../../data/entities/org_names.txt"), ORG_NAME),
            (include_str!("../../data/entities/sports.txt"), TEAM_SPORT),
            (include_str!("../../data/entities/common_words.txt"), COMMON),
            (include_str!("../../data/entities/dictionary.txt"), COMMON),
        ];
        let mut want: HashMap<String, u32> = HashMap::new();
        for &(data, flag) in sources {
            for e in crate::lexicon::entries(data) {
                *want.entry(key(e)).or_insert(0) |= flag;
            }
        }
        let l = lexicon();
        assert_eq!(want.len(), ENTRIES);
        assert_eq!(l.map.len(), ENTRIES);
        for (k, flags) in &want {
            assert_eq!(l.get(k), *flags, "{k:?}");
        }
    }
}
