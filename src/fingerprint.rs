//! One hash for every fingerprint gazette keeps: of an article's inputs, of what a page
//! showed of others, of an output folder's name.

use xxhash_rust::xxh3::Xxh3;

/// A 128-bit fingerprint of a sequence of strings.
#[derive(Default)]
pub struct Fingerprint(Xxh3);

impl Fingerprint {
    /// Add one string; its length goes first, so ("ab", "c") and ("a", "bc") differ.
    pub fn add(&mut self, text: &str) -> &mut Self {
        self.add_bytes(text.as_bytes())
    }

    /// Add bytes, their length first as with [`Fingerprint::add`].
    pub fn add_bytes(&mut self, bytes: &[u8]) -> &mut Self {
        self.0.update(&(bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
        self
    }

    pub fn finish(&self) -> String {
        format!("{:032x}", self.0.digest128())
    }
}

#[cfg(test)]
mod tests {
    use super::Fingerprint;

    #[test]
    fn fingerprints_separate_their_parts() {
        let ab_c = Fingerprint::default().add("ab").add("c").finish();
        let a_bc = Fingerprint::default().add("a").add("bc").finish();
        assert_ne!(ab_c, a_bc);
        assert_eq!(ab_c, Fingerprint::default().add("ab").add("c").finish());
        assert_eq!(ab_c.len(), 32);
    }
}
