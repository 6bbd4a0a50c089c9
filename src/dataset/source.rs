//! The text of a dataset file: reading it (block by block, reporting progress) and finding where a
//! value sits in it, so that a problem carries a line and a column.
//!
//! Owns bytes and positions only: it does not parse what it reads, and refuses only what no
//! dataset can be (more than 4 GiB, bytes that are not UTF-8 text, a NUL).

use std::io::{IsTerminal as _, Read as _};
use std::path::{Path, PathBuf};

use super::{DatasetError, Location};
use crate::i18n;

/// A dataset file as `--data` names it: `-` is standard input (on Unix, where it has a path).
pub fn data_path(named: PathBuf) -> PathBuf {
    if cfg!(unix) && named.as_os_str() == "-" { PathBuf::from("/dev/stdin") } else { named }
}

/// Refuses a dataset file that is a terminal, before the browser takes the terminal: its
/// keys would go to the loader (as the loader refuses it, but then after a first frame).
/// Only devices are opened to ask (a FIFO opened and closed would lose its writer).
pub fn refuse_terminals(files: &[PathBuf]) -> Result<(), DatasetError> {
    #[cfg(unix)]
    for file in files {
        use std::os::unix::fs::{FileTypeExt as _, OpenOptionsExt as _};
        if !std::fs::metadata(file).is_ok_and(|m| m.file_type().is_char_device()) {
            continue;
        }
        let mut options = std::fs::OpenOptions::new();
        // Never made the process's terminal, never waiting on the device.
        options.read(true).custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
        if options.open(file).is_ok_and(|opened| opened.is_terminal()) {
            let source = crate::atomic::terminal_refused();
            return Err(DatasetError::Io { file: file.clone(), source });
        }
    }
    #[cfg(not(unix))]
    let _ = files;
    Ok(())
}

/// Whether `path` is the file or pipe standard input reads (`--data -` or `/dev/stdin`
/// with a dataset piped in): the browser then takes its keys from the terminal itself.
pub fn is_standard_input(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        // Converted as `MetadataExt` does: `dev_t` is signed on some systems (macOS).
        #[allow(clippy::unnecessary_cast, clippy::cast_sign_loss)]
        fn same(stat: &rustix::fs::Stat, metadata: &std::fs::Metadata) -> bool {
            (stat.st_dev as u64, stat.st_ino as u64) == (metadata.dev(), metadata.ino())
        }
        // fstat on the descriptor itself: no duplicate opened just to look at it.
        match (rustix::fs::fstat(std::io::stdin()), std::fs::metadata(path)) {
            (Ok(stdin), Ok(file)) => same(&stdin, &file),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

/// Which files a reading opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Files {
    /// Any that can be read: `--data` reads pipes and devices too (`--data <(curl …)`).
    Any,
    /// Regular files only, opened without ever waiting: the datasets folder's, where a FIFO
    /// (swapped in even after a look at the name) would hold the start up for ever.
    Regular,
}

/// Reads a file's text.
pub fn read_source(path: &Path) -> Result<String, DatasetError> {
    read_text(path, Files::Any, &|_| {}, &|_| Ok(()))
}

/// Reads a regular file's text ([`Files::Regular`]): anything else is refused unread.
pub fn read_regular_source(path: &Path) -> Result<String, DatasetError> {
    read_text(path, Files::Regular, &|_| {}, &|_| Ok(()))
}

/// Reads a file's text; `progress` is told of each block read, then of 0 bytes at its end
/// (a pipe's size is known only then). A pipe or a device may never end (`--data <(yes)`):
/// once its first block is in, `look` is shown that block's text, and an error it finds
/// there ends the reading.
pub(super) fn read_text(
    path: &Path,
    files: Files,
    progress: &(dyn Fn(u64) + Sync),
    look: &dyn Fn(&str) -> Result<(), DatasetError>,
) -> Result<String, DatasetError> {
    let io = |source| DatasetError::Io { file: path.to_path_buf(), source };
    let mut file = open(path, files).map_err(io)?;
    let room = usize::try_from(file.size).unwrap_or(0).saturating_add(1);
    let mut text = Text { file: path, bytes: Vec::with_capacity(room), checked: 0 };
    let mut first = true;
    loop {
        let read = (&mut file).take(READ_BLOCK).read_to_end(&mut text.bytes).map_err(io)?;
        progress(read as u64);
        if read == 0 {
            break;
        }
        text.check(false)?;
        // A whole block and no size: a stream, whose end may never come.
        if std::mem::take(&mut first) && file.size == 0 && read as u64 == READ_BLOCK {
            let mut start = text.bytes[..text.checked].to_vec();
            lone_cr_line_ends_made_lf(&mut start);
            look(std::str::from_utf8(&start).unwrap_or_default())?;
            reserve_for_a_stream(&mut text.bytes);
        }
    }
    text.check(true)?;
    lone_cr_line_ends_made_lf(&mut text.bytes);
    String::from_utf8(text.bytes).map_err(|_| {
        io(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "stream did not contain valid UTF-8",
        ))
    })
}

