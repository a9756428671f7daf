//! The token scanner: pattern families tried at each token, longest match
//! wins. Every pattern looks at a bounded number of tokens.
//!
//! May not touch: the document (read only) or anything outside dates.

use super::resolve::{self, Tense};
use super::words::{holidays, FxMap, Rule, Unit, Word};
use super::{DateType, TimeExpr};
use crate::lexicon::pack_word;
use crate::text::{Document, TokenKind};
use crate::{Date, Span};

/// A match in token indices (`end` exclusive).
#[derive(Clone, Debug, PartialEq)]
struct M {
    start: usize,
    end: usize,
    kind: DateType,
    value: String,
    /// Read against the last date named before it rather than the
    /// reference (filled in by [`Scanner::find_all`]); `value` is the
    /// fallback when there is none.
    anaphor: Option<Anaphor>,
}

/// How an expression takes its value from the last date named before it.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Anaphor {
    /// "that day", "the same year": that unit of it.
    Same,
    /// "the following year", "the previous day": that unit of it, moved.
    Step(Unit, i64),
    /// "a year earlier", "two weeks earlier": it moved, at its own
    /// granularity (after "the third quarter", the year-earlier quarter).
    Shift(Unit, i64),
    /// "the 1988 quarter": the last reporting period named (a quarter or
    /// half), in that year.
    InYear(i32),
    /// "at 6 a.m.": a clock time on the day of the last full date named
    /// (the reference when none).
    Clock,
    /// "a year ago": as `Shift`, kept only for a reporting period (quarter
    /// or half) inside the period counted from the reference (the fallback
    /// value): the story's current quarter a year back is "a year ago", a
    /// year before an older date is not.
    Ago(Unit, i64),
}

/// A count and the index after it (see [`Scanner::quantity`]).
type Count = (Option<f64>, usize);

/// How [`Scanner::month_date`] gives a year to a month and day without
/// one. The verb is read only once such a date is found: most candidates
/// never need it, and reading it costs more than the rest of the match.
#[derive(Clone, Copy)]
enum YearOf {
    /// The nearest year, unless a future verb or a deadline points ahead
    /// ("will succeed him Feb. 1", "effective Feb. 1").
    Nearest,
    /// The year the tense of the verb points to.
    Verb,
    /// The year this tense points to.
    Tense(Tense),
}

fn m(start: usize, end: usize, kind: DateType, value: String) -> Option<M> {
    Some(M { start, end, kind, value, anaphor: None })
}

/// Words after which a bare month name or year is a date ("in March",
/// "since 1998"); elsewhere "March" may be a verb and "2000" a count.
const CAL_PREV: &[&str] = &[
    "in",
    "since",
    "of",
    "by",
    "until",
    "till",
    "through",
    "from",
    "to",
    "during",
    "before",
    "after",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "-",
    "and",
    "or",
    "between",
    "(",
    "for",
    "on",
    "that",
    "beginning",
    "end",
    "start",
    "middle",
    "around",
    "circa",
    "throughout",
    "as",
    "late",
    "into",
    "–",
];

/// Lower-case words that may follow a year ("1998 and", "1998 when").
const YEAR_NEXT: &[&str] = &[
    "and",
    "or",
    "to",
    "when",
    "the",
    "with",
    "was",
    "were",
    "is",
    "but",
    "after",
    "before",
    "as",
    "in",
    "at",
    "on",
    "he",
    "she",
    "it",
    "they",
    "we",
    "that",
    "for",
    "by",
    "a",
    "an",
    "had",
    "has",
    "have",
    "this",
    "there",
    "from",
    "until",
    "through",
    "election",
    "elections",
    "season",
    "budget",
    "levels",
    "level",
    "figures",
    "results",
    "census",
    "crisis",
    "campaign",
    "war",
    "law",
    "act",
];

