//! Text from the database is defused wherever the program prints it
//! (issue 19, point 6): a holder's name carrying OSC 52 (write the
//! clipboard), BEL and a bidi override reaches no terminal from the
//! register and annual exports, `licences show`, or `--json` output, where
//! such characters are `\u` escapes.

use crate::common::cli::Demo;

const HOSTILE: &str = "恶意人力资源有限公司";

fn clean(what: &str, out: &[u8]) {
    let s = String::from_utf8_lossy(out);
    for bad in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}'] {
        assert!(!s.contains(bad), "{what} printed {:?}: {s}", bad);
    }
    assert!(s.contains(HOSTILE), "{what} still names the holder: {s}");
}

#[test]
fn escapes_in_stored_names_reach_no_terminal() {
    let d = Demo::new();
    let id = d.scalar("SELECT MIN(id) FROM licence WHERE kind = 'hr-service' AND status = 'valid'");
    // As an import or an insider with the file could leave it.
    d.sql(&format!(
        "UPDATE licence SET holder = '{HOSTILE}' || char(27) || ']52;c;ZXZpbA==' || char(7) || char(155) || char(8238) || 'gpj.exe' WHERE id = {id}"
    ));
    let out = d
        .run(&["register", "export", "--kind", "hr-service"])
        .success();
    clean("register export", &out.get_output().stdout);
    let out = d.run(&["annual", "export", "--year", "2025"]).success();
    clean("annual export", &out.get_output().stdout);
    let out = d.run(&["licences", "show", &id]).success();
    clean("licences show", &out.get_output().stdout);
    let out = d.run(&["licences", "show", &id, "--json"]).success();
    clean("licences show --json", &out.get_output().stdout);
    let json = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        json.contains("\\u202e") && json.contains("\\u009b"),
        "{json}"
    );
    // Still JSON, with the same text inside.
    let v: serde_json::Value = serde_json::from_str(json.trim()).unwrap();
    assert!(v["holder"].as_str().unwrap().contains('\u{202e}'));
    let out = d.run(&["lookup", "恶意人力", "--json"]).success();
    clean("lookup --json", &out.get_output().stdout);
}
