//! Bad input never panics: the parsers of ID numbers, credit codes, dates,
//! months, amounts, CSV and workbooks, documents and keymaps, fed arbitrary
//! input. CI runs proptest's default number of cases; the reliability run
//! (`PROPTEST_CASES=125000 cargo test --release --test fuzz_parsers`, eight
//! properties: 1,000,000 inputs) runs many more.

use crate::common::today;
use hrss_desk::domain::import::values;
use hrss_desk::domain::resident_id::{ResidentId, check_char};
use hrss_desk::domain::uscc::Uscc;
use hrss_desk::sheet::Cell;
use proptest::prelude::*;

proptest! {
    #[test]
    fn id_numbers_and_credit_codes_never_panic(s in any::<String>()) {
        let _ = ResidentId::parse(&s, today());
        let _ = Uscc::parse(&s);
    }

    #[test]
    fn a_well_formed_id_number_is_always_read(
        province in proptest::sample::select(vec![
            11u32, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45,
            46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65,
        ]),
        area in 0u32..10000,
        days in 0u64..30000,
        seq in 0u32..1000,
    ) {
        let born = chrono::NaiveDate::from_ymd_opt(1920, 1, 1).unwrap() + chrono::Days::new(days);
        prop_assume!(born <= today());
        let first17 = format!("{province}{area:04}{}{seq:03}", born.format("%Y%m%d"));
        let id = format!("{first17}{}", check_char(first17.as_bytes()));
        prop_assert!(ResidentId::parse(&id, today()).is_ok(), "{}", id);
    }

    #[test]
    fn cells_of_any_text_never_panic(s in any::<String>()) {
        let c = Cell::Text(s);
        let _ = values::date(&c);
        let _ = values::month(&c);
        let _ = values::yuan(&c);
        let _ = values::count(&c);
        let _ = values::code(&c);
    }

    #[test]
    fn cells_of_any_number_never_panic(n in any::<f64>()) {
        let c = Cell::Number(n);
        let _ = values::date(&c);
        let _ = values::month(&c);
        let _ = values::yuan(&c);
        let _ = values::count(&c);
        let _ = values::text(&c);
        let _ = values::serial_date(n);
    }

    #[test]
    fn csv_and_workbook_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = hrss_desk::sheet::parse(bytes.clone(), false, None);
        let _ = hrss_desk::sheet::parse(bytes.clone(), false, Some("gbk"));
        let _ = hrss_desk::sheet::parse(bytes, true, None);
    }

    #[test]
    fn csv_text_never_panics_and_keeps_its_rows(lines in proptest::collection::vec("[^\r\n]{0,20}", 1..20)) {
        let text = lines.join("\n");
        let _ = hrss_desk::sheet::parse(text.into_bytes(), false, None);
    }

    #[test]
    fn documents_from_any_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = hrss_desk::docx::fill(&bytes, &[("编号", "1".into())]);
    }

    #[test]
    fn keymaps_months_and_amounts_never_panic(s in any::<String>()) {
        let mut k = hrss_desk::tui::keymap::Keymap::shipped("default").unwrap();
        k.merge(&s, "fuzz");
        let _ = hrss_desk::tui::keymap::Chord::parse(&s);
        let _ = hrss_desk::domain::statistics::Month::parse(&s);
        let _ = hrss_desk::domain::fines::parse_yuan(&s);
    }
}