/// Modifiers that belong to a duration's span in news annotation
/// ("nearly two weeks"); "about" and "almost" are usually left out.
const APPROX: &[&str] = &["nearly", "fully", "roughly"];
const APPROX2: &[(&str, &str)] = &[
    ("more", "than"),
    ("less", "than"),
    ("fewer", "than"),
    ("at", "least"),
    ("at", "most"),
    ("up", "to"),
    ("as", "many"),
    ("as", "much"),
];
const TIME_ZONES: &[&str] = &["est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "et", "bst", "cet"];

/// Pattern families as bits of a token's class: which families may match
/// from a token, read off its kind and its lexicon entry once, so that
/// [`Scanner::core`] tries at each token only the few families that can
/// start there. A bit may be set where its family then finds nothing, but
/// never missing where it would match: each set below lists every way its
/// family can begin.
mod family {
    use super::Word;

    /// A set of the bits below.
    pub type Class = u32;

    pub const NUMERIC: Class = 1 << 0;
    pub const TIME: Class = 1 << 1;
    pub const MONTH_DATE: Class = 1 << 2;
    pub const YEAR: Class = 1 << 3;
    pub const RELATIVE: Class = 1 << 4;
    pub const WEEKDAY: Class = 1 << 5;
    /// Also marks every token a count may start at (see `Scanner::quantity`).
    pub const DURATION: Class = 1 << 6;
    pub const SET: Class = 1 << 7;
    pub const VAGUE: Class = 1 << 8;
    pub const QUARTER: Class = 1 << 9;
    pub const HOLIDAY: Class = 1 << 10;
    pub const ANAPHORIC: Class = 1 << 11;
    pub const SPOKEN_YEAR: Class = 1 << 12;
    pub const SEASON: Class = 1 << 13;
    /// A modifier that `Scanner::at` puts in front of a match ("early",
    /// "the end of", "nearly").
    pub const PREFIXED: Class = 1 << 14;
    /// The scan tries an expression here (not a family).
    pub const START: Class = 1 << 15;
    /// "the", whose families each need one of a few tokens right after
    /// it: it tries only those the next token's `Tag::after_the` names,
    /// and before any other word ("the committee said Tuesday") none.
    pub const DETERMINER: Class = 1 << 16;
    /// A token the scan knows: a word of the lookup table (date words,
    /// start words, the words of [`WORDS`] and [`AFTER_THE_WORDS`]), a
    /// number, a word that begins with a digit, an apostrophe. What may
    /// follow a count (see `Scanner::follows_count`).
    pub const KNOWN: Class = 1 << 17;
    /// A number of other than four digits, or "a"/"an", whose families
    /// all need a token after it (see `Scanner::follows_count`): a count
    /// before its unit, a day before its month, an hour before "p.m." or
    /// ":", a numeric date's "/". Four digits may be a year by themselves.
    pub const QUANTITY: Class = 1 << 18;
    /// A word whose families all read a known token right after it (see
    /// [`KNOWN`]): "last" before a unit, a count, a weekday or "year's";
    /// "that" before a unit or "same". Before any other word ("the next
    /// generation", "that plan") nothing is tried.
    pub const NEEDS_KNOWN: Class = 1 << 19;

    /// A number token: dates, clock times, years, days, counts.
    pub const NUMBER: Class = NUMERIC | TIME | MONTH_DATE | YEAR | RELATIVE | DURATION | KNOWN;
    /// A word that begins with a digit: "5th", "1990s".
    pub const DIGIT_WORD: Class = MONTH_DATE | YEAR | QUARTER | KNOWN;
    /// "'" and "’": "'82", "the '90s".
    pub const APOSTROPHE: Class = YEAR | SEASON | KNOWN;
    /// A count word (see `Scanner::quantity`): "two weeks ago".
    const COUNT: Class = RELATIVE | DURATION;

    /// The families of "the". They all lie in the low 16 bits, so that
    /// `Tag::after_the` keeps them in a `u16` (and a tag in 8 bytes).
    pub const THE: Class = MONTH_DATE | YEAR | RELATIVE | VAGUE | QUARTER | ANAPHORIC | SPOKEN_YEAR | SEASON | PREFIXED;
    const _: () = assert!(THE <= 0xFFFF);
    /// The families "the" may try before a number: "the 5 of May" (a
    /// day), "the 20 century", "the 1988 quarter", "the nine months".
    pub const NUMBER_AFTER_THE: u16 = (MONTH_DATE | YEAR | QUARTER | PREFIXED) as u16;
    /// Before a word that begins with a digit: "the 5th of May", "the
    /// 1990s", "the 3rd quarter".
    pub const DIGIT_WORD_AFTER_THE: u16 = (MONTH_DATE | YEAR | QUARTER) as u16;
    /// Before an apostrophe: "the '90s".
    pub const APOSTROPHE_AFTER_THE: u16 = YEAR as u16;

    /// The words each family of "the" needs right after it, besides
    /// numbers and the lexicon's ordinals, number words and seasons (see
    /// [`after_the_of_word`]). Each list names every word its family's
    /// pattern reads at that place.
    pub const AFTER_THE_WORDS: &[(&[&str], Class)] = &[
        // "the early 1990s" (`Scanner::year`).
        (&["early", "late", "mid"], YEAR),
        // "the past three years", "the following day" (`Scanner::relative`).
        (
            &[
                "current",
                "last",
                "past",
                "previous",
                "preceding",
                "recent",
                "first",
                "next",
                "coming",
                "following",
                "upcoming",
            ],
            RELATIVE,
        ),
        // "the near future", "the short term" (`Scanner::vague`).
        (&["near", "distant", "recent", "immediate", "past", "future", "present", "term", "short", "long"], VAGUE),
        // "the year-ago quarter", "the last quarter", "the final half"
        // (`Scanner::quarter`).
        (&["year", "this", "last", "next", "final"], QUARTER),
        // "the same year", "the day", "the weekend", "the latest quarter",
        // "the fiscal year" (`Scanner::anaphoric`, `Scanner::period`).
        (
            &[
                "same",
                "day",
                "week",
                "weekend",
                "latest",
                "comparable",
                "full",
                "fiscal",
                "current",
                "recent",
                "year",
                "quarter",
            ],
            ANAPHORIC,
        ),
        // "the year two thousand" (`Scanner::spoken_year`).
        (&["year"], SPOKEN_YEAR),
        // "the end of", "the last week of", "the previous Friday", "the
        // few days" (`Scanner::at`).
        (
            &[
                "end",
                "beginning",
                "start",
                "middle",
                "turn",
                "last",
                "final",
                "next",
                "previous",
                "following",
                "one",
                "half",
                "several",
                "few",
                "many",
                "some",
                "couple",
            ],
            PREFIXED,
        ),
    ];

    /// The families "the" may try before a lexicon entry.
    pub fn after_the_of_word(w: &Word) -> u16 {
        let mut f = 0;
        if w.ordinal > 0 {
            // "the twentieth century", "the third quarter", "the second
            // week of May".
            f |= YEAR | QUARTER | PREFIXED;
        }
        if w.number > 0 {
            // "the nine months" (a count).
            f |= PREFIXED;
        }
        if w.season.is_some() {
            f |= SEASON;
        }
        (f & THE) as u16
    }

    /// The words that begin a family's pattern by themselves rather than
    /// through their lexicon entry (see [`of_word`]).
    pub const WORDS: &[(&[&str], Class)] = &[
        (&["the"], THE | DETERMINER),
        (&["noon", "midday", "midnight"], TIME),
        (&["fiscal"], YEAR),
        (&["today", "yesterday", "tomorrow", "tonight"], RELATIVE),
        (&["a", "an"], COUNT | SET | QUANTITY),
        (&["one", "half", "several", "few", "many", "some", "couple"], COUNT),
        (&["this", "last", "next"], RELATIVE | QUARTER | NEEDS_KNOWN),
        (
            &["current", "present", "past", "previous", "preceding", "recent", "coming", "following", "upcoming"],
            RELATIVE | NEEDS_KNOWN,
        ),
        // Also an ordinal of the lexicon, and "first-century" reads a
        // hyphen after it: not gated.
        (&["first"], RELATIVE),
        (
            &[
                "annually",
                "yearly",
                "quarterly",
                "monthly",
                "weekly",
                "daily",
                "hourly",
                "nightly",
                "every",
                "each",
                "per",
            ],
            SET,
        ),
        (&["now", "currently", "nowadays", "recently", "lately", "these"], VAGUE),
        (&["that"], ANAPHORIC | NEEDS_KNOWN),
        (&["year"], ANAPHORIC),
        (&["two"], SPOKEN_YEAR),
        (
            &[
                "early", "late", "mid", "earlier", "later", "mid-", "more", "less", "fewer", "at", "up", "as",
                "nearly", "fully", "roughly",
            ],
            PREFIXED,
        ),
    ];

    /// The families a lexicon entry may begin.
    pub fn of_word(w: &Word) -> Class {
        let mut f = 0;
        if w.month > 0 {
            f |= MONTH_DATE;
        }
        if w.weekday > 0 {
            f |= MONTH_DATE | WEEKDAY;
        }
        if w.ordinal > 0 {
            f |= YEAR | QUARTER;
        }
        if w.number > 0 {
            f |= COUNT;
            if (10..=20).contains(&w.number) {
                f |= SPOKEN_YEAR;
            }
        }
        if matches!(w.unit, Some((_, true))) {
            f |= ANAPHORIC;
        }
        if w.season.is_some() {
            f |= SEASON;
        }
        f
    }
}

/// How many tokens from the top may start the article's own date.
pub const REFERENCE_TOKENS: usize = 120;

/// Starts tried per window of prepared tokens (see [`Scanner::prepare`]).
const WINDOW: usize = 8192;
/// Tokens prepared before a window's first start: patterns read at most
/// two tokens before theirs.
const BEHIND: usize = 16;
/// Tokens prepared past a window's last start: patterns read a bounded
/// number of tokens ahead, far fewer than this.
const AHEAD: usize = 256;

/// Scans one document.
///
/// What the scan reads besides the tokens (their lower-case text and
/// [`Tag`]s) is prepared for one window of tokens at a time, some tens of
/// kilobytes of news text, into buffers that are reused: prepared for the
/// whole text at once, they took 9 bytes a token of memory that no longer
/// stayed in the processor's caches on a long text.
pub struct Scanner<'d, 't> {
    doc: &'d Document<'t>,
    /// The tokens scanned: all of the document's, or a prefix of them
    /// (see [`Scanner::prefix`]); past its end is the end of the text.
    tokens: &'d [crate::text::Token],
    reference: Option<Date>,
    table: &'static Table,
    /// The tokens prepared: `low` and `tags` describe them.
    window: core::ops::Range<usize>,
    /// Starts before this token have all the tokens their patterns read
    /// prepared.
    starts_until: usize,
    /// The text of the window lower-cased in ASCII only, from byte
    /// `low_base` of the text (so offsets are the text's less `low_base`).
    /// Bytes: patterns compare bytes, and a `String` could not be filled
    /// in the same pass that lowers it.
    low: Vec<u8>,
    low_base: usize,
    /// Per token of the window: what one lookup found (see [`Tag`]).
    tags: Vec<Tag>,
    /// The date of a bare weekday, by weekday (1–7) and tense (see
    /// [`Scanner::weekday_date`]), filled as asked: a story names the
    /// same few weekdays again and again, and the calendar arithmetic cost
    /// more than the rest of their match.
    weekdays: [core::cell::Cell<Option<Date>>; 24],
}

/// What the scan knows about a token besides its text, read once.
#[derive(Clone, Copy, Default)]
struct Tag {
    /// The pattern families that may match from here (see [`family`]),
    /// and [`family::START`] where an expression may start (a temporal
    /// word, a number, or a determiner or modifier shortly before one).
    /// Tokens without it are skipped without trying the patterns, and at
    /// the others only the families named are tried, which keeps the scan
    /// fast.
    class: family::Class,
    /// The families a "the" before it may try (see
    /// [`family::DETERMINER`]; all in [`family::THE`]).
    after_the: u16,
    /// Its lexicon entry: 1 + its index in [`Table::words`], or 0.
    word: u8,
    /// Start strength (see [`start_words`]).
    strength: u8,
}

impl<'d, 't> Scanner<'d, 't> {
    pub fn new(doc: &'d Document<'t>, reference: Option<Date>) -> Scanner<'d, 't> {
        Scanner::prefix(doc, reference, doc.tokens.len())
    }

    /// A scanner over the first `n` tokens only, as if the text ended
    /// there. Finding the article's own date reads its first lines; this
    /// spares it preparing the whole text. Patterns look a bounded number
    /// of tokens ahead, so a prefix reaching that far past the last start
    /// tried gives the same matches as the whole text.
    pub fn prefix(doc: &'d Document<'t>, reference: Option<Date>, n: usize) -> Scanner<'d, 't> {
        let tokens = &doc.tokens[..n.min(doc.tokens.len())];
        let mut scanner = Scanner {
            doc,
            tokens,
            reference,
            table: table(),
            window: 0..0,
            starts_until: 0,
            low: Vec::new(),
            low_base: 0,
            tags: Vec::new(),
            weekdays: Default::default(),
        };
        scanner.prepare(0);
        scanner
    }

    /// Prepares the window of starts from token `i`: the lower-case text
    /// and tags of the tokens from [`BEHIND`] before it to [`AHEAD`] past
    /// the window's end.
    fn prepare(&mut self, i: usize) {
        let tokens = self.tokens;
        let n = tokens.len();
        let from = i.saturating_sub(BEHIND);
        let to = i.saturating_add(WINDOW + AHEAD).min(n);
        self.window = from..to;
        self.starts_until = if to == n { n } else { to - AHEAD };
        let (start, end) = match (tokens.get(from), to.checked_sub(1).and_then(|l| tokens.get(l))) {
            (Some(first), Some(last)) if from < to => (first.span().start, last.span().end),
            _ => (0, 0),
        };
        let low = &mut self.low;
        low.clear();
        low.extend(self.doc.text.as_bytes()[start..end].iter().map(u8::to_ascii_lowercase));
        self.low_base = start;
        let table = self.table;
        // One lookup per word gives its lexicon entry, the families it may
        // begin and whether an expression may start there. Strong: by
        // itself; weak: only within a few tokens before a strong one ("the
        // past three years").
        // Pushed one by one rather than zeroed first and then set: most
        // tokens' tags are empty, and zeroing them all cost as much again.
        let tags = &mut self.tags;
        tags.clear();
        for t in &tokens[from..to] {
            let i = tags.len();
            let (at, len) = (t.span().start - start, t.span().len());
            let tag = match t.kind {
                TokenKind::Number => Tag {
                    class: if len == 4 { family::NUMBER } else { family::NUMBER | family::QUANTITY },
                    after_the: family::NUMBER_AFTER_THE,
                    word: 0,
                    strength: 2,
                },
                TokenKind::Punct if matches!(low.get(at..at + len), Some(b"'" | b"\xE2\x80\x99")) => {
                    Tag { class: family::APOSTROPHE, after_the: family::APOSTROPHE_AFTER_THE, word: 0, strength: 2 }
                }
                TokenKind::Punct => Tag::default(),
                TokenKind::Word if low.get(at).is_some_and(u8::is_ascii_digit) => {
                    Tag { class: family::DIGIT_WORD, after_the: family::DIGIT_WORD_AFTER_THE, word: 0, strength: 2 }
                }
                TokenKind::Word => match table.get_in(low, at, len) {
                    Some(e) => Tag { class: e.families, after_the: e.after_the, word: e.word, strength: e.strength },
                    None => Tag::default(),
                },
            };
            tags.push(tag);
            // A strong start makes the weak ones shortly before it starts.
            if tag.strength == 2 {
                tags[i].class |= family::START;
                for tag in &mut tags[i.saturating_sub(5)..i] {
                    if tag.strength == 1 {
                        tag.class |= family::START;
                    }
                }
            }
        }
    }

    /// The tag of token `i` (empty outside the window).
    #[inline]
    fn tag(&self, i: usize) -> Tag {
        self.tags.get(i.wrapping_sub(self.window.start)).copied().unwrap_or_default()
    }

    /// The byte range of token `i` in `low`: out of its bounds (or
    /// reversed, wrapping below `low_base`) for a token outside the window.
    #[inline]
    fn low_range(&self, i: usize) -> Option<core::ops::Range<usize>> {
        let t = self.tokens.get(i)?.span();
        Some(t.start.wrapping_sub(self.low_base)..t.end.wrapping_sub(self.low_base))
    }

    fn n(&self) -> usize {
        self.tokens.len()
    }

    /// Lower-case bytes of token `i` (empty past the end, and outside the
    /// prepared window, which every pattern stays in).
    #[inline]
    fn low(&self, i: usize) -> &[u8] {
        self.low_range(i).and_then(|r| self.low.get(r)).unwrap_or_default()
    }

    /// Token `i` is `w` (lower case). The lengths first: most tests fail
    /// there, before the token's text is read.
    #[inline]
    fn is(&self, i: usize, w: &str) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            let s = t.span();
            s.len() == w.len()
                && self.low.get(s.start.wrapping_sub(self.low_base)..s.end.wrapping_sub(self.low_base))
                    == Some(w.as_bytes())
        })
    }

    #[inline]
    fn is_any(&self, i: usize, ws: &[&str]) -> bool {
        let l = self.low(i);
        !l.is_empty() && ws.iter().any(|w| w.as_bytes() == l)
    }

    /// Token `i` exists and touches the previous one.
    fn tight(&self, i: usize) -> bool {
        i < self.n() && !self.tokens[i].space_before
    }

    fn word(&self, i: usize) -> Option<&'static Word> {
        let w = self.tag(i).word;
        self.table.words.get(usize::from(w).checked_sub(1)?)
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    /// Length in bytes of token `i` (0 past the end).
    fn len(&self, i: usize) -> usize {
        self.tokens.get(i).map_or(0, |t| t.span().len())
    }

    fn raw(&self, i: usize) -> &str {
        if i < self.n() {
            self.tokens[i].text(self.doc.text)
        } else {
            ""
        }
    }

    fn cap(&self, i: usize) -> bool {
        let Some(t) = self.tokens.get(i) else {
            return false;
        };
        match self.doc.text.as_bytes()[t.span().start] {
            b if b.is_ascii() => b.is_ascii_uppercase(),
            _ => self.raw(i).chars().next().is_some_and(char::is_uppercase),
        }
    }

    /// A token of at most `max` ASCII digits, with its value (other
    /// scripts' digits are numbers to the tokenizer, not to a date).
    fn num(&self, i: usize, max: usize) -> Option<u32> {
        let t = self.tokens.get(i)?;
        if t.kind != TokenKind::Number || t.span().len() > max {
            return None;
        }
        let digits = &self.doc.text.as_bytes()[t.span().range()];
        // At most `max` <= 6 digits: no overflow.
        digits.iter().try_fold(0u32, |v, &b| b.is_ascii_digit().then(|| v * 10 + (b - b'0') as u32))
    }

    /// A period glued to token `i - 1`: returns the index after it.
    fn skip_dot(&self, i: usize) -> usize {
        if self.tight(i) && self.is(i, ".") {
            i + 1
        } else {
            i
        }
    }

    /// A lower-case plural-looking word ("flights", "seats"): before "a
    /// week" it makes a rate, not a duration.
    fn plural_noun(&self, i: usize) -> bool {
        let l = self.low(i);
        self.kind(i) == Some(TokenKind::Word)
            && !self.cap(i)
            && l.len() > 3
            && l.ends_with(b"s")
            && !l.ends_with(b"ss")
            && self.word(i).is_none()
    }

    /// "this" / "last" / "next" as a step in years.
    fn year_step(&self, i: usize) -> Option<i32> {
        match self.low(i) {
            b"this" => Some(0),
            b"last" => Some(-1),
            b"next" => Some(1),
            _ => None,
        }
    }

    /// No line break inside tokens `start..end` ("Sept.\n25" is two
    /// lines of a table, not a date).
    fn one_line(&self, start: usize, end: usize) -> bool {
        (start + 1..end.min(self.n())).all(|k| self.tokens[k].newlines_before == 0)
    }

    /// Starts a new line (or the text).
    fn line_start(&self, i: usize) -> bool {
        i == 0 || self.tokens.get(i).is_some_and(|t| t.newlines_before > 0)
    }

    // ---------------------------------------------------------------
    // Driver
    // ---------------------------------------------------------------

    pub fn find_all(&mut self) -> Vec<TimeExpr> {
        let mut out: Vec<TimeExpr> = Vec::new();
        // The last date named in full enough to stand for a later "that
        // day" / "the same year" (index into `out`).
        let mut antecedent: Option<usize> = None;
        let mut i = 0;
        let n = self.n();
        while i < n {
            if i >= self.starts_until {
                self.prepare(i);
            }
            // Most tokens start nothing: their tags say so, and the scan
            // runs over the tags to the next start without reading tokens.
            let w = self.window.start;
            match self
                .tags
                .get(i - w..self.starts_until - w)
                .and_then(|t| t.iter().position(|t| t.class & family::START != 0))
            {
                Some(k) => i += k,
                None => {
                    i = self.starts_until;
                    continue;
                }
            }
            if self.tokens[i].kind == TokenKind::Punct && !self.is(i, "'") {
                i += 1;
                continue;
            }
            match self.at(i) {
                Some(mt) if mt.end > i => {
                    let last = self.tokens[mt.end - 1].span();
                    // "Wednesday's ruling": the possessive is not part of
                    // the expression.
                    let raw = &self.doc.text[last.range()];
                    let trim = if raw.len() > 2 && raw.ends_with("'s") {
                        2
                    } else if raw.len() > 4 && raw.ends_with("’s") {
                        4
                    } else {
                        0
                    };
                    let span = Span::new(self.tokens[mt.start].span().start, last.end - trim);
                    let mut value = mt.value;
                    if let Some(a) = mt.anaphor {
                        let from = |k: usize| {
                            let before = out[k].value.as_str();
                            match a {
                                Anaphor::Same => resolve::narrow(before, &value),
                                Anaphor::Step(unit, n) => resolve::step(before, unit, n),
                                Anaphor::Shift(unit, n) => resolve::move_point(before, unit, n),
                                Anaphor::InYear(y) => resolve::period_in(before, y),
                                Anaphor::Clock => resolve::on_day(before, &value),
                                // Only a reporting period: "42 years ago"
                                // after "Wednesday" is a year, not a day.
                                Anaphor::Ago(unit, n) => resolve::move_point(before, unit, n).filter(|v| {
                                    v.len() > value.len()
                                        && v.starts_with(value.as_str())
                                        && matches!(v.get(4..6), Some("-Q" | "-H"))
                                }),
                            }
                        };
                        if let Some(v) = antecedent.and_then(from) {
                            value = v;
                        }
                    } else if matches!(mt.kind, DateType::Date | DateType::Time) && resolve::is_calendar(&value) {
                        antecedent = Some(out.len());
                    }
                    out.push(TimeExpr { span, kind: mt.kind, value });
                    i = mt.end;
                }
                _ => i += 1,
            }
        }
        out
    }

    pub fn detect_reference(&self) -> Option<(Date, Span)> {
        // Only the first few lines: the article's own date sits at the top.
        let limit = self.n().min(REFERENCE_TOKENS);
        let mut lines = 0;
        for i in 0..limit {
            if self.line_start(i) {
                lines += 1;
                if lines > 6 {
                    break;
                }
            }
            let after_cue = i > 0
                && (self.is_any(i - 1, &["published", "updated", "posted", "dated", "on"])
                    && (i < 2
                        || self.is_any(i - 1, &["published", "updated", "posted", "dated"])
                        || self.is_any(i - 2, &["published", "updated", "posted"]))
                    || self.is(i - 1, ":")
                        && i >= 2
                        && self.is_any(i - 2, &["published", "updated", "posted", "dated", "date"]));
            let after_comma = i > 0 && self.is(i - 1, ",");
            if !(after_cue || after_comma || self.line_start(i)) {
                continue;
            }
            let Some(mt) = self.full_date(i) else {
                continue;
            };
            let Ok(date) = mt.value.parse::<Date>() else {
                continue;
            };
            let ends_line = mt.end >= self.n() || self.line_start(mt.end);
            let dash_after =
                self.is_any(mt.end, &["—", "–", "-", "(", ":"]) || self.is(mt.end, "-") && self.is(mt.end + 1, "-");
            let ok = after_cue
                || (self.line_start(i)
                    && (ends_line
                        || self.is_any(mt.end, &["|", "—", "–", "-", "/", "•", "·"])
                        || self.is_any(mt.end, &["at"])))
                || (after_comma && dash_after && self.doc.sentence_of(i) <= 2);
            if ok {
                let span = Span::new(self.tokens[mt.start].span().start, self.tokens[mt.end - 1].span().end);
                return Some((date, span));
            }
        }
        None
    }

    /// A date with year, month and day at `i` (for the reference).
    fn full_date(&self, i: usize) -> Option<M> {
        let a = self.month_date(i, YearOf::Tense(Tense::Unknown));
        let b = self.numeric(i);
        [a, b]
            .into_iter()
            .flatten()
            .filter(|mt| mt.value.len() == 10 && !mt.value.starts_with('X'))
            .max_by_key(|mt| mt.end)
    }

    /// The families to try at token `i`: its class, and at "the" only
    /// those the token after it allows (see [`family::DETERMINER`]).
    #[inline]
    fn families(&self, i: usize) -> family::Class {
        let class = self.tag(i).class;
        if class & family::DETERMINER != 0 {
            class & family::Class::from(self.tag(i + 1).after_the)
        } else {
            class
        }
    }

    /// Nothing can start at token `i`, as the token after it shows: "the"
    /// before a word no pattern has after "the" (see
    /// [`family::DETERMINER`]), a count ("a", a number other than a year)
    /// before a word no pattern has after one (see [`family::QUANTITY`]),
    /// or "last", "that"… before an unknown word (see
    /// [`family::NEEDS_KNOWN`]).
    #[inline]
    fn cannot_start(&self, i: usize) -> bool {
        let class = self.tag(i).class;
        class & (family::DETERMINER | family::QUANTITY | family::NEEDS_KNOWN) != 0
            && (class & family::DETERMINER != 0 && self.tag(i + 1).after_the == 0
                || class & family::QUANTITY != 0 && !self.follows_count(i + 1)
                || class & family::NEEDS_KNOWN != 0 && self.tag(i + 1).class & family::KNOWN == 0)
    }

    /// Token `i` may follow a count in some pattern: punctuation ("3:30",
    /// "11/3", "44-day", "2.5"), a number ("2 1/2"), a word of the lookup
    /// table (months, units, "a" of "a.m.", "more"; they all carry
    /// [`family::KNOWN`], as numbers do), or one of the few plain words
    /// the patterns name after a number.
    fn follows_count(&self, i: usize) -> bool {
        self.tag(i).class & family::KNOWN != 0
            || self.kind(i) == Some(TokenKind::Punct)
            || matches!(self.low(i), b"of" | b"and" | b"p" | b"am" | b"pm" | b"o'clock" | b"o\xE2\x80\x99clock")
    }

    /// The longest match starting at `i`, with TimeML modifiers in front.
    fn at(&self, i: usize) -> Option<M> {
        if i >= self.n() || self.cannot_start(i) {
            return None;
        }
        let mut best = self.core_here(i);
        let mut consider = |cand: Option<M>| {
            if let Some(c) = cand {
                if best.as_ref().map_or(true, |b| c.end > b.end) {
                    best = Some(c);
                }
            }
        };
        // Modifiers in front: only at the few words that may be one.
        if self.families(i) & family::PREFIXED != 0 {
            // "early 2019", "mid-March", "earlier this month", "late Tuesday".
            let l = self.low(i);
            if matches!(l, b"early" | b"late" | b"mid" | b"earlier" | b"later" | b"mid-") {
                let mut j = i + 1;
                if self.is(j, "-") && self.tight(j) {
                    j += 1;
                }
                if let Some(c) = self.core(j) {
                    let relative_ok = !matches!(l, b"earlier" | b"later")
                        || self
                            .is_any(j, &["this", "that", "today", "tonight", "yesterday", "tomorrow", "last", "next"])
                        || self.word(j).is_some_and(|w| w.weekday > 0);
                    if matches!(c.kind, DateType::Date | DateType::Time) && relative_ok && !c.value.starts_with('P') {
                        consider(Some(M { start: i, ..c }));
                    }
                }
            }
            // "the end of the year", "the beginning of March".
            if self.is(i, "the")
                && self.is_any(i + 1, &["end", "beginning", "start", "middle", "turn"])
                && self.is(i + 2, "of")
            {
                if let Some(c) = self.core(i + 3) {
                    if c.kind == DateType::Date && c.start == i + 3 {
                        consider(Some(M { start: i, ..c }));
                    }
                }
            }
            // "the last week of March", "the first week of May 2019": that
            // ISO week of the month.
            if self.is(i, "the") && self.is(i + 2, "week") && self.is(i + 3, "of") {
                let nth = if self.is_any(i + 1, &["last", "final"]) {
                    Some(-1)
                } else {
                    self.word(i + 1).map(|w| w.ordinal).filter(|o| (1..=5).contains(o)).map(|o| o as i64)
                };
                if let Some(nth) = nth {
                    if let Some(c) = self.core(i + 4).filter(|c| c.start == i + 4 && c.kind == DateType::Date) {
                        if let Some(v) = resolve::week_of_month(&c.value, nth) {
                            consider(Some(M { start: i, value: v, ..c }));
                        }
                    }
                }
            }
            // "the nine months", "the previous Friday": the determiner
            // belongs to the expression (TimeML). Only a count or a step
            // word can follow, looked at before the pattern families run.
            if self.is(i, "the") && i + 1 < self.n() {
                let step = self.is_any(i + 1, &["next", "previous", "following"]);
                let count = !step && !self.is_any(i + 1, &["a", "an"]) && self.quantity(i + 1).is_some();
                if step || count {
                    if let Some(c) = self.core(i + 1).filter(|c| c.start == i + 1) {
                        if step || c.kind == DateType::Duration {
                            consider(Some(M { start: i, ..c }));
                        }
                    }
                }
            }
            // "nearly two weeks", "more than a decade".
            let approx_len = if APPROX2.iter().any(|(a, b)| self.is(i, a) && self.is(i + 1, b)) {
                2
            } else if self.is_any(i, APPROX) {
                1
            } else {
                0
            };
            if approx_len > 0 {
                if let Some(c) = self.core(i + approx_len) {
                    if c.kind == DateType::Duration && c.start == i + approx_len {
                        consider(Some(M { start: i, ..c }));
                    }
                }
            }
        }
        // "10 p.m. Wednesday", "noon Thursday": the time takes the date.
        if let Some(b) = best.as_mut() {
            if b.kind == DateType::Time && b.value.contains('T') {
                let date = self
                    .weekday(b.end)
                    .or_else(|| self.relative(b.end, self.quantity(b.end)))
                    .or_else(|| self.month_date(b.end, YearOf::Verb));
                if let Some(d) = date.filter(|d| d.kind == DateType::Date && d.start == b.end && d.value.len() == 10) {
                    let time = b.value.split_once('T').map(|(_, t)| t.to_string()).unwrap_or_default();
                    b.value = format!("{}T{time}", d.value);
                    b.end = d.end;
                    b.anaphor = None;
                }
            }
        }
        best
    }

    /// The longest match of the pattern families at `i`.
    fn core(&self, i: usize) -> Option<M> {
        if i >= self.n() || self.cannot_start(i) {
            return None;
        }
        self.core_here(i)
    }

    /// [`Scanner::core`] at a token `i` known to be one that may start.
    fn core_here(&self, i: usize) -> Option<M> {
        // The longest candidate wins; on equal ends the one starting
        // first, and on a full tie the one tried last. Kept as the
        // candidates come, rather than gathered in an array: each carries
        // its value, and moving fifteen of them cost more than the choice.
        let mut best = None;
        let mut keep = |c: Option<M>| {
            let Some(c) = c.filter(|c| c.end > c.start && self.one_line(c.start, c.end)) else {
                return;
            };
            let key = |m: &M| (m.end, std::cmp::Reverse(m.start));
            if best.as_ref().map_or(true, |b| key(&c) >= key(b)) {
                best = Some(c);
            }
        };
        let class = self.families(i);
        let has = |f: family::Class| class & f != 0;
        // `relative` ("two weeks ago") and `duration` both begin with a count.
        let count = if has(family::DURATION) { self.quantity(i) } else { None };
        if has(family::NUMERIC) {
            keep(self.numeric(i));
        }
        if has(family::TIME) {
            keep(self.time(i));
        }
        // Dates without a year go to the nearest year: news often names
        // deadlines in a past-tense sentence ("extended the offer to Nov.
        // 16").
        if has(family::MONTH_DATE) {
            keep(self.month_date(i, YearOf::Nearest));
        }
        if has(family::YEAR) {
            keep(self.year(i));
        }
        if has(family::RELATIVE) {
            keep(self.relative(i, count));
        }
        if has(family::WEEKDAY) {
            keep(self.weekday(i));
        }
        if has(family::DURATION) {
            keep(self.duration(i, count));
        }
        if has(family::SET) {
            keep(self.set(i));
        }
        if has(family::VAGUE) {
            keep(self.vague(i));
        }
        if has(family::QUARTER) {
            keep(self.quarter(i));
        }
        if has(family::HOLIDAY) {
            keep(self.holiday(i));
        }
        if has(family::ANAPHORIC) {
            keep(self.anaphoric(i));
        }
        if has(family::SPOKEN_YEAR) {
            keep(self.spoken_year(i));
        }
        if has(family::SEASON) {
            keep(self.season(i));
        }
        best
    }

    // ---------------------------------------------------------------
    // Tense of the verb nearest to a token
    // ---------------------------------------------------------------

    fn tense(&self, i: usize) -> Tense {
        let (strong, weak) = self.deadline(i);
        if strong {
            return Tense::Future;
        }
        // "since Tuesday", "since year-end": always behind.
        if i > 0 && self.is(i - 1, "since") {
            return Tense::Past;
        }
        match self.verb_tense(i) {
            // "pay down the loan by February": a deadline ahead, unless
            // the verb has it behind ("had filed the reports by Monday").
            Tense::Past => Tense::Past,
            _ if weak => Tense::Future,
            t => t,
        }
    }

    fn verb_tense(&self, i: usize) -> Tense {
        const WINDOW: usize = 14;
        let n = self.n();
        // The verb an adverbial of time belongs to stands before it in
        // English ("said Tuesday that it would…", "will double by August
        // in search of untouched markets"): the whole left side of the
        // sentence first, the right side only when the left has no cue
        // ("On Friday, the court ruled…"). Participles after the
        // expression are mostly adjectives or relative clauses.
        // A complement clause ("added that rules to be drafted in
        // November will…") has its own verb: the left scan stops at its
        // "that" or a semicolon.
        let mut d = 1;
        while d <= WINDOW
            && d <= i
            && !self.doc.starts_sentence(i - d + 1)
            && !matches!(self.low(i - d), b"that" | b";")
        {
            if let Some(t) = self.tense_word(i - d) {
                return t;
            }
            d += 1;
        }
        let mut d = 1;
        while d <= WINDOW && i + d < n && !self.doc.starts_sentence(i + d) {
            if let Some(t) = self.tense_word(i + d) {
                return t;
            }
            d += 1;
        }
        Tense::Unknown
    }

    /// Whether a deadline word stands right before the expression at `i`:
    /// (strong, weak). A strong one points ahead whatever the verb's tense
    /// ("closed until Friday", "effective Feb. 1", "as early as Tuesday");
    /// a weak one ("by", "through") unless the verb is past.
    fn deadline(&self, i: usize) -> (bool, bool) {
        // Modifiers inside the expression ("until mid-November", "as soon
        // as early March") do not hide the word before them.
        let mut j = i;
        while j > 0 && i - j < 3 && matches!(self.low(j - 1), b"on" | b"early" | b"mid" | b"mid-" | b"late" | b"-") {
            j -= 1;
        }
        // A fronted "Until Thursday, they had not…" sets the scene of a
        // narrative; the verb decides there.
        if j == 0 || self.doc.starts_sentence(j - 1) {
            return (false, false);
        }
        // The word before read once: this runs for every weekday and month.
        match self.low(j - 1) {
            b"until" | b"till" | b"effective" | b"pending" => (true, false),
            // "as soon as", "as early as", "no later than".
            b"as" => (j >= 3 && matches!(self.low(j - 2), b"soon" | b"early") && self.is(j - 3, "as"), false),
            b"than" => (j >= 3 && self.is(j - 2, "later") && self.is(j - 3, "no"), false),
            b"by" | b"through" => (false, true),
            _ => (false, false),
        }
    }

    fn tense_word(&self, i: usize) -> Option<Tense> {
        // Every tense cue is a word: punctuation and numbers skip the list.
        if self.kind(i) != Some(TokenKind::Word) {
            return None;
        }
        let l = self.low(i);
        let prev = |ws: &[&str]| i > 0 && self.is_any(i - 1, ws);
        // A past participle after a form of "be" is passive or an
        // adjective: the auxiliary carries the tense ("will be held
        // Tuesday", "was held Tuesday"), so the scan goes on to it.
        // Both read only for the few words that need them: this runs for
        // every word near every weekday and month.
        let passive = || prev(&["be", "been", "being", "is", "are", "am", "to", "'s", "’s"]);
        // After a determiner an "-ed" word is an adjective ("a planned
        // visit", "the revised figures").
        let attributive =
            || prev(&["a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "these", "those"]);
        // A verb of intention looks ahead from its own time: "agreed to
        // buy the line in February", "decided to admit them in March".
        if l.len() > 4
            && matches!(
                l,
                b"agreed"
                    | b"decided"
                    | b"voted"
                    | b"promised"
                    | b"pledged"
                    | b"vowed"
                    | b"offered"
                    | b"threatened"
                    | b"proposed"
                    | b"intended"
                    | b"hoped"
                    | b"wanted"
                    | b"sought"
                    | b"prepared"
            )
            && self.is(i + 1, "to")
        {
            return Some(Tense::Future);
        }
        match l {
            // "unveiled the plan Sept. 14": a noun after a determiner.
            b"plan" | b"plans" | b"hopes" | b"aims" if attributive() => return None,
            b"will" | b"shall" | b"won't" | b"wo" | b"going" | b"expected" | b"expects" | b"scheduled" | b"plans"
            | b"planned" | b"plan" | b"planning" | b"due" | b"upcoming" | b"next" | b"would" | b"tomorrow"
            | b"intends" | b"hopes" | b"aims" | b"supposed" | b"slated" | b"poised" => {
                // "had been due to close Friday": a plan in the past.
                let pluperfect = prev(&["had"]) || (prev(&["been"]) && i > 1 && self.is(i - 2, "had"));
                return Some(if pluperfect { Tense::Past } else { Tense::Future });
            }
            // "set to restart Monday", "is to restart Tuesday".
            b"set" if self.is(i + 1, "to") => return Some(Tense::Future),
            b"to" if prev(&["is", "are"]) => return Some(Tense::Future),
            b"said" | b"says" | b"was" | b"were" | b"had" | b"did" | b"went" | b"came" | b"took" | b"gave" | b"won"
            | b"began" | b"saw" | b"got" | b"fell" | b"rose" | b"spoke" | b"wrote" | b"ran" | b"ago" | b"yesterday"
            | b"last" | b"earlier" | b"struck" | b"fought" | b"flew" | b"became" | b"knew" => return Some(Tense::Past),
            b"told" | b"met" | b"made" | b"left" | b"lost" | b"held" | b"found" | b"sold" | b"bought" | b"paid"
            | b"brought" | b"thought" | b"felt" | b"kept" | b"led" | b"shot" | b"killed" | b"hit" | b"sent"
            | b"spent" | b"heard" | b"reported" | b"announced" => {
                return (!passive() && !attributive()).then_some(Tense::Past);
            }
            _ => {}
        }
        if l.ends_with(b"'ll") || l.ends_with("’ll".as_bytes()) {
            return Some(Tense::Future);
        }
        if l.len() > 4
            && l.ends_with(b"ed")
            && !self.cap(i)
            && !matches!(l, b"need" | b"indeed" | b"hundred" | b"speed" | b"proceed" | b"succeed" | b"exceed")
            && !passive()
            && !attributive()
        {
            return Some(Tense::Past);
        }
        None
    }

    // ---------------------------------------------------------------
    // Patterns
    // ---------------------------------------------------------------

    /// Day of month at `i`: "5", "5th", "fifth". Returns (day, next index).
    fn day_at(&self, i: usize) -> Option<(u8, usize)> {
        if let Some(d) = self.num(i, 2) {
            if (1..=31).contains(&d) {
                return Some((d as u8, i + 1));
            }
        }
        if self.kind(i) == Some(TokenKind::Word) {
            let l = self.low(i);
            let digits = l.iter().take_while(|b| b.is_ascii_digit()).count();
            if digits > 0 && matches!(&l[digits..], b"st" | b"nd" | b"rd" | b"th") {
                let d = l[..digits].iter().try_fold(0u32, |v, &b| v.checked_mul(10)?.checked_add((b - b'0') as u32))?;
                return (1..=31).contains(&d).then_some((d as u8, i + 1));
            }
        }
        None
    }

    /// A four-digit year at `i` ("1998"), or "'98" / "98" when `short`.
    fn year_at(&self, i: usize) -> Option<(i32, usize)> {
        let y = self.num(i, 4)?;
        if self.len(i) == 4 && (1000..=2999).contains(&y) {
            return Some((y as i32, i + 1));
        }
        None
    }

    /// A month name at `i` (capitalized; abbreviations need their period or a
    /// following number). Returns (month, next index, was bare abbreviation).
    fn month_at(&self, i: usize) -> Option<(u8, usize)> {
        let w = self.word(i)?;
        if w.month == 0 || !self.cap(i) {
            return None;
        }
        let raw = self.raw(i);
        if raw.ends_with("'s") || raw.ends_with("’s") {
            return None;
        }
        // Only an abbreviation owns the period after it ("Nov.", not the
        // full stop in "in June.").
        let after = if w.month_abbr { self.skip_dot(i + 1) } else { i + 1 };
        if w.month_abbr && after == i + 1 && self.num(i + 1, 4).is_none() {
            return None;
        }
        Some((w.month, after))
    }

    /// A date with a month name at `i`; a missing year is given as
    /// `year_of` says.
    fn month_date(&self, i: usize, year_of: YearOf) -> Option<M> {
        let mut p = i;
        // Optional weekday in front: "Tuesday, Nov. 3".
        let mut had_weekday = false;
        if let Some(w) = self.word(p) {
            if w.weekday > 0 && self.cap(p) && !w.weekday_abbr {
                let q = if self.is(p + 1, ",") { p + 2 } else { p + 1 };
                if self.month_at(q).is_some() || self.day_at(q).is_some() {
                    p = q;
                    had_weekday = true;
                }
            }
        }
        let (month, day, end) = if let Some((mo, q)) = self.month_at(p) {
            if let Some((d, r)) =
                // "May 5:30" is a clock time; "on April 25: the court…"
                // ends the date at a colon.
                self.day_at(q).filter(|&(_, r)| {
                    let clock = self.is(r, ":") && self.tight(r + 1) && self.num(r + 1, 2).is_some();
                    !clock && !self.is_any(r, &["%", "percent"])
                })
            {
                (mo, Some(d), r)
            } else {
                // "March 1998", "March of 1998", "March, 1998".
                let q2 = if self.is_any(q, &["of", ","]) { q + 1 } else { q };
                // "June last year", "January this year".
                if let (Some(r), Some(step)) = (self.reference, self.year_step(q)) {
                    if self.is(q + 1, "year") {
                        let y = r.year() + step;
                        return m(i, q + 2, DateType::Date, resolve::ym(y, mo));
                    }
                }
                if let Some((y, r)) = self.year_at(q2) {
                    return m(i, r, DateType::Date, resolve::ym(y, mo));
                }
                // A bare month name needs calendar context: "in March".
                let w = self.word(p)?;
                let prev_ok = p > 0 && self.is_any(p - 1, CAL_PREV);
                if had_weekday || !prev_ok || w.month_abbr && q == p + 1 {
                    return None;
                }
                // "may" needs more than a preposition before it.
                if mo == 5 && self.raw(p) != "May" {
                    return None;
                }
                let value = match self.reference {
                    Some(r) => resolve::ym(resolve::month_year(r, mo, 0, self.tense(p)), mo),
                    None => format!("XXXX-{mo:02}"),
                };
                return m(i, q, DateType::Date, value);
            }
        } else if let Some((d, q)) = self.day_at(p) {
            // "3 November 2020", "the 5th of May".
            let q2 = if self.is(q, "of") { q + 1 } else { q };
            let (mo, r) = self.month_at(q2)?;
            (mo, Some(d), r)
        } else if self.is(p, "the") && !had_weekday {
            let (d, q) = self.day_at(p + 1)?;
            let (mo, r) = self.month_at(if self.is(q, "of") { q + 1 } else { q })?;
            (mo, Some(d), r)
        } else {
            return None;
        };
        let day = day?;
        // Year after the day: "Nov. 3, 2020", "3 November 2020".
        let y_at = if self.is(end, ",") { end + 1 } else { end };
        if let Some((y, r)) = self.year_at(y_at) {
            if Date::new(y, month, day).is_some() {
                return m(i, r, DateType::Date, resolve::ymd(y, month, day));
            }
        }
        let value = match self.reference {
            Some(r) => {
                let tense = match year_of {
                    YearOf::Nearest => match self.tense(i) {
                        Tense::Future => Tense::Future,
                        Tense::Past if i > 0 && self.is(i - 1, "since") => Tense::Past,
                        _ => Tense::Unknown,
                    },
                    YearOf::Verb => self.tense(i),
                    YearOf::Tense(t) => t,
                };
                resolve::ymd(resolve::year_for(r, month, day, tense), month, day)
            }
            None => format!("XXXX-{month:02}-{day:02}"),
        };
        m(i, end, DateType::Date, value)
    }

    /// ISO and slashed dates, and clock times with a colon.
    fn numeric(&self, i: usize) -> Option<M> {
        // 2020-11-03
        if let Some((y, _)) = self.year_at(i) {
            if self.tight(i + 1)
                && self.is(i + 1, "-")
                && self.tight(i + 2)
                && self.tight(i + 3)
                && self.is(i + 3, "-")
                && self.tight(i + 4)
            {
                let (mo, d) = (self.num(i + 2, 2)?, self.num(i + 4, 2)?);
                if Date::new(y, mo as u8, d as u8).is_some() {
                    return m(i, i + 5, DateType::Date, resolve::ymd(y, mo as u8, d as u8));
                }
            }
            return None;
        }
        // 11/3/2020, 11/3/20
        let a = self.num(i, 2)?;
        if self.tight(i + 1)
            && self.is(i + 1, "/")
            && self.tight(i + 2)
            && self.tight(i + 3)
            && self.is(i + 3, "/")
            && self.tight(i + 4)
        {
            let b = self.num(i + 2, 2)?;
            let ytok = self.raw(i + 4);
            let y = self.num(i + 4, 4)? as i32;
            let y = match ytok.len() {
                4 => y,
                2 => {
                    if y >= 50 {
                        1900 + y
                    } else {
                        2000 + y
                    }
                }
                _ => return None,
            };
            if self.tight(i + 5) && self.is(i + 5, "/") {
                return None;
            }
            let (mo, d) = if a > 12 { (b, a) } else { (a, b) };
            if Date::new(y, mo as u8, d as u8).is_some() {
                return m(i, i + 5, DateType::Date, resolve::ymd(y, mo as u8, d as u8));
            }
        }
        None
    }

    /// Clock times: "3:30 p.m.", "10 a.m. EST", "noon", "midnight", on
    /// the day the story is at (see [`Anaphor::Clock`]).
    fn time(&self, i: usize) -> Option<M> {
        self.clock_time(i).map(|t| M { anaphor: Some(Anaphor::Clock), ..t })
    }

    fn clock_time(&self, i: usize) -> Option<M> {
        let date = || match self.reference {
            Some(r) => resolve::date(r),
            None => "XXXX-XX-XX".to_string(),
        };
        if self.is_any(i, &["noon", "midday"]) && !(self.cap(i) && i > 0 && self.cap(i - 1)) {
            return m(i, i + 1, DateType::Time, resolve::with_time(date(), "12:00"));
        }
        if self.is(i, "midnight") {
            return m(i, i + 1, DateType::Time, resolve::with_time(date(), "24:00"));
        }
        let h = self.num(i, 2)?;
        let mut p = i + 1;
        let mut min = 0;
        let mut has_colon = false;
        if self.tight(p) && matches!(self.low(p), b":" | b".") && self.tight(p + 1) && self.len(p + 1) == 2 {
            if let Some(mm) = self.num(p + 1, 2) {
                if mm < 60 {
                    min = mm;
                    has_colon = self.is(p, ":");
                    p += 2;
                }
            }
        }
        // a.m. / p.m. / am / pm
        let (pm, q) = if matches!(self.low(p), b"a" | b"p")
            && self.tight(p + 1)
            && self.is(p + 1, ".")
            && self.tight(p + 2)
            && self.is(p + 2, "m")
        {
            (self.is(p, "p"), self.skip_dot(p + 3))
        } else if matches!(self.low(p), b"am" | b"pm")
            && (self.tight(p) || !self.cap(p) || self.raw(p) == "AM" || self.raw(p) == "PM")
        {
            (self.is(p, "pm"), p + 1)
        } else if has_colon && !self.tight(p) {
            // "at 15:30" — a 24-hour clock.
            // Bare clock readings are often race times or scores ("1:34"):
            // only after a preposition of time or before a zone.
            let cue = i > 0
                && self
                    .is_any(i - 1, &["at", "by", "until", "till", "from", "before", "after", "around", "since", "to"]);
            // "at 6:40 of the second (period)" is a game clock.
            if h > 24
                || self.is(p, "of")
                || (p > i + 1 && self.is(p - 2, "."))
                || !cue && self.zone(p).1.is_empty() && self.zone(p).0 == p
            {
                return None;
            }
            let (q, z) = self.zone(p);
            return m(i, q, DateType::Time, resolve::clock(date(), h, min, z));
        } else if self.is(p, "o'clock") || self.is(p, "o’clock") {
            (false, p + 1)
        } else {
            return None;
        };
        if !(1..=12).contains(&h) && (h != 0 || pm) {
            return None;
        }
        let hour = match (h, pm) {
            (12, false) => 0,
            (12, true) => 12,
            (h, true) => h + 12,
            (h, false) => h,
        };
        let (q, z) = self.zone(q);
        m(i, q, DateType::Time, resolve::clock(date(), hour, min, z))
    }

    /// A time zone after a clock time: (next index, "Z" for UTC/GMT).
    fn zone(&self, q: usize) -> (usize, &'static str) {
        if self.is_any(q, TIME_ZONES) && self.raw(q).chars().all(|c| c.is_ascii_uppercase()) {
            (q + 1, if self.is_any(q, &["utc", "gmt"]) { "Z" } else { "" })
        } else {
            (q, "")
        }
    }

    /// Years, decades, centuries: "1998", "fiscal 1998", "the 1990s",
    /// "the '90s", "the early 1990s", "the 20th century".
    fn year(&self, i: usize) -> Option<M> {
        let mut p = i;
        let the = self.is(p, "the");
        if the {
            p += 1;
        }
        // Decade modifiers inside the determiner: "the early 1990s".
        let inner = p;
        if the && self.is_any(p, &["early", "late", "mid"]) {
            p += 1;
            if self.is(p, "-") && self.tight(p) {
                p += 1;
            }
        }
        // Decades.
        let mut q = p;
        if self.is(q, "'") || self.is(q, "’") {
            q += 1;
        }
        let l = self.low(q);
        if let Some(digits) = l.strip_suffix(b"s").or_else(|| l.strip_suffix(b"'s")) {
            // ASCII digits only: a `str` too.
            if let Some(digits) = core::str::from_utf8(digits).ok().filter(|d| d.bytes().all(|b| b.is_ascii_digit())) {
                let v = match digits.len() {
                    4 if digits.ends_with('0') => {
                        if digits.ends_with("00") {
                            Some(digits[..2].to_string())
                        } else {
                            Some(digits[..3].to_string())
                        }
                    }
                    2 if digits.ends_with('0') && q > p => Some(format!("19{}", &digits[..1])),
                    2 if digits.ends_with('0') && (the || i > 0 && self.is_any(i - 1, &["and", "or", "the"])) => {
                        Some(format!("19{}", &digits[..1]))
                    }
                    _ => None,
                };
                if let Some(v) = v {
                    return m(i, q + 1, DateType::Date, v);
                }
            }
        }
        if p != inner {
            return None;
        }
        // Centuries: "the 20th century", "the nineteenth century". The
        // word "century" first: it is rarer than the ordinals.
        let q = if self.is(p + 1, "-") { p + 2 } else { p + 1 };
        if self.is(q, "century") {
            let ord =
                self.day_at(p).map(|(d, _)| d as u32).or_else(|| self.word(p).map(|w| w.ordinal).filter(|&o| o > 0));
            if let Some(o) = ord.filter(|&o| o > 0) {
                return m(i, q + 1, DateType::Date, format!("{:02}", o - 1));
            }
        }
        if the {
            return None;
        }
        // "fiscal 1998", "fiscal year 1998".
        if self.is(i, "fiscal") {
            let q = if self.is(i + 1, "year") { i + 2 } else { i + 1 };
            let (y, r) = self.year_at(q)?;
            return m(i, r, DateType::Date, resolve::year(y));
        }
        let (y, r) = self.year_at(i)?;
        // Guards: prices, counts, parts of bigger numbers, scores.
        if i > 0
            && (self.is_any(i - 1, &["$", "£", "€", "#", "no", "nos", "number"])
                || self.tight(i)
                    && self.kind(i - 1) != Some(TokenKind::Word)
                    && !self.is_any(i - 1, &["(", "-", "–", "'"]))
        {
            return None;
        }
        if self.tight(r)
            && self.is_any(r, &[",", "."])
            && self.tight(r + 1)
            && self.kind(r + 1) == Some(TokenKind::Number)
        {
            return None;
        }
        if self.tight(r)
            && self.is_any(r, &["-", ":", "/", "%"])
            && self.kind(r + 1) == Some(TokenKind::Number)
            && !(self.is(r, "-") && self.len(r + 1) == 2)
        {
            return None;
        }
        if self.is_any(r, &["%", "percent", "per", "million", "billion", "thousand"]) {
            return None;
        }
        let prev_ok = i > 0
            && (self.is_any(i - 1, CAL_PREV)
                || self.is_any(i - 1, &["the", "its", "his", "her", "their", "our", "year", "'s"])
                || self.raw(i - 1).ends_with("'s")
                || self.word(i - 1).is_some_and(|w| w.season.is_some() || w.month > 0));
        let next_ok = r >= self.n()
            || self.kind(r) == Some(TokenKind::Punct)
            || self.is_any(r, YEAR_NEXT)
            || self.cap(r) && self.kind(r) == Some(TokenKind::Word);
        // Outside 1600–2100 a number needs a calendar word before it.
        if !prev_ok && (!next_ok || !(1600..=2100).contains(&y)) {
            return None;
        }
        m(i, r, DateType::Date, resolve::year(y))
    }

    /// A weekday name, optionally with a part of day: "Tuesday",
    /// "Friday night".
    fn weekday(&self, i: usize) -> Option<M> {
        let w = self.word(i)?;
        if w.weekday == 0 || !self.cap(i) {
            return None;
        }
        let mut q = i + 1;
        if w.weekday_abbr {
            // "Tues." only with its period; "Sun."/"Sat." only before a date.
            if !(self.tight(q) && self.is(q, ".")) {
                return None;
            }
            q += 1;
            if matches!(w.weekday, 6 | 7) && self.day_at(q).is_none() && self.month_at(q).is_none() {
                return None;
            }
        }
        let part = self.word(q).and_then(|w| w.part).filter(|_| self.kind(q) == Some(TokenKind::Word) && !self.cap(q));
        // "Wednesday's ruling" names an event that has happened (news
        // annotation has them past or today), whatever the verb.
        let raw = self.raw(i);
        let tense = if raw.ends_with("'s") || raw.ends_with("’s") { Tense::Past } else { self.tense(i) };
        let date = match self.reference {
            Some(r) => resolve::date(self.weekday_date(r, w.weekday, tense)),
            None => format!("XXXX-WXX-{}", w.weekday),
        };
        match part {
            // News corpora annotate "Friday night" as a DATE more often
            // than as a TIME; the value keeps the part of day.
            Some(p) => m(i, q + 1, DateType::Date, resolve::with_time(date, p)),
            None => m(i, q, DateType::Date, date),
        }
    }

    /// [`resolve::weekday`], remembered (see [`Scanner::weekdays`]).
    fn weekday_date(&self, reference: Date, wd: u8, tense: Tense) -> Date {
        let slot = self.weekdays.get(usize::from(wd) * 3 + tense as usize);
        if let Some(d) = slot.and_then(core::cell::Cell::get) {
            return d;
        }
        let d = resolve::weekday(reference, wd, tense);
        if let Some(slot) = slot {
            slot.set(Some(d));
        }
        d
    }

    /// Relative dates: "today", "yesterday morning", "last year", "this
    /// week", "next Tuesday", "the past three years", "two weeks ago".
    /// `count` is [`Scanner::quantity`] at `i`.
    fn relative(&self, i: usize, count: Option<Count>) -> Option<M> {
        let r = self.reference;
        let day = |n: i64| match r {
            Some(r) => resolve::date(r.add_days(n)),
            None => "XXXX-XX-XX".to_string(),
        };
        let l = strip_possessive(self.low(i));
        let offset = match l {
            b"today" => Some(0),
            b"yesterday" => Some(-1),
            b"tomorrow" => Some(1),
            b"tonight" => {
                return m(i, i + 1, DateType::Date, resolve::with_time(day(0), "NI"));
            }
            _ => None,
        };
        if let Some(off) = offset {
            if let Some(part) = self.word(i + 1).and_then(|w| w.part) {
                return m(i, i + 2, DateType::Date, resolve::with_time(day(off), part));
            }
            return m(i, i + 1, DateType::Date, day(off));
        }
        // "two weeks ago", "a year ago".
        if let Some(mt) = self.ago(i, count) {
            return Some(mt);
        }
        let mut p = i;
        let the = self.is(p, "the");
        if the {
            p += 1;
        }
        let step: i64 = match self.low(p) {
            b"this" | b"current" | b"present" if !the || self.is(p, "current") => 0,
            b"last" | b"past" | b"previous" | b"preceding" | b"recent" => -1,
            b"first" if the => -1,
            b"next" | b"coming" | b"following" | b"upcoming" => 1,
            _ => return None,
        };
        let key = self.low(p);
        let q = p + 1;
        // Numbered: "the past three years", "the next few days".
        if let Some((n, q2)) = self.quantity(q) {
            if let Some((unit, plural)) = self.word(q2).and_then(|w| w.unit) {
                if n.is_none() && step != 0 && key != b"first" {
                    let (kind, value) = self.vague_span(i, step, unit);
                    return m(i, q2 + 1, kind, value);
                }
                if plural || n == Some(1.0) {
                    return m(i, q2 + 1, DateType::Duration, unit.duration(n));
                }
            }
        }
        if key == b"first" {
            return None;
        }
        let w = self.word(q);
        // "recent years", "the coming weeks".
        if let Some((unit, plural)) = w.and_then(|w| w.unit) {
            if plural {
                if key == b"this" {
                    return None;
                }
                let (kind, value) = self.vague_span(i, step, unit);
                return m(i, q + 1, kind, value);
            }
            if key == b"recent" {
                return None;
            }
            // "the next day" is a date (seen from the story), "the next
            // week" a length of time. The story's time is the last date
            // it named, the reference when none.
            let told = Some(Anaphor::Step(unit, step));
            if the && matches!(key, b"next" | b"following" | b"previous") && unit == Unit::Day {
                let value = resolve::shift(r, unit, step)?;
                return Some(M { start: i, end: q + 1, kind: DateType::Date, value, anaphor: told });
            }
            if the && matches!(key, b"following" | b"previous" | b"preceding") && unit != Unit::Weekend {
                let value = resolve::shift(r, unit, step)?;
                return Some(M { start: i, end: q + 1, kind: DateType::Date, value, anaphor: told });
            }
            // "in the past year", "the last decade": the calendar unit
            // before this one, as TimeBank and MEANTIME both mostly write
            // it (1988, 198), not a year's length.
            if the
                && matches!(key, b"past" | b"last")
                && matches!(unit, Unit::Week | Unit::Month | Unit::Quarter | Unit::Year | Unit::Decade | Unit::Century)
            {
                return m(i, q + 1, DateType::Date, resolve::shift(r, unit, -1)?);
            }
            if the && matches!(key, b"past" | b"last" | b"next" | b"coming") && !matches!(unit, Unit::Weekend) {
                return m(i, q + 1, DateType::Duration, unit.duration(Some(1.0)));
            }
            if key == b"past" && !the {
                return m(i, q + 1, DateType::Duration, unit.duration(Some(1.0)));
            }
            let value = resolve::shift(r, unit, step)?;
            return m(i, q + 1, DateType::Date, value);
        }
        if the || key == b"recent" {
            return None;
        }
        let w = w?;
        // Only "this" reads the verb ("this Tuesday" may be either way);
        // "last" and "next" point by themselves.
        let tense = || if step == 0 { self.tense(i) } else { Tense::Unknown };
        if w.weekday > 0 && self.cap(q) && !w.weekday_abbr {
            let v = match r {
                Some(r) => resolve::date(resolve::weekday_step(r, w.weekday, step, tense())),
                None => format!("XXXX-WXX-{}", w.weekday),
            };
            if let Some(part) = self.word(q + 1).and_then(|w| w.part) {
                return m(i, q + 2, DateType::Time, resolve::with_time(v, part));
            }
            return m(i, q + 1, DateType::Date, v);
        }
        if w.month > 0 && self.cap(q) && !w.month_abbr {
            let v = match r {
                Some(r) => resolve::ym(resolve::month_year(r, w.month, step, tense()), w.month),
                None => format!("XXXX-{:02}", w.month),
            };
            return m(i, q + 1, DateType::Date, v);
        }
        if let Some(s) = w.season {
            let v = match r {
                Some(r) => format!("{}-{s}", resolve::year(resolve::season_year(r, s, step))),
                None => format!("XXXX-{s}"),
            };
            return m(i, q + 1, DateType::Date, v);
        }
        if let Some(part) = w.part {
            // "this morning", "last night".
            let off = if step < 0 {
                -1
            } else if step > 0 {
                1
            } else {
                0
            };
            return m(i, q + 1, DateType::Time, resolve::with_time(day(off), part));
        }
        None
    }

    /// "recent years", "the past few months", "coming weeks" at `i`: after
    /// "for", "over", "within" the phrase measures a stretch of unknown
    /// length, a DURATION `PXY`, `PXM`…; elsewhere ("in recent years") it
    /// only places an event, a DATE `PAST_REF` or `FUTURE_REF`. TimeBank
    /// is split on the second kind, MEANTIME writes `PAST_REF`.
    fn vague_span(&self, i: usize, step: i64, unit: Unit) -> (DateType, String) {
        if i > 0 && self.is_any(i - 1, &["for", "over", "within", "during", "throughout"]) {
            (DateType::Duration, unit.duration(None))
        } else {
            (DateType::Date, if step < 0 { "PAST_REF" } else { "FUTURE_REF" }.to_string())
        }
    }

    /// "two weeks ago", "a year ago", "three days earlier" is left a
    /// duration.
    fn ago(&self, i: usize, count: Option<Count>) -> Option<M> {
        let (n, q) = count?;
        let q = if self.is(q, "-") { q + 1 } else { q };
        let (unit, _) = self.word(q)?.unit?;
        // "a year earlier" is a date too, though its anchor may be an event.
        let sign = match self.low(q + 1) {
            b"ago" | b"earlier" => -1.0,
            // "three days later" is counted from a story event, not from
            // the reference: a length of time (see `duration`).
            b"hence" => 1.0,
            _ => return None,
        };
        let n = n.map(|v| v * sign);
        let value = match (self.reference, n) {
            (Some(_), Some(n)) => resolve::shift(self.reference, unit, n.round() as i64)?,
            (Some(_), None) => "PAST_REF".to_string(),
            (None, _) => resolve::shift(None, unit, 0)?,
        };
        // "ago" counts from the time of writing, "earlier" from the time
        // the story is at: the last date it named.
        let anaphor = match n {
            Some(n) if n.fract() != 0.0 => None,
            Some(n) if self.is(q + 1, "earlier") => Some(Anaphor::Shift(unit, n as i64)),
            Some(n) if self.is(q + 1, "ago") => Some(Anaphor::Ago(unit, n as i64)),
            _ => None,
        };
        Some(M { start: i, end: q + 2, kind: DateType::Date, value, anaphor })
    }

    /// A count at `i`: digits, number words ("twenty-four"), "a"/"an",
    /// "a few", "several", "a couple of". Returns (value, next index);
    /// value `None` = unknown count.
    fn quantity(&self, i: usize) -> Option<Count> {
        let l = self.low(i);
        match l {
            b"a" | b"an" | b"one" => {
                if self.is(i + 1, "few") {
                    return Some((None, i + 2));
                }
                if self.is(i + 1, "couple") && self.is(i + 2, "of") {
                    return Some((Some(2.0), i + 3));
                }
                if self.is(i + 1, "half") {
                    return Some((Some(0.5), i + 2));
                }
                let and_half = self.is(i + 2, "and") && self.is_any(i + 3, &["a", "one"]) && self.is(i + 4, "half");
                let _ = and_half;
                return Some((Some(1.0), i + 1));
            }
            b"half" if self.is_any(i + 1, &["a", "an"]) => return Some((Some(0.5), i + 2)),
            // "the next couple of years": two, as "a couple of" is.
            b"couple" => return Some((Some(2.0), if self.is(i + 1, "of") { i + 2 } else { i + 1 })),
            b"several" | b"few" | b"many" | b"some" => return Some((None, i + 1)),
            _ => {}
        }
        if let Some(v) = self.num(i, 6) {
            // Not "1,000" or "2.5" halves of a bigger number.
            if i > 0 && self.tight(i) && self.is_any(i - 1, &[",", "."]) {
                return None;
            }
            if self.tight(i + 1)
                && self.is_any(i + 1, &[",", "."])
                && self.tight(i + 2)
                && self.kind(i + 2) == Some(TokenKind::Number)
            {
                if self.is(i + 1, ".") && self.len(i + 2) <= 2 {
                    // "0.25" parsed and 25 / 100 are the same double: both
                    // are the exact value correctly rounded.
                    let digits = self.raw(i + 2);
                    let frac = self.num(i + 2, 2)? as f64 / if digits.len() == 2 { 100.0 } else { 10.0 };
                    return Some((Some(v as f64 + frac), i + 3));
                }
                return None;
            }
            // "2 1/2 years"
            if self.num(i + 1, 1) == Some(1)
                && self.tight(i + 2)
                && self.is(i + 2, "/")
                && self.tight(i + 3)
                && self.num(i + 3, 1) == Some(2)
            {
                return Some((Some(v as f64 + 0.5), i + 4));
            }
            return Some((Some(v as f64), i + 1));
        }
        let w = self.word(i)?;
        if w.number == 0 {
            return None;
        }
        let mut v = w.number;
        let mut q = i + 1;
        // "twenty-four", and "twenty four" as transcripts write it.
        if (20..100).contains(&v) && v % 10 == 0 {
            let o = if self.is(q, "-") && self.tight(q) { q + 1 } else { q };
            if let Some(ones) = self.word(o).map(|w| w.number).filter(|&d| (1..10).contains(&d)) {
                v += ones;
                q = o + 1;
            }
        }
        Some((Some(v as f64), q))
    }

    /// Durations: "three years", "44-day", "a decade", "30-year-long",
    /// "57 years old", "two and a half hours". `count` is
    /// [`Scanner::quantity`] at `i`.
    fn duration(&self, i: usize, count: Option<Count>) -> Option<M> {
        let (mut n, mut q) = count?;
        // "two and a half years"
        if self.is(q, "and") && self.is_any(q + 1, &["a", "one"]) && self.is(q + 2, "half") {
            n = n.map(|v| v + 0.5);
            q += 3;
        }
        let hyphen = self.is(q, "-") && self.tight(q);
        if hyphen {
            q += 1;
        }
        if self.is(q, "more") && !hyphen {
            q += 1;
        }
        let (unit, plural) = self.word(q)?.unit?;
        if self.kind(q) != Some(TokenKind::Word) {
            return None;
        }
        let numeric = self.kind(i) == Some(TokenKind::Number);
        // "a five year low": a count with a singular unit before a noun.
        let adjective = n.is_some_and(|v| v > 1.0)
            && self.kind(q + 1) == Some(TokenKind::Word)
            && !self.cap(q + 1)
            && self.word(q + 1).is_none();
        if !plural && !hyphen && !adjective && n != Some(1.0) && n != Some(0.5) {
            return None;
        }
        if plural && n == Some(1.0) && self.is_any(i, &["a", "an"]) {
            return None;
        }
        // "a second term": the ordinal, not the unit.
        if unit == Unit::Second && !plural && self.kind(q + 1) == Some(TokenKind::Word) && !numeric {
            return None;
        }
        // "a day" after "once", "twice", "3 percent": a rate, see `set`.
        if self.is_any(i, &["a", "an"])
            && i > 0
            && (self.is_any(i - 1, &["once", "twice", "thrice", "times", "percent", "%"])
                || self.kind(i - 1) == Some(TokenKind::Number)
                || self.plural_noun(i - 1) && q == i + 1)
        {
            return None;
        }
        // "three-quarters of its food", "a quarter of the market": a
        // fraction of a whole, not three months ("several quarters of
        // losses" is time; "the first quarter of 1990" an ordinal, see
        // `quarter`).
        const WHOLE: &[&str] = &[
            "the", "its", "their", "his", "her", "our", "all", "a", "an", "this", "that", "these", "those", "them",
            "it",
        ];
        if unit == Unit::Quarter && n.is_some() && self.is(q + 1, "of") && self.is_any(q + 2, WHOLE) {
            return None;
        }
        let mut end = q + 1;
        // "a year-earlier loss": the adjective is a date, see `period`.
        if self.tight(end) && self.is(end, "-") && self.is_any(end + 1, &["earlier", "ago", "end"]) {
            return None;
        }
        // "a year and a half"
        if self.is(end, "and") && self.is(end + 1, "a") && self.is(end + 2, "half") {
            n = n.map(|v| v + 0.5);
            end += 3;
        }
        // Ages ("a 44-year-old", "37 years old") describe a person, not a
        // time: TimeML leaves them out. "30-year-long" keeps its suffix.
        if self.is_any(end, &["-", "old"]) && (self.is(end, "old") || self.is(end + 1, "old")) {
            return None;
        }
        if self.is(end, "-") && self.tight(end) && self.is(end + 1, "long") {
            end += 2;
        }
        m(i, end, DateType::Duration, unit.duration(n))
    }

    /// Recurrences: "every Friday", "each year", "every two weeks",
    /// "annually", "a year" after a rate.
    fn set(&self, i: usize) -> Option<M> {
        let l = self.low(i);
        let adverb = match l {
            b"annually" | b"yearly" => Some("P1Y"),
            b"quarterly" => Some("P3M"),
            b"monthly" => Some("P1M"),
            b"weekly" => Some("P1W"),
            b"daily" => Some("P1D"),
            b"hourly" => Some("PT1H"),
            b"nightly" => Some("XXXX-XX-XXTNI"),
            _ => None,
        };
        // "its quarterly dividend", "the Party daily": adjectives and
        // nouns, not recurrences.
        let adjective = i > 0
            && (self.is_any(i - 1, &["its", "the", "a", "an", "their", "his", "her", "first", "initial", "average"])
                || self.raw(i - 1).ends_with("'s")
                || self.cap(i - 1) && !self.line_start(i))
            || self.kind(i + 1) == Some(TokenKind::Word) && !self.cap(i + 1) && l != b"annually" && l != b"yearly";
        if let Some(v) = adverb.filter(|_| !adjective) {
            return m(i, i + 1, DateType::Set, v.to_string());
        }
        if matches!(l, b"every" | b"each" | b"per") {
            let mut q = i + 1;
            if self.is(q, "other") {
                q += 1;
            }
            let (n, q) = match self.quantity(q) {
                Some((n, q2)) if !self.is_any(q, &["a", "an"]) => (n, q2),
                _ => (Some(1.0), q),
            };
            let w = self.word(q)?;
            if let Some((unit, _)) = w.unit {
                let n = if self.is(i + 1, "other") { n.map(|v| v * 2.0) } else { n };
                return m(i, q + 1, DateType::Set, unit.duration(n));
            }
            if l != b"per" && w.weekday > 0 && self.cap(q) {
                if let Some(part) = self.word(q + 1).and_then(|w| w.part) {
                    return m(i, q + 2, DateType::Set, format!("XXXX-WXX-{}T{part}", w.weekday));
                }
                return m(i, q + 1, DateType::Set, format!("XXXX-WXX-{}", w.weekday));
            }
            if let Some(part) = w.part {
                return m(i, q + 1, DateType::Set, format!("XXXX-XX-XXT{part}"));
            }
            if l != b"per" && w.month > 0 && self.cap(q) {
                return m(i, q + 1, DateType::Set, format!("XXXX-{:02}", w.month));
            }
            return None;
        }
        // "twice a year", "$5 billion a year", "3% a year".
        if matches!(l, b"a" | b"an") && i > 0 && (self.is_any(i - 1, &["once", "twice", "thrice", "times"])) {
            let (unit, plural) = self.word(i + 1)?.unit?;
            if !plural {
                return m(i, i + 2, DateType::Set, unit.duration(Some(1.0)));
            }
        }
        None
    }

    /// Vague references: "now", "currently", "recently", "the past", "the
    /// future", "these days".
    fn vague(&self, i: usize) -> Option<M> {
        let l = self.low(i);
        let v = match l {
            b"now" | b"currently" | b"nowadays" => "PRESENT_REF",
            b"recently" | b"lately" => "PAST_REF",
            // "soon" and the adjective "recent" are left out: news
            // annotation marks them far less often than it uses them.
            b"these" if self.is(i + 1, "days") => return m(i, i + 2, DateType::Date, "PRESENT_REF".into()),
            b"the" => {
                let mut q = i + 1;
                if self.is_any(q, &["near", "distant", "recent", "immediate"]) {
                    q += 1;
                }
                let v = match self.low(q) {
                    b"past" => "PAST_REF",
                    b"future" => "FUTURE_REF",
                    b"present" => "PRESENT_REF",
                    // "in the short term", "for the long term".
                    b"term" if q == i + 2 && self.is_any(i + 1, &["near", "short", "long"]) => "FUTURE_REF",
                    b"near" | b"short" | b"long" if self.is(q + 1, "term") => {
                        return m(i, q + 2, DateType::Date, "FUTURE_REF".into())
                    }
                    _ => return None,
                };
                return m(i, q + 1, DateType::Date, v.into());
            }
            _ => return None,
        };
        // "now" as a discourse marker at a clause start still counts in
        // TimeML; but not inside "now-defunct"-style compounds.
        if self.tight(i + 1) && self.is(i + 1, "-") {
            return None;
        }
        m(i, i + 1, DateType::Date, v.into())
    }

    /// Quarters and halves: "the third quarter", "third-quarter", "the
    /// first half of 1998", "the fourth quarter of fiscal 2021".
    fn quarter(&self, i: usize) -> Option<M> {
        let mut p = i;
        let mut year_before = None;
        if self.is(p, "the") {
            p += 1;
            // "the 1988 second quarter", "the year-ago third quarter"
            if let Some((y, q)) = self.year_at(p) {
                year_before = Some(y);
                p = q;
            } else if self.is(p, "year")
                && self.tight(p + 1)
                && self.is(p + 1, "-")
                && self.is_any(p + 2, &["ago", "earlier"])
            {
                if let Some(r) = self.reference {
                    year_before = Some(r.year() - 1);
                    p += 3;
                }
            }
        }
        // "the 1988 quarter", "the 1989 period": the reporting period the
        // story is at, in that year (the year alone when it is at none).
        if let Some(y) = year_before.filter(|_| self.is_any(p, &["quarter", "period"])) {
            let (value, anaphor) = (resolve::year(y), Some(Anaphor::InYear(y)));
            return Some(M { start: i, end: p + 1, kind: DateType::Date, value, anaphor });
        }
        // "next year's first quarter", "last year's fourth quarter"
        if let (Some(step), Some(r)) = (self.year_step(p), self.reference) {
            if self.is(p + 1, "year's") || self.is(p + 1, "year’s") {
                year_before = Some(r.year() + step);
                p += 2;
            }
        }
        let ord = self
            .word(p)
            .map(|w| w.ordinal)
            .filter(|&o| o > 0)
            .or_else(|| (p > i && self.is_any(p, &["last", "final"])).then_some(4))
            .or_else(|| self.day_at(p).filter(|_| self.kind(p) == Some(TokenKind::Word)).map(|(d, _)| d as u32))?;
        let ord = if p > i && self.is_any(p, &["last", "final"]) { 4 } else { ord };
        let mut q = p + 1;
        if self.is(q, "-") && self.tight(q) {
            q += 1;
        }
        let (code, max) = match self.low(q) {
            b"quarter" => ('Q', 4),
            b"half" => ('H', 2),
            _ => return None,
        };
        // "the last half", "the final quarter": the last one.
        let ord = if p > i && self.is_any(p, &["last", "final"]) { max } else { ord };
        if ord == 0 || ord > max {
            return None;
        }
        let mut end = q + 1;
        let mut year = None;
        if self.is(end, "of") || self.is(end, ",") {
            let mut y = end + 1;
            if self.is(y, "fiscal") {
                y += 1;
            }
            if let Some((yy, r)) = self.year_at(y) {
                year = Some(yy);
                end = r;
            } else if self.is(y, "this") && self.is(y + 1, "year") {
                end = y + 2;
            } else if self.is_any(y, &["last", "next"]) && self.is(y + 1, "year") {
                let step = if self.is(y, "next") { 1 } else { -1 };
                year = self.reference.map(|r| r.year() + step);
                end = y + 2;
            }
        }
        let y = match year.or(year_before).or_else(|| {
            self.reference.map(|r| {
                // A quarter later than the current one, in a past-tense
                // sentence, is last year's.
                let cur = (r.month() as u32 - 1) / (12 / max) + 1;
                if ord > cur && self.tense(i) == Tense::Past {
                    r.year() - 1
                } else {
                    r.year()
                }
            })
        }) {
            Some(y) => resolve::year(y),
            None => "XXXX".into(),
        };
        let mut value = y;
        value.push('-');
        value.push(code);
        resolve::push_digits(&mut value, ord, 1);
        m(i, end, DateType::Date, value)
    }

    /// Expressions whose value depends on the story rather than the
    /// reference date ("that day", "the same year") or is vague ("for
    /// years", "previously", "future generations", "the weekend").
    fn anaphoric(&self, i: usize) -> Option<M> {
        let l = self.low(i);
        // "that day", "that same year", "the same week".
        if l == b"that" || l == b"the" && self.is(i + 1, "same") {
            let q = if self.is(i + 1, "same") { i + 2 } else { i + 1 };
            let (unit, plural) = self.word(q)?.unit?;
            if plural || matches!(unit, Unit::Second | Unit::Minute | Unit::Hour) {
                return None;
            }
            let value = resolve::shift(None, unit, 0)?;
            return Some(M { start: i, end: q + 1, kind: DateType::Date, value, anaphor: Some(Anaphor::Same) });
        }
        // "ended the day up 2%", "for the week, the index fell": the
        // reporting day or week of a market story, the current one (the
        // last date named is more often an earlier one than that day).
        if l == b"the"
            && i > 0
            && self.is_any(i + 1, &["day", "week"])
            && self.is_any(
                i - 1,
                &[
                    "end",
                    "ends",
                    "ending",
                    "ended",
                    "finish",
                    "finishes",
                    "finishing",
                    "finished",
                    "for",
                    "close",
                    "closing",
                ],
            )
        {
            let unit = if self.is(i + 1, "day") { Unit::Day } else { Unit::Week };
            return m(i, i + 2, DateType::Date, resolve::shift(self.reference, unit, 0)?);
        }
        // "over the weekend": the most recent one.
        if l == b"the" && self.is(i + 1, "weekend") {
            let v = match self.reference {
                Some(r) => {
                    let back = (r.weekday() as i64 - 6).rem_euclid(7);
                    format!("{}-WE", resolve::week(r.add_days(-back)))
                }
                None => "XXXX-WXX-WE".into(),
            };
            return m(i, i + 2, DateType::Date, v);
        }
        // "for years", "within weeks", "for centuries", "decades-long".
        if let Some((unit, true)) = self.word(i).and_then(|w| w.unit) {
            if self.tight(i + 1) && self.is(i + 1, "-") && self.is(i + 2, "long") {
                return m(i, i + 3, DateType::Duration, unit.duration(None));
            }
            if i > 0 && self.is_any(i - 1, &["for", "within"]) && !matches!(unit, Unit::Second | Unit::Minute) {
                return m(i, i + 1, DateType::Duration, unit.duration(None));
            }
        }
        // The financial page's "the latest quarter", "the year-ago
        // period", "the fiscal year"; bare "year-earlier", "year-end".
        self.period(i)
    }

    fn period(&self, i: usize) -> Option<M> {
        let the = self.is(i, "the");
        let mut p = if the { i + 1 } else { i };
        let mut back = 0i64; // "year-ago": a year back
        let mut latest = false;
        let mut current = false;
        for _ in 0..3 {
            match self.low(p) {
                b"latest" | b"comparable" | b"same" | b"full" | b"fiscal" | b"current" | b"recent" => {
                    latest |= self.is_any(p, &["latest", "recent"]);
                    current |= self.is(p, "current");
                    p += 1;
                }
                b"year" if self.tight(p + 1) && self.is(p + 1, "-") && self.is_any(p + 2, &["earlier", "ago"]) => {
                    back = 1;
                    p += 3;
                }
                _ => break,
            }
        }
        let r = self.reference;
        if !the {
            if back == 1 && p == i + 3 {
                let value = resolve::shift(r, Unit::Year, -1)?;
                let anaphor = Some(if self.is(i + 2, "ago") {
                    Anaphor::Ago(Unit::Year, -1)
                } else {
                    Anaphor::Shift(Unit::Year, -1)
                });
                return Some(M { start: i, end: p, kind: DateType::Date, value, anaphor });
            }
            if self.is(i, "year") && self.tight(i + 1) && self.is(i + 1, "-") && self.is(i + 2, "end") {
                let v = match r {
                    Some(r) => resolve::ymd(resolve::year_for(r, 12, 31, self.tense(i)), 12, 31),
                    None => "XXXX-12-31".into(),
                };
                return m(i, i + 3, DateType::Date, v);
            }
            return None;
        }
        let (unit, step) = match self.low(p) {
            b"quarter" | b"period" => (Unit::Quarter, if current { 0 } else { -1 - 4 * back }),
            b"year" => (Unit::Year, -back),
            b"month" if back == 0 && p > i + 1 => (Unit::Month, 0),
            b"week" if back == 0 && p > i + 1 => (Unit::Week, 0),
            _ => return None,
        };
        if self.is(p, "period") && p == i + 1 {
            return None;
        }
        let _ = latest;
        // "the year ended March 31": a fiscal year, a length of time.
        if unit == Unit::Year && self.is_any(p + 1, &["ended", "ending"]) {
            return m(i, p + 1, DateType::Duration, "P1Y".into());
        }
        // "the year 1998"
        if unit == Unit::Year {
            if let Some((y, end)) = self.year_at(p + 1) {
                return m(i, end, DateType::Date, resolve::year(y));
            }
        }
        m(i, p + 1, DateType::Date, resolve::shift(r, unit, step)?)
    }

    /// Seasons: "the summer", "in spring", "winter 2009", "the winter of
    /// 1994"; and years written "'82".
    fn season(&self, i: usize) -> Option<M> {
        if (self.is(i, "'") || self.is(i, "’"))
            && self.tight(i + 1)
            && self.len(i + 1) == 2
            && i > 0
            && self.is_any(i - 1, CAL_PREV)
        {
            let y = self.num(i + 1, 2)? as i32;
            let y = if y >= 30 { 1900 + y } else { 2000 + y };
            return m(i, i + 2, DateType::Date, resolve::year(y));
        }
        let the = self.is(i, "the");
        let p = if the { i + 1 } else { i };
        let code = self.word(p)?.season?;
        let prev_ok = the
            || i > 0
                && self.is_any(
                    i - 1,
                    &["in", "since", "during", "until", "by", "of", "early", "late", "mid", "through", "this", "'s"],
                );
        let q = if self.is(p + 1, "of") { p + 2 } else { p + 1 };
        if let Some((y, end)) = self.year_at(q) {
            return m(i, end, DateType::Date, format!("{}-{code}", resolve::year(y)));
        }
        // "fall" is more often the verb.
        if !prev_ok
            || self.is(p, "fall") && !the
            || self.kind(p + 1) == Some(TokenKind::Word) && !self.cap(p + 1) && self.word(p + 1).is_none() && !the
        {
            return None;
        }
        let v = match self.reference {
            Some(r) => format!("{}-{code}", resolve::year(r.year())),
            None => format!("XXXX-{code}"),
        };
        m(i, p + 1, DateType::Date, v)
    }

    /// Years spoken in words, as in broadcast transcripts: "nineteen
    /// ninety-six", "the year two thousand".
    fn spoken_year(&self, i: usize) -> Option<M> {
        let (start, p) = if self.is(i, "the") && self.is(i + 1, "year") { (i, i + 2) } else { (i, i) };
        if self.is(p, "two") && self.is(p + 1, "thousand") {
            let mut end = p + 2;
            let mut y = 2000;
            if self.is(end, "and") {
                if let Some(w) = self.word(end + 1).filter(|w| (1..10).contains(&w.number)) {
                    y += w.number;
                    end += 2;
                }
            }
            if start == p && !(p > 0 && self.is_any(p - 1, CAL_PREV)) {
                return None;
            }
            return m(start, end, DateType::Date, resolve::year(y as i32));
        }
        let century = self.word(p).map(|w| w.number).filter(|n| (10..=20).contains(n))?;
        let (rest, end) = self.quantity(p + 1)?;
        let rest = rest? as u32;
        if !(10..100).contains(&rest) || self.kind(p + 1) != Some(TokenKind::Word) {
            return None;
        }
        m(start, end, DateType::Date, resolve::year((century * 100 + rest) as i32))
    }

    /// Holidays from the lexicon: "Christmas", "Thanksgiving Day".
    // Out of line: inlined into `core`, the browser compiled it with `core`
    // for every text, holidays or none.
    #[inline(never)]
    fn holiday(&self, i: usize) -> Option<M> {
        if !self.cap(i) {
            return None;
        }
        for (toks, rule) in holidays() {
            if toks.iter().enumerate().all(|(k, t)| self.low(i + k) == t.as_bytes()) {
                let end = i + toks.len();
                // Without a year, the holiday nearest in the sentence's
                // tense: "was found Thanksgiving Day" is the last one.
                let (mo, d) = match rule {
                    Rule::Fixed(mo, d) => (*mo, *d),
                    Rule::Nth(_, _, mo) => (*mo, 15),
                    Rule::Easter(_) => (4, 1),
                };
                let mut y = self.reference.map(|r| resolve::year_for(r, mo, d, self.tense(i)));
                if let Some((yy, _)) = self.year_at(end) {
                    y = Some(yy);
                }
                let value = match y {
                    None => match rule {
                        Rule::Fixed(mo, d) => format!("XXXX-{mo:02}-{d:02}"),
                        _ => "XXXX-XX-XX".into(),
                    },
                    Some(y) => match rule {
                        Rule::Fixed(mo, d) => resolve::ymd(y, *mo, *d),
                        Rule::Nth(n, wd, mo) => resolve::nth_weekday(y, *mo, *wd, *n)?.to_string(),
                        Rule::Easter(off) => resolve::easter(y)?.add_days(*off as i64).to_string(),
                    },
                };
                let end = match self.year_at(end) {
                    Some((_, r)) => r,
                    None => end,
                };
                return m(i, end, DateType::Date, value);
            }
        }
        None
    }
}

/// The longest word looked up; longer tokens are no date word. The table's
/// keys are [`pack_word`]s, which hold up to this many bytes.
const MAX_KEY: usize = 16;

/// What one lookup tells about a word.
#[derive(Clone, Copy, Default)]
struct Entry {
    /// Its lexicon entry: 1 + its index in [`Table::words`], or 0.
    word: u8,
    /// Start strength (see [`start_words`]; lexicon words are strong).
    strength: u8,
    /// The pattern families it may begin (see [`family`]).
    families: family::Class,
    /// The families a "the" before it may try (see [`Tag::after_the`]).
    after_the: u16,
}

/// The word lexicon, the start words and the family words in one map,
/// keyed as tokens are looked up (lower case, possessive "'s" stripped).
struct Table {
    /// Per key length, first byte and last byte (both mod 32, see
    /// [`bucket`]): 1 + the index in `entries` of the first key with
    /// them, or 0. About two words in three find 0 and stop there; the
    /// others compare a key or two, with no hashing: a few hundred keys
    /// share few of these 17 408 buckets.
    buckets: Vec<u16>,
    /// The keys, as [`pack_word`]s (comparing a number costs a fraction
    /// of comparing a byte string), their entries, and 1 + the index of
    /// the next key of the same bucket, or 0.
    entries: Vec<(u128, Entry, u16)>,
    /// The lexicon entries, for [`Entry::word`].
    words: Vec<Word>,
}

/// The bucket of a key of `len` bytes (1 to [`MAX_KEY`]) from `first` to
/// `last` (see [`Table::buckets`]).
#[inline]
fn bucket(len: usize, first: u8, last: u8) -> usize {
    len << 10 | usize::from(first & 31) << 5 | usize::from(last & 31)
}

impl Table {
    /// The entry of the lower-case word `text[at..at + len]`, possessive
    /// stripped.
    #[inline]
    fn get_in(&self, text: &[u8], at: usize, len: usize) -> Option<&Entry> {
        if len > MAX_KEY {
            return None;
        }
        let key = strip_possessive(text.get(at..at + len)?);
        let (&first, &last) = (key.first()?, key.last()?);
        let mut next = *self.buckets.get(bucket(key.len(), first, last))?;
        if next == 0 {
            return None;
        }
        // The key's `pack_word`, read as 16 bytes at once where the text
        // goes on that far and the bytes past the key masked off: copying
        // just the key's bytes is a library call that cost as much as the
        // rest of the lookup. (`key.len()` is 1 to 16: no bucket holds
        // other lengths.)
        let packed = match text.get(at..at + 16).and_then(|w| <[u8; 16]>::try_from(w).ok()) {
            Some(w) => u128::from_le_bytes(w) & u128::MAX >> (128 - 8 * key.len()),
            None => pack_word(key)?,
        };
        while let Some((k, e, after)) = self.entries.get(usize::from(next).wrapping_sub(1)) {
            if *k == packed {
                return Some(e);
            }
            next = *after;
        }
        None
    }
}

fn table() -> &'static Table {
    static TABLE: std::sync::OnceLock<Table> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        // Sized for every word at once: growing the maps as they fill
        // cost as much as filling them (a cost every page load pays).
        let mut entries: FxMap<&'static [u8], Entry> = FxMap::with_capacity_and_hasher(512, Default::default());
        for (w, s) in start_words() {
            entries.entry(w.as_bytes()).or_default().strength = *s;
        }
        let mut words = Vec::new();
        for (w, e) in super::words::words() {
            words.push(*e);
            let entry = entries.entry(w.as_bytes()).or_default();
            entry.word = u8::try_from(words.len()).expect("at most 255 words in data/dates_words.txt");
            entry.strength = 2;
            entry.families |= family::of_word(e);
            entry.after_the |= family::after_the_of_word(e);
        }
        for (ws, f) in family::WORDS {
            for w in *ws {
                entries.entry(strip_possessive(w.as_bytes())).or_default().families |= f;
            }
        }
        for (ws, f) in family::AFTER_THE_WORDS {
            for w in *ws {
                entries.entry(w.as_bytes()).or_default().after_the |= (f & family::THE) as u16;
            }
        }
        for (toks, _) in holidays() {
            entries.entry(strip_possessive(toks[0].as_bytes())).or_default().families |= family::HOLIDAY;
        }
        let mut buckets = vec![0u16; bucket(MAX_KEY, 31, 31) + 1];
        let mut list = Vec::with_capacity(entries.len());
        for (k, mut e) in entries {
            e.families |= family::KNOWN;
            // Longer keys are never looked up.
            if let (Some(&first), Some(&last), Some(packed)) = (k.first(), k.last(), pack_word(k)) {
                // Pushed in front of its bucket's list.
                let b = &mut buckets[bucket(k.len(), first, last)];
                list.push((packed, e, *b));
                *b = u16::try_from(list.len()).expect("fewer than 65 536 words in the table");
            }
        }
        Table { buckets, entries: list, words }
    })
}

