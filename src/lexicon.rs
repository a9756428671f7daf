//! Word lists compiled into the binary from `data/` (one entry a line; see
//! `data/SOURCES.md` for where each comes from and its licence).
//!
//! May not touch: text analysis. This module only loads and looks up lists.

/// Iterates over the entries of a lexicon file's text: one entry a line,
/// blank lines and lines starting with `#` skipped, surrounding whitespace
/// trimmed.
///
/// Lines are cut by one byte loop and trimmed as ASCII first (a Unicode
/// trim only when a line still begins or ends with another character):
/// the lists have thousands of short lines, and `lines()` with `str::trim`
/// was most of the time it took to load them.
pub fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    let mut start = 0;
    data.as_bytes()
        .split(|&b| b == b'\n')
        .map(move |bytes| {
            // `start` is at a line's first byte: after a '\n', a boundary.
            let line = data[start..start + bytes.len()].trim_ascii();
            start += bytes.len() + 1;
            let b = line.as_bytes();
            if b.first().is_some_and(|b| !b.is_ascii()) || b.last().is_some_and(|b| !b.is_ascii()) {
                line.trim()
            } else {
                line
            }
        })
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A word of at most 16 bytes as one integer (its bytes little-endian,
/// zero-padded), `None` for a longer one. Short word tables in every layer
/// key on it, so that a lookup hashes and compares one number instead of a
/// string. Words hold no NUL byte, so no two words share a number; a table
/// that may be asked about text with NULs keeps the length beside it.
#[inline]
pub fn pack_word(w: &[u8]) -> Option<u128> {
    let mut buf = [0u8; 16];
    buf.get_mut(..w.len())?.copy_from_slice(w);
    Some(u128::from_le_bytes(buf))
}

/// Buckets of [`plain_bucket`].
pub const PLAIN_BUCKETS: usize = 28 * 28;

/// The bucket of a key by its first two bytes, in the keys' order: each
/// byte counts as below 'a', one of 'a'..='z', or above (a missing byte as
/// below). `build.rs` writes where each bucket of the entities' ordinary
/// words starts with this same function (it includes this file), so that
/// the table and the lookups cannot drift apart.
#[inline]
pub fn plain_bucket(k: &[u8]) -> usize {
    let f = |b: Option<&u8>| match b {
        Some(&b) if b > b'z' => 27,
        Some(&b) if b >= b'a' => usize::from(b - b'a') + 1,
        _ => 0,
    };
    f(k.first()) * 28 + f(k.get(1))
}

/// The lookup key of a name: lower-cased, with every run of whitespace
/// turned into one space and curly apostrophes made straight, so that
/// "New  York", "NEW YORK" and "new york" meet in one table entry.
pub fn key(name: &str) -> String {
    let name = name.trim();
    // Fast path: ASCII without runs of whitespace (nearly every name).
    if name.is_ascii() && !name.bytes().any(|b| b != b' ' && b.is_ascii_whitespace()) && !name.contains("  ") {
        return name.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for c in name.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        if c == '’' {
            out.push('\'');
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn skips_comments_and_blanks() {
        let v: Vec<_> = super::entries("# header\nalpha\n\n  beta \n#x\n").collect();
        assert_eq!(v, vec!["alpha", "beta"]);
        let text = "# head\r\n alpha \r\n\n\tbeta gamma\n#x\nlast";
        assert_eq!(super::entries(text).collect::<Vec<_>>(), ["alpha", "beta gamma", "last"]);
    }

    /// What `entries` means, written the plain way.
    fn plain(data: &str) -> impl Iterator<Item = &str> {
        data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
    }

    #[test]
    fn the_byte_loop_reads_as_lines_and_trim_do() {
        let odd = "\u{a0}Zürich\u{3000}\n\u{2003}\n  \u{85}é \r\n#\u{a0}\n\u{a0}#not a comment\nx";
        assert!(super::entries(odd).eq(plain(odd)));
        for data in [
            include_str!("../data/cues.txt"),
            include_str!("../data/gender_names.txt"),
            include_str!("../data/speakers.txt"),
            include_str!("../data/dates_words.txt"),
            include_str!("../data/dates_holidays.txt"),
            include_str!("../data/entities/cities.txt"),
            include_str!("../data/entities/given_names.txt"),
            include_str!("../data/entities/org_names.txt"),
            include_str!("../data/entities/titles.txt"),
        ] {
            assert!(super::entries(data).eq(plain(data)));
        }
    }

    #[test]
    fn keys_fold_case_space_and_apostrophes() {
        assert_eq!(super::key("  New \t York "), "new york");
        assert_eq!(super::key("O’BRIEN"), "o'brien");
        assert_eq!(super::key("Ärzte"), "ärzte");
    }
}

/// A fast, non-cryptographic hasher for the lexicon tables (the
/// multiply-rotate scheme of rustc's FxHash). The tables are keyed by words
/// of the analyzed text; SipHash's protection against chosen collisions is
/// not needed to keep lookups linear here, since every table is bounded by
/// the text's length and built once per call.
#[derive(Clone, Copy, Default)]
pub struct FxHasher {
    hash: u64,
}

/// FxHash's multiplier: the high bits of a product by it mix every bit of
/// the input. The crate's other word hashes use it too.
pub(crate) const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl core::hash::Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A `HashMap`/`HashSet` hasher builder using [`FxHasher`].
pub type FxBuild = core::hash::BuildHasherDefault<FxHasher>;
