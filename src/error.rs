//! The crate's one error type.
//!
//! May not touch: I/O. Errors here describe bad *values* (a malformed
//! date); the edges add their own context (file names, line numbers).

use core::fmt;

/// An error from parsing a value given to the analyzer, such as a
/// reference date that is not `YYYY-MM-DD`.
///
/// Opaque on purpose (as in `jiff` and `regex`): the message is for people,
/// and the variants can change without breaking callers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    msg: String,
}

impl Error {
    pub(crate) fn new(msg: impl Into<String>) -> Error {
        Error { msg: msg.into() }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.msg)
    }
}

impl std::error::Error for Error {}