/// Words that may begin an expression: 2 = by themselves ("today",
/// "now", "Christmas"), 1 = only shortly before one of those or a number
/// ("the", "last", "nearly").
fn start_words() -> &'static FxMap<&'static str, u8> {
    static STARTS: std::sync::OnceLock<FxMap<&'static str, u8>> = std::sync::OnceLock::new();
    STARTS.get_or_init(|| {
        let strong = [
            "today",
            "yesterday",
            "tomorrow",
            "tonight",
            "now",
            "currently",
            "nowadays",
            "recently",
            "lately",
            "recent",
            "past",
            "future",
            "present",
            // Ends "the short term": makes the "the" before it a start.
            "term",
            "noon",
            "midday",
            "midnight",
            "annually",
            "yearly",
            "quarterly",
            "monthly",
            "weekly",
            "daily",
            "hourly",
            "nightly",
            "period",
        ];
        let weak = [
            "the",
            "this",
            "last",
            "next",
            "previous",
            "preceding",
            "first",
            "final",
            "coming",
            "following",
            "upcoming",
            "current",
            "a",
            "an",
            "that",
            "these",
            "every",
            "each",
            "per",
            "half",
            "several",
            "few",
            "many",
            "some",
            "couple",
            "early",
            "late",
            "mid",
            "earlier",
            "later",
            "nearly",
            "fully",
            "roughly",
            "more",
            "less",
            "fewer",
            "at",
            "up",
            "latest",
            "comparable",
            "same",
            "full",
            "fiscal",
        ];
        let mut map: FxMap<&'static str, u8> = FxMap::with_capacity_and_hasher(128, Default::default());
        map.extend(weak.iter().map(|w| (*w, 1)));
        map.extend(strong.iter().map(|w| (*w, 2)));
        for (toks, _) in holidays() {
            map.insert(toks[0], 2);
        }
        map
    })
}