/// Each lone CR of a text made LF, as editors show it: a line break (classic Mac OS, as some
/// editors still save, or lines of it pasted among others). ron reads a comment to the next LF
/// otherwise, and the partner after it with it (as [`super::fast_ron::skip_comment`] does
/// not), and a problem would be placed on the line before. A CR inside a string is then a line
/// break there, a control character, and said so.
fn lone_cr_line_ends_made_lf(bytes: &mut [u8]) {
    let lone = |at: usize, bytes: &[u8]| bytes.get(at + 1) != Some(&b'\n');
    let mut from = 0;
    while let Some(found) = memchr::memchr(b'\r', &bytes[from..]) {
        let at = from + found;
        if lone(at, bytes) {
            bytes[at] = b'\n';
        }
        from = at + 1;
    }
}

/// Room for the rest of a stream, whose size is known at its end. Grown by doubling, its
/// text left the blocks it outgrew (512 MB at a million partners) with the allocator, which
/// gave them back to the system only after the index was made: 2.8 GB instead of 2.3. Room
/// for the most a dataset may hold is only reserved (pages are used as the text comes), on
/// 64-bit Unix where address space is plenty and memory is committed as it is touched;
/// where the system will not reserve that much, the text grows as before.
fn reserve_for_a_stream(bytes: &mut Vec<u8>) {
    if cfg!(all(unix, target_pointer_width = "64")) {
        let most = usize::try_from(MOST_BYTES).unwrap_or(usize::MAX);
        let _ = bytes.try_reserve_exact(most.saturating_sub(bytes.len()));
    }
}

/// Bytes read between two progress reports. (Reading blocks on every core was measured: no
/// faster than this on two cores, see BENCHMARKS.md, so it went.)
pub(super) const READ_BLOCK: u64 = 4 << 20;

/// The most a dataset file may hold: reading stops past it, so that `--data /dev/zero` or a
/// link to it is an error, not the memory filled. (A million partners take 0.9 GB.)
pub(super) const MOST_BYTES: u64 = 4 << 30;

/// `path` opened for reading at most [`MOST_BYTES`]. A regular file larger than that is an
/// error before anything is read; a pipe or a device (size 0) is stopped when it passes it.
pub(super) fn open(path: &Path, files: Files) -> std::io::Result<Bounded<std::fs::File>> {
    let file = match files {
        Files::Any => std::fs::File::open(path)?,
        Files::Regular => crate::atomic::open_regular(path)?,
    };
    if file.is_terminal() {
        return Err(crate::atomic::terminal_refused());
    }
    let size = file.metadata()?.len();
    if size > MOST_BYTES {
        return Err(too_large());
    }
    Ok(Bounded::new(file, MOST_BYTES, size))
}

fn too_large() -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::FileTooLarge, "larger than 4 GiB")
}

