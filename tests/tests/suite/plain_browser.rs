//! A browser with JavaScript off, over plain HTTP: it keeps its cookies, follows no redirect by
//! itself, posts forms as a browser does (`Accept: text/html`, the page as `Referer`, its own
//! `Origin`), and remembers every address it asked for and every `Location` it was sent to. And
//! reading what a page's boxes hold, as a browser's HTML parser would.
use std::collections::BTreeMap;

use reqwest::header::{ACCEPT, CONTENT_TYPE, COOKIE, LOCATION, ORIGIN, REFERER, SET_COOKIE};
use tests::app::TestApp;

pub struct PlainBrowser<'a> {
    app: &'a TestApp,
    client: reqwest::Client,
    cookies: BTreeMap<String, String>,
    /// Every address asked for (path and query), and every `Location` answered, in order.
    pub addresses: Vec<String>,
}

/// One answer.
pub struct Page {
    pub status: u16,
    pub location: Option<String>,
    pub body: String,
}

impl<'a> PlainBrowser<'a> {
    pub fn new(app: &'a TestApp) -> Self {
        api::startup::install_tls();
        Self {
            app,
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .timeout(std::time::Duration::from_secs(120))
                .build()
                .expect("client"),
            cookies: BTreeMap::new(),
            addresses: Vec::new(),
        }
    }

    /// Signed in as a member of staff with this access token.
    pub fn staff(app: &'a TestApp, token: &str) -> Self {
        let mut browser = Self::new(app);
        browser
            .cookies
            .insert("myvoice_staff".into(), format!("{token}~not-needed"));
        browser
    }

    /// Signed in as a child with this access token.
    pub fn child(app: &'a TestApp, token: &str) -> Self {
        let mut browser = Self::new(app);
        browser
            .cookies
            .insert("myvoice_session".into(), token.to_owned());
        browser
    }

    pub fn has_cookie(&self, name: &str) -> bool {
        self.cookies.contains_key(name)
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(name, value)| format!("{name}={value}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    async fn answer(&mut self, response: reqwest::Response) -> Page {
        for set in response.headers().get_all(SET_COOKIE) {
            let set = set.to_str().expect("cookie text");
            let pair = set.split(';').next().unwrap_or_default();
            let (name, value) = pair.split_once('=').expect("name=value");
            let gone = value.is_empty() || set.to_ascii_lowercase().contains("max-age=0");
            if gone {
                self.cookies.remove(name);
            } else {
                self.cookies.insert(name.to_owned(), value.to_owned());
            }
        }
        let location = response
            .headers()
            .get(LOCATION)
            .map(|l| l.to_str().expect("location text").to_owned());
        if let Some(location) = &location {
            self.addresses.push(location.clone());
        }
        Page {
            status: response.status().as_u16(),
            location,
            body: response.text().await.expect("body"),
        }
    }

    /// GET `path`, following no redirect.
    pub async fn get(&mut self, path: &str) -> Page {
        self.addresses.push(path.to_owned());
        let response = self
            .client
            .get(self.app.url(path))
            .header(ACCEPT, "text/html")
            .header(COOKIE, self.cookie_header())
            .send()
            .await
            .expect("GET");
        self.answer(response).await
    }

    /// GET `path` and any redirects after it (same site only), ending on a page.
    pub async fn open(&mut self, path: &str) -> Page {
        let mut page = self.get(path).await;
        for _ in 0..5 {
            match page.location.clone() {
                Some(next) if (300..400).contains(&page.status) => {
                    assert!(next.starts_with('/'), "sent off the site to {next}");
                    // The fragment stays in the browser.
                    let next = next.split('#').next().unwrap_or_default().to_owned();
                    page = self.get(&next).await;
                }
                _ => return page,
            }
        }
        panic!("too many redirects from {path}");
    }

    /// Post a form from the page at `from` to `action` as a browser without JavaScript does; the
    /// answer (a redirect, for every form on these pages) is not followed.
    pub async fn post(&mut self, from: &str, action: &str, fields: &[(&str, &str)]) -> Page {
        self.addresses.push(action.to_owned());
        let origin = self.app.url("");
        let response = self
            .client
            .post(self.app.url(action))
            .header(ACCEPT, "text/html,application/xhtml+xml")
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(ORIGIN, origin.trim_end_matches('/'))
            .header(REFERER, self.app.url(from))
            .header("sec-fetch-site", "same-origin")
            .header(COOKIE, self.cookie_header())
            .body(form_encode(fields))
            .send()
            .await
            .expect("POST");
        self.answer(response).await
    }
}

/// `application/x-www-form-urlencoded`, as a browser writes a form.
pub fn form_encode(fields: &[(&str, &str)]) -> String {
    fn one(text: &str, out: &mut String) {
        for byte in text.bytes() {
            match byte {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'*' => {
                    out.push(byte as char)
                }
                b' ' => out.push('+'),
                other => out.push_str(&format!("%{other:02X}")),
            }
        }
    }
    let mut out = String::new();
    for (name, value) in fields {
        if !out.is_empty() {
            out.push('&');
        }
        one(name, &mut out);
        out.push('=');
        one(value, &mut out);
    }
    out
}

/// A path segment or query value, percent-encoded.
pub fn urlencode(text: &str) -> String {
    form_encode(&[("", text)])[1..].replace('+', "%20")
}

/// `%xx` decoded (an address as its reader sees it).
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(byte) = text
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The end of the start tag beginning at `from` (the index of its `>`), quotes respected.
fn tag_end(html: &str, from: usize) -> usize {
    let mut quote = None;
    for (i, c) in html[from..].char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return from + i,
            _ => {}
        }
    }
    panic!("unclosed tag at {from}");
}

/// An attribute's value in a start tag, decoded.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let end = start + tag[start..].find('"')?;
    Some(html_escape::decode_html_entities(&tag[start..end]).into_owned())
}

/// Every text box on the page, by id, holding the text a browser shows in it: the content up to
/// the first `</textarea` (as the HTML parser reads it), entities decoded, one line break right
/// after the start tag dropped.
pub fn text_boxes(html: &str) -> BTreeMap<String, String> {
    let lower = html.to_ascii_lowercase();
    let mut boxes = BTreeMap::new();
    let mut at = 0;
    while let Some(found) = lower[at..].find("<textarea") {
        let start = at + found;
        let end = tag_end(html, start);
        let id = attribute(&html[start..=end], "id").expect("every text box has an id");
        let close = end + 1 + lower[end + 1..].find("</textarea").expect("closed");
        let raw = &html[end + 1..close];
        let raw = raw
            .strip_prefix("\r\n")
            .or_else(|| raw.strip_prefix('\n'))
            .unwrap_or(raw);
        boxes.insert(id, html_escape::decode_html_entities(raw).into_owned());
        at = close;
    }
    boxes
}

/// The `value` of the `<input>` with this id, as a browser shows it.
pub fn input_value(html: &str, id: &str) -> Option<String> {
    let mut at = 0;
    while let Some(found) = html[at..].find("<input") {
        let start = at + found;
        let end = tag_end(html, start);
        let tag = &html[start..=end];
        if attribute(tag, "id").as_deref() == Some(id) {
            return Some(attribute(tag, "value").unwrap_or_default());
        }
        at = end;
    }
    None
}
