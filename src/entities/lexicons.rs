//! The entity lexicons under `data/entities/`, merged into one table from
//! lower-cased name (one word or a phrase) to the set of lists it is on.
//!
//! May not touch: the text. Built once, on first use.

use crate::lexicon::SEED;
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
/// A given name that is clearly a man's (`data/gender_names.txt`; only the
/// statements layer asks, to resolve "he").
pub const MALE: u32 = 1 << 14;
/// A given name that is clearly a woman's (as [`MALE`]).
pub const FEMALE: u32 = 1 << 15;

/// Any place list.
pub const PLACE: u32 = COUNTRY | REGION | CITY;

/// The merged lexicon: an open-addressing table over the keys of the
/// merged text that `build.rs` writes, so that building it is one probe per
/// line and looking a name up needs no allocation.
///
/// The words that are only ordinary words (on `COMMON` and no other list,
/// half the keys) are not in it but in [`PLAIN_COMMON`], sorted, searched
/// by bisection ([`plain_common_has`]): [`Lexicon::get`] and the lookups
/// built on it leave them out (they are on no list they may ask about), and
/// only [`Lexicon::is_common`] and [`Lexicon::is_plain_common`] read them,
/// for few words of a text.
pub struct Lexicon {
    /// The table's text: groups of keys, each headed by `\u{1}FLAGS`
    /// ([`MERGED`]).
    text: &'static [u8],
    /// Linear-probing slots, a power of two at most 5/8 full. A slot holds
    /// a key's byte offset in `text` shifted left by 8 and or'ed with
    /// its group's index into `group_flags` (0 for an empty slot: offset 0
    /// is a group header, never a key), and in its low 32 bits the low bits
    /// of the key's hash, which reject most other keys without reading
    /// their text.
    slots: Box<[u64]>,
    /// The flags of each `\u{1}FLAGS` group of `text`, in order.
    group_flags: Vec<u32>,
    /// `64 - log2(slots.len())`: a hash's top bits pick the first slot.
    shift: u32,
    /// One bit per value of a hash's top [`HEAD_BITS`] bits, set for the
    /// hash of each phrase's first word: most words open no phrase, and
    /// this says so without building and probing the phrase's key.
    heads: Box<[u64]>,
    /// Words in the longest phrase, so that phrase matching stays bounded.
    pub max_words: usize,
}

/// Bits of a word's hash that index [`Lexicon::heads`]: with under 2 000
/// phrases, about one word in twenty that opens none passes.
const HEAD_BITS: u32 = 15;

/// Bytes in a key buffer: the longest key rounded up to whole eight-byte
/// words, so that hashing a key held in a zeroed buffer reads its padding in
/// place (see [`hash_padded`]).
const BUF_LEN: usize = MAX_KEY_LEN.div_ceil(8) * 8;

/// One step of the hash: the high bits of the product mix all the bits of
/// the input.
#[inline]
fn mix(h: u64, w: u64) -> u64 {
    (h.rotate_left(5) ^ w).wrapping_mul(SEED)
}

/// Eight bytes as one little-endian word.
#[inline(always)]
fn word(c: &[u8]) -> u64 {
    u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]])
}

/// Hashes a key eight bytes at a time (the tail zero-padded), then its
/// length, so that keys differing only by trailing NULs still differ.
#[inline]
fn hash(key: &[u8]) -> u64 {
    let mut h = 0;
    let mut chunks = key.chunks_exact(8);
    for c in &mut chunks {
        h = mix(h, word(c));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        // Assembled byte by byte: for under eight bytes this is cheaper
        // than copying them into a padded word.
        h = mix(h, rest.iter().rev().fold(0, |w, &b| w << 8 | u64::from(b)));
    }
    mix(h, key.len() as u64)
}

/// [`hash`] of the key in `buf[..len]`, whose bytes after `len` are zero:
/// the tail is read in place, already padded.
#[inline]
fn hash_padded(buf: &[u8; BUF_LEN], len: usize) -> u64 {
    let mut h = 0;
    for c in buf[..len.div_ceil(8) * 8].chunks_exact(8) {
        h = mix(h, word(c));
    }
    mix(h, len as u64)
}

