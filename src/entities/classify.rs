//! Evidence for a candidate's label, scored: lexicons (the whole name and
//! its words), the words around it (titles, prepositions, "said", "who",
//! appositions) and the kind of article (team-sport reports name clubs
//! after their towns).
//!
//! May not touch: other candidates. Document-wide agreement is done in
//! `link`.

use super::candidates::{all_caps, sentence_initial, Cand, MAX_PIECES};
use super::lexicons::{self as lx, Lexicon};
use crate::lexicon::{key, pack_word};
use crate::text::{Document, TokenKind};
use std::sync::OnceLock;

/// Scores for PERSON, ORG, PLACE and MISC, in that order.
pub type Scores = [f32; 4];

/// Index of PERSON in [`Scores`].
pub const P: usize = 0;
/// Index of ORG in [`Scores`].
pub const O: usize = 1;
/// Index of PLACE in [`Scores`].
pub const L: usize = 2;
/// Index of MISC in [`Scores`].
pub const M: usize = 3;

/// Facts about the whole document that change how names read.
pub struct DocFacts {
    /// The article reports on a team sport (wire slug "SOCCER - …").
    pub team_sport: bool,
}

/// Reads the document's slug: the all-caps words before " - " at the
/// start of the first line.
pub fn doc_facts(doc: &Document, lex: &Lexicon) -> DocFacts {
    let mut words = Vec::new();
    let mut team_sport = false;
    for (i, t) in doc.tokens.iter().enumerate().take(6) {
        if i > 0 && t.newlines_before > 0 {
            break;
        }
        let w = doc.tok(i);
        if w == "-" || w == "—" || w == "–" {
            team_sport = !words.is_empty() && lex.is(&words.join(" "), lx::TEAM_SPORT);
            break;
        }
        if t.kind != TokenKind::Word || !all_caps(w) {
            break;
        }
        words.push(key(w));
    }
    DocFacts { team_sport }
}

/// Words right before a name that make it a place ("in X", "visited X").
const PLACE_PREPS: &[&str] = &[
    "in",
    "at",
    "from",
    "near",
    "across",
    "outside",
    "into",
    "towards",
    "toward",
    "throughout",
    "around",
    "to",
    "via",
    "visited",
    "visiting",
    "visit",
    "landed",
    "reached",
    "across",
];
const SPEECH: &[&str] = &["said", "says", "told", "added", "stated", "explained", "noted", "wrote", "asked", "replied"];
const PERSON_VERBS: &[&str] = &["who", "whose", "he", "she", "his", "her"];
const MEMBER_NOUNS: &[&str] = &[
    "stock",
    "profit",
    "profits",
    "earnings",
    "subsidiary",
    "unit",
    "board",
    "spokesmen",
    "revenue",
    "sales",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "director",
    "head",
    "chief",
    "member",
    "members",
    "officials",
    "official",
    "executive",
    "secretary",
    "leader",
    "president",
    "employee",
    "employees",
    "analyst",
    "economist",
    "founder",
    "owner",
    "shares",
    "ceo",
    "representative",
];

/// Nouns after a possessive name that only a company has: "Varga's
/// shares", "Varnetti's annual output".
const CORPORATE_NOUNS: &[&str] = &[
    "shares",
    "stock",
    "profit",
    "profits",
    "earnings",
    "revenue",
    "revenues",
    "sales",
    "output",
    "subsidiary",
    "headquarters",
    "plant",
    "factory",
    "factories",
    "customers",
    "products",
    "shareholders",
    "brand",
];

/// Words that make a following place name a place of its own.
const PLACE_PREFIXES: &[&str] = &[
    "greater",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "upper",
    "lower",
    "inner",
    "outer",
    "old",
    "new",
    "metropolitan",
    "downtown",
];

/// Nouns before "of X" that make X a place: "the island of X".
const PLACE_NOUNS: &[&str] = &[
    "island",
    "village",
    "town",
    "city",
    "province",
    "region",
    "state",
    "district",
    "capital",
    "port",
    "county",
    "republic",
    "suburb",
    "outskirts",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "centre",
    "center",
    "streets",
    "coast",
];

