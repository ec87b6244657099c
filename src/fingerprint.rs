//! One hash for every fingerprint gazette keeps: of an article's inputs, of what a page
//! showed of others, of an output folder's name.

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3;

/// A 128-bit fingerprint, as 32 hexadecimal digits; empty where it is not known yet.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Fingerprint(String);

impl Fingerprint {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Makes the [`Fingerprint`] of a sequence of strings.
#[derive(Default)]
pub struct Fingerprinter(Xxh3);

impl Fingerprinter {
    /// Add one string; its length goes first, so ("ab", "c") and ("a", "bc") differ.
    pub fn add(&mut self, text: &str) -> &mut Self {
        self.add_bytes(text.as_bytes())
    }

    /// Add bytes, their length first as with [`Fingerprinter::add`].
    pub fn add_bytes(&mut self, bytes: &[u8]) -> &mut Self {
        self.0.update(&(bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
        self
    }

    pub fn finish(&self) -> Fingerprint {
        Fingerprint(format!("{:032x}", self.0.digest128()))
    }
}

#[cfg(test)]
mod tests {
    use super::Fingerprinter;

    #[test]
    fn fingerprints_separate_their_parts() {
        let ab_c = Fingerprinter::default().add("ab").add("c").finish();
        let a_bc = Fingerprinter::default().add("a").add("bc").finish();
        assert_ne!(ab_c, a_bc);
        assert_eq!(ab_c, Fingerprinter::default().add("ab").add("c").finish());
        assert_eq!(ab_c.as_str().len(), 32);
    }
}
