//! The madoguchi servers a kiosk or display may talk to (`--server http://a:8080,http://b:8080`)
//! and the rule for moving between them, with no network: requests go to the current server;
//! when one stops answering, the client moves to the next in the list (after the last, the
//! first again) and stays there while it answers, so two clients never flap between servers
//! because of one slow answer. The shells decide what counts as "stops answering" and say
//! which server their request went to, so a failure reported late (another request already
//! moved on) moves nothing.

use std::fmt;
use std::str::FromStr;

/// The list in order of preference, and which one requests go to now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerList {
    /// Base URLs without a trailing `/`; never empty.
    urls: Vec<String>,
    current: usize,
}

/// A move from one server to the next, for the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Switch {
    pub from: String,
    pub to: String,
}

/// Why a `--server` value cannot be used, as a sentence that says what to write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerListError(String);

impl fmt::Display for ServerListError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ServerListError {}

const EXAMPLE: &str = "e.g. http://a:8080 or, for two servers, http://a:8080,http://b:8080";

impl ServerList {
    /// Reads a comma-separated list of base URLs (`http://` or `https://`, a host, an optional
    /// port and path); spaces around the commas are ignored, a trailing `/` too.
    pub fn parse(text: &str) -> Result<ServerList, ServerListError> {
        if text.trim().is_empty() {
            return Err(ServerListError(format!(
                "No server address given: write the madoguchi server's address, {EXAMPLE}."
            )));
        }
        let mut urls: Vec<String> = Vec::new();
        for item in text.split(',').map(str::trim) {
            if item.is_empty() {
                return Err(ServerListError(format!(
                    "\"{text}\" has an empty address between commas: write each server's \
                     address once, separated by single commas, {EXAMPLE}."
                )));
            }
            let url = check(item)?;
            if urls.contains(&url) {
                return Err(ServerListError(format!(
                    "\"{item}\" is listed twice in \"{text}\": list each server once."
                )));
            }
            urls.push(url);
        }
        Ok(ServerList { urls, current: 0 })
    }

    /// The base URLs in order of preference.
    pub fn urls(&self) -> &[String] {
        &self.urls
    }

    /// The place in the list of the server requests go to now.
    pub fn current(&self) -> usize {
        self.current
    }

    /// The base URL of the server requests go to now.
    pub fn current_url(&self) -> &str {
        &self.urls[self.current]
    }

    /// `path` (e.g. `/api/sites/orio/board`) on the current server: its place and the full URL.
    pub fn join(&self, path: &str) -> (usize, String) {
        (self.current, join(self.current_url(), path))
    }

    /// The request that went to server `index` got no usable answer: requests now go to the
    /// next server, and the move is returned. Nothing moves when `index` is no longer the
    /// current server (another request already moved on) or when the list has one server.
    pub fn failed(&mut self, index: usize) -> Option<Switch> {
        if index != self.current || self.urls.len() < 2 {
            return None;
        }
        let from = self.urls[self.current].clone();
        self.current = (self.current + 1) % self.urls.len();
        Some(Switch {
            from,
            to: self.urls[self.current].clone(),
        })
    }
}

impl FromStr for ServerList {
    type Err = ServerListError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ServerList::parse(s)
    }
}

/// The list as it is written on the command line.
impl fmt::Display for ServerList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.urls.join(","))
    }
}

/// `base` (no trailing `/`) and `path`, with exactly one `/` between them.
fn join(base: &str, path: &str) -> String {
    let base = base.trim_end_matches('/');
    if path.is_empty() || path.starts_with('/') {
        format!("{base}{path}")
    } else {
        format!("{base}/{path}")
    }
}

