//! Just enough of the zip format to read the parts of an `.odt` or `.docx`: the central
//! directory (zip64 included), stored and deflated entries, their CRC-32. Every size and offset
//! is checked against the bytes there are, and what an entry may expand to is capped, so that a
//! truncated file, a lying header or a zip bomb ends in an [`Error`], never a panic or an
//! allocation the size of a lie.

use super::{Code, Error};
use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};

/// What all the entries read from one archive may expand to, together.
pub const MAX_UNPACKED: u64 = 256 * 1024 * 1024;

pub struct Archive<'a> {
    data: &'a [u8],
    entries: Vec<Entry>,
    /// What may still be unpacked (see [`MAX_UNPACKED`]).
    budget: u64,
}

#[derive(Clone, Debug)]
pub struct Entry {
    pub name: String,
    method: u16,
    flags: u16,
    crc: u32,
    packed: u64,
    pub size: u64,
    offset: u64,
}

fn corrupt(why: &str) -> Error {
    Error::new(
        Code::CorruptZip,
        format!("the file is damaged: its zip archive {why}"),
    )
}

fn u16_at(d: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(d.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(d: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(d.get(at..at + 4)?.try_into().ok()?))
}

fn u64_at(d: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(d.get(at..at + 8)?.try_into().ok()?))
}

impl<'a> Archive<'a> {
    /// Reads the central directory.
    pub fn open(data: &'a [u8]) -> Result<Self, Error> {
        // The end record is in the last 22 + 65535 bytes (its comment is at most 65535 long).
        let from = data.len().saturating_sub(22 + 0xffff);
        let eocd = (from..=data.len().saturating_sub(22))
            .rev()
            .find(|&k| data[k..].starts_with(b"PK\x05\x06"))
            .ok_or_else(|| corrupt("has no central directory (the file may be cut short)"))?;
        let bad = || corrupt("has a broken central directory");
        let mut count = u16_at(data, eocd + 10).ok_or_else(bad)? as u64;
        let mut cd_size = u32_at(data, eocd + 12).ok_or_else(bad)? as u64;
        let mut cd_at = u32_at(data, eocd + 16).ok_or_else(bad)? as u64;
        if count == 0xffff || cd_size == 0xffff_ffff || cd_at == 0xffff_ffff {
            // Zip64: a locator right before the end record points at the zip64 end record.
            let loc = eocd.checked_sub(20).ok_or_else(bad)?;
            if u32_at(data, loc) != Some(0x0706_4b50) {
                return Err(bad());
            }
            let rec = usize::try_from(u64_at(data, loc + 8).ok_or_else(bad)?).map_err(|_| bad())?;
            if u32_at(data, rec) != Some(0x0606_4b50) {
                return Err(bad());
            }
            count = u64_at(data, rec + 32).ok_or_else(bad)?;
            cd_size = u64_at(data, rec + 40).ok_or_else(bad)?;
            cd_at = u64_at(data, rec + 48).ok_or_else(bad)?;
        }
        let start = usize::try_from(cd_at).map_err(|_| bad())?;
        let end = start
            .checked_add(usize::try_from(cd_size).map_err(|_| bad())?)
            .filter(|&e| e <= data.len())
            .ok_or_else(bad)?;
        // Each entry takes at least 46 bytes: a count beyond that is a lie, not an allocation.
        if count > (end - start) as u64 / 46 + 1 {
            return Err(bad());
        }
        let mut entries = Vec::with_capacity(count as usize);
        let mut at = start;
        for _ in 0..count {
            if u32_at(data, at) != Some(0x0201_4b50) || at + 46 > end {
                return Err(bad());
            }
            let flags = u16_at(data, at + 8).ok_or_else(bad)?;
            let method = u16_at(data, at + 10).ok_or_else(bad)?;
            let crc = u32_at(data, at + 16).ok_or_else(bad)?;
            let mut packed = u32_at(data, at + 20).ok_or_else(bad)? as u64;
            let mut size = u32_at(data, at + 24).ok_or_else(bad)? as u64;
            let name_len = u16_at(data, at + 28).ok_or_else(bad)? as usize;
            let extra_len = u16_at(data, at + 30).ok_or_else(bad)? as usize;
            let comment_len = u16_at(data, at + 32).ok_or_else(bad)? as usize;
            let mut offset = u32_at(data, at + 42).ok_or_else(bad)? as u64;
            let name = data.get(at + 46..at + 46 + name_len).ok_or_else(bad)?;
            let extra = data
                .get(at + 46 + name_len..at + 46 + name_len + extra_len)
                .ok_or_else(bad)?;
            // The zip64 extra field holds, in this order, the fields that overflowed.
            let mut k = 0;
            while k + 4 <= extra.len() {
                let id = u16_at(extra, k).unwrap_or(0);
                let len = u16_at(extra, k + 2).unwrap_or(0) as usize;
                let body = extra.get(k + 4..k + 4 + len).unwrap_or(&[]);
                if id == 1 {
                    let mut f = 0;
                    for field in [&mut size, &mut packed, &mut offset] {
                        if *field == 0xffff_ffff {
                            *field = u64_at(body, f).ok_or_else(bad)?;
                            f += 8;
                        }
                    }
                }
                k += 4 + len;
            }
            entries.push(Entry {
                name: String::from_utf8_lossy(name).into_owned(),
                method,
                flags,
                crc,
                packed,
                size,
                offset,
            });
            at += 46 + name_len + extra_len + comment_len;
        }
        Ok(Archive {
            data,
            entries,
            budget: MAX_UNPACKED,
        })
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry of that name; names are compared without case, as Office does.
    pub fn find(&self, name: &str) -> Option<&Entry> {
        let name = name.trim_start_matches('/');
        self.entries.iter().find(|e| e.name == name).or_else(|| {
            self.entries
                .iter()
                .find(|e| e.name.eq_ignore_ascii_case(name))
        })
    }

    /// The unpacked bytes of the entry of that name, or `None` when there is none.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, Error> {
        let Some(entry) = self.find(name).cloned() else {
            return Ok(None);
        };
        self.unpack(&entry).map(Some)
    }