/// Writes the key of `name` into `buf` (zeroed) when it is plain ASCII,
/// the common case: printable characters, single spaces between words.
/// The key is then the text lower-cased byte for byte; returns its length.
/// `None` (with `buf` to be zeroed again) when `name` needs the general
/// [`key_into`].
#[inline]
fn plain_key_into(name: &str, buf: &mut [u8; BUF_LEN]) -> Option<usize> {
    let b = name.as_bytes();
    if b.len() > MAX_KEY_LEN {
        return None;
    }
    for (d, &c) in buf.iter_mut().zip(b) {
        *d = c.to_ascii_lowercase();
    }
    // Printable, spaces aside: one comparison a byte (one word, the common
    // case, is then done).
    if b.iter().all(|&c| c.wrapping_sub(b'!') < 0x5e) {
        return (!b.is_empty()).then_some(b.len());
    }
    // Spaces: single, between words (the empty name is not plain either).
    let mut prev = b' ';
    for &c in b {
        if !(c.wrapping_sub(b'!') < 0x5e || (c == b' ' && prev != b' ')) {
            return None;
        }
        prev = c;
    }
    (prev != b' ').then_some(b.len())
}

/// Writes the key of a one-word name into `buf` and returns its length and
/// [`hash`], eight bytes a step, when the name is printable ASCII without
/// spaces (nearly every word asked about): its key is then the name with
/// its capitals lower-cased. `None` (`buf` untouched past the name's
/// length) for any other name, which [`plain_key_into`] and [`key_into`]
/// read byte by byte.
#[inline]
fn word_key_into(b: &[u8], buf: &mut [u8; BUF_LEN]) -> Option<(usize, u64)> {
    if b.is_empty() || b.len() > MAX_KEY_LEN {
        return None;
    }
    let mut h = 0;
    let mut chunks = b.chunks_exact(8);
    let mut at = 0;
    for c in &mut chunks {
        let w = word(c);
        if not_printable(w) != 0 {
            return None;
        }
        let w = lower_ascii(w);
        buf[at..at + 8].copy_from_slice(&w.to_le_bytes());
        h = mix(h, w);
        at += 8;
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        // Zero-padded, as `hash` pads a tail; the padding's bytes are not
        // asked about.
        let w = rest.iter().rev().fold(0, |w, &b| w << 8 | u64::from(b));
        if not_printable(w) & (u64::MAX >> (64 - 8 * rest.len())) != 0 {
            return None;
        }
        let w = lower_ascii(w);
        buf[at..at + 8].copy_from_slice(&w.to_le_bytes());
        h = mix(h, w);
    }
    Some((b.len(), mix(h, b.len() as u64)))
}

/// Flags (high bit) the bytes of `w` that are not printable ASCII other
/// than the space: below `'!'`, `0x7f` or above. Each byte is tested on
/// its own (no carry crosses bytes), so a flag says exactly that byte.
#[inline]
fn not_printable(w: u64) -> u64 {
    let low7 = w & !HIGHS;
    // `low7 + 1` reaches the high bit for 0x7f; `low7 + 0x5f` for '!' and
    // above.
    (w | low7.wrapping_add(ONES) | !low7.wrapping_add(ONES * 0x5f)) & HIGHS
}

/// `w` with its ASCII capitals lower-cased, other bytes unchanged.
#[inline]
pub(crate) fn lower_ascii(w: u64) -> u64 {
    let low7 = w & !HIGHS;
    // High bit of `low7 + 0x3f`: at least 'A'; of `low7 + 0x25`: above 'Z'.
    let upper = (low7.wrapping_add(ONES * 0x3f) ^ low7.wrapping_add(ONES * 0x25)) & !w & HIGHS;
    w | upper >> 2
}

