//! The message catalogues (frontend/locales/<lang>/*.ftl): each parses, each language has every key
//! the pages ask for and none they never ask for, variables and plural forms come out right, and
//! the language picked shows on the page.
use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::Entry;
use frontend::text::{self, Arg, Lang};

/// Each language's keys, file by file; a file that does not parse fails here.
fn catalogue_keys() -> BTreeMap<&'static str, Vec<String>> {
    let mut keys: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
    for (lang, file, source) in text::catalogue_files() {
        let resource = match fluent_syntax::parser::parse(*source) {
            Ok(resource) => resource,
            Err((_, errors)) => panic!("locales/{lang}/{file}.ftl does not parse: {errors:?}"),
        };
        for entry in resource.body {
            match entry {
                Entry::Message(message) => {
                    assert!(
                        message.value.is_some(),
                        "locales/{lang}/{file}.ftl: {} has no words",
                        message.id.name
                    );
                    keys.entry(*lang)
                        .or_default()
                        .push(message.id.name.to_owned());
                }
                Entry::Term(term) => panic!(
                    "locales/{lang}/{file}.ftl: term -{} is not used",
                    term.id.name
                ),
                Entry::Junk { content } => {
                    panic!("locales/{lang}/{file}.ftl: cannot read {content:?}")
                }
                _ => {}
            }
        }
    }
    keys
}

#[test]
fn every_language_has_every_key_the_pages_use_and_no_other() {
    let wanted = text::all_keys();
    let wanted_set: BTreeSet<&str> = wanted.iter().map(String::as_str).collect();
    assert_eq!(
        wanted.len(),
        wanted_set.len(),
        "a key is asked for twice under one name"
    );
    let catalogues = catalogue_keys();
    assert_eq!(
        catalogues.keys().copied().collect::<Vec<_>>(),
        vec!["ar", "cy", "en", "pl"],
        "English, Welsh, Polish and Arabic"
    );
    for (lang, keys) in &catalogues {
        let have: BTreeSet<&str> = keys.iter().map(String::as_str).collect();
        assert_eq!(
            keys.len(),
            have.len(),
            "locales/{lang}: a key written twice"
        );
        let missing: Vec<_> = wanted_set.difference(&have).collect();
        let unused: Vec<_> = have.difference(&wanted_set).collect();
        assert!(missing.is_empty(), "locales/{lang} lacks {missing:?}");
        assert!(
            unused.is_empty(),
            "locales/{lang} has keys the pages never use: {unused:?}"
        );
    }
}

fn say(lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
    text::say(lang, key, args)
}

#[test]
fn variables_and_plural_forms_are_filled_in_each_language() {
    assert_eq!(
        say(
            Lang::En,
            "step_of",
            &[("n", 2_usize.into()), ("total", 8_usize.into())]
        ),
        "Step 2 of 8"
    );
    assert_eq!(
        say(
            Lang::Pl,
            "step_of",
            &[("n", 2_usize.into()), ("total", 8_usize.into())]
        ),
        "Krok 2 z 8"
    );
    // Arabic: two is its own (dual) word; three to ten and eleven up take different nouns.
    let times = |n: usize| {
        say(
            Lang::Ar,
            "read_times_on",
            &[("times", n.into()), ("when", "الثلاثاء".into())],
        )
    };
    assert!(times(2).contains("مرتين"), "{}", times(2));
    assert!(times(3).contains("مرات"), "{}", times(3));
    assert!(times(11).contains("مرة"), "{}", times(11));
    // Polish: "raz" for one time only, "razy" for more.
    let often = |n: usize| {
        say(
            Lang::Pl,
            "read_often",
            &[
                ("times", n.into()),
                ("first", "a".into()),
                ("last", "b".into()),
            ],
        )
    };
    assert!(often(3).contains("3 razy"), "{}", often(3));
    assert!(often(1).contains("1 raz."), "{}", often(1));
    // Welsh: the child's own name is put in as written.
    assert!(
        say(
            Lang::Cy,
            "after_title_named",
            &[("name", "Fy niwrnod mawr".into())]
        )
        .contains("Fy niwrnod mawr")
    );
    // A word the pages never ask for is the key itself, so a missing one is seen at once.
    assert_eq!(say(Lang::Cy, "no_such_key", &[]), "no_such_key");
}