/// A reader that fails once more than `left` bytes come.
pub(super) struct Bounded<R> {
    inner: R,
    left: u64,
    /// The size the file said it had (0 for a pipe or a device).
    pub(super) size: u64,
}

impl<R> Bounded<R> {
    pub(super) fn new(inner: R, most: u64, size: u64) -> Bounded<R> {
        Bounded { inner, left: most, size }
    }
}

impl<R: std::io::Read> std::io::Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        if self.left == 0 {
            // At the bound: one more byte says the file goes on.
            let mut one = [0];
            return match self.inner.read(&mut one)? {
                0 => Ok(0),
                _ => Err(too_large()),
            };
        }
        let most = buf.len().min(usize::try_from(self.left).unwrap_or(usize::MAX));
        let read = self.inner.read(&mut buf[..most])?;
        self.left -= read as u64;
        Ok(read)
    }
}

/// The bytes of a dataset file read so far, checked as they come: a pipe or a device may
/// never end, and binary data (`/dev/zero`, `/dev/urandom`) stops the reading at once.
struct Text<'a> {
    file: &'a Path,
    bytes: Vec<u8>,
    /// How many bytes were found to be UTF-8 without a NUL.
    checked: usize,
}

impl Text<'_> {
    /// Fails at bytes that are not UTF-8, or at a NUL: ron would take one in a comment, but
    /// no dataset text holds one, and every file is held to the same rule, whatever it is.
    /// `end`: the file is all read (a character cut at the end is not finished later).
    fn check(&mut self, end: bool) -> Result<(), DatasetError> {
        let fresh = &self.bytes[self.checked..];
        let (valid, bad) = match std::str::from_utf8(fresh) {
            Ok(_) => (fresh.len(), false),
            // A character cut at the end of what came is finished by the next block.
            Err(e) if e.error_len().is_none() && !end => (e.valid_up_to(), false),
            Err(e) => (e.valid_up_to(), true),
        };
        let nul = memchr::memchr(0, &fresh[..valid]);
        let said = i18n::data();
        let (offset, message, fix) = match nul {
            Some(nul) => (self.checked + nul, said.nul_byte, said.nul_byte_fix),
            None if bad => (self.checked + valid, said.not_utf8, said.not_utf8_fix),
            None => {
                self.checked += valid;
                return Ok(());
            }
        };
        // All UTF-8 up to there: the line and column can be counted, on lines as read (a
        // file whose lines end in a lone CR has them made LF, as its first CR says).
        let mut head = self.bytes[..offset].to_vec();
        lone_cr_line_ends_made_lf(&mut head);
        let source = String::from_utf8_lossy(&head);
        let finder = SourceFinder::new(&source, self.file);
        let problem = finder.invalid(offset, message.to_owned(), fix);
        Err(problem)
    }
}

/// Whether the string `literal` (quotes included) holds `value`, its escapes read as RON
/// reads them: a value holding an escape sequence is found where it is written.
fn holds(literal: &str, value: &str) -> bool {
    if let Some(raw) = literal.strip_prefix('r') {
        let hashes = raw.len() - raw.trim_start_matches('#').len();
        return raw.get(hashes + 1..raw.len() - hashes - 1) == Some(value);
    }
    let inner = &literal[1..literal.len() - 1];
    if inner.contains('\\') {
        ron::from_str::<String>(literal).is_ok_and(|read| read == value)
    } else {
        inner == value
    }
}

/// Finds where values sit in the source text, so semantic errors carry a line and column.
pub(super) struct SourceFinder<'a> {
    pub(super) source: &'a str,
    pub(super) file: &'a Path,
    /// The last place [`SourceFinder::position`] was asked for, and how many lines end
    /// before it: errors come in the order of the file, so each counts lines from the last.
    pub(super) seen: std::cell::Cell<(usize, usize)>,
}