/// Lower-cases `name` into `buf` the way [`key`](crate::lexicon::key) does (trimmed, whitespace
/// runs as one space, curly apostrophes straight, every character
/// lower-cased) and returns the key's length; `None` when the key would not
/// fit `buf`, which is as long as the longest key in the table, so that such
/// a name cannot be in it.
#[inline]
fn key_into(name: &str, buf: &mut [u8]) -> Option<usize> {
    let b = name.as_bytes();
    let mut len = 0;
    // A whitespace run waits for the next character: dropped at either end.
    let mut space = false;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        // `i` is on a character boundary: every step advances by whole
        // characters.
        let ch = if c < 0x80 { char::from(c) } else { name[i..].chars().next().unwrap_or(' ') };
        i += ch.len_utf8();
        if ch.is_whitespace() {
            space = true;
            continue;
        }
        if std::mem::take(&mut space) && len > 0 {
            *buf.get_mut(len)? = b' ';
            len += 1;
        }
        if c < 0x80 {
            // Control characters are kept as they are (lower-casing leaves
            // them alone).
            *buf.get_mut(len)? = c.to_ascii_lowercase();
            len += 1;
            continue;
        }
        let mut put = |c: char| -> Option<()> {
            let n = c.len_utf8();
            c.encode_utf8(buf.get_mut(len..len + n)?);
            len += n;
            Some(())
        };
        if ch == '’' {
            put('\'')?;
        } else {
            for lc in ch.to_lowercase() {
                put(lc)?;
            }
        }
    }
    Some(len)
}

impl Lexicon {
    /// The lists the key `k` (its bytes, hashed to `h`) is on; 0 when none.
    #[inline]
    fn probe(&self, k: &[u8], h: u64) -> u32 {
        let text = self.text;
        let mask = self.slots.len() - 1;
        let mut i = (h >> self.shift) as usize;
        loop {
            let s = self.slots[i];
            if s == 0 {
                return 0;
            }
            let (entry, tag) = ((s >> 32) as usize, s as u32);
            let at = entry >> 8;
            // The line break after the key checks its length.
            if tag == h as u32 && text.get(at + k.len()) == Some(&b'\n') && &text[at..at + k.len()] == k {
                return self.group_flags[entry & 0xff];
            }
            i = (i + 1) & mask;
        }
    }

    /// The lists `k` (a [`key`](crate::lexicon::key)) is on; 0 when none.
    #[inline]
    pub fn get(&self, k: &str) -> u32 {
        self.get_bytes(k.as_bytes())
    }

    /// [`Lexicon::get`] of a key given as bytes.
    #[inline]
    pub fn get_bytes(&self, k: &[u8]) -> u32 {
        if k.len() > MAX_KEY_LEN {
            return 0;
        }
        self.probe(k, hash(k))
    }
    /// True when `w` (a lower-case word) is an ordinary English word or an
    /// inflection of one ("researchers", "buried"); the suffixes are those
    /// `data/entities/build.py` folds when it writes the dictionary.
    pub fn is_common(&self, w: &str) -> bool {
        // A step shortens a word by at most three bytes ("-est"): a longer
        // word cannot reach a key in two.
        w.len() <= MAX_KEY_LEN + 2 * 3 && self.common_stem(w.as_bytes(), 2)
    }

    /// [`Lexicon::is_common`] of `w` or of the stems of its stems, `depth`
    /// levels down ("researchers" → "researcher" → "research"), built in
    /// a buffer on the stack.
    fn common_stem(&self, w: &[u8], depth: u32) -> bool {
        const SUFFIXES: &[(&[u8], &[u8])] = &[
            (b"ies", b"y"),
            (b"es", b""),
            (b"s", b""),
            (b"ed", b""),
            (b"ed", b"e"),
            (b"ied", b"y"),
            (b"ing", b""),
            (b"ing", b"e"),
            (b"ly", b""),
            (b"er", b""),
            (b"est", b""),
        ];
        if self.get_bytes(w) & COMMON != 0 || plain_common_has(w) {
            return true;
        }
        if depth == 0 {
            return false;
        }
        let mut buf = [0u8; MAX_KEY_LEN + 2 * 3];
        SUFFIXES.iter().any(|&(suf, rep)| {
            let Some(stem) = w.strip_suffix(suf).filter(|s| s.len() >= 3) else { return false };
            let n = stem.len() + rep.len();
            // Suffixes are ASCII: the stem ends on a character boundary.
            buf[..stem.len()].copy_from_slice(stem);
            buf[stem.len()..n].copy_from_slice(rep);
            self.common_stem(&buf[..n], depth - 1)
        })
    }

