//! No network, proven: the program holds no HTTP client. Every crate that
//! can be built into it (window, command line, tests and benches alike) is
//! in Cargo.lock, so the lock file is read, offline, and none of the known
//! HTTP client crates may be in it. A new dependency that brings one in
//! fails this test, to be decided on purpose.

use std::path::Path;

/// Crates that speak HTTP (clients, and the HTTP stacks they are built on).
const HTTP_CRATES: &[&str] = &[
    "reqwest",
    "hyper",
    "hyper-util",
    "ureq",
    "curl",
    "curl-sys",
    "isahc",
    "attohttpc",
    "surf",
    "http-client",
    "minreq",
    "ehttp",
    "awc",
    "actix-http",
    "h2",
    "h3",
    "quinn",
    "tungstenite",
    "tokio-tungstenite",
];

/// The `name = "…"` of every `[[package]]` in a Cargo.lock.
fn packages(lock: &str) -> Vec<&str> {
    lock.lines()
        .filter_map(|line| line.strip_prefix("name = \""))
        .filter_map(|rest| rest.strip_suffix('"'))
        .collect()
}

/// The HTTP crates a lock file holds.
fn http_clients(lock: &str) -> Vec<&str> {
    packages(lock)
        .into_iter()
        .filter(|name| HTTP_CRATES.contains(name))
        .collect()
}

#[test]
fn the_dependency_tree_holds_no_http_client() {
    let lock = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.lock"))
        .expect("Cargo.lock is committed");
    let names = packages(&lock);
    // The reader works: the lock holds the crates we know are there.
    for known in ["patient-info", "iced", "ron", "printpdf"] {
        assert!(names.contains(&known), "{known} not found in Cargo.lock");
    }
    assert_eq!(http_clients(&lock), Vec::<&str>::new());
}

#[test]
fn an_http_client_in_the_lock_file_would_be_caught() {
    let lock = "[[package]]\nname = \"ron\"\nversion = \"0.11.0\"\n\n\
                [[package]]\nname = \"ureq\"\nversion = \"2.0.0\"\n\n\
                [[package]]\nname = \"hyper\"\nversion = \"1.0.0\"\n";
    assert_eq!(http_clients(lock), ["ureq", "hyper"]);
}