/// `w` without a possessive "'s" or "’s".
fn strip_possessive(w: &[u8]) -> &[u8] {
    w.strip_suffix(b"'s").or_else(|| w.strip_suffix("’s".as_bytes())).unwrap_or(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A long text is scanned one window at a time; a window may start or
    /// end anywhere, even inside an expression, and the scan still finds
    /// what it finds in every copy of the same paragraph. Padding shifts
    /// the paragraphs against the windows, one token at a time.
    #[test]
    fn windows_find_the_same_in_every_copy() {
        let para = "On Tuesday, March 3, 2020, the board met at 10 a.m. for two hours; \
                    the past three years were hard, it said last week.\n\n";
        let per_para = Document::new(para).tokens.len();
        let copies = (WINDOW + AHEAD) / per_para + 2;
        for pad in 0..per_para {
            let text = format!("{}\n\n{}", "word ".repeat(pad), para.repeat(copies));
            let doc = Document::new(&text);
            assert!(doc.tokens.len() > WINDOW + AHEAD);
            let found = Scanner::new(&doc, Date::new(2020, 11, 5)).find_all();
            // Per copy (the first excepted: nothing precedes it), what was
            // found, relative to the copy's start.
            let base = text.len() - para.len() * copies;
            let mut per_copy = vec![Vec::new(); copies];
            for t in &found {
                let k = t.span.start.saturating_sub(base) / para.len();
                let at = base + k * para.len();
                per_copy[k].push((t.span.start - at, t.span.end - at, t.value.clone()));
            }
            assert!(per_copy[1].len() >= 5, "{:?}", per_copy[1]);
            for (k, c) in per_copy.iter().enumerate().skip(2) {
                assert_eq!(c, &per_copy[1], "pad {pad}, copy {k}");
            }
        }
    }

    /// Trying only the families a token's class names, and at "the" and
    /// at numbers only before a word that may follow them, finds exactly what trying every
    /// family everywhere finds, on token soups from a
    /// temporal vocabulary (a fixed LCG, so the test is deterministic).
    #[test]
    fn classes_never_hide_a_match() {
        // Words, and whole phrases so that the longer patterns occur often.
        const VOCAB: &str = concat!(
            "the|The|last|next|this|May|may|March|Nov|Sept|Tues|Sun|Sat|.|,|-|/|:|'|’|1|5|12|31|82|1998|2020|",
            "1990s|90s|5th|20th|a|an|one|two|twenty|nineteen|thousand|half|year|years|day|week|weeks|month|",
            "quarter|century|ago|earlier|later|hence|Tuesday|Tuesday's|Friday|morning|night|tonight|today|",
            "today's|Yesterday|p|m|am|PM|EST|o'clock|noon|midnight|every|each|per|other|and|of|fiscal|third|",
            "first|final|mid|early|late|end|beginning|nearly|more|than|at|least|up|to|as|many|several|few|couple|",
            "now|currently|recently|these|days|past|future|present|recent|coming|following|previous|that|same|",
            "weekend|latest|period|ended|long|old|annually|daily|once|twice|percent|$|million|summer|fall|",
            "Christmas|Eve|Day|Valentine's|New|Year's|Good|Easter|said|will|was|\n|é|东京|",
            "year-earlier|year-ago|year-end|3rd quarter|the 2nd half of|first-quarter|next year's|the year ended|",
            "two weeks ago|a year and a half|44-year-old|decades-long|10 a.m.|3:30 p.m.|at 15:30|2020-11-03|",
            "11/3/2020|nineteen ninety-six|the year two thousand|in two thousand|the end of|more than|for years|",
            "that same week|the same year|every other|twice a|the summer of|the '90s|the early 1990s|",
            "Valentine's Day|Christmas Eve|St. Patrick's Day|Thanksgiving Day|Tuesday, Nov. 3|3 November 2020|",
            "the 5th of May|June last year|last Tuesday night|the past three years|the next few days|",
            "recent years|these days|the near future|the weekend|the fiscal year|the short term|the near term|",
            "the middle of|the turn of the|the start of|the distant past|the immediate future|the long term|",
            "2 1/2 years|2.5 years|5 and a half hours|12 more years|5 o'clock|5 o’clock|10 am|7 PM|21st century|",
            "12 - century|31 of May|11 a.m.|3 p.m.|100 years|300-year|5-day|3 weeks ago|04:30|10.30 p.m.|1/2/20|",
            "a few weeks|a couple of days|a half hour|an hour-long|a -year|a more|",
            "the current year|the preceding month|the upcoming week|the comparable period|the full year|",
            "the previous Friday|the nine months|the twentieth century|the final quarter|the 3rd quarter|",
            "the year two thousand|the summer of 1994|the term|the future|the present|the second week of May|",
            "the 1988 quarter|the year-ago quarter|the many years|the several days|the 1990s|the 5 of May|",
            "the last two years|the past year|the previous day|the preceding week|the recent months|",
            "the first three days|the coming weeks|the following year|the upcoming months|the recent past|",
            "the late 1980s|the mid-1990s|the last quarter|the next year's first quarter|the latest quarter|",
            "ended the day|for the week|the current quarter|the recent quarter|the year-ago period|",
            "the latest month|the beginning of March|the start of 2020|the middle of May|the final week of May|",
            "the next Friday|the following Monday|the one year|the half year|the few days|the couple of years|",
            "the year-ago third quarter|the 1988 second quarter|the latest fiscal year|the same month|",
            "last year's first quarter|next few weeks|this week|past two years|recent decades|coming months|",
            "following Tuesday|upcoming weekend|present day|preceding year|current quarter|that same day|",
            "next Tuesday night|last summer|this morning|previous three days|last a few",
        );
        let vocab: Vec<&str> = VOCAB.split('|').collect();
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = || {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            x
        };
        for _ in 0..3000 {
            let mut text = String::new();
            let len = (next() >> 58) as usize + 1;
            for _ in 0..len {
                let r = next();
                if (r >> 20) & 3 != 0 {
                    text.push(' ');
                }
                text.push_str(vocab[(r >> 33) as usize % vocab.len()]);
            }
            let doc = Document::new(&text);
            for reference in [Some(Date::new(2020, 11, 5).unwrap()), None] {
                let mut some = Scanner::new(&doc, reference);
                let mut every = Scanner::new(&doc, reference);
                // Every family, and no "the" or number kept from trying
                // them.
                for tag in &mut every.tags {
                    tag.class = tag.class & family::START
                        | !(family::START | family::DETERMINER | family::QUANTITY | family::NEEDS_KNOWN);
                    tag.after_the = u16::MAX;
                }
                for i in 0..some.n() {
                    assert_eq!(some.at(i), every.at(i), "{text:?} at token {i}");
                }
                assert_eq!(some.find_all(), every.find_all(), "{text:?}");
            }
        }
    }
}