impl<'a> SourceFinder<'a> {
    pub(super) fn new(source: &'a str, file: &'a Path) -> SourceFinder<'a> {
        SourceFinder { source, file, seen: std::cell::Cell::default() }
    }

    /// The byte offset of `id: "<id>"` at or after `from` (a place outside any string).
    pub(super) fn find_id(&self, id: &str, from: usize) -> Option<usize> {
        let is_id = |offset: usize| {
            let before = self.source[..offset].trim_end();
            before.ends_with(':') && before[..before.len() - 1].trim_end().ends_with("id")
        };
        let quoted = format!("\"{id}\"");
        let mut search = from;
        while let Some(found) = self.source[search..].find(&quoted) {
            let offset = search + found;
            // A partner commented out (`// (id: "two", …)`, kept for the record) is not it.
            if is_id(offset) && self.is_code(from, offset) {
                return Some(offset);
            }
            search = offset + quoted.len();
        }
        // Written with escapes: each string is read.
        self.strings_from(from)
            .find(|&(offset, literal)| is_id(offset) && holds(literal, id))
            .map(|(offset, _)| offset)
    }

    /// Whether `offset` stands outside any comment, string and character, read on from `from`
    /// (a place outside them all).
    fn is_code(&self, from: usize, offset: usize) -> bool {
        let bytes = self.source.as_bytes();
        let mut at = from;
        while let Some(n) =
            bytes.get(at..offset).and_then(|b| memchr::memchr3(b'"', b'/', b'\'', b))
        {
            let next = at + n;
            let end = match bytes[next] {
                b'/' => super::fast_ron::skip_comment(bytes, next),
                b'\'' => Some(super::syntax::skip_char(bytes, next)),
                _ => literal_end(bytes, raw_start(bytes, next)),
            };
            match end {
                Some(end) if end <= offset => at = end,
                _ => return false,
            }
        }
        true
    }

    /// The byte offset of the string whose value is `value` at or after `from` (a place
    /// outside any string), else `from`.
    pub(super) fn locate_string(&self, value: &str, from: usize) -> usize {
        let plain = self.source[from..].find(&format!("\"{value}\"")).map(|i| from + i);
        // Not in a comment (a relation commented out before the one written).
        let plain = plain.filter(|&at| self.is_code(from, at));
        plain
            .or_else(|| self.strings_from(from).find(|&(_, s)| holds(s, value)).map(|(at, _)| at))
            .unwrap_or(from)
    }

    /// The byte offset of the string `n` strings on from `from` (a place outside any
    /// string; the first is 0), else `from`: an item of a list of strings, whatever it holds.
    pub(super) fn nth_string(&self, n: usize, from: usize) -> usize {
        self.strings_from(from).nth(n).map_or(from, |(at, _)| at)
    }

    /// Where the string that opens at `open` ends (after its closing quote, and the `#`s of
    /// a raw string).
    pub(super) fn after_string(&self, open: usize) -> usize {
        literal_end(self.source.as_bytes(), open).unwrap_or(open + 1)
    }

    /// Each string at or after `from` (a place outside any string) with where it opens
    /// (at the `r` of a raw string), quotes included. The quotes of comments, of raw strings
    /// and of characters (`'"'`) open none: counted, they would put every string after them
    /// out of step.
    fn strings_from(&self, from: usize) -> impl Iterator<Item = (usize, &str)> {
        let bytes = self.source.as_bytes();
        let mut at = from;
        std::iter::from_fn(move || {
            loop {
                let next = at + memchr::memchr3(b'"', b'/', b'\'', bytes.get(at..)?)?;
                match bytes[next] {
                    b'/' => at = super::fast_ron::skip_comment(bytes, next)?,
                    b'\'' => at = super::syntax::skip_char(bytes, next),
                    _ => {
                        let open = raw_start(bytes, next);
                        let end = literal_end(bytes, open)?;
                        at = end;
                        return Some((open, &self.source[open..end]));
                    }
                }
            }
        })
    }

    /// The byte offset of the field `name` (`name:`) of the structure whose text goes on at
    /// `from` (a place outside any string, in that structure and not in one inside it): the
    /// same word in a string, a comment or an inner structure (a relation's `name:`) is not
    /// that field. Else where `name:` is written after `from`, else `from`.
    pub(super) fn locate_field(&self, name: &str, from: usize) -> usize {
        let bytes = self.source.as_bytes();
        let mut depth = 0usize;
        for (at, token) in tokens(bytes, from) {
            match token {
                Token::Open => depth += 1,
                Token::Close if depth == 0 => break,
                Token::Close => depth -= 1,
                Token::Word(end) if depth == 0 && &bytes[at..end] == name.as_bytes() => {
                    let after =
                        end + bytes[end..].iter().take_while(|b| b.is_ascii_whitespace()).count();
                    if bytes.get(after) == Some(&b':') {
                        return at;
                    }
                }
                Token::Word(_) => {}
                Token::Unclosed => break,
            }
        }
        self.locate(&format!("{name}:"), from)
    }

    /// Where the innermost bracket still open at `at` opens, read on from `from` (a place
    /// outside any string, before `at`): the structure whose text goes on at `at`. A
    /// partner's fields may be written before its id, which is where it is found.
    pub(super) fn opening(&self, from: usize, at: usize) -> Option<usize> {
        let mut open = Vec::new();
        for (next, token) in tokens(self.source.as_bytes(), from) {
            if next >= at {
                break;
            }
            match token {
                Token::Open => open.push(next),
                Token::Close => {
                    open.pop();
                }
                Token::Word(_) => {}
                Token::Unclosed => return None,
            }
        }
        open.pop()
    }

    /// The byte offset of item `n` (the first is 0) of the list of structures that opens
    /// after `from` (a place outside any string: the list's field name), else `from`: a
    /// relation of `relations: [...]`, whatever it holds.
    pub(super) fn nth_item(&self, n: usize, from: usize) -> usize {
        let (mut depth, mut seen) = (0usize, 0usize);
        for (at, token) in tokens(self.source.as_bytes(), from) {
            match token {
                Token::Open => {
                    depth += 1;
                    if depth == 2 {
                        if seen == n {
                            return at;
                        }
                        seen += 1;
                    }
                }
                // The list ends, or the structure it is in.
                Token::Close if depth <= 1 => break,
                Token::Close => depth -= 1,
                Token::Word(_) => {}
                Token::Unclosed => break,
            }
        }
        from
    }

    /// The byte offset of `needle` at or after `from`, else `from`.
    pub(super) fn locate(&self, needle: &str, from: usize) -> usize {
        self.source[from..].find(needle).map_or(from, |i| from + i)
    }

    pub(super) fn position(&self, offset: usize) -> Location {
        let bytes = self.source.as_bytes();
        let newlines = |range: &[u8]| memchr::memchr_iter(b'\n', range).count();
        let (last, ended) = self.seen.get();
        let ended = if offset >= last {
            ended + newlines(&bytes[last..offset])
        } else {
            ended - newlines(&bytes[offset..last])
        };
        self.seen.set((offset, ended));
        let line_start = memchr::memrchr(b'\n', &bytes[..offset]).map_or(0, |i| i + 1);
        let column = self.source[line_start..offset].chars().count() + 1;
        Location { file: self.file.to_path_buf(), line: ended + 1, column }
    }

    pub(super) fn invalid(&self, offset: usize, message: String, fix: &str) -> DatasetError {
        DatasetError::Invalid { at: self.position(offset), message, fix: fix.to_owned() }
    }
}

