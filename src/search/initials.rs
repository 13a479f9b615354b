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

/// Surnames whose reading as a surname is not the character's usual one:
/// 曾 is ceng in most words but Zeng as a name, 单 dan but Shan, and so on.
const SURNAME_READINGS: &[(char, u8)] = &[
    ('曾', b'z'),
    ('单', b's'),
    ('解', b'x'),
    ('查', b'z'),
    ('仇', b'q'),
    ('朴', b'p'),
    ('区', b'o'),
    ('盖', b'g'),
    ('翟', b'z'),
    ('缪', b'm'),
    ('覃', b'q'),
    ('尉', b'y'),
];

/// The letter sets and the common-reading initials of a name; for a person,
/// the surname's common letter is its reading as a surname.
pub fn initials(name: &str, person: bool) -> (Vec<u32>, Vec<u8>) {
    let (sets, mut primary): (Vec<u32>, Vec<u8>) = name.chars().filter_map(letters).unzip();
    if person
        && let Some(first) = name.chars().next()
        && let Some((_, l)) = SURNAME_READINGS.iter().find(|(c, _)| *c == first)
        && !primary.is_empty()
    {
        primary[0] = *l;
    }
    (sets, primary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heteronym_surnames_carry_every_reading() {
        let (sets, primary) = initials("曾单乐", false);
        assert_eq!(sets[0] & (bit(b'z') | bit(b'c')), bit(b'z') | bit(b'c'));
        assert_eq!(sets[1] & (bit(b's') | bit(b'd')), bit(b's') | bit(b'd'));
        assert_eq!(sets[2] & (bit(b'l') | bit(b'y')), bit(b'l') | bit(b'y'));
        assert_eq!(primary.len(), 3);
    }

    #[test]
    fn a_persons_surname_reads_as_a_surname() {
        assert_eq!(initials("曾晓东", true).1, b"zxd");
        assert_eq!(initials("曾经", false).1[0], b'c');
    }

    #[test]
    fn punctuation_and_digits_have_no_initial() {
        let (_, primary) = initials("(冀)人服证字[2023]", false);
        assert_eq!(primary, b"jrfzz");
    }
}