    /// True when the key `k` is only an ordinary word: on `COMMON` and on
    /// no list [`Lexicon::get`] tells of.
    pub fn is_plain_common(&self, k: &str) -> bool {
        plain_common_has(k.as_bytes())
    }

    /// The lists the text `name` is on, as [`Lexicon::get`] of its
    /// [`key`](crate::lexicon::key), without allocating.
    #[inline]
    pub fn lookup(&self, name: &str) -> u32 {
        self.lookup_word(name).0
    }

    /// [`Lexicon::lookup`] of `name`, and whether a phrase of the lexicon
    /// may start with it as its first word: false only when none does.
    #[inline]
    pub fn lookup_word(&self, name: &str) -> (u32, bool) {
        let mut buf = [0u8; BUF_LEN];
        match word_key_into(name.as_bytes(), &mut buf) {
            Some((n, h)) => self.probe_word(&buf[..n], h),
            None => self.lookup_phrase(name),
        }
    }

    /// [`Lexicon::lookup_word`] of a name that is not one printable ASCII
    /// word (a phrase, a name with other letters): out of line, so that
    /// the common case keeps a small frame.
    #[inline(never)]
    fn lookup_phrase(&self, name: &str) -> (u32, bool) {
        let mut buf = [0u8; BUF_LEN];
        let n = match plain_key_into(name, &mut buf) {
            Some(n) => n,
            None => {
                buf = [0; BUF_LEN];
                match key_into(name, &mut buf[..MAX_KEY_LEN]) {
                    Some(n) if n > 0 => n,
                    _ => return (0, false),
                }
            }
        };
        self.probe_word(&buf[..n], hash_padded(&buf, n))
    }

    /// The lists of the key `k` (hashed to `h`), and whether a phrase may
    /// start with it.
    #[inline]
    fn probe_word(&self, k: &[u8], h: u64) -> (u32, bool) {
        let bit = (h >> (64 - HEAD_BITS)) as usize;
        (self.probe(k, h), self.heads[bit / 64] >> (bit % 64) & 1 != 0)
    }

    /// True when the text `name` is on one of the lists in `mask`.
    #[inline]
    pub fn has(&self, name: &str, mask: u32) -> bool {
        self.lookup(name) & mask != 0
    }

