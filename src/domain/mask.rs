//! Masking personal data for display (个人信息保护法 art. 51; DOMAIN.md §10).
//! Masking counts characters, not bytes, so Chinese text is never cut in half.

/// Keeps `front` leading and `back` trailing characters and stars the rest.
/// A value too short to hide anything is starred whole.
pub fn mask_middle(value: &str, front: usize, back: usize) -> String {
    let chars: Vec<char> = value.chars().collect();
    if chars.len() <= front + back {
        return "*".repeat(chars.len());
    }
    let hidden = chars.len() - front - back;
    let mut out: String = chars[..front].iter().collect();
    out.push_str(&"*".repeat(hidden));
    out.extend(&chars[chars.len() - back..]);
    out
}

/// Resident ID: first 6 and last 4 (hides the birth date): `130110********0015`.
pub fn mask_id_number(id: &str) -> String {
    mask_middle(id, 6, 4)
}

/// Mobile phone: first 3 and last 4: `138****5678`.
pub fn mask_phone(phone: &str) -> String {
    mask_middle(phone, 3, 4)
}

/// Bank account: first 6 (the bank's BIN) and last 4.
pub fn mask_bank_account(account: &str) -> String {
    mask_middle(account, 6, 4)
}

/// A value masked as the kind of personal data its key names; under any
/// other key, long runs of digits (an ID, a phone, an account number written
/// into free text) are masked all the same.
pub fn mask_personal(key: &str, text: &str) -> String {
    match key {
        "id_number" | "complainant_id_number" => mask_id_number(text),
        "phone" | "complainant_phone" => mask_phone(text),
        "bank_account" => mask_bank_account(text),
        _ => mask_digit_runs(text),
    }
}

/// Masks every run of eleven or more digits (an `X` may close an ID).
pub fn mask_digit_runs(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        while i < chars.len()
            && (chars[i].is_ascii_digit() || (i > start && matches!(chars[i], 'X' | 'x')))
        {
            i += 1;
        }
        if i - start >= 11 {
            let run: String = chars[start..i].iter().collect();
            out.push_str(&match run.len() {
                18 => mask_id_number(&run),
                11 => mask_phone(&run),
                _ => mask_bank_account(&run),
            });
        } else if i > start {
            out.extend(&chars[start..i]);
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// The fewest letters (or Chinese characters, or digits) a reason for
/// seeing personal data or overriding a check must hold: "." or "ok" says
/// nothing an audit can weigh.
pub const REASON_MIN_LETTERS: usize = 4;

/// Whether a reason says something: at least `REASON_MIN_LETTERS`
/// letters, Chinese characters or digits (punctuation and spaces do not
/// count), at most 200 characters in all.
pub fn substantive_reason(reason: &str) -> bool {
    let r = reason.trim();
    r.chars().count() <= 200
        && r.chars().filter(|c| c.is_alphanumeric()).count() >= REASON_MIN_LETTERS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reason_must_say_something() {
        assert!(!substantive_reason("."));
        assert!(!substantive_reason("  ... !!  "));
        assert!(!substantive_reason("ok"));
        assert!(!substantive_reason("查看"), "two characters say too little");
        assert!(substantive_reason("核对参保身份"));
        assert!(substantive_reason("check the 2026 file"));
        assert!(!substantive_reason(&"核".repeat(201)), "too long");
    }

    #[test]
    fn an_id_number_shows_only_its_area_and_last_four() {
        assert_eq!(mask_id_number("130110199003070015"), "130110********0015");
    }

    #[test]
    fn phones_and_bank_accounts_are_masked_in_the_middle() {
        assert_eq!(mask_phone("13812345678"), "138****5678");
        assert_eq!(
            mask_bank_account("6222021234567890123"),
            "622202*********0123"
        );
    }

    #[test]
    fn personal_values_are_masked_by_their_key_or_their_shape() {
        assert_eq!(
            mask_personal("bank_account", "6222021234567890123"),
            "622202*********0123"
        );
        assert_eq!(mask_personal("new", "13812345678"), "138****5678");
        assert_eq!(
            mask_personal("note", "换卡 6222021234567890123，身份证130110199003070015"),
            "换卡 622202*********0123，身份证130110********0015"
        );
        assert_eq!(mask_personal("reason", "离职"), "离职");
        assert_eq!(mask_personal("year", "2026"), "2026");
    }

    #[test]
    fn short_values_are_starred_whole_and_chinese_is_counted_by_character() {
        assert_eq!(mask_phone("12345"), "*****");
        assert_eq!(mask_middle("张三丰先生", 1, 1), "张***生");
    }
}
