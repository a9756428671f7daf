//! Word lists compiled into the binary from `data/` (one entry a line; see
//! `data/SOURCES.md` for where each comes from and its licence).
//!
//! May not touch: text analysis. This module only loads and looks up lists.

/// Iterates over the entries of a lexicon file's text: one entry a line,
/// blank lines and lines starting with `#` skipped, surrounding whitespace
/// trimmed.
pub fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    #[test]
    fn skips_comments_and_blanks() {
        let v: Vec<_> = super::entries("# header\nalpha\n\n  beta \n#x\n").collect();
        assert_eq!(v, vec!["alpha", "beta"]);
    }
}
