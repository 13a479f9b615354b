//! The lookup finds every record by each way of asking: Chinese fragments,
//! pinyin initials of every reading, full-width and capitals, and numbers as
//! exact fragments; it ranks as promised and shrugs off bad input.

use hrss_desk::domain::LicenceKind;
use hrss_desk::search::{Index, KindFilter, RecordKind, Source};
use std::sync::atomic::AtomicU64;

fn src(kind: RecordKind, id: i64, name: &str, number: &str, rank: u8) -> Source {
    Source {
        kind,
        id,
        name: name.into(),
        number: number.into(),
        uscc: String::new(),
        rank,
        status: if rank == 0 {
            "valid".into()
        } else {
            "revoked".into()
        },
        employer_id: None,
    }
}

fn index() -> Index {
    use RecordKind::*;
    Index::build(vec![
        src(
            Licence(LicenceKind::HrService),
            1,
            "石家庄市鹿泉区恒信人力资源服务有限公司",
            "(冀)人服证字[2023]第0107号",
            0,
        ),
        src(
            Licence(LicenceKind::TrainingSchool),
            2,
            "鹿泉区博远职业技能培训学校",
            "人社民1301100001001号",
            0,
        ),
        src(
            Licence(LicenceKind::DesignatedPharmacy),
            3,
            "乐亭县康源大药房",
            "P130110000012",
            0,
        ),
        src(
            Employer,
            4,
            "石家庄市长安区宏图商贸有限公司",
            "91130102MA0F3K7Q2X",
            0,
        ),
        src(Person, 5, "曾晓东", "130110199003070015", 0),
        src(Person, 6, "单丽", "13018519850615002X", 0),
        src(Person, 7, "张伟", "360426199101010071", 0),
        // The same name twice: the revoked one must come after the valid one.
        src(
            Licence(LicenceKind::HrService),
            9,
            "鹿泉区同辉劳务派遣有限公司",
            "(冀)人服证字[2019]第0042号",
            4,
        ),
        src(
            Licence(LicenceKind::HrService),
            8,
            "鹿泉区同辉劳务派遣有限公司",
            "(冀)人服证字[2024]第0042号",
            0,
        ),
        src(
            Employer,
            10,
            "河北鹿鸣泉水饮品有限公司",
            "91130110MA0F3K7Q3Y",
            0,
        ),
    ])
}

fn ids(ix: &Index, q: &str) -> Vec<i64> {
    ix.search(q, KindFilter::All, 20, None, None)
        .unwrap()
        .top
        .iter()
        .map(|h| ix.id(h.index))
        .collect()
}

fn first(ix: &Index, q: &str) -> Option<i64> {
    ids(ix, q).first().copied()
}

#[test]
fn chinese_fragments_in_order_find_the_holder() {
    let ix = index();
    assert_eq!(first(&ix, "鹿泉人力"), Some(1));
    assert_eq!(first(&ix, "恒信"), Some(1));
    assert!(
        ids(&ix, "人力鹿泉").is_empty(),
        "out of order does not match"
    );
}

#[test]
fn pinyin_initials_full_width_and_capitals_find_the_holder() {
    let ix = index();
    for q in ["lqrl", "LQRL", "ＬＱＲＬ", "ｌｑｒｌ"] {
        assert_eq!(first(&ix, q), Some(1), "{q}");
    }
    let sjz = ids(&ix, "sjzlq");
    assert_eq!(sjz.first(), Some(&1), "{sjz:?}");
}

#[test]
fn heteronym_surnames_and_places_are_found_by_each_reading() {
    let ix = index();
    // Persons come after licences when everything is searched: the first
    // person found is the one asked for.
    let person = |q: &str| {
        ix.search(q, KindFilter::Persons, 20, None, None)
            .unwrap()
            .top
            .first()
            .map(|h| ix.id(h.index))
    };
    assert_eq!(person("zxd"), Some(5), "曾 as zeng");
    assert_eq!(person("cxd"), Some(5), "曾 as ceng");
    assert_eq!(person("sl"), Some(6), "单 as shan");
    assert_eq!(person("dl"), Some(6), "单 as dan");
    assert_eq!(first(&ix, "ltx"), Some(3), "乐亭 as le-ting");
    assert_eq!(first(&ix, "ytx"), Some(3), "乐 also read yue");
    assert_eq!(
        first(&ix, "zaq"),
        Some(4),
        "长安 as chang-an, read zhang too"
    );
    assert_eq!(first(&ix, "caq"), Some(4), "长安 as chang-an");
}

