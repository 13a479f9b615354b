//! Unified social credit codes (统一社会信用代码, GB 32100-2015).

use super::resident_id::fold_code;
use std::fmt;

/// The 31 characters of GB 32100: digits and capitals without I, O, S, V, Z.
pub const ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
/// 3^i mod 31 for positions 1–17.
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// A validated 18-character unified social credit code.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Uscc(String);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UsccError {
    Length(usize),
    /// A character outside the alphabet, with its 1-based position.
    BadCharacter {
        ch: char,
        position: usize,
    },
    Checksum {
        expected: char,
        found: char,
    },
}

fn value_of(c: u8) -> Option<u32> {
    ALPHABET.iter().position(|&a| a == c).map(|p| p as u32)
}

/// The check character for the first 17 characters, all from the alphabet.
pub fn check_char(first17: &[u8]) -> char {
    let sum: u32 = first17
        .iter()
        .zip(WEIGHTS)
        .map(|(&c, w)| value_of(c).unwrap_or(0) * w)
        .sum();
    ALPHABET[((31 - sum % 31) % 31) as usize] as char
}

impl Uscc {
    /// Any allowed first character is accepted (Y and N registrations exist).
    pub fn parse(input: &str) -> Result<Self, UsccError> {
        let s = fold_code(input);
        let len = s.chars().count();
        if len != 18 {
            return Err(UsccError::Length(len));
        }
        for (i, c) in s.chars().enumerate() {
            if !c.is_ascii() || value_of(c as u8).is_none() {
                return Err(UsccError::BadCharacter {
                    ch: c,
                    position: i + 1,
                });
            }
        }
        let b = s.as_bytes();
        let expected = check_char(&b[..17]);
        if expected as u8 != b[17] {
            return Err(UsccError::Checksum {
                expected,
                found: b[17] as char,
            });
        }
        Ok(Uscc(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The registering authority (1 机构编制, 5 民政, 9 工商, …).
    pub fn authority(&self) -> char {
        self.0.as_bytes()[0] as char
    }

    /// The six-digit area code, characters 3–8.
    pub fn area_code(&self) -> &str {
        &self.0[2..8]
    }

    /// Whether characters 9–17 pass the GB 11714 organisation-code check.
    /// Real codes do; a failure is a warning, never a refusal.
    pub fn organisation_code_ok(&self) -> bool {
        const W: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];
        let org = &self.0.as_bytes()[8..17];
        let digit = |c: u8| -> u32 {
            if c.is_ascii_digit() {
                u32::from(c - b'0')
            } else {
                u32::from(c - b'A') + 10
            }
        };
        let sum: u32 = org[..8].iter().zip(W).map(|(&c, w)| digit(c) * w).sum();
        let expected = match 11 - sum % 11 {
            10 => b'X',
            11 => b'0',
            n => b'0' + n as u8,
        };
        org[8] == expected
    }

    /// Builds a valid code from the first 17 characters; demo and test data.
    pub fn compose(first17: &str) -> Self {
        let mut s = first17.to_string();
        s.push(check_char(first17.as_bytes()));
        Uscc(s)
    }
}

impl fmt::Display for Uscc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_public_test_vectors_are_judged_as_published() {
        assert!(Uscc::parse("91110000600037341L").is_ok());
        assert!(Uscc::parse("9115220107837757XE").is_ok());
        assert!(matches!(
            Uscc::parse("91110000600037341N"),
            Err(UsccError::Checksum { expected: 'L', .. })
        ));
        assert!(matches!(
            Uscc::parse("9111000060003IOZSV"),
            Err(UsccError::BadCharacter {
                ch: 'I',
                position: 14
            })
        ));
    }

    #[test]
    fn codes_starting_with_letters_are_accepted() {
        let y = Uscc::compose("Y1130110MA0F3K7Q2");
        assert!(Uscc::parse(y.as_str()).is_ok());
        let n = Uscc::compose("N2130110MA0F3K7Q2");
        assert_eq!(Uscc::parse(n.as_str()).unwrap().authority(), 'N');
    }

    #[test]
    fn lowercase_is_folded_and_length_is_checked() {
        assert!(Uscc::parse("91110000600037341l").is_ok());
        assert_eq!(Uscc::parse("9111"), Err(UsccError::Length(4)));
    }

    #[test]
    fn the_inner_organisation_code_check_is_reported() {
        let real = Uscc::parse("91110000600037341L").unwrap();
        assert!(real.organisation_code_ok());
        assert_eq!(real.area_code(), "110000");
        let made_up = Uscc::compose("91130110000000001");
        assert!(!made_up.organisation_code_ok());
    }
}
