//! Pinyin initials as letter sets: each character becomes the set of first
//! letters of all its readings, so a name is found by every reading of a
//! surname or place (曾 zeng/ceng, 单 shan/dan, 乐亭 le/lao-ting).

use pinyin::ToPinyinMulti;

/// The bit of a lowercase ASCII letter.
pub fn bit(letter: u8) -> u32 {
    1 << (letter - b'a')
}

/// The letter set of one character and its most common letter; None for
/// characters that have no initial (punctuation, digits).
pub fn letters(c: char) -> Option<(u32, u8)> {
    if c.is_ascii_alphabetic() {
        let l = c.to_ascii_lowercase() as u8;
        return Some((bit(l), l));
    }
    let multi = c.to_pinyin_multi()?;
    let mut set = 0;
    let mut primary = 0;
    for p in multi {
        if let Some(first) = p.plain().bytes().next().filter(u8::is_ascii_lowercase) {
            set |= bit(first);
            if primary == 0 {
                primary = first;
            }
        }
    }
    (set != 0).then_some((set, primary))
}

/// The letter sets and the common-reading initials of a name.
pub fn initials(name: &str) -> (Vec<u32>, Vec<u8>) {
    name.chars().filter_map(letters).unzip()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heteronym_surnames_carry_every_reading() {
        let (sets, primary) = initials("曾单乐");
        assert_eq!(sets[0] & (bit(b'z') | bit(b'c')), bit(b'z') | bit(b'c'));
        assert_eq!(sets[1] & (bit(b's') | bit(b'd')), bit(b's') | bit(b'd'));
        assert_eq!(sets[2] & (bit(b'l') | bit(b'y')), bit(b'l') | bit(b'y'));
        assert_eq!(primary.len(), 3);
    }

    #[test]
    fn punctuation_and_digits_have_no_initial() {
        let (_, primary) = initials("(冀)人服证字[2023]");
        assert_eq!(primary, b"jrfzz");
    }
}