    /// False when the word `name` is surely on no [`TITLE`] list, by its
    /// length and first and last bytes (`build.rs` writes the filter of
    /// the one-word titles, [`TITLE_FILTER`]); true when it may be (a
    /// lookup tells): most words asked ("the", "said") are no title. Only a
    /// short printable ASCII word (nearly every one asked about) is
    /// filtered: its key has its length and its first byte lower-cased.
    #[inline]
    pub fn maybe_title(&self, name: &str) -> bool {
        let b = name.as_bytes();
        match b.first() {
            Some(&f) if b.len() < TITLE_LENS && b.iter().all(u8::is_ascii_graphic) => {
                let l = b[b.len() - 1];
                TITLE_FILTER[0][b.len()] >> (f.to_ascii_lowercase() & 63) & 1 != 0
                    && TITLE_FILTER[1][b.len()] >> (l.to_ascii_lowercase() & 63) & 1 != 0
            }
            _ => true,
        }
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
// The words that are only ordinary words, in the same form (one group).
const PLAIN_COMMON: &str = include_str!(concat!(env!("OUT_DIR"), "/entity_common.txt"));

/// The line of `text` starting at `at`: the index of its line break (or
/// the text's length), the [`hash`] of its bytes and, when it holds a space
/// (a phrase), the hash of its first word. Read eight bytes at a time (the
/// keys average about nine bytes, so this is one or two steps per line).
fn line_at(text: &[u8], at: usize) -> (usize, u64, Option<u64>) {
    let mut h = 0;
    let mut i = at;
    while let Some(chunk) = text.get(i..i + 8) {
        let w = word(chunk);
        // Flags the bytes below '!' (the line break, a space): the lowest
        // flag is the first such byte (false flags only ever sit above a
        // true one).
        let low = w.wrapping_sub(ONES * 0x21) & !w & HIGHS;
        if low != 0 {
            let before = low.trailing_zeros() / 8;
            if chunk[before as usize] != b'\n' {
                // A phrase: one line in twenty.
                return phrase_at(text, at, i, h, before);
            }
            let end = i + before as usize;
            return (end, mix(mix_first(h, w, before), (end - at) as u64), None);
        }
        h = mix(h, w);
        i += 8;
    }
    line_bytewise(text, at)
}

/// Bytes of one in a word.
const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte of a word.
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Flags the bytes of `w` equal to `b`: the lowest flag is the first such
/// byte (false flags only ever sit above a true one).
#[inline]
fn find_byte(w: u64, b: u8) -> u64 {
    let x = w ^ (ONES * u64::from(b));
    x.wrapping_sub(ONES) & !x & HIGHS
}

/// `h` mixed with the first `n` bytes of `w`, zero-padded as [`hash`]
/// pads a tail (nothing for none).
#[inline]
fn mix_first(h: u64, w: u64, n: u32) -> u64 {
    if n > 0 {
        mix(h, w & (u64::MAX >> (64 - 8 * n)))
    } else {
        h
    }
}

/// [`line_at`] for a line whose first byte below '!', `before` bytes into
/// the word at `i`, is not its break; `h` hashes the bytes from `at` to
/// `i`. A space there ends the phrase's first word: its hash is taken
/// there and the search goes on for the break alone.
#[cold]
#[inline(never)]
fn phrase_at(text: &[u8], at: usize, mut i: usize, mut h: u64, before: u32) -> (usize, u64, Option<u64>) {
    if text[i + before as usize] != b' ' {
        // A control byte: too rare to read cleverly.
        return line_bytewise(text, at);
    }
    let head = mix(mix_first(h, word(&text[i..]), before), (i + before as usize - at) as u64);
    while let Some(chunk) = text.get(i..i + 8) {
        let w = word(chunk);
        let brk = find_byte(w, b'\n');
        if brk != 0 {
            let before = brk.trailing_zeros() / 8;
            let end = i + before as usize;
            return (end, mix(mix_first(h, w, before), (end - at) as u64), Some(head));
        }
        h = mix(h, w);
        i += 8;
    }
    line_bytewise(text, at)
}

/// [`line_at`] byte by byte, for the end of the text and lines with
/// control bytes.
#[cold]
fn line_bytewise(text: &[u8], at: usize) -> (usize, u64, Option<u64>) {
    let end = text[at..].iter().position(|&b| b == b'\n').map_or(text.len(), |p| at + p);
    let line = &text[at..end];
    (end, hash(line), line.iter().position(|&b| b == b' ').map(|p| hash(&line[..p])))
}

/// The lexicon, built on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| build(MERGED, ENTRIES))
}

/// True when `k` is one of the words that are only ordinary words: a
/// bisection of [`PLAIN_COMMON`], whose lines `build.rs` writes in byte
/// order (a test checks it), within the lines that share the key's first
/// two bytes' bucket (a few dozen, where the whole list took fifteen
/// steps of a line scan each). Searching the text needs nothing built: a
/// hash table of its 17 600 keys had cost ~1.3 M instructions on the first
/// call that asked, which the first analysis of most articles makes.
fn plain_common_has(k: &[u8]) -> bool {
    let text = PLAIN_COMMON.as_bytes();
    // Within the lines of the key's bucket (`build.rs` writes where each
    // starts); `lo` and `hi` stay at line starts.
    let b = crate::lexicon::plain_bucket(k);
    let (mut lo, mut hi) = (PLAIN_COMMON_BUCKETS[b] as usize, PLAIN_COMMON_BUCKETS[b + 1] as usize);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let a = text[lo..mid].iter().rposition(|&b| b == b'\n').map_or(lo, |p| lo + p + 1);
        let e = text[a..hi].iter().position(|&b| b == b'\n').map_or(hi, |p| a + p);
        match text[a..e].cmp(k) {
            core::cmp::Ordering::Equal => return true,
            core::cmp::Ordering::Less => lo = e + 1,
            core::cmp::Ordering::Greater => hi = a,
        }
    }
    false
}