/// Nouns right after a name that make it a place: "the Pamir mountains".
const PLACE_KINDS: &[&str] = &[
    "mountains",
    "river",
    "province",
    "region",
    "valley",
    "island",
    "islands",
    "district",
    "county",
    "port",
    "airport",
    "town",
    "village",
    "border",
    "coast",
    "sea",
    "lake",
    "desert",
    "peninsula",
    "bay",
    "strait",
    "prefecture",
    "oblast",
    "governorate",
    "municipality",
    "township",
];

/// Nouns right after a name that make it an organization: "the Kyodo
/// agency", "the Ruch newsstand chain" (the last noun counts).
const ORG_KINDS: &[&str] = &[
    "newspaper",
    "daily",
    "weekly",
    "agency",
    "airline",
    "airlines",
    "bank",
    "company",
    "party",
    "club",
    "television",
    "broadcaster",
    "university",
    "carrier",
    "conglomerate",
    "group",
    "newsstand",
    "chain",
    "brokerage",
    "exchange",
    "ministry",
    "insurer",
    "retailer",
    "firm",
];

/// Plural class nouns before "such as X, Y and Z" that make the list
/// organizations or places.
const ORG_CLASSES: &[&str] = &[
    "companies",
    "firms",
    "groups",
    "banks",
    "brands",
    "organisations",
    "organizations",
    "agencies",
    "outlets",
    "newspapers",
    "networks",
    "platforms",
    "sites",
    "websites",
    "clubs",
    "teams",
    "parties",
    "retailers",
    "airlines",
    "carmakers",
    "automakers",
    "insurers",
    "lenders",
    "universities",
    "charities",
    "giants",
    "startups",
    "services",
    "apps",
    "broadcasters",
    "manufacturers",
];
const PLACE_CLASSES: &[&str] = &[
    "countries",
    "cities",
    "states",
    "nations",
    "regions",
    "places",
    "towns",
    "provinces",
    "destinations",
    "areas",
    "capitals",
    "economies",
];

/// Nouns right before a name that make it an organization: "tyre giant X".
const ORG_NOUNS: &[&str] = &[
    "giant",
    "firm",
    "company",
    "group",
    "maker",
    "agency",
    "newspaper",
    "daily",
    "weekly",
    "club",
    "carrier",
    "airline",
    "insurer",
    "retailer",
    "manufacturer",
    "producer",
    "subsidiary",
    "unit",
    "broadcaster",
    "network",
    "bank",
    "brokerage",
    "conglomerate",
    "rivals",
    "champions",
    "side",
    "team",
    "outfit",
    "startup",
    "chain",
    "operator",
    "magazine",
    "union",
    "miner",
    "chipmaker",
    "carmaker",
    "automaker",
    "lender",
    "publisher",
    "supplier",
    "regulator",
    "watchdog",
    "utility",
    "refiner",
    "developer",
    "charity",
];

/// Nouns of what joins two places, before "between X and Y": "the ferry
/// crossing between X and Y", "flights between X and Y".
const ROUTE_NOUNS: &[&str] = &[
    "crossing",
    "crossings",
    "road",
    "roads",
    "route",
    "routes",
    "border",
    "flight",
    "flights",
    "train",
    "trains",
    "ferry",
    "ferries",
    "bridge",
    "highway",
    "motorway",
    "railway",
    "rail",
    "pipeline",
    "corridor",
    "tunnel",
    "journey",
    "trip",
    "trips",
    "miles",
    "kilometres",
    "kilometers",
    "km",
];

/// Bits of [`context`]: which of the word lists above a word is on.
const PLACE_PREP: u16 = 1;
const SPEECH_VERB: u16 = 1 << 1;
const MEMBER_NOUN: u16 = 1 << 2;
const PLACE_PREFIX: u16 = 1 << 3;
const PLACE_NOUN: u16 = 1 << 4;
const PLACE_KIND: u16 = 1 << 5;
const ORG_KIND: u16 = 1 << 6;
const ORG_CLASS: u16 = 1 << 7;
const PLACE_CLASS: u16 = 1 << 8;
const ORG_NOUN: u16 = 1 << 9;
const CORPORATE: u16 = 1 << 10;
const ROUTE: u16 = 1 << 11;