    fn unpack(&mut self, e: &Entry) -> Result<Vec<u8>, Error> {
        let bad = || corrupt(&format!("has a broken entry {}", e.name));
        if e.flags & 1 != 0 {
            return Err(Error::new(
                Code::EncryptedDocument,
                "this document is protected by a password; open it in its word processor and save it without one".into(),
            ));
        }
        if e.size > self.budget {
            return Err(too_large());
        }
        let at = usize::try_from(e.offset).map_err(|_| bad())?;
        if u32_at(self.data, at) != Some(0x0403_4b50) {
            return Err(bad());
        }
        let name_len = u16_at(self.data, at + 26).ok_or_else(bad)? as usize;
        let extra_len = u16_at(self.data, at + 28).ok_or_else(bad)? as usize;
        let start = at + 30 + name_len + extra_len;
        let end = usize::try_from(e.packed)
            .ok()
            .and_then(|p| start.checked_add(p))
            .ok_or_else(bad)?;
        let packed = self
            .data
            .get(start..end)
            .ok_or_else(|| corrupt(&format!("is cut short inside {}", e.name)))?;
        let out = match e.method {
            0 => packed.to_vec(),
            8 => match decompress_to_vec_with_limit(packed, e.size as usize) {
                Ok(v) => v,
                // More than the entry says it holds: a lie, and the way zip bombs are made.
                Err(err) if err.status == TINFLStatus::HasMoreOutput => {
                    return Err(corrupt(&format!(
                        "says {} holds {} bytes but it holds more",
                        e.name, e.size
                    )))
                }
                Err(_) => return Err(bad()),
            },
            m => {
                return Err(corrupt(&format!(
                    "packs {} with a method this reader does not know ({m})",
                    e.name
                )))
            }
        };
        if out.len() as u64 != e.size || crc32(&out) != e.crc {
            return Err(corrupt(&format!("has a damaged entry {}", e.name)));
        }
        self.budget -= out.len() as u64;
        Ok(out)
    }
}

pub fn too_large() -> Error {
    Error::new(
        Code::TooLarge,
        format!(
            "this document unpacks to more than {} MiB; it is refused (a zip bomb, or far larger than minutes are)",
            MAX_UNPACKED >> 20
        ),
    )
}

/// CRC-32 (IEEE), as zip uses it.
pub fn crc32(bytes: &[u8]) -> u32 {
    const TABLE: [u32; 256] = {
        let mut t = [0u32; 256];
        let mut i = 0;
        while i < 256 {
            let mut c = i as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 != 0 {
                    0xedb8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
                k += 1;
            }
            t[i] = c;
            i += 1;
        }
        t
    };
    let mut c = !0u32;
    for &b in bytes {
        c = TABLE[((c ^ b as u32) & 0xff) as usize] ^ (c >> 8);
    }
    !c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_of_a_known_string() {
        assert_eq!(crc32(b"123456789"), 0xcbf4_3926);
        assert_eq!(crc32(b""), 0);
    }
}