#[test]
fn numbers_are_exact_fragments_of_licence_numbers_codes_and_ids() {
    let ix = index();
    assert_eq!(ids(&ix, "2023107"), vec![1], "zero-stripped digit groups");
    assert_eq!(ids(&ix, "20230107"), vec![1]);
    assert_eq!(ids(&ix, "p1301"), vec![3]);
    assert_eq!(ids(&ix, "91130102"), vec![4]);
    assert_eq!(
        ids(&ix, "13011019900307"),
        vec![5],
        "a person from the start of the number"
    );
    assert!(
        ids(&ix, "19900307").is_empty(),
        "a birth date alone finds nobody"
    );
    assert!(ids(&ix, "0015").is_empty());
    assert_eq!(ids(&ix, "13018519850615002x"), vec![6], "lowercase x");
    assert!(ids(&ix, "2023170").is_empty(), "not fuzzily");
}

#[test]
fn contiguous_beats_scattered_and_ties_put_valid_first_then_name() {
    let ix = index();
    let hits = ids(&ix, "鹿泉");
    // 鹿泉 appears whole in 1, 2, 8, 9; scattered in 10 (鹿鸣泉).
    assert_eq!(*hits.last().unwrap(), 10, "{hits:?}");
    let th = ids(&ix, "同辉");
    assert_eq!(th, vec![8, 9], "valid before revoked");
    assert_eq!(ids(&ix, "同辉"), th, "the same order every time");
}

#[test]
fn everything_is_searched_grouped_licences_then_employers_then_persons() {
    use RecordKind::*;
    let ix = Index::build(vec![
        src(Person, 1, "东方明", "130110199003070015", 0),
        src(
            Employer,
            2,
            "石家庄东方科技有限公司",
            "91130102MA0F3K7Q2X",
            0,
        ),
        src(
            Licence(LicenceKind::HrService),
            3,
            "石家庄市鹿泉区东方人力资源服务有限公司",
            "(冀)人服证字[2023]第0107号",
            0,
        ),
    ]);
    // 东方 begins the person's name (the best place to match), yet the
    // licence comes first, then the employer, then the person.
    assert_eq!(ids(&ix, "东方"), vec![3, 2, 1]);
    // An exact hit is not put below another kind's scattered one: sm
    // spells 石…明 scattered in no name but the person's initials dfm do;
    // dfm is the person's alone.
    assert_eq!(ids(&ix, "dfm"), vec![1]);
    let persons = ix
        .search("东方", KindFilter::Persons, 20, None, None)
        .unwrap();
    assert_eq!(persons.top.len(), 1);
}

#[test]
fn a_kind_filter_narrows() {
    let ix = index();
    let persons: Vec<i64> = ix
        .search("l", KindFilter::Persons, 20, None, None)
        .unwrap()
        .top
        .iter()
        .map(|h| ix.id(h.index))
        .collect();
    assert_eq!(persons, vec![6]);
    let schools = ix
        .search(
            "鹿泉",
            KindFilter::Only(LicenceKind::TrainingSchool),
            20,
            None,
            None,
        )
        .unwrap();
    assert_eq!(schools.top.len(), 1);
    assert_eq!(
        ix.kind(schools.top[0].index),
        RecordKind::Licence(LicenceKind::TrainingSchool)
    );
}

#[test]
fn a_longer_query_rescores_only_the_last_matches_and_agrees_with_a_fresh_search() {
    let ix = index();
    let lq = ix.search("lq", KindFilter::All, 20, None, None).unwrap();
    let narrowed = ix
        .search("lqr", KindFilter::All, 20, Some(&lq), None)
        .unwrap();
    let fresh = ix.search("lqr", KindFilter::All, 20, None, None).unwrap();
    assert_eq!(narrowed.top, fresh.top);
    let (before, after) = (
        lq.matched.clone().unwrap(),
        narrowed.matched.clone().unwrap(),
    );
    assert!(after.iter().all(|i| before.contains(i)));
    assert!(after.len() < before.len());
    // A query of another route does not take the last matches, even empty ones.
    let nothing = hrss_desk::search::Hits {
        matched: Some(vec![]),
        ..lq.clone()
    };
    let other_route = ix
        .search("鹿泉", KindFilter::All, 20, Some(&nothing), None)
        .unwrap();
    assert!(!other_route.top.is_empty());
    let same_route = ix
        .search("lqr", KindFilter::All, 20, Some(&nothing), None)
        .unwrap();
    assert!(
        same_route.top.is_empty(),
        "the same route narrows what it is given"
    );
}