/// Slots of the [`context`] table: a power of two, under a half full.
const CONTEXT_SLOTS: usize = 1024;

/// The [`context`] table: words packed by [`pack_word`] with their lengths (a
/// word's packing alone does not show trailing NUL bytes), and their bits,
/// in linear-probing slots (length 0 for an empty slot).
struct ContextTable {
    words: [u128; CONTEXT_SLOTS],
    lens: [u8; CONTEXT_SLOTS],
    bits: [u16; CONTEXT_SLOTS],
}

/// The first slot of a packed word: its halves mixed by a multiplication
/// whose high bits depend on every input bit.
#[inline]
fn context_slot(p: u128) -> usize {
    ((p as u64 ^ (p >> 64) as u64).wrapping_mul(crate::lexicon::SEED) >> (64 - CONTEXT_SLOTS.trailing_zeros())) as usize
}

/// The lists above `w` is on, as bits: one probe of a small table of
/// packed words answers every list question about a context word, where
/// scanning the lists compared it with some 250 words.
fn context(w: &str) -> u16 {
    static TABLE: OnceLock<ContextTable> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let lists: [(&[&'static str], u16); 12] = [
            (PLACE_PREPS, PLACE_PREP),
            (SPEECH, SPEECH_VERB),
            (MEMBER_NOUNS, MEMBER_NOUN),
            (PLACE_PREFIXES, PLACE_PREFIX),
            (PLACE_NOUNS, PLACE_NOUN),
            (PLACE_KINDS, PLACE_KIND),
            (ORG_KINDS, ORG_KIND),
            (ORG_CLASSES, ORG_CLASS),
            (PLACE_CLASSES, PLACE_CLASS),
            (ORG_NOUNS, ORG_NOUN),
            (CORPORATE_NOUNS, CORPORATE),
            (ROUTE_NOUNS, ROUTE),
        ];
        let mut t = ContextTable { words: [0; CONTEXT_SLOTS], lens: [0; CONTEXT_SLOTS], bits: [0; CONTEXT_SLOTS] };
        for (list, bit) in lists {
            for &w in list {
                // Every listed word is short (a test checks it).
                let Some(p) = pack_word(w.as_bytes()) else { continue };
                let mut i = context_slot(p);
                while t.lens[i] != 0 && (t.words[i], t.lens[i]) != (p, w.len() as u8) {
                    i = (i + 1) % CONTEXT_SLOTS;
                }
                (t.words[i], t.lens[i]) = (p, w.len() as u8);
                t.bits[i] |= bit;
            }
        }
        t
    });
    // Longer words need no probing.
    let Some(p) = pack_word(w.as_bytes()) else { return 0 };
    let mut i = context_slot(p);
    while table.lens[i] != 0 {
        if table.words[i] == p && usize::from(table.lens[i]) == w.len() {
            return table.bits[i];
        }
        i = (i + 1) % CONTEXT_SLOTS;
    }
    0
}

/// True for a nationality built of parts: "South Korean", "Bosnian Serbs",
/// "German-Israeli", "Iraqi Kurdish": every part a nationality (or a
/// compass word before one).
fn demonym_compound(lex: &Lexicon, key: &str) -> bool {
    let b = key.as_bytes();
    if !b.iter().any(|&c| c == b' ' || c == b'-') {
        return false;
    }
    let mut any = false;
    let mut start = 0;
    // Split at the (ASCII) separators, which are character boundaries.
    for end in (0..=b.len()).filter(|&i| i == b.len() || b[i] == b' ' || b[i] == b'-') {
        let part = &key[start..end];
        start = end + 1;
        let demonym = lex.is(part, lx::DEMONYM) || part.strip_suffix('s').is_some_and(|p| lex.is(p, lx::DEMONYM));
        if demonym {
            any = true;
        } else if context(part) & PLACE_PREFIX == 0 {
            return false;
        }
    }
    any
}

