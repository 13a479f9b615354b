//! The lookup index (fuzzy-matcher, pinyin initials): built in the licence
//! lookup issue. Nothing lives here yet.