/// Builds the table of `text` ([`MERGED`]), which
/// holds `entries` keys. Keys come already merged, distinct and in key
/// form: building is one probe per line, with no allocation but the
/// table's.
///
/// The loop runs once per key (~38 000 times), long enough for V8 to
/// optimize this function while the first analysis waits for it (without
/// using the result): the rare steps (group headers, phrases) are calls,
/// which keeps that compilation small.
fn build(text: &'static str, entries: usize) -> Lexicon {
    let size = (entries * 8 / 5).next_power_of_two().max(2);
    let mut slots = vec![0u64; size].into_boxed_slice();
    let shift = 64 - size.trailing_zeros();
    let mut group_flags = Vec::new();
    let mut heads = vec![0u64; 1 << (HEAD_BITS - 6)].into_boxed_slice();
    let text = text.as_bytes();
    let mut at = 0;
    while at < text.len() {
        if text[at] == 1 {
            at = group_header(text, at, &mut group_flags);
            continue;
        }
        let (end, h, head) = line_at(text, at);
        if let Some(head) = head {
            let bit = (head >> (64 - HEAD_BITS)) as usize;
            heads[bit / 64] |= 1 << (bit % 64);
        }
        if let Some(group) = group_flags.len().checked_sub(1) {
            // `build.rs` checks that offsets and group indices fit.
            let mut i = (h >> shift) as usize;
            while slots[i] != 0 {
                i = (i + 1) & (size - 1);
            }
            slots[i] = u64::from((at as u32) << 8 | group as u32) << 32 | (h & 0xffff_ffff);
        }
        at = end + 1;
    }
    Lexicon { text, slots, group_flags, shift, heads, max_words: MAX_WORDS }
}