/// Where the string whose opening quote is at `quote` starts: at its `r` when it is raw
/// (`r"…"`, `r#"…"#`), else at the quote.
fn raw_start(bytes: &[u8], quote: usize) -> usize {
    let hashes = bytes[..quote].iter().rev().take_while(|b| **b == b'#').count();
    let r = quote - hashes;
    let is_r = r > 0 && bytes[r - 1] == b'r';
    let word_before = r > 1 && (bytes[r - 2].is_ascii_alphanumeric() || bytes[r - 2] == b'_');
    if is_r && !word_before { r - 1 } else { quote }
}

/// What a place in a dataset's text is found by, past strings, characters and comments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    /// `(`, `[` or `{`.
    Open,
    /// `)`, `]` or `}`.
    Close,
    /// A word (a field's name, an identifier), ending at this byte.
    Word(usize),
    /// A string or a comment that never ends: nothing after it is read.
    Unclosed,
}

/// The brackets and words of `bytes` from `from` (a place outside any string), each with where
/// it is.
fn tokens(bytes: &[u8], from: usize) -> impl Iterator<Item = (usize, Token)> + '_ {
    let mut next = Some(from);
    std::iter::from_fn(move || {
        loop {
            let at = next?;
            let &byte = bytes.get(at)?;
            let (after, token) = match byte {
                b'"' => (literal_end(bytes, at), None),
                b'\'' => (Some(super::syntax::skip_char(bytes, at)), None),
                b'/' => (super::fast_ron::skip_comment(bytes, at), None),
                b'(' | b'[' | b'{' => (Some(at + 1), Some(Token::Open)),
                b')' | b']' | b'}' => (Some(at + 1), Some(Token::Close)),
                b if is_word(b) => {
                    let end = at + bytes[at..].iter().take_while(|b| is_word(**b)).count();
                    // A raw string (`r"…"`, `br#"…"#`) is skipped as a whole.
                    match word_end(bytes, at) {
                        Some(after) if after == end => (Some(end), Some(Token::Word(end))),
                        after => (after, None),
                    }
                }
                _ => (Some(at + 1), None),
            };
            next = after;
            match (after, token) {
                (None, _) => return Some((at, Token::Unclosed)),
                (Some(_), Some(token)) => return Some((at, token)),
                (Some(_), None) => {}
            }
        }
    })
}

