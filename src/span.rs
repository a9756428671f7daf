//! Byte spans into the analyzed text.
//!
//! May not touch: anything but offsets. It knows nothing of tokens or layers.

use serde::Serialize;

/// A half-open range `start..end` of **byte** offsets into the analyzed text.
///
/// Why bytes: Rust strings are UTF-8, so byte offsets slice them in O(1)
/// and cannot be confused with anything else inside the crate. Every span
/// the crate produces starts and ends on a character boundary, so
/// `&text[span.range()]` never panics. Offsets in other units (UTF-16 code
/// units for JavaScript, code points for JSONL) are computed once, at the
/// edge, by [`crate::output`].
///
/// Why half-open: `end - start` is the length, empty spans are
/// representable (`start == end`), and adjacent spans share a boundary
/// without overlapping.
///
/// ```
/// use newsmark::Span;
/// let text = "Café Müller";
/// let span = Span::new(6, 13);
/// assert_eq!(&text[span.range()], "Müller");
/// assert_eq!(span.len(), 7); // "ü" is two bytes
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes). `start` must not exceed `end`.
    #[inline]
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The span as a `Range`, for slicing.
    #[inline]
    pub fn range(self) -> core::ops::Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    #[inline]
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing.
    #[inline]
    pub fn is_empty(self) -> bool {
        self.start >= self.end
    }

    /// True when the two spans share at least one byte.
    #[inline]
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies entirely within `self`.
    #[inline]
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    #[inline]
    pub fn union(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The text this span covers.
    #[inline]
    pub fn text(self, text: &str) -> &str {
        &text[self.range()]
    }
}
