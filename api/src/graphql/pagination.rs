//! Relay connections for every list: `first`/`after`, `totalCount`, opaque cursors.
use async_graphql::connection::{Connection, Edge, EmptyFields};
use async_graphql::{OutputType, SimpleObject};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use crate::error::{ApiError, ApiResult};

pub const DEFAULT_PAGE: u64 = 20;
pub const MAX_PAGE: u64 = 100;

/// Fields every connection carries besides its edges.
#[derive(SimpleObject)]
pub struct ListInfo {
    /// How many items match, across all pages.
    pub total_count: u64,
}

pub type List<T> = Connection<String, T, ListInfo, EmptyFields>;

/// Where a page starts and how long it is, parsed from `first` and `after`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub offset: u64,
    pub limit: u64,
}

impl Page {
    pub fn parse(first: Option<i32>, after: Option<String>) -> ApiResult<Self> {
        let limit = match first {
            None => DEFAULT_PAGE,
            Some(n) if (1..=MAX_PAGE as i32).contains(&n) => n as u64,
            Some(_) => {
                return Err(ApiError::bad_input(
                    "first",
                    format!("first must be between 1 and {MAX_PAGE}."),
                ));
            }
        };
        let offset = match after {
            None => 0,
            Some(cursor) => decode_cursor(&cursor)
                .map(|position| position + 1)
                .ok_or_else(|| {
                    ApiError::bad_input("after", "after is not a cursor from this list.")
                })?,
        };
        Ok(Self { offset, limit })
    }

    /// Wrap one page of items (already fetched with this page's offset and limit) as a connection.
    pub fn connection<T: OutputType>(self, items: Vec<T>, total_count: u64) -> List<T> {
        let has_next = self.offset + (items.len() as u64) < total_count;
        let mut connection =
            Connection::with_additional_fields(self.offset > 0, has_next, ListInfo { total_count });
        connection.edges.extend(
            items
                .into_iter()
                .enumerate()
                .map(|(i, item)| Edge::new(encode_cursor(self.offset + i as u64), item)),
        );
        connection
    }
}

fn encode_cursor(position: u64) -> String {
    URL_SAFE_NO_PAD.encode(format!("pos:{position}"))
}

fn decode_cursor(cursor: &str) -> Option<u64> {
    let bytes = URL_SAFE_NO_PAD.decode(cursor).ok()?;
    std::str::from_utf8(&bytes)
        .ok()?
        .strip_prefix("pos:")?
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_follow_their_cursors() {
        let first = Page::parse(Some(2), None).unwrap();
        assert_eq!(
            first,
            Page {
                offset: 0,
                limit: 2
            }
        );
        let second = Page::parse(Some(2), Some(encode_cursor(1))).unwrap();
        assert_eq!(
            second,
            Page {
                offset: 2,
                limit: 2
            }
        );
    }

    #[test]
    fn bad_page_arguments_are_bad_input() {
        assert!(Page::parse(Some(0), None).is_err());
        assert!(Page::parse(Some(101), None).is_err());
        assert!(Page::parse(None, Some("garbage".into())).is_err());
    }
}