/// The byte after the word that starts at `at` (a field's name, a variant), or after the raw
/// string it opens (`r"…"`, `r#"…"#`); `None` if that string never closes.
fn word_end(bytes: &[u8], at: usize) -> Option<usize> {
    let end = at + bytes[at..].iter().take_while(|b| is_word(**b)).count();
    let raw =
        matches!(&bytes[at..end], b"r" | b"br") && matches!(bytes.get(end), Some(b'"' | b'#'));
    if raw { super::syntax::skip_raw_string(bytes, end) } else { Some(end) }
}

/// Whether `byte` may be part of a field's name.
fn is_word(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_'
}

/// The byte after the string that opens at `open` (a quote, or the `r` of a raw string);
/// `None` if it never closes.
fn literal_end(bytes: &[u8], open: usize) -> Option<usize> {
    if bytes.get(open) == Some(&b'r') {
        super::syntax::skip_raw_string(bytes, open + 1)
    } else {
        super::fast_ron::skip_string(bytes, open)
    }
}

#[cfg(test)]
mod tests {
    use std::io::Read as _;

    use super::*;

    fn read_all(bytes: &[u8], most: u64) -> std::io::Result<Vec<u8>> {
        let mut out = Vec::new();
        Bounded::new(bytes, most, 0).read_to_end(&mut out).map(|_| out)
    }

    #[test]
    fn a_bounded_reader_gives_up_to_its_bound_and_fails_past_it() {
        assert_eq!(read_all(b"", 0).ok(), Some(Vec::new()));
        assert_eq!(read_all(b"abc", 3).ok(), Some(b"abc".to_vec()));
        assert_eq!(read_all(b"abc", 10).ok(), Some(b"abc".to_vec()));
        for most in [0, 1, 2] {
            let err = read_all(b"abc", most).expect_err("past the bound");
            assert_eq!(err.kind(), std::io::ErrorKind::FileTooLarge, "{most}");
        }
    }
}