/// Reads the group header `\u{1}FLAGS` starting at `at` onto `group_flags`
/// and returns where the next line starts.
#[cold]
#[inline(never)]
fn group_header(text: &[u8], at: usize, group_flags: &mut Vec<u32>) -> usize {
    let end = text[at..].iter().position(|&b| b == b'\n').map_or(text.len(), |p| at + p);
    group_flags.push(core::str::from_utf8(&text[at + 1..end]).ok().and_then(|f| f.parse().ok()).unwrap_or(0));
    end + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::key;

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
        assert_eq!(l.get("james") & (GIVEN | MALE | FEMALE), GIVEN | MALE);
        assert_eq!(l.get_bytes(b"mary") & (GIVEN | MALE | FEMALE), GIVEN | FEMALE);
    }

    #[test]
    fn line_at_finds_the_first_break_and_hashes_the_line() {
        let t = b"abcdefghij\nk\n\nlmnopq rstuvwxyz\nabcdefgh\nabcdefghijkl m\nabcdefgh ij\n a\nab c\na\x02b c\n\
                  abcdefghijklmnopq rs\nab cdefghijklmnopqrstu vw\nabcdefg \nabcdef g";
        let mut at = 0;
        while at < t.len() {
            let end = t[at..].iter().position(|&b| b == b'\n').map_or(t.len(), |p| at + p);
            let line = &t[at..end];
            let head = line.iter().position(|&b| b == b' ').map(|p| hash(&line[..p]));
            assert_eq!(line_at(t, at), (end, hash(line), head), "{at}");
            at = end + 1;
        }
        assert_eq!(line_at(b"\x0b\x8a\n", 0), (2, hash(b"\x0b\x8a"), None));
    }

    /// `lookup` folds a name in place exactly as `key` does, at either end,
    /// inside and past the longest key.
    #[test]
    fn lookup_folds_like_key() {
        let names = [
            "  New \t York ",
            "NEW\u{a0}YORK",
            "O’BRIEN",
            "İstanbul",
            "ΟΔΥΣΣΕΑΣ",
            "Côte d’Ivoire",
            "a\u{1}b",
            "\u{2003}Paris\u{3000}",
            "",
            "   ",
            "South Georgia and the South Sandwich Islands",
            "SOUTH GEORGIA AND THE SOUTH SANDWICH ISLANDS!",
            "New York",
            "U.S.",
            "abcdefgh",
            "Rolls-Royce Holdings Plc",
            "New  York",
            "New York ",
            "a\u{7f}b",
        ];
        for name in names {
            let mut buf = [0u8; MAX_KEY_LEN];
            let k = key(name);
            let mut padded = [0u8; BUF_LEN];
            if let Some(n) = plain_key_into(name, &mut padded) {
                assert_eq!(&padded[..n], k.as_bytes(), "{name:?}");
                assert_eq!(hash_padded(&padded, n), hash(k.as_bytes()), "{name:?}");
            }
            match key_into(name, &mut buf) {
                Some(n) => assert_eq!(&buf[..n], k.as_bytes(), "{name:?}"),
                None => assert!(k.len() > MAX_KEY_LEN, "{name:?}"),
            }
        }
        let l = lexicon();
        for name in
            names.iter().copied().chain(["Zurich", "ZÜRICH", "a@[`{~", "A\x7fB", "ABCDEFGHIJKLMNOPQ", "o'brien-smith"])
        {
            let mut buf = [0u8; BUF_LEN];
            if let Some((n, h)) = word_key_into(name.as_bytes(), &mut buf) {
                let k = key(name);
                assert_eq!(&buf[..n], k.as_bytes(), "{name:?}");
                assert_eq!(h, hash(k.as_bytes()), "{name:?}");
                assert!(name.bytes().all(|b| b.is_ascii_graphic()), "{name:?}");
            } else {
                assert!(
                    name.is_empty() || !name.bytes().all(|b| b.is_ascii_graphic()) || name.len() > MAX_KEY_LEN,
                    "{name:?}"
                );
            }
        }
        assert!(l.has("  New \t York ", CITY));
        assert!(l.has("SÃO  PAULO", CITY));
        assert!(l.has("South Georgia and the South Sandwich Islands", PLACE));
        assert_eq!(l.lookup("South Georgia and the South Sandwich Islandsx"), 0);
    }

    /// The eight-byte tests read each byte on its own, whatever its
    /// neighbours.
    #[test]
    fn word_steps_test_each_byte() {
        for fill in [0u8, b' ', b'A', b'z', 0x7f, 0x80, 0xff] {
            for b in 0..=255u8 {
                for at in 0..8 {
                    let mut bytes = [fill; 8];
                    bytes[at] = b;
                    let w = u64::from_le_bytes(bytes);
                    let flags = not_printable(w).to_le_bytes();
                    let lower = lower_ascii(w).to_le_bytes();
                    for i in 0..8 {
                        assert_eq!(flags[i] != 0, !bytes[i].is_ascii_graphic(), "{bytes:?} {i}");
                        assert_eq!(lower[i], bytes[i].to_ascii_lowercase(), "{bytes:?} {i}");
                    }
                }
            }
        }
    }

    /// Every phrase's first word passes the filter of phrase heads.
    #[test]
    fn phrase_heads_are_flagged() {
        let l = lexicon();
        let mut phrases = 0;
        for line in MERGED.lines().filter(|k| !k.starts_with('\u{1}')) {
            if let Some((first, _)) = line.split_once(' ') {
                assert!(l.lookup_word(first).1, "{line:?}");
                phrases += 1;
            }
        }
        assert!(phrases > 1000);
        assert!(l.lookup_word("new").1 && l.lookup_word("SOUTH").1);
    }

    /// `build.rs` merges the lists with its own copy of the flag bits:
    /// every entry must carry exactly the flags of the lists it is on.
    #[test]
    fn build_script_flags_match() {
        use std::collections::HashMap;
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
        for e in crate::lexicon::entries(include_str!("../../data/gender_names.txt")) {
            let (mark, name) = e.split_once(' ').unwrap();
            *want.get_mut(name).unwrap() |= if mark == "m" { MALE } else { FEMALE };
        }
        let l = lexicon();
        assert_eq!(want.len(), ENTRIES + PLAIN_COMMON_ENTRIES);
        assert_eq!(l.slots.iter().filter(|&&s| s != 0).count(), ENTRIES);
        // The plain words: one group, its lines in strictly increasing
        // byte order (the bisection relies on it).
        let mut lines = PLAIN_COMMON.lines();
        assert!(lines.next().is_some_and(|h| h.starts_with('\u{1}')));
        let plain: Vec<&str> = lines.collect();
        assert_eq!(plain.len(), PLAIN_COMMON_ENTRIES);
        assert!(plain.windows(2).all(|w| w[0].as_bytes() < w[1].as_bytes()));
        for (k, &flags) in &want {
            // The words only on `COMMON` are in the second list alone.
            let only_common = flags == COMMON && !k.contains(' ');
            assert_eq!(l.get(k), if only_common { 0 } else { flags }, "{k:?}");
            assert_eq!(l.is_plain_common(k), only_common, "{k:?}");
        }
        // Every bucket holds the lines of its keys, in order.
        assert!(PLAIN_COMMON_BUCKETS.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(*PLAIN_COMMON_BUCKETS.last().unwrap() as usize, PLAIN_COMMON.len());
        let mut at = PLAIN_COMMON.find('\n').unwrap() + 1;
        for k in &plain {
            let b = crate::lexicon::plain_bucket(k.as_bytes());
            assert!((PLAIN_COMMON_BUCKETS[b] as usize..PLAIN_COMMON_BUCKETS[b + 1] as usize).contains(&at), "{k:?}");
            at += k.len() + 1;
        }
        // Keys around and between the listed ones.
        for k in ["", "a", "aaaaa", "zzzzzz", "\u{ff}", "umbrell", "umbrellaa", "'", "a'", "{", "z{", "Zulu", "é"] {
            assert_eq!(l.is_plain_common(k), want.get(k) == Some(&COMMON), "{k:?}");
        }
    }

    /// `is_common` written the plain way: the stems of each level in a
    /// vector.
    fn is_common_plain(l: &Lexicon, w: &str) -> bool {
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
        let mut level = vec![w.to_string()];
        for _ in 0..3 {
            if level.iter().any(|b| l.is(b, COMMON) || plain_common_has(b.as_bytes())) {
                return true;
            }
            let mut next = Vec::new();
            for b in &level {
                for &(suf, rep) in SUFFIXES {
                    if let Some(stem) = b.strip_suffix(suf).filter(|s| s.len() >= 3) {
                        next.push(format!("{stem}{rep}"));
                    }
                }
            }
            level = next;
        }
        false
    }

    #[test]
    fn stems_are_found_as_the_plain_way_finds_them() {
        let l = lexicon();
        let mut words: Vec<String> = crate::lexicon::entries(include_str!("../../data/entities/common_words.txt"))
            .step_by(7)
            .map(String::from)
            .collect();
        words.extend(["", "zzzq", "é", "naïve"].map(String::from));
        words.push("a".repeat(MAX_KEY_LEN - 1));
        for w in &words {
            for suffix in ["", "s", "es", "ies", "ed", "ied", "ing", "ly", "er", "est", "ings", "edly", "ers", "ingly"]
            {
                for w in [format!("{w}{suffix}"), format!("{w}{suffix}{suffix}{suffix}")] {
                    assert_eq!(l.is_common(&w), is_common_plain(l, &w), "{w:?}");
                }
            }
        }
    }

    /// The title filter passes every word on the title list, whatever its
    /// case.
    #[test]
    fn titles_pass_their_filter() {
        let l = lexicon();
        let mut titles = 0;
        for e in crate::lexicon::entries(include_str!("../../data/entities/titles.txt")) {
            for w in [e.to_string(), e.to_uppercase(), e.to_lowercase()] {
                assert!(!l.has(&w, TITLE) || l.maybe_title(&w), "{w:?}");
                titles += usize::from(l.has(&w, TITLE));
            }
        }
        assert!(titles > 100);
        for w in ["the", "Paris", "into"] {
            assert!(!l.maybe_title(w), "{w}");
        }
        assert!(l.maybe_title("Şeyh") && l.maybe_title(&"x".repeat(TITLE_LENS)));
    }

    #[test]
    fn ordinary_words_are_common_in_either_table() {
        let l = lexicon();
        // Only an ordinary word; an ordinary word that is also a surname.
        assert!(l.is_plain_common("umbrella") && l.get("umbrella") == 0);
        assert!(!l.is_plain_common("bush") && l.is("bush", SURNAME | COMMON));
        assert!(l.is_common("umbrellas") && l.is_common("bush") && !l.is_common("zzzq"));
    }
}
