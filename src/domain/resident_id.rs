//! Resident ID numbers (公民身份号码, GB 11643-1999).

use chrono::{Datelike, NaiveDate};
use std::fmt;

/// GB 11643 weights: 2^(17-i) mod 11.
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS: &[u8; 11] = b"10X98765432";

/// Province-level codes (first two digits) that exist or existed: mainland
/// provinces, plus 71/81/82/83 used for Taiwan, Hong Kong and Macao residents.
/// County codes are not checked: they change over time (鹿泉 130185 → 130110).
const PROVINCES: [u8; 35] = [
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
    53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
];

/// A validated, normalised 18-character resident ID number.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ResidentId(String);

/// Why a value is not a resident ID number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResidentIdError {
    /// Neither 18 nor 15 characters.
    Length(usize),
    /// A character other than a digit (or X in the last place).
    BadCharacter(char),
    /// The first two digits are no province.
    UnknownProvince(String),
    /// The birth date part is no calendar date.
    BadBirthDate(String),
    /// The birth date lies after today.
    FutureBirthDate(NaiveDate),
    /// The check character does not match.
    Checksum { expected: char, found: char },
}

/// Folds what a clerk may type into plain ASCII: full-width digits and
/// letters become half-width, lowercase x becomes X, spaces around are dropped.
pub(crate) fn fold_code(input: &str) -> String {
    input
        .trim()
        .chars()
        .map(|c| match c {
            '\u{FF10}'..='\u{FF5A}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        })
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// The check character for the first 17 digits (ASCII digits only).
pub fn check_char(first17: &[u8]) -> char {
    let sum: u32 = first17
        .iter()
        .zip(WEIGHTS)
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    CHECK_CHARS[(sum % 11) as usize] as char
}

impl ResidentId {
    /// Parses and validates an 18-digit number, or upgrades a 15-digit legacy
    /// number (born 19xx) by inserting "19" and computing the check character.
    pub fn parse(input: &str, today: NaiveDate) -> Result<Self, ResidentIdError> {
        let s = fold_code(input);
        let len = s.chars().count();
        if matches!(len, 15 | 18)
            && let Some(c) = s.chars().find(|c| !c.is_ascii_alphanumeric())
        {
            // Before any slicing by byte: a wide character would split.
            return Err(ResidentIdError::BadCharacter(c));
        }
        let full = match len {
            18 => s,
            15 => {
                if let Some(c) = s.chars().find(|c| !c.is_ascii_digit()) {
                    return Err(ResidentIdError::BadCharacter(c));
                }
                let mut up = format!("{}19{}", &s[..6], &s[6..]);
                let check = check_char(up.as_bytes());
                up.push(check);
                up
            }
            n => return Err(ResidentIdError::Length(n)),
        };
        let bytes = full.as_bytes();
        if let Some(c) = full[..17].chars().find(|c| !c.is_ascii_digit()) {
            return Err(ResidentIdError::BadCharacter(c));
        }
        let last = bytes[17] as char;
        if !(last.is_ascii_digit() || last == 'X') {
            return Err(ResidentIdError::BadCharacter(last));
        }
        let province: u8 = full[..2].parse().unwrap_or(0);
        if !PROVINCES.contains(&province) {
            return Err(ResidentIdError::UnknownProvince(full[..6].to_string()));
        }
        let birth = parse_birth(&full[6..14])?;
        if birth > today {
            return Err(ResidentIdError::FutureBirthDate(birth));
        }
        let expected = check_char(&bytes[..17]);
        if expected != last {
            return Err(ResidentIdError::Checksum {
                expected,
                found: last,
            });
        }
        Ok(ResidentId(full))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The six-digit area code where the number was assigned.
    pub fn area_code(&self) -> &str {
        &self.0[..6]
    }

    pub fn birth_date(&self) -> NaiveDate {
        parse_birth(&self.0[6..14]).expect("validated at parse")
    }

    /// A hire day before the person was born, as the number gives the
    /// birth day: Some(birth day) when `hired` is impossible.
    pub fn born_after(&self, hired: NaiveDate) -> Option<NaiveDate> {
        let born = self.birth_date();
        (hired < born).then_some(born)
    }

    /// GB 11643: an odd sequence digit is male.
    pub fn is_male(&self) -> bool {
        (self.0.as_bytes()[16] - b'0') % 2 == 1
    }

    /// Builds a valid number from an area code, a birth date and a sequence
    /// number (0–999); used to make demo and test data.
    pub fn compose(area: &str, birth: NaiveDate, sequence: u16) -> Self {
        let mut s = format!(
            "{area}{:04}{:02}{:02}{:03}",
            birth.year(),
            birth.month(),
            birth.day(),
            sequence % 1000
        );
        let c = check_char(s.as_bytes());
        s.push(c);
        ResidentId(s)
    }
}

fn parse_birth(s: &str) -> Result<NaiveDate, ResidentIdError> {
    let bad = || ResidentIdError::BadBirthDate(s.to_string());
    let y: i32 = s[..4].parse().map_err(|_| bad())?;
    let m: u32 = s[4..6].parse().map_err(|_| bad())?;
    let d: u32 = s[6..8].parse().map_err(|_| bad())?;
    if y < 1900 {
        return Err(bad());
    }
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(bad)
}

impl fmt::Display for ResidentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
    }

    #[test]
    fn the_public_test_vectors_are_judged_as_published() {
        assert!(ResidentId::parse("360426199101010071", today()).is_ok());
        assert!(ResidentId::parse("44011320141005001X", today()).is_ok());
        assert!(matches!(
            ResidentId::parse("36042619910102009X", today()),
            Err(ResidentIdError::Checksum { .. })
        ));
        assert!(matches!(
            ResidentId::parse("360426199113010079", today()),
            Err(ResidentIdError::BadBirthDate(_))
        ));
        assert!(matches!(
            ResidentId::parse("990426199112010074", today()),
            Err(ResidentIdError::UnknownProvince(_))
        ));
    }

    #[test]
    fn a_county_code_that_no_longer_exists_is_accepted() {
        // 鹿泉市 was 130185 until 2014; the number keeps its old code.
        let id = ResidentId::parse("130185198506150028", today()).unwrap();
        assert_eq!(id.area_code(), "130185");
        assert!(!id.is_male());
    }

    #[test]
    fn lowercase_and_full_width_input_is_folded() {
        let id = ResidentId::parse(" 44011320141005001x ", today()).unwrap();
        assert_eq!(id.as_str(), "44011320141005001X");
        let id = ResidentId::parse("３６０４２６１９９１０１０１００７１", today()).unwrap();
        assert_eq!(id.as_str(), "360426199101010071");
    }

    #[test]
    fn a_fifteen_digit_number_is_upgraded_with_its_check_character() {
        let id = ResidentId::parse("360426910101007", today()).unwrap();
        assert_eq!(id.as_str(), "360426199101010071");
        assert_eq!(
            id.birth_date(),
            NaiveDate::from_ymd_opt(1991, 1, 1).unwrap()
        );
    }

    #[test]
    fn a_birth_date_in_the_future_is_refused() {
        let future = ResidentId::compose("130110", NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(), 1);
        assert!(matches!(
            ResidentId::parse(future.as_str(), today()),
            Err(ResidentIdError::FutureBirthDate(_))
        ));
    }

    #[test]
    fn wrong_length_and_letters_are_refused() {
        assert_eq!(
            ResidentId::parse("12345", today()),
            Err(ResidentIdError::Length(5))
        );
        assert_eq!(
            ResidentId::parse("3604261991010100A1", today()),
            Err(ResidentIdError::BadCharacter('A'))
        );
        assert_eq!(
            ResidentId::parse("中华人民共和国公民身份号码十八位", today()),
            Err(ResidentIdError::Length(16))
        );
        assert_eq!(
            ResidentId::parse("3604261991010100中X", today()),
            Err(ResidentIdError::BadCharacter('中'))
        );
        assert_eq!(
            ResidentId::parse("36042691010100中", today()),
            Err(ResidentIdError::BadCharacter('中'))
        );
    }

    #[test]
    fn composed_numbers_are_valid_and_carry_sex_and_birth() {
        let birth = NaiveDate::from_ymd_opt(1990, 3, 7).unwrap();
        let id = ResidentId::compose("130110", birth, 123);
        let parsed = ResidentId::parse(id.as_str(), today()).unwrap();
        assert_eq!(parsed.birth_date(), birth);
        assert!(parsed.is_male());
    }
}