/// True for a compass word, in lower case ("north", "western", "central").
fn compass(w: &str) -> bool {
    matches!(
        w,
        "north"
            | "south"
            | "east"
            | "west"
            | "northern"
            | "southern"
            | "eastern"
            | "western"
            | "central"
            | "upper"
            | "lower"
    )
}

/// True for a word's lists that make it a place inside a longer name: a
/// country or region, or a city that is not also a given name ("Sydney").
fn place_in_name(f: u32) -> bool {
    f & (lx::COUNTRY | lx::REGION) != 0 || (f & lx::CITY != 0 && f & lx::GIVEN == 0)
}

#[inline(always)]
fn tok_lower<'t>(doc: &Document<'t>, i: usize) -> Option<&'t str> {
    if doc.tokens[i].kind != TokenKind::Word {
        return None;
    }
    let w = doc.tok(i);
    let lower = match w.as_bytes()[0] {
        b if b.is_ascii() => b.is_ascii_lowercase(),
        _ => w.chars().next().is_some_and(char::is_lowercase),
    };
    lower.then_some(w)
}

/// A place preposition opening the sentence, in lower case: "In Lagos,
/// …", "At Geneva, …" read as "in Lagos", "at Geneva".
pub fn opening_prep(doc: &Document, i: usize) -> Option<&'static str> {
    let lower = match doc.tok(i) {
        "In" => "in",
        "At" => "at",
        "From" => "from",
        "Near" => "near",
        "Across" => "across",
        "Outside" => "outside",
        "Throughout" => "throughout",
        "Around" => "around",
        _ => return None,
    };
    sentence_initial(doc, i).then_some(lower)
}

/// Endings of names of peoples and their members ("Floridians",
/// "Surinamese"): a static, not an array built at every call.
const GROUP_ENDINGS: [&str; 5] = ["ians", "eans", "ian", "ean", "ese"];

