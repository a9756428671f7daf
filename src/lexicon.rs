//! Word lists compiled into the binary from `data/` (one entry a line; see
//! `data/SOURCES.md` for where each comes from and its licence).
//!
//! May not touch: text analysis. This module only loads and looks up lists.

/// Iterates over the entries of a lexicon file's text: one entry a line,
/// blank lines and lines starting with `#` skipped, surrounding whitespace
/// trimmed.
pub fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The lookup key of a name: lower-cased, with every run of whitespace
/// turned into one space and curly apostrophes made straight, so that
/// "New  York", "NEW YORK" and "new york" meet in one table entry.
pub fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for c in name.trim().chars() {
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
    }

    #[test]
    fn keys_fold_case_space_and_apostrophes() {
        assert_eq!(super::key("  New \t York "), "new york");
        assert_eq!(super::key("O’BRIEN"), "o'brien");
        assert_eq!(super::key("Ärzte"), "ärzte");
    }
}
