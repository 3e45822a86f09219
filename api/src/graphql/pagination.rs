//! Relay connections for every list: `first`/`after`, `totalCount`, opaque cursors.
use async_graphql::connection::{Connection, Edge, EmptyFields};
use async_graphql::{OutputType, SimpleObject};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use crate::error::{ApiError, ApiResult};

pub const DEFAULT_PAGE: u64 = 20;
pub const MAX_PAGE: u64 = 100;
/// The last position a cursor may name. Rows have `i32` ids, so no list is longer; the bound keeps
/// `offset + limit` far inside the `i64` the database drivers take (a larger offset panicked there).
pub const MAX_POSITION: u64 = i32::MAX as u64;

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

/// The position a cursor names: only cursors this API hands out (so `pos:+7` or `pos:007` are not
/// cursors), and never past `MAX_POSITION`.
fn decode_cursor(cursor: &str) -> Option<u64> {
    let bytes = URL_SAFE_NO_PAD.decode(cursor).ok()?;
    let position: u64 = std::str::from_utf8(&bytes)
        .ok()?
        .strip_prefix("pos:")?
        .parse()
        .ok()?;
    (position <= MAX_POSITION && encode_cursor(position) == cursor).then_some(position)
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
        assert!(Page::parse(Some(i32::MIN), None).is_err());
        assert!(Page::parse(None, Some("garbage".into())).is_err());
        // Past any list: once panicked converting the offset for the SQL driver.
        let huge = URL_SAFE_NO_PAD.encode(format!("pos:{}", i64::MAX));
        assert!(Page::parse(None, Some(huge)).is_err());
        let max = URL_SAFE_NO_PAD.encode(format!("pos:{}", u64::MAX));
        assert!(Page::parse(None, Some(max)).is_err());
        let last = Page::parse(Some(100), Some(encode_cursor(MAX_POSITION))).unwrap();
        assert!(i64::try_from(last.offset + last.limit).is_ok());
        for padded in ["pos:+7", "pos:07", "pos: 7", "pos:-1", "POS:7"] {
            assert!(
                decode_cursor(&URL_SAFE_NO_PAD.encode(padded)).is_none(),
                "{padded}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn any_cursor_text_is_a_position_or_bad_input(cursor in "\\PC*") {
            if let Ok(page) = Page::parse(None, Some(cursor.clone())) {
                proptest::prop_assert!(page.offset <= MAX_POSITION + 1);
                proptest::prop_assert_eq!(encode_cursor(page.offset - 1), cursor);
            }
        }

        #[test]
        fn any_encoded_text_is_a_position_or_bad_input(text in "(pos:)?[-+0-9 ]{0,25}") {
            let cursor = URL_SAFE_NO_PAD.encode(&text);
            if let Some(position) = decode_cursor(&cursor) {
                proptest::prop_assert!(position <= MAX_POSITION);
                proptest::prop_assert_eq!(format!("pos:{position}"), text);
            }
        }

        #[test]
        fn any_number_in_a_cursor_is_bounded(n in proptest::num::u64::ANY) {
            let cursor = URL_SAFE_NO_PAD.encode(format!("pos:{n}"));
            let page = Page::parse(Some(100), Some(cursor));
            proptest::prop_assert_eq!(page.is_ok(), n <= MAX_POSITION);
            if let Ok(page) = page {
                proptest::prop_assert_eq!(page.offset, n + 1);
                proptest::prop_assert!(i64::try_from(page.offset + page.limit).is_ok());
            }
        }

        #[test]
        fn cursors_round_trip(position in 0..=MAX_POSITION) {
            proptest::prop_assert_eq!(decode_cursor(&encode_cursor(position)), Some(position));
        }

        #[test]
        fn any_first_is_a_page_length_or_bad_input(first in proptest::num::i32::ANY) {
            let page = Page::parse(Some(first), None);
            proptest::prop_assert_eq!(page.is_ok(), (1..=100).contains(&first));
        }
    }
}