/// Scores one candidate written in ordinary case.
pub fn score(doc: &Document, lex: &Lexicon, facts: &DocFacts, c: &Cand) -> Scores {
    let mut s: Scores = [0.0; 4];
    let nw = c.nw();
    // A word as long as the key (a substring of it) is the key; a longer
    // key is a phrase, only on a list when its first word may open one.
    let single = nw == 1 && c.word(0).len() == c.key.len();
    let phrase = !single && c.words[0].head;
    let f = if single {
        c.words[0].flags
    } else if phrase {
        lex.get(c.key)
    } else {
        0
    };
    // The lists of the name without a final "s" ("Floridians", "Hospitals").
    let singular = c.key.strip_suffix('s').filter(|_| single || phrase).map_or(0, |k| lex.get(k));
    let plural_demonym = singular & lx::DEMONYM != 0;
    // Each word's lists, looked up when the candidate was cut.
    let mut word_flags = [0u32; MAX_PIECES];
    for (wf, w) in word_flags.iter_mut().zip(c.words) {
        *wf = w.flags;
    }
    let wf = &word_flags[..nw];
    let person_name = wf.iter().any(|f| f & (lx::GIVEN | lx::SURNAME) != 0);
    if f & lx::COUNTRY != 0 {
        s[L] += 4.0;
    } else if f & (lx::REGION | lx::CITY) != 0 {
        // A place that is also a person's name ("Dallas", "Milan") still
        // outweighs a given name and a surname together (1.8): alone, it is
        // the place; a full name elsewhere makes it a person (see `link`).
        s[L] += if person_name && nw == 1 { 2.0 } else { 3.0 };
    }
    if f & lx::DEMONYM != 0 || plural_demonym || demonym_compound(lex, c.key) {
        s[M] += 3.0;
    }
    if f & lx::ORG_NAME != 0 {
        s[O] += 3.5;
    }
    for (i, (w, &fw)) in c.words().zip(wf).enumerate() {
        let last = i + 1 == nw;
        if nw > 1 {
            if fw & lx::ORG_WORD != 0 {
                s[O] += if last || i == 0 { 2.5 } else { 1.5 };
            }
            if fw & lx::PLACE_WORD != 0 {
                s[L] += if last || i == 0 { 2.0 } else { 0.8 };
            }
            if fw & lx::MISC_WORD != 0 {
                s[M] += if last { 2.6 } else { 0.5 };
            }
            if fw & (lx::COUNTRY | lx::DEMONYM) != 0 && i == 0 {
                // "Russian Foreign Ministry", "Nordic Airways": the keyword
                // decides; a bare "British Museum" leans to an institution.
                s[O] += 0.3;
            }
        } else if fw & lx::ORG_WORD != 0 && all_caps(w) && w.len() <= 3 {
            // "FC", "AC" alone say little.
        }
    }
    if nw >= 2 {
        let first = c.word(0);
        // A compass or size word before a place: "Greater Manchester",
        // "Northern Kenya", "Old Delhi".
        let prefixed_place = nw == 2 && context(first) & PLACE_PREFIX != 0 && wf[1] & lx::PLACE != 0;
        // A place named inside a longer name that is no place itself, the
        // other words ordinary ones: "Air Peru", "Statistics Ghana",
        // "Rapid Lisbon", "Kenya Herald". People's names hold places too
        // ("Lincoln Ames", "Ida Denver"), but with a given name, a surname
        // last or words that are no ordinary words; places hold them with
        // a keyword or a nationality ("Republic of Ghana", "Greek
        // Cyprus").
        let in_name = f & lx::PLACE == 0
            && !prefixed_place
            && wf.iter().any(|&f| place_in_name(f))
            && (place_in_name(wf[nw - 1]) || wf[nw - 1] & lx::SURNAME == 0)
            && c.words().zip(wf).all(|(w, &f)| {
                place_in_name(f) || (f & (lx::GIVEN | lx::DEMONYM | lx::PLACE_WORD) == 0 && lex.is_common(w))
            });
        if in_name {
            s[O] += 1.0;
        }
        // A place's name on the lists of people's names says nothing.
        let personal = |f: u32| !(in_name && place_in_name(f));
        if wf[0] & lx::GIVEN != 0 && personal(wf[0]) {
            s[P] += 2.0;
        }
        if first.len() <= 2 && first.ends_with('.') {
            s[P] += 2.0; // an initial: "J. Smith"
        }
        if wf[nw - 1] & lx::SURNAME != 0 && personal(wf[nw - 1]) {
            s[P] += 1.0;
        }
        if prefixed_place {
            s[L] += 3.0;
        } else if nw == 2
            && !facts.team_sport
            && compass(first)
            && wf[1] & (lx::ORG_WORD | lx::MISC_WORD | lx::DEMONYM) == 0
        {
            // A compass word before an unlisted name is most often a
            // district or region ("North Varnley", "East Tolland"); in a
            // team-sport report, a club named after one ("West Barford").
            s[L] += 1.5;
        }
        if !wf.iter().any(|f| f & (lx::ORG_WORD | lx::PLACE_WORD | lx::MISC_WORD | lx::PLACE) != 0) {
            s[P] += 0.5;
        }
    } else {
        if f & lx::GIVEN != 0 {
            s[P] += 1.0;
        }
        if f & lx::SURNAME != 0 {
            s[P] += 0.8;
        }
        let w = c.span.text(doc.text);
        let k = c.word(0);
        let singular = if k.len() == c.key.len() { singular } else { k.strip_suffix('s').map_or(0, |b| lex.get(b)) };
        if (f | singular) & lx::ORG_WORD != 0 && f & (lx::STOP | lx::PLACE) == 0 {
            s[O] += 1.0; // "Hospitals" after a possessive name
        }
        if f & lx::PLACE_WORD != 0 && f & lx::STOP == 0 {
            s[L] += 0.8;
        }
        // On no list at all: `f` leaves out the words that are only
        // ordinary words, asked last (few names end so).
        if f == 0
            && GROUP_ENDINGS.iter().any(|e| k.len() > e.len() + 3 && k.ends_with(e))
            && !(single && lex.is_plain_common(c.key))
        {
            s[M] += 0.8; // "Floridians", "Transylvanian", "Surinamese"
        }
        if w.bytes().position(|b| b == b'.').is_some_and(|d| d >= 2 && w[d + 1..].starts_with(char::is_uppercase)) {
            s[O] += 2.0; // a site or outlet: "News.Az"
        }
        if w.len() >= 4
            && w.as_bytes()[1] == b'.'
            && w.as_bytes()[0].is_ascii_uppercase()
            && w.bytes().any(|b| b.is_ascii_lowercase())
            && f & lx::PLACE == 0
        {
            s[P] += 2.0; // an initial glued to a surname: "T.O'Gorman"
        }
        if all_caps(w) && f & lx::PLACE == 0 && w.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
            s[O] += 2.0;
        }
    }
    // A dateline: a capitalized place opening a line, then a comma, a
    // bracket, a dash or a date ("TOGLIATTI, Russia", "BAKU (AP) —").
    if (c.first == 0 || doc.tokens[c.first].newlines_before > 0)
        && c.end < doc.tokens.len()
        && all_caps(c.span.text(doc.text))
    {
        let next = doc.tok(c.end);
        if matches!(next, "," | "(" | "-" | "—" | "–") || doc.tokens[c.end].kind == TokenKind::Number {
            s[L] += 2.5;
        }
    }
    // Inner capitals: "TrustBank", "AlderCorp".
    if nw == 1 {
        let w = c.span.text(doc.text);
        // ASCII names (nearly all) byte by byte.
        let inner = w.len() >= 4
            && if w.is_ascii() {
                let b = w.as_bytes();
                b[1..].iter().any(u8::is_ascii_uppercase)
                    && b.iter().any(u8::is_ascii_lowercase)
                    && !b.iter().any(|c| matches!(c, b'\'' | b'-' | b'.'))
            } else {
                w.chars().skip(1).any(char::is_uppercase)
                    && w.chars().any(char::is_lowercase)
                    && !w.contains(['\'', '’', '-', '.'])
            };
        if inner {
            // Skip the first character, whatever its width.
            let tail = &w[w.chars().next().map_or(0, char::len_utf8)..];
            if !(w.starts_with("Mc") || w.starts_with("Mac") || tail.starts_with(char::is_uppercase)) {
                s[O] += 1.5;
            }
        }
    }
    // "Procter & Gamble": partners' names joined by an ampersand.
    // Only the gaps between the words are read: a word holds no space.
    let amp = |b: &[u8]| (1..b.len().saturating_sub(1)).any(|i| b[i] == b'&' && b[i - 1] == b' ' && b[i + 1] == b' ');
    let text = doc.text.as_bytes();
    if nw >= 2 && c.words.windows(2).any(|p| amp(&text[p[0].span.end..p[1].span.start])) {
        s[O] += 2.5;
    }
    // Context before.
    if c.title_before {
        s[P] += 4.0;
    }
    if c.first > 0 {
        // "the ferry crossing between X and Y": the places a route joins
        // (X, or Y after "between" and a name).
        let between = match doc.tok(c.first - 1) {
            "between" => Some(c.first - 1),
            "and" => (c.first.saturating_sub(8)..c.first - 1)
                .rev()
                .find(|&k| doc.tok(k) == "between")
                .filter(|&b| (b + 1..c.first - 1).all(|k| tok_lower(doc, k).is_none())),
            _ => None,
        };
        if between.is_some_and(|b| b > 0 && tok_lower(doc, b - 1).is_some_and(|w| context(w) & ROUTE != 0)) {
            s[L] += 2.0;
        }
        // In apposition between commas: "the chipmaker, X, said", "the
        // teachers' union, X, said" (not "For the team, X scored"; "side",
        // "group", "unit" open phrases like that too often).
        if c.first >= 2
            && doc.tok(c.first - 1) == ","
            && c.end < doc.tokens.len()
            && doc.tok(c.end) == ","
            && tok_lower(doc, c.first - 2).is_some_and(|w| {
                context(w) & ORG_NOUN != 0 && !matches!(w, "side" | "team" | "group" | "unit" | "rivals" | "champions")
            })
        {
            s[O] += 1.5;
        }
        if let Some(prev) = tok_lower(doc, c.first - 1).or_else(|| opening_prep(doc, c.first - 1)) {
            // "in Duffy's trial": the preposition governs the possessed
            // noun, not the name.
            let possessive = c.span.end < doc.tokens[c.end - 1].span().end;
            let prev_lists = context(prev);
            if prev_lists & PLACE_PREP != 0 && !possessive {
                s[L] += match prev {
                    "to" | "at" => 0.6,
                    "in" | "near" | "across" | "throughout" | "outside" => 1.8,
                    _ => 1.2,
                };
            }
            if matches!(prev, "of" | "in") && c.first > 1 {
                if let Some(pp) = tok_lower(doc, c.first - 2) {
                    if context(pp) & PLACE_NOUN != 0 {
                        s[L] += 2.0;
                    }
                }
            }
            // "companies such as X", "firms like X", "countries, including
            // X": the class noun before the words that open an example.
            let class_at = match prev {
                "as" if c.first >= 3 && doc.tok(c.first - 2) == "such" => Some(c.first - 3),
                "like" | "including" if c.first >= 2 => {
                    Some(if doc.tok(c.first - 2) == "," && c.first >= 3 { c.first - 3 } else { c.first - 2 })
                }
                _ => None,
            };
            if let Some(at) = class_at {
                if let Some(class) = tok_lower(doc, at) {
                    let class = context(class);
                    if class & ORG_CLASS != 0 {
                        s[O] += 2.0;
                    } else if class & PLACE_CLASS != 0 {
                        s[L] += 2.0;
                    }
                }
            }
            // "tyre giant X".
            if prev_lists & ORG_NOUN != 0 {
                s[O] += 1.5;
            }
            if prev == "the" {
                s[O] += 0.6;
                s[P] -= 0.8;
            }
            if matches!(prev, "for" | "of" | "at") && c.first > 1 {
                if let Some(pp) = tok_lower(doc, c.first - 2) {
                    if context(pp) & MEMBER_NOUN != 0 {
                        s[O] += 1.5;
                    }
                }
            }
            if prev == "the" && c.first > 2 && matches!(doc.tok(c.first - 2), "for" | "of" | "at") {
                if let Some(pp) = tok_lower(doc, c.first - 3) {
                    if context(pp) & MEMBER_NOUN != 0 {
                        s[O] += 1.5;
                    }
                }
            }
        }
    }
    // Context after.
    let n = doc.tokens.len();
    let e = c.end;
    if e < n {
        let next = doc.tok(e);
        // The next word in lower case (the kind nouns below); the listed
        // words are all lower case, so nothing else needs looking up.
        let next_lower = tok_lower(doc, e).is_some();
        let next_lists = if next_lower { context(next) } else { 0 };
        if next_lists & SPEECH_VERB != 0 {
            s[P] += 0.8;
        }
        if next == "," && e + 1 < n {
            let nn = doc.tok(e + 1);
            if PERSON_VERBS[..2].contains(&nn) {
                s[P] += 2.0;
            }
            // A town and its state or country: "Plano, Texas", "Tampa,
            // Fla.", "Gyumri, Armenia".
            if doc.tokens[e + 1].kind == TokenKind::Word && nn.starts_with(char::is_uppercase) && {
                // "Fla." is listed with its period, "Texas" without.
                let glued_dot = e + 2 < n && doc.tok(e + 2) == "." && !doc.tokens[e + 2].space_before;
                let end = if glued_dot { doc.tokens[e + 2].span().end } else { doc.tokens[e + 1].span().end };
                lex.has(&doc.text[doc.tokens[e + 1].span().start..end], lx::REGION | lx::COUNTRY)
                    || (glued_dot && lex.has(nn, lx::REGION | lx::COUNTRY))
            } {
                s[L] += 2.0;
            }
            if doc.tokens[e + 1].kind == TokenKind::Number && e + 2 < n && doc.tok(e + 2) == "," {
                s[P] += 2.0; // "Smith, 45,"
            }
            // An apposition naming a role: "Smith, a spokesman for …",
            // "Lee, the company's chief executive, …".
            if matches!(nn, "a" | "an" | "the") {
                let role = (e + 2..(e + 6).min(n))
                    .take_while(|&k| doc.tok(k) != "," && doc.tok(k) != ".")
                    .any(|k| tok_lower(doc, k).is_some_and(|w| lex.is(w, lx::TITLE)));
                if role {
                    s[P] += 1.5;
                }
            }
        }
        if next == "(" && e + 2 < n && doc.tok(e + 2) == ")" || next == "(" && e + 5 < n && doc.tok(e + 1) == "U" {
            let inner = doc.tok(e + 1);
            if lex.has(inner, lx::COUNTRY) || inner == "U" {
                // A competitor and their country: "Smith (Kenya)", a club
                // in a team sport.
                s[if facts.team_sport { O } else { P }] += 1.5;
            }
        }
        if next_lower && next_lists & MEMBER_NOUN != 0 && nw >= 1 && !c.title_before {
            // "Microsoft spokesman", "Fiat shares"
            s[O] += 0.7;
        }
        // A possessive before what only a company has, adjectives between:
        // "Varnetti's annual output", "Tarkon's shares".
        let possessive = c.span.end < doc.tokens[e - 1].span().end;
        if possessive && !c.title_before {
            let owned = (e..(e + 5).min(n))
                .take_while(|&k| doc.tokens[k].kind != TokenKind::Punct || doc.tok(k) == "-")
                .filter_map(|k| tok_lower(doc, k))
                .any(|w| context(w) & CORPORATE != 0);
            if owned {
                s[O] += 1.0;
            }
        }
        // A common noun naming the kind of thing: "the Pamir mountains",
        // "Kabul province", "the Ruch newsstand chain", "the Kyodo agency".
        if next_lower {
            if next_lists & PLACE_KIND != 0 {
                s[L] += 1.5;
            } else if next_lists & ORG_KIND != 0 {
                s[O] += 1.5;
            }
        }
    }
    if facts.team_sport
        && nw <= 3
        && e < n
        && doc.tokens[e].kind == TokenKind::Number
        && doc.tokens[e].newlines_before == 0
    {
        // A table row or score line: "Leeds 2 Derby 1".
        s[O] += 1.2;
    }
    s
}