#[test]
fn a_one_character_query_shows_the_first_page_unranked() {
    let ix = index();
    let hits = ix.search("鹿", KindFilter::All, 2, None, None).unwrap();
    let got: Vec<i64> = hits.top.iter().map(|h| ix.id(h.index)).collect();
    assert_eq!(got, vec![1, 2], "in stored order");
    assert!(
        hits.matched.is_none(),
        "a first page only: the next keystroke searches afresh"
    );
    let next = ix
        .search("鹿泉", KindFilter::All, 20, Some(&hits), None)
        .unwrap();
    assert_eq!(next.top.len(), 5);
}

#[test]
fn a_newer_keystroke_cancels_a_stale_search() {
    let ix = index();
    let generation = AtomicU64::new(2);
    assert!(
        ix.search("lqrl", KindFilter::All, 20, None, Some((&generation, 1)))
            .is_none()
    );
    assert!(
        ix.search("lqrl", KindFilter::All, 20, None, Some((&generation, 2)))
            .is_some()
    );
}

#[test]
fn bad_input_matches_nothing_and_never_panics() {
    let ix = index();
    let long = "鹿".repeat(10_000);
    for q in [
        "",
        "   ",
        "\u{1b}[2J",
        "' OR 1=1 --",
        ".*",
        "%",
        "_",
        "\u{202E}",
        &long,
        "🙂",
        "\0",
    ] {
        let hits = ix.search(q, KindFilter::All, 20, None, None).unwrap();
        assert!(hits.top.is_empty(), "{q:?}");
    }
}

#[test]
fn a_stored_index_answers_as_the_built_one_and_a_changed_key_or_damage_is_refused() {
    let mut ix = index();
    ix.finish();
    let bytes = ix.to_bytes("db|7|abc|2026-11-27");
    let back = Index::from_bytes(&bytes, "db|7|abc|2026-11-27").expect("same key");
    for q in ["lqrl", "鹿泉", "2023107", "zxd", "同辉", "第0107号"] {
        assert_eq!(ids(&back, q), ids(&ix, q), "{q}");
    }
    // A licence number as written is found in the stored index too.
    assert_eq!(ids(&back, "第0107号"), vec![1]);
    assert_eq!(back.number(0), "(冀)人服证字[2023]第0107号");
    assert!(
        Index::from_bytes(&bytes, "db|8|def|2026-11-27").is_none(),
        "the data changed"
    );
    for cut in [0, 7, 9, bytes.len() / 2, bytes.len() - 1] {
        assert!(
            Index::from_bytes(&bytes[..cut], "db|7|abc|2026-11-27").is_none(),
            "cut at {cut}"
        );
    }
    let mut flipped = bytes.clone();
    let at = flipped.len() / 3;
    flipped[at] ^= 0xff;
    // Either refused or a sound index: never a panic.
    if let Some(x) = Index::from_bytes(&flipped, "db|7|abc|2026-11-27") {
        let _ = ids(&x, "lq");
    }
}

#[test]
fn the_cache_file_is_written_with_the_mode_it_is_given() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lookup.idx");
    hrss_desk::search::cache::store_owned(&path, 0o600, None, "k", &index()).unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert!(hrss_desk::search::cache::load(&path, "k").is_some());
    assert!(hrss_desk::search::cache::load(&path, "other").is_none());
}

/// Personal data at rest (issue 19, point 7): the index, and so its cache
/// file, keeps a person's ID number by its first 14 characters only; the
/// person is still found by the whole number or those 14, and a Postgres
/// database's index has no file at all.
#[test]
fn no_full_id_number_is_kept_and_a_person_is_found_by_it_still() {
    let id = "130102199003071234";
    let ix = Index::build(vec![
        src(RecordKind::Person, 7, "张三", id, 0),
        src(RecordKind::Person, 8, "李四", "130102199003071258", 0),
        src(RecordKind::Employer, 9, "某公司", "91130110MA0F3K7Q2X", 0),
    ]);
    let bytes = ix.to_bytes("k");
    let text = String::from_utf8_lossy(&bytes);
    assert!(!text.contains(id), "the full ID number is in the cache");
    assert!(!text.contains("1234"), "nor its sequence and check digit");
    assert!(text.contains("13010219900307"), "the part search needs is");
    assert_eq!(ids(&ix, id), vec![7, 8], "both born that day there");
    assert_eq!(ids(&ix, "13010219900307"), vec![7, 8]);
    assert!(ids(&ix, "1234").is_empty(), "no match from the tail");
    let back = Index::from_bytes(&bytes, "k").unwrap();
    assert_eq!(ids(&back, id), vec![7, 8]);
    let hit = back.search(id, KindFilter::All, 5, None, None).unwrap().top[0];
    assert_eq!(back.shown_number(hit.index), "130102************");
    // Postgres: no file anywhere.
    let pg = hrss_desk::store::DatabaseUrl::parse("postgres://u@h/db").unwrap();
    assert!(hrss_desk::search::cache::location(&pg).is_none());
}

