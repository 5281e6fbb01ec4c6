//! The JSON the parser writes follows docs/schema.json, for every fixture and for odd inputs:
//! the schema documents every field (it allows no others) and every diagnostic code.

use std::fs;

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(&fs::read_to_string("docs/schema.json").unwrap()).unwrap();
    jsonschema::validator_for(&schema).expect("docs/schema.json is a valid schema")
}

fn check(v: &jsonschema::Validator, name: &str, input: &str) {
    let doc = minutes_outline::parse(input);
    let json = serde_json::to_value(&doc).unwrap();
    let errors: Vec<String> = v
        .iter_errors(&json)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .take(5)
        .collect();
    assert!(errors.is_empty(), "{name}: {}", errors.join("\n"));
}

#[test]
fn every_fixture_follows_the_schema() {
    let v = validator();
    let mut dirs = vec![std::path::PathBuf::from("tests/fixtures")];
    let mut n = 0;
    while let Some(d) = dirs.pop() {
        for e in fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "txt") {
                check(
                    &v,
                    &p.display().to_string(),
                    &fs::read_to_string(&p).unwrap(),
                );
                n += 1;
            }
        }
    }
    assert!(n >= 12);
}

#[test]
fn odd_inputs_follow_the_schema_too() {
    let v = validator();
    for (name, input) in [
        ("empty", ""),
        ("spaces", " \n\t\n"),
        ("binary", "\u{0}\u{1}\u{fffd}\u{fffd}PK\u{3}\u{4}"),
        ("gap", "一、甲\n三、丙\n（二）乙\n"),
        ("weekday", "日期：114年11月21日（星期四）\n壹、報告\n"),
        ("deep", &"1、\n".repeat(3)),
        (
            "ladder",
            &(1..200)
                .map(|k| format!("說明：\n{k}、項目\n"))
                .collect::<String>(),
        ),
    ] {
        check(&v, name, input);
    }
}

/// The schema's lists of names are the model's: a kind, role or diagnostic code added to an enum
/// and not to the schema (or the other way round) fails here.
#[test]
fn the_schema_lists_the_models_names() {
    let schema: serde_json::Value =
        serde_json::from_str(&fs::read_to_string("docs/schema.json").unwrap()).unwrap();
    let names = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .filter_map(|x| x.as_str().map(str::to_string))
            .collect()
    };
    let defs = &schema["$defs"];
    let kinds: Vec<String> = minutes_outline::Kind::ALL
        .iter()
        .map(|k| k.name().to_string())
        .collect();
    assert_eq!(names(&defs["node"]["properties"]["kind"]["enum"]), kinds);
    let roles: Vec<String> = minutes_outline::model::role_names()[1..]
        .iter()
        .map(|r| r.to_string())
        .collect();
    assert_eq!(names(&defs["node"]["properties"]["role"]["enum"]), roles);
    let codes: Vec<String> = minutes_outline::Code::ALL
        .iter()
        .map(|c| c.name().to_string())
        .collect();
    assert_eq!(
        names(&defs["diagnostic"]["properties"]["code"]["enum"]),
        codes
    );
    // And the reference documents each of them.
    let model = fs::read_to_string("docs/MODEL.md").unwrap();
    for name in kinds.iter().chain(&roles).chain(&codes) {
        assert!(
            model.contains(&format!("`{name}`")),
            "docs/MODEL.md does not name `{name}`"
        );
    }
}

/// The schema is strict: a field it does not document, or a wrong kind, fails it.
#[test]
fn the_schema_rejects_what_it_does_not_document() {
    let v = validator();
    let doc = minutes_outline::parse("壹、報告事項\n一、甲\n");
    let good = serde_json::to_value(&doc).unwrap();
    assert!(v.is_valid(&good));
    let mut extra = good.clone();
    extra["outline"][0]["colour"] = "red".into();
    assert!(!v.is_valid(&extra));
    let mut kind = good.clone();
    kind["outline"][0]["kind"] = "chapter".into();
    assert!(!v.is_valid(&kind));
    let mut date = good;
    date["meta"]["date"] = "114/11/20".into();
    assert!(!v.is_valid(&date));
}