/// The best label index of `s`, with its margin over the runner-up; PERSON
/// when nothing speaks for any label (an unknown capitalized name in news
/// is most often a person).
pub fn best(s: &Scores) -> (usize, f32) {
    let mut b = P;
    for i in 1..4 {
        if s[i] > s[b] {
            b = i;
        }
    }
    let second = (0..4).filter(|&i| i != b).map(|i| s[i]).fold(f32::MIN, f32::max);
    (b, s[b] - second)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every list the [`context`] table is built from.
    const CONTEXT_LISTS: [&[&str]; 12] = [
        PLACE_PREPS,
        SPEECH,
        MEMBER_NOUNS,
        PLACE_PREFIXES,
        PLACE_NOUNS,
        PLACE_KINDS,
        ORG_KINDS,
        ORG_CLASSES,
        PLACE_CLASSES,
        ORG_NOUNS,
        CORPORATE_NOUNS,
        ROUTE_NOUNS,
    ];

    #[test]
    fn context_lists_are_short_lower_case_words() {
        for list in CONTEXT_LISTS {
            // `score` asks only about words that start in lower case.
            assert!(list.iter().all(|w| w.len() <= 16
                && w.as_bytes()[0].is_ascii_lowercase()
                && !w.bytes().any(|b| b.is_ascii_uppercase())));
        }
        assert_eq!(context("island"), PLACE_NOUN | PLACE_KIND);
        assert_eq!(context("Island"), 0);
        assert_eq!(context("island\0"), 0);
        assert_eq!(context(""), 0);
        assert_eq!(context("representatives"), 0);
        // Every listed word is found with exactly the bits of its lists.
        let total: usize = CONTEXT_LISTS.iter().map(|l| l.len()).sum();
        assert!(total < CONTEXT_SLOTS / 2);
        assert_eq!(context("across"), PLACE_PREP);
        assert_eq!(context("north"), PLACE_PREFIX | PLACE_NOUN);
        assert_eq!(context("firm"), ORG_KIND | ORG_NOUN);
    }
}