#[test]
fn a_sqlite_databases_index_lives_beside_it_with_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.sqlite");
    std::fs::write(&db, b"").unwrap();
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o640)).unwrap();
    let url = hrss_desk::store::DatabaseUrl::Sqlite(db.clone());
    use std::os::unix::fs::MetadataExt;
    let (path, mode, group) = hrss_desk::search::cache::location(&url).unwrap();
    assert_eq!(path, dir.path().join("desk.sqlite.lookup"));
    assert_eq!(mode, 0o640);
    let db_group = std::fs::metadata(&db).unwrap().gid();
    assert_eq!(group, db_group);
    hrss_desk::search::cache::store_owned(&path, mode, Some(group), "k", &index()).unwrap();
    let written = std::fs::metadata(&path).unwrap();
    assert_eq!(written.permissions().mode() & 0o777, 0o640);
    assert_eq!(
        written.gid(),
        db_group,
        "the database's group, not the writer's"
    );
    let leftovers = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
        .count();
    assert_eq!(leftovers, 0);
}

#[test]
fn spaces_separate_and_licence_numbers_as_written_are_found() {
    let ix = index();
    assert_eq!(first(&ix, "鹿泉 人力"), Some(1));
    assert_eq!(first(&ix, "lq rl"), Some(1));
    assert_eq!(ids(&ix, "第0107号"), vec![1]);
    assert_eq!(ids(&ix, "(冀)人服证字[2023]第0107号"), vec![1]);
    assert_eq!(ids(&ix, "人社民1301100001001号"), vec![2]);
}

#[test]
fn names_are_shown_as_written_though_matched_folded() {
    let ix = Index::build(vec![src(
        RecordKind::Employer,
        1,
        "ＡＢＣ人力(石家庄)有限公司",
        "91130110MA0F3K7Q2X",
        0,
    )]);
    let hit = ix
        .search("abc", KindFilter::All, 5, None, None)
        .unwrap()
        .top[0];
    assert_eq!(ix.display_name(hit.index), "ＡＢＣ人力(石家庄)有限公司");
}

/// A person's hit names the employer (issue 21, point 10): eleven people
/// of one name differ by where they work; the stored index keeps it, and
/// an employer not in the index is no employer rather than a wrong one.
#[test]
fn a_persons_hit_names_the_employer_and_the_stored_index_keeps_it() {
    use RecordKind::*;
    let with = |mut s: Source, employer: i64| {
        s.employer_id = Some(employer);
        s
    };
    let mut ix = Index::build(vec![
        src(Person, 1, "袁磊", "130110199003070015", 0),
        src(
            Employer,
            2,
            "石家庄市鹿泉区恒信建筑工程有限公司",
            "91130110MA0F3K7Q3Y",
            0,
        ),
        with(src(Person, 3, "袁磊", "130110198801010011", 0), 2),
        with(src(Person, 4, "袁磊", "130110197705050013", 0), 99),
        src(
            Employer,
            5,
            "河北鹿鸣泉水饮品有限公司",
            "91130110MA0F3K7Q4W",
            0,
        ),
        with(src(Person, 6, "袁磊", "130110196612120019", 0), 5),
    ]);
    ix.finish();
    let employer_of = |ix: &Index, person: i64| {
        let i = (0..ix.len() as u32).find(|i| ix.id(*i) == person).unwrap();
        ix.employer(i).map(|e| ix.display_name(e).to_string())
    };
    assert_eq!(employer_of(&ix, 1), None);
    assert_eq!(
        employer_of(&ix, 3).as_deref(),
        Some("石家庄市鹿泉区恒信建筑工程有限公司")
    );
    assert_eq!(employer_of(&ix, 4), None, "employer 99 is not in the index");
    assert_eq!(
        employer_of(&ix, 6).as_deref(),
        Some("河北鹿鸣泉水饮品有限公司")
    );
    let back = Index::from_bytes(&ix.to_bytes("k"), "k").expect("same key");
    for p in [1, 3, 4, 6] {
        assert_eq!(employer_of(&back, p), employer_of(&ix, p), "person {p}");
    }
    // The employer is shown, not searched: a person is not found by it.
    assert_eq!(ids(&ix, "恒信建筑"), vec![2]);
}