/// One address, checked and without its trailing `/`.
fn check(item: &str) -> Result<String, ServerListError> {
    let bad = |why: &str| {
        ServerListError(format!(
            "\"{item}\" is not a server address ({why}): write it as http://HOST:PORT, {EXAMPLE}."
        ))
    };
    let rest = item
        .strip_prefix("http://")
        .or_else(|| item.strip_prefix("https://"))
        .ok_or_else(|| bad("it must start with http:// or https://"))?;
    if item.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(bad("it contains a space"));
    }
    if item.contains(['?', '#']) {
        return Err(bad("no ? or # part"));
    }
    let authority = rest.split('/').next().unwrap_or_default();
    if authority.contains('@') {
        return Err(bad(
            "no user or password in the address; give the token with --token",
        ));
    }
    // `[::1]:8080`: the port is after the bracket.
    let (host, port) = match authority.rsplit_once(':') {
        Some((host, port)) if !port.contains(']') => (host, Some(port)),
        _ => (authority, None),
    };
    if host.is_empty() || host == "[]" {
        return Err(bad("the host is missing"));
    }
    if let Some(port) = port
        && !port.parse::<u16>().is_ok_and(|p| p != 0)
    {
        return Err(bad("the port must be a number from 1 to 65535"));
    }
    Ok(item.trim_end_matches('/').to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_address_is_a_list_of_one_that_never_moves() {
        let mut list = ServerList::parse("http://127.0.0.1:8080/").unwrap();
        assert_eq!(list.urls(), ["http://127.0.0.1:8080"]);
        assert_eq!(
            list.join("/api/sites/orio/board"),
            (0, "http://127.0.0.1:8080/api/sites/orio/board".to_owned())
        );
        assert_eq!(list.failed(0), None);
        assert_eq!(list.current(), 0);
        assert_eq!(list.to_string(), "http://127.0.0.1:8080");
    }

    #[test]
    fn a_comma_list_keeps_its_order_and_ignores_spaces() {
        let list: ServerList =
            " http://a:8080 , https://b.city.local/madoguchi/ ,http://[::1]:9000"
                .parse()
                .unwrap();
        assert_eq!(
            list.urls(),
            [
                "http://a:8080",
                "https://b.city.local/madoguchi",
                "http://[::1]:9000"
            ]
        );
        assert_eq!(list.current_url(), "http://a:8080");
        assert_eq!(
            list.to_string(),
            "http://a:8080,https://b.city.local/madoguchi,http://[::1]:9000"
        );
    }

    #[test]
    fn a_failure_moves_to_the_next_server_and_wraps_around() {
        let mut list = ServerList::parse("http://a:8080,http://b:8080,http://c:8080").unwrap();
        assert_eq!(
            list.failed(0),
            Some(Switch {
                from: "http://a:8080".into(),
                to: "http://b:8080".into()
            })
        );
        assert_eq!(list.join("/x"), (1, "http://b:8080/x".to_owned()));
        assert!(list.failed(1).is_some());
        assert_eq!(
            list.failed(2),
            Some(Switch {
                from: "http://c:8080".into(),
                to: "http://a:8080".into()
            })
        );
        assert_eq!(list.current(), 0);
    }

    #[test]
    fn a_late_failure_of_a_server_already_left_moves_nothing() {
        // Two requests went to a; both fail; only the first moves the list, so the second
        // does not push it on past b, which answers.
        let mut list = ServerList::parse("http://a:8080,http://b:8080,http://c:8080").unwrap();
        assert!(list.failed(0).is_some());
        assert_eq!(list.failed(0), None);
        assert_eq!(list.current_url(), "http://b:8080");
        // Nor does a failure reported for an index that is not in the list.
        assert_eq!(list.failed(7), None);
        assert_eq!(list.current_url(), "http://b:8080");
    }

    #[test]
    fn bad_lists_say_what_to_write() {
        for (text, says) in [
            ("", "No server address given"),
            ("   ", "No server address given"),
            (
                "http://a:8080,,http://b:8080",
                "empty address between commas",
            ),
            ("http://a:8080,", "empty address between commas"),
            ("a:8080", "must start with http:// or https://"),
            ("ftp://a", "must start with http:// or https://"),
            ("http://", "the host is missing"),
            ("http://:8080", "the host is missing"),
            ("http://a:80 80", "contains a space"),
            ("http://a:port", "the port must be a number"),
            ("http://a:70000", "the port must be a number"),
            ("http://a:0", "the port must be a number"),
            ("http://a:8080/?x=1", "no ? or # part"),
            ("http://user:pw@a:8080", "no user or password"),
            ("http://a:8080,http://a:8080/", "listed twice"),
        ] {
            let err = ServerList::parse(text).unwrap_err().to_string();
            assert!(err.contains(says), "{text:?}: {err}");
            assert!(
                err.contains("http://a:8080,http://b:8080") || err.contains("once"),
                "{err}"
            );
        }
    }

    #[test]
    fn paths_join_with_one_slash() {
        assert_eq!(join("http://a:8080/", "/api"), "http://a:8080/api");
        assert_eq!(join("http://a:8080", "api"), "http://a:8080/api");
        assert_eq!(join("http://a:8080", ""), "http://a:8080");
    }
}
