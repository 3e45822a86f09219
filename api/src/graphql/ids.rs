//! Opaque global IDs (`node(id)`): base64url of `Kind:number`. Opaque to clients, checked on the way in.
use async_graphql::ID;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use crate::error::{ApiError, ApiResult};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    AdvocateNote,
    Agency,
    ApiKey,
    Case,
    Child,
    ChildMessage,
    DutyContact,
    ErasureRequest,
    Meeting,
    Notice,
    OutcomeDistribution,
    Referral,
    StaffUser,
    UrgentHelp,
    Views,
    ViewsShare,
    WebhookEndpoint,
}

impl NodeKind {
    const ALL: [Self; 17] = [
        Self::AdvocateNote,
        Self::Agency,
        Self::ApiKey,
        Self::Case,
        Self::Child,
        Self::ChildMessage,
        Self::DutyContact,
        Self::ErasureRequest,
        Self::Meeting,
        Self::Notice,
        Self::OutcomeDistribution,
        Self::Referral,
        Self::StaffUser,
        Self::UrgentHelp,
        Self::Views,
        Self::ViewsShare,
        Self::WebhookEndpoint,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Self::AdvocateNote => "AdvocateNote",
            Self::Agency => "Agency",
            Self::ApiKey => "ApiKey",
            Self::Case => "AdvocacyCase",
            Self::Child => "Child",
            Self::ChildMessage => "ChildMessage",
            Self::DutyContact => "DutyContact",
            Self::ErasureRequest => "ErasureRequest",
            Self::Notice => "Notice",
            Self::WebhookEndpoint => "WebhookEndpoint",
            Self::Meeting => "Meeting",
            Self::OutcomeDistribution => "OutcomeDistribution",
            Self::Referral => "Referral",
            Self::StaffUser => "StaffUser",
            Self::UrgentHelp => "UrgentHelp",
            Self::Views => "Views",
            Self::ViewsShare => "ViewsShare",
        }
    }

    pub fn id(self, raw: i32) -> ID {
        ID(URL_SAFE_NO_PAD.encode(format!("{}:{raw}", self.name())))
    }

    /// The row number inside an ID of this kind; anything else is bad input.
    pub fn parse(self, id: &ID, field: &'static str) -> ApiResult<i32> {
        match decode(id) {
            Some((kind, raw)) if kind == self => Ok(raw),
            _ => Err(ApiError::bad_input(
                field,
                format!("{field} is not a valid {} ID.", self.name()),
            )),
        }
    }
}

/// Kind and number of any global ID, for `node(id)`: only IDs this API hands out, so one row has
/// one ID (`Meeting:+7` and `Meeting:007` are not IDs).
pub fn decode(id: &ID) -> Option<(NodeKind, i32)> {
    let bytes = URL_SAFE_NO_PAD.decode(id.as_str()).ok()?;
    let text = std::str::from_utf8(&bytes).ok()?;
    let (name, raw) = text.split_once(':')?;
    let kind = NodeKind::ALL.into_iter().find(|k| k.name() == name)?;
    let raw = raw.parse().ok().filter(|n: &i32| *n > 0)?;
    (kind.id(raw) == *id).then_some((kind, raw))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_kinds_do_not_mix() {
        let id = NodeKind::Meeting.id(42);
        assert_eq!(NodeKind::Meeting.parse(&id, "meetingId").unwrap(), 42);
        assert!(NodeKind::Child.parse(&id, "childId").is_err());
        assert!(
            NodeKind::Child
                .parse(&ID("not base64 at all!".into()), "childId")
                .is_err()
        );
        assert!(
            NodeKind::Child
                .parse(&ID(URL_SAFE_NO_PAD.encode("Child:-1")), "childId")
                .is_err()
        );
        let too_big = ID(URL_SAFE_NO_PAD.encode(format!("Child:{}", i64::MAX)));
        assert!(NodeKind::Child.parse(&too_big, "childId").is_err());
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_an_id_of_its_kind_or_bad_input(text in "\\PC*") {
            let _ = NodeKind::Meeting.parse(&ID(text.clone()), "meetingId");
            if let Some((kind, raw)) = decode(&ID(text.clone())) {
                proptest::prop_assert!(raw > 0);
                proptest::prop_assert_eq!(kind.id(raw).0, text);
            }
        }

        #[test]
        fn any_number_in_an_id_is_a_row_or_bad_input(kind in 0..NodeKind::ALL.len(), n in "-?[0-9]{1,25}") {
            let kind = NodeKind::ALL[kind];
            let id = ID(URL_SAFE_NO_PAD.encode(format!("{}:{n}", kind.name())));
            let expected = n.parse::<i32>().ok().filter(|v| *v > 0 && v.to_string() == n);
            proptest::prop_assert_eq!(kind.parse(&id, "id").ok(), expected);
        }

        #[test]
        fn ids_round_trip(kind in 0..NodeKind::ALL.len(), raw in 1..=i32::MAX) {
            let kind = NodeKind::ALL[kind];
            proptest::prop_assert_eq!(kind.parse(&kind.id(raw), "id").ok(), Some(raw));
            proptest::prop_assert_eq!(decode(&kind.id(raw)), Some((kind, raw)));
        }
    }
}
