//! Every shipped keymap parses cleanly, binds no key twice where it is in
//! force, uses only keys that survive SSH and tmux, and reaches every action.

use hrss_desk::tui::action::Action;
use hrss_desk::tui::keymap::{Keymap, SECTIONS, SHIPPED};
use std::collections::BTreeSet;

/// The sections in force together: each pane's, and the detail view's.
fn scopes() -> Vec<Vec<&'static str>> {
    let mut v: Vec<Vec<&str>> = ["filings", "licences", "cases", "supervision", "persons"]
        .iter()
        .map(|p| vec![*p, "list", "global"])
        .collect();
    v.push(vec!["dashboard", "global"]);
    v.push(vec!["detail", "global"]);
    v
}

#[test]
fn every_file_in_keymaps_is_shipped_and_parses_without_problems() {
    let on_disk: BTreeSet<String> =
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/keymaps"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
            .collect();
    let shipped: BTreeSet<String> = SHIPPED.iter().map(|(n, _)| n.to_string()).collect();
    assert_eq!(on_disk, shipped);
    for (name, _) in SHIPPED {
        let k = Keymap::shipped(name).unwrap();
        assert!(k.problems.is_empty(), "{name}: {:?}", k.problems);
    }
}

#[test]
fn no_key_is_bound_twice_where_it_is_in_force() {
    for (name, _) in SHIPPED {
        let k = Keymap::shipped(name).unwrap();
        for scope in scopes() {
            let mut seen = BTreeSet::new();
            for section in &scope {
                for b in k.bindings(section) {
                    assert!(
                        seen.insert(b.chord),
                        "{name}: {} bound twice in {scope:?}",
                        b.chord
                    );
                }
            }
        }
    }
}

/// A key some terminals do not send (PgUp, Home…) is only ever a second
/// way: the same action has a key that always arrives in the same section.
#[test]
fn every_key_that_may_not_survive_ssh_has_one_that_does_beside_it() {
    for (name, _) in SHIPPED {
        let k = Keymap::shipped(name).unwrap();
        for section in SECTIONS {
            for b in k.bindings(section) {
                let beside = k
                    .bindings(section)
                    .iter()
                    .any(|o| o.action == b.action && o.chord.survives_ssh());
                assert!(beside, "{name} [{section}]: {} alone", b.chord);
            }
        }
        // And the page keys are there, in lists and in a record.
        let pgdn = hrss_desk::tui::keymap::Chord::parse("<PageDown>").unwrap();
        for section in ["list", "detail"] {
            assert_eq!(
                k.lookup(&[section], pgdn),
                Some(Action::PageDown),
                "{name} [{section}]"
            );
        }
    }
}

#[test]
fn every_action_is_reachable_in_every_keymap() {
    for (name, _) in SHIPPED {
        let k = Keymap::shipped(name).unwrap();
        for a in Action::ALL {
            let bound = SECTIONS
                .iter()
                .any(|s| k.bindings(s).iter().any(|b| b.action == *a));
            assert!(bound, "{name}: nothing runs {}", a.code());
        }
        // And list moves work in every list pane.
        for scope in scopes().iter().take(5) {
            for a in [
                Action::Up,
                Action::Down,
                Action::Open,
                Action::Filter,
                Action::Quit,
                Action::Help,
            ] {
                assert!(
                    k.key_for(scope, a).is_some(),
                    "{name}: no key for {} in {scope:?}",
                    a.code()
                );
            }
        }
    }
}

#[test]
fn every_overlay_layer_has_its_keys_in_every_keymap() {
    let needs: [(&str, &[Action]); 4] = [
        (
            "pick",
            &[
                Action::Up,
                Action::Down,
                Action::Open,
                Action::Back,
                Action::Help,
                Action::Tag,
            ],
        ),
        ("input", &[Action::Open, Action::Back, Action::Help]),
        (
            "text",
            &[Action::Up, Action::Down, Action::Back, Action::Help],
        ),
        (
            "form",
            &[
                Action::NextField,
                Action::PrevField,
                Action::Submit,
                Action::Back,
                Action::Help,
            ],
        ),
    ];
    for (name, _) in SHIPPED {
        let k = Keymap::shipped(name).unwrap();
        for (section, actions) in needs {
            let mut seen = BTreeSet::new();
            for b in k.bindings(section) {
                assert!(
                    seen.insert(b.chord),
                    "{name} [{section}]: {} twice",
                    b.chord
                );
            }
            for a in actions {
                assert!(
                    k.key_for(&[section], *a).is_some(),
                    "{name} [{section}]: no key for {}",
                    a.code()
                );
            }
        }
    }
}
