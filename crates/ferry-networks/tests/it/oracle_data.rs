//! The tables the rules embed (TLD lists, the twemoji pattern) are exactly what the pinned npm
//! packages hold: `tests/oracles/export-data.mjs print` regenerates them and must reproduce the
//! committed files byte for byte. After a package upgrade, run `node export-data.mjs write`.

use std::process::Command;

use crate::oracle_process;

#[test]
fn embedded_tables_match_the_npm_packages() {
    let dir = oracle_process::workspace_root().join("tests/oracles");
    assert!(
        dir.join("node_modules/twitter-text").is_dir(),
        "run `make oracles-deps` first"
    );
    let output = Command::new("node")
        .arg("export-data.mjs")
        .arg("print")
        .current_dir(&dir)
        .output()
        .expect("node runs");
    assert!(
        output.status.success(),
        "export-data.mjs failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let files: serde_json::Map<String, serde_json::Value> =
        serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(files.len(), 4);
    let src = oracle_process::workspace_root().join("crates/ferry-networks/src");
    for (file, expected) in files {
        let committed = std::fs::read_to_string(src.join(&file)).expect("table file");
        assert!(
            committed == expected.as_str().unwrap_or_default(),
            "{file} differs from the npm packages; run `node tests/oracles/export-data.mjs write`"
        );
    }
}
